/* Protection cases: only the protection role and managers read them and
 * only the protection role writes, for every role and every function; one
 * open case per person; the audit of each opening and of each field; the
 * rules refused with nothing written; overdue actions; paging by key; the
 * lists' query plans use indexes. */
#include "db/prot.h"
#include "db/prot_case.h"
#include "reint_fixture.h"
#include "core/perm.h"
#include "ui/app.h"
#include "ui/module.h"

static long long pid(struct fixture *f)
{
	return user_id(f, "protection");
}

/* A case of person opened by the protection officer (signed in after). */
static long long opened(struct fixture *f, long long person, const char *day)
{
	sign_in(f, ROLE_PROTECTION);
	struct prot_case c;
	prot_case_init(&c, person, "AGZ", pid(f), day);
	snprintf(c.summary, sizeof c.summary, "Found alone at the bus station.");
	const char *m = NULL, *field = NULL;
	assert_int_equal(prot_case_save(f->db, &c, &m, &field), ST_OK);
	return c.id;
}

static long long action_added(struct fixture *f, long long case_id, const char *due)
{
	struct prot_action a;
	prot_action_init(&a, case_id, pid(f));
	snprintf(a.description, sizeof a.description, "Visit the family");
	snprintf(a.due_date, sizeof a.due_date, "%s", due);
	assert_int_equal(prot_action_save(f->db, &a, NULL, NULL), ST_OK);
	return a.id;
}

static void row_cb(const struct prot_case_row *r, void *ctx)
{
	(void)r;
	(*(int *)ctx)++;
}

static void action_cb(const struct prot_action_row *r, void *ctx)
{
	(void)r;
	(*(int *)ctx)++;
}

static void overdue_cb(const struct prot_overdue_row *r, void *ctx)
{
	(void)r;
	(*(int *)ctx)++;
}

static void concern_cb(const struct prot_concern *c, void *ctx)
{
	(void)c;
	(*(int *)ctx)++;
}

static void worker_cb(long long id, const char *name, void *ctx)
{
	(void)id;
	(void)name;
	(*(int *)ctx)++;
}

