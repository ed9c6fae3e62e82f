/* Passwords and accounts: hashing, rules, login, audit of logins,
 * preferences saved with a version check. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/password.h"
#include "db/audit.h"
#include "db/db.h"
#include "demo/demo.h"
#include "db/login.h"
#include "db/user.h"

/* Signs in now with the default lockout policy. */
static enum status do_login(struct db *db, const char *name, const char *password, const char *origin,
                            struct user *u)
{
	struct login_request req = { name, password, origin, time(NULL), lockout_default_policy() };
	return login_attempt(db, &req, u, NULL);
}

static int setup(void **state)
{
	struct tmpdir *t = calloc(1, sizeof *t);
	tmpdir_make(t);
	struct db *db;
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(db, "aissa", "Aïssa Abdou", ROLE_INTAKE, "AGZ", "fr",
	                          "correct horse battery", NULL), ST_OK);
	db_close(&db);
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	tmpdir_remove(*state);
	free(*state);
	return 0;
}

static void hash_then_verify(void **state)
{
	(void)state;
	char hash[PASSWORD_HASH_MAX], again[PASSWORD_HASH_MAX];
	assert_int_equal(password_hash("sésame ouvre-toi", hash, sizeof hash), ST_OK);
	assert_memory_equal(hash, "$y$", 3);
	assert_true(password_verify("sésame ouvre-toi", hash));
	assert_false(password_verify("sesame ouvre-toi", hash));
	assert_false(password_verify("", hash));
	assert_false(password_verify("sésame ouvre-toi", NULL));
	/* A fresh salt each time: same password, different hash. */
	assert_int_equal(password_hash("sésame ouvre-toi", again, sizeof again), ST_OK);
	assert_string_not_equal(hash, again);
	assert_true(password_verify("sésame ouvre-toi", again));
}

static void hash_that_does_not_fit_is_refused(void **state)
{
	(void)state;
	char small[16];
	assert_int_equal(password_hash("long enough password", small, sizeof small), ST_INTERNAL);
}

static void password_rules_count_characters(void **state)
{
	(void)state;
	assert_int_equal(password_check_rules("123456789"), ST_WEAK_PASSWORD);
	assert_int_equal(password_check_rules("1234567890"), ST_OK);
	/* Nine characters but more than ten bytes: still too short. */
	assert_int_equal(password_check_rules("éééééééé1"), ST_WEAK_PASSWORD);
	assert_int_equal(password_check_rules(""), ST_WEAK_PASSWORD);
	assert_int_equal(password_check_rules(NULL), ST_WEAK_PASSWORD);
}

static void user_names_are_checked(void **state)
{
	(void)state;
	assert_int_equal(user_check_name("aissa.abdou"), ST_OK);
	assert_int_equal(user_check_name("a"), ST_INVALID);
	assert_int_equal(user_check_name("Aissa"), ST_INVALID);
	assert_int_equal(user_check_name("aïssa"), ST_INVALID);
	assert_int_equal(user_check_name("a b"), ST_INVALID);
	assert_int_equal(user_check_name("abcdefghijabcdefghijabcdefghijabc"), ST_INVALID);
	assert_int_equal(user_check_name(NULL), ST_INVALID);
}

