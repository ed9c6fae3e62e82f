/* The day's distribution lists against a known data set: the servings of
 * the day by time (reversals too), paged by key both ways; who is due and
 * not served by the items' rules (once per stay, every 7 days, daily, per
 * meal, a household's entitlement collected by another member, an infant
 * in the household, a reversal making an item due again), only people
 * staying at the centre that day; who may read which centre's lists; the
 * CSV of the day. */
#include <stdio.h>
#include <string.h>
#include "db/dist_day.h"
#include "dist_fixture.h"

#define DAY "2026-11-18"

struct data {
	long long p1, p2, p3, p4, p5, p6;
};

static struct data known_data(struct fixture *f)
{
	struct data k;
	sign_in(f, ROLE_INTAKE);
	k.p1 = add_person(f, "Abdou", "Issa", 'm', "1990-01-01", false);
	k.p2 = add_person(f, "Bako", "Hawa", 'f', "1995-01-01", false);
	k.p3 = add_person(f, "Bako", "Safi", 'f', "2025-01-10", false);   /* Hawa's daughter, under two */
	k.p4 = add_person(f, "Chaibou", "Ali", 'm', "1980-01-01", false);
	k.p5 = add_person(f, "Dodo", "Sani", 'm', "1985-01-01", false);
	k.p6 = add_person(f, "Elh", "Moussa", 'm', "1970-01-01", false);
	sign_in(f, ROLE_MANAGER);
	char sql[300];
	snprintf(sql, sizeof sql,
	         "INSERT INTO family_link (person_id, relative_id, relation) VALUES (%lld, %lld, 'child'), "
	         "(%lld, %lld, 'parent')", k.p2, k.p3, k.p3, k.p2);
	sql_exec(f, sql);
	sql_exec(f, "DELETE FROM stay");   /* the stays of registration: these people's are below */
	add_stay(f, k.p1, "AGZ", "2026-11-10", "");
	add_stay(f, k.p2, "AGZ", "2026-11-17", "");
	add_stay(f, k.p3, "AGZ", "2026-11-17", "");
	add_stay(f, k.p4, "AGZ", "2026-11-01", "2026-11-15");
	add_stay(f, k.p5, "ARL", "2026-11-01", "");
	add_stay(f, k.p6, "AGZ", "2026-11-16", "");
	add_serving(f, k.p1, "blanket", "AGZ", "2026-11-12", "08:00:00", 1, "", NULL);
	add_serving(f, k.p1, "food_ration", "AGZ", "2026-11-12", "08:01:00", 1, "", NULL);
	add_serving(f, k.p1, "water", "AGZ", DAY, "07:00:00", 1, "", NULL);
	add_serving(f, k.p1, "hot_meal", "AGZ", DAY, "11:30:00", 1, "", "lunch");
	add_serving(f, k.p2, "nfi_kit", "AGZ", "2026-11-17", "09:00:00", 1, "", NULL);
	long long wrong = add_serving(f, k.p6, "blanket", "AGZ", DAY, "09:00:00", 1, "", NULL);
	add_reversal(f, wrong, DAY, "09:10:00");
	return k;
}

struct ids {
	long long id[16];
	long long person[16];
	int nitems[16];
	int n;
	struct dist_day_served last_served;
	struct dist_day_due last_due;
};

static void take_served(const struct dist_day_served *r, void *ctx)
{
	struct ids *x = ctx;
	if (x->n < 16) {
		x->id[x->n] = r->id;
		x->person[x->n++] = r->person_id;
	}
	x->last_served = *r;
}

