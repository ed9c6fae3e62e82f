/* Synthetic psychosocial records for demo databases: sessions at every
 * centre on the days people stay there, marks only of people staying then
 * and only in sessions held by name, head counts apart, cancelled sessions
 * with their reason, individual support with next appointments,
 * determinism, refusals, and a sound database at the end. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_private.h"
#include "demo/demo.h"
#include "demo/demo_persons.h"
#include "demo/demo_psych.h"

#define PEOPLE 2000L
#define PEOPLE_SEED 7u
#include "demo_fixture.h"
#define SEED 20261130u

struct fixture {
	struct tmpdir t;
	struct db *db;
};



static int group_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	*state = f;
	tmpdir_make(&f->t);
	f->db = open_demo(f->t.db);
	enum status s = demo_psych(f->db, &(struct demo_options){ .seed = SEED });
	if (s != ST_OK)
		print_error("demo_psych: %s\n", sqlite3_errmsg(db_sqlite(f->db)));
	assert_int_equal(s, ST_OK);
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
	return 0;
}

static void sessions(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	long long all = q_int(db, "SELECT count(*) FROM psych_session");
	assert_true(all > 1000);
	/* Several a week at a centre while people stay there. */
	assert_true(q_int(db, "SELECT count(DISTINCT centre_id) FROM psych_session") >= 5);
	long long weeks = q_int(db, "SELECT count(*) FROM (SELECT DISTINCT centre_id, strftime('%Y%W', date) "
	                            "FROM psych_session)");
	assert_true(all >= weeks * 3);
	/* Only on days someone stays at the centre. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM psych_session s WHERE s.status <> 'planned' AND NOT EXISTS "
	                           "(SELECT 1 FROM stay t WHERE t.centre_id = s.centre_id AND t.admitted <= s.date "
	                           "AND (t.departed IS NULL OR t.departed >= s.date))"), 0);
	long long cancelled = q_int(db, "SELECT count(*) FROM psych_session WHERE status = 'cancelled'");
	assert_in_range(cancelled, all / 100, all / 15);
	assert_int_equal(q_int(db, "SELECT count(*) FROM psych_session WHERE status = 'cancelled' AND cancel_reason = ''"), 0);
	assert_true(q_int(db, "SELECT count(*) FROM psych_session WHERE roll = 'count' AND status = 'held' "
	                      "AND count_boys + count_girls + count_men + count_women > 0") > 50);
	assert_true(q_int(db, "SELECT count(*) FROM psych_session WHERE status = 'planned'") > 0);
	/* Activity types of the group kind, partners and facilitators named. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM psych_session s JOIN ref_item r ON r.id = s.activity_id "
	                           "WHERE r.kind <> 'group'"), 0);
	assert_true(q_int(db, "SELECT count(DISTINCT activity_id) FROM psych_session") >= 6);
	assert_true(q_int(db, "SELECT count(DISTINCT partner_id) FROM psych_session") == 3);
	assert_true(q_int(db, "SELECT count(*) FROM psych_session WHERE facilitator_id IS NOT NULL") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM psych_session WHERE facilitator_name <> ''") > 0);
}

static void marks_of_people_staying(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	long long marks = q_int(db, "SELECT count(*) FROM psych_attendance");
	assert_true(marks > PEOPLE);
	assert_int_equal(q_int(db, "SELECT count(*) FROM psych_attendance a JOIN psych_session s ON s.id = a.session_id "
	                           "WHERE s.status <> 'held' OR s.roll <> 'names'"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM psych_attendance a JOIN psych_session s ON s.id = a.session_id "
	                           "WHERE NOT EXISTS (SELECT 1 FROM stay t WHERE t.person_id = a.person_id "
	                           "AND t.centre_id = s.centre_id AND t.admitted <= s.date "
	                           "AND (t.departed IS NULL OR t.departed >= s.date))"), 0);
	long long present = q_int(db, "SELECT count(*) FROM psych_attendance WHERE mark = 'present'");
	assert_in_range(present, marks * 70 / 100, marks * 90 / 100);
	for (int i = 0; i < 3; i++) {
		static const char *const sql[] = {
			"SELECT count(*) FROM psych_attendance WHERE mark = 'absent'",
			"SELECT count(*) FROM psych_attendance WHERE mark = 'excused'",
			"SELECT count(*) FROM psych_attendance WHERE mark = 'left_early'",
		};
		assert_true(q_int(db, sql[i]) > 0);
	}
	/* Some people never come: not everyone who stayed is on a roll. */
	long long came = q_int(db, "SELECT count(DISTINCT person_id) FROM psych_attendance");
	assert_true(came > PEOPLE / 4 && came < PEOPLE);
}

