/* Psychosocial sessions and their attendance roll in the data layer: every
 * rule refused with nothing changed, the roles, the audit of each field,
 * marking from two connections to one file, the roll of a day (exactly the
 * people staying then, plus the added), its filter and paging, and the
 * query plans. */
#include "core/clock.h"
#include "db/psych_session.h"
#include "db/stay.h"
#include "medical_fixture.h"

#define TODAY 1776686400   /* 2026-04-20 12:00 UTC */
#define DAY "2026-04-10"

static int psetup(void **state)
{
	clock_set(TODAY);
	setup(state);
	sign_in(*state, ROLE_PSYCHOSOCIAL);
	return 0;
}

static int pteardown(void **state)
{
	clock_set(0);
	return teardown(state);
}

static long long one(struct db *db, const char *sql, long long arg)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, arg);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A person registered at centre, arrived on arrival (first stay). */
static long long person_at(struct fixture *f, const char *family, const char *given, const char *centre,
                           const char *arrival)
{
	sign_in(f, ROLE_INTAKE);
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = 'f';
	snprintf(p.arrival_date, sizeof p.arrival_date, "%s", arrival);
	snprintf(p.centre_code, sizeof p.centre_code, "%s", centre);
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "%s", arrival);
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	sign_in(f, ROLE_PSYCHOSOCIAL);
	return p.id;
}

static void depart(struct fixture *f, long long person, const char *date)
{
	sign_in(f, ROLE_INTAKE);
	long long stay = one(f->db, "SELECT id FROM stay WHERE person_id = ?1 AND departed IS NULL", person);
	assert_int_equal(stay_depart(f->db, stay, date, "continued"), ST_OK);
	sign_in(f, ROLE_PSYCHOSOCIAL);
}

static long long activity(struct fixture *f, const char *code)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), "SELECT id FROM ref_item WHERE code = ?1", -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static struct psych_session session(struct fixture *f, const char *date)
{
	struct psych_session s;
	psych_session_init(&s, "AGZ", date);
	s.activity_id = activity(f, "football");
	snprintf(s.title, sizeof s.title, "Match du jeudi");
	snprintf(s.start_time, sizeof s.start_time, "09:00");
	snprintf(s.end_time, sizeof s.end_time, "10:30");
	snprintf(s.facilitator_name, sizeof s.facilitator_name, "Moussa (ONG)");
	s.partner_id = activity(f, "implementing_ngo");
	snprintf(s.place, sizeof s.place, "Cour");
	return s;
}

static long long saved(struct fixture *f, const char *date)
{
	struct psych_session s = session(f, date);
	assert_int_equal(psych_session_save(f->db, &s, NULL, NULL), ST_OK);
	return s.id;
}

static long long audit_rows(struct fixture *f)
{
	return one(f->db, "SELECT count(*) FROM audit", 0);
}

