/* Synthetic vocational training records for demo databases: courses at
 * Agadez each year in the trades of the domain and some at other centres,
 * participants about half community members registered as the short
 * registration writes them and found by the quick lookup, migrants drawn
 * from the people staying at the centre, realistic outcomes that the data
 * layer's rules accept, determinism, refusals, and a sound database. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/page.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_private.h"
#include "db/person.h"
#include "db/training.h"
#include "db/training_report.h"
#include "demo/demo.h"
#include "demo/demo_persons.h"
#include "demo/demo_training.h"

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
	enum status s = demo_training(f->db, &(struct demo_options){ .seed = SEED });
	if (s != ST_OK)
		print_error("demo_training: %s\n", sqlite3_errmsg(db_sqlite(f->db)));
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

static void courses_each_year(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	/* Every year from 2016, at Agadez, the three trades of the domain. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM (SELECT substr(c.start_date, 1, 4) FROM training_course c "
	                           "JOIN centre k ON k.id = c.centre_id JOIN ref_item r ON r.id = c.trade_id "
	                           "WHERE k.code = 'AGZ' AND r.code IN ('jewellery', 'brick', 'business') "
	                           "AND c.start_date < '2026-01-01' "
	                           "GROUP BY 1 HAVING count(DISTINCT r.code) = 3)"),
	                 10);
	assert_true(q_int(db, "SELECT count(DISTINCT c.centre_id) FROM training_course c") >= 3);
	assert_true(q_int(db, "SELECT count(DISTINCT c.trade_id) FROM training_course c") >= 6);
	assert_true(q_int(db, "SELECT count(*) FROM training_course WHERE status = 'cancelled'") >= 1);
	assert_int_equal(q_int(db, "SELECT count(*) FROM training_course c WHERE status = 'cancelled' AND EXISTS "
	                           "(SELECT 1 FROM training_enrolment e WHERE e.course_id = c.id)"),
	                 0);
	/* The data layer's rules accept every course. */
	db_set_actor(db, 7, "manager", ROLE_MANAGER, "local");
	long long n = q_int(db, "SELECT max(id) FROM training_course");
	for (long long id = 1; id <= n; id++) {
		struct training_course c;
		const char *msgid = NULL, *field = NULL;
		assert_int_equal(training_course_get(db, id, &c), ST_OK);
		if (training_course_check(db, &c, &msgid, &field) != ST_OK)
			print_error("course %lld: %s (%s)\n", id, msgid, field);
		assert_int_equal(training_course_check(db, &c, &msgid, &field), ST_OK);
	}
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
}

