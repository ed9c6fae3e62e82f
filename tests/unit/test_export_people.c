/* The pseudonymised person-level export: pseudonyms stable across runs
 * and recipients' spellings, distinct per recipient and per person (10,000
 * people, no collision), nothing of a name, phone, document or case number
 * in any column, people who refused data collection left out, the rows of
 * a known person, the roles refused, the audit row (never the rows, never
 * the secret); the threshold setting and the centres' P-codes. */
#include "core/report.h"
#include "core/report_out.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/export_people.h"
#include "psych_report_fixture.h"

#define PEOPLE 10000

static void exec_sql(struct fixture *f, const char *text)
{
	char *err = NULL;
	if (sqlite3_exec(db_sqlite(f->db), text, NULL, NULL, &err) != SQLITE_OK)
		print_error("%s\n", err);
	assert_null(err);
}

/* 10,000 people with a stay in 2026 (names, phones, documents and case
 * numbers all recognisable): person 1 refused data collection, person 3
 * did not consent to sharing; person 2 known in detail. */
static void known_data(struct fixture *f)
{
	exec_sql(f,
	         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
	         "INSERT INTO person (id, case_key, family_name, given_names, other_names, sex, birth_date, nationality, "
	         "phone, phone_key, arrival_date, centre_id, arrival_mode, consent_data, consent_share, consent_date, "
	         "created_at) SELECT i, 'KEY9ZZ' || i, 'Famzz' || i, 'Givzz' || i, 'Aliaszz' || i, "
	         "CASE i % 3 WHEN 0 THEN 'f' WHEN 1 THEN 'm' ELSE 'x' END, '1990-05-17', 'NGA', '+22799' || i, "
	         "'99' || i, '2026-02-03', (SELECT id FROM centre WHERE code = 'AGZ'), 'rescue', i != 1, i > 3, "
	         "'2026-02-03', '2026-02-03T00:00:00Z' FROM n;"
	         "INSERT INTO stay (person_id, centre_id, admitted) SELECT id, centre_id, '2026-02-03' FROM person;"
	         "INSERT INTO person_document (person_id, doc_type, number) SELECT id, 'passport', 'DOC9ZZ' || id "
	         "FROM person;"
	         /* Person 2: born 2010-06-01, a boy of 15 on 2026-01-01 although 16 at his stay in Zinder;
	            two stays of 2026, the last ended by a return; a flag with a note. */
	         "UPDATE person SET consent_share = 1, sex = 'm', birth_date = '2010-06-01', "
	         "arrival_date = '2025-11-20', nationality = 'MLI' WHERE id = 2;"
	         "DELETE FROM stay WHERE person_id = 2;"
	         "INSERT INTO stay (person_id, centre_id, admitted, departed, departure_reason) VALUES "
	         "(2, (SELECT id FROM centre WHERE code = 'ZIN'), '2025-11-20', '2026-01-10', 'left'), "
	         "(2, (SELECT id FROM centre WHERE code = 'AGZ'), '2026-07-01', '2026-07-20', 'avr');"
	         "INSERT INTO person_flag (person_id, flag, note) VALUES (2, 'unaccompanied_child', ''), "
	         "(2, 'other', 'Notezz secret');");
}

struct rows {
	long n;
	char (*pseudonym)[EXPORT_PSEUDONYM_CHARS + 1];
	struct export_person two;   /* the row of person 2 (found by its stays) */
	bool leak;
};

/* True when s holds anything of a person's identity as stored. */
/* The marks hold a 9 or lower-case letters, never all in Base32's alphabet
 * (A-Z, 2-7): a pseudonym cannot hold one by chance. */
static bool identifying(const char *s)
{
	static const char *const marks[] = {
		"Famzz", "Givzz", "Aliaszz", "KEY9ZZ", "DOC9ZZ", "Notezz", "+227", "1990-05-17", "2010-06-01",
	};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (strstr(s, marks[i]))
			return true;
	return false;
}

static void collect(const struct export_person *p, void *ctx)
{
	struct rows *r = ctx;
	assert_true(r->n < PEOPLE);
	memcpy(r->pseudonym[r->n++], p->pseudonym, sizeof r->pseudonym[0]);
	if (p->stays == 2)
		r->two = *p;
	const char *fields[] = { p->pseudonym, p->nationality, p->centre, p->arrival_month, p->departure };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		r->leak = r->leak || identifying(fields[i]);
}

