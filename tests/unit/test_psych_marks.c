/* The attendance roll of a psychosocial session in the data layer: the
 * roll of a day (exactly the people staying then, plus the added), its
 * filter and paging, the rules of marking, two facilitators marking one
 * roll from two connections to one file, and the query plans. */
#include "psych_fixture.h"

static void the_roll_of_the_day(void **state)
{
	struct fixture *f = *state;
	long long here = person_at(f, "Traoré", "Aïssa", "AGZ", "2026-03-15");
	long long left_before = person_at(f, "Diallo", "Mamadou", "AGZ", "2026-03-15");
	long long left_that_day = person_at(f, "Sow", "Awa", "AGZ", "2026-03-15");
	long long came_after = person_at(f, "Bello", "Ali", "AGZ", "2026-04-11");
	long long elsewhere = person_at(f, "Issoufou", "Zara", "ARL", "2026-03-15");
	long long added = person_at(f, "Abdou", "Élise", "ARL", "2026-03-15");
	depart(f, left_before, "2026-04-09");
	depart(f, left_that_day, DAY);
	long long id = saved(f, DAY);

	struct roll_row r;
	assert_int_equal(psych_roll_row_get(f->db, id, added, &r), ST_OK);
	assert_false(r.listed);
	assert_int_equal(psych_roll_mark(f->db, id, &r, "present", NULL, NULL), ST_OK);

	bool more = true;
	struct rows all = roll(f, id, "", PAGE_AFTER, NULL, 10, &more);
	assert_false(more);
	assert_int_equal(all.n, 3);
	assert_int_equal(all.r[0].person_id, added);   /* ABDOU, SOW, TRAORÉ */
	assert_false(all.r[0].listed);
	assert_string_equal(all.r[0].mark, "present");
	assert_string_equal(all.r[0].marked_by, "psychosocial");
	assert_int_equal(all.r[1].person_id, left_that_day);
	assert_true(all.r[1].listed);
	assert_int_equal(all.r[2].person_id, here);
	assert_string_equal(all.r[2].mark, "");
	(void)came_after;
	(void)elsewhere;
	struct roll_counts c;
	assert_int_equal(psych_roll_count(f->db, id, &c), ST_OK);
	assert_int_equal(c.listed, 3);
	assert_int_equal(c.present, 1);

	/* Filter: any part of the name, accents and case folded, or the case
	 * number with or without dashes. */
	struct rows x = roll(f, id, "aissa", PAGE_AFTER, NULL, 10, NULL);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.r[0].person_id, here);
	x = roll(f, id, "RAO", PAGE_AFTER, NULL, 10, NULL);
	assert_int_equal(x.n, 1);
	x = roll(f, id, "elis", PAGE_AFTER, NULL, 10, NULL);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.r[0].person_id, added);
	x = roll(f, id, "ÉLISE ABD", PAGE_AFTER, NULL, 10, NULL);
	assert_int_equal(x.n, 1);
	x = roll(f, id, "zz", PAGE_AFTER, NULL, 10, NULL);
	assert_int_equal(x.n, 0);
	char part[8];
	snprintf(part, sizeof part, "%.5s", all.r[1].case_key + 3);   /* digits of the middle */
	x = roll(f, id, part, PAGE_AFTER, NULL, 10, NULL);
	assert_true(x.n >= 1);
	bool found = false;
	for (int i = 0; i < x.n; i++)
		found |= x.r[i].person_id == left_that_day;
	assert_true(found);
	char dashed[32];
	snprintf(dashed, sizeof dashed, "%.3s-%.2s", all.r[2].case_key, all.r[2].case_key + 3);
	x = roll(f, id, dashed, PAGE_AFTER, NULL, 10, NULL);
	assert_true(x.n >= 1);

	/* Paging by key, both ways. */
	struct rows p1 = roll(f, id, "", PAGE_AFTER, NULL, 2, &more);
	assert_int_equal(p1.n, 2);
	assert_true(more);
	struct rows p2 = roll(f, id, "", PAGE_AFTER, &p1.r[1], 2, &more);
	assert_int_equal(p2.n, 1);
	assert_false(more);
	assert_int_equal(p2.r[0].person_id, here);
	struct rows b = roll(f, id, "", PAGE_BEFORE, &p2.r[0], 2, &more);
	assert_int_equal(b.n, 2);
	assert_false(more);
	assert_int_equal(b.r[0].person_id, added);
	b = roll(f, id, "", PAGE_BEFORE, NULL, 1, &more);
	assert_int_equal(b.n, 1);
	assert_true(more);
	assert_int_equal(b.r[0].person_id, here);
}

