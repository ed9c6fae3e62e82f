/* End to end, the whole path of a returnee's reintegration on the real
 * program, screens as a user reaches them: the officer opens a case for a
 * person of the demo who left on assisted return and drafts a plan; the
 * manager approves it; the officer pays two amounts from the case, a third
 * above what is left is refused with its message and nothing is saved;
 * the first payment scheduled the monitoring visits, one is recorded as
 * done with the sustainability survey, whose scores are shown. Read in
 * English: the module's texts do not change with the catalogue. */
#include <sqlite3.h>
#include "session.h"

/* Amounts are grouped with no-break spaces. */
#define NB "\xc2\xa0"

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

/* The first column of the first row of sql (an integer), -1 when none. */
static long long value_of(struct session *s, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* A migrant of the demo whose last stay ended on assisted return and who
 * has no reintegration case: the case number as typed. */
static void returnee(struct session *s, char *typed, size_t size)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT p.case_key FROM person p JOIN stay t ON t.person_id = p.id AND t.departure_reason = 'avr' "
		"WHERE p.kind = 'migrant' AND p.nationality IS NOT NULL "
		"AND NOT EXISTS (SELECT 1 FROM stay u WHERE u.person_id = p.id AND u.admitted > t.admitted) "
		"AND NOT EXISTS (SELECT 1 FROM reint_case c WHERE c.person_id = p.id) ORDER BY p.id LIMIT 1",
		-1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(typed, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* Signs in as the officer, in English, and opens the person's
 * reintegration from their case file. */
static void officer_on_case_file(struct session *s, const char *typed, bool first)
{
	session_start(s, 24, 80, "xterm");
	session_login(s, "reintegration", "reintegration-demo");
	assert_screen(s, first ? "Bienvenue" : "Welcome");
	if (first)
		term_key(s->t, TK_F9);
	assert_screen(s, "Reintegration cases");
	term_type(s->t, "/");
	term_settle(s->t, 100);
	term_type(s->t, typed);
	assert_screen(s, "Found: 1");
	term_settle(s->t, 50);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Reintegration");
	term_type(s->t, "g");
}

/* On the payments screen, an unscheduled payment of amount in cash. */
static void pay(struct session *s, const char *amount)
{
	term_type(s->t, "p");
	assert_screen(s, "Unscheduled payment");
	term_key(s->t, TK_TAB);
	term_type(s->t, amount);
	term_key(s->t, TK_TAB);
	term_type(s->t, "cash");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
}

static void from_case_to_scores(void **state)
{
	struct session *s = *state;
	char typed[20];
	returnee(s, typed, sizeof typed);

	/* The officer: the case with the proposed defaults, a plan of one item. */
	officer_on_case_file(s, typed, true);
	assert_screen(s, "This person has no reintegration case. Open one?");
	term_type(s->t, "y");
	assert_screen(s, "New reintegration case (proposed from the last stay)");
	term_key(s->t, TK_F2);
	assert_screen(s, "Reintegration case opened.");
	term_type(s->t, "n");
	assert_screen(s, "Currency (ISO code)");
	term_key(s->t, TK_F2);
	assert_screen(s, "Plan drafted: a adds its items.");
	term_type(s->t, "a");
	assert_screen(s, "New item of the plan (amounts in XOF)");
	term_type(s->t, "cash");
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	term_type(s->t, "Rent and food for the first months");
	term_key(s->t, TK_TAB);
	term_type(s->t, "200000");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Item added.");
	term_type(s->t, "s");
	assert_screen(s, "Plan submitted for approval.");
	term_key(s->t, TK_F10);
	int status;
	term_wait_exit(s->t, WAIT_MS, &status);
	term_free(&s->t);

	/* The manager approves it. */
	session_start(s, 24, 80, "xterm");
	session_login(s, "manager", "manager-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Plans waiting for approval");
	term_type(s->t, "j");
	assert_screen(s, "Plans waiting for approval, first submitted first");
	term_type(s->t, "a");
	assert_screen(s, "Approve the plan of");
	term_type(s->t, "y");
	assert_screen(s, "Plan approved.");
	term_key(s->t, TK_F10);
	term_wait_exit(s->t, WAIT_MS, &status);
	term_free(&s->t);

	/* The officer pays twice from the case; a third payment above what is
	 * left is refused and nothing is saved. */
	officer_on_case_file(s, typed, false);
	assert_screen(s, "Plan: Approved");
	term_type(s->t, "p");
	assert_screen(s, "Approved 200" NB "000" NB "XOF / paid 0" NB "XOF / left 200" NB "000" NB "XOF");
	term_key(s->t, TK_TAB);
	term_settle(s->t, 50);
	pay(s, "80000");
	assert_screen(s, "Payment recorded.");
	assert_screen(s, "Approved 200" NB "000" NB "XOF / paid 80" NB "000" NB "XOF / left 120" NB "000" NB "XOF");
	pay(s, "70000");
	assert_screen(s, "Payment recorded.");
	assert_screen(s, "Approved 200" NB "000" NB "XOF / paid 150" NB "000" NB "XOF / left 50" NB "000" NB "XOF");
	pay(s, "60000");
	assert_screen(s, "This payment would take what is paid above the approved amount.");
	term_key(s->t, TK_ESC);
	assert_screen(s, "y = yes");
	term_type(s->t, "y");
	assert_screen(s, "paid 150" NB "000" NB "XOF / left 50" NB "000" NB "XOF");
	char sql[512];
	snprintf(sql, sizeof sql,
	         "SELECT sum(y.amount) FROM reint_payment y JOIN reint_plan p ON p.id = y.plan_id "
	         "JOIN reint_case c ON c.id = p.case_id JOIN person x ON x.id = c.person_id WHERE x.case_key = '%s' "
	         "AND p.status = 'in_progress'", typed);
	assert_int_equal(value_of(s, sql), 150000);

	/* Back on the case: the first payment scheduled the visits at 3, 6
	 * and 12 months; the first one is recorded as done, by phone. */
	term_key(s->t, TK_ESC);
	assert_screen(s, "Plan: In implementation");
	term_type(s->t, "v");
	assert_screen(s, "Visits of ");
	assert_screen(s, "monitoring");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Day of the visit");
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	term_type(s->t, "phone");
	term_key(s->t, TK_TAB);
	term_type(s->t, "y");
	term_key(s->t, TK_TAB);
	term_type(s->t, "30000");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Visit saved.");

	/* Its survey: the best answer to every question, then the scores. */
	term_type(s->t, "s");
	assert_screen(s, "answered 0 of 15");
	term_type(s->t, "111111111111111");
	assert_screen(s, "answered 15 of 15");
	term_key(s->t, TK_F2);
	assert_screen(s, "Survey saved.");
	assert_screen(s, "Scores under version 1");
	assert_screen(s, "1.00");
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM reint_visit v JOIN reint_case c ON c.id = v.case_id JOIN person x "
	         "ON x.id = c.person_id WHERE x.case_key = '%s' AND v.months IS NOT NULL", typed);
	assert_int_equal(value_of(s, sql), 3);
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM reint_visit_answer a JOIN reint_visit v ON v.id = a.visit_id JOIN reint_case c "
	         "ON c.id = v.case_id JOIN person x ON x.id = c.person_id WHERE x.case_key = '%s' AND v.status = 'done' "
	         "AND v.mode = 'phone' AND v.survey_id = 1", typed);
	assert_int_equal(value_of(s, sql), 15);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(from_case_to_scores, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
