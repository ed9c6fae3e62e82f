/* Sign-in lockout: the rule with a moving clock, then the same through
 * the data layer. */
#include "testutil.h"
#include "core/lockout.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/login.h"
#include "db/user.h"

static const time_t T0 = 1790000000;   /* a fixed "now" */

static void five_failures_lock_for_fifteen_minutes(void **state)
{
	(void)state;
	struct lockout l = { 0, 0 };
	struct lockout_policy p = lockout_default_policy();
	assert_int_equal(p.max_failures, 5);
	assert_int_equal(p.lock_minutes, 15);
	for (int i = 0; i < 4; i++)
		assert_false(lockout_fail(&l, &p, T0 + i));
	assert_false(lockout_is_locked(&l, T0 + 4));
	assert_true(lockout_fail(&l, &p, T0 + 4));
	assert_true(lockout_is_locked(&l, T0 + 4));
	assert_int_equal(l.locked_until, T0 + 4 + 15 * 60);
	assert_true(lockout_is_locked(&l, T0 + 4 + 15 * 60 - 1));
	assert_false(lockout_is_locked(&l, T0 + 4 + 15 * 60));
	/* Failures while locked do not extend the lock. */
	assert_false(lockout_fail(&l, &p, T0 + 100));
	assert_int_equal(l.locked_until, T0 + 4 + 15 * 60);
}

static void success_resets_the_count(void **state)
{
	(void)state;
	struct lockout l = { 0, 0 };
	struct lockout_policy p = { 3, 1 };
	lockout_fail(&l, &p, T0);
	lockout_fail(&l, &p, T0);
	lockout_success(&l);
	assert_false(lockout_fail(&l, &p, T0));
	assert_false(lockout_fail(&l, &p, T0));
	assert_true(lockout_fail(&l, &p, T0));
	assert_int_equal(l.locked_until, T0 + 60);
	/* After the lock, counting starts again from zero. */
	assert_false(lockout_fail(&l, &p, T0 + 61));
	assert_int_equal(l.failures, 1);
}

static void silly_policies_are_clamped(void **state)
{
	(void)state;
	struct lockout l = { 0, 0 };
	struct lockout_policy p = { 0, 0 };
	assert_true(lockout_fail(&l, &p, T0));
	assert_int_equal(l.locked_until, T0 + 60);
}

/* Tries a sign-in at time now. */
static enum status attempt(struct db *db, const char *pw, time_t now, time_t *until)
{
	struct lockout_policy p = { 5, 15 };
	struct login_request req = { "aissa", pw, "ssh 10.9.8.7", now, p };
	struct user u;
	return login_attempt(db, &req, &u, until);
}

static void the_data_layer_locks_and_reopens(void **state)
{
	(void)state;
	struct tmpdir t = { "", "" };
	tmpdir_make(&t);
	struct db *db;
	assert_int_equal(db_open(t.db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(db, "aissa", "Aïssa", ROLE_INTAKE, "AGZ", "fr", "the right password", NULL),
	                 ST_OK);
	time_t until = 0;
	for (int i = 0; i < 4; i++)
		assert_int_equal(attempt(db, "wrong", T0 + i, &until), ST_BAD_LOGIN);
	assert_int_equal(attempt(db, "wrong", T0 + 4, &until), ST_LOCKED);
	assert_int_equal(until, T0 + 4 + 900);
	/* Even the right password waits for the lock to end. */
	until = 0;
	assert_int_equal(attempt(db, "the right password", T0 + 10, &until), ST_LOCKED);
	assert_int_equal(until, T0 + 4 + 900);
	assert_int_equal(attempt(db, "the right password", T0 + 4 + 900, &until), ST_OK);
	/* The trail says what happened, with where from. */
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	db_close(&db);
	assert_int_equal(db_open(t.db, DB_READONLY, &db, NULL, 0), ST_OK);
	db_close(&db);
	tmpdir_remove(&t);
}

static void an_administrator_lifts_a_lock(void **state)
{
	(void)state;
	struct tmpdir t = { "", "" };
	tmpdir_make(&t);
	struct db *db;
	assert_int_equal(db_open(t.db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(db, "aissa", "Aïssa", ROLE_INTAKE, "AGZ", "fr", "the right password", NULL),
	                 ST_OK);
	time_t until;
	for (int i = 0; i < 5; i++)
		attempt(db, "wrong", T0, &until);
	assert_int_equal(attempt(db, "the right password", T0 + 1, &until), ST_LOCKED);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_set_password(db, "aissa", "a brand new password"), ST_OK);
	assert_int_equal(attempt(db, "a brand new password", T0 + 2, &until), ST_OK);
	db_close(&db);
	tmpdir_remove(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(five_failures_lock_for_fifteen_minutes),
		cmocka_unit_test(success_resets_the_count),
		cmocka_unit_test(silly_policies_are_clamped),
		cmocka_unit_test(the_data_layer_locks_and_reopens),
		cmocka_unit_test(an_administrator_lifts_a_lock),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
