/* Synthetic medical records for demo databases: proportions, dates inside
 * the stays and never in the future, referrals, follow-ups, cases and
 * antenatal visits, fitness to travel, determinism, progress, refusals, and
 * a sound database at the end. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_private.h"
#include "demo/demo.h"
#include "demo/demo_medical.h"
#include "demo/demo_persons.h"

#define PEOPLE 2000L
#define PEOPLE_SEED 7u
#include "demo_fixture.h"
#define SEED 20261122u

struct fixture {
	struct tmpdir t;
	struct db *db;
};

/* A demo database with PEOPLE people, open as the administrator. */

/* One integer from a query. */

static int group_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	*state = f;
	tmpdir_make(&f->t);
	f->db = open_demo(f->t.db);
	enum status s = demo_medical(f->db, &(struct demo_options){ .seed = SEED });
	if (s != ST_OK)
		print_error("demo_medical: %s\n", sqlite3_errmsg(db_sqlite(f->db)));
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

static void counts(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	long long consultations = q_int(db, "SELECT count(*) FROM consultation");
	assert_in_range(consultations, PEOPLE * 3, PEOPLE * 7);
	/* Nearly everyone is seen at least once. */
	assert_true(q_int(db, "SELECT count(DISTINCT person_id) FROM consultation") > PEOPLE * 90 / 100);
	long long n_cases = q_int(db, "SELECT count(*) FROM medical_case");
	assert_in_range(n_cases, PEOPLE * 15 / 1000, PEOPLE * 40 / 1000);
	assert_int_equal(q_int(db, "SELECT count(*) FROM (SELECT person_id FROM medical_case "
	                           "GROUP BY person_id HAVING count(*) > 1)"), 0);
	long long n_referred = q_int(db, "SELECT count(*) FROM consultation WHERE referral_to != ''");
	assert_in_range(n_referred * 1000 / consultations, 20, 70);      /* about 1 in 25 */
	long long n_followup = q_int(db, "SELECT count(*) FROM consultation WHERE next_followup IS NOT NULL");
	assert_in_range(n_followup * 1000 / consultations, 60, 150);     /* about 1 in 10 */
	assert_true(q_int(db, "SELECT count(*) FROM fitness") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM antenatal_visit") > 0);
	/* One audit row for the run, with the counts. */
	char sql[400];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE action = 'create' AND entity = "
	         "'demo_medical' AND changes = '{\"consultations\": %lld, \"medical_cases\": %lld, "
	         "\"antenatal_visits\": %lld, \"fitness\": %lld}'", consultations, n_cases,
	         q_int(db, "SELECT count(*) FROM antenatal_visit"), q_int(db, "SELECT count(*) FROM fitness"));
	assert_int_equal(q_int(db, sql), 1);
	/* By the demo medical account, with texts. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM consultation WHERE clinician_id IS NOT "
	                           "(SELECT id FROM app_user WHERE name = 'medical')"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM fitness WHERE clinician_id IS NOT "
	                           "(SELECT id FROM app_user WHERE name = 'medical')"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM consultation WHERE diagnosis = '' "
	                           "OR treatment = ''"), 0);
}

static void reasons(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_int_equal(q_int(db, "SELECT count(DISTINCT reason) FROM consultation"), 9);
	/* Malaria and respiratory infections first, as in every transit centre. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM (SELECT reason FROM consultation GROUP BY "
	                           "reason ORDER BY count(*) DESC LIMIT 2) WHERE reason IN "
	                           "('malaria', 'respiratory')"), 2);
	assert_true(q_int(db, "SELECT count(*) FROM consultation WHERE reason = 'skin'")
	            > q_int(db, "SELECT count(*) FROM consultation WHERE reason = 'chronic'"));
	assert_true(q_int(db, "SELECT count(*) FROM consultation WHERE diagnosis = 'Paludisme simple' "
	                      "AND treatment = 'ACT 3 jours, paracétamol'") > 0);
	/* Pregnancy care only for women of childbearing age. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM consultation c JOIN person p ON p.id = "
	                           "c.person_id WHERE c.reason = 'pregnancy' AND (p.sex != 'f' OR "
	                           "substr(c.date, 1, 4) - substr(p.birth_date, 1, 4) NOT BETWEEN 14 AND 47)"), 0);
	/* Fevers peak in the rains (July to October): a greater share of them
	 * than of all consultations falls in those months. */
	static const char rains[] = "SELECT count(*) FROM consultation WHERE substr(date, 6, 2) "
	                            "BETWEEN '07' AND '10'";
	assert_true(q_int(db, "SELECT count(*) FROM consultation WHERE reason = 'malaria' AND "
	                      "substr(date, 6, 2) BETWEEN '07' AND '10'")
	            * q_int(db, "SELECT count(*) FROM consultation")
	            > q_int(db, rains) * q_int(db, "SELECT count(*) FROM consultation WHERE reason = 'malaria'"));
}