static void confidentiality_every_role(void **state)
{
	struct fixture *f = *state;
	long long p = trainee(f, "Diallo", "Aminata");
	long long id = opened(f, p, "2026-04-10");
	long long act = action_added(f, id, "2026-04-15");
	long long concern = ref_id(f, "prot_concern", "trafficking");
	assert_int_equal(prot_concern_add(f->db, id, concern, "", NULL), ST_OK);
	for (int r = 0; r < ROLE_COUNT_; r++) {
		sign_in(f, (enum role)r);
		bool reads = r == ROLE_MANAGER || r == ROLE_PROTECTION;
		bool writes = r == ROLE_PROTECTION;
		enum status rd = reads ? ST_OK : ST_DENIED;
		struct prot_case c;
		struct prot_action a;
		long long got = 0;
		bool open = false;
		const char *m = NULL;
		int n = 0, v = 1;
		char risk[8], name[400], key[20];
		assert_int_equal(prot_case_get(f->db, id, &c), rd);
		assert_int_equal(prot_case_of_person(f->db, p, &got, &open), rd);
		assert_int_equal(prot_case_can_open(f->db, p, &got, &m), rd);
		assert_int_equal(prot_action_get(f->db, act, &a), rd);
		assert_int_equal(prot_action_list(f->db, id, PAGE_AFTER, 0, 10, action_cb, &n, NULL), rd);
		assert_int_equal(prot_concern_each(f->db, id, "en", concern_cb, &n), rd);
		struct prot_case_filter filter = { "AGZ", 0, "", "" };
		assert_int_equal(prot_case_list(f->db, &filter, PAGE_AFTER, NULL, 0, 10, row_cb, &n, NULL), rd);
		assert_int_equal(prot_my_cases(f->db, pid(f), PAGE_AFTER, NULL, 0, 10, row_cb, &n, NULL), rd);
		assert_int_equal(prot_overdue_actions(f->db, "AGZ", 0, PAGE_AFTER, NULL, 0, 10, overdue_cb, &n, NULL), rd);
		assert_int_equal(prot_case_line_get(f->db, p, risk, sizeof risk, &n), rd);
		assert_int_equal(prot_worker_each(f->db, 0, worker_cb, &n), rd);
		assert_int_equal(prot_worker_name(f->db, pid(f), name, sizeof name), rd);
		assert_int_equal(prot_person_label(f->db, p, name, sizeof name, key, sizeof key), rd);
		prot_case_init(&c, p, "AGZ", 0, "2026-04-10");
		assert_int_equal(prot_case_check(f->db, &c, NULL, NULL), rd);
		prot_action_init(&a, id, 0);
		snprintf(a.description, sizeof a.description, "Call");
		assert_int_equal(prot_action_check(f->db, &a, NULL, NULL), rd);
		if (writes)
			continue;
		static const char written[] = "SELECT count(*) FROM audit WHERE entity LIKE 'prot%' AND action != 'view'";
		long long rows = one(f->db, written, 0);
		assert_int_equal(prot_case_save(f->db, &c, NULL, NULL), ST_DENIED);
		assert_int_equal(prot_case_close(f->db, id, &v, "needs_met", "2026-04-18", NULL), ST_DENIED);
		assert_int_equal(prot_case_transfer(f->db, id, &v, "UNHCR", "2026-04-18", NULL), ST_DENIED);
		assert_int_equal(prot_concern_add(f->db, id, ref_id(f, "prot_concern", "gbv"), "", NULL), ST_DENIED);
		assert_int_equal(prot_concern_remove(f->db, 1, NULL), ST_DENIED);
		assert_int_equal(prot_action_save(f->db, &a, NULL, NULL), ST_DENIED);
		assert_int_equal(prot_action_finish(f->db, act, &v, true, "2026-04-18", "", NULL), ST_DENIED);
		assert_int_equal(one(f->db, written, 0), rows);
		/* Everyone who opens case files may know that much, nothing more. */
		bool under = false;
		if (prot_under_followup(f->db, p, &under) == ST_OK)
			assert_true(under);
	}
}

static void one_open_case_per_person(void **state)
{
	struct fixture *f = *state;
	long long p = trainee(f, "Diallo", "Aminata");
	long long id = opened(f, p, "2026-04-10");
	struct prot_case c;
	const char *m = NULL, *field = NULL;
	long long got = 0;
	assert_int_equal(prot_case_can_open(f->db, p, &got, &m), ST_OK);
	assert_int_equal(got, id);
	assert_non_null(strstr(m, "open protection case"));
	prot_case_init(&c, p, "AGZ", pid(f), "2026-04-12");
	assert_int_equal(prot_case_save(f->db, &c, &m, &field), ST_DUPLICATE);
	assert_non_null(strstr(m, "open protection case"));
	assert_int_equal(c.id, 0);
	/* Transferred, a new one may be opened; the person's case is the open one. */
	struct prot_case cur;
	assert_int_equal(prot_case_get(f->db, id, &cur), ST_OK);
	assert_int_equal(prot_case_transfer(f->db, id, &cur.version, "", "2026-04-18", &m), ST_INVALID);
	assert_int_equal(prot_case_transfer(f->db, id, &cur.version, "UNHCR Niamey", "2026-04-21", &m), ST_INVALID);
	assert_int_equal(prot_case_transfer(f->db, id, &cur.version, "UNHCR Niamey", "2026-04-09", &m), ST_INVALID);
	assert_int_equal(prot_case_transfer(f->db, id, &cur.version, "UNHCR Niamey", "2026-04-18", &m), ST_OK);
	assert_int_equal(prot_case_close(f->db, id, &cur.version, "needs_met", "2026-04-18", &m), ST_INVALID);
	assert_int_equal(prot_case_save(f->db, &c, &m, &field), ST_OK);
	bool open = false;
	assert_int_equal(prot_case_of_person(f->db, p, &got, &open), ST_OK);
	assert_int_equal(got, c.id);
	assert_true(open);
	int v = c.version;
	assert_int_equal(prot_case_close(f->db, c.id, &v, "bored", "2026-04-18", &m), ST_INVALID);
	assert_int_equal(prot_case_close(f->db, c.id, &v, "reunified", "2026-04-19", &m), ST_OK);
	assert_int_equal(prot_case_of_person(f->db, p, &got, &open), ST_OK);
	assert_false(open);
	/* No open case: nothing on the case file. */
	char risk[8];
	int n = 0;
	assert_int_equal(prot_case_line_get(f->db, p, risk, sizeof risk, &n), ST_NOT_FOUND);
}

