/* A child's protection records: every function refused or allowed per role;
 * best-interests assessments drafted, submitted, approved only by a manager
 * or rejected with a comment; interim care one after another; the family
 * tracing's steps; follow-up visits after the reunification; the tracings
 * without action on a known day; a child's return only after an approved
 * determination (the schema's triggers and prot_child_determination). */
#include "medical_fixture.h"
#include "core/clock.h"
#include "db/prot.h"
#include "db/prot_child.h"

#define TODAY 1776686400   /* 2026-04-20 12:00 UTC */

static int csetup(void **state)
{
	clock_set(TODAY);
	setup(state);
	sign_in(*state, ROLE_PROTECTION);
	return 0;
}

static int cteardown(void **state)
{
	clock_set(0);
	return teardown(state);
}

/* Runs sql with up to two integer arguments; returns sqlite3_step's code. */
static int exec2(struct fixture *f, const char *sql, long long a, long long b)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), sql, -1, &st, NULL), SQLITE_OK);
	int n = sqlite3_bind_parameter_count(st);
	if (n >= 1)
		sqlite3_bind_int64(st, 1, a);
	if (n >= 2)
		sqlite3_bind_int64(st, 2, b);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc;
}

static long long one(struct fixture *f, const char *sql, long long arg)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, arg);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* An open protection case of a new child at AGZ (plain SQL: the cases part
 * writes the case functions), flagged unaccompanied when flagged. */
static long long child_case(struct fixture *f, const char *family, bool flagged, long long *person)
{
	long long p = add_person(f, family, "Awa", 'f', "2012", true);
	if (flagged)
		assert_int_equal(exec2(f, "INSERT INTO person_flag (person_id, flag) VALUES (?1, 'unaccompanied_child')", p, 0),
		                 SQLITE_DONE);
	assert_int_equal(exec2(f,
	                       "INSERT INTO prot_case (person_id, centre_id, opened, risk, status) VALUES (?1, "
	                       "(SELECT id FROM centre WHERE code = 'AGZ'), '2026-03-16', 'high', 'open')",
	                       p, 0),
	                 SQLITE_DONE);
	long long id = sqlite3_last_insert_rowid(db_sqlite(f->db));
	sign_in(f, ROLE_PROTECTION);
	if (person)
		*person = p;
	return id;
}

static struct prot_bi assessment(long long case_id)
{
	struct prot_bi b;
	memset(&b, 0, sizeof b);
	b.case_id = case_id;
	snprintf(b.assessed_date, sizeof b.assessed_date, "2026-04-10");
	snprintf(b.findings, sizeof b.findings, "Mother found in Zinder, wants the child back.");
	snprintf(b.child_views, sizeof b.child_views, "Wants to go home.");
	snprintf(b.recommendation, sizeof b.recommendation, "reunification");
	return b;
}

static void count_cb(const void *row, void *ctx)
{
	(void)row;
	(*(int *)ctx)++;
}

