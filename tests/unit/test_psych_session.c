/* Psychosocial sessions in the data layer: every rule refused with nothing
 * changed, the roles, the audit of each field, the lists of a centre and
 * of today, paged by key, and their query plan. The roll is tested in
 * test_psych_marks.c. */
#include "psych_fixture.h"

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
		struct roll_counts c;
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
		struct roll_row r;
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

static void the_list_uses_its_index(void **state)
{
	struct fixture *f = *state;
	saved(f, DAY);
	struct sessions l = { 0 };
	assert_int_equal(psych_session_list(f->db, "AGZ", "", PAGE_AFTER, NULL, 5, collect_session, &l, NULL), ST_OK);
	char plan[4096];
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
		cmocka_unit_test_setup_teardown(session_lists, psetup, pteardown),
		cmocka_unit_test_setup_teardown(the_list_uses_its_index, psetup, pteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
