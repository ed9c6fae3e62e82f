/* Individual psychosocial support, its lists: the follow-up list of
 * appointments (order, overdue, replaced by a later record, paging both
 * ways, people who left) and the query plans of every list and status. */
#include "psych_support_fixture.h"

static struct dues dues(struct fixture *f, const char *centre, const char *today, enum page_dir dir,
                        const struct psych_due *key, int limit, bool *more)
{
	struct dues d = { 0 };
	assert_int_equal(psych_followup_list(f->db, centre, today, dir, key, limit, collect_due, &d, more), ST_OK);
	return d;
}

static void the_followup_list(void **state)
{
	struct fixture *f = *state;
	long long a = add_person(f, "Traoré", "Aïssa");
	long long b = add_person(f, "Diallo", "Mamadou");
	long long c = add_person(f, "Sow", "Awa");
	long long d = add_person(f, "Bello", "Ali");
	long long e = add_person(f, "Issoufou", "Zara");
	record(f, a, "2026-04-01", "none", "2026-04-15", "AGZ");
	record(f, b, "2026-04-02", "self", "2026-04-25", "AGZ");
	long long cc = record(f, c, "2026-04-03", "none", "2026-04-15", "AGZ");
	record(f, d, "2026-04-04", "none", "", "AGZ");
	record(f, e, "2026-04-05", "none", "2026-04-16", "ARL");

	struct dues l = dues(f, "AGZ", "2026-04-20", PAGE_AFTER, NULL, 10, NULL);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.d[0].person_id, a);   /* same day as c: by person */
	assert_int_equal(l.d[1].person_id, c);
	assert_int_equal(l.d[1].support_id, cc);
	assert_int_equal(l.d[2].person_id, b);
	assert_string_equal(l.d[0].name, "TRAORÉ Aïssa");
	assert_true(l.d[0].case_key[0] != '\0');
	assert_string_equal(l.d[0].due, "2026-04-15");
	assert_string_equal(l.d[0].birth_date, "1995");
	assert_true(l.d[0].overdue && l.d[1].overdue);
	assert_false(l.d[2].overdue);
	l = dues(f, "AGZ", "2026-04-15", PAGE_AFTER, NULL, 10, NULL);   /* due today is not overdue */
	assert_false(l.d[0].overdue || l.d[1].overdue || l.d[2].overdue);

	/* Paged by key both ways, saying when more remain. */
	struct dues all = dues(f, "AGZ", "2026-04-20", PAGE_AFTER, NULL, 10, NULL);
	bool more = false;
	l = dues(f, "AGZ", "2026-04-20", PAGE_AFTER, &all.d[0], 1, &more);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.d[0].person_id, c);
	assert_true(more);
	l = dues(f, "AGZ", "2026-04-20", PAGE_AFTER, &all.d[2], 10, &more);
	assert_int_equal(l.n, 0);
	assert_false(more);
	l = dues(f, "AGZ", "2026-04-20", PAGE_BEFORE, NULL, 2, &more);
	assert_true(more);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.d[0].person_id, c);   /* the last two, in order */
	assert_int_equal(l.d[1].person_id, b);
	l = dues(f, "AGZ", "2026-04-20", PAGE_BEFORE, &all.d[1], 5, &more);
	assert_false(more);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.d[0].person_id, a);
	assert_int_equal(dues(f, "AGZ", "2026-04-20", PAGE_AFTER, NULL, 0, NULL).n, 0);
	l = dues(f, "ARL", "2026-04-20", PAGE_AFTER, NULL, 10, NULL);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.d[0].person_id, e);
	struct dues none = { 0 };
	assert_int_equal(psych_followup_list(f->db, "XYZ", "2026-04-20", PAGE_AFTER, NULL, 10, collect_due, &none, NULL),
	                 ST_NOT_FOUND);
	assert_int_equal(psych_followup_list(f->db, "AGZ", "20/04/2026", PAGE_AFTER, NULL, 10, collect_due, &none, NULL),
	                 ST_INVALID);

	/* A later record replaces the appointment: A's without one takes A off;
	 * B's, entered later but dated before, does not; C's of the same day,
	 * entered later, does; D's gives D one; E's at AGZ brings E here. */
	record(f, a, "2026-04-16", "none", "", "AGZ");
	record(f, b, "2026-04-01", "none", "", "AGZ");
	record(f, c, "2026-04-03", "none", "", "AGZ");
	record(f, d, "2026-04-06", "none", "2026-04-30", "AGZ");
	record(f, e, "2026-04-17", "none", "2026-04-18", "AGZ");
	l = dues(f, "AGZ", "2026-04-20", PAGE_AFTER, NULL, 10, NULL);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.d[0].person_id, e);
	assert_true(l.d[0].overdue);
	assert_int_equal(l.d[1].person_id, b);
	assert_int_equal(l.d[2].person_id, d);
	assert_string_equal(l.d[2].name, "BELLO Ali");
	assert_int_equal(dues(f, "ARL", "2026-04-20", PAGE_AFTER, NULL, 10, NULL).n, 0);

	/* Someone who has left is followed elsewhere: off the list. */
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE stay SET departed = '2026-04-18', departure_reason = 'avr' "
	         "WHERE person_id = %lld", b);
	assert_int_equal(sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, NULL), SQLITE_OK);
	l = dues(f, "AGZ", "2026-04-20", PAGE_AFTER, NULL, 10, NULL);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.d[0].person_id, e);
	assert_int_equal(l.d[1].person_id, d);
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

