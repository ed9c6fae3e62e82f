/* Medical follow-up lists in the data layer: the follow-up list (soonest
 * first, paging, a status read while listing), the day's register, the
 * monthly counts of a known month, and the query plans of the lists. */
#include "core/clock.h"
#include "core/date.h"
#include "medical_fixture.h"

/* Reads the status in the middle of a list: the list holds no statement. */
static void status_while_listing(const struct followup *fu, void *ctx)
{
	struct fixture *f = ctx;
	struct medical_status ms;
	assert_int_equal(medical_status_get(f->db, fu->person_id, &ms), ST_OK);
	assert_true(ms.under_followup);
	assert_string_equal(ms.next_appointment, fu->due);
	assert_int_equal(fitness_record(f->db, fu->person_id, "2026-04-01", "fit"), ST_OK);
}

static struct followups followups(struct fixture *f, const char *centre, const char *today,
                                  const struct followup *after, int limit)
{
	struct followups fu = { 0 };
	assert_int_equal(followup_list(f->db, centre, today, PAGE_AFTER, after, limit, collect_followup, &fu, NULL),
	                 ST_OK);
	return fu;
}

static void followups_soonest_first_latest_consultation_only(void **state)
{
	struct fixture *f = *state;
	long long a = add_person(f, "Traoré", "Aïssa", 'f', "2003-02-01", false);
	long long b = add_person(f, "Diallo", "Mamadou", 'm', "1990", false);
	long long c = add_person(f, "Sow", "Awa", 'f', "", false);
	long long d = add_person(f, "Bello", "Ali", 'm', "2000", true);
	long long e = add_person(f, "Issoufou", "Zara", 'f', "1995", false);
	record(f, a, "2026-04-01", "malaria", "2026-04-15", "AGZ");
	record(f, b, "2026-04-02", "injury", "2026-04-25", "AGZ");
	long long cc = record(f, c, "2026-04-03", "skin", "2026-04-15", "AGZ");
	record(f, d, "2026-04-04", "other", "", "AGZ");
	record(f, e, "2026-04-05", "malaria", "2026-04-16", "ARL");

	struct followups fu = followups(f, "AGZ", "2026-04-20", NULL, 10);
	assert_int_equal(fu.n, 3);
	assert_int_equal(fu.f[0].person_id, a);   /* same day as c: by person */
	assert_int_equal(fu.f[1].person_id, c);
	assert_int_equal(fu.f[1].consultation_id, cc);
	assert_int_equal(fu.f[2].person_id, b);
	assert_string_equal(fu.f[0].name, "TRAORÉ Aïssa");
	assert_string_equal(fu.f[2].name, "DIALLO Mamadou");
	assert_true(fu.f[0].case_key[0] != '\0');
	assert_string_equal(fu.f[0].due, "2026-04-15");
	assert_true(fu.f[0].overdue && fu.f[1].overdue);
	assert_false(fu.f[2].overdue);
	fu = followups(f, "AGZ", "2026-04-15", NULL, 10);   /* due today is not overdue */
	assert_false(fu.f[0].overdue || fu.f[1].overdue || fu.f[2].overdue);
	struct followups all = followups(f, "AGZ", "2026-04-20", NULL, 10);
	fu = followups(f, "AGZ", "2026-04-20", &all.f[0], 1);
	assert_int_equal(fu.n, 1);
	assert_int_equal(fu.f[0].person_id, c);
	assert_int_equal(followups(f, "AGZ", "2026-04-20", &all.f[2], 10).n, 0);
	assert_int_equal(followups(f, "AGZ", "2026-04-20", NULL, 0).n, 0);
	/* Paged by key both ways, saying when more remain. */
	bool more;
	fu.n = 0;
	assert_int_equal(followup_list(f->db, "AGZ", "2026-04-20", PAGE_AFTER, &all.f[0], 1, collect_followup, &fu,
	                               &more), ST_OK);
	assert_true(more);
	fu.n = 0;
	assert_int_equal(followup_list(f->db, "AGZ", "2026-04-20", PAGE_BEFORE, NULL, 2, collect_followup, &fu,
	                               &more), ST_OK);
	assert_true(more);
	assert_int_equal(fu.n, 2);
	assert_int_equal(fu.f[0].person_id, c);   /* the last two, in order */
	assert_int_equal(fu.f[1].person_id, b);
	fu.n = 0;
	assert_int_equal(followup_list(f->db, "AGZ", "2026-04-20", PAGE_BEFORE, &all.f[1], 5, collect_followup, &fu,
	                               &more), ST_OK);
	assert_false(more);
	assert_int_equal(fu.n, 1);
	assert_int_equal(fu.f[0].person_id, a);
	fu = followups(f, "ARL", "2026-04-20", NULL, 10);
	assert_int_equal(fu.n, 1);
	assert_int_equal(fu.f[0].person_id, e);
	struct followups none = { 0 };
	assert_int_equal(followup_list(f->db, "XYZ", "2026-04-20", PAGE_AFTER, NULL, 10, collect_followup, &none, NULL), ST_NOT_FOUND);
	assert_int_equal(followup_list(f->db, "AGZ", "20/04/2026", PAGE_AFTER, NULL, 10, collect_followup, &none, NULL), ST_INVALID);

	/* The callback may use the connection, even to write. */
	assert_int_equal(followup_list(f->db, "AGZ", "2026-04-20", PAGE_AFTER, NULL, 10, status_while_listing, f, NULL), ST_OK);

	/* A's later consultation without a follow-up closes A's; B's, entered
	 * later but dated before, does not; C's of the same day, entered later,
	 * does; D gets one. */
	record(f, a, "2026-04-16", "malaria", "", "AGZ");
	record(f, b, "2026-04-01", "other", "", "AGZ");
	record(f, c, "2026-04-03", "skin", "", "AGZ");
	record(f, d, "2026-04-06", "other", "2026-04-30", "AGZ");
	fu = followups(f, "AGZ", "2026-04-20", NULL, 10);
	assert_int_equal(fu.n, 2);
	assert_int_equal(fu.f[0].person_id, b);
	assert_int_equal(fu.f[1].person_id, d);
	assert_string_equal(fu.f[1].name, "BELLO Ali");

	/* Someone who has left is followed elsewhere: off the list. */
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE stay SET departed = '2026-04-18', departure_reason = 'avr' "
	         "WHERE person_id = %lld", b);
	assert_int_equal(sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, NULL), SQLITE_OK);
	fu = followups(f, "AGZ", "2026-04-20", NULL, 10);
	assert_int_equal(fu.n, 1);
	assert_int_equal(fu.f[0].person_id, d);

	/* The status follows the same rule, and open cases count. */
	struct medical_status ms;
	assert_int_equal(medical_status_get(f->db, a, &ms), ST_OK);
	assert_false(ms.under_followup);
	assert_string_equal(ms.next_appointment, "");
	assert_string_equal(ms.fitness, "fit");
	assert_int_equal(medical_status_get(f->db, b, &ms), ST_OK);
	assert_true(ms.under_followup);
	assert_string_equal(ms.next_appointment, "2026-04-25");
	struct medical_case mc = med_case(a, "tuberculosis", "2026-04-16");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	assert_int_equal(medical_status_get(f->db, a, &ms), ST_OK);
	assert_true(ms.under_followup);
	assert_string_equal(ms.next_appointment, "");
	snprintf(mc.closed, sizeof mc.closed, "2026-04-18");
	snprintf(mc.outcome, sizeof mc.outcome, "Referred to the TB programme");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	assert_int_equal(medical_status_get(f->db, a, &ms), ST_OK);
	assert_false(ms.under_followup);

	/* The latest fitness by date, whatever the order of entry. */
	assert_int_equal(fitness_record(f->db, a, "2026-04-12", "not_fit"), ST_OK);
	assert_int_equal(fitness_record(f->db, a, "2026-04-10", "fit_escort"), ST_OK);
	assert_int_equal(medical_status_get(f->db, a, &ms), ST_OK);
	assert_string_equal(ms.fitness, "not_fit");
	assert_string_equal(ms.fitness_date, "2026-04-12");
	assert_int_equal(medical_status_get(f->db, e, &ms), ST_OK);
	assert_string_equal(ms.fitness, "");
}

