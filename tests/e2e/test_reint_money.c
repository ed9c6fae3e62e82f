/* End to end: grants and visits. On the demo with an approved plan of
 * 300 000 XOF and two tranches planned today (made by SQL: cases and plans
 * have their own screens), the reintegration officer opens the payments
 * planned this month, pays both tranches and sees paid and left; a payment
 * above what is left is refused with its message. Then a monitoring visit
 * due today is recorded as done from the visits due. Read in English. */
#include <sqlite3.h>
#include "session.h"

/* The no-break space that joins an amount's groups and currency. */
#define NB "\xc2\xa0"

static void exec_sql(struct session *s, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	char *err = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	if (rc != SQLITE_OK)
		fprintf(stderr, "%s\n", err ? err : "?");
	assert_int_equal(rc, SQLITE_OK);
	sqlite3_free(err);
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

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "30", (char *)NULL), 0);
	/* A case of the first person, followed by the reintegration officer
	 * at their centre, its approved plan and two tranches planned today;
	 * a monitoring visit due today. */
	exec_sql(s,
	         "INSERT INTO reint_case (person_id, centre_id, country, return_date, return_kind, caseworker_id, status) "
	         "SELECT (SELECT min(id) FROM person), (SELECT id FROM centre WHERE code = 'NY2'), 'SEN', '2026-01-10', "
	         "'avr', (SELECT id FROM app_user WHERE name = 'reintegration'), 'open';"
	         "INSERT INTO reint_plan (case_id, status, approved_amount, approved_at, approved_by) "
	         "SELECT max(id), 'approved', 300000, '2026-02-01', (SELECT id FROM app_user WHERE name = 'manager') "
	         "FROM reint_case;"
	         "INSERT INTO reint_tranche (plan_id, seq, planned_date, planned_amount, status) "
	         "SELECT max(id), 1, date('now', 'localtime'), 100000, 'planned' FROM reint_plan;"
	         "INSERT INTO reint_tranche (plan_id, seq, planned_date, planned_amount, status) "
	         "SELECT max(id), 2, date('now', 'localtime'), 150000, 'planned' FROM reint_plan;"
	         "INSERT INTO reint_visit (case_id, kind, due_date, status) "
	         "SELECT max(id), 'monitoring', date('now', 'localtime'), 'scheduled' FROM reint_case;");
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

static void login_in_english(struct session *s)
{
	session_start(s, 24, 80, "xterm");
	session_login(s, "reintegration", "reintegration-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Payments planned this month");
}

/* On the payments screen, the selected tranche: p, its method, save. */
static void pay_selected(struct session *s)
{
	term_type(s->t, "p");
	assert_screen(s, "Pay tranche");
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	term_type(s->t, "cash");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Payment recorded.");
}

static void pay_two_tranches_then_a_payment_above_the_approval_is_refused(void **state)
{
	struct session *s = *state;
	login_in_english(s);
	term_type(s->t, "b");
	assert_screen(s, "Payments planned this month at NY2");
	assert_screen(s, "100" NB "000" NB "XOF");
	assert_screen(s, "150" NB "000" NB "XOF");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Approved 300" NB "000" NB "XOF / paid 0" NB "XOF / left 300" NB "000" NB "XOF");
	pay_selected(s);
	assert_screen(s, "Approved 300" NB "000" NB "XOF / paid 100" NB "000" NB "XOF / left 200" NB "000" NB "XOF");
	term_key(s->t, TK_DOWN);
	term_settle(s->t, 50);
	pay_selected(s);
	assert_screen(s, "Approved 300" NB "000" NB "XOF / paid 250" NB "000" NB "XOF / left 50" NB "000" NB "XOF");
	assert_int_equal(count_of(s, "SELECT count(*) FROM reint_tranche WHERE status = 'paid' AND plan_id = (SELECT max(id) FROM reint_plan)"), 2);
	/* The first payment put the plan in implementation, visits scheduled. */
	assert_screen(s, "plan in implementation");
	assert_int_equal(count_of(s, "SELECT count(*) FROM reint_visit WHERE months IS NOT NULL AND case_id = (SELECT max(id) FROM reint_case)"), 3);
	/* An unscheduled payment above what is left: refused, nothing saved. */
	term_key(s->t, TK_TAB);
	term_settle(s->t, 50);
	term_type(s->t, "p");
	assert_screen(s, "Unscheduled payment");
	term_key(s->t, TK_TAB);
	term_type(s->t, "60000");
	term_key(s->t, TK_TAB);
	term_type(s->t, "mobile");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "This payment would take what is paid above the approved amount.");
	assert_int_equal(count_of(s, "SELECT count(*) FROM reint_payment WHERE plan_id = (SELECT max(id) FROM reint_plan)"), 2);
	/* Back, and the first payment reversed, saying why. */
	term_key(s->t, TK_ESC);
	assert_screen(s, "y = yes");
	term_type(s->t, "y");
	assert_screen(s, "> Payments");
	term_type(s->t, "r");
	assert_screen(s, "y = yes");
	term_type(s->t, "y");
	assert_screen(s, "Reverse the payment of 100" NB "000" NB "XOF");
	term_type(s->t, "Paid twice by mistake");
	term_key(s->t, TK_F2);
	assert_screen(s, "Payment reversed.");
	assert_screen(s, "REVERSAL");
	assert_screen(s, "reversed");
	assert_screen(s, "Approved 300" NB "000" NB "XOF / paid 150" NB "000" NB "XOF / left 150" NB "000" NB "XOF");
	assert_int_equal(count_of(s, "SELECT count(*) FROM reint_payment WHERE amount = -100000 AND reverses_id > 0 "
	                             "AND plan_id = (SELECT max(id) FROM reint_plan)"), 1);
}

static void a_monitoring_visit_is_recorded_as_done(void **state)
{
	struct session *s = *state;
	login_in_english(s);
	term_type(s->t, "v");
	assert_screen(s, "My visits due");
	assert_screen(s, "monitoring");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Visits of ");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Day of the visit");
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	term_type(s->t, "phone");       /* how */
	term_key(s->t, TK_TAB);
	term_type(s->t, "y");           /* business running */
	term_key(s->t, TK_TAB);
	term_type(s->t, "45000");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Visit saved.");
	assert_screen(s, "income 45" NB "000" NB "XOF a month");
	assert_int_equal(count_of(s, "SELECT count(*) FROM reint_visit WHERE status = 'done' AND mode = 'phone' AND case_id = (SELECT max(id) FROM reint_case) "
	                             "AND business_running = 1 AND monthly_income = 45000"),
	                 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(pay_two_tranches_then_a_payment_above_the_approval_is_refused, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(a_monitoring_visit_is_recorded_as_done, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
