/* Grants and budgets: what is paid never exceeds what is approved (also
 * with sessions paying at once), an unapproved plan is never paid, a
 * reversal and a new payment, payments are never changed or deleted even
 * by SQL, planned tranches and the totals, amounts as text. */
#include <sys/wait.h>
#include <unistd.h>
#include "reint_money_fixture.h"
#include "core/amount_group.h"

#define PLAN(id) ((struct reint_ref){ REINT_PLAN, (id) })

static void amounts_are_grouped_with_their_currency(void **state)
{
	(void)state;
	char out[64];
	amount_grouped(150000, "XOF", out, sizeof out);
	assert_string_equal(out, "150\xc2\xa0" "000\xc2\xa0XOF");
	amount_grouped(1234567, "EUR", out, sizeof out);
	assert_string_equal(out, "1\xc2\xa0" "234\xc2\xa0" "567\xc2\xa0" "EUR");
	amount_grouped(999, "XOF", out, sizeof out);
	assert_string_equal(out, "999\xc2\xa0XOF");
	amount_grouped(-50000, "XOF", out, sizeof out);
	assert_string_equal(out, "-50\xc2\xa0" "000\xc2\xa0XOF");
	amount_grouped(0, "", out, sizeof out);
	assert_string_equal(out, "0");
}

static void tranches_are_planned_within_the_approval(void **state)
{
	struct fixture *f = *state;
	long long p = plan(f, reint_case(f, "DIOP", 0), "approved", 300000);
	long long t1, t2;
	const char *m, *field;
	assert_int_equal(reint_tranche_add(f->db, PLAN(p), "2026-04-25", 200000, &t1, &m, &field), ST_OK);
	assert_int_equal(reint_tranche_add(f->db, PLAN(p), "2026-06-01", 150000, &t2, &m, &field), ST_INVALID);
	assert_string_equal(field, "amount");
	assert_non_null(strstr(m, "approved amount"));
	assert_int_equal(reint_tranche_add(f->db, PLAN(p), "2026-06-01", 100000, &t2, &m, &field), ST_OK);
	assert_int_equal(reint_tranche_add(f->db, PLAN(p), "2026-13-01", 1, &t2, &m, &field), ST_INVALID);
	assert_string_equal(field, "date");
	struct reint_tranche t;
	assert_int_equal(reint_tranche_get(f->db, t1, &t), ST_OK);
	assert_int_equal(t.seq, 1);
	/* Moved, then cancelled; a cancelled one is no longer changed. */
	int v = t.version;
	assert_int_equal(reint_tranche_change(f->db, t1, &v, "2026-05-02", 150000, &m, &field), ST_OK);
	assert_int_equal(v, t.version + 1);
	int stale = t.version;
	assert_int_equal(reint_tranche_change(f->db, t1, &stale, "2026-05-03", 150000, &m, &field), ST_CONFLICT);
	assert_int_equal(reint_tranche_cancel(f->db, t1, &v, &m), ST_OK);
	assert_int_equal(reint_tranche_change(f->db, t1, &v, "2026-05-03", 1000, &m, &field), ST_INVALID);
	struct reint_totals tot;
	assert_int_equal(reint_money_totals(f->db, PLAN(p), &tot), ST_OK);
	assert_int_equal(tot.planned, 100000);
	/* Only the reintegration officer writes. */
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(reint_tranche_add(f->db, PLAN(p), "2026-06-01", 1000, &t2, &m, &field), ST_DENIED);
	assert_int_equal(reint_money_totals(f->db, PLAN(p), &tot), ST_OK);
	sign_in(f, ROLE_MEDICAL);
	assert_int_equal(reint_money_totals(f->db, PLAN(p), &tot), ST_DENIED);
}