static void login_works_and_is_audited(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	struct user u;
	assert_int_equal(db_open(t->db, DB_EXISTING, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	long long before = audit_count(db);
	assert_int_equal(do_login(db, "aissa", "correct horse battery", "ssh 10.0.0.5", &u), ST_OK);
	assert_string_equal(u.name, "aissa");
	assert_string_equal(u.display_name, "Aïssa Abdou");
	assert_int_equal(u.role, ROLE_INTAKE);
	assert_string_equal(u.centre_code, "AGZ");
	assert_string_equal(u.lang, "fr");
	assert_int_equal(audit_count(db), before + 1);

	assert_int_equal(do_login(db, "aissa", "wrong horse battery", "local", &u), ST_BAD_LOGIN);
	assert_int_equal(do_login(db, "nobody", "correct horse battery", "local", &u), ST_BAD_LOGIN);
	assert_int_equal(audit_count(db), before + 3);
	db_close(&db);

	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(t->db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h,
		"SELECT action, user_name, origin FROM audit WHERE action LIKE 'login%' ORDER BY id", -1,
		&st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 0), "login");
	assert_string_equal(sqlite3_column_text(st, 2), "ssh 10.0.0.5");
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 0), "login_failed");
	assert_string_equal(sqlite3_column_text(st, 1), "aissa");
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 1), "nobody");
	sqlite3_finalize(st);
	/* No password, clear or hashed, ever reaches the trail. */
	assert_int_equal(sqlite3_prepare_v2(h,
		"SELECT count(*) FROM audit WHERE changes LIKE '%horse%' OR changes LIKE '%$y$%'", -1,
		&st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
}

static void disabled_account_cannot_log_in(void **state)
{
	struct tmpdir *t = *state;
	sqlite3 *h;
	assert_int_equal(sqlite3_open(t->db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "UPDATE app_user SET active = 0 WHERE name = 'aissa'", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(h);
	struct db *db;
	struct user u;
	assert_int_equal(db_open(t->db, DB_EXISTING, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(do_login(db, "aissa", "correct horse battery", "local", &u), ST_DISABLED);
	/* A wrong password does not reveal that the account exists but is disabled. */
	assert_int_equal(do_login(db, "aissa", "wrong", "local", &u), ST_BAD_LOGIN);
	db_close(&db);
}

static void weak_password_is_refused_at_creation(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	assert_int_equal(db_open(t->db, DB_EXISTING, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(db, "bello", "Bello", ROLE_MEDICAL, "NY1", "en", "short", NULL),
	                 ST_WEAK_PASSWORD);
	assert_int_equal(user_add(db, "bello", "Bello", ROLE_MEDICAL, "NY1", "de", "long enough pass", NULL),
	                 ST_INVALID);
	assert_int_equal(user_count(db), 1);
	db_close(&db);
}

static void prefs_conflict_is_reported_not_overwritten(void **state)
{
	struct tmpdir *t = *state;
	struct db *a, *b;
	struct user ua, ub;
	assert_int_equal(db_open(t->db, DB_EXISTING, &a, NULL, 0), ST_OK);
	db_set_actor(a, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(db_open(t->db, DB_EXISTING, &b, NULL, 0), ST_OK);
	db_set_actor(b, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(do_login(a, "aissa", "correct horse battery", "local", &ua), ST_OK);
	assert_int_equal(do_login(b, "aissa", "correct horse battery", "local", &ub), ST_OK);
	assert_int_equal(user_save_prefs(a, &ua, "Aïssa A.", "en"), ST_OK);
	assert_int_equal(ua.version, 2);
	assert_string_equal(ua.lang, "en");
	assert_int_equal(user_save_prefs(b, &ub, "Aissa Abdou", "fr"), ST_CONFLICT);
	assert_string_equal(ub.display_name, "Aïssa Abdou");
	struct user now;
	assert_int_equal(user_get(b, ua.id, &now), ST_OK);
	assert_string_equal(now.display_name, "Aïssa A.");
	assert_string_equal(now.lang, "en");
	assert_int_equal(user_save_prefs(b, &now, "Aïssa A.", "xx"), ST_INVALID);
	assert_int_equal(user_save_prefs(b, &now, "", "fr"), ST_INVALID);
	db_close(&a);
	db_close(&b);
}

static void prefs_saved_from_the_user_itself(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	struct user u;
	assert_int_equal(db_open(t->db, DB_EXISTING, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(do_login(db, "aissa", "correct horse battery", "local", &u), ST_OK);
	/* The arguments are the struct's own fields, as when only the language changes. */
	assert_int_equal(user_save_prefs(db, &u, u.display_name, "en"), ST_OK);
	assert_string_equal(u.display_name, "Aïssa Abdou");
	assert_int_equal(user_save_prefs(db, &u, u.display_name, u.lang), ST_OK);
	assert_string_equal(u.lang, "en");
	db_close(&db);
}

static void own_password_change_and_unlock(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	struct user u;
	assert_int_equal(db_open(t->db, DB_EXISTING, &db, NULL, 0), ST_OK);
	/* Nobody signed in: nothing to change. */
	db_set_actor(db, 0, "", -1, "local");
	assert_int_equal(login_change_password(db, "correct horse battery", "a new long password"), ST_DENIED);
	assert_int_equal(do_login(db, "aissa", "correct horse battery", "local", &u), ST_OK);
	assert_int_equal(login_change_password(db, "wrong", "a new long password"), ST_WRONG_PASSWORD);
	assert_int_equal(login_change_password(db, "correct horse battery", "short"), ST_WEAK_PASSWORD);
	assert_int_equal(login_change_password(db, "correct horse battery", "a new long password"), ST_OK);
	/* The idle lock checks the new one, for the same user. */
	struct login_request req = { NULL, "correct horse battery", "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_confirm(db, &req, NULL), ST_BAD_LOGIN);
	req.password = "a new long password";
	assert_int_equal(login_confirm(db, &req, NULL), ST_OK);
	long long before = audit_count(db);
	login_logout(db);
	assert_int_equal(audit_count(db), before + 1);
	assert_int_equal(login_confirm(db, &req, NULL), ST_DENIED);
	assert_int_equal(do_login(db, "aissa", "correct horse battery", "local", &u), ST_BAD_LOGIN);
	assert_int_equal(do_login(db, "aissa", "a new long password", "local", &u), ST_OK);
	db_close(&db);
}

static void demo_has_one_account_per_role(void **state)
{
	struct tmpdir *t = *state;
	char path[320];
	snprintf(path, sizeof path, "%s/demo.db", t->dir);
	struct db *db;
	assert_int_equal(db_open(path, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_false(db_is_demo(db));
	assert_int_equal(demo_fill(db, 0), ST_OK);
	assert_true(db_is_demo(db));
	assert_int_equal(user_count(db), ROLE_COUNT_);
	for (int r = 0; r < ROLE_COUNT_; r++) {
		int found = 0;
		for (int i = 0; i < demo_account_count; i++)
			found += demo_accounts[i].role == (enum role)r;
		assert_int_equal(found, 1);
	}
	struct user u;
	assert_int_equal(do_login(db, "medical", "medical-demo", "local", &u), ST_OK);
	assert_int_equal(u.role, ROLE_MEDICAL);
	assert_int_equal(demo_fill(db, -1), ST_INVALID);
	db_close(&db);
}

struct names {
	int n;
	char name[16][USER_NAME_MAX + 1];
};

static void keep_name(const struct user *u, void *ctx)
{
	struct names *k = ctx;
	if (k->n < 16)
		snprintf(k->name[k->n++], sizeof k->name[0], "%s", u->name);
}

/* Accounts page by name both ways, and say when more remain. */
static void accounts_page_by_name_both_ways(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	bool more;
	assert_int_equal(db_open(t->db, DB_EXISTING, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	const char *names[] = { "zara", "bello", "moussa", "kadi" };
	for (int i = 0; i < 4; i++)
		assert_int_equal(user_add(db, names[i], "Test", ROLE_INTAKE, "AGZ", "fr", "correct horse battery", NULL),
		                 ST_OK);
	struct names k = { 0 };
	assert_int_equal(user_list(db, PAGE_AFTER, NULL, 2, keep_name, &k, &more), ST_OK);
	assert_true(more);
	assert_int_equal(k.n, 2);
	assert_string_equal(k.name[0], "aissa");
	assert_string_equal(k.name[1], "bello");
	k.n = 0;
	assert_int_equal(user_list(db, PAGE_AFTER, "bello", 2, keep_name, &k, &more), ST_OK);
	assert_true(more);
	assert_string_equal(k.name[0], "kadi");
	assert_string_equal(k.name[1], "moussa");
	k.n = 0;
	assert_int_equal(user_list(db, PAGE_AFTER, "moussa", 2, keep_name, &k, &more), ST_OK);
	assert_false(more);
	assert_int_equal(k.n, 1);
	assert_string_equal(k.name[0], "zara");
	/* The last page directly, then the one before it, in name order. */
	k.n = 0;
	assert_int_equal(user_list(db, PAGE_BEFORE, NULL, 2, keep_name, &k, &more), ST_OK);
	assert_true(more);
	assert_string_equal(k.name[0], "moussa");
	assert_string_equal(k.name[1], "zara");
	k.n = 0;
	assert_int_equal(user_list(db, PAGE_BEFORE, "moussa", 5, keep_name, &k, &more), ST_OK);
	assert_false(more);
	assert_int_equal(k.n, 3);
	assert_string_equal(k.name[0], "aissa");
	assert_string_equal(k.name[2], "kadi");
	db_set_actor(db, 0, "test", ROLE_INTAKE, "test");
	assert_int_equal(user_list(db, PAGE_AFTER, NULL, 2, keep_name, &k, &more), ST_DENIED);
	db_close(&db);
}

/* An administrator lifts a lockout without touching the password:
 * audited, the account signs in again; nothing to lift writes nothing;
 * other roles may not. */
static void admin_unlocks_a_locked_account(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	struct user u;
	assert_int_equal(db_open(t->db, DB_EXISTING, &db, NULL, 0), ST_OK);
	struct lockout_policy policy = lockout_default_policy();
	for (int i = 0; i < policy.max_failures; i++)
		assert_int_not_equal(do_login(db, "aissa", "wrong horse battery", "local", &u), ST_OK);
	assert_int_equal(do_login(db, "aissa", "correct horse battery", "local", &u), ST_LOCKED);
	db_set_actor(db, 0, "test", ROLE_INTAKE, "test");
	bool was = true;
	assert_int_equal(user_unlock(db, "aissa", &was), ST_DENIED);
	assert_false(was);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	long long before = audit_count(db);
	assert_int_equal(user_unlock(db, "aissa", &was), ST_OK);
	assert_true(was);
	assert_int_equal(audit_count(db), before + 1);
	assert_int_equal(user_unlock(db, "aissa", &was), ST_OK);
	assert_false(was);
	assert_int_equal(audit_count(db), before + 1);
	assert_int_equal(user_unlock(db, "nobody", &was), ST_NOT_FOUND);
	assert_int_equal(do_login(db, "aissa", "correct horse battery", "local", &u), ST_OK);
	assert_int_equal(u.failures, 0);
	db_close(&db);

	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(t->db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT user_name, changes FROM audit WHERE action = 'unlock_account'", -1,
	                                    &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 0), "test");
	assert_non_null(strstr((const char *)sqlite3_column_text(st, 1), "\"locked_until\""));
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/* Two administrators edit one account: different fields are both kept;
 * the same field changed differently writes nothing. */
static void account_edits_merge_field_by_field(void **state)
{
	struct tmpdir *t = *state;
	struct db *a, *b;
	assert_int_equal(db_open(t->db, DB_EXISTING, &a, NULL, 0), ST_OK);
	assert_int_equal(db_open(t->db, DB_EXISTING, &b, NULL, 0), ST_OK);
	db_set_actor(a, 0, "test", ROLE_ADMIN, "test");
	db_set_actor(b, 0, "test", ROLE_ADMIN, "test");
	struct user ua, ub;
	assert_int_equal(user_find(a, "aissa", &ua), ST_OK);
	assert_int_equal(user_find(b, "aissa", &ub), ST_OK);
	struct user_changes ca = { "Aïssa Abdou", ROLE_PROTECTION, "AGZ", "fr", true };
	assert_int_equal(user_admin_save(a, &ua, &ca), ST_OK);
	struct user_changes cb = { "Aïssa Abdou", ROLE_INTAKE, "AGZ", "en", true };
	assert_int_equal(user_admin_save(b, &ub, &cb), ST_OK);
	assert_int_equal(ub.role, ROLE_PROTECTION);   /* theirs, untouched here */
	assert_string_equal(ub.lang, "en");           /* mine */
	assert_int_equal(ub.version, 3);
	/* Both change the name, differently. */
	struct user base = ub, other = ub;
	struct user_changes c1 = { "Aïssa A.", ROLE_PROTECTION, "AGZ", "en", true };
	assert_int_equal(user_admin_save(a, &other, &c1), ST_OK);
	struct user_changes c2 = { "Aïssatou Abdou", ROLE_PROTECTION, "AGZ", "fr", true };
	assert_int_equal(user_admin_save(b, &base, &c2), ST_CONFLICT);
	struct user now;
	assert_int_equal(user_find(b, "aissa", &now), ST_OK);
	assert_string_equal(now.display_name, "Aïssa A.");
	assert_string_equal(now.lang, "en");
	db_close(&a);
	db_close(&b);
}

/* A user changes their language while an administrator renamed them:
 * both are kept. */
static void prefs_merge_with_a_change_made_elsewhere(void **state)
{
	struct tmpdir *t = *state;
	struct db *admin, *own;
	assert_int_equal(db_open(t->db, DB_EXISTING, &admin, NULL, 0), ST_OK);
	assert_int_equal(db_open(t->db, DB_EXISTING, &own, NULL, 0), ST_OK);
	db_set_actor(admin, 0, "test", ROLE_ADMIN, "test");
	db_set_actor(own, 0, "test", ROLE_ADMIN, "test");
	struct user me, acc;
	assert_int_equal(do_login(own, "aissa", "correct horse battery", "local", &me), ST_OK);
	assert_int_equal(user_find(admin, "aissa", &acc), ST_OK);
	struct user_changes c = { "Aïssa Abdou Moussa", ROLE_INTAKE, "AGZ", "fr", true };
	assert_int_equal(user_admin_save(admin, &acc, &c), ST_OK);
	assert_int_equal(user_save_prefs(own, &me, me.display_name, "en"), ST_OK);
	assert_string_equal(me.display_name, "Aïssa Abdou Moussa");
	assert_string_equal(me.lang, "en");
	struct user now;
	assert_int_equal(user_find(admin, "aissa", &now), ST_OK);
	assert_string_equal(now.display_name, "Aïssa Abdou Moussa");
	assert_string_equal(now.lang, "en");
	assert_int_equal(now.version, me.version);
	db_close(&admin);
	db_close(&own);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(accounts_page_by_name_both_ways, setup, teardown),
		cmocka_unit_test(hash_then_verify),
		cmocka_unit_test(hash_that_does_not_fit_is_refused),
		cmocka_unit_test(password_rules_count_characters),
		cmocka_unit_test(user_names_are_checked),
		cmocka_unit_test_setup_teardown(login_works_and_is_audited, setup, teardown),
		cmocka_unit_test_setup_teardown(disabled_account_cannot_log_in, setup, teardown),
		cmocka_unit_test_setup_teardown(weak_password_is_refused_at_creation, setup, teardown),
		cmocka_unit_test_setup_teardown(prefs_conflict_is_reported_not_overwritten, setup, teardown),
		cmocka_unit_test_setup_teardown(prefs_saved_from_the_user_itself, setup, teardown),
		cmocka_unit_test_setup_teardown(own_password_change_and_unlock, setup, teardown),
		cmocka_unit_test_setup_teardown(admin_unlocks_a_locked_account, setup, teardown),
		cmocka_unit_test_setup_teardown(account_edits_merge_field_by_field, setup, teardown),
		cmocka_unit_test_setup_teardown(prefs_merge_with_a_change_made_elsewhere, setup, teardown),
		cmocka_unit_test_setup_teardown(demo_has_one_account_per_role, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
