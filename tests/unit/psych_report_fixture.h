#ifndef TAIMAKO_TEST_PSYCH_REPORT_FIXTURE_H
#define TAIMAKO_TEST_PSYCH_REPORT_FIXTURE_H
/* What the psychosocial figures and sheet tests share: a database with one
 * account per role (named like the role), people registered as the intake
 * clerk does, and sessions and marks written straight in SQL (a known data
 * set, independent of the forms). */
#include <sqlite3.h>
#include "testutil.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_private.h"   /* the connection's handle */
#include "db/login.h"
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
		assert_int_equal(user_add(f->db, role_name((enum role)r), "Staff", (enum role)r, "AGZ", "en", PASSWORD, NULL),
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
	return 0;
}

/* Registers a person at AGZ as the intake clerk, then signs the
 * psychosocial worker in again. */
static inline long long add_person(struct fixture *f, const char *family, const char *given, char sex,
                                   const char *birth, bool estimated, const char *nationality)
{
	sign_in(f, ROLE_INTAKE);
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = sex;
	snprintf(p.birth_date, sizeof p.birth_date, "%s", birth);
	p.birth_estimated = estimated;
	snprintf(p.nationality, sizeof p.nationality, "%s", nationality);
	snprintf(p.arrival_date, sizeof p.arrival_date, "2025-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2025-03-15");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	sign_in(f, ROLE_PSYCHOSOCIAL);
	return p.id;
}

/* A session at centre of activity (its code), held, planned or cancelled,
 * by name ("names") or head count ("count": boys, girls, men, women). */
static inline long long add_session(struct fixture *f, const char *centre, const char *activity, const char *date,
                                    const char *status, const char *roll, const int *counts)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db),
		"INSERT INTO psych_session (centre_id, activity_id, title, date, start_time, end_time, "
		"facilitator_name, partner_id, place, status, cancel_reason, roll, "
		"count_boys, count_girls, count_men, count_women) VALUES ("
		"(SELECT id FROM centre WHERE code = ?1), "
		"(SELECT id FROM ref_item WHERE list = 'psych_activity' AND code = ?2), 'Morning', ?3, '09:00', '10:30', "
		"'Amina Garba', (SELECT id FROM ref_item WHERE list = 'partner' AND code = 'implementing_ngo'), "
		"'Courtyard', ?4, CASE ?4 WHEN 'cancelled' THEN 'Rain' ELSE '' END, ?5, ?6, ?7, ?8, ?9)",
		-1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, centre, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, activity, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, roll, -1, SQLITE_STATIC);
	for (int i = 0; counts && i < 4; i++)
		sqlite3_bind_int(st, 6 + i, counts[i]);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	return sqlite3_last_insert_rowid(db_sqlite(f->db));
}

/* Marks person in session. */
static inline void add_mark(struct fixture *f, long long session, long long person, const char *mark)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db),
		"INSERT INTO psych_attendance (session_id, person_id, mark) VALUES (?1, ?2, ?3)", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, session);
	sqlite3_bind_int64(st, 2, person);
	sqlite3_bind_text(st, 3, mark, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

#endif