static void support(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	long long people = q_int(db, "SELECT count(DISTINCT person_id) FROM psych_support");
	long long flagged = q_int(db, "SELECT count(DISTINCT person_id) FROM person_flag "
	                              "WHERE flag NOT IN ('accompanied_child', 'pregnant', 'asylum_seeker', 'other')");
	assert_true(people > flagged / 4);
	/* Mostly the vulnerable. */
	assert_true(q_int(db, "SELECT count(DISTINCT s.person_id) FROM psych_support s JOIN person_flag f "
	                      "ON f.person_id = s.person_id") > people / 2);
	/* Inside a stay at that centre. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM psych_support p WHERE NOT EXISTS (SELECT 1 FROM stay t "
	                           "WHERE t.person_id = p.person_id AND t.centre_id = p.centre_id "
	                           "AND t.admitted <= p.date AND (t.departed IS NULL OR t.departed >= p.date))"), 0);
	assert_true(q_int(db, "SELECT count(*) FROM psych_support WHERE next_appointment IS NOT NULL") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM psych_support WHERE risk <> 'none'") > 0);
	/* The people still there have an appointment due around today. */
	assert_true(q_int(db, "SELECT count(*) FROM psych_support p JOIN stay t ON t.person_id = p.person_id "
	                      "AND t.departed IS NULL WHERE p.next_appointment >= (SELECT max(coalesce(departed, "
	                      "admitted)) FROM stay)") > 0);
}

static void sound_database(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	char detail[200];
	assert_int_equal(db_integrity(db, detail, sizeof detail), ST_OK);
	assert_int_equal(q_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	assert_int_equal(q_int(db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(q_int(db, "SELECT count(*) FROM psych_session WHERE uuid IS NULL OR site IS NULL"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM audit WHERE entity = 'demo_psych'"), 1);
}

/* The text of some rows of each table. */
static void sample(struct db *db, char *out, size_t size)
{
	static const char *const sql[] = {
		"SELECT id || centre_id || activity_id || date || status || roll || coalesce(count_men, '-') "
		"|| facilitator_name FROM psych_session ORDER BY id LIMIT 20",
		"SELECT session_id || person_id || mark FROM psych_attendance ORDER BY id LIMIT 20",
		"SELECT person_id || date || concerns || risk || coalesce(next_appointment, '-') FROM psych_support "
		"ORDER BY id LIMIT 20",
	};
	demo_sample(db, sql, sizeof sql / sizeof sql[0], out, size);
}

static void same_seed_same_data(void **state)
{
	struct fixture *f = *state;
	char first[8192], again[8192], other[8192];
	sample(f->db, first, sizeof first);
	char path[320];
	snprintf(path, sizeof path, "%s/again.db", f->t.dir);
	struct db *db = open_demo(path);
	assert_int_equal(demo_psych(db, &(struct demo_options){ .seed = SEED }), ST_OK);
	sample(db, again, sizeof again);
	assert_string_equal(first, again);
	assert_int_equal(q_int(db, "SELECT count(*) FROM psych_attendance"),
	                 q_int(f->db, "SELECT count(*) FROM psych_attendance"));
	db_close(&db);
	snprintf(path, sizeof path, "%s/other.db", f->t.dir);
	db = open_demo(path);
	assert_int_equal(demo_psych(db, &(struct demo_options){ .seed = SEED + 1 }), ST_OK);
	sample(db, other, sizeof other);
	db_close(&db);
	assert_string_not_equal(first, other);
}

static void refusals(void **state)
{
	struct fixture *f = *state;
	char path[320];
	snprintf(path, sizeof path, "%s/refused.db", f->t.dir);
	struct db *db = open_demo(path);
	db_set_actor(db, 6, "psychosocial", ROLE_PSYCHOSOCIAL, "local");
	assert_int_equal(demo_psych(db, &(struct demo_options){ .seed = 1 }), ST_DENIED);
	assert_int_equal(q_int(db, "SELECT count(*) FROM psych_session"), 0);
	db_close(&db);
	snprintf(path, sizeof path, "%s/real.db", f->t.dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(demo_psych(db, &(struct demo_options){ .seed = 1 }), ST_INVALID);
	db_close(&db);
	snprintf(path, sizeof path, "%s/empty.db", f->t.dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(demo_fill(db, 0), ST_OK);
	assert_int_equal(demo_psych(db, &(struct demo_options){ .seed = 1 }), ST_OK);
	assert_int_equal(q_int(db, "SELECT count(*) FROM psych_session"), 0);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sessions),
		cmocka_unit_test(marks_of_people_staying),
		cmocka_unit_test(support),
		cmocka_unit_test(sound_database),
		cmocka_unit_test(same_seed_same_data),
		cmocka_unit_test(refusals),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
