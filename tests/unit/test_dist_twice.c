/* Served twice across sites: servings written at two sites while they were
 * apart (a second site faked by the site column, as a merge leaves it)
 * that the item's rule would have refused: a monthly item twice in a
 * month (listed), at one site (the counter's job: not listed), reversed,
 * a month apart; the daily, per-meal and once-per-stay rules; a household
 * item collected by two members of the household at two sites; the centre
 * and period filters; paging both ways; who may read; the plans. */
#include <stdio.h>
#include <string.h>
#include "core/clock.h"
#include "db/dist_twice.h"
#include "dist_fixture.h"

#define SITE_B "0190aaaabbbb7ccc8ddddeeeeffff000"

struct ids {
	long long second[16], first[16], person[16];
	int n;
	struct dist_twice last, one;
};

static void take(const struct dist_twice *r, void *ctx)
{
	struct ids *x = ctx;
	if (x->n < 16) {
		x->second[x->n] = r->second.id;
		x->first[x->n] = r->first.id;
		x->person[x->n++] = r->person_id;
	}
	if (x->n == 1)
		x->one = *r;
	x->last = *r;
}

static void plan_of(struct fixture *f, const char *needle, char *out, size_t size);

/* A once-a-month item (every 30 days). */
static void monthly_item(struct fixture *f)
{
	sql_exec(f, "INSERT INTO dist_item (code, name_en, name_fr, kind, frequency, every_days, staying_only) "
	            "VALUES ('monthly', 'Monthly kit', 'Kit mensuel', 'other', 'every_n_days', 30, 0)");
}

/* A serving written by the other site. */
static long long serve_at_b(struct fixture *f, long long person, const char *item, const char *centre, const char *day,
                            const char *meal)
{
	long long id = add_serving(f, person, item, centre, day, "09:00:00", 1, "", meal);
	char sql[200];
	snprintf(sql, sizeof sql, "UPDATE dist_serving SET site = '%s' WHERE id = %lld", SITE_B, id);
	sql_exec(f, sql);
	return id;
}

static struct ids list(struct fixture *f, const char *from, const char *to, const char *centre, enum status want)
{
	struct dist_twice_filter flt;
	memset(&flt, 0, sizeof flt);
	snprintf(flt.from, sizeof flt.from, "%s", from);
	snprintf(flt.to, sizeof flt.to, "%s", to);
	snprintf(flt.centre_code, sizeof flt.centre_code, "%s", centre);
	struct ids x = { .n = 0 };
	bool more = true;
	assert_int_equal(dist_twice_list(f->db, &flt, PAGE_AFTER, NULL, 10, take, &x, &more), want);
	assert_false(more);
	return x;
}

static long long person(struct fixture *f, const char *family)
{
	sign_in(f, ROLE_INTAKE);
	long long id = add_person(f, family, "Awa", 'f', "1990-01-01", false);
	sign_in(f, ROLE_MANAGER);
	return id;
}

static void monthly_item_at_two_sites_in_a_month(void **state)
{
	struct fixture *f = *state;
	monthly_item(f);
	long long p = person(f, "Abdou");
	long long a = add_serving(f, p, "monthly", "AGZ", "2026-11-02", "08:00:00", 1, "", NULL);
	long long b = serve_at_b(f, p, "monthly", "DRK", "2026-11-20", NULL);
	struct ids x = list(f, "2026-11-01", "2026-11-30", "", ST_OK);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.first[0], a);
	assert_int_equal(x.second[0], b);
	assert_int_equal(x.person[0], p);
	assert_string_equal(x.one.family_name, "Abdou");
	assert_string_equal(x.one.item_en, "Monthly kit");
	assert_string_equal(x.one.frequency, "every_n_days");
	assert_int_equal(x.one.every_days, 30);
	assert_string_equal(x.one.since, "2026-10-22");
	assert_string_equal(x.one.first.day, "2026-11-02");
	assert_string_equal(x.one.first.centre_code, "AGZ");
	assert_string_equal(x.one.first.town, "Agadez");
	assert_string_equal(x.one.first.served_by, "Staff");
	assert_string_equal(x.one.second.centre_code, "DRK");
	assert_string_equal(x.one.second.site, SITE_B);
	assert_string_not_equal(x.one.first.site, SITE_B);
	/* The period is the second serving's. */
	assert_int_equal(list(f, "2026-11-01", "2026-11-19", "", ST_OK).n, 0);
	assert_int_equal(list(f, "2026-11-20", "2026-11-20", "", ST_OK).n, 1);
	/* A centre: either serving's. */
	assert_int_equal(list(f, "2026-11-01", "2026-11-30", "AGZ", ST_OK).n, 1);
	assert_int_equal(list(f, "2026-11-01", "2026-11-30", "DRK", ST_OK).n, 1);
	assert_int_equal(list(f, "2026-11-01", "2026-11-30", "NY1", ST_OK).n, 0);
}

