/* The permission matrix: every role against every action, the README table
 * kept equal to the code, and the data layer refusing what a role may not
 * do even when a screen asks. */
#include "testutil.h"
#include "core/perm.h"
#include "core/role.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/login.h"
#include "db/user.h"

/* The expected matrix, written out again on purpose: a change to the
 * code's table must be made here too. Rows in enum perm order, one letter
 * per role in enum role order (A M I D P S T R X). */
static const char *const expected[PERM_COUNT_] = {
	"xxxxxxxxx", ".xxxxxxx.", "..x.x....", ".xx.xx.x.", ".xxxxxxxx", "...x.....",
	"...x.....", ".x..x....", "....x....", ".x.......", ".x..xx...", ".....x...", ".....x...",
	"...xxx...", ".x....xx.",
	"......x..", "..x...xx.", ".x..x..x.", ".......x.", ".x.......", "..x.....x", ".x.......", ".x.......", "x........",
	"x........", "x........", "xx.......", ".x.......",
};

static void every_role_against_every_action(void **state)
{
	(void)state;
	for (int p = 0; p < PERM_COUNT_; p++)
		for (int r = 0; r < ROLE_COUNT_; r++)
			if (perm_allows(r, (enum perm)p) != (expected[p][r] == 'x'))
				fail_msg("%s for %s: expected %c", perm_name((enum perm)p), role_name((enum role)r),
				         expected[p][r]);
}

static void the_confidential_rules_hold(void **state)
{
	(void)state;
	/* Only medical staff read medical details; nobody else, not even managers. */
	for (int r = 0; r < ROLE_COUNT_; r++)
		assert_int_equal(perm_allows(r, PERM_MEDICAL_READ), r == ROLE_MEDICAL);
	/* Only psychosocial staff read individual support, not even managers. */
	for (int r = 0; r < ROLE_COUNT_; r++)
		assert_int_equal(perm_allows(r, PERM_PSYCH_NOTES), r == ROLE_PSYCHOSOCIAL);
	/* Distribution staff look people up and record distributions, nothing more. */
	for (int p = 0; p < PERM_COUNT_; p++)
		assert_int_equal(perm_allows(ROLE_DISTRIBUTION, (enum perm)p),
		                 p == PERM_LOOKUP || p == PERM_DISTRIBUTION_WRITE || p == PERM_MEDICAL_STATUS);
	/* Managers write nothing. */
	for (int p = 0; p < PERM_COUNT_; p++)
		if (perm_allows(ROLE_MANAGER, (enum perm)p))
			assert_null(strstr(perm_name((enum perm)p), "write"));
}

static void nonsense_is_never_allowed(void **state)
{
	(void)state;
	assert_false(perm_allows(-1, PERM_LOOKUP));
	assert_false(perm_allows(ROLE_COUNT_, PERM_LOOKUP));
	assert_false(perm_allows(ROLE_ADMIN, PERM_COUNT_));
	assert_false(perm_allows(ROLE_ADMIN, (enum perm)-1));
}

static void readme_table_matches(void **state)
{
	(void)state;
	size_t len;
	char *readme = slurp("README.md", &len);
	if (!readme)
		readme = slurp("../README.md", &len);
	assert_non_null(readme);
	readme[len < (1 << 20) ? len : (1 << 20) - 1] = '\0';
	for (int p = 0; p < PERM_COUNT_; p++) {
		/* The row reads "| `name` | x | . | ... |" */
		char row[256];
		int n = snprintf(row, sizeof row, "| `%s` |", perm_name((enum perm)p));
		for (int r = 0; r < ROLE_COUNT_; r++)
			n += snprintf(row + n, sizeof row - (size_t)n, " %s |",
			              perm_allows(r, (enum perm)p) ? "x" : ".");
		if (!strstr(readme, row))
			fail_msg("README.md lacks the row: %s", row);
	}
	free(readme);
}

static void data_layer_refuses_what_the_role_may_not_do(void **state)
{
	(void)state;
	struct tmpdir t = { "", "" };
	tmpdir_make(&t);
	struct db *db;
	assert_int_equal(db_open(t.db, DB_CREATE, &db, NULL, 0), ST_OK);
	/* Nobody signed in: nothing. */
	struct user u;
	assert_int_equal(user_add(db, "bello", "Bello", ROLE_DISTRIBUTION, "ARL", "fr", "a long password", NULL),
	                 ST_DENIED);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(db, "bello", "Bello", ROLE_DISTRIBUTION, "ARL", "fr", "a long password", NULL),
	                 ST_OK);
	assert_int_equal(user_add(db, "hawa", "Hawa", ROLE_MEDICAL, "AGZ", "fr", "a long password", NULL), ST_OK);
	/* A distribution session, signed in for real. */
	struct login_request req = { "bello", "a long password", "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(db, &req, &u, NULL), ST_OK);
	assert_int_equal(user_find(db, "hawa", &u), ST_DENIED);
	assert_int_equal(user_set_password(db, "hawa", "another long one"), ST_DENIED);
	assert_int_equal(user_add(db, "eve", "Eve", ROLE_ADMIN, "NY1", "fr", "a long password", NULL), ST_DENIED);
	struct user self;
	assert_int_equal(user_get(db, u.id, &self), ST_OK);   /* one's own account, yes */
	assert_int_equal(user_get(db, u.id + 1, &self), ST_DENIED);
	db_close(&db);
	tmpdir_remove(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_role_against_every_action),
		cmocka_unit_test(the_confidential_rules_hold),
		cmocka_unit_test(nonsense_is_never_allowed),
		cmocka_unit_test(readme_table_matches),
		cmocka_unit_test(data_layer_refuses_what_the_role_may_not_do),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
