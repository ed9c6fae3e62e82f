#ifndef TAIMAKO_TEST_MEDICAL_FIXTURE_H
#define TAIMAKO_TEST_MEDICAL_FIXTURE_H
/* What the medical unit tests share: a database with one account per role
 * (named like the role), a person and a consultation made the way the
 * screens make them, collectors for the lists, the newest audit row. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_private.h"   /* the connection's handle */
#include "db/login.h"
#include "db/medical.h"
#include "db/person.h"
#include "db/user.h"

#define PASSWORD "a long password"

struct fixture {
	struct tmpdir t;
	struct db *db;
};

/* Signs in as the account of role r (one per role, named like the role). */
static inline void sign_in(struct fixture *f, enum role r)
{
	struct user u;
	struct login_request req = { role_name(r), PASSWORD, "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(f->db, &req, &u, NULL), ST_OK);
	assert_int_equal(u.role, r);
}

static inline int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	tmpdir_make(&f->t);
	assert_int_equal(db_open(f->t.db, DB_CREATE, &f->db, NULL, 0), ST_OK);
	db_set_actor(f->db, 0, "test", ROLE_ADMIN, "test");
	for (int r = 0; r < ROLE_COUNT_; r++)
		assert_int_equal(user_add(f->db, role_name((enum role)r), "Staff", (enum role)r, "AGZ", "fr", PASSWORD, NULL),
		                 ST_OK);
	sign_in(f, ROLE_MEDICAL);
	*state = f;
	return 0;
}

static inline int teardown(void **state)
{
	struct fixture *f = *state;
	db_close(&f->db);
	tmpdir_remove(&f->t);
	free(f);
	return 0;
}

/* Registers a person at AGZ as the intake clerk, then signs the medical
 * staff in again. */
static inline long long add_person(struct fixture *f, const char *family, const char *given, char sex, const char *birth,
                            bool estimated)
{
	sign_in(f, ROLE_INTAKE);
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = sex;
	snprintf(p.birth_date, sizeof p.birth_date, "%s", birth);
	p.birth_estimated = estimated;
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	sign_in(f, ROLE_MEDICAL);
	return p.id;
}

/* A valid consultation of person at AGZ. */
static inline struct consultation consult(long long person, const char *date, const char *reason, const char *followup)
{
	struct consultation c;
	memset(&c, 0, sizeof c);
	c.person_id = person;
	snprintf(c.date, sizeof c.date, "%s", date);
	snprintf(c.centre_code, sizeof c.centre_code, "AGZ");
	snprintf(c.reason, sizeof c.reason, "%s", reason);
	snprintf(c.next_followup, sizeof c.next_followup, "%s", followup);
	return c;
}

/* Saves a new consultation and returns its id. */
static inline long long record(struct fixture *f, long long person, const char *date, const char *reason,
                        const char *followup, const char *centre)
{
	struct consultation c = consult(person, date, reason, followup);
	snprintf(c.centre_code, sizeof c.centre_code, "%s", centre);
	assert_int_equal(consultation_save(f->db, &c), ST_OK);
	assert_true(c.id > 0);
	return c.id;
}

/* A medical case of person at AGZ. */
static inline struct medical_case med_case(long long person, const char *condition, const char *opened)
{
	struct medical_case mc;
	memset(&mc, 0, sizeof mc);
	mc.person_id = person;
	snprintf(mc.condition, sizeof mc.condition, "%s", condition);
	snprintf(mc.opened, sizeof mc.opened, "%s", opened);
	snprintf(mc.centre_code, sizeof mc.centre_code, "AGZ");
	return mc;
}

struct consults {
	int n;
	struct consultation c[16];
};

static inline void collect_consult(const struct consultation *c, void *ctx)
{
	struct consults *s = ctx;
	if (s->n < 16)
		s->c[s->n++] = *c;
}

struct cases {
	int n;
	struct medical_case c[16];
};

static inline void collect_case(const struct medical_case *mc, void *ctx)
{
	struct cases *s = ctx;
	if (s->n < 16)
		s->c[s->n++] = *mc;
}

struct followups {
	int n;
	struct followup f[16];
};

static inline void collect_followup(const struct followup *fu, void *ctx)
{
	struct followups *s = ctx;
	if (s->n < 16)
		s->f[s->n++] = *fu;
}

struct lines {
	int n;
	struct register_line r[16];
};

static inline void collect_line(const struct register_line *r, void *ctx)
{
	struct lines *s = ctx;
	if (s->n < 16)
		s->r[s->n++] = *r;
}

/* The newest audit row. */
struct last_row {
	char action[32], entity[32], user[64], changes[2048];
	long long entity_id;
};

static inline void last_audit(struct fixture *f, struct last_row *a)
{
	memset(a, 0, sizeof *a);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db),
	                                    "SELECT action, entity, coalesce(entity_id, 0), user_name, "
	                                    "coalesce(changes, '') FROM audit ORDER BY id DESC LIMIT 1",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(a->action, sizeof a->action, "%s", (const char *)sqlite3_column_text(st, 0));
	snprintf(a->entity, sizeof a->entity, "%s", (const char *)sqlite3_column_text(st, 1));
	a->entity_id = sqlite3_column_int64(st, 2);
	snprintf(a->user, sizeof a->user, "%s", (const char *)sqlite3_column_text(st, 3));
	snprintf(a->changes, sizeof a->changes, "%s", (const char *)sqlite3_column_text(st, 4));
	sqlite3_finalize(st);
}

static inline void names_and_labels(void **state)
{
	(void)state;
	assert_string_equal(med_reason_name(REASON_MALARIA), "malaria");
	assert_string_equal(med_reason_name(REASON_DIARRHOEA), "diarrhoea");
	assert_string_equal(med_reason_label(REASON_MALARIA), "Malaria");
	assert_string_equal(med_reason_name(REASON_COUNT_), "");
	assert_string_equal(med_reason_name((enum med_reason)-1), "");
	assert_string_equal(med_condition_name(COND_TUBERCULOSIS), "tuberculosis");
	assert_string_equal(med_condition_name(COND_COUNT_), "");
	for (int i = 0; i < REASON_COUNT_; i++)
		assert_true(med_reason_label((enum med_reason)i)[0] != '\0');
	for (int i = 0; i < COND_COUNT_; i++)
		assert_true(med_condition_label((enum med_condition)i)[0] != '\0');
}

#endif