static void payments_never_exceed_the_approval(void **state)
{
	struct fixture *f = *state;
	long long p = plan(f, reint_case(f, "DIOP", 0), "approved", 300000);
	long long t1, t2, id;
	const char *m, *field;
	assert_int_equal(reint_tranche_add(f->db, PLAN(p), "2026-04-01", 200000, &t1, &m, &field), ST_OK);
	assert_int_equal(reint_tranche_add(f->db, PLAN(p), "2026-07-01", 100000, &t2, &m, &field), ST_OK);
	struct reint_pay pay = payment(t1, "2026-04-10", 200000);
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_OK);
	struct reint_tranche t;
	assert_int_equal(reint_tranche_get(f->db, t1, &t), ST_OK);
	assert_string_equal(t.status, "paid");
	/* A paid tranche is not paid twice. */
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_INVALID);
	/* Above what is left: refused, with its message and field. */
	pay = payment(0, "2026-04-11", 100001);
	assert_int_equal(reint_pay_check(f->db, PLAN(p), &pay, &m, &field), ST_INVALID);
	assert_string_equal(field, "amount");
	assert_string_equal(m, "This payment would take what is paid above the approved amount.");
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_INVALID);
	assert_string_equal(field, "amount");
	/* Other rules: future day, zero, unknown method. */
	pay = payment(0, "2026-04-21", 1000);
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_INVALID);
	assert_string_equal(field, "paid_date");
	pay = payment(0, "2026-04-20", 0);
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_INVALID);
	assert_string_equal(field, "amount");
	pay = payment(0, "2026-04-20", 10);
	snprintf(pay.method, sizeof pay.method, "cheque");
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_INVALID);
	assert_string_equal(field, "method");
	/* The last tranche exactly up to the approval. */
	pay = payment(t2, "2026-04-20", 100000);
	snprintf(pay.method, sizeof pay.method, "mobile_money");
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_OK);
	struct reint_totals tot;
	assert_int_equal(reint_money_totals(f->db, PLAN(p), &tot), ST_OK);
	assert_int_equal(tot.approved, 300000);
	assert_int_equal(tot.paid, 300000);
	assert_int_equal(tot.left, 0);
	assert_int_equal(tot.planned, 0);
	assert_string_equal(tot.status, "in_progress");
	/* The trigger is the backstop when the checks are bypassed. */
	char *err = NULL;
	assert_int_not_equal(sqlite3_exec(db_sqlite(f->db),
	                                  "INSERT INTO reint_payment (plan_id, paid_date, amount, method) "
	                                  "VALUES ((SELECT max(id) FROM reint_plan), '2026-04-20', 1, 'cash')",
	                                  NULL, NULL, &err),
	                     SQLITE_OK);
	sqlite3_free(err);
}

static void an_unapproved_plan_or_project_is_not_paid(void **state)
{
	struct fixture *f = *state;
	long long c = reint_case(f, "DIOP", 0);
	long long p = plan(f, c, "submitted", 0);
	long long id;
	const char *m, *field;
	struct reint_pay pay = payment(0, "2026-04-10", 1000);
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_INVALID);
	assert_non_null(strstr(m, "not approved"));
	assert_int_equal(reint_tranche_add(f->db, PLAN(p), "2026-05-01", 1000, &id, &m, &field), ST_INVALID);
	long long pr = project(f, 0, 0);
	struct reint_ref ref = { REINT_PROJECT, pr };
	assert_int_equal(reint_pay(f->db, ref, &pay, &id, &m, &field), ST_INVALID);
	assert_non_null(strstr(m, "not approved"));
	assert_int_equal(one(f, "SELECT count(*) FROM reint_payment", 0), 0);
	/* A cancelled plan is not paid either, even approved before. */
	exec2(f, "UPDATE reint_plan SET status = 'cancelled', cancel_reason = 'x' WHERE id = ?1", p, 0);
	long long p2 = plan(f, c, "completed", 5000);
	assert_int_equal(reint_pay(f->db, PLAN(p2), &pay, &id, &m, &field), ST_INVALID);
}

static void a_reversal_then_a_new_payment(void **state)
{
	struct fixture *f = *state;
	long long p = plan(f, reint_case(f, "DIOP", 0), "approved", 100000);
	long long t1, id, rev, id2;
	const char *m, *field;
	assert_int_equal(reint_tranche_add(f->db, PLAN(p), "2026-04-01", 100000, &t1, &m, &field), ST_OK);
	struct reint_pay pay = payment(t1, "2026-04-10", 100000);
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_OK);
	/* Reason required; then reversed once, for the whole amount, today. */
	assert_int_equal(reint_payment_reverse(f->db, id, "  ", &rev, &m, &field), ST_INVALID);
	assert_string_equal(field, "reason");
	assert_int_equal(reint_payment_reverse(f->db, id, "Wrong person paid", &rev, &m, &field), ST_OK);
	assert_int_equal(reint_payment_reverse(f->db, id, "Again", &id2, &m, &field), ST_INVALID);
	assert_int_equal(reint_payment_reverse(f->db, rev, "Undo", &id2, &m, &field), ST_INVALID);
	struct reint_payment got;
	assert_int_equal(reint_payment_get(f->db, rev, &got), ST_OK);
	assert_int_equal(got.amount, -100000);
	assert_int_equal(got.reverses_id, id);
	assert_string_equal(got.paid_date, "2026-04-20");
	assert_string_equal(got.reason, "Wrong person paid");
	assert_int_equal(reint_payment_get(f->db, id, &got), ST_OK);
	assert_int_equal(got.reversed_by, rev);
	struct reint_tranche t;
	assert_int_equal(reint_tranche_get(f->db, t1, &t), ST_OK);
	assert_string_equal(t.status, "planned");
	struct reint_totals tot;
	assert_int_equal(reint_money_totals(f->db, PLAN(p), &tot), ST_OK);
	assert_int_equal(tot.paid, 0);
	assert_int_equal(tot.left, 100000);
	assert_int_equal(tot.planned, 100000);
	/* Paid again, to the right person. */
	pay = payment(t1, "2026-04-20", 100000);
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id2, &m, &field), ST_OK);
	assert_int_equal(reint_money_totals(f->db, PLAN(p), &tot), ST_OK);
	assert_int_equal(tot.paid, 100000);
	assert_int_equal(tot.left, 0);
	assert_int_equal(one(f, "SELECT count(*) FROM reint_payment WHERE plan_id = ?1", p), 3);
	/* The trail has each payment and the reversal. */
	assert_int_equal(one(f, "SELECT count(*) FROM audit WHERE entity = 'reint_payment'", 0), 3);
}