static void one_site_is_the_counters_job(void **state)
{
	struct fixture *f = *state;
	monthly_item(f);
	long long p = person(f, "Abdou");
	add_serving(f, p, "monthly", "AGZ", "2026-11-02", "08:00:00", 1, "", NULL);
	add_serving(f, p, "monthly", "DRK", "2026-11-20", "08:00:00", 1, "an override", NULL);
	assert_int_equal(list(f, "2026-11-01", "2026-11-30", "", ST_OK).n, 0);
}

static void reversed_servings_do_not_count(void **state)
{
	struct fixture *f = *state;
	monthly_item(f);
	long long p = person(f, "Abdou"), q = person(f, "Bako");
	long long a = add_serving(f, p, "monthly", "AGZ", "2026-11-02", "08:00:00", 1, "", NULL);
	serve_at_b(f, p, "monthly", "DRK", "2026-11-20", NULL);
	add_reversal(f, a, "2026-11-02", "08:10:00");
	add_serving(f, q, "monthly", "AGZ", "2026-11-02", "08:00:00", 1, "", NULL);
	long long b = serve_at_b(f, q, "monthly", "DRK", "2026-11-20", NULL);
	add_reversal(f, b, "2026-11-20", "09:10:00");
	assert_int_equal(list(f, "2026-11-01", "2026-11-30", "", ST_OK).n, 0);
}

static void different_periods_are_not_twice(void **state)
{
	struct fixture *f = *state;
	monthly_item(f);
	long long p = person(f, "Abdou"), q = person(f, "Bako");
	/* 30 days apart: due again. */
	add_serving(f, p, "monthly", "AGZ", "2026-10-21", "08:00:00", 1, "", NULL);
	serve_at_b(f, p, "monthly", "DRK", "2026-11-20", NULL);
	/* 29 days apart: within the window. */
	add_serving(f, q, "monthly", "AGZ", "2026-10-22", "08:00:00", 1, "", NULL);
	long long b = serve_at_b(f, q, "monthly", "DRK", "2026-11-20", NULL);
	struct ids x = list(f, "2026-10-01", "2026-11-30", "", ST_OK);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.second[0], b);
}

static void each_rule_its_window(void **state)
{
	struct fixture *f = *state;
	long long p = person(f, "Abdou"), q = person(f, "Bako"), r = person(f, "Chaibou");
	/* Daily: the same day only. */
	add_serving(f, p, "water", "AGZ", "2026-11-10", "08:00:00", 1, "", NULL);
	serve_at_b(f, p, "water", "DRK", "2026-11-11", NULL);
	long long w = serve_at_b(f, p, "water", "DRK", "2026-11-10", NULL);
	/* Per meal: the same meal of the same day. */
	add_serving(f, q, "hot_meal", "AGZ", "2026-11-10", "08:00:00", 1, "", "breakfast");
	serve_at_b(f, q, "hot_meal", "DRK", "2026-11-10", "lunch");
	long long m = serve_at_b(f, q, "hot_meal", "DRK", "2026-11-10", "breakfast");
	/* Once per stay: the earlier serving counts when in the second's stay
	 * (or when the second was served outside a stay). */
	add_serving(f, r, "blanket", "AGZ", "2026-10-01", "08:00:00", 1, "", NULL);
	long long stay = add_stay(f, r, "DRK", "2026-11-01", "");
	long long s = serve_at_b(f, r, "blanket", "DRK", "2026-11-10", NULL);
	char sql[400];
	snprintf(sql, sizeof sql, "UPDATE dist_serving SET stay_id = %lld WHERE id = %lld", stay, s);
	char *err = NULL;
	/* stay_id is part of the ledger: a new serving carries it instead. */
	assert_int_not_equal(sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, &err), SQLITE_OK);
	sqlite3_free(err);
	snprintf(sql, sizeof sql,
	         "INSERT INTO dist_serving (person_id, item_id, centre_id, stay_id, day, served_at, quantity, site) "
	         "SELECT person_id, item_id, centre_id, %lld, '2026-11-12', '2026-11-12T08:00:00Z', 1, site "
	         "FROM dist_serving WHERE id = %lld", stay, s);
	sql_exec(f, sql);
	struct ids x = list(f, "2026-11-01", "2026-11-30", "", ST_OK);
	assert_int_equal(x.n, 3);
	assert_int_equal(x.second[0], w);
	assert_int_equal(x.second[1], m);
	assert_int_equal(x.second[2], s);   /* not the one of the stay at DRK: the stay began after October */
}