/* Every function refused or allowed for every role. */
static void every_role_is_refused_or_allowed(void **state)
{
	struct fixture *f = *state;
	long long c = child_case(f, "KANE", false, NULL);
	struct prot_tracing t;
	memset(&t, 0, sizeof t);
	t.case_id = c;
	snprintf(t.opened, sizeof t.opened, "2026-03-20");
	assert_int_equal(prot_tracing_open(f->db, &t, NULL, NULL), ST_OK);
	struct prot_bi sb = assessment(c);
	assert_int_equal(prot_bi_add(f->db, &sb, NULL, NULL), ST_OK);
	assert_int_equal(prot_bi_submit(f->db, sb.id, sb.version, NULL), ST_OK);
	for (int r = 0; r < ROLE_COUNT_; r++) {
		sign_in(f, (enum role)r);
		bool reads = r == ROLE_MANAGER || r == ROLE_PROTECTION, writes = r == ROLE_PROTECTION;
		enum status rd = reads ? ST_OK : ST_DENIED;
		struct prot_child_head h;
		assert_int_equal(prot_child_view(f->db, c, &h), rd);
		struct prot_bi b;
		assert_int_equal(prot_bi_latest(f->db, c, &b), rd);
		assert_int_equal(prot_bi_get(f->db, sb.id, &b), rd);
		struct prot_tracing t2;
		assert_int_equal(prot_tracing_get(f->db, c, &t2), rd);
		struct prot_care cr;
		assert_int_equal(prot_care_current(f->db, c, &cr), reads ? ST_NOT_FOUND : ST_DENIED);
		struct prot_followup fu;
		assert_int_equal(prot_followup_get(f->db, 1, &fu), reads ? ST_NOT_FOUND : ST_DENIED);
		int n = 0;
		assert_int_equal(prot_bi_waiting_list(f->db, PAGE_AFTER, NULL, 10,
		                                      (void (*)(const struct prot_bi_waiting *, void *))count_cb, &n, NULL),
		                 rd);
		assert_int_equal(prot_tracing_stale(f->db, PAGE_AFTER, NULL, 10,
		                                    (void (*)(const struct prot_stale *, void *))count_cb, &n, NULL),
		                 rd);
		assert_int_equal(prot_tracing_action_list(f->db, t.id, PAGE_AFTER, NULL, 10,
		                                          (void (*)(const struct prot_tracing_action *, void *))count_cb,
		                                          &n, NULL),
		                 rd);
		assert_int_equal(prot_followup_list(f->db, c, PAGE_AFTER, NULL, 10,
		                                    (void (*)(const struct prot_followup *, void *))count_cb, &n, NULL),
		                 rd);
		int days;
		assert_int_equal(prot_tracing_stale_days(f->db, &days), rd);
		bool child, approved;
		assert_int_equal(prot_child_determination(f->db, 1, &child, &approved), rd);
		/* Writes: refused before anything is checked. */
		enum status wr = writes ? ST_OK : ST_DENIED;
		struct prot_care care;
		memset(&care, 0, sizeof care);
		care.case_id = c;
		snprintf(care.kind, sizeof care.kind, "foster_family");
		snprintf(care.start_date, sizeof care.start_date, "2026-04-0%c", (char)('1' + r));
		assert_int_equal(prot_care_add(f->db, &care, NULL, NULL), wr);
		struct prot_tracing_action a;
		memset(&a, 0, sizeof a);
		a.tracing_id = t.id;
		snprintf(a.date, sizeof a.date, "2026-04-01");
		snprintf(a.kind, sizeof a.kind, "phone");
		assert_int_equal(prot_tracing_action_add(f->db, &a, NULL, NULL), wr);
		if (writes) {
			assert_int_equal(prot_tracing_get(f->db, c, &t), ST_OK);
			assert_int_equal(prot_care_edit(f->db, &care, NULL, NULL), ST_OK);
			assert_int_equal(prot_tracing_wishes(f->db, &t, NULL, NULL), ST_OK);
		} else {
			struct prot_bi nb = assessment(c);
			assert_int_equal(prot_bi_add(f->db, &nb, NULL, NULL), ST_DENIED);
			nb.id = sb.id;
			assert_int_equal(prot_bi_edit(f->db, &nb, NULL, NULL), ST_DENIED);
			assert_int_equal(prot_bi_submit(f->db, sb.id, 1, NULL), ST_DENIED);
			struct prot_tracing nt = t;
			assert_int_equal(prot_tracing_open(f->db, &nt, NULL, NULL), ST_DENIED);
			assert_int_equal(prot_tracing_wishes(f->db, &nt, NULL, NULL), ST_DENIED);
			assert_int_equal(prot_tracing_step(f->db, &nt, "closed", NULL, NULL), ST_DENIED);
			assert_int_equal(prot_care_edit(f->db, &care, NULL, NULL), ST_DENIED);
			struct prot_followup nf;
			memset(&nf, 0, sizeof nf);
			nf.case_id = c;
			assert_int_equal(prot_followup_add(f->db, &nf, NULL, NULL), ST_DENIED);
			nf.id = 1;
			assert_int_equal(prot_followup_edit(f->db, &nf, NULL, NULL), ST_DENIED);
		}
		/* Deciding: the manager only (a rejection without a comment is
		 * refused, so nothing changes). */
		const char *m = NULL;
		assert_int_equal(prot_bi_decide(f->db, sb.id, sb.version, false, "", &m, NULL),
		                 r == ROLE_MANAGER ? ST_INVALID : ST_DENIED);
	}
	/* Each refusal is in the trail; each opening too. */
	assert_true(one(f, "SELECT count(*) FROM audit WHERE action = 'refused'", 0) > 0);
	assert_int_equal(one(f, "SELECT count(*) FROM audit WHERE action = 'view' AND entity = 'prot_child'", 0), 2);
}