static struct rows run(struct fixture *f, const char *recipient, const char *period, const char *centre)
{
	struct rows r = { 0 };
	r.pseudonym = calloc(PEOPLE, sizeof r.pseudonym[0]);
	struct report_period p;
	assert_true(report_period_parse(period, &p));
	long n = -1;
	assert_int_equal(export_people(f->db, recipient, &p, centre, collect, &r, &n), ST_OK);
	assert_int_equal(n, r.n);
	assert_false(r.leak);
	return r;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void pseudonyms(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	sign_in(f, ROLE_MANAGER);
	struct rows a = run(f, "UNHCR Niamey", "2026", "");
	assert_int_equal(a.n, PEOPLE - 2);   /* person 1 refused, person 3 did not consent to sharing */
	/* Base32, 16 characters. */
	for (long i = 0; i < a.n; i++) {
		assert_int_equal(strlen(a.pseudonym[i]), EXPORT_PSEUDONYM_CHARS);
		assert_int_equal(strspn(a.pseudonym[i], "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), EXPORT_PSEUDONYM_CHARS);
	}
	/* Stable across runs, a reopened database and spellings of the name. */
	db_close(&f->db);
	assert_int_equal(db_open(f->t.db, DB_EXISTING, &f->db, NULL, 0), ST_OK);
	sign_in(f, ROLE_MANAGER);
	struct rows again = run(f, "  unhcr niamey ", "2026", "");
	assert_int_equal(again.n, a.n);
	assert_memory_equal(again.pseudonym, a.pseudonym, (size_t)a.n * sizeof a.pseudonym[0]);
	/* Another recipient: every person's pseudonym differs. */
	struct rows b = run(f, "IOM", "2026", "");
	assert_int_equal(b.n, a.n);
	for (long i = 0; i < a.n; i++)
		assert_string_not_equal(a.pseudonym[i], b.pseudonym[i]);
	/* No two people share one. */
	qsort(a.pseudonym, (size_t)a.n, sizeof a.pseudonym[0], by_text);
	for (long i = 1; i < a.n; i++)
		assert_string_not_equal(a.pseudonym[i - 1], a.pseudonym[i]);
	/* The secret stays in the database, never in the trail. */
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db),
	                                    "SELECT count(*) FROM audit, setting WHERE setting.key = '" EXPORT_SECRET_KEY
	                                    "' AND instr(coalesce(audit.changes, ''), setting.value) > 0",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	free(a.pseudonym), free(again.pseudonym), free(b.pseudonym);
}

static void known_person(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	sign_in(f, ROLE_MANAGER);
	struct rows r = run(f, "UNHCR", "2026", "");
	const struct export_person *p = &r.two;
	assert_int_equal(p->stays, 2);
	assert_int_equal(p->sex, 'm');
	assert_int_equal(p->age_group, REPORT_AGE_15_17);   /* 15 on 2026-01-01 */
	assert_string_equal(p->nationality, "MLI");
	assert_string_equal(p->centre, "ZIN");               /* the first stay of the period */
	assert_string_equal(p->arrival_month, "2025-11");
	assert_false(p->community);
	assert_string_equal(p->departure, "avr");            /* the last stay of the period */
	unsigned want = 1u << (unsigned)vocab_index(VOCAB_FLAG, "unaccompanied_child") |
	                1u << (unsigned)vocab_index(VOCAB_FLAG, "other");
	assert_int_equal(p->flags, want);
	free(r.pseudonym);
	/* Zinder alone: person 2 only; 2025: person 2 only (the others came in 2026). */
	r = run(f, "UNHCR", "2026", "ZIN");
	assert_int_equal(r.n, 1);
	free(r.pseudonym);
	r = run(f, "UNHCR", "2025", "");
	assert_int_equal(r.n, 1);
	free(r.pseudonym);
	r = run(f, "UNHCR", "2024", "");
	assert_int_equal(r.n, 0);
	free(r.pseudonym);
}

static void audit_and_refusals(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	sign_in(f, ROLE_MANAGER);
	long long before = audit_count(f->db);
	struct rows r = run(f, "UNHCR", "2026-Q1", "AGZ");
	assert_int_equal(r.n, PEOPLE - 3);   /* not person 2 either: at ZIN then */
	/* The secret made once (one row), the export (one row). */
	assert_int_equal(audit_count(f->db), before + 2);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db),
	                                    "SELECT action, entity, changes FROM audit ORDER BY id DESC LIMIT 1", -1,
	                                    &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "export");
	assert_string_equal((const char *)sqlite3_column_text(st, 1), "person");
	const char *changes = (const char *)sqlite3_column_text(st, 2);
	if (getenv("SHOW"))
		fprintf(stderr, "%s\n", changes);
	assert_non_null(strstr(changes, "\"recipient\": \"UNHCR\""));
	assert_non_null(strstr(changes, "\"period\": \"2026-Q1\""));
	assert_non_null(strstr(changes, "\"centre\": \"AGZ\""));
	assert_non_null(strstr(changes, "\"rows\": 9997"));
	assert_null(strstr(changes, r.pseudonym[0]));
	sqlite3_finalize(st);
	free(r.pseudonym);
	before = audit_count(f->db);
	r = run(f, "IOM", "2026", "");   /* the secret exists: one row */
	assert_int_equal(audit_count(f->db), before + 1);
	free(r.pseudonym);

