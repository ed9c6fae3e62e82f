/* Synthetic reintegration records for demo databases: cases for people
 * who left on assisted voluntary return, in their nationality's country
 * and a region of it; plans in every status with their items (business
 * plans, school fees for minors), tranches and payments within what was
 * approved, a reversal; visits with the survey's answers; collective and
 * community projects in the countries of the domain documents with
 * returnees and community members; the figures count them; determinism,
 * refusals, and a sound database. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_private.h"
#include "db/reint_report.h"
#include "demo/demo.h"
#include "demo/demo_persons.h"
#include "demo/demo_reint.h"

#define PEOPLE 3000L
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
	enum status s = demo_reint(f->db, &(struct demo_options){ .seed = SEED });
	if (s != ST_OK)
		print_error("demo_reint: %s\n", sqlite3_errmsg(db_sqlite(f->db)));
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

static void cases_of_returnees(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_true(q_int(db, "SELECT count(*) FROM reint_case") > 20);
	/* Every case is of someone who left on assisted return, before it. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM reint_case c WHERE NOT EXISTS (SELECT 1 FROM stay s WHERE "
	                           "s.person_id = c.person_id AND s.departure_reason = 'avr' AND s.departed < c.return_date)"),
	                 0);
	/* In their nationality's country, a region of it when the list has one. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM reint_case c JOIN person p ON p.id = c.person_id "
	                           "WHERE p.nationality IS NOT c.country"),
	                 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM reint_case c LEFT JOIN ref_item r ON r.id = c.region_id "
	                           "WHERE (c.region_id IS NOT NULL AND r.kind IS NOT c.country) OR (c.region_id IS NULL AND "
	                           "EXISTS (SELECT 1 FROM ref_item x WHERE x.list = 'reint_region' AND x.kind = c.country))"),
	                 0);
	/* Every case status. */
	assert_int_equal(q_int(db, "SELECT count(DISTINCT status) FROM reint_case"), 3);
}

