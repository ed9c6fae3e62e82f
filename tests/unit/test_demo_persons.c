/* Synthetic people for demo databases: counts, case numbers and their
 * sequences, stays, family links, proportions, the search index,
 * determinism, refusals, and a sound database at the end. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/casenum.h"
#include "core/phone.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_private.h"
#include "db/person_private.h"
#include "demo/demo.h"
#include "demo/demo_persons.h"

#define PEOPLE 2000L
#define SEED 20261122u

struct fixture {
	struct tmpdir t;
	struct db *db;
};

/* A demo database (accounts and demo mark) open as the administrator. */
static struct db *open_demo(const char *path)
{
	struct db *db;
	assert_int_equal(db_open(path, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(demo_fill(db, 0), ST_OK);
	return db;
}

/* One integer from a query. */
static long long q_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int group_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	*state = f;
	tmpdir_make(&f->t);
	f->db = open_demo(f->t.db);
	enum status s = demo_persons(f->db, &(struct demo_options){ .persons = PEOPLE, .seed = SEED });
	if (s != ST_OK)
		print_error("demo_persons: %s\n", sqlite3_errmsg(db_sqlite(f->db)));
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
	assert_int_equal(q_int(db, "SELECT count(*) FROM person"), PEOPLE);
	assert_int_equal(q_int(db, "SELECT count(*) FROM person_search"), PEOPLE);
	/* Written in bulk, the lookup's indexes end merged: one segment each. */
	assert_int_equal(q_int(db, "SELECT count(DISTINCT segid) FROM person_search_idx"), 1);
	assert_int_equal(q_int(db, "SELECT count(DISTINCT segid) FROM person_here_idx"), 1);
	assert_int_equal(q_int(db, "SELECT count(*) FROM person p JOIN person_search s "
	                           "ON s.rowid = p.id"), PEOPLE);
	/* Everyone has a name key, one or two languages. */
	assert_int_equal(q_int(db, "SELECT count(DISTINCT person_id) FROM person_name_key"), PEOPLE);
	assert_int_equal(q_int(db, "SELECT count(DISTINCT person_id) FROM person_language"), PEOPLE);
	assert_int_equal(q_int(db, "SELECT count(*) FROM (SELECT person_id FROM person_language "
	                           "GROUP BY person_id HAVING count(*) > 2)"), 0);
	long long docs = q_int(db, "SELECT count(DISTINCT person_id) FROM person_document");
	assert_in_range(docs, PEOPLE * 20 / 100, PEOPLE * 40 / 100);
	long long phones = q_int(db, "SELECT count(*) FROM person WHERE phone != ''");
	assert_in_range(phones, PEOPLE * 30 / 100, PEOPLE * 50 / 100);
	/* One audit row for the whole run. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM audit WHERE entity = 'demo_persons' "
	                           "AND changes = '{\"persons\": 2000}'"), 1);
	/* Arrivals over 2016-2026, at every centre. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM person WHERE arrival_date < '2016-01-01' "
	                           "OR arrival_date > '2026-12-31'"), 0);
	assert_int_equal(q_int(db, "SELECT count(DISTINCT substr(arrival_date, 1, 4)) FROM person"), 11);
	assert_int_equal(q_int(db, "SELECT count(DISTINCT centre_id) FROM person"), 7);
	assert_true(q_int(db, "SELECT count(DISTINCT nationality) FROM person") >= 12);
}

static void case_numbers(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db),
		"SELECT p.case_key, c.code, p.arrival_date FROM person p JOIN centre c ON c.id = p.centre_id",
		-1, &st, NULL), SQLITE_OK);
	long rows = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		const char *code = (const char *)sqlite3_column_text(st, 1);
		const char *arrival = (const char *)sqlite3_column_text(st, 2);
		assert_true(casenum_valid(key));
		/* The arrival centre and year start the number. */
		assert_memory_equal(key, code, strlen(code));
		assert_memory_equal(key + strlen(code), arrival + 2, 2);
		rows++;
	}
	sqlite3_finalize(st);
	assert_int_equal(rows, PEOPLE);
	assert_int_equal(q_int(db, "SELECT count(DISTINCT case_key) FROM person"), PEOPLE);
	/* Every sequence used is below the next one a registration will take. */
	assert_int_equal(q_int(db,
		"SELECT count(*) FROM (SELECT centre_id, CAST(substr(arrival_date, 1, 4) AS INTEGER) AS y, "
		"max(CAST(substr(case_key, 6, length(case_key) - 6) AS INTEGER)) AS used "
		"FROM person GROUP BY 1, 2) u LEFT JOIN case_sequence s "
		"ON s.centre_id = u.centre_id AND s.year = u.y WHERE s.next IS NULL OR s.next <= u.used"), 0);
	/* And they start at 1, with few gaps (sequences without a check
	 * character are skipped). */
	assert_in_range(q_int(db, "SELECT sum(next - 1) FROM case_sequence"), PEOPLE, PEOPLE * 104 / 100);
}

