/* Reintegration plans: one live plan per case, items only while a draft,
 * a business plan for a small business, submitting refused without items,
 * with a total of 0 or a missing business plan; approval by a manager
 * only, storing the items' total; return to draft with a comment; a plan
 * changed meanwhile is a conflict; paid and left from the payments; the
 * audit rows; the plans waiting for approval. */
#include "reint_fixture.h"

static long long plan_of_new_case(struct fixture *f, const char *family)
{
	long long c = case_opened(f, returnee(f, family, "Moussa"));
	struct reint_plan p;
	assert_int_equal(reint_plan_create(f->db, c, NULL, &p, NULL), ST_OK);
	assert_string_equal(p.currency, "XOF");
	assert_string_equal(p.status, "draft");
	return p.id;
}

static void one_live_plan_per_case(void **state)
{
	struct fixture *f = *state;
	long long c = case_opened(f, returnee(f, "Keita", "Moussa"));
	const char *m = NULL;
	struct reint_plan p;
	assert_int_equal(reint_plan_create(f->db, c, "xof", NULL, &m), ST_INVALID);
	assert_int_equal(reint_plan_create(f->db, c, "GMD", &p, &m), ST_OK);
	assert_string_equal(p.currency, "GMD");
	long long rows = audit_rows(f);
	assert_int_equal(reint_plan_create(f->db, c, NULL, NULL, &m), ST_DUPLICATE);
	assert_non_null(strstr(m, "plan in progress"));
	assert_int_equal(audit_rows(f), rows);
	/* Cancelled, a new one may be drafted. */
	assert_int_equal(reint_plan_cancel(f->db, p.id, &p.version, "", &m), ST_INVALID);
	assert_int_equal(reint_plan_cancel(f->db, p.id, &p.version, "Wrong currency", &m), ST_OK);
	assert_int_equal(reint_plan_create(f->db, c, NULL, &p, &m), ST_OK);
	assert_int_equal(reint_plan_of_case(f->db, c, &p), ST_OK);
	assert_string_equal(p.status, "draft");
	assert_string_equal(p.currency, "XOF");
}

static void items_and_business_plan(void **state)
{
	struct fixture *f = *state;
	long long plan = plan_of_new_case(f, "Keita");
	const char *m = NULL, *field = NULL;
	struct reint_item it = item_of(plan, "small_business", -1);
	assert_int_equal(reint_item_save(f->db, &it, &m, &field), ST_INVALID);
	assert_string_equal(field, "planned_value");
	it = item_of(plan, "lottery", 5);
	assert_int_equal(reint_item_save(f->db, &it, &m, &field), ST_INVALID);
	assert_string_equal(field, "category");
	it = item_of(plan, "housing", 5);
	snprintf(it.referred_to, sizeof it.referred_to, "ONG Karkara");
	assert_int_equal(reint_item_save(f->db, &it, &m, &field), ST_INVALID);
	assert_string_equal(field, "referred_to");
	snprintf(it.provision, sizeof it.provision, "referral");
	assert_int_equal(reint_item_save(f->db, &it, &m, &field), ST_OK);
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.entity, "reint_plan_item");
	assert_non_null(strstr(a.changes, "ONG Karkara"));

	long long shop = item_added(f, plan, "small_business", 300000);
	struct reint_business b = business_of(shop);
	b.activity[0] = '\0';
	assert_int_equal(reint_business_save(f->db, &b, &m, &field), ST_INVALID);
	assert_string_equal(field, "activity");
	b = business_of(it.id);
	assert_int_equal(reint_business_save(f->db, &b, &m, &field), ST_INVALID);   /* housing */
	b = business_of(shop);
	assert_int_equal(reint_business_save(f->db, &b, &m, &field), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.entity, "reint_business_plan");
	assert_non_null(strstr(a.changes, "Boutique de quartier"));
	b.expected_income = 60000;
	assert_int_equal(reint_business_save(f->db, &b, &m, &field), ST_OK);
	assert_int_equal(b.version, 2);
	struct reint_item got;
	assert_int_equal(reint_item_get(f->db, shop, &got), ST_OK);
	assert_true(got.has_business);
	/* It stays a small business while it has one. */
	snprintf(got.category, sizeof got.category, "housing");
	assert_int_equal(reint_item_save(f->db, &got, &m, &field), ST_INVALID);
	assert_string_equal(field, "category");
	/* Removed with its business plan. */
	assert_int_equal(reint_item_remove(f->db, shop, 2, &m), ST_CONFLICT);
	assert_int_equal(reint_item_remove(f->db, shop, 1, &m), ST_OK);
	assert_int_equal(one(f->db, "SELECT count(*) FROM reint_business_plan", 0), 0);
	last_audit(f, &a);
	assert_string_equal(a.action, "delete");
	assert_string_equal(a.entity, "reint_plan_item");
}

