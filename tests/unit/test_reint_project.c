/* Collective and community projects: every rule refused with nothing
 * written, the roles (the manager approves the budget), the audit, one
 * leader at a time, a person once per project, returnees told from
 * community members, paging. */
#include "core/amount_group.h"
#include "db/reint_report.h"
#include "reint_project_fixture.h"

static void rules_refused_nothing_written(void **state)
{
	struct fixture *f = *state;
	long long rows = audit_rows(f);
	static const char *const fields[] = { "name", "kind", "country", "region_id", "activity", "currency",
		                              "budget", "start_date", "status", "partner_id", "locality" };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		struct reint_project p = project(f);
		switch (i) {
		case 0: p.name[0] = '\0'; break;
		case 1: snprintf(p.kind, sizeof p.kind, "family"); break;
		case 2: snprintf(p.country, sizeof p.country, "XXX"); break;
		case 3: p.region_id = ref_id(f, "reint_region", "SN-DK"); break;   /* not in Gambia */
		case 4: snprintf(p.activity, sizeof p.activity, "mining"); break;
		case 5: snprintf(p.currency, sizeof p.currency, "xof"); break;
		case 6: p.budget = -1; break;
		case 7: snprintf(p.start_date, sizeof p.start_date, "2026-02-30"); break;
		case 8: snprintf(p.status, sizeof p.status, "open"); break;
		case 9: p.partner_id = ref_id(f, "reint_region", "GM-L"); break;
		case 10: memset(p.locality, 'a', 81); p.locality[81] = '\0'; break;
		}
		const char *m = NULL, *field = NULL;
		assert_int_equal(reint_project_check(f->db, &p, &m, &field), ST_INVALID);
		assert_non_null(m);
		assert_string_equal(field, fields[i]);
		assert_int_equal(reint_project_save(f->db, &p, &m, &field), ST_INVALID);
		assert_string_equal(field, fields[i]);
		assert_int_equal(p.id, 0);
	}
	assert_int_equal(one(f->db, "SELECT count(*) FROM reint_project", 0), 0);
	assert_int_equal(audit_rows(f), rows);
	/* No region is fine; a stale version is a conflict. */
	struct reint_project p = project(f);
	p.region_id = 0;
	assert_int_equal(reint_project_save(f->db, &p, NULL, NULL), ST_OK);
	struct reint_project q = p;
	snprintf(p.name, sizeof p.name, "Pêche de Banjul");
	assert_int_equal(reint_project_save(f->db, &p, NULL, NULL), ST_OK);
	assert_int_equal(reint_project_save(f->db, &q, NULL, NULL), ST_CONFLICT);
}