static void every_rule_refused_with_nothing_changed(void **state)
{
	struct fixture *f = *state;
	struct psych_session good = session(f, DAY);
	const char *m, *field;
	assert_int_equal(psych_session_check(f->db, &good, &m, &field), ST_OK);
	assert_null(m);
	long long retired = activity(f, "yoga");
	assert_int_equal(sqlite3_exec(db_sqlite(f->db), "UPDATE ref_item SET active = 0 WHERE code = 'yoga'", NULL, NULL,
	                              NULL), SQLITE_OK);
	static const char *const cases[] = {
		"date", "start_time", "end_time", "status", "cancel_reason", "roll", "count_boys",
		"facilitator_name", "activity_id", "partner_id", "title", "centre_code", "facilitator_id",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		for (int variant = 0; variant < 3; variant++) {
			struct psych_session s = good;
			const char *want = cases[i];
			if (!strcmp(want, "date"))
				snprintf(s.date, sizeof s.date, variant == 0 ? "2026-02-30" : variant == 1 ? "2026-04" : "");
			else if (!strcmp(want, "start_time"))
				snprintf(s.start_time, sizeof s.start_time, variant == 0 ? "24:00" : variant == 1 ? "9h30" : "09:60");
			else if (!strcmp(want, "end_time")) {
				snprintf(s.end_time, sizeof s.end_time, variant == 0 ? "09:00" : variant == 1 ? "08:59" : "1030");
			} else if (!strcmp(want, "status"))
				snprintf(s.status, sizeof s.status, variant == 0 ? "done" : "");
			else if (!strcmp(want, "cancel_reason")) {
				/* cancelled without a reason, or a reason when not cancelled */
				if (variant == 0)
					snprintf(s.status, sizeof s.status, "cancelled");
				else if (variant == 1) {
					snprintf(s.status, sizeof s.status, "cancelled");
					snprintf(s.cancel_reason, sizeof s.cancel_reason, "   ");
				} else
					snprintf(s.cancel_reason, sizeof s.cancel_reason, "Rain");
			} else if (!strcmp(want, "roll"))
				snprintf(s.roll, sizeof s.roll, variant == 0 ? "both" : "");
			else if (!strcmp(want, "count_boys")) {
				if (variant == 0)
					s.count_boys = 3;   /* counts only for a head count */
				else {
					snprintf(s.roll, sizeof s.roll, "count");
					s.count_boys = variant == 1 ? 10000 : -2;
				}
			} else if (!strcmp(want, "facilitator_name"))
				s.facilitator_id = 1;   /* an account and a name */
			else if (!strcmp(want, "activity_id"))
				s.activity_id = variant == 0 ? retired : variant == 1 ? s.partner_id : 99999;
			else if (!strcmp(want, "partner_id"))
				s.partner_id = variant == 0 ? good.activity_id : 99999;
			else if (!strcmp(want, "title"))
				memset(s.title, 'x', 81);
			else if (!strcmp(want, "centre_code"))
				snprintf(s.centre_code, sizeof s.centre_code, "XYZ");
			else if (!strcmp(want, "facilitator_id")) {
				s.facilitator_name[0] = '\0';
				s.facilitator_id = 99999;
			}
			long long rows = one(f->db, "SELECT count(*) FROM psych_session", 0), audits = audit_rows(f);
			field = NULL;
			assert_int_equal(psych_session_save(f->db, &s, &m, &field), ST_INVALID);
			assert_non_null(m);
			assert_non_null(field);
			if (strcmp(field, want) != 0)
				fail_msg("case %s/%d: refused on %s (%s)", want, variant, field, m);
			assert_int_equal(s.id, 0);
			assert_int_equal(one(f->db, "SELECT count(*) FROM psych_session", 0), rows);
			assert_int_equal(audit_rows(f), audits);
		}
	}
	/* The session keeps its retired activity when edited. */
	struct psych_session s = good;
	sqlite3_exec(db_sqlite(f->db), "UPDATE ref_item SET active = 1 WHERE code = 'yoga'", NULL, NULL, NULL);
	s.activity_id = retired;
	assert_int_equal(psych_session_save(f->db, &s, NULL, NULL), ST_OK);
	sqlite3_exec(db_sqlite(f->db), "UPDATE ref_item SET active = 0 WHERE code = 'yoga'", NULL, NULL, NULL);
	snprintf(s.title, sizeof s.title, "Yoga du matin");
	assert_int_equal(psych_session_save(f->db, &s, NULL, NULL), ST_OK);
	/* A stale version is a conflict, nothing saved. */
	struct psych_session old = s;
	old.version--;
	snprintf(old.title, sizeof old.title, "Other");
	assert_int_equal(psych_session_save(f->db, &old, NULL, NULL), ST_CONFLICT);
	struct psych_session back;
	assert_int_equal(psych_session_get(f->db, s.id, &back), ST_OK);
	assert_string_equal(back.title, "Yoga du matin");
}

