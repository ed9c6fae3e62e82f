/* Row identity (migration 011): every row users write has a uuid, a site,
 * a creation and a change time, from the upgrade of an older database and
 * from every write path (data layer, demo generator, command line); uuids
 * are unique and stay; an update moves the change time; the audit trail
 * still refuses changes. */
#include <sqlite3.h>
#include "testutil.h"
#include "cli/commands.h"
#include "ui/module.h"
#include "core/clock.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_private.h"
#include "db/medical.h"
#include "db/person.h"
#include "db/rows.h"
#include "db/stay.h"
#include "db/user.h"
#include "demo/demo.h"
#include "demo/demo_medical.h"
#include "demo/demo_persons.h"
#include "demo/demo_reint.h"

/* Every table users write. */
static const char *const tables[] = {
	"centre", "app_user", "person", "person_document", "person_language", "person_flag",
	"family_link", "stay", "stay_service", "consultation", "medical_case", "antenatal_visit",
	"fitness", "audit",
};
#define NTABLES ((int)(sizeof tables / sizeof tables[0]))

/* The reintegration module's tables (migration 021), filled by its demo
 * generator; the survey's are seeded by the migration. */
static const char *const reint_tables[] = {
	"reint_case", "reint_plan", "reint_plan_item", "reint_business_plan", "reint_project",
	"reint_project_member", "reint_tranche", "reint_payment", "reint_visit", "reint_survey",
	"reint_survey_question", "reint_survey_option", "reint_visit_answer",
};
#define NREINT ((int)(sizeof reint_tables / sizeof reint_tables[0]))

/* 2026-03-20 10:00:00 and 2026-03-21 08:30:00 UTC. */
#define T1 ((time_t)1774000800)
#define T2 ((time_t)1774081800)

/* One integer from a query on a raw handle. */
static long long q_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		print_error("%s: %s\n", sql, sqlite3_errmsg(h));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* One text from a query, into out. */
static void q_text(sqlite3 *h, const char *sql, char *out, size_t size)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const unsigned char *t = sqlite3_column_text(st, 0);
	snprintf(out, size, "%s", t ? (const char *)t : "");
	sqlite3_finalize(st);
}

static void exec_ok(sqlite3 *h, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(h, sql, NULL, NULL, &err);
	if (rc != SQLITE_OK)
		print_error("%s: %s\n", sql, err ? err : "");
	sqlite3_free(err);
	assert_int_equal(rc, SQLITE_OK);
}

/* Every row of every table of list (n of them) is stamped with a
 * well-formed uuid, the site of the database and times; uuids are unique
 * within and across tables; each table has rows when need_rows. */
static void assert_stamped_in(sqlite3 *h, const char *const *list, int n_tables, bool need_rows)
{
	char site[64], sql[512];
	q_text(h, "SELECT value FROM setting WHERE key = 'site'", site, sizeof site);
	assert_int_equal(strlen(site), ROWS_UUID_LEN);
	long long all = 0;
	for (int i = 0; i < n_tables; i++) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", list[i]);
		long long n = q_int(h, sql);
		if (need_rows && n == 0)
			print_error("no rows in %s\n", list[i]);
		assert_true(!need_rows || n > 0);
		all += n;
		snprintf(sql, sizeof sql,
		         "SELECT count(*) FROM %s WHERE uuid IS NULL OR site IS NOT '%s' OR created IS NULL "
		         "OR changed IS NULL OR length(uuid) != 32 OR uuid GLOB '*[^0-9a-f]*' "
		         "OR substr(uuid, 13, 1) != '7' OR created NOT GLOB '20[0-9][0-9]-[01][0-9]-[0-3][0-9]T"
		         "[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' OR changed < created",
		         list[i], site);
		long long bad = q_int(h, sql);
		if (bad)
			print_error("%lld rows of %s not stamped\n", bad, list[i]);
		assert_int_equal(bad, 0);
		snprintf(sql, sizeof sql, "SELECT count(DISTINCT uuid) FROM %s", list[i]);
		assert_int_equal(q_int(h, sql), n);
	}
	char uni[2048] = "SELECT count(DISTINCT uuid) FROM (";
	for (int i = 0; i < n_tables; i++) {
		size_t len = strlen(uni);
		snprintf(uni + len, sizeof uni - len, "%sSELECT uuid FROM %s", i ? " UNION ALL " : "", list[i]);
	}
	strcat(uni, ")");
	assert_int_equal(q_int(h, uni), all);
}

