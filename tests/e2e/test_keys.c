/* End to end: the keys offered are keys that work. On a vt100 (no F5-F10,
 * no Home/End) the hints and the help name the letter or Ctrl- key the
 * terminal can send, and a function key sent anyway never turns into the
 * letters of its escape sequence; no lookup before signing in; the case
 * file offers a role only what it may do. */
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

/* True when the status line (the last row) holds text. */
static bool status_has(struct session *s, const char *text)
{
	char *row = term_row(s->t, 23);
	bool has = strstr(row, text) != NULL;
	free(row);
	return has;
}

/* Asserts the status line holds want and none of the unwanted (NULL-ended). */
static void assert_status(struct session *s, const char *want, const char *const *unwanted)
{
	bool ok = term_wait_text(s->t, want, WAIT_MS) && status_has(s, want);
	for (int i = 0; ok && unwanted && unwanted[i]; i++)
		ok = !status_has(s, unwanted[i]);
	if (!ok)
		term_dump(s->t, want);
	assert_true(ok);
}

/* The case key (no dashes) of person id. */
static void case_key(struct session *s, int id, char *key, size_t size)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT case_key FROM person WHERE id = ?", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int(st, 1, id);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(key, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/* Opens the case file of person 1 from the lookup. */
static void open_person_1(struct session *s)
{
	char key[32], shown[8];
	case_key(s, 1, key, sizeof key);
	term_type(s->t, "/");
	assert_screen(s, "Chercher");
	term_type(s->t, key);
	snprintf(shown, sizeof shown, "%.3s-", key);
	assert_screen(s, shown);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Historique des modifications");
}

static void vt100_hints_name_keys_it_can_send(void **state)
{
	struct session *s = *state;
	static const char *const fkeys[] = { "F9", "F10", "Chercher", "/", NULL };
	session_start(s, 24, 80, "vt100");
	/* The login screen: no lookup, and Ctrl- keys while a field has the focus. */
	assert_screen(s, "Mot de passe");
	assert_status(s, "Ctrl-T Langue", fkeys);
	assert_status(s, "Ctrl-X Quitter", fkeys);
	session_login(s, "admin", "admin-demo");
	assert_screen(s, "Bienvenue");
	assert_status(s, "q Quitter", (const char *const[]){ "F9", "F10", NULL });
	/* F9 from a terminal that sends it anyway: the language, not menu
	 * entry 2 (the countries) from the digits of its escape sequence. */
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
	assert_false(term_has_text(s->t, "Filter"));
	/* What the hint says works. */
	term_ctrl(s->t, 't');
	assert_screen(s, "Bienvenue");
	/* The help names only keys the terminal has. */
	term_key(s->t, TK_F1);
	assert_screen(s, "Ctrl-T");
	assert_false(term_has_text(s->t, "F9"));
	assert_false(term_has_text(s->t, "F10"));
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue");
	term_type(s->t, "q");
	int status;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
}

static void vt100_case_file_offers_letters(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "vt100");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue");
	open_person_1(s);
	assert_status(s, "s Séjour", (const char *const[]){ "F6", NULL });
	term_type(s->t, "s");
	assert_screen(s, "Taimako · Séjour");
}

static void case_file_keys_follow_the_role(void **state)
{
	struct session *s = *state;
	static const char *const edit_keys[] = { "F2", "F3", "F6", "Modifier", "Famille", "Séjour", NULL };
	session_start(s, 24, 80, "xterm");
	session_login(s, "psychosocial", "psychosocial-demo");
	assert_screen(s, "Bienvenue");
	open_person_1(s);
	assert_status(s, "F1 Aide", edit_keys);
	term_key(s->t, TK_F1);
	assert_screen(s, "Touches de l'écran : Dossier");
	assert_false(term_has_text(s->t, "Lier un membre de la famille"));
	assert_false(term_has_text(s->t, "Services, départ, ou nouvelle admission"));
	assert_false(term_has_text(s->t, "F2"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(vt100_hints_name_keys_it_can_send, setup, teardown),
		cmocka_unit_test_setup_teardown(vt100_case_file_offers_letters, setup, teardown),
		cmocka_unit_test_setup_teardown(case_file_keys_follow_the_role, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