static void take_due(const struct dist_day_due *r, void *ctx)
{
	struct ids *x = ctx;
	if (x->n < 16) {
		x->nitems[x->n] = r->nitems;
		x->person[x->n++] = r->person_id;
	}
	x->last_due = *r;
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

/* The people due item (its code, NULL any) at AGZ on day, in order. */
static struct ids due(struct fixture *f, const char *code, const char *day, const char *meal)
{
	struct ids x = { .n = 0 };
	bool more = true;
	assert_int_equal(dist_day_due(f->db, "AGZ", day, code ? item_of(f, code) : 0, meal, PAGE_AFTER, NULL, 10,
	                              take_due, &x, &more),
	                 ST_OK);
	assert_false(more);
	return x;
}

static void served_by_time_paged(void **state)
{
	struct fixture *f = *state;
	struct data k = known_data(f);
	struct ids x = { .n = 0 };
	bool more = false;
	assert_int_equal(dist_day_served(f->db, "AGZ", DAY, 0, PAGE_AFTER, NULL, 2, take_served, &x, &more), ST_OK);
	assert_true(more);
	assert_int_equal(x.n, 2);
	assert_int_equal(x.person[0], k.p1);   /* water at 07:00 */
	assert_int_equal(x.person[1], k.p6);   /* the blanket at 09:00 */
	struct dist_day_served key = x.last_served;
	x.n = 0;
	assert_int_equal(dist_day_served(f->db, "AGZ", DAY, 0, PAGE_AFTER, &key, 2, take_served, &x, &more), ST_OK);
	assert_false(more);
	assert_int_equal(x.n, 2);
	assert_int_equal(x.last_served.person_id, k.p1);   /* lunch at 11:30, after the reversal */
	assert_true(x.last_served.meal[0] != '\0');
	/* The last page first, in the list's order; the reversal as such. */
	x.n = 0;
	assert_int_equal(dist_day_served(f->db, "AGZ", DAY, 0, PAGE_BEFORE, NULL, 2, take_served, &x, &more), ST_OK);
	assert_true(more);
	assert_int_equal(x.n, 2);
	assert_int_equal(x.person[0], k.p6);
	/* One item; another day; another centre. */
	x.n = 0;
	assert_int_equal(dist_day_served(f->db, "AGZ", DAY, item_of(f, "blanket"), PAGE_AFTER, NULL, 10, take_served, &x,
	                                 &more),
	                 ST_OK);
	assert_int_equal(x.n, 2);
	assert_int_equal(x.last_served.quantity, -1);
	assert_true(x.last_served.reverses_id > 0);
	assert_string_equal(x.last_served.reason, "Wrong person");
	x.n = 0;
	assert_int_equal(dist_day_served(f->db, "ARL", DAY, 0, PAGE_AFTER, NULL, 10, take_served, &x, &more), ST_OK);
	assert_int_equal(x.n, 0);
}

static void due_by_the_rules(void **state)
{
	struct fixture *f = *state;
	struct data k = known_data(f);
	/* Once per stay: Issa had his; Moussa's was taken back. Ali left on the
	 * 15th, Sani stays at ARL. By name: Bako Hawa, Bako Safi, Elh. */
	struct ids x = due(f, "blanket", DAY, NULL);
	assert_int_equal(x.n, 3);
	assert_int_equal(x.person[0], k.p2);
	assert_int_equal(x.person[1], k.p3);
	assert_int_equal(x.person[2], k.p6);
	/* Ali was staying on the 14th. */
	x = due(f, "blanket", "2026-11-14", NULL);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.person[0], k.p4);
	/* Every 7 days: Issa's ration of the 12th covers the 18th, not the 19th. */
	x = due(f, "food_ration", DAY, NULL);
	for (int i = 0; i < x.n; i++)
		assert_true(x.person[i] != k.p1);
	x = due(f, "food_ration", "2026-11-19", NULL);
	assert_int_equal(x.person[0], k.p1);
	/* A household's kit collected by Hawa counts for Safi. */
	x = due(f, "nfi_kit", DAY, NULL);
	for (int i = 0; i < x.n; i++)
		assert_true(x.person[i] != k.p2 && x.person[i] != k.p3);
	assert_int_equal(x.n, 2);   /* Issa, Moussa */
	/* Daily and per meal. */
	x = due(f, "water", DAY, NULL);
	assert_int_equal(x.n, 3);
	x = due(f, "hot_meal", DAY, "lunch");
	assert_int_equal(x.n, 3);
	x = due(f, "hot_meal", DAY, "dinner");
	assert_int_equal(x.n, 4);
	/* The baby kit: Hawa's household has an infant, Safi is one. */
	x = due(f, "baby_kit", DAY, NULL);
	assert_int_equal(x.n, 2);
	assert_int_equal(x.person[0], k.p2);
	/* A women's hygiene kit: Hawa only (Safi is too young). */
	x = due(f, "hygiene_kit_women", DAY, NULL);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.person[0], k.p2);
	/* Every item: everyone staying, each with what they are due. */
	x = due(f, NULL, DAY, "dinner");
	assert_int_equal(x.n, 4);
	assert_true(x.nitems[0] > 3);
}