static void dates_inside_stays(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	/* Every consultation during a stay of its person, at that stay's centre. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM consultation c WHERE NOT EXISTS (SELECT 1 FROM "
	                           "stay s WHERE s.person_id = c.person_id AND s.centre_id = c.centre_id "
	                           "AND c.date >= s.admitted AND (s.departed IS NULL OR c.date <= s.departed))"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM consultation WHERE date > date('now') "
	                           "OR date(date) IS NOT date OR created_at NOT LIKE date || 'T%Z'"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM medical_case m WHERE NOT EXISTS (SELECT 1 FROM "
	                           "stay s WHERE s.person_id = m.person_id AND s.centre_id = m.centre_id "
	                           "AND m.opened >= s.admitted AND (s.departed IS NULL OR m.opened <= s.departed))"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM fitness f WHERE NOT EXISTS (SELECT 1 FROM "
	                           "stay s WHERE s.person_id = f.person_id AND f.date >= s.admitted "
	                           "AND (s.departed IS NULL OR f.date <= s.departed))"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM medical_case WHERE opened > date('now') "
	                           "OR closed > date('now') OR closed < opened"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM fitness WHERE date > date('now')"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM antenatal_visit WHERE date > date('now')"), 0);
	/* People still in a centre have been seen lately. */
	assert_true(q_int(db, "SELECT count(*) FROM consultation c JOIN stay s ON s.person_id = "
	                      "c.person_id AND s.departed IS NULL AND c.date >= s.admitted") > 0);
}

static void referrals(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_int_equal(q_int(db, "SELECT count(*) FROM consultation WHERE (referral_to = '') "
	                           "!= (referral_status IS NULL)"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM consultation WHERE (referral_to = '') "
	                           "!= (referral_why = '')"), 0);
	assert_int_equal(q_int(db, "SELECT count(DISTINCT referral_status) FROM consultation "
	                           "WHERE referral_status IS NOT NULL"), 3);
	assert_true(q_int(db, "SELECT count(*) FROM consultation "
	                      "WHERE referral_to = 'Hôpital national de Niamey'") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM consultation "
	                      "WHERE referral_to = 'Centre hospitalier régional d''Agadez'") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM consultation WHERE referral_to = 'CSI Dagmanet'") > 0);
	/* Referred near their centre: Agadez hospitals from Niamey never. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM consultation c JOIN centre k ON k.id = "
	                           "c.centre_id WHERE k.code LIKE 'NY_' AND c.referral_to LIKE '%Agadez%'"), 0);
	/* Mostly attended, except the latest still waiting for news. */
	assert_true(q_int(db, "SELECT count(*) FROM consultation WHERE referral_status = 'attended'")
	            > q_int(db, "SELECT count(*) FROM consultation WHERE referral_status = 'not_attended'"));
}

static void followups(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_int_equal(q_int(db, "SELECT count(*) FROM consultation WHERE next_followup < date "
	                           "OR date(next_followup) IS NOT next_followup"), 0);
	/* Some people still there are due after the last day of the data; some
	 * people's last consultation asked for a visit never made (overdue). */
	assert_true(q_int(db, "SELECT count(*) FROM consultation c JOIN stay s ON s.person_id = "
	                      "c.person_id AND s.departed IS NULL AND c.date >= s.admitted "
	                      "WHERE c.next_followup > (SELECT max(date) FROM consultation)") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM consultation c WHERE c.id = (SELECT max(id) FROM "
	                      "consultation x WHERE x.person_id = c.person_id) AND c.next_followup < "
	                      "(SELECT max(date) FROM consultation)") > 0);
	/* Most follow-ups are kept: a return visit on the day. */
	assert_true(q_int(db, "SELECT count(*) FROM consultation c WHERE next_followup IS NOT NULL AND "
	                      "EXISTS (SELECT 1 FROM consultation r WHERE r.person_id = c.person_id AND "
	                      "r.date = c.next_followup AND r.diagnosis LIKE 'Contrôle : %')")
	            > q_int(db, "SELECT count(*) FROM consultation WHERE next_followup IS NOT NULL") / 3);
}

