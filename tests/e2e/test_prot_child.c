/* End to end: a child's family tracing and best-interests determination.
 * A protection case of a child of the demo, with a tracing opened long ago
 * and no action, is prepared in the database (the cases part writes the
 * case screens). The protection officer finds the child in the tracings
 * waiting for an action (Protection menu, t), records a tracing action
 * (dated long ago: the child stays on that list) and a best-interests
 * assessment, and submits it; the manager approves it from the
 * determinations waiting (Protection menu, a) and the child's page, opened
 * from the tracings waiting, shows it approved. Screens are read in
 * English. */
#include <sqlite3.h>
#include "session.h"

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "60", (char *)NULL), 0);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

static void exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err ? err : "");
}

/* A child of the demo without a protection case gets one, flagged
 * unaccompanied, with a tracing opened on 2020-01-01; family receives the
 * child's family name. */
static void prepare_child(struct session *s, char *family, size_t size)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	exec(db, "CREATE TEMP TABLE pick AS SELECT id, family_name FROM person p WHERE kind = 'migrant' "
	         "AND NOT EXISTS (SELECT 1 FROM prot_case c WHERE c.person_id = p.id) ORDER BY id LIMIT 1");
	exec(db, "INSERT OR IGNORE INTO person_flag (person_id, flag) SELECT id, 'unaccompanied_child' FROM pick");
	exec(db, "INSERT INTO prot_case (person_id, centre_id, opened, risk, status) SELECT id, "
	         "(SELECT id FROM centre WHERE code = 'ZIN'), '2020-01-01', 'high', 'open' FROM pick");
	exec(db, "INSERT INTO prot_tracing (case_id, child_wishes, status, opened) SELECT c.id, 'To find the mother', "
	         "'open', '2020-01-01' FROM prot_case c JOIN pick ON pick.id = c.person_id");
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT family_name FROM pick", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(family, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
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

/* Signs in as name, switches to English the first time (the choice is
 * kept) and opens the tracings waiting, then the child's page (the oldest
 * tracing comes first). */
static void open_child(struct session *s, const char *name, const char *password, const char *family, bool first)
{
	session_start(s, 24, 80, "xterm");
	session_login(s, name, password);
	if (first) {
		assert_screen(s, "Bienvenue");
		term_key(s->t, TK_F9);
	}
	assert_screen(s, "Welcome");
	term_settle(s->t, 100);
	term_type(s->t, "e");
	assert_screen(s, "Children without a tracing action");
	term_type(s->t, "t");
	assert_screen(s, "no action for 30 days or more");
	assert_screen(s, family);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Best-interests assessment");
	assert_screen(s, "Family tracing");
}

static void record_tracing_and_an_approved_determination(void **state)
{
	struct session *s = *state;
	char family[256];
	prepare_child(s, family, sizeof family);
	open_child(s, "protection", "protection-demo", family, true);
	assert_screen(s, "Tracing opened");
	assert_screen(s, "None yet: b writes one.");
	/* A tracing action, long ago: the tracing is in progress. */
	term_type(s->t, "n");
	assert_screen(s, "What was done to trace the family");
	term_ctrl(s->t, 'u');
	term_type(s->t, "15/01/2020");
	term_key(s->t, TK_TAB);
	term_type(s->t, "phone");
	term_key(s->t, TK_TAB);
	term_type(s->t, "Zinder");
	term_key(s->t, TK_TAB);
	term_type(s->t, "The uncle answered");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Tracing action saved.");
	assert_screen(s, "Tracing in progress");
	assert_screen(s, "The uncle answered");
	/* An assessment: drafted, then submitted. */
	term_type(s->t, "b");
	assert_screen(s, "A new best-interests assessment");
	term_key(s->t, TK_TAB);
	term_type(s->t, "The mother lives in Zinder");
	term_key(s->t, TK_TAB);
	term_type(s->t, "Wants to go home");
	term_key(s->t, TK_TAB);
	term_type(s->t, "reunif");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Assessment saved as a draft");
	assert_screen(s, "Draft assessment");
	term_type(s->t, "s");
	assert_screen(s, "Submit the assessment to a manager?");
	term_type(s->t, "y");
	assert_screen(s, "Assessment submitted");
	assert_screen(s, "Waiting for approval");
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "the child's page");
	term_key(s->t, TK_F10);
	int status;
	term_wait_exit(s->t, WAIT_MS, &status);
	term_free(&s->t);

	/* The manager approves it. */
	session_start(s, 24, 80, "xterm");
	session_login(s, "manager", "manager-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	term_settle(s->t, 100);
	term_type(s->t, "e");
	assert_screen(s, "Determinations waiting for approval");
	term_type(s->t, "a");
	assert_screen(s, "waiting for approval, first submitted first");
	assert_screen(s, family);
	assert_screen(s, "Family reunification");
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "waiting for approval");
	/* The demo's determinations waiting come first: this one, submitted
	 * today, is the last. */
	term_key(s->t, TK_END);
	term_settle(s->t, 100);
	term_type(s->t, "a");
	assert_screen(s, "Approve the determination for");
	assert_screen(s, family);
	term_type(s->t, "y");
	assert_screen(s, "Determination approved.");
	assert_true(term_wait_gone(s->t, family, WAIT_MS));
	term_key(s->t, TK_F10);
	term_wait_exit(s->t, WAIT_MS, &status);
	term_free(&s->t);

	/* The child's page shows it approved. */
	open_child(s, "manager", "manager-demo", family, false);
	assert_screen(s, "Determination approved");
	assert_screen(s, "Approved by");
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "approved");
	term_key(s->t, TK_F10);
	term_wait_exit(s->t, WAIT_MS, &status);
	assert_int_equal(count_of(s, "SELECT count(*) FROM prot_best_interest b JOIN app_user u ON u.id = b.decided_by "
	                             "WHERE b.status = 'approved' AND u.name = 'manager' AND b.recommendation = "
	                             "'reunification' AND b.findings = 'The mother lives in Zinder'"),
	                 1);
	assert_int_equal(count_of(s, "SELECT count(*) FROM audit WHERE entity = 'prot_child' AND action = 'view'"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(record_tracing_and_an_approved_determination, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