static void assert_stamped(sqlite3 *h, bool need_rows)
{
	assert_stamped_in(h, tables, NTABLES, need_rows);
}

static int setup(void **state)
{
	struct tmpdir *t = calloc(1, sizeof *t);
	tmpdir_make(t);
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	struct tmpdir *t = *state;
	clock_set(0);
	tmpdir_remove(t);
	free(t);
	return 0;
}

/* A database left by the previous program with a row in every table, then
 * opened by this one. */
static void upgrade_fills_every_row(void **state)
{
	struct tmpdir *t = *state;
	assert_int_equal(db_create_old(t->db, 10), ST_OK);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(t->db, &h), SQLITE_OK);
	exec_ok(h,
		"INSERT INTO app_user (id, name, display_name, role, centre_id, pw_hash, created_at) "
		"VALUES (1, 'amina', 'Amina', 'intake', 1, 'x', '2025-01-02T03:04:05Z');"
		"INSERT INTO person (id, case_key, family_name, given_names, sex, arrival_date, centre_id, "
		"arrival_mode, consent_data, consent_share, consent_date, created_at) VALUES "
		"(1, 'NY12500001K', 'Diallo', 'Amadou', 'm', '2025-01-02', 1, 'self', 1, 1, '2025-01-02', "
		"'2025-01-02T09:00:00Z'), (2, 'NY12500002K', 'Diallo', 'Awa', 'f', '2025-01-02', 1, 'self', "
		"1, 1, '2025-01-02', '2025-01-02T09:05:00Z');"
		"INSERT INTO person_document (person_id, doc_type, number) VALUES (1, 'passport', 'A1');"
		"INSERT INTO person_language VALUES (1, 'hau'), (2, 'hau');"
		"INSERT INTO person_flag (person_id, flag) VALUES (1, 'pregnant');"
		"INSERT INTO family_link VALUES (1, 2, 'spouse'), (2, 1, 'spouse');"
		"INSERT INTO stay (id, person_id, centre_id, admitted) VALUES (1, 1, 1, '2025-01-02');"
		"INSERT INTO stay_service VALUES (1, 'food'), (1, 'water');"
		"INSERT INTO consultation (person_id, date, centre_id, reason, created_at) VALUES "
		"(1, '2025-01-03', 1, 'malaria', '2025-01-03T10:00:00Z');"
		"INSERT INTO medical_case (id, person_id, condition, opened, centre_id) VALUES "
		"(1, 2, 'pregnancy', '2025-01-03', 1);"
		"INSERT INTO antenatal_visit (case_id, date) VALUES (1, '2025-01-03');"
		"INSERT INTO fitness (person_id, date, status) VALUES (1, '2025-01-04', 'fit');"
		"INSERT INTO audit (at, user_name, origin, action, entity) VALUES "
		"('2025-01-02T09:00:00.125Z', 'amina', 'local', 'create', 'person');");
	sqlite3_close(h);

	clock_set(T1);
	struct db *db;
	assert_int_equal(db_open(t->db, DB_EXISTING, &db, NULL, 0), ST_OK);
	assert_int_equal(db_version(db), db_latest_version());
	char site[64];
	assert_int_equal(db_site(db, site, sizeof site), ST_OK);
	assert_int_equal(strlen(site), ROWS_UUID_LEN);
	db_close(&db);

	assert_int_equal(sqlite3_open(t->db, &h), SQLITE_OK);
	assert_stamped(h, true);
	/* Creation times kept where the row had one; the rest is the upgrade's
	 * time, on the program's clock. */
	char v[64];
	q_text(h, "SELECT created FROM person WHERE id = 1", v, sizeof v);
	assert_string_equal(v, "2025-01-02T09:00:00.000Z");
	q_text(h, "SELECT created FROM app_user WHERE id = 1", v, sizeof v);
	assert_string_equal(v, "2025-01-02T03:04:05.000Z");
	q_text(h, "SELECT created || ' ' || changed FROM audit", v, sizeof v);
	assert_string_equal(v, "2025-01-02T09:00:00.125Z 2025-01-02T09:00:00.125Z");
	q_text(h, "SELECT created FROM stay_service LIMIT 1", v, sizeof v);
	assert_string_equal(v, "2026-03-20T10:00:00.000Z");
	q_text(h, "SELECT changed FROM person WHERE id = 1", v, sizeof v);
	assert_string_equal(v, "2026-03-20T10:00:00.000Z");
	/* The audit trail still refuses every change and deletion, the new
	 * columns included. */
	assert_int_not_equal(sqlite3_exec(h, "UPDATE audit SET action = 'x'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(h, "UPDATE audit SET site = 'x'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(h, "UPDATE audit SET changed = 'x'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(h, "DELETE FROM audit", NULL, NULL, NULL), SQLITE_OK);
	/* Other tools (this raw handle) can still write, and are stamped. */
	exec_ok(h, "INSERT INTO person_language (person_id, language) VALUES (1, 'fra')");
	/* An insert that gives some of the four gets the others. */
	exec_ok(h, "INSERT INTO person_language (person_id, language, uuid) VALUES "
	           "(1, 'eng', '0123456789ab7def8123456789abcdef')");
	q_text(h, "SELECT uuid || ' ' || (created IS NOT NULL) || (site IS NOT NULL) FROM person_language "
	          "WHERE language = 'eng'", v, sizeof v);
	assert_string_equal(v, "0123456789ab7def8123456789abcdef 11");
	exec_ok(h, "INSERT INTO audit (at, user_name, origin, action, entity) VALUES "
	           "('2026-01-01T00:00:00.000Z', 'x', 'y', 'z', 'w')");
	assert_stamped(h, true);
	sqlite3_close(h);
}

/* Links recorded before parents and wards could be named keep their
 * meaning: head/child becomes parent/child, a guardian's other side their
 * ward; the rest is untouched, and the rows keep their identity. */
static void upgrade_names_parents_and_wards(void **state)
{
	struct tmpdir *t = *state;
	assert_int_equal(db_create_old(t->db, 12), ST_OK);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(t->db, &h), SQLITE_OK);
	exec_ok(h,
		"INSERT INTO person (id, case_key, family_name, given_names, sex, arrival_date, centre_id, "
		"arrival_mode, consent_data, consent_share, consent_date, created_at) VALUES "
		"(1, 'NY12500001K', 'Diallo', 'Mariam', 'f', '2025-01-02', 1, 'self', 1, 1, '2025-01-02', '2025-01-02'), "
		"(2, 'NY12500002K', 'Diallo', 'Awa', 'f', '2025-01-02', 1, 'self', 1, 1, '2025-01-02', '2025-01-02'), "
		"(3, 'NY12500003K', 'Diallo', 'Ali', 'm', '2025-01-02', 1, 'self', 1, 1, '2025-01-02', '2025-01-02'), "
		"(4, 'NY12500004K', 'Diallo', 'Oumar', 'm', '2025-01-02', 1, 'self', 1, 1, '2025-01-02', '2025-01-02');"
		"INSERT INTO family_link (person_id, relative_id, relation) VALUES "
		"(1, 2, 'child'), (2, 1, 'head'), (3, 2, 'guardian'), (2, 3, 'relative'), "
		"(1, 4, 'spouse'), (4, 1, 'spouse');");
	char uuid[64], v[128];
	q_text(h, "SELECT uuid FROM family_link WHERE person_id = 2 AND relative_id = 1", uuid, sizeof uuid);
	sqlite3_close(h);

	struct db *db;
	assert_int_equal(db_open(t->db, DB_EXISTING, &db, NULL, 0), ST_OK);
	db_close(&db);
	assert_int_equal(sqlite3_open(t->db, &h), SQLITE_OK);
	q_text(h, "SELECT group_concat(person_id || '>' || relative_id || ':' || relation, ' ') FROM "
	          "(SELECT * FROM family_link ORDER BY person_id, relative_id)", v, sizeof v);
	assert_string_equal(v, "1>2:child 1>4:spouse 2>1:parent 2>3:ward 3>2:guardian 4>1:spouse");
	q_text(h, "SELECT uuid FROM family_link WHERE person_id = 2 AND relative_id = 1", v, sizeof v);
	assert_string_equal(v, uuid);
	/* Still stamped, still refusing what the list does not hold. */
	exec_ok(h, "INSERT INTO family_link (person_id, relative_id, relation) VALUES (3, 4, 'member')");
	q_text(h, "SELECT (uuid IS NOT NULL) || (created IS NOT NULL) FROM family_link WHERE person_id = 3 "
	          "AND relative_id = 4", v, sizeof v);
	assert_string_equal(v, "11");
	assert_int_not_equal(sqlite3_exec(h, "INSERT INTO family_link VALUES (4, 3, 'cousin', NULL, NULL, NULL, NULL)",
	                                  NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

/* A person registered at T1 at AGZ; returns its id. */
static long long register_person(struct db *db)
{
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "Moussa");
	snprintf(p.given_names, sizeof p.given_names, "Halima");
	snprintf(p.other_names, sizeof p.other_names, "Alima");
	p.sex = 'f';
	snprintf(p.phone, sizeof p.phone, "+227 96 12 34 56");
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	snprintf(p.languages[0], sizeof p.languages[0], "hau");
	snprintf(p.docs[0].type, sizeof p.docs[0].type, "passport");
	snprintf(p.docs[0].number, sizeof p.docs[0].number, "AB123");
	p.flags[FLAG_PREGNANT] = true;
	assert_int_equal(person_save(db, &p, NULL, NULL, 0), ST_OK);
	return p.id;
}

/* Rows written by the data layer's functions. */
static void data_layer_rows_are_stamped(void **state)
{
	struct tmpdir *t = *state;
	clock_set(T1);
	struct db *db;
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(db, "amina", "Amina", ROLE_INTAKE, "AGZ", "fr", "a long password", NULL),
	                 ST_OK);
	assert_int_equal(user_add(db, "fatou", "Fatou", ROLE_MEDICAL, "AGZ", "fr", "a long password", NULL),
	                 ST_OK);
	db_set_actor(db, 1, "amina", ROLE_INTAKE, "test");
	long long a = register_person(db), b = register_person(db);
	long long stay = 0;
	sqlite3 *h = db_sqlite(db);
	stay = q_int(h, "SELECT max(id) FROM stay");
	bool given[SERVICE_COUNT_] = { true, true };
	assert_int_equal(stay_set_services(db, stay, given), ST_OK);
	/* Setting them again keeps the services that stay. */
	char kept[128], again[128];
	q_text(h, "SELECT group_concat(uuid) FROM stay_service WHERE service IN ('accommodation', 'food')",
	       kept, sizeof kept);
	given[SERVICE_NFI] = true;
	assert_int_equal(stay_set_services(db, stay, given), ST_OK);
	q_text(h, "SELECT group_concat(uuid) FROM stay_service WHERE service IN ('accommodation', 'food')",
	       again, sizeof again);
	assert_string_equal(kept, again);
	assert_int_equal(q_int(h, "SELECT count(*) FROM stay_service"), 3);
	db_set_actor(db, 2, "fatou", ROLE_MEDICAL, "test");
	struct consultation c;
	memset(&c, 0, sizeof c);
	c.person_id = a;
	snprintf(c.date, sizeof c.date, "2026-03-16");
	snprintf(c.centre_code, sizeof c.centre_code, "AGZ");
	snprintf(c.reason, sizeof c.reason, "malaria");
	assert_int_equal(consultation_save(db, &c), ST_OK);
	struct medical_case mc;
	memset(&mc, 0, sizeof mc);
	mc.person_id = a;
	snprintf(mc.condition, sizeof mc.condition, "pregnancy");
	snprintf(mc.opened, sizeof mc.opened, "2026-03-16");
	snprintf(mc.expected_delivery, sizeof mc.expected_delivery, "2026-09-01");
	snprintf(mc.centre_code, sizeof mc.centre_code, "AGZ");
	assert_int_equal(medical_case_save(db, &mc), ST_OK);
	assert_int_equal(medical_case_antenatal(db, mc.id, "2026-03-17", "ok"), ST_OK);
	assert_int_equal(fitness_record(db, b, "2026-03-18", "fit"), ST_OK);
	db_set_actor(db, 1, "amina", ROLE_INTAKE, "test");
	assert_int_equal(person_link(db, a, b, "spouse"), ST_OK);
	assert_stamped(h, true);
	char v[64];
	q_text(h, "SELECT created || ' ' || changed FROM consultation", v, sizeof v);
	assert_string_equal(v, "2026-03-20T10:00:00.000Z 2026-03-20T10:00:00.000Z");
	db_close(&db);
}

/* An edit moves the change time and keeps the uuid and creation time. */
static void update_moves_changed_keeps_uuid(void **state)
{
	struct tmpdir *t = *state;
	clock_set(T1);
	struct db *db;
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_INTAKE, "test");
	long long id = register_person(db);
	sqlite3 *h = db_sqlite(db);
	char before[128], after[128], sql[160];
	snprintf(sql, sizeof sql, "SELECT uuid || ' ' || created || ' ' || changed FROM person WHERE id = %lld", id);
	q_text(h, sql, before, sizeof before);

	clock_set(T2);
	struct person orig, p;
	assert_int_equal(person_get(db, id, &orig), ST_OK);
	p = orig;
	snprintf(p.family_name, sizeof p.family_name, "Moussa Issa");
	assert_int_equal(person_save(db, &p, &orig, NULL, 0), ST_OK);
	q_text(h, sql, after, sizeof after);
	/* Same uuid and creation time (the first 57 characters). */
	assert_memory_equal(before, after, 32 + 1 + 24);
	assert_string_equal(after + 58, "2026-03-21T08:30:00.000Z");
	assert_string_equal(before + 58, "2026-03-20T10:00:00.000Z");
	/* A uuid cannot be changed, even by hand. */
	assert_int_not_equal(sqlite3_exec(h, "UPDATE person SET uuid = 'x'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(h, "UPDATE stay SET created = 'x'", NULL, NULL, NULL), SQLITE_OK);
	db_close(&db);
}

/* The uuids, creation and change times of a person's list rows, in a
 * fixed order, into out. */
static void list_rows(sqlite3 *h, long long id, char *out, size_t size)
{
	char sql[600];
	snprintf(sql, sizeof sql,
	         "SELECT group_concat(x, ' ') FROM (SELECT 'L' || language || ':' || uuid || ':' || created "
	         "|| ':' || changed AS x FROM person_language WHERE person_id = %lld UNION ALL "
	         "SELECT 'D' || id || ':' || uuid || ':' || created || ':' || changed FROM person_document "
	         "WHERE person_id = %lld UNION ALL SELECT 'F' || flag || ':' || uuid || ':' || created "
	         "|| ':' || changed FROM person_flag WHERE person_id = %lld ORDER BY 1)", id, id, id);
	q_text(h, sql, out, size);
}

/* Saving a person keeps the rows of its lists that stay (same uuid, same
 * times), changes a document in place, and only adds or removes what was
 * added or removed. */
static void edits_keep_list_rows(void **state)
{
	struct tmpdir *t = *state;
	clock_set(T1);
	struct db *db;
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_INTAKE, "test");
	long long id = register_person(db);
	sqlite3 *h = db_sqlite(db);
	char before[1024], after[1024], sql[200];
	list_rows(h, id, before, sizeof before);

	clock_set(T2);
	struct person orig, p;
	assert_int_equal(person_get(db, id, &orig), ST_OK);
	p = orig;
	snprintf(p.given_names, sizeof p.given_names, "Halima Zara");
	assert_int_equal(person_save(db, &p, &orig, NULL, 0), ST_OK);
	list_rows(h, id, after, sizeof after);
	assert_string_equal(before, after);

	/* A document corrected: same row, same uuid, a new change time. */
	snprintf(sql, sizeof sql, "SELECT uuid FROM person_document WHERE person_id = %lld", id);
	q_text(h, sql, before, sizeof before);
	orig = p;
	snprintf(p.docs[0].number, sizeof p.docs[0].number, "AB124");
	snprintf(p.languages[1], sizeof p.languages[1], "fra");
	p.flags[FLAG_PREGNANT] = false;
	p.flags[FLAG_DISABILITY] = true;
	assert_int_equal(person_save(db, &p, &orig, NULL, 0), ST_OK);
	q_text(h, sql, after, sizeof after);
	assert_string_equal(before, after);
	snprintf(sql, sizeof sql, "SELECT number || ' ' || changed FROM person_document WHERE person_id = %lld", id);
	q_text(h, sql, after, sizeof after);
	assert_string_equal(after, "AB124 2026-03-21T08:30:00.000Z");
	snprintf(sql, sizeof sql, "SELECT group_concat(language || ' ' || created) FROM person_language "
	         "WHERE person_id = %lld", id);
	q_text(h, sql, after, sizeof after);
	assert_string_equal(after, "fra 2026-03-21T08:30:00.000Z,hau 2026-03-20T10:00:00.000Z");
	snprintf(sql, sizeof sql, "SELECT group_concat(flag) FROM person_flag WHERE person_id = %lld", id);
	q_text(h, sql, after, sizeof after);
	assert_string_equal(after, "disability");
	db_close(&db);
}

/* The demo generators, called as the program does. */
static void demo_rows_are_stamped(void **state)
{
	struct tmpdir *t = *state;
	clock_set(T1);
	struct db *db;
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(demo_fill(db, 300), ST_OK);
	assert_int_equal(demo_persons(db, &(struct demo_options){ .persons = 300, .seed = 7 }), ST_OK);
	assert_int_equal(demo_medical(db, &(struct demo_options){ .seed = 7 }), ST_OK);
	sqlite3 *h = db_sqlite(db);
	assert_stamped(h, true);
	char v[64];
	q_text(h, "SELECT min(created) || ' ' || max(changed) FROM stay_service", v, sizeof v);
	assert_string_equal(v, "2026-03-20T10:00:00.000Z 2026-03-20T10:00:00.000Z");
	db_close(&db);
}

/* The reintegration demo fills every table of the module, stamped. */
static void reint_demo_fills_every_table(void **state)
{
	struct tmpdir *t = *state;
	clock_set(T1);
	struct db *db;
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(demo_fill(db, 2000), ST_OK);
	assert_int_equal(demo_persons(db, &(struct demo_options){ .persons = 2000, .seed = 7 }), ST_OK);
	assert_int_equal(demo_reint(db, &(struct demo_options){ .seed = 7 }), ST_OK);
	assert_stamped_in(db_sqlite(db), reint_tables, NREINT, true);
	db_close(&db);
}

/* `taimako demo` on the command line. */
static void cli_demo_rows_are_stamped(void **state)
{
	struct tmpdir *t = *state;
	char *argv[] = { "demo", "--persons", "120", NULL };
	FILE *out = freopen("/dev/null", "w", stdout);
	assert_non_null(out);
	assert_int_equal(cmd_demo(t->db, false, 3, argv, module_table), 0);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(t->db, &h), SQLITE_OK);
	assert_stamped(h, false);
	assert_true(q_int(h, "SELECT count(*) FROM consultation") > 0);
	sqlite3_close(h);
}

/* Tables that need no identity: derived (rebuilt where they land), local
 * to one database, or frozen reference keys. Every other table, those of
 * modules to come included, must have it. */
static bool exempt(const char *table)
{
	static const char *const tables_without[] = {
		"person_search", "person_name_key", "name_typo", "name_word", "draft", "setting", "case_sequence", "country",
		"language",
		"dist_stock",   /* the balance: derived from the stock moves and servings */
		"dist_serving_year",   /* the servings summed by person, centre and year: derived */
	};
	if (strncmp(table, "sqlite_", 7) == 0 || strncmp(table, "person_search_", 14) == 0
	    || strncmp(table, "person_here", 11) == 0
	    || strncmp(table, "sync_", 5) == 0)   /* what sites exchanged: local bookkeeping (028) */
		return true;
	for (size_t i = 0; i < sizeof tables_without / sizeof tables_without[0]; i++)
		if (strcmp(table, tables_without[i]) == 0)
			return true;
	return false;
}

static void every_table_users_write_has_its_identity(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_close(&db);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(t->db, &h), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1,
	                                    &st, NULL), SQLITE_OK);
	int checked = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(st, 0);
		if (exempt(table))
			continue;
		char sql[512];
		snprintf(sql, sizeof sql,
		         "SELECT (SELECT count(*) FROM pragma_table_info('%s') WHERE name IN "
		         "('uuid', 'site', 'created', 'changed')) * 100 + "
		         "(SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = '%s_by_uuid') * 10 + "
		         "(SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name IN "
		         "('%s_stamp', '%s_changed', '%s_keep'))",
		         table, table, table, table, table);
		long long got = q_int(h, sql);
		/* The audit trail is never updated: its stamp only (its own
		 * triggers refuse the rest). */
		long long want = strcmp(table, "audit") == 0 ? 411 : 413;
		if (got != want)
			print_error("%s: 4 identity columns, the index %s_by_uuid and its triggers expected (%lld)\n", table,
			            table, got);
		assert_int_equal(got, want);
		checked++;
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	/* The tables whose rows the tests above check, at least. */
	assert_true(checked >= NTABLES);
}