static void the_register_of_a_day(void **state)
{
	struct fixture *f = *state;
	long long a = add_person(f, "Traoré", "Aïssa", 'f', "2003-02-01", false);
	long long b = add_person(f, "Diallo", "Mamadou", 'm', "1990", false);
	long long c = add_person(f, "Sow", "Awa", 'f', "", false);
	long long d = add_person(f, "Bello", "Ali", 'm', "2000", true);
	long long e = add_person(f, "Ali", "Baby", 'x', "2026-03", false);
	record(f, b, "2026-04-10", "injury", "", "AGZ");
	record(f, a, "2026-04-10", "malaria", "", "AGZ");
	record(f, c, "2026-04-10", "skin", "", "AGZ");
	record(f, a, "2026-04-11", "malaria", "", "AGZ");
	record(f, d, "2026-04-10", "respiratory", "", "AGZ");
	record(f, a, "2026-04-10", "other", "", "ARL");
	record(f, e, "2026-04-10", "diarrhoea", "", "AGZ");

	struct lines reg = { 0 };
	assert_int_equal(register_day(f->db, "AGZ", "2026-04-10", collect_line, &reg), ST_OK);
	assert_int_equal(reg.n, 5);
	const char *names[] = { "DIALLO Mamadou", "TRAORÉ Aïssa", "SOW Awa", "BELLO Ali", "ALI Baby" };
	/* Bello's age was estimated as 26 in 2026: 26 all that year, as on his
	 * case file; Diallo's known year 1990 counts as 1 July. */
	const char *ages[] = { "~35", "23", "?", "~26", "~0" };
	const char *reasons[] = { "injury", "malaria", "skin", "respiratory", "diarrhoea" };
	const char sexes[] = { 'm', 'f', 'f', 'm', 'x' };
	for (int i = 0; i < 5; i++) {
		assert_string_equal(reg.r[i].name, names[i]);
		assert_string_equal(reg.r[i].age, ages[i]);
		assert_string_equal(reg.r[i].reason, reasons[i]);
		assert_int_equal(reg.r[i].sex, sexes[i]);
		assert_string_equal(reg.r[i].clinician, "medical");
		assert_true(reg.r[i].case_key[0] != '\0');
		const char *t = reg.r[i].time_of_entry;
		assert_int_equal(strlen(t), 5);
		assert_true(t[2] == ':' && t[0] >= '0' && t[0] <= '2' && t[3] >= '0' && t[3] <= '5');
	}
	/* A page by key either way, in order of entry, saying when more remain. */
	struct lines page = { 0 };
	bool more;
	assert_int_equal(register_page(f->db, "AGZ", "2026-04-10", PAGE_AFTER, reg.r[1].id, 2, collect_line, &page,
	                               &more), ST_OK);
	assert_true(more);
	assert_int_equal(page.n, 2);
	assert_string_equal(page.r[0].name, "SOW Awa");
	assert_string_equal(page.r[1].name, "BELLO Ali");
	page.n = 0;
	assert_int_equal(register_page(f->db, "AGZ", "2026-04-10", PAGE_BEFORE, 0, 2, collect_line, &page, &more),
	                 ST_OK);
	assert_true(more);
	assert_string_equal(page.r[0].name, "BELLO Ali");
	assert_string_equal(page.r[1].name, "ALI Baby");
	page.n = 0;
	assert_int_equal(register_page(f->db, "AGZ", "2026-04-10", PAGE_BEFORE, reg.r[2].id, 5, collect_line, &page,
	                               &more), ST_OK);
	assert_false(more);
	assert_int_equal(page.n, 2);
	assert_string_equal(page.r[0].name, "DIALLO Mamadou");
	reg.n = 0;
	assert_int_equal(register_day(f->db, "AGZ", "2026-04-12", collect_line, &reg), ST_OK);
	assert_int_equal(reg.n, 0);
	assert_int_equal(register_day(f->db, "AGZ", "2026-04", collect_line, &reg), ST_INVALID);
	assert_int_equal(register_day(f->db, "XYZ", "2026-04-10", collect_line, &reg), ST_NOT_FOUND);
}

