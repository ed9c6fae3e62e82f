/* End to end: on a terminal without an alternate screen (vt100, linux),
 * nothing of the last screen stays on the terminal once the program has
 * ended, whichever way it ends: quit, sign-out then quit, the idle lock,
 * SIGTERM, SIGHUP, SIGINT, or a fatal error. */
#include <signal.h>
#include <sqlite3.h>
#include "session.h"

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "20", (char *)NULL), 0);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

/* Person 1's case number as typed (no dashes) and family name. */
static void first_person(struct session *s, char *key, size_t ksize, char *family, size_t fsize)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT case_key, family_name FROM person WHERE id = 1", -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(key, ksize, "%s", (const char *)sqlite3_column_text(st, 0));
	snprintf(family, fsize, "%s", (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/* Starts on term (with extra in the environment), signs in as the
 * protection officer and opens person 1's case file; fills family. */
static void open_case_file(struct session *s, const char *term, const char *extra, char *family, size_t fsize)
{
	char key[32];
	first_person(s, key, sizeof key, family, fsize);
	session_start_with(s, 24, 80, term, extra);
	session_login(s, "protection", "protection-demo");
	assert_screen(s, "Bienvenue");
	term_ctrl(s->t, 'f');
	assert_screen(s, "Chercher");
	term_type(s->t, key);
	char shown[8];
	snprintf(shown, sizeof shown, "%.3s-", key);
	assert_screen(s, shown);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Historique des modifications");
	assert_screen(s, family);
}

/* Waits for the end of the program and checks that the screen is blank
 * of the case file. */
static void screen_left_blank(struct session *s, const char *family)
{
	int status = -1;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
	bool left = term_has_text(s->t, family) || term_has_text(s->t, "Historique")
	            || term_has_text(s->t, "Taimako");
	if (left)
		term_dump(s->t, "the screen after the program ended");
	assert_false(left);
}

/* Quits from the case file with Ctrl-X on term. */
static void quit_on(void **state, const char *term)
{
	struct session *s = *state;
	char family[256];
	open_case_file(s, term, NULL, family, sizeof family);
	term_ctrl(s->t, 'x');
	screen_left_blank(s, family);
}

static void quit_vt100(void **state) { quit_on(state, "vt100"); }
static void quit_linux(void **state) { quit_on(state, "linux"); }
static void quit_xterm(void **state) { quit_on(state, "xterm"); }

/* Ends the program with sig while the case file shows. */
static void signal_on_vt100(void **state, int sig)
{
	struct session *s = *state;
	char family[256];
	open_case_file(s, "vt100", NULL, family, sizeof family);
	term_signal(s->t, sig);
	screen_left_blank(s, family);
}

static void sigterm(void **state) { signal_on_vt100(state, SIGTERM); }
static void sighup(void **state) { signal_on_vt100(state, SIGHUP); }
static void sigint(void **state) { signal_on_vt100(state, SIGINT); }
static void sigquit(void **state) { signal_on_vt100(state, SIGQUIT); }
/* A fatal error: the program dies, and the screen is blanked first. */
static void sigabrt(void **state) { signal_on_vt100(state, SIGABRT); }
static void sigsegv(void **state) { signal_on_vt100(state, SIGSEGV); }

/* Signs out from the home menu, then quits from the sign-in screen. */
static void log_out_then_quit(void **state)
{
	struct session *s = *state;
	char family[256];
	open_case_file(s, "vt100", NULL, family, sizeof family);
	term_key(s->t, TK_ESC);
	term_key(s->t, TK_ESC);
	assert_screen(s, "Déconnexion");
	term_type(s->t, "d");
	assert_screen(s, "Mot de passe");
	term_ctrl(s->t, 'x');
	screen_left_blank(s, family);
}

/* The idle lock, signed out from the lock screen, then quit. */
static void idle_lock_then_quit(void **state)
{
	struct session *s = *state;
	char family[256];
	open_case_file(s, "vt100", "TAIMAKO_IDLE_LOCK_SECONDS=2", family, sizeof family);
	assert_screen(s, "Taimako est verrouillé");
	assert_false(term_has_text(s->t, family));
	term_ctrl(s->t, 'x');
	assert_screen(s, "Mot de passe");
	term_ctrl(s->t, 'x');
	screen_left_blank(s, family);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(quit_vt100, setup, teardown),
		cmocka_unit_test_setup_teardown(quit_linux, setup, teardown),
		cmocka_unit_test_setup_teardown(quit_xterm, setup, teardown),
		cmocka_unit_test_setup_teardown(sigterm, setup, teardown),
		cmocka_unit_test_setup_teardown(sighup, setup, teardown),
		cmocka_unit_test_setup_teardown(sigint, setup, teardown),
		cmocka_unit_test_setup_teardown(sigquit, setup, teardown),
		cmocka_unit_test_setup_teardown(sigabrt, setup, teardown),
		cmocka_unit_test_setup_teardown(sigsegv, setup, teardown),
		cmocka_unit_test_setup_teardown(log_out_then_quit, setup, teardown),
		cmocka_unit_test_setup_teardown(idle_lock_then_quit, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