static void uuid_format(void **state)
{
	(void)state;
	clock_set(T1);
	char a[ROWS_UUID_LEN + 1], b[ROWS_UUID_LEN + 1];
	rows_uuid(a);
	rows_uuid(b);
	assert_int_equal(strlen(a), 32);
	assert_string_not_equal(a, b);
	/* The time first (milliseconds, big-endian), version 7, variant 10. */
	char expect[16];
	snprintf(expect, sizeof expect, "%012llx", (unsigned long long)T1 * 1000ULL);
	assert_memory_equal(a, expect, 12);
	assert_int_equal(a[12], '7');
	assert_non_null(strchr("89ab", a[16]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(upgrade_fills_every_row, setup, teardown),
		cmocka_unit_test_setup_teardown(upgrade_names_parents_and_wards, setup, teardown),
		cmocka_unit_test_setup_teardown(data_layer_rows_are_stamped, setup, teardown),
		cmocka_unit_test_setup_teardown(update_moves_changed_keeps_uuid, setup, teardown),
		cmocka_unit_test_setup_teardown(edits_keep_list_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(demo_rows_are_stamped, setup, teardown),
		cmocka_unit_test_setup_teardown(reint_demo_fills_every_table, setup, teardown),
		cmocka_unit_test_setup_teardown(cli_demo_rows_are_stamped, setup, teardown),
		cmocka_unit_test_setup_teardown(uuid_format, setup, teardown),
		cmocka_unit_test_setup_teardown(every_table_users_write_has_its_identity, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
