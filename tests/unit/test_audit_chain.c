/* The audit trail as a hash chain: rows changed, removed or replaced
 * around the program are found by check, at the first broken row; rows
 * written before the chain get theirs when the database is opened. */
#include <sqlite3.h>
#include "testutil.h"
#include "db/audit.h"
#include "db/audit_chain.h"
#include "db/db.h"
#include "db/db_private.h"
#include "db/user.h"

/* A database with a few rows in its trail, closed. */
static void make_trail(struct tmpdir *t)
{
	struct db *db;
	tmpdir_make(t);
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(db, "chef", "Chef", ROLE_ADMIN, "NY1", "fr", "a long password", NULL), ST_OK);
	for (int i = 0; i < 6; i++) {
		assert_int_equal(db_begin(db), ST_OK);
		assert_int_equal(audit_log(db, "view", "person", 10 + i, "{\"n\": 1}"), ST_OK);
		assert_int_equal(db_commit(db), ST_OK);
	}
	db_close(&db);
}

/* Runs sql on the file directly, as someone going around the program. */
static int raw(const char *path, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	int rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
	sqlite3_close(h);
	return rc;
}

/* The first broken row check finds (0: sound). */
static long long first_broken(const char *path)
{
	struct db *db;
	char detail[200];
	long long broken;
	assert_int_equal(db_open(path, DB_READONLY, &db, NULL, 0), ST_OK);
	enum status st = audit_chain_verify(db, &broken, detail, sizeof detail);
	assert_true(st == ST_OK || st == ST_CORRUPT);
	if (st == ST_CORRUPT)
		assert_int_equal(db_integrity(db, detail, sizeof detail), ST_CORRUPT);
	db_close(&db);
	return st == ST_OK ? 0 : broken;
}

static void a_sound_trail_is_one_chain_with_a_head(void **state)
{
	(void)state;
	struct tmpdir t = { 0 };
	make_trail(&t);
	assert_int_equal(first_broken(t.db), 0);
	struct db *db;
	long long id;
	char head[AUDIT_CHAIN_HEX];
	assert_int_equal(db_open(t.db, DB_READONLY, &db, NULL, 0), ST_OK);
	assert_int_equal(audit_chain_head(db, &id, head), ST_OK);
	assert_true(id > 6);
	assert_int_equal(strlen(head), 64);
	db_close(&db);
	tmpdir_remove(&t);
}

static void tampering_shows_at_the_first_broken_row(void **state)
{
	(void)state;
	struct tmpdir t = { 0 };
	/* REPLACE with an existing id, from a plain connection. */
	make_trail(&t);
	assert_int_equal(raw(t.db, "REPLACE INTO audit (id, at, user_name, origin, action, entity) "
	                           "VALUES (3, '2026-01-01T00:00:00.000Z', 'x', 'x', 'view', 'person')"), SQLITE_OK);
	assert_int_equal(first_broken(t.db), 3);
	tmpdir_remove(&t);
	/* A row deleted once its trigger is dropped: the next one breaks. */
	make_trail(&t);
	assert_int_equal(raw(t.db, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 4"), SQLITE_OK);
	assert_int_equal(first_broken(t.db), 5);
	tmpdir_remove(&t);
	/* A change rewritten, its chain left alone. */
	make_trail(&t);
	assert_int_equal(raw(t.db, "DROP TRIGGER audit_no_update; UPDATE audit SET changes = '{\"n\": 2}' WHERE id = 6"),
	                 SQLITE_OK);
	assert_int_equal(first_broken(t.db), 6);
	tmpdir_remove(&t);
	/* A row added with a made-up id between others cannot get in. */
	make_trail(&t);
	assert_int_equal(raw(t.db, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 2; "
	                           "INSERT INTO audit (id, at, user_name, origin, action, entity) "
	                           "VALUES (2, '2026-01-01T00:00:00.000Z', 'x', 'x', 'view', 'person')"), SQLITE_OK);
	assert_int_equal(first_broken(t.db), 2);
	tmpdir_remove(&t);
}

/* Rows from before the chain (none has one) are chained when opened. */
static void rows_from_before_are_chained_at_open(void **state)
{
	(void)state;
	struct tmpdir t = { 0 };
	make_trail(&t);
	assert_int_equal(raw(t.db, "DROP TRIGGER audit_no_update; UPDATE audit SET chain = NULL"), SQLITE_OK);
	struct db *db;
	assert_int_equal(db_open(t.db, DB_EXISTING, &db, NULL, 0), ST_OK);
	db_close(&db);
	assert_int_equal(first_broken(t.db), 0);
	/* A chain missing in the middle is a break, never mended. */
	assert_int_equal(raw(t.db, "UPDATE audit SET chain = NULL WHERE id = 4"), SQLITE_OK);
	assert_int_equal(db_open(t.db, DB_EXISTING, &db, NULL, 0), ST_OK);
	db_close(&db);
	assert_int_equal(first_broken(t.db), 4);
	tmpdir_remove(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_sound_trail_is_one_chain_with_a_head),
		cmocka_unit_test(tampering_shows_at_the_first_broken_row),
		cmocka_unit_test(rows_from_before_are_chained_at_open),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
