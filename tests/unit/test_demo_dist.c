/* Synthetic distribution records for demo databases: servings on the
 * stays' days at the stays' centres, by the items' rules (who may receive
 * each item, never twice in a rule's window without an override, household
 * items collected once for the household), at counters 1 to 3 by the
 * accounts that serve; reversals and overrides now and then; stock
 * received so that no balance is below zero; the same seed, the same data;
 * refusals. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/clock.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_private.h"
#include "demo/demo.h"
#include "demo/demo_dist.h"
#include "demo/demo_persons.h"

#define PEOPLE 3000L
#define PEOPLE_SEED 7u
#include "demo_fixture.h"
#define SEED 20261201u
#define NOW 1794996000   /* 2026-11-18T10:00:00Z */

struct fixture {
	struct tmpdir t;
	struct db *db;
};

static int group_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	*state = f;
	clock_set(NOW);
	tmpdir_make(&f->t);
	f->db = open_demo(f->t.db);
	enum status s = demo_dist(f->db, &(struct demo_options){ .seed = SEED });
	if (s != ST_OK)
		print_error("demo_dist: %s\n", sqlite3_errmsg(db_sqlite(f->db)));
	assert_int_equal(s, ST_OK);
	/* The live servings with their rule and who they count for. */
	static const char live[] =
		"CREATE TEMP TABLE live AS SELECT s.id, s.person_id, s.item_id, s.stay_id, s.day, s.served_at, s.meal, "
		"s.override_reason, i.code, i.frequency, i.every_days, CASE WHEN i.unit = 'household' THEN "
		"min(s.person_id, coalesce((SELECT min(relative_id) FROM family_link f WHERE f.person_id = s.person_id), "
		"s.person_id)) ELSE s.person_id END AS k FROM dist_serving s JOIN dist_item i ON i.id = s.item_id "
		"WHERE s.quantity > 0 AND NOT EXISTS (SELECT 1 FROM dist_serving r WHERE r.reverses_id = s.id); "
		"CREATE INDEX temp.live_k ON live(k, item_id, day)";
	assert_int_equal(sqlite3_exec(db_sqlite(f->db), live, NULL, NULL, NULL), SQLITE_OK);
	return 0;
}

static int group_teardown(void **state)
{
	struct fixture *f = *state;
	if (!f)
		return 0;
	db_close(&f->db);
	tmpdir_remove(&f->t);
	free(f);
	clock_set(0);
	return 0;
}

static void every_item_served(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_true(q_int(db, "SELECT count(*) FROM dist_serving") > 3000);
	/* Every item (a baby kit only if a household had an infant), hot
	 * meals at each meal, some served today. */
	assert_true(q_int(db, "SELECT count(DISTINCT item_id) FROM dist_serving") >= 10);
	assert_int_equal(q_int(db, "SELECT count(DISTINCT meal) FROM dist_serving"), 3);
	assert_true(q_int(db, "SELECT count(*) FROM dist_serving WHERE day = '2026-11-18'") > 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM dist_serving WHERE served_at > '2026-11-18T10:00:00Z'"), 0);
	/* Reversals and overrides, with their reasons. */
	assert_true(q_int(db, "SELECT count(*) FROM dist_serving WHERE reverses_id IS NOT NULL") > 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM dist_serving r JOIN dist_serving s ON s.id = r.reverses_id "
	                           "WHERE r.quantity <> -s.quantity OR r.reason = '' OR r.person_id <> s.person_id "
	                           "OR r.served_at < s.served_at"),
	                 0);
	assert_true(q_int(db, "SELECT count(*) FROM dist_serving WHERE override_reason <> ''") > 0);
	/* At counters 1 to 3, by the accounts that serve (overrides and
	 * reversals by the manager). */
	assert_int_equal(q_int(db, "SELECT count(*) FROM dist_serving WHERE counter NOT IN ('1', '2', '3')"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM dist_serving s JOIN app_user u ON u.id = s.served_by "
	                           "WHERE u.name NOT IN ('distribution', 'intake', 'manager') OR (u.name = 'manager') <> "
	                           "(s.override_reason <> '' OR s.reverses_id IS NOT NULL)"),
	                 0);
}

