#ifndef TAIMAKO_TEST_PSYCH_SUPPORT_FIXTURE_H
#define TAIMAKO_TEST_PSYCH_SUPPORT_FIXTURE_H
/* What the unit tests of individual psychosocial support share: a
 * database with one account per role (named like the role) and the clock
 * on 1 May 2026, people staying at AGZ, support sessions saved as the form
 * saves them, attendance rows as the roll writes them, collectors for the
 * lists, the newest audit row. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/clock.h"
#include "core/jsonbuf.h"
#include "core/perm.h"
#include "core/psych_vocab.h"
#include "core/role.h"
#include "db/audit.h"
#include "db/audit_text.h"
#include "db/db.h"
#include "db/db_private.h"   /* the connection's handle: attendance rows, query plans */
#include "db/login.h"
#include "db/person.h"
#include "db/psych_support.h"
#include "db/user.h"
#include "ui/app.h"
#include "ui/module.h"

#define PASSWORD "a long password"
#define TODAY "2026-05-01"

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
	clock_set(1777636800);   /* 2026-05-01 12:00 UTC */
	tmpdir_make(&f->t);
	assert_int_equal(db_open(f->t.db, DB_CREATE, &f->db, NULL, 0), ST_OK);
	db_set_actor(f->db, 0, "test", ROLE_ADMIN, "test");
	for (int r = 0; r < ROLE_COUNT_; r++)
		assert_int_equal(user_add(f->db, role_name((enum role)r), "Staff", (enum role)r, "AGZ", "fr", PASSWORD, NULL),
		                 ST_OK);
	sign_in(f, ROLE_PSYCHOSOCIAL);
	*state = f;
	return 0;
}

static inline int teardown(void **state)
{
	struct fixture *f = *state;
	db_close(&f->db);
	tmpdir_remove(&f->t);
	free(f);
	clock_set(0);
	return 0;
}

/* Registers a person staying at AGZ as the intake clerk, then signs the
 * psychosocial worker in again. */
static inline long long add_person(struct fixture *f, const char *family, const char *given)
{
	sign_in(f, ROLE_INTAKE);
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = 'f';
	snprintf(p.birth_date, sizeof p.birth_date, "1995");
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	sign_in(f, ROLE_PSYCHOSOCIAL);
	return p.id;
}

/* A valid support session of person at AGZ. */
static inline struct psych_support support(long long person, const char *date, const char *risk, const char *next)
{
	struct psych_support s;
	memset(&s, 0, sizeof s);
	s.person_id = person;
	snprintf(s.date, sizeof s.date, "%s", date);
	snprintf(s.centre_code, sizeof s.centre_code, "AGZ");
	snprintf(s.modality, sizeof s.modality, "individual");
	s.concerns = 1u << PSYCH_CONCERN_DISTRESS | 1u << PSYCH_CONCERN_SLEEP;
	snprintf(s.actions, sizeof s.actions, "Écoute active, exercices de respiration");
	snprintf(s.risk, sizeof s.risk, "%s", risk);
	snprintf(s.next_appointment, sizeof s.next_appointment, "%s", next);
	return s;
}

/* Saves a new support session and returns its id. */
static inline long long record(struct fixture *f, long long person, const char *date, const char *risk, const char *next,
                        const char *centre)
{
	struct psych_support s = support(person, date, risk, next);
	snprintf(s.centre_code, sizeof s.centre_code, "%s", centre);
	assert_int_equal(psych_support_save(f->db, &s), ST_OK);
	assert_true(s.id > 0);
	return s.id;
}

/* A session at AGZ on date (status planned, held or cancelled) where
 * person's mark is mark, written as the sessions' roll writes it. */
static inline void attended(struct fixture *f, long long person, const char *date, const char *status, const char *mark)
{
	char sql[800];
	snprintf(sql, sizeof sql,
	         "INSERT INTO psych_session (centre_id, activity_id, date, status, cancel_reason, roll) VALUES "
	         "((SELECT id FROM centre WHERE code = 'AGZ'), (SELECT id FROM ref_item WHERE list = 'psych_activity' "
	         "AND code = 'yoga'), '%s', '%s', '%s', 'names');"
	         "INSERT INTO psych_attendance (session_id, person_id, mark) VALUES (last_insert_rowid(), %lld, '%s');",
	         date, status, strcmp(status, "cancelled") == 0 ? "Pluie" : "", person, mark);
	assert_int_equal(sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, NULL), SQLITE_OK);
}

struct supports {
	int n;
	struct psych_support s[16];
};

static inline void collect_support(const struct psych_support *s, void *ctx)
{
	struct supports *c = ctx;
	if (c->n < 16)
		c->s[c->n++] = *s;
}

struct dues {
	int n;
	struct psych_due d[16];
};

static inline void collect_due(const struct psych_due *d, void *ctx)
{
	struct dues *c = ctx;
	if (c->n < 16)
		c->d[c->n++] = *d;
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
	                                    "SELECT action, entity, coalesce(entity_id, 0), coalesce(user_name, ''), "
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

#endif