static void rules_refused_nothing_written(void **state)
{
	struct fixture *f = *state;
	long long p = trainee(f, "Diallo", "Aminata");
	sign_in(f, ROLE_PROTECTION);
	long long rows = audit_rows(f);
	static const char *const fields[] = { "opened", "opened", "risk", "caseworker_id", "caseworker_id", "summary",
		"centre_code" };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		struct prot_case c;
		prot_case_init(&c, p, "AGZ", pid(f), "2026-04-10");
		switch (i) {
		case 0: snprintf(c.opened, sizeof c.opened, "2026-02-30"); break;
		case 1: snprintf(c.opened, sizeof c.opened, "2026-04-21"); break;
		case 2: snprintf(c.risk, sizeof c.risk, "extreme"); break;
		case 3: c.caseworker_id = user_id(f, "intake"); break;
		case 4: c.caseworker_id = 9999; break;
		case 5: snprintf(c.summary, sizeof c.summary, "a\x1b[2Jb"); break;
		case 6: snprintf(c.centre_code, sizeof c.centre_code, "XXX"); break;
		}
		const char *m = NULL, *field = NULL;
		assert_int_equal(prot_case_check(f->db, &c, &m, &field), ST_INVALID);
		assert_non_null(m);
		assert_string_equal(field, fields[i]);
		assert_int_equal(prot_case_save(f->db, &c, &m, &field), ST_INVALID);
		assert_int_equal(c.id, 0);
	}
	assert_int_equal(one(f->db, "SELECT count(*) FROM prot_case", 0), 0);
	assert_int_equal(audit_rows(f), rows);
	long long id = opened(f, p, "2026-04-10");
	struct prot_action a;
	prot_action_init(&a, id, user_id(f, "intake"));
	snprintf(a.description, sizeof a.description, "Call");
	const char *m = NULL, *field = NULL;
	assert_int_equal(prot_action_save(f->db, &a, &m, &field), ST_INVALID);
	assert_string_equal(field, "assigned_id");
	a.assigned_id = 0;
	snprintf(a.description, sizeof a.description, "   ");
	assert_int_equal(prot_action_save(f->db, &a, &m, &field), ST_INVALID);
	assert_string_equal(field, "description");
	snprintf(a.description, sizeof a.description, "Call");
	snprintf(a.due_date, sizeof a.due_date, "2026-13-01");
	assert_int_equal(prot_action_save(f->db, &a, &m, &field), ST_INVALID);
	assert_string_equal(field, "due_date");
	assert_non_null(prot_concern_problem("x\ny"));
	assert_int_equal(prot_concern_add(f->db, id, ref_id(f, "reint_region", "ML-1"), "", &m), ST_INVALID);
}

