/* Visits: scheduled at 3, 6 and 12 months after the first payment (or the
 * months of the setting), never twice; the baseline and visits added by
 * hand; the outcome's rules and versions; the visits due and overdue. */
#include "reint_money_fixture.h"
#include "../../src/db/reint_money_private.h"

#define PLAN(id) ((struct reint_ref){ REINT_PLAN, (id) })
#define CASE(id) ((struct reint_ref){ REINT_CASE, (id) })

struct visits {
	int n;
	struct reint_visit v[16];
};

static void collect(const struct reint_visit *v, void *ctx)
{
	struct visits *c = ctx;
	if (c->n < 16)
		c->v[c->n++] = *v;
}

static struct visits visits_of(struct fixture *f, struct reint_ref owner)
{
	struct visits c = { 0 };
	bool more;
	assert_int_equal(reint_visit_list(f->db, owner, PAGE_AFTER, NULL, 16, collect, &c, &more), ST_OK);
	assert_false(more);
	return c;
}

static void months_setting_is_read_robustly(void **state)
{
	(void)state;
	int m[8];
	assert_int_equal(reint_visit_months_parse("3,6,12", m, 8), 3);
	assert_int_equal(m[0], 3);
	assert_int_equal(m[2], 12);
	assert_int_equal(reint_visit_months_parse(" 12, x, 6,,6, -1, 200, 4a, 2 ", m, 8), 3);
	assert_int_equal(m[0], 2);
	assert_int_equal(m[1], 6);
	assert_int_equal(m[2], 12);
	assert_int_equal(reint_visit_months_parse("", m, 8), 0);
	assert_int_equal(reint_visit_months_parse(NULL, m, 8), 0);
	assert_int_equal(reint_visit_months_parse("1,2,3,4", m, 2), 2);
	char day[11];
	assert_true(reint_day_plus_months("2026-11-30", 3, day, sizeof day));
	assert_string_equal(day, "2027-02-28");
	assert_true(reint_day_plus_months("2026-04-10", 12, day, sizeof day));
	assert_string_equal(day, "2027-04-10");
}

static void the_first_payment_schedules_the_visits(void **state)
{
	struct fixture *f = *state;
	long long c = reint_case(f, "DIOP", 0);
	long long p = plan(f, c, "approved", 300000);
	long long id, rev;
	const char *m, *field;
	struct reint_pay pay = payment(0, "2026-04-10", 100000);
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_OK);
	assert_int_equal(one(f, "SELECT status = 'in_progress' FROM reint_plan WHERE id = ?1", p), 1);
	struct visits v = visits_of(f, CASE(c));
	assert_int_equal(v.n, 3);
	assert_string_equal(v.v[0].due_date, "2026-07-10");
	assert_string_equal(v.v[1].due_date, "2026-10-10");
	assert_string_equal(v.v[2].due_date, "2027-04-10");
	assert_int_equal(v.v[0].months, 3);
	assert_string_equal(v.v[0].kind, "monitoring");
	assert_string_equal(v.v[0].status, "scheduled");
	/* Audited in the same transaction: the plan's status and each visit. */
	assert_int_equal(one(f, "SELECT count(*) FROM audit WHERE entity = 'reint_visit' AND action = 'create'", 0), 3);
	assert_int_equal(one(f, "SELECT count(*) FROM audit WHERE entity = 'reint_plan' AND entity_id = ?1", p), 1);
	/* A second payment, a reversal and a payment again: no new schedule. */
	pay = payment(0, "2026-04-15", 50000);
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_OK);
	assert_int_equal(reint_payment_reverse(f->db, id, "Typing mistake", &rev, &m, &field), ST_OK);
	pay = payment(0, "2026-04-16", 50000);
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_OK);
	assert_int_equal(visits_of(f, CASE(c)).n, 3);
}