static void mark_rules(void **state)
{
	struct fixture *f = *state;
	long long p = person_at(f, "Traoré", "Aïssa", "AGZ", "2026-03-15");
	long long id = saved(f, DAY);
	struct roll_row r;
	const char *m;
	bool changed = false;
	assert_int_equal(psych_roll_row_get(f->db, id, p, &r), ST_OK);
	assert_int_equal(psych_roll_mark(f->db, id, &r, "late", &m, NULL), ST_INVALID);
	assert_int_equal(psych_roll_mark(f->db, id, &r, "absent", NULL, &changed), ST_OK);
	assert_false(changed);
	struct psych_session s;
	assert_int_equal(psych_session_get(f->db, id, &s), ST_OK);
	assert_string_equal(s.status, "planned");
	assert_int_equal(psych_roll_mark(f->db, id, &r, "present", NULL, &changed), ST_OK);
	assert_true(changed);
	assert_string_equal(r.mark, "present");
	assert_int_equal(r.mark_version, 2);
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.entity, "psych_session");
	assert_string_equal(a.changes, "{\"status\": [\"planned\", \"held\"], \"because\": \"marked_present\"}");
	assert_int_equal(psych_session_get(f->db, id, &s), ST_OK);
	assert_string_equal(s.status, "held");
	assert_int_equal(s.present, 1);
	/* Clearing removes the mark, audited. */
	assert_int_equal(psych_roll_mark(f->db, id, &r, "", NULL, NULL), ST_OK);
	assert_string_equal(r.mark, "");
	last_audit(f, &a);
	assert_string_equal(a.action, "delete");
	assert_string_equal(a.entity, "psych_attendance");
	assert_non_null(strstr(a.changes, "\"mark\": [\"present\", null]"));

	/* Cancelled: no marks; a head count: no marks; a day to come: none. */
	int v = s.version;
	assert_int_equal(psych_session_set_status(f->db, id, &v, "cancelled", "Pluie", NULL), ST_OK);
	long long audits = audit_rows(f);
	assert_int_equal(psych_roll_mark(f->db, id, &r, "present", &m, NULL), ST_INVALID);
	assert_non_null(m);
	assert_int_equal(audit_rows(f), audits);
	struct psych_session c = session(f, DAY);
	snprintf(c.roll, sizeof c.roll, "count");
	c.count_girls = 12;
	assert_int_equal(psych_session_save(f->db, &c, NULL, NULL), ST_OK);
	assert_int_equal(psych_roll_mark(f->db, c.id, &r, "present", &m, NULL), ST_INVALID);
	long long later = saved(f, "2026-04-21");
	assert_int_equal(psych_roll_row_get(f->db, later, p, &r), ST_OK);
	assert_int_equal(psych_roll_mark(f->db, later, &r, "present", &m, NULL), ST_INVALID);
	assert_int_equal(one(f->db, "SELECT count(*) FROM psych_attendance", 0), 0);
	/* Marks by name keep the roll by name. */
	long long held = saved(f, DAY);
	assert_int_equal(psych_roll_row_get(f->db, held, p, &r), ST_OK);
	assert_int_equal(psych_roll_mark(f->db, held, &r, "present", NULL, NULL), ST_OK);
	assert_int_equal(psych_session_get(f->db, held, &s), ST_OK);
	snprintf(s.roll, sizeof s.roll, "count");
	const char *field;
	assert_int_equal(psych_session_save(f->db, &s, &m, &field), ST_INVALID);
	assert_string_equal(field, "roll");
	assert_int_equal(psych_roll_row_get(f->db, held, 99999, &r), ST_NOT_FOUND);
}