static void an_assessment_is_approved_by_a_manager_only(void **state)
{
	struct fixture *f = *state;
	long long c = child_case(f, "BA", false, NULL);
	struct prot_bi b = assessment(c);
	const char *m = NULL, *field = NULL;
	snprintf(b.recommendation, sizeof b.recommendation, "nonsense");
	assert_int_equal(prot_bi_add(f->db, &b, &m, &field), ST_INVALID);
	assert_string_equal(field, "recommendation");
	b = assessment(c);
	snprintf(b.assessed_date, sizeof b.assessed_date, "2026-04-21");
	assert_int_equal(prot_bi_add(f->db, &b, &m, &field), ST_INVALID);
	assert_string_equal(field, "assessed_date");
	b = assessment(c);
	assert_int_equal(prot_bi_add(f->db, &b, &m, &field), ST_OK);
	/* One draft at a time. */
	struct prot_bi other = assessment(c);
	assert_int_equal(prot_bi_add(f->db, &other, &m, &field), ST_INVALID);
	/* Edited while a draft, at its version. */
	snprintf(b.child_views, sizeof b.child_views, "Wants to see the mother.");
	assert_int_equal(prot_bi_edit(f->db, &b, &m, &field), ST_OK);
	struct prot_bi stale = b;
	stale.version--;
	assert_int_equal(prot_bi_edit(f->db, &stale, &m, &field), ST_CONFLICT);
	/* Not decided before it is submitted. */
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(prot_bi_decide(f->db, b.id, b.version, true, "", &m, &field), ST_INVALID);
	sign_in(f, ROLE_PROTECTION);
	assert_int_equal(prot_bi_submit(f->db, b.id, b.version - 1, &m), ST_CONFLICT);
	assert_int_equal(prot_bi_submit(f->db, b.id, b.version, &m), ST_OK);
	assert_int_equal(prot_bi_edit(f->db, &b, &m, &field), ST_CONFLICT);
	assert_int_equal(prot_bi_get(f->db, b.id, &b), ST_OK);
	assert_int_equal(prot_bi_edit(f->db, &b, &m, &field), ST_INVALID);
	assert_string_equal(b.status, "submitted");
	/* The officer cannot approve; the manager can, once, at its version. */
	assert_int_equal(prot_bi_decide(f->db, b.id, b.version, true, "", &m, &field), ST_DENIED);
	sign_in(f, ROLE_MANAGER);
	int n = 0;
	assert_int_equal(prot_bi_waiting_list(f->db, PAGE_AFTER, NULL, 10,
	                                      (void (*)(const struct prot_bi_waiting *, void *))count_cb, &n, NULL),
	                 ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(prot_bi_decide(f->db, b.id, b.version - 1, true, "", &m, &field), ST_CONFLICT);
	assert_int_equal(prot_bi_decide(f->db, b.id, b.version, true, "Agreed.", &m, &field), ST_OK);
	assert_int_equal(prot_bi_get(f->db, b.id, &b), ST_OK);
	assert_string_equal(b.status, "approved");
	assert_string_equal(b.decider, "Staff");
	assert_string_equal(b.decided_at, "2026-04-20T12:00:00Z");
	assert_string_equal(b.decision_comment, "Agreed.");
	assert_int_equal(one(f, "SELECT decided_by = (SELECT id FROM app_user WHERE name = 'manager') "
	                        "FROM prot_best_interest WHERE id = ?1", b.id), 1);
	assert_int_equal(one(f, "SELECT count(*) FROM audit WHERE entity = 'prot_best_interest' AND entity_id = ?1 "
	                        "AND changes LIKE '%approved%'", b.id), 1);
	assert_int_equal(prot_bi_decide(f->db, b.id, b.version, false, "No.", &m, &field), ST_INVALID);
	n = 0;
	assert_int_equal(prot_bi_waiting_list(f->db, PAGE_AFTER, NULL, 10,
	                                      (void (*)(const struct prot_bi_waiting *, void *))count_cb, &n, NULL),
	                 ST_OK);
	assert_int_equal(n, 0);
}

static void a_rejection_needs_a_comment_and_a_new_assessment_follows(void **state)
{
	struct fixture *f = *state;
	long long c = child_case(f, "SOW", false, NULL);
	struct prot_bi b = assessment(c);
	const char *m = NULL, *field = NULL;
	assert_int_equal(prot_bi_add(f->db, &b, &m, &field), ST_OK);
	assert_int_equal(prot_bi_submit(f->db, b.id, b.version, &m), ST_OK);
	b.version++;
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(prot_bi_decide(f->db, b.id, b.version, false, "", &m, &field), ST_INVALID);
	assert_string_equal(field, "decision_comment");
	assert_int_equal(prot_bi_decide(f->db, b.id, b.version, false, "  \n ", &m, &field), ST_INVALID);
	assert_int_equal(prot_bi_decide(f->db, b.id, b.version, false, NULL, &m, &field), ST_INVALID);
	assert_int_equal(prot_bi_decide(f->db, b.id, b.version, false, "Talk to the uncle first.", &m, &field), ST_OK);
	assert_int_equal(prot_bi_latest(f->db, c, &b), ST_OK);
	assert_string_equal(b.status, "rejected");
	assert_string_equal(b.decision_comment, "Talk to the uncle first.");
	sign_in(f, ROLE_PROTECTION);
	struct prot_bi next = assessment(c);
	assert_int_equal(prot_bi_add(f->db, &next, &m, &field), ST_OK);
	assert_int_equal(prot_bi_latest(f->db, c, &b), ST_OK);
	assert_int_equal(b.id, next.id);
	assert_string_equal(b.status, "draft");
}

static void care_arrangements_follow_one_another(void **state)
{
	struct fixture *f = *state;
	long long c = child_case(f, "DIALLO", false, NULL);
	struct prot_care a;
	memset(&a, 0, sizeof a);
	a.case_id = c;
	snprintf(a.kind, sizeof a.kind, "interim_care_centre");
	snprintf(a.place, sizeof a.place, "Agadez");
	snprintf(a.start_date, sizeof a.start_date, "2026-03-20");
	const char *m = NULL, *field = NULL;
	assert_int_equal(prot_care_add(f->db, &a, &m, &field), ST_OK);
	struct prot_care b = a;
	snprintf(b.kind, sizeof b.kind, "foster_family");
	snprintf(b.start_date, sizeof b.start_date, "2026-03-19");
	assert_int_equal(prot_care_add(f->db, &b, &m, &field), ST_INVALID);
	assert_string_equal(field, "start_date");
	snprintf(b.start_date, sizeof b.start_date, "2026-04-02");
	assert_int_equal(prot_care_add(f->db, &b, &m, &field), ST_OK);
	assert_int_equal(one(f, "SELECT end_date = '2026-04-02' FROM prot_care WHERE id = ?1", a.id), 1);
	struct prot_care cur;
	assert_int_equal(prot_care_current(f->db, c, &cur), ST_OK);
	assert_int_equal(cur.id, b.id);
	assert_string_equal(cur.end_date, "");
	snprintf(cur.carer, sizeof cur.carer, "Mme Issa");
	assert_int_equal(prot_care_edit(f->db, &cur, &m, &field), ST_OK);
	cur.version--;
	assert_int_equal(prot_care_edit(f->db, &cur, &m, &field), ST_CONFLICT);
}

static void tracing_moves_forward_in_steps(void **state)
{
	struct fixture *f = *state;
	/* The rule itself. */
	assert_null(prot_tracing_step_problem("open", "in_progress"));
	assert_null(prot_tracing_step_problem("open", "family_found"));
	assert_null(prot_tracing_step_problem("in_progress", "family_found"));
	assert_null(prot_tracing_step_problem("family_found", "verified"));
	assert_null(prot_tracing_step_problem("verified", "reunified"));
	assert_null(prot_tracing_step_problem("open", "closed"));
	assert_null(prot_tracing_step_problem("reunified", "closed"));
	assert_non_null(prot_tracing_step_problem("open", "verified"));
	assert_non_null(prot_tracing_step_problem("in_progress", "reunified"));
	assert_non_null(prot_tracing_step_problem("verified", "family_found"));
	assert_non_null(prot_tracing_step_problem("closed", "closed"));
	assert_non_null(prot_tracing_step_problem("closed", "in_progress"));
	assert_non_null(prot_tracing_step_problem("reunified", "verified"));
	assert_non_null(prot_tracing_step_problem("open", "nonsense"));

	long long c = child_case(f, "TOURE", false, NULL);
	struct prot_tracing t;
	memset(&t, 0, sizeof t);
	t.case_id = c;
	snprintf(t.opened, sizeof t.opened, "2026-03-20");
	snprintf(t.child_wishes, sizeof t.child_wishes, "To find the mother.");
	const char *m = NULL, *field = NULL;
	assert_int_equal(prot_tracing_open(f->db, &t, &m, &field), ST_OK);
	struct prot_tracing again = t;
	assert_int_equal(prot_tracing_open(f->db, &again, &m, &field), ST_INVALID);
	/* An action moves it to in progress. */
	struct prot_tracing_action a;
	memset(&a, 0, sizeof a);
	a.tracing_id = t.id;
	snprintf(a.date, sizeof a.date, "2026-03-19");
	snprintf(a.kind, sizeof a.kind, "red_cross");
	assert_int_equal(prot_tracing_action_add(f->db, &a, &m, &field), ST_INVALID);
	assert_string_equal(field, "date");
	snprintf(a.date, sizeof a.date, "2026-03-25");
	assert_int_equal(prot_tracing_action_add(f->db, &a, &m, &field), ST_OK);
	assert_int_equal(prot_tracing_get(f->db, c, &t), ST_OK);
	assert_string_equal(t.status, "in_progress");
	assert_string_equal(t.last_action, "2026-03-25");
	/* Verified before found: refused with a clear message. */
	snprintf(t.verified_date, sizeof t.verified_date, "2026-04-01");
	assert_int_equal(prot_tracing_step(f->db, &t, "verified", &m, &field), ST_INVALID);
	assert_string_equal(m, "Record the family found before verifying it.");
	assert_int_equal(prot_tracing_step(f->db, &t, "family_found", &m, &field), ST_INVALID);
	assert_string_equal(field, "family_found");
	snprintf(t.family_found, sizeof t.family_found, "Mother, Zinder, Birni quarter");
	snprintf(t.found_date, sizeof t.found_date, "2026-03-30");
	assert_int_equal(prot_tracing_step(f->db, &t, "family_found", &m, &field), ST_OK);
	assert_int_equal(prot_tracing_step(f->db, &t, "family_found", &m, &field), ST_INVALID);
	snprintf(t.verified_date, sizeof t.verified_date, "2026-03-29");
	assert_int_equal(prot_tracing_step(f->db, &t, "verified", &m, &field), ST_INVALID);
	snprintf(t.verified_date, sizeof t.verified_date, "2026-04-01");
	snprintf(t.verification_note, sizeof t.verification_note, "Birth certificate seen.");
	assert_int_equal(prot_tracing_step(f->db, &t, "verified", &m, &field), ST_OK);
	/* No follow-up visit before the reunification. */
	struct prot_followup fu;
	memset(&fu, 0, sizeof fu);
	fu.case_id = c;
	snprintf(fu.date, sizeof fu.date, "2026-04-15");
	snprintf(fu.mode, sizeof fu.mode, "phone");
	snprintf(fu.wellbeing, sizeof fu.wellbeing, "good");
	assert_int_equal(prot_followup_add(f->db, &fu, &m, &field), ST_INVALID);
	snprintf(t.reunified_date, sizeof t.reunified_date, "2026-04-10");
	snprintf(t.reunified_place, sizeof t.reunified_place, "Zinder");
	assert_int_equal(prot_tracing_step(f->db, &t, "reunified", &m, &field), ST_INVALID);
	assert_string_equal(field, "reunified_with");
	snprintf(t.reunified_with, sizeof t.reunified_with, "The mother");
	assert_int_equal(prot_tracing_step(f->db, &t, "reunified", &m, &field), ST_OK);
	assert_int_equal(prot_tracing_action_add(f->db, &a, &m, &field), ST_INVALID);
	snprintf(fu.date, sizeof fu.date, "2026-04-09");
	assert_int_equal(prot_followup_add(f->db, &fu, &m, &field), ST_INVALID);
	snprintf(fu.date, sizeof fu.date, "2026-04-15");
	assert_int_equal(prot_followup_add(f->db, &fu, &m, &field), ST_OK);
	snprintf(fu.wellbeing, sizeof fu.wellbeing, "concerns");
	assert_int_equal(prot_followup_edit(f->db, &fu, &m, &field), ST_OK);
	assert_int_equal(prot_tracing_step(f->db, &t, "closed", &m, &field), ST_INVALID);
	snprintf(t.closed_note, sizeof t.closed_note, "Reunified and followed.");
	assert_int_equal(prot_tracing_step(f->db, &t, "closed", &m, &field), ST_OK);
	assert_int_equal(prot_tracing_step(f->db, &t, "closed", &m, &field), ST_INVALID);
	assert_string_equal(m, "The tracing is closed.");
	assert_int_equal(prot_tracing_get(f->db, c, &t), ST_OK);
	assert_string_equal(t.verifier, "Staff");
	assert_int_equal(one(f, "SELECT count(*) FROM audit WHERE entity = 'prot_tracing' AND action = 'update'", 0), 5);
}

struct stale_rows {
	int n;
	struct prot_stale s[8];
};

static void collect_stale(const struct prot_stale *s, void *ctx)
{
	struct stale_rows *r = ctx;
	if (r->n < 8)
		r->s[r->n++] = *s;
}

static void the_stale_tracings_on_a_known_day(void **state)
{
	struct fixture *f = *state;
	const char *m = NULL, *field = NULL;
	long long cases[4];
	const char *opened[4] = { "2026-03-01", "2026-03-10", "2026-04-01", "2026-02-01" };
	for (int i = 0; i < 4; i++) {
		char name[16];
		snprintf(name, sizeof name, "CHILD%c", 'A' + i);
		cases[i] = child_case(f, name, false, NULL);
		struct prot_tracing t;
		memset(&t, 0, sizeof t);
		t.case_id = cases[i];
		snprintf(t.opened, sizeof t.opened, "%s", opened[i]);
		assert_int_equal(prot_tracing_open(f->db, &t, &m, &field), ST_OK);
		if (i == 1) { /* a recent action keeps it off the list */
			struct prot_tracing_action a;
			memset(&a, 0, sizeof a);
			a.tracing_id = t.id;
			snprintf(a.date, sizeof a.date, "2026-04-05");
			snprintf(a.kind, sizeof a.kind, "phone");
			assert_int_equal(prot_tracing_action_add(f->db, &a, &m, &field), ST_OK);
		}
		if (i == 3) { /* a closed tracing is not listed */
			snprintf(t.closed_note, sizeof t.closed_note, "Moved on.");
			assert_int_equal(prot_tracing_step(f->db, &t, "closed", &m, &field), ST_OK);
		}
	}
	/* 2026-04-20 less 30 days is 2026-03-21: only the first. */
	struct stale_rows r = { 0 };
	bool more;
	assert_int_equal(prot_tracing_stale(f->db, PAGE_AFTER, NULL, 8, collect_stale, &r, &more), ST_OK);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.s[0].case_id, cases[0]);
	assert_int_equal(r.s[0].days, 50);
	assert_string_equal(r.s[0].last_day, "2026-03-01");
	assert_string_equal(r.s[0].status, "open");
	/* With 10 days: three, the oldest first, one page at a time. */
	assert_int_equal(exec2(f, "UPDATE setting SET value = '10' WHERE key = 'prot_tracing_stale_days'", 0, 0),
	                 SQLITE_DONE);
	int days;
	assert_int_equal(prot_tracing_stale_days(f->db, &days), ST_OK);
	assert_int_equal(days, 10);
	memset(&r, 0, sizeof r);
	assert_int_equal(prot_tracing_stale(f->db, PAGE_AFTER, NULL, 1, collect_stale, &r, &more), ST_OK);
	assert_true(more);
	assert_int_equal(prot_tracing_stale(f->db, PAGE_AFTER, &r.s[0], 1, collect_stale, &r, &more), ST_OK);
	assert_true(more);
	assert_int_equal(prot_tracing_stale(f->db, PAGE_AFTER, &r.s[1], 1, collect_stale, &r, &more), ST_OK);
	assert_false(more);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.s[1].case_id, cases[2]);
	assert_int_equal(r.s[1].days, 19);
	assert_int_equal(r.s[2].case_id, cases[1]);
	assert_int_equal(r.s[2].days, 15);
	assert_string_equal(r.s[2].status, "in_progress");
	struct stale_rows back = { 0 };
	assert_int_equal(prot_tracing_stale(f->db, PAGE_BEFORE, &r.s[2], 5, collect_stale, &back, &more), ST_OK);
	assert_int_equal(back.n, 2);
	assert_int_equal(back.s[0].case_id, cases[0]);
	assert_int_equal(back.s[1].case_id, cases[2]);
	/* A setting that is not a number falls back to 30 days. */
	assert_int_equal(exec2(f, "UPDATE setting SET value = 'x' WHERE key = 'prot_tracing_stale_days'", 0, 0),
	                 SQLITE_DONE);
	assert_int_equal(prot_tracing_stale_days(f->db, &days), ST_OK);
	assert_int_equal(days, PROT_TRACING_STALE_DEFAULT);
}