static void reversed_first_payment_does_not_schedule_twice(void **state)
{
	struct fixture *f = *state;
	long long c = reint_case(f, "DIOP", 0);
	long long p = plan(f, c, "approved", 300000);
	long long id, rev;
	const char *m, *field;
	struct reint_pay pay = payment(0, "2026-04-10", 100000);
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_OK);
	assert_int_equal(reint_payment_reverse(f->db, id, "Paid to the wrong account", &rev, &m, &field), ST_OK);
	pay = payment(0, "2026-04-12", 100000);
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_OK);
	struct visits v = visits_of(f, CASE(c));
	assert_int_equal(v.n, 3);
	assert_string_equal(v.v[0].due_date, "2026-07-10");
}

static void a_changed_setting_gives_other_months(void **state)
{
	struct fixture *f = *state;
	exec2(f, "UPDATE setting SET value = '2,4' WHERE key = 'reint_visit_months'", 0, 0);
	long long c = reint_case(f, "DIOP", 0);
	long long p = plan(f, c, "approved", 300000);
	long long id;
	const char *m, *field;
	struct reint_pay pay = payment(0, "2026-04-10", 100000);
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_OK);
	struct visits v = visits_of(f, CASE(c));
	assert_int_equal(v.n, 2);
	assert_string_equal(v.v[0].due_date, "2026-06-10");
	assert_string_equal(v.v[1].due_date, "2026-08-10");
	/* A project's first payment schedules the project's visits. */
	long long pr = project(f, 200000, 0);
	struct reint_ref ref = { REINT_PROJECT, pr };
	pay = payment(0, "2026-04-01", 100000);
	assert_int_equal(reint_pay(f->db, ref, &pay, &id, &m, &field), ST_OK);
	v = visits_of(f, ref);
	assert_int_equal(v.n, 2);
	assert_string_equal(v.v[0].due_date, "2026-06-01");
	assert_int_equal(v.v[0].owner.kind, REINT_PROJECT);
}

static void visits_added_by_hand_and_the_baseline(void **state)
{
	struct fixture *f = *state;
	long long c = reint_case(f, "DIOP", 0);
	long long id;
	const char *m, *field;
	assert_int_equal(reint_visit_add(f->db, CASE(c), "baseline", "2026-04-22", &id, &m, &field), ST_OK);
	assert_int_equal(reint_visit_add(f->db, CASE(c), "baseline", "2026-04-23", &id, &m, &field), ST_INVALID);
	assert_string_equal(field, "kind");
	assert_int_equal(reint_visit_add(f->db, CASE(c), "counselling", "2026-05-01", &id, &m, &field), ST_OK);
	assert_int_equal(reint_visit_add(f->db, CASE(c), "party", "2026-05-01", &id, &m, &field), ST_INVALID);
	assert_int_equal(reint_visit_add(f->db, CASE(c), "monitoring", "2026-02-30", &id, &m, &field), ST_INVALID);
	assert_string_equal(field, "due_date");
	assert_int_equal(reint_visit_add(f->db, CASE(c + 100), "monitoring", "2026-05-01", &id, &m, &field),
	                 ST_NOT_FOUND);
	assert_int_equal(visits_of(f, CASE(c)).n, 2);
	sign_in(f, ROLE_PROTECTION);
	assert_int_equal(visits_of(f, CASE(c)).n, 2);
	assert_int_equal(reint_visit_add(f->db, CASE(c), "counselling", "2026-05-01", &id, &m, &field), ST_DENIED);
}