static void audited_openings_and_fields(void **state)
{
	struct fixture *f = *state;
	long long p = trainee(f, "Diallo", "Aminata");
	long long id = opened(f, p, "2026-04-10");
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.action, "create");
	assert_string_equal(a.entity, "prot_case");
	assert_int_equal(a.entity_id, id);
	assert_non_null(strstr(a.changes, "\"risk\""));
	assert_non_null(strstr(a.changes, "bus station"));
	struct prot_case c, stale;
	for (int r = 0; r < 2; r++) {
		sign_in(f, r ? ROLE_MANAGER : ROLE_PROTECTION);
		assert_int_equal(prot_case_get(f->db, id, &c), ST_OK);
		last_audit(f, &a);
		assert_string_equal(a.action, "view");
		assert_string_equal(a.entity, "prot_case");
		assert_int_equal(a.entity_id, id);
	}
	sign_in(f, ROLE_PROTECTION);
	assert_int_equal(prot_case_get(f->db, id, &c), ST_OK);
	stale = c;
	snprintf(c.risk, sizeof c.risk, "high");
	snprintf(c.status, sizeof c.status, "closed");   /* never the form's to change */
	assert_int_equal(prot_case_save(f->db, &c, NULL, NULL), ST_OK);
	assert_string_equal(c.status, "open");
	last_audit(f, &a);
	assert_string_equal(a.action, "update");
	assert_non_null(strstr(a.changes, "\"risk\""));
	assert_non_null(strstr(a.changes, "high"));
	assert_null(strstr(a.changes, "\"summary\""));
	long long rows = audit_rows(f);
	snprintf(stale.risk, sizeof stale.risk, "low");
	assert_int_equal(prot_case_save(f->db, &stale, NULL, NULL), ST_CONFLICT);
	assert_int_equal(audit_rows(f), rows);

	long long concern = ref_id(f, "prot_concern", "gbv");
	const char *m = NULL;
	assert_int_equal(prot_concern_add(f->db, id, concern, "Reported at intake", &m), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.entity, "prot_case_concern");
	assert_non_null(strstr(a.changes, "Reported at intake"));
	assert_int_equal(prot_concern_add(f->db, id, concern, "", &m), ST_DUPLICATE);
	long long kid = one(f->db, "SELECT id FROM prot_case_concern WHERE case_id = ?1", id);
	assert_int_equal(prot_concern_remove(f->db, kid, &m), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.action, "delete");

	long long act = action_added(f, id, "2026-04-25");
	last_audit(f, &a);
	assert_string_equal(a.entity, "prot_action");
	assert_non_null(strstr(a.changes, "Visit the family"));
	struct prot_action x;
	assert_int_equal(prot_action_get(f->db, act, &x), ST_OK);
	int v = x.version;
	assert_int_equal(prot_action_finish(f->db, act, &v, true, "2026-04-21", "", &m), ST_INVALID);
	assert_int_equal(prot_action_finish(f->db, act, &v, true, "2026-04-19", "Family met", &m), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.action, "done");
	assert_non_null(strstr(a.changes, "Family met"));
	assert_int_equal(prot_action_finish(f->db, act, &v, false, NULL, "", &m), ST_INVALID);
	/* A closed case takes no action, no concern. */
	assert_int_equal(prot_case_get(f->db, id, &c), ST_OK);
	assert_int_equal(prot_case_close(f->db, id, &c.version, "needs_met", "2026-04-20", &m), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.action, "close");
	assert_non_null(strstr(a.changes, "needs_met"));
	prot_action_init(&x, id, 0);
	snprintf(x.description, sizeof x.description, "Call");
	assert_int_equal(prot_action_save(f->db, &x, &m, NULL), ST_INVALID);
	assert_int_equal(prot_concern_add(f->db, id, concern, "", &m), ST_INVALID);
}

struct ids {
	int n;
	long long id[16];
	int overdue[16];
};

static void keep_row(const struct prot_case_row *r, void *ctx)
{
	struct ids *l = ctx;
	if (l->n < 16) {
		l->overdue[l->n] = r->overdue;
		l->id[l->n++] = r->id;
	}
}