static void plans_items_money(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_int_equal(q_int(db, "SELECT count(DISTINCT status) FROM reint_plan"), 6);
	/* Most approved, under way or done. */
	assert_true(q_int(db, "SELECT count(*) FROM reint_plan WHERE status IN ('approved', 'in_progress', 'completed')")
	            * 2 > q_int(db, "SELECT count(*) FROM reint_plan"));
	/* The approved amount is the items' sum. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM reint_plan p WHERE approved_amount IS NOT NULL AND "
	                           "approved_amount <> (SELECT sum(planned_value) FROM reint_plan_item i WHERE i.plan_id = p.id)"),
	                 0);
	/* Small businesses have their business plan; minors school fees. */
	assert_true(q_int(db, "SELECT count(*) FROM reint_business_plan") > 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM reint_plan_item i WHERE category = 'small_business' AND NOT "
	                           "EXISTS (SELECT 1 FROM reint_business_plan b WHERE b.item_id = i.id)"),
	                 0);
	assert_true(q_int(db, "SELECT count(*) FROM reint_plan_item WHERE category = 'school_fees'") > 0);
	/* Never paid above the approval; completed plans are paid in full. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM reint_plan p WHERE (SELECT coalesce(sum(amount), 0) FROM "
	                           "reint_payment y WHERE y.plan_id = p.id) > coalesce(approved_amount, 0)"),
	                 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM reint_plan p WHERE status = 'completed' AND (SELECT sum(amount) "
	                           "FROM reint_payment y WHERE y.plan_id = p.id) <> approved_amount"),
	                 0);
	assert_true(q_int(db, "SELECT count(*) FROM reint_payment WHERE reverses_id IS NOT NULL") >= 1);
	assert_true(q_int(db, "SELECT count(*) FROM reint_tranche WHERE status = 'planned'") > 0);
}

static void visits_and_answers(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_int_equal(q_int(db, "SELECT count(DISTINCT months) FROM reint_visit WHERE kind = 'monitoring'"), 3);
	assert_true(q_int(db, "SELECT count(*) FROM reint_visit WHERE kind = 'baseline' AND status = 'done'") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM reint_visit WHERE status = 'missed'") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM reint_visit WHERE status = 'scheduled'") > 0);
	/* Each done visit of a case: survey 1, its 15 questions answered with
	 * the codes of version 1. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM reint_visit v WHERE v.case_id IS NOT NULL AND v.status = 'done' "
	                           "AND (v.survey_id IS NOT 1 OR (SELECT count(*) FROM reint_visit_answer a "
	                           "WHERE a.visit_id = v.id) <> 15)"),
	                 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM reint_visit_answer a WHERE NOT EXISTS (SELECT 1 FROM "
	                           "reint_survey_option o JOIN reint_survey_question q ON q.id = o.question_id "
	                           "WHERE q.survey_id = 1 AND q.code = a.question_code AND o.code = a.option_code)"),
	                 0);
}

static void projects_in_the_domain_countries(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_int_equal(q_int(db, "SELECT count(DISTINCT country) FROM reint_project WHERE country IN "
	                           "('SEN', 'GMB', 'NGA', 'MLI', 'GNB', 'NER')"),
	                 6);
	assert_int_equal(q_int(db, "SELECT count(DISTINCT kind) FROM reint_project"), 2);
	assert_true(q_int(db, "SELECT count(*) FROM reint_project WHERE country = 'NER' AND region_id = "
	                      "(SELECT id FROM ref_item WHERE list = 'reint_region' AND code = 'NE-7')") > 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM reint_project WHERE approved_amount IS NULL"), 0);
	assert_true(q_int(db, "SELECT count(*) FROM reint_payment WHERE project_id IS NOT NULL") > 0);
	/* Community members registered for them, returnees with a case. */
	assert_true(q_int(db, "SELECT count(*) FROM reint_project_member m JOIN person p ON p.id = m.person_id "
	                      "WHERE p.community_since IS NOT NULL") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM reint_project_member m JOIN reint_case c ON c.person_id = m.person_id")
	            > 0);
	/* One leader at a time. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM (SELECT project_id FROM reint_project_member WHERE role = 'leader' "
	                           "AND left_date IS NULL GROUP BY project_id HAVING count(*) > 1)"),
	                 0);
}

static void figures_count_them(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	char year[8];
	long long y = q_int(db, "SELECT CAST(substr(max(return_date), 1, 4) AS INTEGER) FROM reint_case");
	snprintf(year, sizeof year, "%lld", y);
	struct reint_period p;
	assert_true(reint_period_parse(year, &p));
	struct reint_figures fig;
	db_set_actor(db, 2, "manager", ROLE_MANAGER, "local");
	enum status st = reint_figures_get(db, "", &p, &fig);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(st, ST_OK);
	assert_true(fig.total[REINT_INDIVIDUAL] > 0);
	assert_true(fig.total[REINT_ALL] >= fig.total[REINT_INDIVIDUAL]);
	assert_true(fig.total[REINT_ALL] <= fig.total[REINT_INDIVIDUAL] + fig.total[REINT_COLLECTIVE]
	                                       + fig.total[REINT_COMMUNITY]);
}

static void sound_database(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	char detail[200];
	assert_int_equal(db_integrity(db, detail, sizeof detail), ST_OK);
	assert_int_equal(q_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM audit WHERE entity = 'demo_reint'"), 1);
}

static void sample(struct db *db, char *out, size_t size)
{
	static const char *const sql[] = {
		"SELECT person_id || country || coalesce(region_id, '-') || return_date || status FROM reint_case "
		"ORDER BY id LIMIT 30",
		"SELECT plan_id || paid_date || amount || method FROM reint_payment WHERE plan_id IS NOT NULL "
		"ORDER BY id LIMIT 30",
		"SELECT project_id || person_id || role || joined_date FROM reint_project_member ORDER BY id LIMIT 30",
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
	assert_int_equal(demo_reint(db, &(struct demo_options){ .seed = SEED }), ST_OK);
	sample(db, again, sizeof again);
	assert_string_equal(first, again);
	assert_int_equal(q_int(db, "SELECT count(*) FROM reint_visit_answer"),
	                 q_int(f->db, "SELECT count(*) FROM reint_visit_answer"));
	db_close(&db);
	snprintf(path, sizeof path, "%s/other.db", f->t.dir);
	db = open_demo(path);
	assert_int_equal(demo_reint(db, &(struct demo_options){ .seed = SEED + 1 }), ST_OK);
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
	db_set_actor(db, 8, "reintegration", ROLE_REINTEGRATION, "local");
	assert_int_equal(demo_reint(db, &(struct demo_options){ .seed = 1 }), ST_DENIED);
	assert_int_equal(q_int(db, "SELECT count(*) FROM reint_case"), 0);
	db_close(&db);
	snprintf(path, sizeof path, "%s/real.db", f->t.dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(demo_reint(db, &(struct demo_options){ .seed = 1 }), ST_INVALID);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cases_of_returnees),
		cmocka_unit_test(plans_items_money),
		cmocka_unit_test(visits_and_answers),
		cmocka_unit_test(projects_in_the_domain_countries),
		cmocka_unit_test(figures_count_them),
		cmocka_unit_test(sound_database),
		cmocka_unit_test(same_seed_same_data),
		cmocka_unit_test(refusals),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