static void roles_and_approval(void **state)
{
	struct fixture *f = *state;
	long long id = project_saved(f);
	long long person = reint_person(f, "Jallow", "Lamin", false);
	struct reint_project p;
	for (int r = 0; r < ROLE_COUNT_; r++) {
		sign_in(f, (enum role)r);
		bool reads = perm_allows(r, PERM_REINTEGRATION_READ);
		assert_int_equal(reint_project_get(f->db, id, &p), reads ? ST_OK : ST_DENIED);
		if (r == ROLE_REINTEGRATION)
			continue;
		struct reint_project n = project(f);
		assert_int_equal(reint_project_save(f->db, &n, NULL, NULL), ST_DENIED);
		assert_int_equal(reint_member_add(f->db, id, person, "member", "2026-02-01", NULL, NULL), ST_DENIED);
	}
	/* The officer may not approve; the manager does, once. */
	sign_in(f, ROLE_REINTEGRATION);
	assert_int_equal(reint_project_get(f->db, id, &p), ST_OK);
	int v = p.version;
	assert_int_equal(reint_project_approve(f->db, id, &v, NULL), ST_DENIED);
	sign_in(f, ROLE_MANAGER);
	const char *m = NULL;
	assert_int_equal(reint_project_approve(f->db, id, &v, &m), ST_OK);
	assert_int_equal(reint_project_get(f->db, id, &p), ST_OK);
	assert_true(p.approved);
	assert_int_equal(p.approved_amount, 5000000);
	assert_int_equal(p.version, v);
	assert_true(p.approved_by > 0);
	assert_int_equal(reint_project_approve(f->db, id, &v, &m), ST_INVALID);
	assert_non_null(m);
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.action, "approve");
	assert_non_null(strstr(a.changes, "approved_amount"));
	/* Once approved, the budget stays. */
	sign_in(f, ROLE_REINTEGRATION);
	p.budget = 6000000;
	const char *field = NULL;
	assert_int_equal(reint_project_save(f->db, &p, &m, &field), ST_INVALID);
	assert_string_equal(field, "budget");
	/* A project paid within its approval (the schema's ceiling). */
	assert_int_equal(sqlite3_exec(db_sqlite(f->db),
	                              "INSERT INTO reint_payment (project_id, paid_date, amount, method) "
	                              "SELECT id, '2026-03-01', 2000000, 'cash' FROM reint_project",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(reint_project_get(f->db, id, &p), ST_OK);
	assert_int_equal(p.paid, 2000000);
	/* Status changes. */
	v = p.version;
	assert_int_equal(reint_project_set_status(f->db, id, &v, "running", &m), ST_OK);
	assert_int_equal(reint_project_set_status(f->db, id, &v, "over", &m), ST_INVALID);
}

static void members_one_leader(void **state)
{
	struct fixture *f = *state;
	long long id = project_saved(f);
	long long a = reint_person(f, "Jallow", "Lamin", false);
	long long b = reint_person(f, "Ceesay", "Fatou", true);
	long long c = reint_person(f, "Sowe", "Ebrima", true);
	struct reint_member ma, mb;
	const char *m = NULL;
	assert_int_equal(reint_member_add(f->db, id, a, "leader", "2026-02-01", &ma, &m), ST_OK);
	assert_false(ma.community);
	long long rows = audit_rows(f);
	/* A second leader is refused with a clear message, nothing written. */
	assert_int_equal(reint_member_add(f->db, id, b, "leader", "2026-02-01", &mb, &m), ST_INVALID);
	assert_non_null(strstr(m, "leader already"));
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(reint_member_add(f->db, id, b, "treasurer", "2026-02-01", &mb, &m), ST_OK);
	assert_true(mb.community);
	/* Once per project. */
	assert_int_equal(reint_member_add(f->db, id, b, "member", "2026-02-02", NULL, &m), ST_DUPLICATE);
	assert_non_null(m);
	/* Not in the future; an unknown person. */
	assert_int_equal(reint_member_add(f->db, id, c, "member", "2026-05-01", NULL, &m), ST_INVALID);
	assert_int_equal(reint_member_add(f->db, id, 999999, "member", "2026-02-01", NULL, &m), ST_NOT_FOUND);
	/* The treasurer cannot lead while the leader is there; once the leader
	 * left, they may. */
	snprintf(mb.role, sizeof mb.role, "leader");
	const char *field = NULL;
	assert_int_equal(reint_member_save(f->db, &mb, &m, &field), ST_INVALID);
	assert_string_equal(field, "role");
	snprintf(ma.left_date, sizeof ma.left_date, "2026-01-01");
	assert_int_equal(reint_member_save(f->db, &ma, &m, &field), ST_INVALID);
	assert_string_equal(field, "left_date");
	snprintf(ma.left_date, sizeof ma.left_date, "2026-04-01");
	assert_int_equal(reint_member_save(f->db, &ma, &m, &field), ST_OK);
	assert_int_equal(reint_member_save(f->db, &mb, &m, &field), ST_OK);
	struct last_row l;
	last_audit(f, &l);
	assert_string_equal(l.entity, "reint_project_member");
	assert_non_null(strstr(l.changes, "leader"));
	/* Current members first, those who left after. */
	assert_int_equal(reint_member_add(f->db, id, c, "member", "2026-04-02", NULL, &m), ST_OK);
	struct reint_project p;
	assert_int_equal(reint_project_get(f->db, id, &p), ST_OK);
	assert_int_equal(p.members, 2);
	bool more = false;
	assert_int_equal(reint_member_list(f->db, id, PAGE_AFTER, NULL, 2, NULL, NULL, &more), ST_OK);
	assert_true(more);
}

static void collect_member(const struct reint_member *m, void *ctx)
{
	struct { int n; long long ids[8]; } *l = ctx;
	if (l->n < 8)
		l->ids[l->n++] = m->id;
}

static void collect_project(const struct reint_project *p, void *ctx)
{
	struct { int n; long long ids[8]; } *l = ctx;
	if (l->n < 8)
		l->ids[l->n++] = p->id;
}

static void paging(void **state)
{
	struct fixture *f = *state;
	long long ids[5];
	static const char *const names[] = { "Élevage", "Apiculture", "Couture", "Bétail", "Daba" };
	for (int i = 0; i < 5; i++) {
		struct reint_project p = project(f);
		snprintf(p.name, sizeof p.name, "%s", names[i]);
		if (i == 3)
			snprintf(p.kind, sizeof p.kind, "collective");
		assert_int_equal(reint_project_save(f->db, &p, NULL, NULL), ST_OK);
		ids[i] = p.id;
	}
	struct { int n; long long ids[8]; } l = { 0, { 0 } };
	bool more = false;
	assert_int_equal(reint_project_list(f->db, NULL, PAGE_AFTER, NULL, 3, collect_project, &l, &more), ST_OK);
	assert_int_equal(l.n, 3);
	assert_true(more);
	assert_int_equal(l.ids[0], ids[1]);   /* Apiculture, Bétail, Couture */
	struct reint_project key;
	assert_int_equal(reint_project_get(f->db, l.ids[2], &key), ST_OK);
	l.n = 0;
	assert_int_equal(reint_project_list(f->db, NULL, PAGE_AFTER, &key, 3, collect_project, &l, &more), ST_OK);
	assert_int_equal(l.n, 2);
	assert_false(more);
	l.n = 0;
	assert_int_equal(reint_project_list(f->db, NULL, PAGE_BEFORE, NULL, 2, collect_project, &l, &more), ST_OK);
	assert_int_equal(l.n, 2);
	assert_true(more);
	assert_int_equal(l.ids[1], ids[0]);   /* ..., Élevage last */
	struct reint_project_filter flt = { "collective", "", "" };
	l.n = 0;
	assert_int_equal(reint_project_list(f->db, &flt, PAGE_AFTER, NULL, 8, collect_project, &l, &more), ST_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.ids[0], ids[3]);
	/* Members: current first. */
	long long a = reint_person(f, "Jallow", "Lamin", false), b = reint_person(f, "Ceesay", "Fatou", true);
	struct reint_member ma;
	assert_int_equal(reint_member_add(f->db, ids[0], a, "member", "2026-02-01", &ma, NULL), ST_OK);
	assert_int_equal(reint_member_add(f->db, ids[0], b, "member", "2026-02-01", NULL, NULL), ST_OK);
	snprintf(ma.left_date, sizeof ma.left_date, "2026-03-01");
	assert_int_equal(reint_member_save(f->db, &ma, NULL, NULL), ST_OK);
	l.n = 0;
	assert_int_equal(reint_member_list(f->db, ids[0], PAGE_AFTER, NULL, 8, collect_member, &l, &more), ST_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.ids[1], ma.id);
	struct reint_member k;
	assert_int_equal(reint_member_get(f->db, l.ids[0], &k), ST_OK);
	l.n = 0;
	assert_int_equal(reint_member_list(f->db, ids[0], PAGE_AFTER, &k, 8, collect_member, &l, &more), ST_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.ids[0], ma.id);
	l.n = 0;
	assert_int_equal(reint_member_list(f->db, ids[0], PAGE_BEFORE, &ma, 8, collect_member, &l, &more), ST_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.ids[0], k.id);
}

static void exec(struct fixture *f, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, &err);
	if (rc != SQLITE_OK)
		fprintf(stderr, "%s\n", err ? err : "?");
	sqlite3_free(err);
	assert_int_equal(rc, SQLITE_OK);
}