static void due_paged_by_key(void **state)
{
	struct fixture *f = *state;
	struct data k = known_data(f);
	struct ids x = { .n = 0 };
	bool more = false;
	long long blanket = item_of(f, "blanket");
	assert_int_equal(dist_day_due(f->db, "AGZ", DAY, blanket, NULL, PAGE_AFTER, NULL, 2, take_due, &x, &more), ST_OK);
	assert_true(more);
	assert_int_equal(x.n, 2);
	struct dist_day_due key = x.last_due;
	x.n = 0;
	assert_int_equal(dist_day_due(f->db, "AGZ", DAY, blanket, NULL, PAGE_AFTER, &key, 2, take_due, &x, &more), ST_OK);
	assert_false(more);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.person[0], k.p6);
	x.n = 0;
	assert_int_equal(dist_day_due(f->db, "AGZ", DAY, blanket, NULL, PAGE_BEFORE, NULL, 2, take_due, &x, &more), ST_OK);
	assert_true(more);
	assert_int_equal(x.person[0], k.p3);
	assert_int_equal(x.person[1], k.p6);
}

static void who_may_read(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	struct ids x = { .n = 0 };
	/* The distribution and intake roles: their own centre (AGZ) only. */
	sign_in(f, ROLE_DISTRIBUTION);
	assert_int_equal(dist_day_served(f->db, "AGZ", DAY, 0, PAGE_AFTER, NULL, 5, take_served, &x, NULL), ST_OK);
	assert_int_equal(dist_day_due(f->db, "ARL", DAY, 0, NULL, PAGE_AFTER, NULL, 5, take_due, &x, NULL), ST_DENIED);
	assert_int_equal(dist_day_served(f->db, "ARL", DAY, 0, PAGE_AFTER, NULL, 5, take_served, &x, NULL), ST_DENIED);
	sign_in(f, ROLE_INTAKE);
	assert_int_equal(dist_day_allowed(f->db, "AGZ"), ST_OK);
	/* Others: never. */
	sign_in(f, ROLE_MEDICAL);
	assert_int_equal(dist_day_served(f->db, "AGZ", DAY, 0, PAGE_AFTER, NULL, 5, take_served, &x, NULL), ST_DENIED);
	sign_in(f, ROLE_PROTECTION);
	assert_int_equal(dist_day_due(f->db, "AGZ", DAY, 0, NULL, PAGE_AFTER, NULL, 5, take_due, &x, NULL), ST_DENIED);
	/* A manager: any centre. */
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(dist_day_due(f->db, "ARL", DAY, 0, NULL, PAGE_AFTER, NULL, 5, take_due, &x, NULL), ST_OK);
	assert_int_equal(dist_day_allowed(f->db, "XXX"), ST_NOT_FOUND);
	assert_int_equal(dist_day_served(f->db, "AGZ", "18/11/2026", 0, PAGE_AFTER, NULL, 5, take_served, &x, NULL),
	                 ST_INVALID);
}

static void csv_of_the_day(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	sql_exec(f, "UPDATE person SET family_name = '=HYPERLINK(1)' WHERE given_names = 'Moussa'");
	char path[400];
	snprintf(path, sizeof path, "%s/day.csv", f->t.dir);
	FILE *out = fopen(path, "w");
	assert_non_null(out);
	assert_int_equal(dist_day_csv(f->db, "AGZ", DAY, 0, "dinner", "en", out), ST_OK);
	fclose(out);
	FILE *in = fopen(path, "r");
	char line[1024];
	int lines = 0, reversal = 0, due_rows = 0, formula = 0;
	while (fgets(line, sizeof line, in)) {
		lines++;
		reversal += strstr(line, "Reversal,") == line;
		due_rows += strstr(line, "\"Due, not served\"") == line;
		formula += strstr(line, ",'=HYPERLINK(1),") != NULL;
	}
	fclose(in);
	assert_int_equal(lines, 1 + 4 + 4);   /* head, four servings, four people due */
	assert_int_equal(reversal, 1);
	assert_int_equal(due_rows, 4);
	assert_true(formula >= 1);
	/* The export is audited. */
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db),
	                                    "SELECT count(*) FROM audit WHERE entity = 'dist_day_list' AND action = 'export'",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1);
	sqlite3_finalize(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(served_by_time_paged, setup, teardown),
		cmocka_unit_test_setup_teardown(due_by_the_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(due_paged_by_key, setup, teardown),
		cmocka_unit_test_setup_teardown(who_may_read, setup, teardown),
		cmocka_unit_test_setup_teardown(csv_of_the_day, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