static void the_outcome_follows_its_rules(void **state)
{
	struct fixture *f = *state;
	long long c = reint_case(f, "DIOP", 0);
	long long id;
	const char *m, *field;
	assert_int_equal(reint_visit_add(f->db, CASE(c), "monitoring", "2026-04-18", &id, &m, &field), ST_OK);
	struct reint_visit v;
	assert_int_equal(reint_visit_get(f->db, id, &v), ST_OK);
	assert_int_equal(v.business_running, -1);
	assert_int_equal(v.monthly_income, -1);
	int version = v.version;
	/* Done needs a day not in the future and how. */
	snprintf(v.status, sizeof v.status, "done");
	assert_int_equal(reint_visit_record(f->db, &v, &m, &field), ST_INVALID);
	assert_string_equal(field, "done_date");
	snprintf(v.done_date, sizeof v.done_date, "2026-04-21");
	assert_int_equal(reint_visit_record(f->db, &v, &m, &field), ST_INVALID);
	assert_string_equal(field, "done_date");
	snprintf(v.done_date, sizeof v.done_date, "2026-04-19");
	assert_int_equal(reint_visit_record(f->db, &v, &m, &field), ST_INVALID);
	assert_string_equal(field, "mode");
	snprintf(v.mode, sizeof v.mode, "phone");
	v.business_running = 1;
	v.monthly_income = 45000;
	snprintf(v.satisfaction, sizeof v.satisfaction, "satisfied");
	snprintf(v.remigration, sizeof v.remigration, "no");
	snprintf(v.notes, sizeof v.notes, "Shop open six days a week.");
	assert_int_equal(reint_visit_record(f->db, &v, &m, &field), ST_OK);
	assert_int_equal(v.version, version + 1);
	struct reint_visit got;
	assert_int_equal(reint_visit_get(f->db, id, &got), ST_OK);
	assert_string_equal(got.status, "done");
	assert_int_equal(got.monthly_income, 45000);
	assert_int_equal(got.business_running, 1);
	assert_string_equal(got.visitor, "Staff");
	/* A stale version is a conflict. */
	struct reint_visit stale = got;
	stale.version = version;
	assert_int_equal(reint_visit_record(f->db, &stale, &m, &field), ST_CONFLICT);
	/* Missed: no answers; "scheduled" is not an outcome. */
	snprintf(got.status, sizeof got.status, "missed");
	assert_int_equal(reint_visit_record(f->db, &got, &m, &field), ST_INVALID);
	assert_string_equal(field, "done_date");
	struct reint_visit missed = got;
	missed.done_date[0] = missed.mode[0] = missed.satisfaction[0] = missed.remigration[0] = '\0';
	missed.business_running = -1;
	missed.monthly_income = -1;
	assert_int_equal(reint_visit_record(f->db, &missed, &m, &field), ST_OK);
	snprintf(missed.status, sizeof missed.status, "scheduled");
	assert_int_equal(reint_visit_record(f->db, &missed, &m, &field), ST_INVALID);
	assert_string_equal(field, "status");
	snprintf(missed.status, sizeof missed.status, "unreachable");
	assert_int_equal(reint_visit_record(f->db, &missed, &m, &field), ST_OK);
	assert_int_equal(one(f, "SELECT count(*) FROM audit WHERE entity = 'reint_visit' AND action = 'update'", 0), 3);
}

struct due {
	int n;
	struct reint_due_visit d[16];
};

static void collect_due(const struct reint_due_visit *d, void *ctx)
{
	struct due *c = ctx;
	if (c->n < 16)
		c->d[c->n++] = *d;
}

