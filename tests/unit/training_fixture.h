#ifndef TAIMAKO_TEST_TRAINING_FIXTURE_H
#define TAIMAKO_TEST_TRAINING_FIXTURE_H
/* What the training tests share: the medical fixture's database (one
 * account per role) signed in as the training officer on a fixed day,
 * people registered, courses made as the form makes them, collectors. */
#include "core/clock.h"
#include "db/training.h"
#include "medical_fixture.h"

#define TODAY 1776686400   /* 2026-04-20 12:00 UTC */

static inline int tsetup(void **state)
{
	clock_set(TODAY);
	setup(state);
	sign_in(*state, ROLE_TRAINING);
	return 0;
}

static inline int tteardown(void **state)
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

/* A person registered at AGZ, then the training officer signed in again. */
static inline long long trainee(struct fixture *f, const char *family, const char *given)
{
	sign_in(f, ROLE_INTAKE);
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = 'm';
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	sign_in(f, ROLE_TRAINING);
	return p.id;
}

static inline long long ref_id(struct fixture *f, const char *list, const char *code)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), "SELECT id FROM ref_item WHERE list = ?1 AND code = ?2",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, list, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* A welding course at AGZ of capacity places, as the form makes it. */
static inline struct training_course course(struct fixture *f, int capacity)
{
	struct training_course c;
	training_course_init(&c, "AGZ", "2026-03-01");
	c.trade_id = ref_id(f, "training_trade", "welding");
	snprintf(c.title, sizeof c.title, "Soudure 2026");
	snprintf(c.end_date, sizeof c.end_date, "2026-04-10");
	c.provider_id = ref_id(f, "partner", "implementing_ngo");
	c.hours = 120;
	c.capacity = capacity;
	snprintf(c.certificate, sizeof c.certificate, "official");
	snprintf(c.status, sizeof c.status, "open");
	return c;
}

static inline long long course_saved(struct fixture *f, int capacity)
{
	struct training_course c = course(f, capacity);
	assert_int_equal(training_course_save(f->db, &c, NULL, NULL), ST_OK);
	return c.id;
}

static inline long long audit_rows(struct fixture *f)
{
	return one(f->db, "SELECT count(*) FROM audit", 0);
}

struct enrolments {
	int n;
	struct training_enrolment e[16];
};

static inline void collect_enrolment(const struct training_enrolment *e, void *ctx)
{
	struct enrolments *l = ctx;
	if (l->n < 16)
		l->e[l->n++] = *e;
}

struct courses {
	int n;
	struct training_course c[16];
};

static inline void collect_course(const struct training_course *c, void *ctx)
{
	struct courses *l = ctx;
	if (l->n < 16)
		l->c[l->n++] = *c;
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
