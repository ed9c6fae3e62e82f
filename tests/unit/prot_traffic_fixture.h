#ifndef TAIMAKO_TEST_PROT_TRAFFIC_FIXTURE_H
#define TAIMAKO_TEST_PROT_TRAFFIC_FIXTURE_H
/* What the trafficking and referral tests share: the training fixture's
 * database signed in as the protection officer on 2026-04-20, and a
 * protection case inserted with plain SQL (the cases' own functions are
 * another part's). */
#include "db/prot_referral.h"
#include "core/prot_vocab.h"
#include "db/prot_traffic.h"
#include "training_fixture.h"

static inline int psetup(void **state)
{
	tsetup(state);
	sign_in(*state, ROLE_PROTECTION);
	return 0;
}

/* Runs sql (no result) with arg bound to ?1; returns the primary sqlite3
 * code (SQLITE_CONSTRAINT for any refusal). */
static inline int exec1(struct fixture *f, const char *sql, long long arg)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, arg);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc & 0xff;
}

/* An open protection case of a new person at AGZ, by SQL. */
static inline long long prot_case_made(struct fixture *f, const char *family)
{
	long long person = trainee(f, family, "Amina");
	sign_in(f, ROLE_PROTECTION);
	assert_int_equal(exec1(f, "INSERT INTO prot_case (person_id, centre_id, opened, risk, status) "
	                          "VALUES (?1, (SELECT id FROM centre WHERE code = 'AGZ'), '2026-04-01', 'high', 'open')",
	                       person),
	                 SQLITE_DONE);
	return one(f->db, "SELECT id FROM prot_case WHERE person_id = ?1", person);
}

/* The number of audit rows with action and entity. */
static inline long long audited(struct fixture *f, const char *action, const char *entity)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), "SELECT count(*) FROM audit WHERE action = ?1 "
	                                    "AND entity = ?2", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, action, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, entity, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The changes of the latest audit row of entity, into out. */
static inline void last_changes(struct fixture *f, const char *entity, char *out, size_t size)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), "SELECT coalesce(changes, '') FROM audit "
	                                    "WHERE entity = ?1 ORDER BY id DESC LIMIT 1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, entity, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

#endif