static void roles(void **state)
{
	struct fixture *f = *state;
	long long id = saved(f, DAY);
	long long p = person_at(f, "Traoré", "Aïssa", "AGZ", "2026-03-15");
	const enum role refused[] = { ROLE_DISTRIBUTION, ROLE_INTAKE, ROLE_MEDICAL, ROLE_TRAINING };
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		sign_in(f, refused[i]);
		struct psych_session s;
		struct psych_roll_counts c;
		assert_int_equal(psych_session_get(f->db, id, &s), ST_DENIED);
		assert_int_equal(psych_session_list(f->db, "AGZ", NULL, PAGE_AFTER, NULL, 5, NULL, NULL, NULL), ST_DENIED);
		assert_int_equal(psych_roll_page(f->db, id, "", PAGE_AFTER, NULL, 5, NULL, NULL, NULL), ST_DENIED);
		assert_int_equal(psych_roll_count(f->db, id, &c), ST_DENIED);
	}
	const enum role readers[] = { ROLE_MANAGER, ROLE_PROTECTION };
	for (size_t i = 0; i < 2; i++) {
		sign_in(f, readers[i]);
		struct psych_session s;
		assert_int_equal(psych_session_get(f->db, id, &s), ST_OK);
		assert_int_equal(psych_roll_page(f->db, id, "", PAGE_AFTER, NULL, 5, NULL, NULL, NULL), ST_OK);
		snprintf(s.title, sizeof s.title, "Changed");
		assert_int_equal(psych_session_save(f->db, &s, NULL, NULL), ST_DENIED);
		struct psych_session n = session(f, DAY);
		assert_int_equal(psych_session_save(f->db, &n, NULL, NULL), ST_DENIED);
		int v = s.version;
		assert_int_equal(psych_session_set_status(f->db, id, &v, "held", NULL, NULL), ST_DENIED);
		struct psych_roll_row r;
		assert_int_equal(psych_roll_row_get(f->db, id, p, &r), ST_OK);
		assert_int_equal(psych_roll_mark(f->db, id, &r, "present", NULL, NULL), ST_DENIED);
		assert_int_equal(psych_sessions_today(f->db, 5, NULL, NULL, NULL), ST_DENIED);
	}
	assert_int_equal(one(f->db, "SELECT count(*) FROM psych_attendance", 0), 0);
	assert_int_equal(one(f->db, "SELECT count(*) FROM psych_session", 0), 1);
}

