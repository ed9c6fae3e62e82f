#ifndef TAIMAKO_TEST_REINT_MONEY_FIXTURE_H
#define TAIMAKO_TEST_REINT_MONEY_FIXTURE_H
/* What the grants and visits tests share: the medical fixture's database
 * (one account per role) signed in as the reintegration officer on a fixed
 * day, and cases, approved plans and projects made by plain SQL (another
 * part of the module writes them). */
#include "core/clock.h"
#include "db/reint_money.h"
#include "db/reint_visit.h"
#include "medical_fixture.h"

#define TODAY 1776686400   /* 2026-04-20 12:00 UTC */

static inline int rsetup(void **state)
{
	clock_set(TODAY);
	setup(state);
	sign_in(*state, ROLE_REINTEGRATION);
	return 0;
}

static inline int rteardown(void **state)
{
	clock_set(0);
	return teardown(state);
}

/* Runs sql with up to two integer arguments (0: unbound when absent). */
static inline void exec2(struct fixture *f, const char *sql, long long a, long long b)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), sql, -1, &st, NULL), SQLITE_OK);
	int n = sqlite3_bind_parameter_count(st);
	if (n >= 1)
		sqlite3_bind_int64(st, 1, a);
	if (n >= 2)
		sqlite3_bind_int64(st, 2, b);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

/* The integer of the first column of sql with one argument. */
static inline long long one(struct fixture *f, const char *sql, long long arg)
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

static inline long long user_id(struct fixture *f, enum role r)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), "SELECT id FROM app_user WHERE name = ?1", -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, role_name(r), -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* An open case of a new person at AGZ followed by case worker worker. */
static inline long long reint_case(struct fixture *f, const char *family, long long worker)
{
	long long person = add_person(f, family, "Moussa", 'm', "1995", false);
	sign_in(f, ROLE_REINTEGRATION);
	exec2(f,
	      "INSERT INTO reint_case (person_id, centre_id, country, return_date, return_kind, caseworker_id, status) "
	      "VALUES (?1, (SELECT id FROM centre WHERE code = 'AGZ'), 'SEN', '2026-02-01', 'avr', nullif(?2, 0), 'open')",
	      person, worker);
	return sqlite3_last_insert_rowid(db_sqlite(f->db));
}

/* A plan of case in status ('approved' or another) approved for amount. */
static inline long long plan(struct fixture *f, long long case_id, const char *status, long long amount)
{
	sqlite3_stmt *st;
	bool approved = strcmp(status, "draft") != 0 && strcmp(status, "submitted") != 0;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db),
	                                    "INSERT INTO reint_plan (case_id, status, approved_amount, approved_at, "
	                                    "approved_by) VALUES (?1, ?2, ?3, CASE WHEN ?4 THEN '2026-03-01' END, "
	                                    "CASE WHEN ?4 THEN (SELECT id FROM app_user WHERE name = 'manager') END)",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_int64(st, 1, case_id);
	sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
	if (approved)
		sqlite3_bind_int64(st, 3, amount);
	sqlite3_bind_int(st, 4, approved);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	return sqlite3_last_insert_rowid(db_sqlite(f->db));
}

/* A community project at AGZ with budget approved (0: not approved). */
static inline long long project(struct fixture *f, long long approved, long long worker)
{
	exec2(f,
	      "INSERT INTO reint_project (kind, name, centre_id, country, activity, budget, approved_amount, approved_at, "
	      "approved_by, status, caseworker_id) VALUES ('community', 'Jardin de Thiès', "
	      "(SELECT id FROM centre WHERE code = 'AGZ'), 'SEN', 'agriculture', ?1, nullif(?1, 0), "
	      "CASE WHEN ?1 THEN '2026-03-01' END, CASE WHEN ?1 THEN (SELECT id FROM app_user WHERE name = 'manager') END, "
	      "'planned', nullif(?2, 0))",
	      approved, worker);
	return sqlite3_last_insert_rowid(db_sqlite(f->db));
}

/* A payment of amount on day, cash, unscheduled or of tranche. */
static inline struct reint_pay payment(long long tranche, const char *day, long long amount)
{
	struct reint_pay p;
	memset(&p, 0, sizeof p);
	p.tranche_id = tranche;
	snprintf(p.paid_date, sizeof p.paid_date, "%s", day);
	p.amount = amount;
	snprintf(p.method, sizeof p.method, "cash");
	snprintf(p.receipt_ref, sizeof p.receipt_ref, "R-%lld", amount);
	return p;
}

/* The query plan of the prepared statement whose text holds needle. */
static inline void plan_of(struct fixture *f, const char *needle, char *out, size_t size)
{
	sqlite3 *h = db_sqlite(f->db);
	const char *sql = NULL;
	for (sqlite3_stmt *st = sqlite3_next_stmt(h, NULL); st && !sql; st = sqlite3_next_stmt(h, st))
		if (strstr(sqlite3_sql(st), needle))
			sql = sqlite3_sql(st);
	assert_non_null(sql);
	char explain[4096];
	snprintf(explain, sizeof explain, "EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, explain, -1, &st, NULL), SQLITE_OK);
	out[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t len = strlen(out);
		snprintf(out + len, size - len, "%s\n", (const char *)sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	if (getenv("SHOW_PLANS"))
		printf("-- %s\n%s", needle, out);
}

#endif