static void about_half_community_members(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	db_set_actor(db, 7, "manager", ROLE_MANAGER, "local");
	struct training_period p;
	long all = 0, community = 0;
	for (int y = 2016; y <= 2025; y++) {
		char year[16];
		snprintf(year, sizeof year, "%d", y);
		assert_true(training_period_parse(year, &p));
		struct training_figures fig;
		assert_int_equal(training_figures_get(db, "AGZ", &p, 0, &fig), ST_OK);
		assert_true(fig.courses >= 2);   /* a course may be cancelled */
		assert_true(fig.participants >= 4);
		assert_true(fig.community > 0 && fig.community < fig.participants);
		all += fig.participants;
		community += fig.community;
	}
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_true(community * 100 >= all * 35 && community * 100 <= all * 65);
	/* Registered as community_register writes them: no stay, the
	 * registration day in the arrival columns and community_since, a
	 * locality, no nationality. */
	assert_true(q_int(db, "SELECT count(*) FROM person WHERE kind = 'community'") > 100);
	assert_int_equal(q_int(db, "SELECT count(*) FROM person WHERE kind = 'community' AND (community_since IS NULL "
	                           "OR community_since <> arrival_date OR arrival_mode <> 'other' OR locality = '' "
	                           "OR nationality IS NOT NULL OR consent_date <> arrival_date)"),
	                 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM person p JOIN stay s ON s.person_id = p.id "
	                           "WHERE p.kind = 'community'"),
	                 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM person p JOIN centre c ON c.id = p.centre_id "
	                           "WHERE p.kind = 'community' AND c.code = 'AGZ' AND p.locality NOT LIKE 'Agadez, %'"),
	                 0);
	/* Each registered a little before their course. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM person p JOIN training_enrolment e ON e.person_id = p.id "
	                           "JOIN training_course c ON c.id = e.course_id WHERE p.kind = 'community' "
	                           "AND (p.community_since > c.start_date OR p.centre_id <> c.centre_id)"),
	                 0);
}

struct hits {
	long long want;
	bool found, community;
};

static void hit_of(const struct person_hit *h, void *ctx)
{
	struct hits *x = ctx;
	if (h->id == x->want) {
		x->found = true;
		x->community = h->community;
	}
}

static void community_members_found(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	db_set_actor(db, 3, "intake", ROLE_INTAKE, "local");
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db),
	                                    "SELECT id, case_key, family_name, given_names FROM person "
	                                    "WHERE kind = 'community' ORDER BY id LIMIT 40",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		char key[24], name[160];
		snprintf(key, sizeof key, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(name, sizeof name, "%s %s", (const char *)sqlite3_column_text(st, 2),
		         (const char *)sqlite3_column_text(st, 3));
		const char *queries[] = { key, name };
		for (int q = 0; q < 2; q++) {
			struct hits x = { id, false, false };
			bool more;
			long long after = 0;
			/* The whole name may be shared: page on until found. */
			for (int page = 0; page < 20 && !x.found; page++) {
				assert_int_equal(person_search_page(db, queries[q], PAGE_AFTER, after, 50, hit_of, &x, &more),
				                 ST_OK);
				if (!more)
					break;
				after += 50;
			}
			if (!x.found)
				print_error("not found: %s\n", queries[q]);
			assert_true(x.found);
			assert_true(x.community);
		}
		n++;
	}
	sqlite3_finalize(st);
	assert_int_equal(n, 40);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
}