static void every_field_audited(void **state)
{
	struct fixture *f = *state;
	struct psych_session s = session(f, DAY);
	assert_int_equal(psych_session_save(f->db, &s, NULL, NULL), ST_OK);
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.action, "create");
	assert_string_equal(a.entity, "psych_session");
	assert_int_equal(a.entity_id, s.id);
	const char *names[] = { "centre_code", "activity_id", "title", "date", "start_time", "end_time",
	                        "facilitator_id", "facilitator_name", "partner_id", "place", "status",
	                        "cancel_reason", "roll", "count_boys", "count_girls", "count_men", "count_women" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		assert_non_null(strstr(a.changes, names[i]));
	assert_non_null(strstr(a.changes, "\"Match du jeudi\""));

	/* Each field changed alone: its before and after, nothing else. */
	struct psych_session t = s;
	snprintf(t.title, sizeof t.title, "Tournoi");
	assert_int_equal(psych_session_save(f->db, &t, NULL, NULL), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.action, "update");
	assert_string_equal(a.changes, "{\"title\": [\"Match du jeudi\", \"Tournoi\"]}");
	snprintf(t.end_time, sizeof t.end_time, "11:00");
	assert_int_equal(psych_session_save(f->db, &t, NULL, NULL), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.changes, "{\"end_time\": [\"10:30\", \"11:00\"]}");
	t.facilitator_name[0] = '\0';
	t.facilitator_id = one(f->db, "SELECT id FROM app_user WHERE name = 'psychosocial'", 0);
	assert_int_equal(psych_session_save(f->db, &t, NULL, NULL), ST_OK);
	last_audit(f, &a);
	assert_non_null(strstr(a.changes, "\"facilitator_name\": [\"Moussa (ONG)\", \"\"]"));
	assert_non_null(strstr(a.changes, "\"facilitator_id\": [0, "));
	snprintf(t.roll, sizeof t.roll, "count");
	t.count_boys = 4;
	t.count_women = 2;
	assert_int_equal(psych_session_save(f->db, &t, NULL, NULL), ST_OK);
	last_audit(f, &a);
	assert_non_null(strstr(a.changes, "\"roll\": [\"names\", \"count\"]"));
	assert_non_null(strstr(a.changes, "\"count_boys\": [-1, 4]"));
	assert_non_null(strstr(a.changes, "\"count_women\": [-1, 2]"));
	assert_null(strstr(a.changes, "count_girls"));

	/* The other fields, each alone: before and after in the trail. */
	static const char *const each[] = {
		"date", "start_time", "place", "partner_id", "activity_id", "status", "centre_code", "count_men",
	};
	for (size_t i = 0; i < sizeof each / sizeof each[0]; i++) {
		const char *n = each[i];
		if (!strcmp(n, "date"))
			snprintf(t.date, sizeof t.date, "2026-04-11");
		else if (!strcmp(n, "start_time"))
			snprintf(t.start_time, sizeof t.start_time, "08:15");
		else if (!strcmp(n, "place"))
			snprintf(t.place, sizeof t.place, "Salle 2");
		else if (!strcmp(n, "partner_id"))
			t.partner_id = 0;
		else if (!strcmp(n, "activity_id"))
			t.activity_id = activity(f, "game");
		else if (!strcmp(n, "status"))
			snprintf(t.status, sizeof t.status, "held");
		else if (!strcmp(n, "centre_code"))
			snprintf(t.centre_code, sizeof t.centre_code, "ARL");
		else
			t.count_men = 7;
		assert_int_equal(psych_session_save(f->db, &t, NULL, NULL), ST_OK);
		last_audit(f, &a);
		char want[64];
		snprintf(want, sizeof want, "{\"%s\": [", n);
		if (strncmp(a.changes, want, strlen(want)) != 0 || strstr(a.changes, "], \""))
			fail_msg("%s: %s", n, a.changes);
	}
	snprintf(t.status, sizeof t.status, "planned");
	assert_int_equal(psych_session_save(f->db, &t, NULL, NULL), ST_OK);

	/* Cancelling needs its reason, which is audited. */
	int v = t.version;
	const char *m;
	assert_int_equal(psych_session_set_status(f->db, t.id, &v, "cancelled", "", &m), ST_INVALID);
	assert_non_null(m);
	assert_int_equal(v, t.version);
	assert_int_equal(psych_session_set_status(f->db, t.id, &v, "cancelled", "Pluie", &m), ST_OK);
	assert_int_equal(v, t.version + 1);
	last_audit(f, &a);
	assert_string_equal(a.changes, "{\"status\": [\"planned\", \"cancelled\"], \"cancel_reason\": [\"\", \"Pluie\"]}");
	assert_int_equal(psych_session_set_status(f->db, t.id, &v, "planned", "ignored", &m), ST_OK);
	struct psych_session back;
	assert_int_equal(psych_session_get(f->db, t.id, &back), ST_OK);
	assert_string_equal(back.status, "planned");
	assert_string_equal(back.cancel_reason, "");
	assert_int_equal(back.count_boys, 4);
	assert_int_equal(back.count_girls, PSYCH_COUNT_NONE);
}

struct rows {
	int n;
	struct psych_roll_row r[32];
};

static void collect_row(const struct psych_roll_row *r, void *ctx)
{
	struct rows *s = ctx;
	if (s->n < 32)
		s->r[s->n++] = *r;
}