static void the_lists_use_their_indexes(void **state)
{
	struct fixture *f = *state;
	long long p = add_person(f, "Traoré", "Aïssa");
	attended(f, p, "2026-04-02", "held", "present");
	record(f, p, "2026-04-01", "none", "2026-04-15", "AGZ");
	bool more;
	assert_int_equal(dues(f, "AGZ", "2026-04-20", PAGE_AFTER, NULL, 10, &more).n, 1);
	assert_int_equal(dues(f, "AGZ", "2026-04-20", PAGE_BEFORE, NULL, 10, &more).n, 1);
	struct psych_status ps;
	assert_int_equal(psych_status_get(f->db, p, &ps), ST_OK);
	struct supports seen = { 0 };
	assert_int_equal(psych_support_list(f->db, p, 10, collect_support, &seen, NULL), ST_OK);

	char plan[2048];
	const char *lists[] = { "(s.next_appointment, s.person_id) >", "(s.next_appointment, s.person_id) <" };
	for (int i = 0; i < 2; i++) {
		plan_of(f, lists[i], plan, sizeof plan);
		assert_non_null(strstr(plan, "USING INDEX psych_support_due (centre_id=?"));
		assert_non_null(strstr(plan, "psych_support_by_person (person_id=?"));
		assert_null(strstr(plan, "SCAN"));
		/* Sorted by the index: at most the people of one day by id. */
		assert_null(strstr(plan, "TEMP B-TREE FOR ORDER BY"));
	}
	plan_of(f, "FROM psych_attendance a", plan, sizeof plan);
	assert_non_null(strstr(plan, "psych_attendance_by_person (person_id=?"));
	assert_null(strstr(plan, "SCAN"));
	plan_of(f, "risk <> 'none'", plan, sizeof plan);
	assert_non_null(strstr(plan, "psych_support_by_person (person_id=?"));
	assert_null(strstr(plan, "SCAN"));
	plan_of(f, "WHERE s.person_id = ?1 ORDER BY", plan, sizeof plan);
	assert_non_null(strstr(plan, "psych_support_by_person (person_id=?"));
	assert_null(strstr(plan, "SCAN s"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(the_followup_list, setup, teardown),
		cmocka_unit_test_setup_teardown(the_lists_use_their_indexes, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