static void two_facilitators_on_one_roll(void **state)
{
	struct fixture *f = *state;
	long long a = person_at(f, "Traoré", "Aïssa", "AGZ", "2026-03-15");
	long long b = person_at(f, "Sow", "Awa", "AGZ", "2026-03-15");
	long long id = saved(f, DAY);
	struct db *other;
	assert_int_equal(db_open(f->t.db, DB_EXISTING, &other, NULL, 0), ST_OK);
	sign_in_db(other);

	/* Both open the roll, each marks a different person. */
	struct rows mine = roll(f, id, "", PAGE_AFTER, NULL, 10, NULL);
	struct rows theirs = { 0 };
	assert_int_equal(psych_roll_page(other, id, "", PAGE_AFTER, NULL, 10, collect_row, &theirs, NULL), ST_OK);
	assert_int_equal(mine.n, 2);
	assert_int_equal(theirs.n, 2);
	assert_int_equal(mine.r[0].person_id, b);   /* SOW, TRAORÉ */
	assert_int_equal(psych_roll_mark(f->db, id, &mine.r[0], "present", NULL, NULL), ST_OK);
	assert_int_equal(psych_roll_mark(other, id, &theirs.r[1], "absent", NULL, NULL), ST_OK);
	struct rows now = roll(f, id, "", PAGE_AFTER, NULL, 10, NULL);
	assert_string_equal(now.r[0].mark, "present");
	assert_string_equal(now.r[1].mark, "absent");
	assert_int_equal(now.r[1].person_id, a);

	/* The other marks Awa excused from the row they showed (no mark):
	 * stale, refused, the row refreshed with who marked it. */
	const char *m;
	struct roll_row stale = theirs.r[0];
	assert_int_equal(psych_roll_mark(other, id, &stale, "excused", &m, NULL), ST_CONFLICT);
	assert_string_equal(stale.mark, "present");
	assert_string_equal(stale.marked_by, "psychosocial");
	/* From the refreshed row it goes through. */
	assert_int_equal(psych_roll_mark(other, id, &stale, "excused", &m, NULL), ST_OK);
	/* Stale, even asking what is stored already: shown first, no write. */
	long long audits = audit_rows(f);
	struct roll_row old = mine.r[0];   /* still shows "present" at version 1 */
	assert_int_equal(psych_roll_mark(f->db, id, &old, "excused", NULL, NULL), ST_CONFLICT);
	assert_string_equal(old.mark, "excused");
	assert_int_equal(old.mark_version, 2);
	/* Up to date and the same mark: nothing written. */
	struct roll_row again = now.r[1];
	assert_int_equal(psych_roll_mark(other, id, &again, "absent", NULL, NULL), ST_OK);
	assert_int_equal(audit_rows(f), audits);
	/* A row cleared and marked again by the other is stale too. */
	struct roll_row seen = now.r[1];   /* absent, version 1 */
	assert_int_equal(psych_roll_mark(other, id, &again, "", NULL, NULL), ST_OK);
	assert_int_equal(psych_roll_mark(other, id, &again, "excused", NULL, NULL), ST_OK);
	assert_int_equal(again.mark_version, 1);
	assert_int_equal(psych_roll_mark(f->db, id, &seen, "present", NULL, NULL), ST_CONFLICT);
	assert_string_equal(seen.mark, "excused");
	assert_int_equal(one(f->db, "SELECT count(*) FROM psych_attendance", 0), 2);
	db_close(&other);
}

static void the_roll_uses_its_indexes(void **state)
{
	struct fixture *f = *state;
	long long p = person_at(f, "Traoré", "Aïssa", "AGZ", "2026-03-15");
	long long id = saved(f, DAY);
	struct roll_row r;
	assert_int_equal(psych_roll_row_get(f->db, id, p, &r), ST_OK);
	assert_int_equal(psych_roll_mark(f->db, id, &r, "present", NULL, NULL), ST_OK);
	roll(f, id, "", PAGE_AFTER, NULL, 5, NULL);
	struct roll_counts c;
	assert_int_equal(psych_roll_count(f->db, id, &c), ST_OK);
	char plan[4096];
	plan_of(f, "ORDER BY p.family_name, p.given_names, p.id", plan, sizeof plan);
	assert_non_null(strstr(plan, "USING INDEX stay_current (centre_id=?)"));
	/* Stays ended on or after the day: not the whole stay table. */
	assert_non_null(strstr(plan, "USING INDEX stay_departed (centre_id=? AND departed>?)"));
	assert_null(strstr(plan, "SCAN stay"));
	assert_non_null(strstr(plan, "sqlite_autoindex_psych_attendance_1 (session_id=?)"));
	assert_non_null(strstr(plan, "SEARCH p USING INTEGER PRIMARY KEY"));
	assert_non_null(strstr(plan, "stay_by_person (person_id=?"));
	assert_null(strstr(plan, "SCAN p"));
	assert_null(strstr(plan, "SCAN person"));
	plan_of(f, "GROUP BY mark", plan, sizeof plan);
	assert_null(strstr(plan, "SCAN"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(the_roll_of_the_day, psetup, pteardown),
		cmocka_unit_test_setup_teardown(mark_rules, psetup, pteardown),
		cmocka_unit_test_setup_teardown(two_facilitators_on_one_roll, psetup, pteardown),
		cmocka_unit_test_setup_teardown(the_roll_uses_its_indexes, psetup, pteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
