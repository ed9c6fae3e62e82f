/* Synthetic protection records for demo databases: cases of vulnerable
 * people with concerns, actions (some overdue) and consents; children's
 * assessments (approved by the manager, waiting, one rejected with a
 * comment), care, tracing (some stale) and visits; victims of trafficking
 * at Zinder with their details; referrals sent only with consent; returns
 * that left on the day a stay ended by assisted return, a child's only
 * after an approved determination, and live requests at each step;
 * determinism, refusals, and a sound database. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_private.h"
#include "demo/demo.h"
#include "demo/demo_persons.h"
#include "demo/demo_prot.h"

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
	enum status s = demo_prot(f->db, &(struct demo_options){ .seed = SEED });
	if (s != ST_OK)
		print_error("demo_prot: %s\n", sqlite3_errmsg(db_sqlite(f->db)));
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

static void cases_of_vulnerable_people(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_true(q_int(db, "SELECT count(*) FROM prot_case") > 50);
	/* Every case is of someone flagged, opened during a stay of theirs. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM prot_case c WHERE NOT EXISTS (SELECT 1 FROM person_flag f "
	                           "WHERE f.person_id = c.person_id)"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM prot_case c WHERE NOT EXISTS (SELECT 1 FROM stay s WHERE "
	                           "s.person_id = c.person_id AND s.centre_id = c.centre_id AND s.admitted <= c.opened "
	                           "AND (s.departed IS NULL OR s.departed >= c.opened))"), 0);
	assert_true(q_int(db, "SELECT count(*) FROM prot_case WHERE status = 'open'") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM prot_case WHERE status = 'closed'") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM prot_case_concern") >= q_int(db, "SELECT count(*) FROM prot_case"));
	assert_true(q_int(db, "SELECT count(*) FROM prot_action a JOIN prot_case c ON c.id = a.case_id "
	                      "WHERE a.status = 'open' AND a.due_date < (SELECT max(admitted) FROM stay)") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM prot_action WHERE status = 'done'") > 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM prot_case c WHERE NOT EXISTS (SELECT 1 FROM prot_consent k "
	                           "WHERE k.case_id = c.id AND k.use = 'case_management')"), 0);
}

static void children(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_true(q_int(db, "SELECT count(*) FROM prot_best_interest WHERE status = 'approved' AND decided_by = "
	                      "(SELECT id FROM app_user WHERE name = 'manager')") > 5);
	assert_true(q_int(db, "SELECT count(*) FROM prot_best_interest WHERE status = 'submitted'") > 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM prot_best_interest WHERE status = 'rejected' "
	                           "AND decision_comment <> ''"), 1);
	assert_true(q_int(db, "SELECT count(*) FROM prot_care") > 5);
	assert_true(q_int(db, "SELECT count(*) FROM prot_tracing WHERE status = 'reunified'") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM prot_tracing WHERE status = 'verified'") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM prot_tracing WHERE status = 'family_found'") > 0);
	/* Some tracing waits for action for more than 30 days. */
	assert_true(q_int(db, "SELECT count(*) FROM prot_tracing t WHERE t.status IN ('open', 'in_progress') AND "
	                      "(SELECT max(date) FROM prot_tracing_action a WHERE a.tracing_id = t.id) < "
	                      "date((SELECT max(admitted) FROM stay), '-30 days')") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM prot_followup") > 0);
	/* Every assessment is of a flagged child's case. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM prot_best_interest b JOIN prot_case c ON c.id = b.case_id "
	                           "WHERE NOT EXISTS (SELECT 1 FROM person_flag f WHERE f.person_id = c.person_id AND "
	                           "f.flag IN ('unaccompanied_child', 'separated_child'))"), 0);
}

static void victims_at_zinder(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_true(q_int(db, "SELECT count(*) FROM prot_trafficking t JOIN prot_case c ON c.id = t.case_id "
	                      "JOIN centre z ON z.id = c.centre_id WHERE z.code = 'ZIN'") > 10);
	assert_true(q_int(db, "SELECT count(*) FROM prot_trafficking WHERE identification = 'identified'") > 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM prot_trafficking t WHERE NOT EXISTS (SELECT 1 FROM "
	                           "prot_trafficking_control x WHERE x.trafficking_id = t.id)"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM prot_trafficking t WHERE NOT EXISTS (SELECT 1 FROM "
	                           "prot_trafficking_exploitation x WHERE x.trafficking_id = t.id)"), 0);
	assert_true(q_int(db, "SELECT count(*) FROM prot_trafficking_country WHERE role = 'origin'") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM prot_trafficking_assistance WHERE kind = 'reintegration'") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM prot_trafficking WHERE legal_status <> 'none'") > 0);
}

static void referrals_with_consent(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_true(q_int(db, "SELECT count(*) FROM prot_referral WHERE destination = 'unhcr' AND other_ref <> ''") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM prot_referral WHERE direction = 'in'") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM prot_referral WHERE status = 'draft'") > 0);
	/* Sent out only with the consent of the case. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM prot_referral r WHERE direction = 'out' AND status <> 'draft' "
	                           "AND (consent = 0 OR NOT EXISTS (SELECT 1 FROM prot_consent k WHERE k.case_id = "
	                           "r.case_id AND k.use = 'referral' AND k.given = 1))"), 0);
}

static void returns(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_true(q_int(db, "SELECT count(*) FROM prot_return WHERE status IN ('departed', 'arrived')") > 20);
	/* Every departure matches a stay ended by assisted return that day. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM prot_return r WHERE r.status IN ('departed', 'arrived') AND "
	                           "NOT EXISTS (SELECT 1 FROM stay s WHERE s.person_id = r.person_id AND "
	                           "s.departure_reason = 'avr' AND s.departed = r.departure_date)"), 0);
	/* No child approved or gone without an approved determination. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM prot_return r WHERE r.status IN ('approved', 'ready', "
	                           "'departed', 'arrived') AND EXISTS (SELECT 1 FROM person_flag f WHERE f.person_id = "
	                           "r.person_id AND f.flag IN ('unaccompanied_child', 'separated_child')) AND NOT EXISTS "
	                           "(SELECT 1 FROM prot_best_interest b JOIN prot_case c ON c.id = b.case_id WHERE "
	                           "c.person_id = r.person_id AND b.status = 'approved')"), 0);
	assert_true(q_int(db, "SELECT count(*) FROM prot_return r JOIN person_flag f ON f.person_id = r.person_id "
	                      "AND f.flag IN ('unaccompanied_child', 'separated_child') WHERE r.status IN ('departed', "
	                      "'arrived')") > 0);
	static const char *const live[] = { "requested", "counselled", "approved", "ready" };
	for (unsigned k = 0; k < 4; k++) {
		char sql[160];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM prot_return r JOIN stay s ON s.person_id = r.person_id "
		                          "AND s.departed IS NULL WHERE r.status = '%s'", live[k]);
		assert_true(q_int(db, sql) > 0);
	}
	assert_true(q_int(db, "SELECT count(*) FROM prot_travel_doc WHERE status = 'issued'") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM prot_return WHERE convoy_ref <> ''") > 0);
}

static void sound_database(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	char detail[200];
	assert_int_equal(db_integrity(db, detail, sizeof detail), ST_OK);
	assert_int_equal(q_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM audit WHERE entity = 'demo_prot' AND action = 'create'"), 1);
}

static void sample(struct db *db, char *out, size_t size)
{
	static const char *const sql[] = {
		"SELECT person_id || opened || risk || status || coalesce(closed_date, '-') FROM prot_case "
		"ORDER BY id LIMIT 30",
		"SELECT case_id || status || recommendation || assessed_date FROM prot_best_interest ORDER BY id LIMIT 20",
		"SELECT person_id || country || status || requested_date || convoy_ref FROM prot_return ORDER BY id LIMIT 30",
		"SELECT case_id || destination || status FROM prot_referral ORDER BY id LIMIT 30",
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
	assert_int_equal(demo_prot(db, &(struct demo_options){ .seed = SEED }), ST_OK);
	sample(db, again, sizeof again);
	assert_string_equal(first, again);
	assert_int_equal(q_int(db, "SELECT count(*) FROM prot_tracing_action"),
	                 q_int(f->db, "SELECT count(*) FROM prot_tracing_action"));
	db_close(&db);
	snprintf(path, sizeof path, "%s/other.db", f->t.dir);
	db = open_demo(path);
	assert_int_equal(demo_prot(db, &(struct demo_options){ .seed = SEED + 1 }), ST_OK);
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
	db_set_actor(db, 5, "protection", ROLE_PROTECTION, "local");
	assert_int_equal(demo_prot(db, &(struct demo_options){ .seed = 1 }), ST_DENIED);
	assert_int_equal(q_int(db, "SELECT count(*) FROM prot_case"), 0);
	db_close(&db);
	snprintf(path, sizeof path, "%s/real.db", f->t.dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(demo_prot(db, &(struct demo_options){ .seed = 1 }), ST_INVALID);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cases_of_vulnerable_people),
		cmocka_unit_test(children),
		cmocka_unit_test(victims_at_zinder),
		cmocka_unit_test(referrals_with_consent),
		cmocka_unit_test(returns),
		cmocka_unit_test(sound_database),
		cmocka_unit_test(same_seed_same_data),
		cmocka_unit_test(refusals),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
