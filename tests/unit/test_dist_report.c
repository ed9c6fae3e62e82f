/* The distribution figures against a known data set: items net of
 * reversals, different people once each by sex and age group on their
 * first day served, reversed servings reaching nobody, overrides counted
 * and listed with their reasons, the period (day, month, year) and centre
 * bounds, the roles refused, and the query plans. */
#include <string.h>
#include "db/dist_report.h"
#include "dist_fixture.h"

struct data {
	long long a, b, c, d, e, override;
};

/* November 2026 at AGZ, with servings around it that must not count. */
static struct data known_data(struct fixture *f)
{
	struct data k;
	sign_in(f, ROLE_INTAKE);
	k.a = add_person(f, "Traoré", "Aïssa", 'f', "1990-05-01", false);   /* 36: 25-59 */
	k.b = add_person(f, "Bello", "Ali", 'm', "2020-03-10", false);      /* served, reversed: nobody */
	k.c = add_person(f, "Diallo", "Moussa", 'm', "2008-11-20", false);  /* 17 on 10 November, 18 on the 25th */
	k.d = add_person(f, "Sow", "Awa", 'f', "1960", false);              /* a known year: 1 July, 66 */
	k.e = add_person(f, "Issoufou", "Zara", 'm', "", false);            /* age not known */
	sign_in(f, ROLE_MANAGER);
	add_serving(f, k.a, "blanket", "AGZ", "2026-11-03", "08:00:00", 1, "", NULL);
	add_serving(f, k.a, "water", "AGZ", "2026-11-03", "08:01:00", 1, "", NULL);
	add_serving(f, k.a, "water", "AGZ", "2026-11-04", "08:00:00", 1, "", NULL);
	long long wrong = add_serving(f, k.b, "blanket", "AGZ", "2026-11-05", "09:00:00", 1, "", NULL);
	add_reversal(f, wrong, "2026-11-05", "09:05:00");
	add_serving(f, k.c, "food_ration", "AGZ", "2026-11-10", "10:00:00", 1, "", NULL);
	k.override = add_serving(f, k.c, "food_ration", "AGZ", "2026-11-14", "10:00:00", 1, "Leaves by bus tomorrow", NULL);
	add_serving(f, k.d, "hygiene_kit_women", "ARL", "2026-11-12", "11:00:00", 1, "", NULL);
	add_serving(f, k.e, "mat", "AGZ", "2026-10-31", "12:00:00", 1, "", NULL);
	add_serving(f, k.e, "mat", "AGZ", "2026-12-01", "12:00:00", 1, "", NULL);
	add_serving(f, k.a, "blanket", "AGZ", "2025-11-03", "08:00:00", 1, "", NULL);
	return k;
}

static struct dist_figures figures(struct fixture *f, const char *centre, const char *period)
{
	struct dist_period p;
	assert_true(dist_period_parse(period, &p));
	struct dist_figures fig;
	assert_int_equal(dist_figures_get(f->db, centre, &p, &fig), ST_OK);
	return fig;
}

struct totals {
	struct dist_item_total t[16];
	int n;
};

static void take_total(const struct dist_item_total *t, void *ctx)
{
	struct totals *x = ctx;
	if (x->n < 16)
		x->t[x->n++] = *t;
}

static long long item_of(struct fixture *f, const char *code)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), "SELECT id FROM dist_item WHERE code = ?1", -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static void people_once_by_sex_and_age(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	struct dist_figures fig = figures(f, "AGZ", "2026-11");
	/* Aïssa (three servings) and Moussa (two) once each; Ali's only
	 * serving reversed. */
	assert_int_equal(fig.people_total, 2);
	assert_int_equal(fig.people[DIST_FEMALE][DIST_AGE_25_59], 1);
	assert_int_equal(fig.people[DIST_MALE][DIST_AGE_15_17], 1);   /* 17 on his first day served */
	assert_int_equal(fig.people[DIST_MALE][DIST_AGE_18_24], 0);
	assert_int_equal(fig.people[DIST_MALE][DIST_AGE_5_11], 0);
	assert_int_equal(fig.servings, 5);
	assert_int_equal(fig.reversals, 1);
	assert_int_equal(fig.overrides, 1);
	/* Every centre: Awa at ARL, 66 (a known year counts as 1 July). */
	fig = figures(f, "", "2026-11");
	assert_int_equal(fig.people_total, 3);
	assert_int_equal(fig.people[DIST_FEMALE][DIST_AGE_60], 1);
	/* The year: Zara twice (October, December), once, age not known. */
	fig = figures(f, "AGZ", "2026");
	assert_int_equal(fig.people_total, 3);
	assert_int_equal(fig.people[DIST_MALE][DIST_AGE_NOT_KNOWN], 1);
	assert_int_equal(fig.servings, 7);
	/* A day. */
	fig = figures(f, "AGZ", "2026-11-10");
	assert_int_equal(fig.people_total, 1);
	assert_int_equal(fig.servings, 1);
	fig = figures(f, "AGZ", "2026-11-30");
	assert_int_equal(fig.people_total, 0);
	/* The year before: Aïssa's blanket. */
	assert_int_equal(figures(f, "", "2025").people_total, 1);
}