static struct rows roll(struct fixture *f, long long id, const char *filter, enum page_dir dir,
                        const struct psych_roll_row *key, int limit, bool *more)
{
	struct rows r = { 0 };
	assert_int_equal(psych_roll_page(f->db, id, filter, dir, key, limit, collect_row, &r, more), ST_OK);
	return r;
}

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

	struct psych_roll_row r;
	assert_int_equal(psych_roll_row_get(f->db, id, added, &r), ST_OK);
	assert_false(r.staying);
	assert_int_equal(psych_roll_mark(f->db, id, &r, "present", NULL, NULL), ST_OK);

	bool more = true;
	struct rows all = roll(f, id, "", PAGE_AFTER, NULL, 10, &more);
	assert_false(more);
	assert_int_equal(all.n, 3);
	assert_int_equal(all.r[0].person_id, added);   /* ABDOU, SOW, TRAORÉ */
	assert_false(all.r[0].staying);
	assert_string_equal(all.r[0].mark, "present");
	assert_string_equal(all.r[0].marked_by, "psychosocial");
	assert_int_equal(all.r[1].person_id, left_that_day);
	assert_true(all.r[1].staying);
	assert_int_equal(all.r[2].person_id, here);
	assert_string_equal(all.r[2].mark, "");
	(void)came_after;
	(void)elsewhere;
	struct psych_roll_counts c;
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
	struct psych_roll_row r;
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