static void cases(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	/* Pregnancies: women of 15 to 45, with an expected delivery after the
	 * opening; no other case has one. */
	assert_true(q_int(db, "SELECT count(*) FROM medical_case WHERE condition = 'pregnancy'") > 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM medical_case m JOIN person p ON p.id = "
	                           "m.person_id WHERE m.condition = 'pregnancy' AND (p.sex != 'f' OR "
	                           "m.expected_delivery IS NULL OR m.expected_delivery <= m.opened OR "
	                           "substr(m.opened, 1, 4) - substr(p.birth_date, 1, 4) NOT BETWEEN 14 AND 47)"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM medical_case WHERE condition != 'pregnancy' "
	                           "AND expected_delivery IS NOT NULL"), 0);
	assert_true(q_int(db, "SELECT count(DISTINCT condition) FROM medical_case") >= 6);
	/* Malnutrition cases are children's. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM medical_case m JOIN person p ON p.id = "
	                           "m.person_id WHERE m.condition = 'malnutrition' AND (p.birth_date IS "
	                           "NULL OR substr(m.opened, 1, 4) - substr(p.birth_date, 1, 4) > 17)"), 0);
	/* Closed with an outcome, or open without one. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM medical_case WHERE (closed IS NULL) "
	                           "!= (outcome = '')"), 0);
	/* The opening consultation is on the day the case is opened. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM medical_case m WHERE NOT EXISTS (SELECT 1 FROM "
	                           "consultation c WHERE c.person_id = m.person_id AND c.date = m.opened)"), 0);
	/* Antenatal visits: pregnancies only, from the opening, never after the
	 * end of the case. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM antenatal_visit v JOIN medical_case m ON "
	                           "m.id = v.case_id WHERE m.condition != 'pregnancy' OR v.date < m.opened "
	                           "OR v.date > coalesce(m.closed, date('now'))"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM medical_case m WHERE condition = 'pregnancy' "
	                           "AND NOT EXISTS (SELECT 1 FROM antenatal_visit v WHERE v.case_id = m.id "
	                           "AND v.date = m.opened)"), 0);
}

static void fitness(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_int_equal(q_int(db, "SELECT count(*) FROM fitness WHERE status NOT IN "
	                           "('fit', 'fit_escort', 'not_fit')"), 0);
	assert_int_equal(q_int(db, "SELECT count(DISTINCT status) FROM fitness"), 3);
	/* Most who left by assisted return were assessed in the days before. */
	long long avr = q_int(db, "SELECT count(*) FROM stay WHERE departure_reason = 'avr'");
	long long assessed = q_int(db, "SELECT count(*) FROM stay s WHERE departure_reason = 'avr' "
	                               "AND EXISTS (SELECT 1 FROM fitness f WHERE f.person_id = s.person_id "
	                               "AND f.date BETWEEN date(s.departed, '-7 days') AND s.departed)");
	assert_true(avr > 0);
	assert_in_range(assessed * 100 / avr, 70, 100);
	assert_true(q_int(db, "SELECT count(*) FROM fitness WHERE status = 'fit'") * 2
	            > q_int(db, "SELECT count(*) FROM fitness"));
}

static void sound_database(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	char detail[200];
	assert_int_equal(db_integrity(db, detail, sizeof detail), ST_OK);
	assert_int_equal(q_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM pragma_integrity_check WHERE "
	                           "integrity_check != 'ok'"), 0);
	assert_int_equal(q_int(db, "PRAGMA synchronous"), 2); /* FULL again */
	assert_int_equal(q_int(db, "PRAGMA foreign_keys"), 1);
}

