/* The one clock: tests set it, and SQL's 'now' on the program's connections follows it. */
#include "testutil.h"
#include "core/clock.h"
#include "core/role.h"
#include "db/db.h"
#include "db/audit.h"
#include "db/user.h"

static void set_clock_gives_today_and_now(void **state)
{
	(void)state;
	clock_set(1790000000);   /* 2026-09-21 UTC */
	assert_int_equal(clock_now(), 1790000000);
	struct pdate t = date_from_time(1790000000);
	struct pdate c = clock_today();
	assert_int_equal(c.year, t.year);
	assert_int_equal(c.month, t.month);
	assert_int_equal(c.day, t.day);
	char iso[11];
	clock_today_iso(iso, sizeof iso);
	char want[11];
	date_to_iso(&t, want, sizeof want);
	assert_string_equal(iso, want);
	clock_set(0);
	assert_true(clock_now() > 1790000000 - 86400 * 365 * 10);
}

/* Keeps the time of the row. */
static void keep_at(const struct audit_row *row, void *ctx)
{
	snprintf(ctx, 40, "%s", row->at);
}

static void sql_times_follow_the_clock(void **state)
{
	(void)state;
	char at[40] = "";
	struct tmpdir t = { "", "" };
	tmpdir_make(&t);
	struct db *db;
	assert_int_equal(db_open(t.db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	clock_set(946728000);    /* 2000-01-01T12:00:00Z */
	assert_int_equal(db_begin(db), ST_OK);
	assert_int_equal(audit_log(db, "test", "clock", 1, NULL), ST_OK);
	assert_int_equal(db_commit(db), ST_OK);
	struct audit_filter f = { .entity = "clock" };
	bool more;
	assert_int_equal(audit_query(db, &f, 0, 1, keep_at, at, &more), ST_OK);
	assert_string_equal(at, "2000-01-01T12:00:00.000Z");
	clock_set(0);
	db_close(&db);
	tmpdir_remove(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(set_clock_gives_today_and_now),
		cmocka_unit_test(sql_times_follow_the_clock),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