static void the_visits_due_and_overdue(void **state)
{
	struct fixture *f = *state;
	long long me = user_id(f, ROLE_REINTEGRATION), other = user_id(f, ROLE_MANAGER);
	long long mine = reint_case(f, "DIOP", me), theirs = reint_case(f, "FALL", other);
	long long id;
	const char *m, *field;
	/* Today is 2026-04-20: due by 2026-05-04. */
	assert_int_equal(reint_visit_add(f->db, CASE(mine), "monitoring", "2026-04-01", &id, &m, &field), ST_OK);
	assert_int_equal(reint_visit_add(f->db, CASE(mine), "counselling", "2026-05-04", &id, &m, &field), ST_OK);
	assert_int_equal(reint_visit_add(f->db, CASE(mine), "counselling", "2026-05-05", &id, &m, &field), ST_OK);
	assert_int_equal(reint_visit_add(f->db, CASE(theirs), "monitoring", "2026-04-20", &id, &m, &field), ST_OK);
	/* A visit done is no longer due. */
	assert_int_equal(reint_visit_add(f->db, CASE(mine), "monitoring", "2026-04-10", &id, &m, &field), ST_OK);
	struct reint_visit v;
	assert_int_equal(reint_visit_get(f->db, id, &v), ST_OK);
	snprintf(v.status, sizeof v.status, "cancelled");
	assert_int_equal(reint_visit_record(f->db, &v, &m, &field), ST_OK);
	long long pr = project(f, 100000, me);
	assert_int_equal(reint_visit_add(f->db, (struct reint_ref){ REINT_PROJECT, pr }, "monitoring", "2026-04-25", &id,
	                                 &m, &field),
	                 ST_OK);
	struct due d = { 0 };
	bool more;
	assert_int_equal(reint_visits_due(f->db, "AGZ", me, PAGE_AFTER, NULL, 16, collect_due, &d, &more), ST_OK);
	assert_int_equal(d.n, 3);
	assert_string_equal(d.d[0].due_date, "2026-04-01");
	assert_true(d.d[0].overdue);
	assert_non_null(strstr(d.d[0].person, "DIOP"));
	assert_string_equal(d.d[1].person, "Jardin de Thiès");
	assert_false(d.d[1].overdue);
	assert_string_equal(d.d[2].due_date, "2026-05-04");
	/* All of the centre: the other worker's too; paged by key. */
	struct due all = { 0 };
	assert_int_equal(reint_visits_due(f->db, "AGZ", 0, PAGE_AFTER, NULL, 2, collect_due, &all, &more), ST_OK);
	assert_true(more);
	assert_int_equal(reint_visits_due(f->db, "AGZ", 0, PAGE_AFTER, &all.d[1], 2, collect_due, &all, &more), ST_OK);
	assert_false(more);
	assert_int_equal(all.n, 4);
	assert_string_equal(all.d[1].due_date, "2026-04-20");
	assert_string_equal(all.d[1].caseworker, "Staff");
	struct due back = { 0 };
	assert_int_equal(reint_visits_due(f->db, "AGZ", 0, PAGE_BEFORE, NULL, 2, collect_due, &back, &more), ST_OK);
	assert_true(more);
	assert_string_equal(back.d[1].due_date, "2026-05-04");
	/* Another centre sees none of them. */
	struct due none = { 0 };
	assert_int_equal(reint_visits_due(f->db, "ZIN", 0, PAGE_AFTER, NULL, 16, collect_due, &none, &more), ST_OK);
	assert_int_equal(none.n, 0);
}

struct payments {
	int n;
	struct reint_due_payment p[16];
};

static void collect_pay(const struct reint_due_payment *p, void *ctx)
{
	struct payments *c = ctx;
	if (c->n < 16)
		c->p[c->n++] = *p;
}

static void the_payments_planned_this_month(void **state)
{
	struct fixture *f = *state;
	long long p = plan(f, reint_case(f, "DIOP", user_id(f, ROLE_REINTEGRATION)), "approved", 500000);
	long long t, paid;
	const char *m, *field;
	assert_int_equal(reint_tranche_add(f->db, PLAN(p), "2026-03-15", 100000, &t, &m, &field), ST_OK);
	assert_int_equal(reint_tranche_add(f->db, PLAN(p), "2026-04-30", 150000, &t, &m, &field), ST_OK);
	assert_int_equal(reint_tranche_add(f->db, PLAN(p), "2026-05-01", 100000, &t, &m, &field), ST_OK);
	assert_int_equal(reint_tranche_add(f->db, PLAN(p), "2026-04-02", 50000, &paid, &m, &field), ST_OK);
	struct reint_pay pay = payment(paid, "2026-04-02", 50000);
	long long id;
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_OK);
	struct payments got = { 0 };
	bool more;
	assert_int_equal(reint_payments_due(f->db, "AGZ", PAGE_AFTER, NULL, 16, collect_pay, &got, &more), ST_OK);
	assert_int_equal(got.n, 2);
	assert_string_equal(got.p[0].planned_date, "2026-03-15");
	assert_true(got.p[0].overdue);
	assert_int_equal(got.p[1].amount, 150000);
	assert_false(got.p[1].overdue);
	assert_string_equal(got.p[1].currency, "XOF");
	assert_int_equal(got.p[1].owner.kind, REINT_PLAN);
	assert_int_equal(got.p[1].owner.id, p);
	assert_non_null(strstr(got.p[1].person, "DIOP"));
	assert_string_equal(got.p[1].caseworker, "Staff");
}