static void migrants_staying_and_outcomes(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	/* Every migrant trainee stays at the course's centre when it starts. */
	assert_true(q_int(db, "SELECT count(*) FROM training_enrolment e JOIN person p ON p.id = e.person_id "
	                      "WHERE p.kind = 'migrant'") > 50);
	assert_int_equal(q_int(db, "SELECT count(*) FROM training_enrolment e JOIN person p ON p.id = e.person_id "
	                           "JOIN training_course c ON c.id = e.course_id WHERE p.kind = 'migrant' AND NOT EXISTS "
	                           "(SELECT 1 FROM stay s WHERE s.person_id = p.id AND s.centre_id = c.centre_id "
	                           "AND s.admitted <= date(c.start_date, '+10 days') "
	                           "AND coalesce(s.departed, '9999') >= c.start_date)"),
	                 0);
	/* Left on assisted return: migrants who went home before the end. */
	assert_true(q_int(db, "SELECT count(*) FROM training_enrolment WHERE dropout_reason = 'returned'") > 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM training_enrolment e JOIN person p ON p.id = e.person_id "
	                           "WHERE e.dropout_reason = 'returned' AND p.kind <> 'migrant'"),
	                 0);
	assert_true(q_int(db, "SELECT count(DISTINCT dropout_reason) FROM training_enrolment") >= 4);
	/* Drop-outs a minority; completions, certificates, toolkits, follow-ups. */
	long long placed = q_int(db, "SELECT count(*) FROM training_enrolment WHERE status IN ('selected', 'enrolled', "
	                             "'completed', 'certified', 'dropped_out')");
	long long dropped = q_int(db, "SELECT count(*) FROM training_enrolment WHERE status = 'dropped_out'");
	assert_true(dropped * 100 < placed * 50 && dropped > 0);
	assert_true(q_int(db, "SELECT count(*) FROM training_enrolment WHERE status = 'certified'") > placed / 3);
	assert_int_equal(q_int(db, "SELECT count(*) FROM training_enrolment e JOIN training_course c ON c.id = e.course_id "
	                           "WHERE e.status = 'certified' AND (c.certificate = 'none' OR (c.certificate = 'official' "
	                           "AND e.certificate_no = ''))"),
	                 0);
	assert_true(q_int(db, "SELECT count(*) FROM training_enrolment WHERE toolkit_date IS NOT NULL") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM training_enrolment WHERE followup IS NOT NULL") > 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM training_enrolment e JOIN training_course c ON c.id = e.course_id "
	                           "WHERE e.followup_date < date(c.end_date, '+90 days') OR e.toolkit_date < c.end_date "
	                           "OR (e.followup IS NOT NULL AND e.status NOT IN ('completed', 'certified'))"),
	                 0);
	/* No one twice in courses at the same time. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM training_enrolment a JOIN training_course x ON x.id = a.course_id "
	                           "JOIN training_enrolment b ON b.person_id = a.person_id AND b.course_id > a.course_id "
	                           "JOIN training_course y ON y.id = b.course_id "
	                           "WHERE y.start_date <= x.end_date AND x.start_date <= y.end_date"),
	                 0);
	/* Places: never more holding one than the course has. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM training_course c WHERE c.capacity < (SELECT count(*) FROM "
	                           "training_enrolment e WHERE e.course_id = c.id AND e.status IN ('selected', 'enrolled', "
	                           "'completed', 'certified', 'dropped_out'))"),
	                 0);
}

static void sound_database(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	char detail[200];
	assert_int_equal(db_integrity(db, detail, sizeof detail), ST_OK);
	assert_int_equal(q_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM training_course WHERE uuid IS NULL OR site IS NULL"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM training_enrolment WHERE uuid IS NULL OR site IS NULL"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM audit WHERE entity = 'demo_training'"), 1);
}

/* The text of some rows of each table. */
static void sample(struct db *db, char *out, size_t size)
{
	static const char *const sql[] = {
		"SELECT id || centre_id || trade_id || title || start_date || end_date || status || capacity "
		"FROM training_course ORDER BY id LIMIT 20",
		"SELECT course_id || person_id || status || coalesce(dropout_reason, '-') || coalesce(followup, '-') "
		"FROM training_enrolment ORDER BY id LIMIT 40",
		"SELECT case_key || family_name || given_names || locality FROM person WHERE kind = 'community' "
		"ORDER BY id LIMIT 20",
	};
	demo_sample(db, sql, sizeof sql / sizeof sql[0], out, size);
}

static void same_seed_same_data(void **state)
{
	struct fixture *f = *state;
	static char first[16384], again[16384], other[16384];
	sample(f->db, first, sizeof first);
	char path[320];
	snprintf(path, sizeof path, "%s/again.db", f->t.dir);
	struct db *db = open_demo(path);
	assert_int_equal(demo_training(db, &(struct demo_options){ .seed = SEED }), ST_OK);
	sample(db, again, sizeof again);
	assert_string_equal(first, again);
	assert_int_equal(q_int(db, "SELECT count(*) FROM training_enrolment"),
	                 q_int(f->db, "SELECT count(*) FROM training_enrolment"));
	db_close(&db);
	snprintf(path, sizeof path, "%s/other.db", f->t.dir);
	db = open_demo(path);
	assert_int_equal(demo_training(db, &(struct demo_options){ .seed = SEED + 1 }), ST_OK);
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
	db_set_actor(db, 8, "training", ROLE_TRAINING, "local");
	assert_int_equal(demo_training(db, &(struct demo_options){ .seed = 1 }), ST_DENIED);
	assert_int_equal(q_int(db, "SELECT count(*) FROM training_course"), 0);
	db_close(&db);
	snprintf(path, sizeof path, "%s/real.db", f->t.dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(demo_training(db, &(struct demo_options){ .seed = 1 }), ST_INVALID);
	assert_int_equal(q_int(db, "SELECT count(*) FROM person"), 0);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(courses_each_year),
		cmocka_unit_test(about_half_community_members),
		cmocka_unit_test(community_members_found),
		cmocka_unit_test(migrants_staying_and_outcomes),
		cmocka_unit_test(sound_database),
		cmocka_unit_test(same_seed_same_data),
		cmocka_unit_test(refusals),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