static void stays(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_int_equal(q_int(db, "SELECT count(*) FROM person p WHERE NOT EXISTS "
	                           "(SELECT 1 FROM stay s WHERE s.person_id = p.id)"), 0);
	/* The first stay is at the arrival centre from the arrival date. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM person p WHERE NOT EXISTS "
	                           "(SELECT 1 FROM stay s WHERE s.person_id = p.id "
	                           "AND s.centre_id = p.centre_id AND s.admitted = p.arrival_date)"), 0);
	long long second = q_int(db, "SELECT count(*) FROM stay") - PEOPLE;
	assert_in_range(second, PEOPLE * 5 / 100, PEOPLE * 15 / 100);
	long long avr = q_int(db, "SELECT count(*) FROM stay WHERE departure_reason = 'avr'");
	long long left = q_int(db, "SELECT count(*) FROM stay WHERE departed IS NOT NULL");
	assert_true(avr * 2 > left);
	assert_true(q_int(db, "SELECT count(*) FROM stay WHERE departed IS NULL") > 0);
	/* Every stay has services, food and water nearly always. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM stay s WHERE NOT EXISTS "
	                           "(SELECT 1 FROM stay_service v WHERE v.stay_id = s.id)"), 0);
	long long food = q_int(db, "SELECT count(*) FROM stay_service WHERE service = 'food'");
	assert_true(food * 100 > q_int(db, "SELECT count(*) FROM stay") * 90);
}

static void families(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	assert_int_equal(q_int(db,
		"SELECT count(*) FROM family_link a WHERE NOT EXISTS (SELECT 1 FROM family_link b "
		"WHERE b.person_id = a.relative_id AND b.relative_id = a.person_id AND b.relation = "
		"CASE a.relation WHEN 'parent' THEN 'child' WHEN 'child' THEN 'parent' ELSE a.relation END)"), 0);
	long long members = q_int(db, "SELECT count(DISTINCT person_id) FROM family_link");
	assert_in_range(members, PEOPLE * 8 / 100, PEOPLE * 25 / 100);
	/* Families arrive together; accompanied children are in a family. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM family_link l JOIN person a ON a.id = l.person_id "
	                           "JOIN person b ON b.id = l.relative_id WHERE a.arrival_date != "
	                           "b.arrival_date OR a.centre_id != b.centre_id"), 0);
	assert_int_equal(q_int(db, "SELECT count(*) FROM person_flag f WHERE flag = 'accompanied_child' "
	                           "AND NOT EXISTS (SELECT 1 FROM family_link l "
	                           "WHERE l.person_id = f.person_id)"), 0);
	assert_true(q_int(db, "SELECT count(*) FROM family_link WHERE relation = 'spouse'") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM family_link WHERE relation = 'parent'") > 0);
}

static void proportions(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	long long known = q_int(db, "SELECT count(*) FROM person WHERE birth_date IS NOT NULL");
	long long children = q_int(db, "SELECT count(*) FROM person WHERE birth_date IS NOT NULL AND "
	                               "substr(arrival_date, 1, 4) - substr(birth_date, 1, 4) < 18");
	assert_in_range(children * 100 / known, 8, 25);
	long long male = q_int(db, "SELECT count(*) FROM person WHERE sex = 'm'");
	assert_in_range(male * 100 / PEOPLE, 60, 85);
	long long estimated = q_int(db, "SELECT count(*) FROM person WHERE birth_estimated = 1");
	assert_in_range(estimated * 100 / PEOPLE, 30, 70);
	assert_true(q_int(db, "SELECT count(*) FROM person WHERE birth_estimated = 1 "
	                      "AND length(birth_date) != 4") == 0);
	assert_true(PEOPLE - known > 0);
	long long trafficking = q_int(db, "SELECT count(DISTINCT person_id) FROM person_flag "
	                                  "WHERE flag LIKE 'trafficking%'");
	assert_in_range(trafficking * 1000 / PEOPLE, 10, 60);
	/* Zinder receives most victims of trafficking. */
	assert_true(q_int(db, "SELECT count(*) FROM person_flag f JOIN person p ON p.id = f.person_id "
	                      "JOIN centre c ON c.id = p.centre_id WHERE f.flag LIKE 'trafficking%' "
	                      "AND c.code = 'ZIN'") * 2 > trafficking);
	long long consent = q_int(db, "SELECT count(*) FROM person WHERE consent_data = 1");
	assert_true(consent * 100 > PEOPLE * 90);
	/* Phone keys are the digits with a country code (11 to 13 of them
	 * here), ending as the number does. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM person WHERE phone != '' AND "
	                           "(length(phone_key) NOT BETWEEN 11 AND 13 OR phone_key GLOB '0*' "
	                           "OR phone_key GLOB '*[^0-9]*' OR replace(replace(phone, ' ', ''), '+', '') "
	                           "NOT LIKE '%' || substr(phone_key, -8))"), 0);
}

static void search_index(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	/* Accents folded: "Aïssatou" found as typed without them. */
	assert_true(q_int(db, "SELECT count(*) FROM person WHERE given_names LIKE '%Aïssatou%'") > 0);
	assert_true(q_int(db, "SELECT count(*) FROM person_search WHERE person_search MATCH 'aissatou'")
	            > q_int(db, "SELECT count(*) FROM person WHERE given_names LIKE '%Aissatou%' "
	                        "OR other_names LIKE '%Aissatou%'"));
	/* Each person by case key and by phone key. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM person_search WHERE person_search MATCH "
	                           "(SELECT '\"' || case_key || '\"' FROM person WHERE id = 1)"), 1);
	assert_true(q_int(db, "SELECT count(*) FROM person_search WHERE rowid IN (SELECT id FROM person "
	                      "WHERE phone != '' LIMIT 1) AND person_search MATCH (SELECT '\"' || "
	                      "phone_key || '\"' FROM person WHERE phone != '' LIMIT 1)") == 1);
	/* Spelling variants and aliases exist. */
	assert_true(q_int(db, "SELECT count(*) FROM person WHERE other_names != ''") > PEOPLE / 50);
	assert_true(q_int(db, "SELECT count(DISTINCT family_name) FROM person") > 150);
}