struct pays {
	int n;
};

static void count_payment(const struct reint_payment *p, void *ctx)
{
	(void)p;
	((struct pays *)ctx)->n++;
}

static void count_tranche(const struct reint_tranche *t, void *ctx)
{
	(void)t;
	((struct pays *)ctx)->n++;
}

/* The lists seek on their indexes. */
static void query_plans(void **state)
{
	struct fixture *f = *state;
	long long c = reint_case(f, "DIOP", 0);
	long long p = plan(f, c, "approved", 300000);
	long long id;
	const char *m, *field;
	struct reint_pay pay = payment(0, "2026-04-10", 1000);
	assert_int_equal(reint_pay(f->db, PLAN(p), &pay, &id, &m, &field), ST_OK);
	struct pays n = { 0 };
	bool more;
	assert_int_equal(reint_payment_list(f->db, PLAN(p), PAGE_AFTER, NULL, 5, count_payment, &n, &more), ST_OK);
	assert_int_equal(reint_tranche_list(f->db, PLAN(p), PAGE_AFTER, NULL, 5, count_tranche, &n, &more), ST_OK);
	assert_int_equal(n.n, 1);
	visits_of(f, CASE(c));
	struct due d = { 0 };
	assert_int_equal(reint_visits_due(f->db, "AGZ", 0, PAGE_AFTER, NULL, 5, collect_due, &d, &more), ST_OK);
	struct payments pd = { 0 };
	assert_int_equal(reint_payments_due(f->db, "AGZ", PAGE_AFTER, NULL, 5, collect_pay, &pd, &more), ST_OK);
	char plan_text[4096];
	plan_of(f, "(v.due_date, v.id) > (?2, ?3)", plan_text, sizeof plan_text);
	assert_non_null(strstr(plan_text, "reint_visit_by_case"));
	assert_null(strstr(plan_text, "TEMP B-TREE"));
	plan_of(f, "v.status = 'scheduled' AND v.due_date <= ?1", plan_text, sizeof plan_text);
	assert_non_null(strstr(plan_text, "reint_visit_due"));
	assert_null(strstr(plan_text, "SCAN v"));
	plan_of(f, "t.status = 'planned' AND t.planned_date < ?1", plan_text, sizeof plan_text);
	assert_non_null(strstr(plan_text, "reint_tranche_by_date"));
	assert_null(strstr(plan_text, "SCAN t"));
	plan_of(f, "p.plan_id = ?1 AND (p.paid_date, p.id) > (?2, ?3)", plan_text, sizeof plan_text);
	assert_non_null(strstr(plan_text, "reint_payment_by_plan"));
	assert_null(strstr(plan_text, "TEMP B-TREE"));
	plan_of(f, "WHERE plan_id = ?1 AND seq > ?2", plan_text, sizeof plan_text);
	assert_non_null(strstr(plan_text, "reint_tranche_seq_plan"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(months_setting_is_read_robustly),
		cmocka_unit_test_setup_teardown(the_first_payment_schedules_the_visits, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(reversed_first_payment_does_not_schedule_twice, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(a_changed_setting_gives_other_months, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(visits_added_by_hand_and_the_baseline, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(the_outcome_follows_its_rules, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(the_visits_due_and_overdue, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(the_payments_planned_this_month, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(query_plans, rsetup, rteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