static void submit_rules(void **state)
{
	struct fixture *f = *state;
	long long plan = plan_of_new_case(f, "Keita");
	struct reint_plan p;
	const char *m = NULL;
	assert_int_equal(reint_plan_get(f->db, plan, &p), ST_OK);
	assert_int_equal(reint_plan_submit(f->db, plan, &p.version, &m), ST_INVALID);
	assert_non_null(strstr(m, "at least one item"));
	long long zero = item_added(f, plan, "documents", 0);
	assert_int_equal(reint_plan_submit(f->db, plan, &p.version, &m), ST_INVALID);
	assert_non_null(strstr(m, "total is 0"));
	long long shop = item_added(f, plan, "small_business", 250000);
	assert_int_equal(reint_plan_submit(f->db, plan, &p.version, &m), ST_INVALID);
	assert_non_null(strstr(m, "business plan"));
	struct reint_business b = business_of(shop);
	assert_int_equal(reint_business_save(f->db, &b, NULL, NULL), ST_OK);
	assert_int_equal(reint_plan_submit(f->db, plan, &p.version, &m), ST_OK);
	assert_int_equal(reint_plan_get(f->db, plan, &p), ST_OK);
	assert_string_equal(p.status, "submitted");
	assert_string_equal(p.submitted_at, "2026-04-20T12:00:00Z");
	assert_int_equal(p.submitted_by, user_id(f, "reintegration"));
	/* Items no longer change. */
	struct reint_item it;
	assert_int_equal(reint_item_get(f->db, zero, &it), ST_OK);
	it.planned_value = 10;
	assert_int_equal(reint_item_save(f->db, &it, &m, NULL), ST_INVALID);
	assert_int_equal(reint_item_remove(f->db, zero, it.version, &m), ST_INVALID);
	b.place[0] = '\0';
	assert_int_equal(reint_business_save(f->db, &b, &m, NULL), ST_INVALID);
	struct reint_item n = item_of(plan, "cash", 1000);
	assert_int_equal(reint_item_save(f->db, &n, &m, NULL), ST_INVALID);
}

static long long submitted(struct fixture *f, const char *family)
{
	long long plan = plan_of_new_case(f, family);
	long long shop = item_added(f, plan, "small_business", 300000);
	struct reint_business b = business_of(shop);
	assert_int_equal(reint_business_save(f->db, &b, NULL, NULL), ST_OK);
	item_added(f, plan, "school_fees", 75000);
	struct reint_plan p;
	assert_int_equal(reint_plan_get(f->db, plan, &p), ST_OK);
	assert_int_equal(reint_plan_submit(f->db, plan, &p.version, NULL), ST_OK);
	return plan;
}

static void approval_by_a_manager_only(void **state)
{
	struct fixture *f = *state;
	long long plan = submitted(f, "Keita");
	struct reint_plan p;
	assert_int_equal(reint_plan_get(f->db, plan, &p), ST_OK);
	for (int r = 0; r < ROLE_COUNT_; r++) {
		if (r == ROLE_MANAGER)
			continue;
		sign_in(f, (enum role)r);
		assert_int_equal(reint_plan_approve(f->db, plan, p.version, NULL, NULL), ST_DENIED);
		assert_int_equal(reint_plan_return(f->db, plan, p.version, "No", NULL), ST_DENIED);
		bool reads = r == ROLE_PROTECTION || r == ROLE_REINTEGRATION;
		struct reint_plan q;
		assert_int_equal(reint_plan_get(f->db, plan, &q), reads ? ST_OK : ST_DENIED);
		if (r != ROLE_REINTEGRATION) {
			assert_int_equal(reint_plan_create(f->db, p.case_id, NULL, NULL, NULL), ST_DENIED);
			struct reint_item it = item_of(plan, "cash", 10);
			assert_int_equal(reint_item_save(f->db, &it, NULL, NULL), ST_DENIED);
			int v = p.version;
			assert_int_equal(reint_plan_submit(f->db, plan, &v, NULL), ST_DENIED);
			assert_int_equal(reint_plan_cancel(f->db, plan, &v, "No", NULL), ST_DENIED);
			struct reint_business b = business_of(1);
			assert_int_equal(reint_business_save(f->db, &b, NULL, NULL), ST_DENIED);
		}
	}
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(reint_plan_create(f->db, p.case_id, NULL, NULL, NULL), ST_DENIED);
	const char *m = NULL;
	assert_int_equal(reint_plan_approve(f->db, plan, p.version + 1, NULL, &m), ST_CONFLICT);
	assert_int_equal(reint_plan_approve(f->db, plan, p.version, "Good plan", &m), ST_OK);
	struct reint_plan q;
	assert_int_equal(reint_plan_get(f->db, plan, &q), ST_OK);
	assert_string_equal(q.status, "approved");
	assert_true(q.approved);
	assert_int_equal(q.approved_amount, 375000);
	assert_int_equal(q.planned, 375000);
	assert_int_equal(q.paid, 0);
	assert_int_equal(q.left, 375000);
	assert_int_equal(q.approved_by, user_id(f, "manager"));
	assert_string_equal(q.approved_at, "2026-04-20T12:00:00Z");
	assert_string_equal(q.decision_comment, "Good plan");
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.action, "approve");
	assert_string_equal(a.entity, "reint_plan");
	assert_non_null(strstr(a.changes, "375000"));
	assert_string_equal(a.user, "manager");
	/* Approved once: not again. */
	assert_int_equal(reint_plan_approve(f->db, plan, q.version, NULL, &m), ST_INVALID);

	/* Paid and left come from the payments, reversals negative. */
	char sql[512];
	snprintf(sql, sizeof sql, "INSERT INTO reint_payment (plan_id, paid_date, amount, method) VALUES "
	         "(%lld, '2026-04-20', 100000, 'cash'), (%lld, '2026-04-20', 40000, 'cash'); "
	         "INSERT INTO reint_payment (plan_id, paid_date, amount, method, "
	         "reverses_id, reason) VALUES (%lld, '2026-04-20', -40000, 'cash', last_insert_rowid(), 'mistake')",
	         plan, plan, plan);
	assert_int_equal(sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(reint_plan_get(f->db, plan, &q), ST_OK);
	assert_int_equal(q.paid, 100000);
	assert_int_equal(q.left, 275000);
	sign_in(f, ROLE_REINTEGRATION);
	assert_int_equal(reint_plan_complete(f->db, plan, &q.version, &m), ST_OK);
	assert_int_equal(reint_plan_complete(f->db, plan, &q.version, &m), ST_INVALID);
}