static void on_the_stays_days(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_int_equal(q_int(db, "SELECT count(*) FROM dist_serving d LEFT JOIN stay s ON s.id = d.stay_id "
	                           "WHERE s.id IS NULL OR s.person_id <> d.person_id OR s.centre_id <> d.centre_id "
	                           "OR d.day < s.admitted OR d.day > coalesce(s.departed, '2026-11-18') "
	                           "OR substr(d.served_at, 1, 10) <> d.day"),
	                 0);
	/* Water and hot meals only in the last weeks. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM dist_serving s JOIN dist_item i ON i.id = s.item_id "
	                           "WHERE i.frequency IN ('daily', 'per_meal') AND s.day < '2026-10-01'"),
	                 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM dist_serving s JOIN dist_item i ON i.id = s.item_id "
	                           "WHERE (i.frequency = 'per_meal') <> (s.meal IS NOT NULL)"),
	                 0);
}

static void who_may_receive(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	/* Sex and age (whole years on the day) as the item says. */
	static const char age[] =
		"(CAST(strftime('%Y', s.day) AS INTEGER) - CAST(strftime('%Y', p.birth_date) AS INTEGER) "
		"- (strftime('%m-%d', s.day) < strftime('%m-%d', p.birth_date)))";
	char sql[1024];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM dist_serving s JOIN dist_item i ON i.id = s.item_id JOIN person p ON "
	         "p.id = s.person_id WHERE s.override_reason = '' AND ((i.sex = 'female' AND p.sex <> 'f') OR "
	         "(i.sex = 'male' AND p.sex <> 'm') OR (i.age_min IS NOT NULL AND (p.birth_date IS NULL OR %s < "
	         "i.age_min)) OR (i.age_max IS NOT NULL AND (p.birth_date IS NULL OR %s > i.age_max)))",
	         age, age);
	assert_int_equal(q_int(db, sql), 0);
	assert_true(q_int(db, "SELECT count(*) FROM dist_serving s JOIN dist_item i ON i.id = s.item_id "
	                      "WHERE i.code = 'hygiene_kit_women'") > 0);
	/* A baby kit only to a household with a child under two. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM live l WHERE code = 'baby_kit' AND NOT EXISTS (SELECT 1 "
	                           "FROM person q WHERE (q.id = l.person_id OR q.id IN (SELECT relative_id FROM "
	                           "family_link WHERE person_id = l.person_id)) AND q.birth_date > date(l.day, '-2 years'))"),
	                 0);
	/* Household items: collected by one member for the household. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM live WHERE code IN ('food_ration', 'nfi_kit', 'baby_kit') "
	                           "AND k <> person_id"),
	                 0);
}

static void never_twice_in_a_window(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	/* No live serving without an override has an earlier live serving
	 * for the same person (household) and item in the rule's window. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM live a JOIN live b ON b.k = a.k AND b.item_id = a.item_id "
	                           "AND b.day <= a.day AND b.id <> a.id AND b.served_at <= a.served_at "
	                           "WHERE a.override_reason = '' AND CASE a.frequency "
	                           "WHEN 'daily' THEN b.day = a.day "
	                           "WHEN 'per_meal' THEN b.day = a.day AND b.meal = a.meal "
	                           "WHEN 'every_n_days' THEN b.day > date(a.day, '-' || a.every_days || ' days') "
	                           "ELSE b.day >= (SELECT admitted FROM stay WHERE id = a.stay_id) END"),
	                 0);
	/* Overrides are what the rules would refuse: inside a window. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM live a WHERE a.override_reason <> '' AND NOT EXISTS (SELECT 1 "
	                           "FROM live b WHERE b.k = a.k AND b.item_id = a.item_id AND b.id <> a.id AND "
	                           "b.day <= a.day AND CASE a.frequency WHEN 'every_n_days' THEN "
	                           "b.day > date(a.day, '-' || a.every_days || ' days') "
	                           "ELSE b.day >= (SELECT admitted FROM stay WHERE id = a.stay_id) END)"),
	                 0);
}

static void stock_received(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_true(q_int(db, "SELECT count(*) FROM dist_stock_move WHERE kind = 'receipt'") > 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM dist_stock WHERE balance < 0"), 0);
	/* Every centre and item served has stock received. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM (SELECT DISTINCT centre_id, item_id FROM dist_serving) s "
	                           "WHERE NOT EXISTS (SELECT 1 FROM dist_stock_move m WHERE m.centre_id = s.centre_id "
	                           "AND m.item_id = s.item_id)"),
	                 0);
	/* The balance is what the triggers keep. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM dist_stock k WHERE balance <> (SELECT coalesce(sum(quantity), 0) "
	                           "FROM dist_stock_move m WHERE m.centre_id = k.centre_id AND m.item_id = k.item_id) - "
	                           "(SELECT coalesce(sum(quantity), 0) FROM dist_serving s WHERE s.centre_id = k.centre_id "
	                           "AND s.item_id = k.item_id)"),
	                 0);
}

static void same_seed_same_data(void **state)
{
	struct fixture *f = *state;
	static const char *const sample[] = {
		"SELECT person_id || ' ' || item_id || ' ' || day || ' ' || served_at || ' ' || counter || ' ' || quantity "
		"FROM dist_serving ORDER BY id LIMIT 400",
		"SELECT count(*) || ' ' || sum(quantity) FROM dist_serving",
	};
	static char one[40000], two[40000];
	demo_sample(f->db, sample, 2, one, sizeof one);
	char path[320];
	snprintf(path, sizeof path, "%s/again.db", f->t.dir);
	struct db *db = open_demo(path);
	assert_int_equal(demo_dist(db, &(struct demo_options){ .seed = SEED }), ST_OK);
	demo_sample(db, sample, 2, two, sizeof two);
	assert_string_equal(one, two);
	db_close(&db);
}

static void refusals(void **state)
{
	struct fixture *f = *state;
	char path[320];
	snprintf(path, sizeof path, "%s/refused.db", f->t.dir);
	struct db *db = open_demo(path);
	db_set_actor(db, 9, "distribution", ROLE_DISTRIBUTION, "local");
	assert_int_equal(demo_dist(db, &(struct demo_options){ .seed = 1 }), ST_DENIED);
	assert_int_equal(q_int(db, "SELECT count(*) FROM dist_serving"), 0);
	db_close(&db);
	snprintf(path, sizeof path, "%s/real.db", f->t.dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(demo_dist(db, &(struct demo_options){ .seed = 1 }), ST_INVALID);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_item_served),
		cmocka_unit_test(on_the_stays_days),
		cmocka_unit_test(who_may_receive),
		cmocka_unit_test(never_twice_in_a_window),
		cmocka_unit_test(stock_received),
		cmocka_unit_test(same_seed_same_data),
		cmocka_unit_test(refusals),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
