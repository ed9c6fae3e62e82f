/* The settings an administrator may change: read with their defaults,
 * set, checked (values out of range or malformed refused, nothing
 * written), put back to the default, audited, and refused to other roles;
 * the reports' threshold of small counts reads the setting. */
#include "db/audit.h"
#include "db/export_people.h"
#include "db/setting.h"
#include "psych_report_fixture.h"

static long long rows(struct fixture *f, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void set_check_and_default(void **state)
{
	struct fixture *f = *state;
	sign_in(f, ROLE_ADMIN);
	char v[64];
	bool is_set;
	assert_int_equal(setting_get(f->db, "report_suppress", v, sizeof v, &is_set), ST_OK);
	assert_string_equal(v, "4");
	assert_false(is_set);
	assert_int_equal(setting_set(f->db, "report_suppress", "9"), ST_OK);
	assert_int_equal(setting_get(f->db, "report_suppress", v, sizeof v, &is_set), ST_OK);
	assert_string_equal(v, "9");
	assert_true(is_set);
	static const char *const bad[] = { "100", "-1", "", " 5", "5x", "+5", "4.5" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(setting_set(f->db, "report_suppress", bad[i]), ST_INVALID);
	assert_int_equal(setting_get(f->db, "report_suppress", v, sizeof v, &is_set), ST_OK);
	assert_string_equal(v, "9");
	assert_int_equal(setting_set(f->db, "reint_visit_months", "3,x,12"), ST_INVALID);
	assert_int_equal(setting_set(f->db, "reint_visit_months", "6,6"), ST_INVALID);
	assert_int_equal(setting_set(f->db, "reint_visit_months", "0,3"), ST_INVALID);
	assert_int_equal(setting_set(f->db, "reint_visit_months", "1,2,24"), ST_OK);
	assert_int_equal(setting_set(f->db, "prot_tracing_stale_days", "0"), ST_INVALID);
	assert_int_equal(setting_set(f->db, "prot_tracing_stale_days", "45"), ST_OK);
	assert_int_equal(setting_set(f->db, "nope", "1"), ST_NOT_FOUND);
	/* The reports read it (the manager's right). */
	sign_in(f, ROLE_MANAGER);
	int threshold = 0;
	assert_int_equal(report_suppress_setting(f->db, &threshold), ST_OK);
	assert_int_equal(threshold, 9);
	/* Back to the default. */
	sign_in(f, ROLE_ADMIN);
	assert_int_equal(setting_set(f->db, "report_suppress", NULL), ST_OK);
	assert_int_equal(setting_get(f->db, "report_suppress", v, sizeof v, &is_set), ST_OK);
	assert_string_equal(v, "4");
	assert_false(is_set);
	/* Each change in the trail, with the value before and after. */
	assert_int_equal(rows(f, "SELECT count(*) FROM audit WHERE entity = 'setting' AND action = 'update' "
	                         "AND json_extract(changes, '$.key') = 'report_suppress'"),
	                 2);
	assert_int_equal(rows(f, "SELECT count(*) FROM audit WHERE entity = 'setting' "
	                         "AND json_extract(changes, '$.value[0]') = '9' AND json_extract(changes, '$.value[1]') IS NULL"),
	                 1);
}

static void other_roles_are_refused(void **state)
{
	struct fixture *f = *state;
	for (int r = 0; r < ROLE_COUNT_; r++) {
		if (r == ROLE_ADMIN)
			continue;
		sign_in(f, (enum role)r);
		long long before = audit_count(f->db);
		assert_int_equal(setting_set(f->db, "report_suppress", "2"), ST_DENIED);
		assert_true(audit_count(f->db) > before);   /* the refusal, audited */
	}
	sign_in(f, ROLE_ADMIN);
	char v[64];
	bool is_set;
	assert_int_equal(setting_get(f->db, "report_suppress", v, sizeof v, &is_set), ST_OK);
	assert_false(is_set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(set_check_and_default, setup, teardown),
		cmocka_unit_test_setup_teardown(other_roles_are_refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
