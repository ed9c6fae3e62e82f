/* The lockout holds against sign-ins in parallel: many processes trying
 * wrong passwords on one account at once get no more tries, between them,
 * than the limit; then the right password is refused too until the lock
 * ends. */
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>
#include "testutil.h"
#include "db/db.h"
#include "db/db_private.h"
#include "db/login.h"
#include "db/user.h"

#define PROCESSES 16
#define TRIES 3   /* wrong passwords each */

/* Rows of the trail with this action for the account. */
static int count_action(const char *path, const char *action)
{
	sqlite3 *raw;
	assert_int_equal(sqlite3_open_v2(path, &raw, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(raw, "SELECT count(*) FROM audit WHERE action = ?1", -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, action, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(raw);
	return n;
}

/* One process: TRIES wrong passwords; exits 0 when none was let in. */
static void attacker(const char *path)
{
	struct db *db;
	if (db_open(path, DB_EXISTING, &db, NULL, 0) != ST_OK)
		_exit(2);
	int let_in = 0;
	for (int i = 0; i < TRIES; i++) {
		char guess[32];
		snprintf(guess, sizeof guess, "wrong guess %d-%d", (int)getpid(), i);
		struct login_request req = { "aissa", guess, "ssh", time(NULL), lockout_default_policy() };
		struct user u;
		enum status s = login_attempt(db, &req, &u, NULL);
		if (s == ST_OK)
			let_in++;
		else if (s != ST_BAD_LOGIN && s != ST_LOCKED)
			_exit(3);
	}
	db_close(&db);
	_exit(let_in ? 4 : 0);
}

static void parallel_wrong_passwords_lock_after_the_limit(void **state)
{
	(void)state;
	struct tmpdir t = { 0 };
	tmpdir_make(&t);
	struct db *db;
	assert_int_equal(db_open(t.db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(db, "aissa", "Aïssa Abdou", ROLE_INTAKE, "AGZ", "fr", "correct horse battery", NULL),
	                 ST_OK);
	db_close(&db);
	pid_t pids[PROCESSES];
	for (int i = 0; i < PROCESSES; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0)
			attacker(t.db);
	}
	for (int i = 0; i < PROCESSES; i++) {
		int status;
		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	int limit = lockout_default_policy().max_failures;
	int tried = count_action(t.db, "login_failed") + count_action(t.db, "login_failed_locked");
	int refused = count_action(t.db, "login_refused_locked");
	print_message("parallel sign-ins: %d attempts, %d passwords tried (limit %d), %d refused as locked\n",
	              PROCESSES * TRIES, tried, limit, refused);
	assert_int_equal(tried, limit);
	assert_int_equal(count_action(t.db, "login_failed_locked"), 1);
	assert_int_equal(tried + refused, PROCESSES * TRIES);
	/* Locked: the right password is refused as well. */
	assert_int_equal(db_open(t.db, DB_EXISTING, &db, NULL, 0), ST_OK);
	struct login_request req = { "aissa", "correct horse battery", "local", time(NULL), lockout_default_policy() };
	struct user u;
	assert_int_equal(login_attempt(db, &req, &u, NULL), ST_LOCKED);
	/* After the lock: in again, and the count starts afresh. */
	req.now += 16 * 60;
	assert_int_equal(login_attempt(db, &req, &u, NULL), ST_OK);
	assert_int_equal(u.failures, 0);
	db_close(&db);
	tmpdir_remove(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parallel_wrong_passwords_lock_after_the_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