/* A person with an individual case and in a community project counts once
 * in the total; each kind counts its own people; returnees apart from
 * community members; the projects by country. */
static void figures_count_each_person_once(void **state)
{
	struct fixture *f = *state;
	long long a = reint_person(f, "Jallow", "Lamin", false);
	long long b = reint_person(f, "Ceesay", "Fatou", true);
	long long c = reint_person(f, "Sowe", "Ebrima", false);
	char sql[600];
	snprintf(sql, sizeof sql,
	         "INSERT INTO reint_case (id, person_id, centre_id, country, return_date, return_kind, status) "
	         "VALUES (1, %lld, (SELECT id FROM centre WHERE code = 'AGZ'), 'GMB', '2026-01-10', 'avr', 'open');"
	         "INSERT INTO reint_plan (case_id, status, approved_amount, approved_at, approved_by) "
	         "VALUES (1, 'approved', 500000, '2026-02-01T10:00:00Z', (SELECT min(id) FROM app_user));", a);
	exec(f, sql);
	long long community = project_saved(f);
	struct reint_project p = project(f);
	snprintf(p.kind, sizeof p.kind, "collective");
	snprintf(p.name, sizeof p.name, "Transport de Brikama");
	assert_int_equal(reint_project_save(f->db, &p, NULL, NULL), ST_OK);
	assert_int_equal(reint_member_add(f->db, community, a, "leader", "2026-02-01", NULL, NULL), ST_OK);
	assert_int_equal(reint_member_add(f->db, community, b, "member", "2026-02-01", NULL, NULL), ST_OK);
	assert_int_equal(reint_member_add(f->db, community, c, "member", "2026-02-01", NULL, NULL), ST_OK);
	assert_int_equal(reint_member_add(f->db, p.id, c, "leader", "2026-03-01", NULL, NULL), ST_OK);
	struct reint_period y;
	assert_true(reint_period_parse("2026", &y));
	struct reint_figures fig;
	assert_int_equal(reint_figures_get(f->db, "", &y, &fig), ST_OK);
	assert_int_equal(fig.total[REINT_INDIVIDUAL], 1);
	assert_int_equal(fig.total[REINT_COLLECTIVE], 1);
	assert_int_equal(fig.total[REINT_COMMUNITY], 3);
	assert_int_equal(fig.total[REINT_ALL], 3);
	assert_int_equal(fig.community[REINT_ALL], 1);
	assert_int_equal(fig.people[REINT_ALL][REINT_RETURNEES][REINT_UNKNOWN]
	                 + fig.people[REINT_ALL][REINT_RETURNEES][REINT_MEN], 2);
	assert_int_equal(fig.projects[0], 1);
	assert_int_equal(fig.projects[1], 1);
	/* Another country: nobody; an unknown one: refused. */
	assert_int_equal(reint_figures_get(f->db, "SEN", &y, &fig), ST_OK);
	assert_int_equal(fig.total[REINT_ALL], 0);
	assert_int_equal(reint_figures_get(f->db, "XXX", &y, &fig), ST_NOT_FOUND);
	/* The year before: nobody. */
	assert_true(reint_period_parse("2025", &y));
	assert_int_equal(reint_figures_get(f->db, "", &y, &fig), ST_OK);
	assert_int_equal(fig.total[REINT_ALL], 0);
	/* Reports may read them, intake may not. */
	sign_in(f, ROLE_INTAKE);
	assert_int_equal(reint_figures_get(f->db, "", &y, &fig), ST_DENIED);
}

/* Amounts: thousands grouped by no-break spaces, the currency after. */
static void amounts_grouped(void **state)
{
	(void)state;
	char out[64];
	amount_grouped(150000, "XOF", out, sizeof out);
	assert_string_equal(out, "150\xc2\xa0" "000\xc2\xa0XOF");
	amount_grouped(-2500000, NULL, out, sizeof out);
	assert_string_equal(out, "-2\xc2\xa0" "500\xc2\xa0" "000");
	amount_grouped(999, "", out, sizeof out);
	assert_string_equal(out, "999");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(rules_refused_nothing_written, rsetup, tteardown),
		cmocka_unit_test_setup_teardown(roles_and_approval, rsetup, tteardown),
		cmocka_unit_test_setup_teardown(members_one_leader, rsetup, tteardown),
		cmocka_unit_test_setup_teardown(paging, rsetup, tteardown),
		cmocka_unit_test_setup_teardown(figures_count_each_person_once, rsetup, tteardown),
		cmocka_unit_test(amounts_grouped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
