/* End to end: the screens of the exchanges between sites. The demo
 * manager opens the sites' status and sees this site's row first, marked,
 * with the help that says how bundles are made; a role without the
 * permissions has neither entry on its home menu. Read in English: the
 * test does not depend on translations. */
#include <sqlite3.h>
#include "session.h"

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "200", (char *)NULL), 0);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

/* Signs in as account and switches to English. */
static void sign_in(struct session *s, const char *account)
{
	char password[64];
	snprintf(password, sizeof password, "%s-demo", account);
	session_start(s, 24, 80, "xterm");
	session_login(s, account, password);
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
}

static void manager_sees_this_site_first(void **state)
{
	struct session *s = *state;
	sign_in(s, "manager");
	assert_screen(s, "*  Sites and exchanges");
	assert_screen(s, "!  Conflicts between sites");
	term_type(s->t, "*");
	assert_screen(s, "Last received");
	assert_screen(s, "(here)");
	term_settle(s->t, 100);
	/* This site is the first row, selected. */
	char *row = term_row(s->t, 4);
	if (!strstr(row, "(here)"))
		term_dump(s->t, "this site's row");
	assert_non_null(strstr(row, "(here)"));
	assert_true(row[0] == '>');
	free(row);
	assert_screen(s, "No conflict between sites is open.");
	/* The help says how bundles are made. */
	term_key(s->t, TK_F1);
	assert_screen(s, "taimako sync export --to SITE FILE");
	assert_screen(s, "taimako sync push HOST");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Last received");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Welcome");
	term_type(s->t, "q");
	int status;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
}

/* The roles without the permissions do not get the entries, and their keys
 * open nothing; an administrator sees the status but not the conflicts. */
static void other_roles_do_not_get_the_entries(void **state)
{
	struct session *s = *state;
	sign_in(s, "intake");
	assert_screen(s, "Log out");
	assert_false(term_has_text(s->t, "Sites and exchanges"));
	assert_false(term_has_text(s->t, "Conflicts between sites"));
	term_type(s->t, "*");
	term_type(s->t, "!");
	term_settle(s->t, 200);
	assert_screen(s, "Welcome");
	assert_false(term_has_text(s->t, "Last received"));
	term_type(s->t, "d");
	session_login_as(s, "Password", "admin", "admin-demo");
	assert_screen(s, "Bienvenue");   /* the account's own language */
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
	assert_screen(s, "*  Sites and exchanges");
	assert_false(term_has_text(s->t, "Conflicts between sites"));
	term_type(s->t, "*");
	assert_screen(s, "Last received");
	term_type(s->t, "c");
	assert_screen(s, "Only a manager sees and decides the conflicts between sites.");
	term_type(s->t, "q");
	int status;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(manager_sees_this_site_first, setup, teardown),
		cmocka_unit_test_setup_teardown(other_roles_do_not_get_the_entries, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