/* Every value derived from what a person is (search text, name keys,
 * phone key) is what registration derives from the same person: the
 * program's own functions, recomputed here from the stored person. */
static void derived_as_registration_derives(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	sqlite3 *h = db_sqlite(db);
	sqlite3_stmt *ids, *text, *keys;
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT id, phone_key FROM person ORDER BY id", -1, &ids,
	                                    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT text FROM person_search WHERE rowid = ?1", -1,
	                                    &text, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT key FROM person_name_key WHERE person_id = ?1 "
	                                    "ORDER BY key", -1, &keys, NULL), SQLITE_OK);
	long checked = 0, differ_text = 0, differ_keys = 0, differ_phone = 0;
	struct person *p = malloc(sizeof *p);
	assert_non_null(p);
	while (sqlite3_step(ids) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(ids, 0);
		assert_int_equal(person_read(db, id, p), ST_OK);
		char want[2048], phone_key[PHONE_KEY_SIZE];
		person_index_text(p, "227", want, sizeof want);
		sqlite3_bind_int64(text, 1, id);
		assert_int_equal(sqlite3_step(text), SQLITE_ROW);
		if (strcmp((const char *)sqlite3_column_text(text, 0), want) != 0 && differ_text++ == 0)
			print_message("person %lld: search text '%s', registration makes '%s'\n", id,
			              (const char *)sqlite3_column_text(text, 0), want);
		sqlite3_reset(text);
		person_phone_key(p->phone, "227", phone_key, sizeof phone_key);
		differ_phone += strcmp((const char *)sqlite3_column_text(ids, 1), phone_key) != 0;

		/* The name keys, as sorted sets. */
		char k[PERSON_MAX_KEYS][NAMES_KEY_MAX], got[PERSON_MAX_KEYS * NAMES_KEY_MAX] = "",
		     expect[PERSON_MAX_KEYS * NAMES_KEY_MAX] = "";
		int n = person_name_keys(p, k, PERSON_MAX_KEYS);
		for (int i = 0; i < n; i++)       /* insertion sort, n <= 24 */
			for (int j = i; j > 0 && strcmp(k[j - 1], k[j]) > 0; j--) {
				char t[NAMES_KEY_MAX];
				memcpy(t, k[j], sizeof t);
				memcpy(k[j], k[j - 1], sizeof t);
				memcpy(k[j - 1], t, sizeof t);
			}
		for (int i = 0; i < n; i++) {
			strcat(expect, k[i]);
			strcat(expect, " ");
		}
		sqlite3_bind_int64(keys, 1, id);
		while (sqlite3_step(keys) == SQLITE_ROW) {
			strcat(got, (const char *)sqlite3_column_text(keys, 0));
			strcat(got, " ");
		}
		sqlite3_reset(keys);
		differ_keys += strcmp(got, expect) != 0;
		checked++;
	}
	free(p);
	sqlite3_finalize(ids);
	sqlite3_finalize(text);
	sqlite3_finalize(keys);
	assert_int_equal(checked, PEOPLE);
	assert_int_equal(differ_text, 0);
	assert_int_equal(differ_keys, 0);
	assert_int_equal(differ_phone, 0);
}