static void monthly_counts_of_a_known_month(void **state)
{
	struct fixture *f = *state;
	/* An age of 17 estimated in 2026 (counted as 1 January 2009): 17 on
	 * 20 May 2026, a boy; 18 estimated then, a man. */
	long long boy1 = add_person(f, "Adamou", "Moussa", 'm', "2009", true);
	long long man18 = add_person(f, "Adamou", "Issa", 'm', "2008", true);
	long long boy2 = add_person(f, "Adamou", "Sani", 'm', "2015-02-10", false);
	long long girl = add_person(f, "Adamou", "Hawa", 'f', "2012-01", false);
	long long w1 = add_person(f, "Kane", "Mariam", 'f', "1990", false);
	long long w2 = add_person(f, "Ba", "Fanta", 'f', "1985-03-02", false);
	long long w3 = add_person(f, "Cissé", "Oumou", 'f', "2008-05-10", false);   /* 18 that day */
	long long man = add_person(f, "Keita", "Bakary", 'm', "1980-12-31", false);
	long long x = add_person(f, "Inconnu", "Sam", 'x', "1995", false);
	long long nob = add_person(f, "Sans", "Date", 'm', "", false);
	record(f, boy1, "2026-05-20", "malaria", "", "AGZ");
	record(f, boy2, "2026-05-03", "respiratory", "", "AGZ");
	record(f, girl, "2026-05-04", "malaria", "", "AGZ");
	record(f, w1, "2026-05-05", "pregnancy", "", "AGZ");
	record(f, w2, "2026-05-06", "malaria", "", "AGZ");
	record(f, w3, "2026-05-10", "skin", "", "AGZ");
	record(f, man, "2026-05-07", "injury", "", "AGZ");
	record(f, man, "2026-05-31", "other", "", "AGZ");
	record(f, man18, "2026-05-25", "injury", "", "AGZ");
	record(f, x, "2026-05-09", "mental", "", "AGZ");
	record(f, nob, "2026-05-11", "other", "", "AGZ");
	record(f, w1, "2026-04-30", "pregnancy", "", "AGZ");   /* other months */
	record(f, w1, "2026-06-01", "pregnancy", "", "AGZ");
	record(f, girl, "2026-05-12", "malaria", "", "ARL");   /* other centre */

	struct medical_case mc = med_case(w1, "pregnancy", "2026-05-05");
	snprintf(mc.expected_delivery, sizeof mc.expected_delivery, "2026-09-01");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	mc = med_case(man, "chronic", "2026-05-31");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	mc = med_case(boy2, "injury", "2026-04-30");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	mc = med_case(girl, "malnutrition", "2026-05-12");
	snprintf(mc.centre_code, sizeof mc.centre_code, "ARL");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);

	struct monthly_counts m;
	assert_int_equal(monthly_counts(f->db, "AGZ", "2026-05", &m), ST_OK);
	long expected[REASON_COUNT_][GROUP_COUNT_] = { 0 };
	expected[REASON_MALARIA][GROUP_BOYS] = 1;
	expected[REASON_MALARIA][GROUP_GIRLS] = 1;
	expected[REASON_MALARIA][GROUP_WOMEN] = 1;
	expected[REASON_RESPIRATORY][GROUP_BOYS] = 1;
	expected[REASON_PREGNANCY][GROUP_WOMEN] = 1;
	expected[REASON_SKIN][GROUP_WOMEN] = 1;
	expected[REASON_INJURY][GROUP_MEN] = 2;
	expected[REASON_OTHER][GROUP_MEN] = 1;
	expected[REASON_OTHER][GROUP_UNKNOWN] = 1;
	expected[REASON_MENTAL][GROUP_UNKNOWN] = 1;
	for (int r = 0; r < REASON_COUNT_; r++)
		for (int g = 0; g < GROUP_COUNT_; g++) {
			if (m.consultations[r][g] != expected[r][g])
				print_error("%s group %d: %ld, expected %ld\n", med_reason_name((enum med_reason)r), g,
				            m.consultations[r][g], expected[r][g]);
			assert_int_equal(m.consultations[r][g], expected[r][g]);
		}
	assert_int_equal(m.consultations_total, 11);
	long by_group[GROUP_COUNT_] = { 0 };
	for (int r = 0; r < REASON_COUNT_; r++)
		for (int g = 0; g < GROUP_COUNT_; g++)
			by_group[g] += m.consultations[r][g];
	assert_int_equal(by_group[GROUP_BOYS], 2);
	assert_int_equal(by_group[GROUP_GIRLS], 1);
	assert_int_equal(by_group[GROUP_WOMEN], 3);
	assert_int_equal(by_group[GROUP_MEN], 3);
	assert_int_equal(by_group[GROUP_UNKNOWN], 2);
	assert_int_equal(m.cases_opened[COND_PREGNANCY], 1);
	assert_int_equal(m.cases_opened[COND_CHRONIC], 1);
	assert_int_equal(m.cases_opened[COND_INJURY], 0);
	assert_int_equal(m.cases_opened[COND_MALNUTRITION], 0);
	assert_int_equal(m.cases_total, 2);
	assert_int_equal(m.consultations_community, 0);
	assert_int_equal(m.cases_community, 0);

	/* Of them, people registered as community members, even after they
	 * migrated: Mariam (a consultation and a case) and Bakary (two
	 * consultations and a case). */
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE person SET community_since = '2026-01-05' WHERE id IN (%lld, %lld)", w1, man);
	assert_int_equal(sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(monthly_counts(f->db, "AGZ", "2026-05", &m), ST_OK);
	assert_int_equal(m.consultations_total, 11);
	assert_int_equal(m.consultations_community, 3);
	assert_int_equal(m.cases_community, 2);
	assert_int_equal(m.cases_total, 2);

	/* All centres: the ARL consultation and case too. */
	assert_int_equal(monthly_counts(f->db, "", "2026-05", &m), ST_OK);
	assert_int_equal(m.consultations[REASON_MALARIA][GROUP_GIRLS], 2);
	assert_int_equal(m.consultations_total, 12);
	assert_int_equal(m.cases_opened[COND_MALNUTRITION], 1);
	assert_int_equal(m.cases_total, 3);
	assert_int_equal(monthly_counts(f->db, "ARL", "2026-05", &m), ST_OK);
	assert_int_equal(m.consultations_total, 1);
	assert_int_equal(monthly_counts(f->db, "AGZ", "2026-04", &m), ST_OK);
	assert_int_equal(m.consultations_total, 1);
	assert_int_equal(m.cases_opened[COND_INJURY], 1);
	assert_int_equal(monthly_counts(f->db, "AGZ", "2026-12", &m), ST_OK);   /* into the next year */
	assert_int_equal(m.consultations_total, 0);

	const char *bad[] = { "2026-5", "2026-13", "2026-05-01", "", "mai 2026" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(monthly_counts(f->db, "AGZ", bad[i], &m), ST_INVALID);
	assert_int_equal(monthly_counts(f->db, "XYZ", "2026-05", &m), ST_NOT_FOUND);
}

/* The query plan of the prepared statement of f's connection whose text
 * holds needle (it must have run once), one detail per line. */
static void plan_of(struct fixture *f, const char *needle, char *out, size_t size)
{
	sqlite3 *h = db_sqlite(f->db);
	const char *sql = NULL;
	for (sqlite3_stmt *st = sqlite3_next_stmt(h, NULL); st && !sql; st = sqlite3_next_stmt(h, st))
		if (strstr(sqlite3_sql(st), needle))
			sql = sqlite3_sql(st);
	assert_non_null(sql);
	char explain[4096];
	snprintf(explain, sizeof explain, "EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, explain, -1, &st, NULL), SQLITE_OK);
	out[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t len = strlen(out);
		snprintf(out + len, size - len, "%s\n", (const char *)sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	if (getenv("SHOW_PLANS"))
		printf("-- %s\n%s", needle, out);
}

/* True when a line of plan starts with prefix. */
static bool has_line(const char *plan, const char *prefix)
{
	for (const char *l = plan; l && *l; l = strchr(l, '\n')) {
		if (*l == '\n')
			l++;
		if (strncmp(l, prefix, strlen(prefix)) == 0)
			return true;
	}
	return false;
}

static void the_lists_use_their_indexes(void **state)
{
	struct fixture *f = *state;
	long long p = add_person(f, "Traoré", "Aïssa", 'f', "2003-02-01", false);
	record(f, p, "2026-04-01", "malaria", "2026-04-15", "AGZ");
	struct followups fu = followups(f, "AGZ", "2026-04-20", NULL, 10);
	assert_int_equal(fu.n, 1);
	struct lines reg = { 0 };
	assert_int_equal(register_day(f->db, "AGZ", "2026-04-01", collect_line, &reg), ST_OK);
	struct monthly_counts m;
	assert_int_equal(monthly_counts(f->db, "", "2026-04", &m), ST_OK);
	struct medical_status ms;
	assert_int_equal(medical_status_get(f->db, p, &ms), ST_OK);

	char plan[2048];
	plan_of(f, "next_followup IS NOT NULL", plan, sizeof plan);
	assert_true(has_line(plan, "SEARCH c USING INDEX consultation_followup (centre_id=? AND next_followup>?)"));
	assert_non_null(strstr(plan, "consultation_by_person (person_id=?"));
	assert_false(has_line(plan, "SCAN"));
	plan_of(f, "c.date = ?2 AND c.id > ?3", plan, sizeof plan);
	assert_true(has_line(plan, "SEARCH c USING INDEX consultation_by_centre (centre_id=? AND date=? AND rowid>?)"));
	assert_false(has_line(plan, "SCAN"));
	plan_of(f, "GROUP BY reason, sex, child", plan, sizeof plan);
	assert_true(has_line(plan, "SEARCH c USING INDEX consultation_by_centre (centre_id=? AND date>? AND date<?)"));
	assert_false(has_line(plan, "SCAN c "));
	plan_of(f, "GROUP BY m.condition", plan, sizeof plan);
	assert_true(has_line(plan, "SEARCH m USING INDEX medical_case_by_centre"));
	assert_false(has_line(plan, "SCAN m "));
	assert_false(has_line(plan, "SCAN p"));
	plan_of(f, "SELECT EXISTS (SELECT 1 FROM medical_case", plan, sizeof plan);
	assert_false(has_line(plan, "SCAN"));
	assert_false(strstr(plan, "SCAN consultation") || strstr(plan, "SCAN fitness"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(followups_soonest_first_latest_consultation_only, setup, teardown),
		cmocka_unit_test_setup_teardown(the_register_of_a_day, setup, teardown),
		cmocka_unit_test_setup_teardown(monthly_counts_of_a_known_month, setup, teardown),
		cmocka_unit_test_setup_teardown(the_lists_use_their_indexes, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