/* Signs conn in as the psychosocial account. */
static void sign_in_db(struct db *db)
{
	struct user u;
	struct login_request req = { "psychosocial", PASSWORD, "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(db, &req, &u, NULL), ST_OK);
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
	struct psych_roll_row stale = theirs.r[0];
	assert_int_equal(psych_roll_mark(other, id, &stale, "excused", &m, NULL), ST_CONFLICT);
	assert_string_equal(stale.mark, "present");
	assert_string_equal(stale.marked_by, "psychosocial");
	/* From the refreshed row it goes through. */
	assert_int_equal(psych_roll_mark(other, id, &stale, "excused", &m, NULL), ST_OK);
	/* Stale, even asking what is stored already: shown first, no write. */
	long long audits = audit_rows(f);
	struct psych_roll_row old = mine.r[0];   /* still shows "present" at version 1 */
	assert_int_equal(psych_roll_mark(f->db, id, &old, "excused", NULL, NULL), ST_CONFLICT);
	assert_string_equal(old.mark, "excused");
	assert_int_equal(old.mark_version, 2);
	/* Up to date and the same mark: nothing written. */
	struct psych_roll_row again = now.r[1];
	assert_int_equal(psych_roll_mark(other, id, &again, "absent", NULL, NULL), ST_OK);
	assert_int_equal(audit_rows(f), audits);
	/* A row cleared and marked again by the other is stale too. */
	struct psych_roll_row seen = now.r[1];   /* absent, version 1 */
	assert_int_equal(psych_roll_mark(other, id, &again, "", NULL, NULL), ST_OK);
	assert_int_equal(psych_roll_mark(other, id, &again, "excused", NULL, NULL), ST_OK);
	assert_int_equal(again.mark_version, 1);
	assert_int_equal(psych_roll_mark(f->db, id, &seen, "present", NULL, NULL), ST_CONFLICT);
	assert_string_equal(seen.mark, "excused");
	assert_int_equal(one(f->db, "SELECT count(*) FROM psych_attendance", 0), 2);
	db_close(&other);
}

struct sessions {
	int n;
	struct psych_session s[8];
};

static void collect_session(const struct psych_session *s, void *ctx)
{
	struct sessions *l = ctx;
	if (l->n < 8)
		l->s[l->n++] = *s;
}

static void session_lists(void **state)
{
	struct fixture *f = *state;
	long long a = saved(f, "2026-04-10");
	struct psych_session s = session(f, "2026-04-10");
	snprintf(s.start_time, sizeof s.start_time, "14:00");
	s.end_time[0] = '\0';
	assert_int_equal(psych_session_save(f->db, &s, NULL, NULL), ST_OK);
	long long b = s.id;
	long long c = saved(f, "2026-04-20");
	s = session(f, "2026-04-20");
	snprintf(s.centre_code, sizeof s.centre_code, "ARL");
	assert_int_equal(psych_session_save(f->db, &s, NULL, NULL), ST_OK);
	struct sessions l = { 0 };
	bool more;
	assert_int_equal(psych_session_list(f->db, "AGZ", "", PAGE_AFTER, NULL, 2, collect_session, &l, &more), ST_OK);
	assert_int_equal(l.n, 2);
	assert_true(more);
	assert_int_equal(l.s[0].id, c);
	assert_int_equal(l.s[1].id, b);
	struct sessions n = { 0 };
	assert_int_equal(psych_session_list(f->db, "AGZ", "", PAGE_AFTER, &l.s[1], 2, collect_session, &n, &more),
	                 ST_OK);
	assert_int_equal(n.n, 1);
	assert_false(more);
	assert_int_equal(n.s[0].id, a);
	struct sessions p = { 0 };
	assert_int_equal(psych_session_list(f->db, "AGZ", NULL, PAGE_BEFORE, &n.s[0], 5, collect_session, &p, &more),
	                 ST_OK);
	assert_int_equal(p.n, 2);
	assert_int_equal(p.s[0].id, c);
	struct sessions d = { 0 };
	assert_int_equal(psych_session_list(f->db, "AGZ", "2026-04-10", PAGE_AFTER, NULL, 5, collect_session, &d, NULL),
	                 ST_OK);
	assert_int_equal(d.n, 2);
	assert_int_equal(psych_session_list(f->db, "XYZ", "", PAGE_AFTER, NULL, 5, collect_session, &d, NULL),
	                 ST_NOT_FOUND);
	struct sessions t = { 0 };
	assert_int_equal(psych_sessions_today(f->db, 5, collect_session, &t, &more), ST_OK);
	assert_int_equal(t.n, 1);
	assert_int_equal(t.s[0].id, c);
}

/* The query plan of the cached statement holding needle. */
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
	long long p = person_at(f, "Traoré", "Aïssa", "AGZ", "2026-03-15");
	long long id = saved(f, DAY);
	struct psych_roll_row r;
	assert_int_equal(psych_roll_row_get(f->db, id, p, &r), ST_OK);
	assert_int_equal(psych_roll_mark(f->db, id, &r, "present", NULL, NULL), ST_OK);
	roll(f, id, "", PAGE_AFTER, NULL, 5, NULL);
	struct psych_roll_counts c;
	assert_int_equal(psych_roll_count(f->db, id, &c), ST_OK);
	struct sessions l = { 0 };
	assert_int_equal(psych_session_list(f->db, "AGZ", "", PAGE_AFTER, NULL, 5, collect_session, &l, NULL), ST_OK);
	char plan[4096];
	plan_of(f, "ORDER BY p.family_name, p.given_names, p.id", plan, sizeof plan);
	assert_non_null(strstr(plan, "USING INDEX stay_current (centre_id=?)"));
	assert_non_null(strstr(plan, "sqlite_autoindex_psych_attendance_1 (session_id=?)"));
	assert_non_null(strstr(plan, "SEARCH p USING INTEGER PRIMARY KEY"));
	assert_non_null(strstr(plan, "stay_by_person (person_id=?"));
	assert_null(strstr(plan, "SCAN p"));
	assert_null(strstr(plan, "SCAN person"));
	plan_of(f, "GROUP BY mark", plan, sizeof plan);
	assert_null(strstr(plan, "SCAN"));
	plan_of(f, "s.date >= ?2 AND s.date <= ?3", plan, sizeof plan);
	assert_non_null(strstr(plan, "SEARCH s USING INDEX psych_session_by_centre (centre_id=? AND date>? AND date<?)"));
	assert_null(strstr(plan, "SCAN s"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_rule_refused_with_nothing_changed, psetup, pteardown),
		cmocka_unit_test_setup_teardown(roles, psetup, pteardown),
		cmocka_unit_test_setup_teardown(every_field_audited, psetup, pteardown),
		cmocka_unit_test_setup_teardown(the_roll_of_the_day, psetup, pteardown),
		cmocka_unit_test_setup_teardown(mark_rules, psetup, pteardown),
		cmocka_unit_test_setup_teardown(two_facilitators_on_one_roll, psetup, pteardown),
		cmocka_unit_test_setup_teardown(session_lists, psetup, pteardown),
		cmocka_unit_test_setup_teardown(the_lists_use_their_indexes, psetup, pteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