	struct report_period p;
	assert_true(report_period_parse("2026", &p));
	long n;
	struct rows none = { 0 };
	assert_int_equal(export_people(f->db, "   ", &p, "", collect, &none, &n), ST_INVALID);
	assert_int_equal(export_people(f->db, "UNHCR", &p, "XYZ", collect, &none, &n), ST_NOT_FOUND);
	enum role refused[] = { ROLE_ADMIN, ROLE_INTAKE, ROLE_MEDICAL, ROLE_PROTECTION };
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		sign_in(f, refused[i]);
		before = audit_count(f->db);
		assert_int_equal(export_people(f->db, "UNHCR", &p, "", collect, &none, &n), ST_DENIED);
		assert_int_equal(n, 0);
		assert_true(audit_count(f->db) > before);   /* the refusal is in the trail */
		int t;
		assert_int_equal(report_suppress_setting(f->db, &t), ST_DENIED);
	}
}

static void settings(void **state)
{
	struct fixture *f = *state;
	sign_in(f, ROLE_MANAGER);
	int t = -1;
	assert_int_equal(report_suppress_setting(f->db, &t), ST_OK);
	assert_int_equal(t, REPORT_SUPPRESS_DEFAULT);
	exec_sql(f, "INSERT INTO setting (key, value) VALUES ('" REPORT_SUPPRESS_KEY "', '9')");
	assert_int_equal(report_suppress_setting(f->db, &t), ST_OK);
	assert_int_equal(t, 9);
	exec_sql(f, "UPDATE setting SET value = 'many' WHERE key = '" REPORT_SUPPRESS_KEY "'");
	assert_int_equal(report_suppress_setting(f->db, &t), ST_OK);
	assert_int_equal(t, REPORT_SUPPRESS_DEFAULT);
	char code[16];
	static const char *const pcodes[][2] = {
		{ "NY1", "NE008" }, { "NY2", "NE008" }, { "NY3", "NE008" }, { "AGZ", "NE001" },
		{ "ARL", "NE001" }, { "DRK", "NE001" }, { "ZIN", "NE007" },
	};
	for (size_t i = 0; i < sizeof pcodes / sizeof pcodes[0]; i++) {
		assert_int_equal(report_centre_pcode(f->db, pcodes[i][0], code, sizeof code), ST_OK);
		assert_string_equal(code, pcodes[i][1]);
	}
	assert_int_equal(report_centre_pcode(f->db, "", code, sizeof code), ST_OK);
	assert_string_equal(code, "");
	assert_int_equal(report_centre_pcode(f->db, "XYZ", code, sizeof code), ST_NOT_FOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(pseudonyms, setup, teardown),
		cmocka_unit_test_setup_teardown(known_person, setup, teardown),
		cmocka_unit_test_setup_teardown(audit_and_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(settings, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