static void items_net_of_reversals(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	struct dist_period p;
	assert_true(dist_period_parse("2026-11", &p));
	struct totals x = { .n = 0 };
	assert_int_equal(dist_figures_items(f->db, "AGZ", &p, take_total, &x), ST_OK);
	/* In the items' order: food ration, water, blanket. */
	assert_int_equal(x.n, 3);
	assert_int_equal(x.t[0].item_id, item_of(f, "food_ration"));
	assert_int_equal(x.t[0].net, 2);
	assert_int_equal(x.t[1].item_id, item_of(f, "water"));
	assert_int_equal(x.t[1].net, 2);
	assert_int_equal(x.t[2].item_id, item_of(f, "blanket"));
	assert_int_equal(x.t[2].net, 1);   /* Aïssa's; Ali's taken back */
	assert_int_equal(x.t[2].servings, 2);
	assert_int_equal(x.t[2].reversals, 1);
}

struct overrides {
	struct dist_override_row r[4];
	int n;
};

static void take_override(const struct dist_override_row *r, void *ctx)
{
	struct overrides *o = ctx;
	if (o->n < 4)
		o->r[o->n++] = *r;
}

static void overrides_for_managers(void **state)
{
	struct fixture *f = *state;
	struct data k = known_data(f);
	struct dist_period p;
	assert_true(dist_period_parse("2026-11", &p));
	struct overrides o = { .n = 0 };
	bool more = true;
	assert_int_equal(dist_figures_overrides(f->db, "", &p, 0, 10, take_override, &o, &more), ST_OK);
	assert_false(more);
	assert_int_equal(o.n, 1);
	assert_int_equal(o.r[0].id, k.override);
	assert_string_equal(o.r[0].reason, "Leaves by bus tomorrow");
	assert_string_equal(o.r[0].centre, "AGZ");
	assert_string_equal(o.r[0].day, "2026-11-14");
	assert_false(o.r[0].reversed);
	/* Paged by id. */
	o.n = 0;
	assert_int_equal(dist_figures_overrides(f->db, "", &p, k.override, 10, take_override, &o, &more), ST_OK);
	assert_int_equal(o.n, 0);
}

static void refusals(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	struct dist_period p;
	assert_true(dist_period_parse("2026-11", &p));
	struct dist_figures fig;
	struct overrides o = { .n = 0 };
	static const enum role others[] = { ROLE_DISTRIBUTION, ROLE_INTAKE, ROLE_ADMIN, ROLE_MEDICAL };
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		sign_in(f, others[i]);
		assert_int_equal(dist_figures_get(f->db, "AGZ", &p, &fig), ST_DENIED);
		assert_int_equal(dist_figures_items(f->db, "AGZ", &p, take_total, NULL), ST_DENIED);
		assert_int_equal(dist_figures_overrides(f->db, "AGZ", &p, 0, 10, take_override, &o, NULL), ST_DENIED);
	}
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(dist_figures_get(f->db, "XXX", &p, &fig), ST_NOT_FOUND);
	struct dist_period bad = { "2026-11-05", "2026-11-01" };
	assert_int_equal(dist_figures_get(f->db, "", &bad, &fig), ST_INVALID);
	assert_false(dist_period_parse("11/2026", &p));
	assert_false(dist_period_parse("", &p));
	assert_true(dist_period_parse("2026-12-31", &p));
	assert_string_equal(p.to, "2027-01-01");
	assert_true(dist_period_parse("2026-12", &p));
	assert_string_equal(p.to, "2027-01-01");
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

static void the_figures_use_their_indexes(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	struct dist_period p;
	assert_true(dist_period_parse("2026", &p));
	struct overrides o = { .n = 0 };
	struct totals x = { .n = 0 };
	figures(f, "", "2026");
	assert_int_equal(dist_figures_items(f->db, "", &p, take_total, &x), ST_OK);
	assert_int_equal(dist_figures_overrides(f->db, "", &p, 0, 10, take_override, &o, NULL), ST_OK);
	const char *needles[] = { "min(v.day) AS first", "coalesce(sum(v.quantity < 0)", "sum(v.quantity) AS net",
		                  "AND +v.id >" };
	for (size_t i = 0; i < sizeof needles / sizeof needles[0]; i++) {
		char plan[2048];
		plan_of(f, needles[i], plan, sizeof plan);
		assert_non_null(strstr(plan, "USING INDEX dist_serving_by_day (day>? AND day<?)"));
		assert_null(strstr(plan, "SCAN v"));
		assert_null(strstr(plan, "SCAN r"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(people_once_by_sex_and_age, setup, teardown),
		cmocka_unit_test_setup_teardown(items_net_of_reversals, setup, teardown),
		cmocka_unit_test_setup_teardown(overrides_for_managers, setup, teardown),
		cmocka_unit_test_setup_teardown(refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(the_figures_use_their_indexes, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
