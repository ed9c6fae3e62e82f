#ifndef TAIMAKO_TEST_DIST_FIXTURE_H
#define TAIMAKO_TEST_DIST_FIXTURE_H
/* What the distribution lists and figures tests share: a database with one
 * account per role (named like the role, at AGZ), people registered as the
 * intake clerk does, and stays and servings written straight in SQL (a
 * known data set: the counter writes servings through its own API). */
#include <sqlite3.h>
#include <stdlib.h>
#include "testutil.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_private.h"
#include "db/login.h"
#include "db/person.h"
#include "db/user.h"

#define PASSWORD "a long password"

struct fixture {
	struct tmpdir t;
	struct db *db;
};

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
	sign_in(f, ROLE_MANAGER);
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

/* Registers a person at AGZ (the intake clerk signed in). */
static inline long long add_person(struct fixture *f, const char *family, const char *given, char sex,
                                   const char *birth, bool estimated)
{
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = sex;
	snprintf(p.birth_date, sizeof p.birth_date, "%s", birth);
	p.birth_estimated = estimated;
	snprintf(p.nationality, sizeof p.nationality, "NER");
	snprintf(p.arrival_date, sizeof p.arrival_date, "2025-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2025-03-15");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	return p.id;
}

static inline void sql_exec(struct fixture *f, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, &err) != SQLITE_OK)
		print_error("%s: %s\n", sql, err ? err : "");
	assert_null(err);
}

/* A stay of person at centre from admitted ("" departed: still there). */
static inline long long add_stay(struct fixture *f, long long person, const char *centre, const char *admitted,
                                 const char *departed)
{
	char sql[400];
	snprintf(sql, sizeof sql,
	         "INSERT INTO stay (person_id, centre_id, admitted, departed, departure_reason) VALUES (%lld, "
	         "(SELECT id FROM centre WHERE code = '%s'), '%s', %s%s%s, %s)",
	         person, centre, admitted, departed[0] ? "'" : "", departed[0] ? departed : "NULL", departed[0] ? "'" : "",
	         departed[0] ? "'continued'" : "NULL");
	sql_exec(f, sql);
	return sqlite3_last_insert_rowid(db_sqlite(f->db));
}

/* A serving of item (its code) to person at centre on day (at time, UTC),
 * quantity q; override a reason or ""; meal NULL or a meal. */
static inline long long add_serving(struct fixture *f, long long person, const char *item, const char *centre,
                                    const char *day, const char *time, int q, const char *override, const char *meal)
{
	char sql[900];
	snprintf(sql, sizeof sql,
	         "INSERT INTO dist_serving (person_id, item_id, centre_id, day, served_at, meal, counter, quantity, "
	         "override_reason, served_by) VALUES (%lld, (SELECT id FROM dist_item WHERE code = '%s'), "
	         "(SELECT id FROM centre WHERE code = '%s'), '%s', '%sT%sZ', %s%s%s, '1', %d, '%s', "
	         "(SELECT id FROM app_user WHERE name = 'distribution'))",
	         person, item, centre, day, day, time, meal ? "'" : "", meal ? meal : "NULL", meal ? "'" : "", q, override);
	sql_exec(f, sql);
	return sqlite3_last_insert_rowid(db_sqlite(f->db));
}

/* The reversal of serving id on day at time. */
static inline long long add_reversal(struct fixture *f, long long id, const char *day, const char *time)
{
	char sql[600];
	snprintf(sql, sizeof sql,
	         "INSERT INTO dist_serving (person_id, item_id, centre_id, day, served_at, counter, quantity, "
	         "reverses_id, reason, served_by) SELECT person_id, item_id, centre_id, '%s', '%sT%sZ', counter, "
	         "-quantity, id, 'Wrong person', (SELECT id FROM app_user WHERE name = 'manager') FROM dist_serving "
	         "WHERE id = %lld",
	         day, day, time, id);
	sql_exec(f, sql);
	return sqlite3_last_insert_rowid(db_sqlite(f->db));
}

#endif