static void a_household_item_counts_for_the_household(void **state)
{
	struct fixture *f = *state;
	long long mother = person(f, "Bako"), child = person(f, "Bako"), ward = person(f, "Dodo");
	char sql[400];
	snprintf(sql, sizeof sql,
	         "INSERT INTO family_link (person_id, relative_id, relation) VALUES (%lld, %lld, 'child'), "
	         "(%lld, %lld, 'parent'), (%lld, %lld, 'ward'), (%lld, %lld, 'guardian')",
	         mother, child, child, mother, mother, ward, ward, mother);
	sql_exec(f, sql);
	/* The food ration (every 7 days, per household): collected by the
	 * mother at AGZ, by her child at DRK four days later. */
	long long a = add_serving(f, mother, "food_ration", "AGZ", "2026-11-10", "08:00:00", 1, "", NULL);
	long long b = serve_at_b(f, child, "food_ration", "DRK", "2026-11-14", NULL);
	/* Her ward is not of the household; a blanket is per person. */
	serve_at_b(f, ward, "food_ration", "DRK", "2026-11-14", NULL);
	add_serving(f, mother, "blanket", "AGZ", "2026-11-10", "08:00:00", 1, "", NULL);
	serve_at_b(f, child, "blanket", "DRK", "2026-11-14", NULL);
	struct ids x = list(f, "2026-11-01", "2026-11-30", "", ST_OK);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.first[0], a);
	assert_int_equal(x.second[0], b);
	assert_int_equal(x.one.person_id, child);
	assert_int_equal(x.one.first.person_id, mother);
	assert_int_equal(x.one.second.person_id, child);
	char plan[2048];
	plan_of(f, "SELECT relative_id FROM family_link", plan, sizeof plan);
	assert_non_null(strstr(plan, "SEARCH family_link USING PRIMARY KEY (person_id=?)"));
	assert_null(strstr(plan, "SCAN"));
}

static void paged_both_ways(void **state)
{
	struct fixture *f = *state;
	monthly_item(f);
	const char *names[] = { "Abdou", "Bako", "Chaibou", "Dodo", "Elh" };
	long long second[5];
	for (int i = 0; i < 5; i++) {
		long long p = person(f, names[i]);
		add_serving(f, p, "monthly", "AGZ", "2026-11-01", "08:00:00", 1, "", NULL);
		char day[16];
		snprintf(day, sizeof day, "2026-11-%02d", 10 + i % 10);
		second[i] = serve_at_b(f, p, "monthly", "ARL", day, NULL);
		/* A serving at one site between them: no entry. */
		add_serving(f, person(f, "Zongo"), "monthly", "AGZ", day, "10:00:00", 1, "", NULL);
	}
	struct dist_twice_filter flt;
	memset(&flt, 0, sizeof flt);
	snprintf(flt.from, sizeof flt.from, "2026-11-01");
	snprintf(flt.to, sizeof flt.to, "2026-11-30");
	struct ids x = { .n = 0 };
	bool more = false;
	assert_int_equal(dist_twice_list(f->db, &flt, PAGE_AFTER, NULL, 2, take, &x, &more), ST_OK);
	assert_true(more);
	assert_int_equal(x.n, 2);
	assert_int_equal(x.second[0], second[0]);
	assert_int_equal(x.second[1], second[1]);
	struct dist_twice key = x.last;
	x.n = 0;
	assert_int_equal(dist_twice_list(f->db, &flt, PAGE_AFTER, &key, 2, take, &x, &more), ST_OK);
	assert_true(more);
	assert_int_equal(x.second[0], second[2]);
	assert_int_equal(x.second[1], second[3]);
	key = x.last;
	x.n = 0;
	assert_int_equal(dist_twice_list(f->db, &flt, PAGE_AFTER, &key, 2, take, &x, &more), ST_OK);
	assert_false(more);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.second[0], second[4]);
	/* The last page, then the one before it, in the list's order. */
	x.n = 0;
	assert_int_equal(dist_twice_list(f->db, &flt, PAGE_BEFORE, NULL, 2, take, &x, &more), ST_OK);
	assert_true(more);
	assert_int_equal(x.second[0], second[3]);
	assert_int_equal(x.second[1], second[4]);
	key = x.one;
	x.n = 0;
	assert_int_equal(dist_twice_list(f->db, &flt, PAGE_BEFORE, &key, 2, take, &x, &more), ST_OK);
	assert_true(more);
	assert_int_equal(x.second[0], second[1]);
	assert_int_equal(x.second[1], second[2]);
}

