/* The report engine against a known data set written in SQL: the periods
 * it reads, the age groups and their roll-ups, a person counted once in a
 * line of people and each event in a line of events, age at the event,
 * the centre's bounds, cancelling, and the roles refused. */
#include "core/report.h"
#include "db/audit.h"
#include "db/report.h"
#include "db/report_registration.h"
#include "psych_report_fixture.h"

static void exec_sql(struct fixture *f, const char *text)
{
	char *err = NULL;
	if (sqlite3_exec(db_sqlite(f->db), text, NULL, NULL, &err) != SQLITE_OK)
		print_error("%s\n", err);
	assert_null(err);
}

#define ZIN "(SELECT id FROM centre WHERE code = 'ZIN')"
#define AGZ "(SELECT id FROM centre WHERE code = 'AGZ')"

static void periods(void **state)
{
	(void)state;
	struct report_period p;
	assert_true(report_period_parse("2018", &p));
	assert_string_equal(p.from, "2018-01-01");
	assert_string_equal(p.to, "2019-01-01");
	assert_true(report_period_parse(" 2018-Q4 ", &p));
	assert_string_equal(p.from, "2018-10-01");
	assert_string_equal(p.to, "2019-01-01");
	assert_string_equal(p.text, "2018-Q4");
	assert_true(report_period_parse("Q2/2018", &p));
	assert_string_equal(p.from, "2018-04-01");
	assert_string_equal(p.to, "2018-07-01");
	assert_true(report_period_parse("02/2024", &p));
	assert_string_equal(p.from, "2024-02-01");
	assert_string_equal(p.to, "2024-03-01");
	assert_true(report_period_parse("2024-12", &p));
	assert_string_equal(p.to, "2025-01-01");
	assert_true(report_period_parse("01/03/2024..31/03/2024", &p));
	assert_string_equal(p.from, "2024-03-01");
	assert_string_equal(p.to, "2024-04-01");
	assert_true(report_period_parse("2024-02-29..2024-02-29", &p));
	assert_string_equal(p.to, "2024-03-01");
	assert_true(report_period_parse("2024-12-31..2024-12-31", &p));
	assert_string_equal(p.to, "2025-01-01");
	assert_false(report_period_parse("2024-03-02..2024-03-01", &p));
	assert_false(report_period_parse("2018-Q5", &p));
	assert_false(report_period_parse("18", &p));
	assert_false(report_period_parse("", &p));
	assert_false(report_period_parse("2023-02-29..2023-03-01", &p));
	assert_false(report_period_parse("1800", &p));
}

static void groups(void **state)
{
	(void)state;
	assert_int_equal(report_age_group(-1), REPORT_AGE_UNKNOWN);
	assert_int_equal(report_age_group(0), REPORT_AGE_0_4);
	assert_int_equal(report_age_group(4), REPORT_AGE_0_4);
	assert_int_equal(report_age_group(5), REPORT_AGE_5_11);
	assert_int_equal(report_age_group(14), REPORT_AGE_12_14);
	assert_int_equal(report_age_group(17), REPORT_AGE_15_17);
	assert_int_equal(report_age_group(18), REPORT_AGE_18_24);
	assert_int_equal(report_age_group(59), REPORT_AGE_25_59);
	assert_int_equal(report_age_group(60), REPORT_AGE_60_UP);
	struct report_counts *c = calloc(1, sizeof *c);
	report_counts_add(c, 'm', 10, false, "NGA");   /* boy */
	report_counts_add(c, 'f', 16, true, "NER");    /* girl, community */
	report_counts_add(c, 'm', 30, false, "NGA");   /* man */
	report_counts_add(c, 'f', 61, false, "MLI");   /* woman */
	report_counts_add(c, 'x', 20, false, NULL);    /* unknown sex */
	report_counts_add(c, 'f', -1, false, "");      /* unknown age */
	assert_int_equal(c->total, 6);
	const char *labels[REPORT_COLS_MAX], *hxl[REPORT_COLS_MAX];
	int n = report_columns(REPORT_BY_GROUP, labels, hxl);
	assert_int_equal(n, 6);
	long want_group[] = { 1, 1, 1, 1, 2, 6 };
	for (int i = 0; i < n; i++)
		assert_int_equal(report_column_value(REPORT_BY_GROUP, i, c), want_group[i]);
	n = report_columns(REPORT_BY_SEX, labels, hxl);
	long want_sex[] = { 3, 2, 1, 6 };
	for (int i = 0; i < n; i++)
		assert_int_equal(report_column_value(REPORT_BY_SEX, i, c), want_sex[i]);
	n = report_columns(REPORT_BY_CHILD_ADULT, labels, hxl);
	long want_ca[] = { 2, 3, 1, 6 };
	for (int i = 0; i < n; i++)
		assert_int_equal(report_column_value(REPORT_BY_CHILD_ADULT, i, c), want_ca[i]);
	n = report_columns(REPORT_BY_ORIGIN, labels, hxl);
	assert_int_equal(report_column_value(REPORT_BY_ORIGIN, 0, c), 5);
	assert_int_equal(report_column_value(REPORT_BY_ORIGIN, 1, c), 1);
	assert_string_equal(hxl[n - 1], "");
	assert_int_equal(c->nnat, 3);
	assert_int_equal(c->nat_unknown, 2);
	assert_int_equal(c->nat[0].n, 2);
	assert_int_equal(report_by_parse("group"), REPORT_BY_GROUP);
	assert_int_equal(report_by_parse("nope"), -1);
	free(c);
}