static void overdue_counted(void **state)
{
	struct fixture *f = *state;
	long long p = trainee(f, "Diallo", "Aminata"), q = trainee(f, "Sow", "Ibrahim");
	long long a = opened(f, p, "2026-04-01"), b = opened(f, q, "2026-04-02");
	action_added(f, a, "2026-04-19");
	action_added(f, a, "2026-04-10");
	action_added(f, a, "2026-04-20");   /* due today: not overdue */
	action_added(f, a, "");
	long long late = action_added(f, b, "2026-04-25");
	(void)late;
	char risk[8];
	int n = 0;
	assert_int_equal(prot_case_line_get(f->db, p, risk, sizeof risk, &n), ST_OK);
	assert_string_equal(risk, "medium");
	assert_int_equal(n, 2);
	assert_int_equal(prot_case_line_get(f->db, q, risk, sizeof risk, &n), ST_OK);
	assert_int_equal(n, 0);
	struct ids l = { 0 };
	assert_int_equal(prot_my_cases(f->db, pid(f), PAGE_AFTER, NULL, 0, 10, keep_row, &l, NULL), ST_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.id[0], a);   /* the overdue first */
	assert_int_equal(l.overdue[0], 2);
	assert_int_equal(l.id[1], b);
	n = 0;
	assert_int_equal(prot_overdue_actions(f->db, "AGZ", 0, PAGE_AFTER, NULL, 0, 10, overdue_cb, &n, NULL), ST_OK);
	assert_int_equal(n, 2);
	n = 0;
	assert_int_equal(prot_action_list(f->db, a, PAGE_AFTER, 0, 10, action_cb, &n, NULL), ST_OK);
	assert_int_equal(n, 4);
}

static void paged_by_key(void **state)
{
	struct fixture *f = *state;
	static const char *const families[] = { "Ba", "Cisse", "Diop", "Fall", "Gueye" };
	long long ids[5];
	for (int i = 0; i < 5; i++) {
		char day[11];
		snprintf(day, sizeof day, "2026-04-%02d", 10 + i % 3);
		ids[i] = opened(f, trainee(f, families[i], "A"), day);
	}
	struct prot_case_filter filter = { "AGZ", 0, "open", "" };
	struct ids all = { 0 };
	bool more = false;
	assert_int_equal(prot_case_list(f->db, &filter, PAGE_AFTER, NULL, 0, 10, keep_row, &all, &more), ST_OK);
	assert_int_equal(all.n, 5);
	assert_false(more);
	/* Pages of two in the same order, forwards then back. */
	struct ids page = { 0 };
	char key[11] = "";
	long long key_id = 0;
	int seen = 0;
	do {
		page.n = 0;
		assert_int_equal(prot_case_list(f->db, &filter, PAGE_AFTER, key_id ? key : NULL, key_id, 2, keep_row, &page,
		                                 &more), ST_OK);
		for (int i = 0; i < page.n; i++)
			assert_int_equal(page.id[i], all.id[seen + i]);
		seen += page.n;
		key_id = page.id[page.n - 1];
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), "SELECT opened FROM prot_case WHERE id = ?1", -1, &st,
		                                    NULL), SQLITE_OK);
		sqlite3_bind_int64(st, 1, key_id);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		snprintf(key, sizeof key, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	} while (more);
	assert_int_equal(seen, 5);
	page.n = 0;
	assert_int_equal(prot_case_list(f->db, &filter, PAGE_BEFORE, NULL, 0, 2, keep_row, &page, &more), ST_OK);
	assert_int_equal(page.n, 2);
	assert_true(more);
	assert_int_equal(page.id[0], all.id[3]);
	assert_int_equal(page.id[1], all.id[4]);
	(void)ids;
	/* Filters: risk and case worker. */
	struct prot_case_filter high = { "AGZ", 0, "", "high" };
	page.n = 0;
	assert_int_equal(prot_case_list(f->db, &high, PAGE_AFTER, NULL, 0, 10, keep_row, &page, NULL), ST_OK);
	assert_int_equal(page.n, 0);
	struct prot_case_filter mine = { "AGZ", pid(f), "", "" };
	page.n = 0;
	assert_int_equal(prot_case_list(f->db, &mine, PAGE_AFTER, NULL, 0, 10, keep_row, &page, NULL), ST_OK);
	assert_int_equal(page.n, 5);
}