/* The rule of the data layer: an unaccompanied child's return is approved,
 * and leaves, only after an approved determination. */
static void a_child_returns_only_after_an_approved_determination(void **state)
{
	struct fixture *f = *state;
	long long person, adult;
	long long c = child_case(f, "CISSE", true, &person);
	child_case(f, "ADULTE", false, &adult);
	bool child, approved;
	assert_int_equal(prot_child_determination(f->db, person, &child, &approved), ST_OK);
	assert_true(child);
	assert_false(approved);
	assert_int_equal(prot_child_determination(f->db, adult, &child, &approved), ST_OK);
	assert_false(child);
	static const char insert[] =
		"INSERT INTO prot_return (person_id, centre_id, requested_date, country, status, approved_at, approved_by, "
		"departure_date) VALUES (?1, (SELECT id FROM centre WHERE code = 'AGZ'), '2026-04-01', 'SEN', ?2, "
		"CASE WHEN ?2 != 'requested' THEN '2026-04-02' END, "
		"CASE WHEN ?2 != 'requested' THEN (SELECT id FROM app_user WHERE name = 'manager') END, "
		"CASE WHEN ?2 = 'departed' THEN '2026-04-03' END)";
	sqlite3 *h = db_sqlite(f->db);
	const char *statuses[] = { "approved", "departed" };
	for (int i = 0; i < 2; i++) {
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(h, insert, -1, &st, NULL), SQLITE_OK);
		sqlite3_bind_int64(st, 1, person);
		sqlite3_bind_text(st, 2, statuses[i], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_CONSTRAINT_TRIGGER);
		assert_non_null(strstr(sqlite3_errmsg(h), "approved best-interests determination"));
		sqlite3_finalize(st);
		/* An adult is not held by the rule. */
		assert_int_equal(sqlite3_prepare_v2(h, insert, -1, &st, NULL), SQLITE_OK);
		sqlite3_bind_int64(st, 1, adult);
		sqlite3_bind_text(st, 2, statuses[i], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_finalize(st);
		assert_int_equal(exec2(f, "DELETE FROM prot_return WHERE person_id = ?1", adult, 0), SQLITE_DONE);
	}
	/* A request is fine; approving it by an update is not. */
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, insert, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_text(st, 2, "requested", -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	long long ret = sqlite3_last_insert_rowid(h);
	static const char approve[] = "UPDATE prot_return SET status = 'approved', approved_at = '2026-04-02', "
	                              "approved_by = (SELECT id FROM app_user WHERE name = 'manager') WHERE id = ?1";
	static const char depart[] = "UPDATE prot_return SET status = 'departed', departure_date = '2026-04-20' "
	                             "WHERE id = ?1";
	assert_int_equal(exec2(f, approve, ret, 0), SQLITE_CONSTRAINT_TRIGGER);
	/* A submitted, then a rejected determination do not count. */
	struct prot_bi b = assessment(c);
	const char *m = NULL, *field = NULL;
	assert_int_equal(prot_bi_add(f->db, &b, &m, &field), ST_OK);
	assert_int_equal(prot_bi_submit(f->db, b.id, b.version, &m), ST_OK);
	assert_int_equal(exec2(f, approve, ret, 0), SQLITE_CONSTRAINT_TRIGGER);
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(prot_bi_decide(f->db, b.id, b.version + 1, false, "Not yet.", &m, &field), ST_OK);
	assert_int_equal(exec2(f, approve, ret, 0), SQLITE_CONSTRAINT_TRIGGER);
	assert_int_equal(prot_child_determination(f->db, person, &child, &approved), ST_OK);
	assert_false(approved);
	/* Approved: the return may be approved and leave. */
	sign_in(f, ROLE_PROTECTION);
	b = assessment(c);
	assert_int_equal(prot_bi_add(f->db, &b, &m, &field), ST_OK);
	assert_int_equal(prot_bi_submit(f->db, b.id, b.version, &m), ST_OK);
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(prot_bi_decide(f->db, b.id, b.version + 1, true, "", &m, &field), ST_OK);
	assert_int_equal(prot_child_determination(f->db, person, &child, &approved), ST_OK);
	assert_true(child);
	assert_true(approved);
	assert_int_equal(exec2(f, approve, ret, 0), SQLITE_DONE);
	assert_int_equal(exec2(f, depart, ret, 0), SQLITE_DONE);
	/* A separated child the same. */
	long long sep;
	child_case(f, "KEITA", false, &sep);
	assert_int_equal(exec2(f, "INSERT INTO person_flag (person_id, flag) VALUES (?1, 'separated_child')", sep, 0),
	                 SQLITE_DONE);
	assert_int_equal(sqlite3_prepare_v2(h, insert, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, sep);
	sqlite3_bind_text(st, 2, "approved", -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_CONSTRAINT_TRIGGER);
	sqlite3_finalize(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_role_is_refused_or_allowed, csetup, cteardown),
		cmocka_unit_test_setup_teardown(an_assessment_is_approved_by_a_manager_only, csetup, cteardown),
		cmocka_unit_test_setup_teardown(a_rejection_needs_a_comment_and_a_new_assessment_follows, csetup, cteardown),
		cmocka_unit_test_setup_teardown(care_arrangements_follow_one_another, csetup, cteardown),
		cmocka_unit_test_setup_teardown(tracing_moves_forward_in_steps, csetup, cteardown),
		cmocka_unit_test_setup_teardown(the_stale_tracings_on_a_known_day, csetup, cteardown),
		cmocka_unit_test_setup_teardown(a_child_returns_only_after_an_approved_determination, csetup, cteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