/* The first consultations of a database, as one text. */
static void first_consultations(struct db *db, char *out, size_t size)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db),
		"SELECT person_id, date, centre_id, reason, diagnosis, treatment, referral_to, "
		"coalesce(referral_status, '-'), coalesce(next_followup, '-'), created_at "
		"FROM consultation ORDER BY id LIMIT 10", -1, &st, NULL), SQLITE_OK);
	out[0] = '\0';
	int rows = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t len = strlen(out);
		for (int i = 0; i < 10; i++) {
			snprintf(out + len, size - len, "%s|", sqlite3_column_text(st, i));
			len = strlen(out);
		}
		snprintf(out + len, size - len, "\n");
		rows++;
	}
	sqlite3_finalize(st);
	assert_int_equal(rows, 10);
}

static void same_seed_same_data(void **state)
{
	struct fixture *f = *state;
	char first[4096], again[4096], other[4096];
	first_consultations(f->db, first, sizeof first);
	char path[320];
	snprintf(path, sizeof path, "%s/again.db", f->t.dir);
	struct db *db = open_demo(path);
	assert_int_equal(demo_medical(db, &(struct demo_options){ .seed = SEED }), ST_OK);
	first_consultations(db, again, sizeof again);
	assert_string_equal(first, again);
	assert_int_equal(q_int(db, "SELECT count(*) FROM consultation"),
	                 q_int(f->db, "SELECT count(*) FROM consultation"));
	assert_int_equal(q_int(db, "SELECT count(*) FROM medical_case"),
	                 q_int(f->db, "SELECT count(*) FROM medical_case"));
	db_close(&db);

	snprintf(path, sizeof path, "%s/other.db", f->t.dir);
	db = open_demo(path);
	assert_int_equal(demo_medical(db, &(struct demo_options){ .seed = SEED + 1 }), ST_OK);
	first_consultations(db, other, sizeof other);
	db_close(&db);
	assert_string_not_equal(first, other);
}

static void count_calls(long done, long total, void *ctx)
{
	long *calls = ctx;
	assert_int_equal(total, PEOPLE);
	assert_true(done >= calls[1] && done <= total);
	calls[0]++;
	calls[1] = done;
}

static void progress(void **state)
{
	struct fixture *f = *state;
	char path[320];
	snprintf(path, sizeof path, "%s/progress.db", f->t.dir);
	struct db *db = open_demo(path);
	long calls[2] = { 0, 0 };
	assert_int_equal(demo_medical(db, &(struct demo_options){ .seed = 3, .progress = count_calls, .ctx = calls }), ST_OK);
	assert_int_equal(calls[0], 1);          /* fewer than 10,000: the end only */
	assert_int_equal(calls[1], PEOPLE);
	db_close(&db);
}

static void refusals(void **state)
{
	struct fixture *f = *state;
	char path[320];
	snprintf(path, sizeof path, "%s/refused.db", f->t.dir);
	struct db *db = open_demo(path);
	db_set_actor(db, 4, "medical", ROLE_MEDICAL, "local");
	assert_int_equal(demo_medical(db, &(struct demo_options){ .seed = 1 }), ST_DENIED);
	db_set_actor(db, 0, "test", -1, "test");
	assert_int_equal(demo_medical(db, &(struct demo_options){ .seed = 1 }), ST_DENIED);
	assert_int_equal(q_int(db, "SELECT count(*) FROM consultation"), 0);
	db_close(&db);

	/* Never into a real database. */
	snprintf(path, sizeof path, "%s/real.db", f->t.dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(demo_medical(db, &(struct demo_options){ .seed = 1 }), ST_INVALID);
	assert_int_equal(q_int(db, "SELECT count(*) FROM consultation"), 0);
	db_close(&db);

	/* A demo database without people: nothing to add, but it is fine. */
	snprintf(path, sizeof path, "%s/empty.db", f->t.dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(demo_fill(db, 0), ST_OK);
	assert_int_equal(demo_medical(db, &(struct demo_options){ .seed = 1 }), ST_OK);
	assert_int_equal(q_int(db, "SELECT count(*) FROM consultation"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM audit WHERE entity = 'demo_medical'"), 1);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts),
		cmocka_unit_test(reasons),
		cmocka_unit_test(dates_inside_stays),
		cmocka_unit_test(referrals),
		cmocka_unit_test(followups),
		cmocka_unit_test(cases),
		cmocka_unit_test(fitness),
		cmocka_unit_test(sound_database),
		cmocka_unit_test(same_seed_same_data),
		cmocka_unit_test(progress),
		cmocka_unit_test(refusals),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