static void plans_use_indexes(void **state)
{
	struct fixture *f = *state;
	long long id = opened(f, trainee(f, "Diallo", "Aminata"), "2026-04-10");
	int n = 0;
	struct prot_case_filter filter = { "AGZ", 0, "", "" };
	assert_int_equal(prot_case_list(f->db, &filter, PAGE_AFTER, NULL, 0, 10, row_cb, &n, NULL), ST_OK);
	assert_int_equal(prot_my_cases(f->db, pid(f), PAGE_AFTER, NULL, 0, 10, row_cb, &n, NULL), ST_OK);
	assert_int_equal(prot_overdue_actions(f->db, "AGZ", 0, PAGE_AFTER, NULL, 0, 10, overdue_cb, &n, NULL), ST_OK);
	assert_int_equal(prot_action_list(f->db, id, PAGE_AFTER, 0, 10, action_cb, &n, NULL), ST_OK);
	char plan[4096];
	struct prot_case_filter open = { "AGZ", 0, "open", "" };
	assert_int_equal(prot_case_list(f->db, &open, PAGE_AFTER, NULL, 0, 10, row_cb, &n, NULL), ST_OK);
	plan_of(f, "WHERE c.centre_id = ?1 AND (?5 = 0", plan, sizeof plan);
	assert_non_null(strstr(plan, "prot_case_by_centre"));
	assert_null(strstr(plan, "SCAN c\n"));
	/* With a status, the index gives the order: no sort of the centre's cases. */
	plan_of(f, "WHERE c.centre_id = ?1 AND c.status = ?6", plan, sizeof plan);
	assert_non_null(strstr(plan, "prot_case_by_centre (centre_id=? AND status=?"));
	assert_null(strstr(plan, "TEMP B-TREE"));
	plan_of(f, "WHERE c.caseworker_id = ?1 AND c.status = 'open'", plan, sizeof plan);
	assert_non_null(strstr(plan, "prot_case_by_worker"));
	plan_of(f, "AND c.centre_id = ?1 AND (?5 = 0 OR a.assigned_id", plan, sizeof plan);
	assert_non_null(strstr(plan, "INDEX"));
	assert_null(strstr(plan, "SCAN a\n"));
	plan_of(f, "LEFT JOIN app_user u ON u.id = a.assigned_id WHERE a.case_id", plan, sizeof plan);
	assert_non_null(strstr(plan, "prot_action_by_case"));
}

/* The case file's line through the module table: the risk and the
 * overdue actions for protection readers, exactly "Under protection
 * follow-up" for the other roles, nothing without an open case; no
 * refusal written for asking. */
static void case_file_line_for_every_role(void **state)
{
	struct fixture *f = *state;
	long long p = trainee(f, "Diallo", "Aminata"), q = trainee(f, "Sow", "Ibrahim");
	long long id = opened(f, p, "2026-04-01");
	action_added(f, id, "2026-04-10");
	action_added(f, id, "2026-04-11");
	struct prot_case c;
	assert_int_equal(prot_case_get(f->db, id, &c), ST_OK);
	snprintf(c.risk, sizeof c.risk, "high");
	assert_int_equal(prot_case_save(f->db, &c, NULL, NULL), ST_OK);
	struct app *app = app_new_offscreen(f->db);
	assert_non_null(app);
	const struct module *prot = NULL;
	for (const struct module *const *m = module_table; *m; m++)
		if (strcmp((*m)->name, "protection") == 0)
			prot = *m;
	assert_non_null(prot);
	assert_non_null(prot->status);
	for (int r = 0; r < ROLE_COUNT_; r++) {
		sign_in(f, (enum role)r);
		if (!perm_allows_any(r, prot->status_perms))
			continue;
		long long refusals = one(f->db, "SELECT count(*) FROM audit WHERE action LIKE '%refus%' OR action = 'denied'", 0);
		char line[400] = "x";
		prot->status(app, p, line, sizeof line);
		if (r == ROLE_MANAGER || r == ROLE_PROTECTION)
			assert_string_equal(line, "Protection: high risk · 2 actions overdue");
		else
			assert_string_equal(line, "Under protection follow-up");
		prot->status(app, q, line, sizeof line);
		assert_string_equal(line, "");
		assert_int_equal(one(f->db, "SELECT count(*) FROM audit WHERE action LIKE '%refus%' OR action = 'denied'", 0),
		                 refusals);
	}
	app_free(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(confidentiality_every_role, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(one_open_case_per_person, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(rules_refused_nothing_written, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(audited_openings_and_fields, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(overdue_counted, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(paged_by_key, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(plans_use_indexes, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(case_file_line_for_every_role, tsetup, tteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