static void known_data(struct fixture *f)
{
	exec_sql(f,
	         "INSERT INTO person (id, case_key, family_name, given_names, sex, birth_date, nationality, arrival_date, "
	         "centre_id, arrival_mode, consent_data, consent_share, consent_date, created_at) "
	         "SELECT 100 + n, 'KEY' || n, 'Family', 'Given', sex, birth, 'NGA', arr, c, 'rescue', 1, 0, "
	         "'2025-01-01', '2025-01-01T00:00:00Z' FROM (SELECT 1 AS n, 'm' AS sex, '2008-06-01' AS birth, "
	         "'2025-12-20' AS arr, " ZIN " AS c "
	         "UNION ALL SELECT 2, 'f', '1990-01-01', '2026-02-01', " ZIN " "
	         "UNION ALL SELECT 3, 'f', NULL, '2026-03-01', " AGZ ");"
	         /* 101 turns 18 on 2026-06-01: a boy at his first stay of 2026, admitted twice. */
	         "INSERT INTO stay (person_id, centre_id, admitted, departed, departure_reason) VALUES "
	         "(101, " ZIN ", '2025-12-20', '2026-01-10', 'left'), "
	         "(101, " ZIN ", '2026-07-01', '2026-07-20', 'avr'), "
	         "(102, " ZIN ", '2026-02-01', NULL, NULL), "
	         "(103, " AGZ ", '2026-03-01', NULL, NULL);");
}

static long line_total(const struct report_result *r, const char *key)
{
	for (int i = 0; i < r->nlines; i++)
		if (strcmp(r->def->lines[i].key, key) == 0)
			return r->lines[i].total;
	fail_msg("no line %s", key);
	return -1;
}

static void intake_table(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	sign_in(f, ROLE_MANAGER);
	struct report_period p;
	assert_true(report_period_parse("2026", &p));
	struct report_result *r = calloc(1, sizeof *r);
	assert_int_equal(report_compute(f->db, &report_intake, &p, "ZIN", NULL, NULL, r), ST_OK);
	assert_false(r->cancelled);
	assert_int_equal(line_total(r, "registered"), 1);
	assert_int_equal(line_total(r, "staying"), 2);      /* 101 once although two stays */
	assert_int_equal(line_total(r, "admissions"), 2);   /* 101's second stay and 102's */
	assert_int_equal(line_total(r, "departures"), 2);
	assert_int_equal(line_total(r, "departures_avr"), 1);
	/* 101 counted at his first event of the year (2026-01-01): a boy. */
	assert_int_equal(report_column_value(REPORT_BY_GROUP, 0, &r->lines[1]), 1);
	assert_int_equal(report_column_value(REPORT_BY_GROUP, 3, &r->lines[1]), 1);
	/* His second admission: 18 on the day of the event, a man. */
	assert_int_equal(report_column_value(REPORT_BY_GROUP, 2, &r->lines[2]), 1);
	assert_int_equal(report_compute(f->db, &report_intake, &p, "", NULL, NULL, r), ST_OK);
	assert_int_equal(line_total(r, "staying"), 3);
	assert_int_equal(report_column_value(REPORT_BY_AGE, REPORT_AGE_UNKNOWN, &r->lines[1]), 1);
	assert_int_equal(report_compute(f->db, &report_intake, &p, "XXX", NULL, NULL, r), ST_NOT_FOUND);
	free(r);
}

static bool stop_at_two(int done, int total, void *ctx)
{
	(void)total;
	(*(int *)ctx)++;
	return done < 2;
}

static void cancel_and_refuse(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	sign_in(f, ROLE_MANAGER);
	struct report_period p;
	assert_true(report_period_parse("2026", &p));
	struct report_result *r = calloc(1, sizeof *r);
	int calls = 0;
	assert_int_equal(report_compute(f->db, &report_intake, &p, "", stop_at_two, &calls, r), ST_OK);
	assert_true(r->cancelled);
	assert_int_equal(r->nlines, 2);
	assert_true(calls >= 3);
	sign_in(f, ROLE_INTAKE);
	long long before = audit_count(f->db);
	assert_int_equal(report_compute(f->db, &report_intake, &p, "", NULL, NULL, r), ST_DENIED);
	assert_true(audit_count(f->db) > before);   /* the refusal is in the trail */
	free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(periods),
		cmocka_unit_test(groups),
		cmocka_unit_test_setup_teardown(intake_table, setup, teardown),
		cmocka_unit_test_setup_teardown(cancel_and_refuse, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