static void return_to_draft_and_conflict(void **state)
{
	struct fixture *f = *state;
	long long plan = submitted(f, "Keita");
	struct reint_plan seen, p;
	assert_int_equal(reint_plan_get(f->db, plan, &seen), ST_OK);
	sign_in(f, ROLE_MANAGER);
	const char *m = NULL;
	assert_int_equal(reint_plan_return(f->db, plan, seen.version, "  ", &m), ST_INVALID);
	assert_non_null(m);
	assert_int_equal(reint_plan_return(f->db, plan, seen.version, "School fees too high", &m), ST_OK);
	assert_int_equal(reint_plan_get(f->db, plan, &p), ST_OK);
	assert_string_equal(p.status, "draft");
	assert_false(p.approved);
	assert_string_equal(p.decision_comment, "School fees too high");
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.action, "return");
	/* The officer changes it and submits again; the manager's old view is
	 * a conflict. */
	sign_in(f, ROLE_REINTEGRATION);
	item_added(f, plan, "cash", 25000);
	assert_int_equal(reint_plan_submit(f->db, plan, &p.version, &m), ST_OK);
	sign_in(f, ROLE_MANAGER);
	long long rows = audit_rows(f);
	assert_int_equal(reint_plan_approve(f->db, plan, seen.version, NULL, &m), ST_CONFLICT);
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(reint_plan_approve(f->db, plan, p.version, NULL, &m), ST_OK);
	assert_int_equal(reint_plan_get(f->db, plan, &p), ST_OK);
	assert_int_equal(p.approved_amount, 400000);
}

struct rows {
	int n;
	struct reint_plan_row r[8];
};

static void collect(const struct reint_plan_row *r, void *ctx)
{
	struct rows *l = ctx;
	if (l->n < 8)
		l->r[l->n++] = *r;
}

static void waiting_for_approval(void **state)
{
	struct fixture *f = *state;
	long long a = submitted(f, "Keita");
	plan_of_new_case(f, "Draft");
	long long b = submitted(f, "Traore");
	sign_in(f, ROLE_MANAGER);
	struct rows l = { 0 };
	bool more = true;
	assert_int_equal(reint_plan_waiting(f->db, PAGE_AFTER, NULL, 0, 1, collect, &l, &more), ST_OK);
	assert_int_equal(l.n, 1);
	assert_true(more);
	assert_int_equal(l.r[0].p.id, a);
	assert_string_equal(l.r[0].family_name, "Keita");
	assert_string_equal(l.r[0].country, "MLI");
	assert_int_equal(l.r[0].p.planned, 375000);
	assert_int_equal(reint_plan_waiting(f->db, PAGE_AFTER, l.r[0].p.submitted_at, a, 5, collect, &l, &more), ST_OK);
	assert_int_equal(l.n, 2);
	assert_false(more);
	assert_int_equal(l.r[1].p.id, b);
	l.n = 0;
	assert_int_equal(reint_plan_waiting(f->db, PAGE_BEFORE, NULL, 0, 5, collect, &l, &more), ST_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.r[0].p.id, a);
	sign_in(f, ROLE_INTAKE);
	assert_int_equal(reint_plan_waiting(f->db, PAGE_AFTER, NULL, 0, 5, collect, &l, &more), ST_DENIED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(one_live_plan_per_case, rsetup, tteardown),
		cmocka_unit_test_setup_teardown(items_and_business_plan, rsetup, tteardown),
		cmocka_unit_test_setup_teardown(submit_rules, rsetup, tteardown),
		cmocka_unit_test_setup_teardown(approval_by_a_manager_only, rsetup, tteardown),
		cmocka_unit_test_setup_teardown(return_to_draft_and_conflict, rsetup, tteardown),
		cmocka_unit_test_setup_teardown(waiting_for_approval, rsetup, tteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
