#ifndef TAIMAKO_TEST_PSYCH_FIXTURE_H
#define TAIMAKO_TEST_PSYCH_FIXTURE_H
/* What the psychosocial session tests share: the medical fixture's
 * database (one account per role) signed in as the psychosocial worker on
 * a fixed day, people registered and departed, sessions made as the form
 * makes them, collectors of the roll and of the session list, query
 * plans. */
#include "core/clock.h"
#include "db/psych_session.h"
#include "db/stay.h"
#include "medical_fixture.h"

#define TODAY 1776686400   /* 2026-04-20 12:00 UTC */
#define DAY "2026-04-10"

static inline int psetup(void **state)
{
	clock_set(TODAY);
	setup(state);
	sign_in(*state, ROLE_PSYCHOSOCIAL);
	return 0;
}

static inline int pteardown(void **state)
{
	clock_set(0);
	return teardown(state);
}

static inline long long one(struct db *db, const char *sql, long long arg)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, arg);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A person registered at centre, arrived on arrival (first stay). */
static inline long long person_at(struct fixture *f, const char *family, const char *given, const char *centre,
                                  const char *arrival)
{
	sign_in(f, ROLE_INTAKE);
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = 'f';
	snprintf(p.arrival_date, sizeof p.arrival_date, "%s", arrival);
	snprintf(p.centre_code, sizeof p.centre_code, "%s", centre);
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "%s", arrival);
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	sign_in(f, ROLE_PSYCHOSOCIAL);
	return p.id;
}

static inline void depart(struct fixture *f, long long person, const char *date)
{
	sign_in(f, ROLE_INTAKE);
	long long stay = one(f->db, "SELECT id FROM stay WHERE person_id = ?1 AND departed IS NULL", person);
	assert_int_equal(stay_depart(f->db, stay, date, "continued"), ST_OK);
	sign_in(f, ROLE_PSYCHOSOCIAL);
}

static inline long long activity(struct fixture *f, const char *code)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), "SELECT id FROM ref_item WHERE code = ?1", -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static inline struct psych_session session(struct fixture *f, const char *date)
{
	struct psych_session s;
	psych_session_init(&s, "AGZ", date);
	s.activity_id = activity(f, "football");
	snprintf(s.title, sizeof s.title, "Match du jeudi");
	snprintf(s.start_time, sizeof s.start_time, "09:00");
	snprintf(s.end_time, sizeof s.end_time, "10:30");
	snprintf(s.facilitator_name, sizeof s.facilitator_name, "Moussa (ONG)");
	s.partner_id = activity(f, "implementing_ngo");
	snprintf(s.place, sizeof s.place, "Cour");
	return s;
}

static inline long long saved(struct fixture *f, const char *date)
{
	struct psych_session s = session(f, date);
	assert_int_equal(psych_session_save(f->db, &s, NULL, NULL), ST_OK);
	return s.id;
}

static inline long long audit_rows(struct fixture *f)
{
	return one(f->db, "SELECT count(*) FROM audit", 0);
}

struct rows {
	int n;
	struct roll_row r[32];
};

static inline void collect_row(const struct roll_row *r, void *ctx)
{
	struct rows *s = ctx;
	if (s->n < 32)
		s->r[s->n++] = *r;
}

static inline struct rows roll(struct fixture *f, long long id, const char *filter, enum page_dir dir,
                               const struct roll_row *key, int limit, bool *more)
{
	struct rows r = { 0 };
	assert_int_equal(psych_roll_page(f->db, id, filter, dir, key, limit, collect_row, &r, more), ST_OK);
	return r;
}

/* Signs conn in as the psychosocial account. */
static inline void sign_in_db(struct db *db)
{
	struct user u;
	struct login_request req = { "psychosocial", PASSWORD, "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(db, &req, &u, NULL), ST_OK);
}

struct sessions {
	int n;
	struct psych_session s[8];
};

static inline void collect_session(const struct psych_session *s, void *ctx)
{
	struct sessions *l = ctx;
	if (l->n < 8)
		l->s[l->n++] = *s;
}

/* The query plan of the cached statement holding needle. */
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