static void sound_database(void **state)
{
	struct db *db = ((struct fixture *)*state)->db;
	char detail[200];
	assert_int_equal(db_integrity(db, detail, sizeof detail), ST_OK);
	assert_int_equal(q_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	assert_int_equal(q_int(db, "PRAGMA synchronous"), 2); /* FULL again */
	assert_int_equal(q_int(db, "PRAGMA foreign_keys"), 1);
}

/* The first people of a database, as one text. */
static void first_people(struct db *db, char *out, size_t size)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), "SELECT case_key, family_name, given_names "
	                                    "FROM person ORDER BY id LIMIT 10", -1, &st, NULL), SQLITE_OK);
	out[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t len = strlen(out);
		snprintf(out + len, size - len, "%s %s %s\n", sqlite3_column_text(st, 0),
		         sqlite3_column_text(st, 1), sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
}

static void same_seed_same_people(void **state)
{
	struct fixture *f = *state;
	char first[2048], again[2048], other[2048];
	first_people(f->db, first, sizeof first);
	char path[320];
	snprintf(path, sizeof path, "%s/again.db", f->t.dir);
	struct db *db = open_demo(path);
	assert_int_equal(demo_persons(db, &(struct demo_options){ .persons = PEOPLE, .seed = SEED }), ST_OK);
	first_people(db, again, sizeof again);
	db_close(&db);
	assert_string_equal(first, again);

	snprintf(path, sizeof path, "%s/other.db", f->t.dir);
	db = open_demo(path);
	assert_int_equal(demo_persons(db, &(struct demo_options){ .persons = PEOPLE, .seed = SEED + 1 }), ST_OK);
	first_people(db, other, sizeof other);
	db_close(&db);
	assert_string_not_equal(first, other);
}

static void count_calls(long done, long total, void *ctx)
{
	long *calls = ctx;
	assert_int_equal(total, 25000);
	assert_true(done >= calls[1] && done <= total);
	calls[0]++;
	calls[1] = done;
}

static void progress_and_batches(void **state)
{
	struct fixture *f = *state;
	char path[320];
	snprintf(path, sizeof path, "%s/progress.db", f->t.dir);
	struct db *db = open_demo(path);
	long long cache = q_int(db, "PRAGMA cache_size");
	long calls[2] = { 0, 0 };
	assert_int_equal(demo_persons(db, &(struct demo_options){ .persons = 25000, .seed = 7, .progress = count_calls, .ctx = calls }), ST_OK);
	assert_int_equal(q_int(db, "PRAGMA cache_size"), cache); /* put back */
	assert_int_equal(calls[0], 3);          /* 10,000, 20,000 and the end */
	assert_int_equal(calls[1], 25000);
	assert_int_equal(q_int(db, "SELECT count(*) FROM person"), 25000);
	/* More people later continue the numbering. */
	assert_int_equal(demo_persons(db, &(struct demo_options){ .persons = 10, .seed = 8 }), ST_OK);
	assert_int_equal(q_int(db, "SELECT count(DISTINCT case_key) FROM person"), 25010);
	assert_int_equal(q_int(db, "SELECT count(*) FROM person WHERE id > 25000 AND case_key IN "
	                           "(SELECT case_key FROM person WHERE id <= 25000)"), 0);
	db_close(&db);
}

static void refusals(void **state)
{
	struct fixture *f = *state;
	char path[320];
	snprintf(path, sizeof path, "%s/refused.db", f->t.dir);
	struct db *db = open_demo(path);
	assert_int_equal(demo_persons(db, &(struct demo_options){ .persons = -1, .seed = 1 }), ST_INVALID);
	db_set_actor(db, 3, "intake", ROLE_INTAKE, "local");
	assert_int_equal(demo_persons(db, &(struct demo_options){ .persons = 10, .seed = 1 }), ST_DENIED);
	db_set_actor(db, 0, "test", -1, "test");
	assert_int_equal(demo_persons(db, &(struct demo_options){ .persons = 10, .seed = 1 }), ST_DENIED);
	assert_int_equal(q_int(db, "SELECT count(*) FROM person"), 0);
	db_close(&db);

	/* Never into a real database. */
	snprintf(path, sizeof path, "%s/real.db", f->t.dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(demo_persons(db, &(struct demo_options){ .persons = 10, .seed = 1 }), ST_INVALID);
	assert_int_equal(q_int(db, "SELECT count(*) FROM person"), 0);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts),
		cmocka_unit_test(case_numbers),
		cmocka_unit_test(stays),
		cmocka_unit_test(families),
		cmocka_unit_test(proportions),
		cmocka_unit_test(search_index),
		cmocka_unit_test(derived_as_registration_derives),
		cmocka_unit_test(sound_database),
		cmocka_unit_test(same_seed_same_people),
		cmocka_unit_test(progress_and_batches),
		cmocka_unit_test(refusals),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
