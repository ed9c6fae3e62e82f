/* End to end: a protection case. The protection officer opens a case
 * from a person's case file with p (the form prefilled: medium risk, the
 * officer as case worker), adds an action already overdue, and finds the
 * case on "My protection cases" (z) with its overdue action (o lists
 * it); the case file's line says the risk and the overdue action. An
 * intake account sees "Under protection follow-up" on that person's case
 * file, nothing more, and p is not theirs. Screens are read in English. */
#include <sqlite3.h>
#include "session.h"

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "80", (char *)NULL), 0);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

static long long count_of(struct session *s, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* A migrant of the demo without a protection case: case number as typed
 * and as shown. */
static void someone(struct session *s, char *typed, size_t tsize, char *shown, size_t ssize)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT p.case_key FROM person p WHERE p.kind = 'migrant' "
		"AND NOT EXISTS (SELECT 1 FROM prot_case c WHERE c.person_id = p.id) ORDER BY p.id LIMIT 1",
		-1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const char *k = (const char *)sqlite3_column_text(st, 0);
	snprintf(typed, tsize, "%s", k);
	snprintf(shown, ssize, "%.3s-%.2s-%.5s-%.1s", k, k + 3, k + 5, k + 10);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* From the home screen, the case file of the person with case number typed. */
static void case_file(struct session *s, const char *typed, const char *shown)
{
	term_type(s->t, "/");
	term_settle(s->t, 100);
	term_type(s->t, typed);
	assert_screen(s, shown);
	term_settle(s->t, 50);
	term_key(s->t, TK_ENTER);
}

static void open_a_case_add_an_action_see_it_on_my_work(void **state)
{
	struct session *s = *state;
	char typed[20], shown[24];
	someone(s, typed, sizeof typed, shown, sizeof shown);
	session_start(s, 24, 80, "xterm");
	session_login(s, "protection", "protection-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "My protection cases");
	case_file(s, typed, shown);
	assert_screen(s, "Stays");
	term_type(s->t, "p");
	assert_screen(s, "New protection case of");
	assert_screen(s, "Medium");
	assert_screen(s, "Hadiza Souley");
	term_key(s->t, TK_F2);
	assert_screen(s, "Protection case opened.");
	assert_screen(s, "No action yet: n adds one.");
	term_type(s->t, "n");
	assert_screen(s, "New action of the protection case");
	term_type(s->t, "Call the family in Zinder");
	term_key(s->t, TK_TAB);
	term_type(s->t, "01/01/2020");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Action added.");
	assert_screen(s, "overdue");
	assert_screen(s, "Call the family in Zinder");
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "the case");
	/* The case file's line says the risk and the overdue action. */
	term_key(s->t, TK_ESC);
	assert_screen(s, "Protection: medium risk · 1 action overdue");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Found: 1");
	term_key(s->t, TK_ESC);
	assert_screen(s, "My protection cases");
	term_type(s->t, "z");
	assert_screen(s, "My open protection cases, the earliest action due first");
	assert_screen(s, shown);
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "my work");
	/* Its overdue action on the list of mine. */
	term_type(s->t, "o");
	assert_screen(s, "My overdue actions, the oldest due first");
	assert_screen(s, "Call the family in Zinder");
	term_key(s->t, TK_ESC);
	assert_screen(s, "My open protection cases, the earliest action due first");
	term_key(s->t, TK_F10);
	int status;
	term_wait_exit(s->t, WAIT_MS, &status);
	term_free(&s->t);

	/* An intake account: "Under protection follow-up" and nothing more. */
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
	case_file(s, typed, shown);
	assert_screen(s, "Stays");
	assert_screen(s, "Under protection follow-up");
	assert_false(term_wait_text(s->t, "medium risk", 300));
	term_type(s->t, "p");
	assert_screen(s, "Your role does not allow this.");
	assert_false(term_wait_text(s->t, "Call the family", 300));
	assert_false(term_wait_text(s->t, "Protection case of", 300));
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "intake's case file");
	term_key(s->t, TK_F10);
	term_wait_exit(s->t, WAIT_MS, &status);

	char sql[512];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM prot_case c JOIN person x ON x.id = c.person_id JOIN app_user u "
	         "ON u.id = c.caseworker_id WHERE x.case_key = '%s' AND c.status = 'open' AND c.risk = 'medium' "
	         "AND u.name = 'protection'", typed);
	assert_int_equal(count_of(s, sql), 1);
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM audit a JOIN prot_case c ON c.id = a.entity_id JOIN person x ON x.id = c.person_id "
	         "WHERE x.case_key = '%s' AND a.entity = 'prot_case' AND a.action = 'view' AND a.user_name = 'protection'",
	         typed);
	assert_true(count_of(s, sql) >= 1);
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM audit a WHERE a.entity = 'prot_case' AND a.user_name = 'intake'");
	assert_int_equal(count_of(s, sql), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(open_a_case_add_an_action_see_it_on_my_work, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