static void a_payment_is_never_changed_or_deleted(void **state)
{
	struct fixture *f = *state;
	long long p = plan(f, reint_case(f, "DIOP", 0), "approved", 100000);
	long long id;
	const char *m, *field;
	struct reint_pay pay = payment(0, "2026-04-10", 40000);
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_OK);
	const char *sqls[] = {
		"UPDATE reint_payment SET amount = 1",
		"UPDATE reint_payment SET paid_date = '2026-01-01'",
		"UPDATE reint_payment SET receipt_ref = 'X'",
		"DELETE FROM reint_payment",
	};
	for (size_t i = 0; i < sizeof sqls / sizeof sqls[0]; i++) {
		char *err = NULL;
		assert_int_not_equal(sqlite3_exec(db_sqlite(f->db), sqls[i], NULL, NULL, &err), SQLITE_OK);
		assert_non_null(err);
		sqlite3_free(err);
	}
	assert_int_equal(one(f, "SELECT amount FROM reint_payment WHERE id = ?1", id), 40000);
}

/* One session paying amount on the plan; exits 0 when paid, 1 when refused
 * as above the approval, 2 otherwise. */
static void payer(const char *path, long long worker, long long plan_id, long long amount)
{
	struct db *db;
	enum status s = db_open(path, DB_EXISTING, &db, NULL, 0);
	if (s != ST_OK) {
		fprintf(stderr, "payer: open %d\n", (int)s);
		_exit(2);
	}
	db_set_actor(db, worker, "reintegration", ROLE_REINTEGRATION, "local");
	struct reint_pay pay = payment(0, "2026-04-10", amount);
	const char *m = NULL, *field = NULL;
	long long id;
	s = reint_pay(db, PLAN(plan_id), &pay, &id, &m, &field);
	db_close(&db);
	if (s != ST_OK && !(s == ST_INVALID && field && strcmp(field, "amount") == 0))
		fprintf(stderr, "payer: %d %s\n", (int)s, m ? m : "");
	_exit(s == ST_OK ? 0 : s == ST_INVALID && field && strcmp(field, "amount") == 0 ? 1 : 2);
}

#define PAYERS 8

static void sessions_paying_at_once_never_exceed_the_approval(void **state)
{
	struct fixture *f = *state;
	long long p = plan(f, reint_case(f, "DIOP", 0), "approved", 100000);
	long long worker = user_id(f, ROLE_REINTEGRATION);
	pid_t pids[PAYERS];
	for (int i = 0; i < PAYERS; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0)
			payer(f->t.db, worker, p, 30000);
	}
	int paid = 0, refused = 0;
	for (int i = 0; i < PAYERS; i++) {
		int status;
		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		assert_true(WIFEXITED(status));
		assert_true(WEXITSTATUS(status) <= 1);
		if (WEXITSTATUS(status) == 0)
			paid++;
		else
			refused++;
	}
	assert_int_equal(paid, 3);
	assert_int_equal(refused, PAYERS - 3);
	assert_int_equal(one(f, "SELECT sum(amount) FROM reint_payment WHERE plan_id = ?1", p), 90000);
	/* Only one first payment: the visits were scheduled once. */
	assert_int_equal(one(f, "SELECT count(*) FROM reint_visit", 0), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(amounts_are_grouped_with_their_currency),
		cmocka_unit_test_setup_teardown(tranches_are_planned_within_the_approval, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(payments_never_exceed_the_approval, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(an_unapproved_plan_or_project_is_not_paid, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(a_reversal_then_a_new_payment, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(a_payment_is_never_changed_or_deleted, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(sessions_paying_at_once_never_exceed_the_approval, rsetup, rteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