static void who_may_read(void **state)
{
	struct fixture *f = *state;
	monthly_item(f);
	long long p = person(f, "Abdou");
	add_serving(f, p, "monthly", "AGZ", "2026-11-02", "08:00:00", 1, "", NULL);
	serve_at_b(f, p, "monthly", "DRK", "2026-11-20", NULL);
	/* Bad filters. */
	assert_int_equal(list(f, "2026-11-31", "2026-11-30", "", ST_INVALID).n, 0);
	assert_int_equal(list(f, "2026-12-01", "2026-11-30", "", ST_INVALID).n, 0);
	assert_int_equal(list(f, "", "2026-11-30", "", ST_INVALID).n, 0);
	assert_int_equal(list(f, "2026-11-01", "2026-11-30", "XX", ST_NOT_FOUND).n, 0);
	/* The distribution staff of AGZ: their centre, not another or all. */
	sign_in(f, ROLE_DISTRIBUTION);
	assert_int_equal(list(f, "2026-11-01", "2026-11-30", "AGZ", ST_OK).n, 1);
	assert_int_equal(list(f, "2026-11-01", "2026-11-30", "DRK", ST_DENIED).n, 0);
	assert_int_equal(list(f, "2026-11-01", "2026-11-30", "", ST_DENIED).n, 0);
	sign_in(f, ROLE_MEDICAL);
	assert_int_equal(list(f, "2026-11-01", "2026-11-30", "AGZ", ST_DENIED).n, 0);
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(list(f, "2026-11-01", "2026-11-30", "DRK", ST_OK).n, 1);
}

static void the_default_is_the_last_30_days(void **state)
{
	(void)state;
	clock_set(1795000000);   /* 2026-11-18 */
	struct dist_twice_filter flt;
	dist_twice_default(&flt);
	assert_string_equal(flt.to, "2026-11-18");
	assert_string_equal(flt.from, "2026-10-20");
	assert_string_equal(flt.centre_code, "");
	clock_set(0);
}

/* The plan of the prepared statement whose text holds needle. */
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

static void the_list_uses_its_indexes(void **state)
{
	struct fixture *f = *state;
	monthly_item(f);
	long long p = person(f, "Abdou");
	add_serving(f, p, "monthly", "AGZ", "2026-11-02", "08:00:00", 1, "", NULL);
	serve_at_b(f, p, "monthly", "DRK", "2026-11-20", NULL);
	struct dist_twice_filter flt = { "2026-11-01", "2026-11-30", "" };
	struct ids x = { .n = 0 };
	assert_int_equal(dist_twice_list(f->db, &flt, PAGE_AFTER, NULL, 5, take, &x, NULL), ST_OK);
	assert_int_equal(dist_twice_list(f->db, &flt, PAGE_BEFORE, NULL, 5, take, &x, NULL), ST_OK);
	assert_int_equal(x.n, 2);
	char plan[2048];
	const char *periods[] = { "(b.day, b.id) > (?3, ?4)", "(b.day, b.id) < (?3, ?4)" };
	for (int i = 0; i < 2; i++) {
		plan_of(f, periods[i], plan, sizeof plan);
		assert_non_null(strstr(plan, "USING INDEX dist_serving_by_day (day>? AND day<?)"));
		assert_null(strstr(plan, "SCAN b"));
		assert_null(strstr(plan, "SCAN r"));
		assert_null(strstr(plan, "TEMP B-TREE"));
	}
	plan_of(f, "WHERE a.person_id = ?1 AND", plan, sizeof plan);
	assert_non_null(strstr(plan, "USING INDEX dist_serving_by_person (person_id=? AND item_id=? AND day>? AND day<?)"));
	assert_null(strstr(plan, "SCAN"));
	assert_null(strstr(plan, "TEMP B-TREE"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(monthly_item_at_two_sites_in_a_month, setup, teardown),
		cmocka_unit_test_setup_teardown(one_site_is_the_counters_job, setup, teardown),
		cmocka_unit_test_setup_teardown(reversed_servings_do_not_count, setup, teardown),
		cmocka_unit_test_setup_teardown(different_periods_are_not_twice, setup, teardown),
		cmocka_unit_test_setup_teardown(each_rule_its_window, setup, teardown),
		cmocka_unit_test_setup_teardown(a_household_item_counts_for_the_household, setup, teardown),
		cmocka_unit_test_setup_teardown(paged_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(who_may_read, setup, teardown),
		cmocka_unit_test(the_default_is_the_last_30_days),
		cmocka_unit_test_setup_teardown(the_list_uses_its_indexes, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
