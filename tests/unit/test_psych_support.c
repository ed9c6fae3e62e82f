/* Individual psychosocial support in the data layer: the rules, who may
 * read and write it (every role signed in for real), the audit of every
 * opening and write and what the trail shows others, the case-file status
 * each role gets (the follow-up list and the query plans:
 * test_psych_support_lists.c). */
#include "psych_support_fixture.h"

/* psych_support_check refuses s with msgid about field. */
static void refused(const struct psych_support *s, const char *expected, const char *field)
{
	const char *why = NULL, *fld = "x";
	assert_int_equal(psych_support_check(s, TODAY, &why, &fld), ST_INVALID);
	assert_non_null(why);
	assert_true(strlen(why) <= 60);
	if (expected)
		assert_string_equal(why, expected);
	if (field)
		assert_string_equal(fld, field);
}

static void the_rules(void **state)
{
	struct fixture *f = *state;
	struct psych_support ok = support(1, "2026-04-20", "none", "2026-04-27"), s;
	const char *why = "x", *fld = "x";
	assert_int_equal(psych_support_check(&ok, TODAY, &why, &fld), ST_OK);
	assert_null(why);
	assert_null(fld);
	s = ok;
	snprintf(s.date, sizeof s.date, "2026-05-02");
	refused(&s, "The date is in the future.", "date");
	snprintf(s.date, sizeof s.date, "2026-04");
	refused(&s, "The date is not a valid day.", "date");
	s = ok;
	snprintf(s.date, sizeof s.date, TODAY);   /* today will do */
	s.next_appointment[0] = '\0';
	assert_int_equal(psych_support_check(&s, TODAY, NULL, NULL), ST_OK);
	s = ok;
	snprintf(s.modality, sizeof s.modality, "couple");
	refused(&s, "Choose individual, family or group.", "modality");
	s = ok;
	s.risk[0] = '\0';
	refused(&s, NULL, "risk");
	snprintf(s.risk, sizeof s.risk, "both");
	refused(&s, NULL, "risk");
	s = ok;
	s.concerns |= 1u << PSYCH_CONCERN_OTHER;
	refused(&s, "Say what the other concern is.", "concern_other");
	snprintf(s.concern_other, sizeof s.concern_other, "Addiction");
	assert_int_equal(psych_support_check(&s, TODAY, NULL, NULL), ST_OK);
	s.concerns &= ~(1u << PSYCH_CONCERN_OTHER);
	refused(&s, NULL, "concern_other");
	s = ok;
	s.concerns = 1u << PSYCH_CONCERN_COUNT_;
	refused(&s, NULL, "concerns");
	s = ok;
	s.referrals = 1u << PSYCH_REFERRAL_COUNT_;
	refused(&s, NULL, "referrals");
	s.referrals = 1u << PSYCH_REFERRAL_MENTAL_HEALTH | 1u << PSYCH_REFERRAL_PROTECTION;
	assert_int_equal(psych_support_check(&s, TODAY, NULL, NULL), ST_OK);
	s = ok;
	snprintf(s.next_appointment, sizeof s.next_appointment, "2026-04-20");   /* not the same day */
	refused(&s, "The next appointment must come after this session.", "next_appointment");
	snprintf(s.next_appointment, sizeof s.next_appointment, "2026-04-19");
	refused(&s, NULL, "next_appointment");
	snprintf(s.next_appointment, sizeof s.next_appointment, "soon");
	refused(&s, "The next appointment is not a valid day.", "next_appointment");
	snprintf(s.next_appointment, sizeof s.next_appointment, "2026-06-10");   /* after today will do */
	assert_int_equal(psych_support_check(&s, TODAY, NULL, NULL), ST_OK);
	s = ok;
	s.centre_code[0] = '\0';
	refused(&s, NULL, NULL);
	s = ok;
	memset(s.actions, 'a', sizeof s.actions);   /* no end inside its buffer */
	refused(&s, NULL, "actions");
	s = ok;
	snprintf(s.concern_other, sizeof s.concern_other, "bad \xff byte");
	refused(&s, NULL, NULL);
	const char *m = NULL;
	assert_int_equal(psych_support_check(&ok, "01/05/2026", &m, NULL), ST_INVALID);

	/* The same rules when saving, with the clock's date; nothing is kept. */
	long long p = add_person(f, "Sani", "Hadiza");
	long long before = audit_count(f->db);
	s = support(p, "2026-05-02", "none", "");
	assert_int_equal(psych_support_save(f->db, &s), ST_INVALID);
	s = support(p, "2026-04-20", "none", "2026-04-20");
	assert_int_equal(psych_support_save(f->db, &s), ST_INVALID);
	s = support(p, "2026-04-20", "none", "");
	snprintf(s.centre_code, sizeof s.centre_code, "XYZ");
	assert_int_equal(psych_support_save(f->db, &s), ST_NOT_FOUND);
	s = support(p + 1000, "2026-04-20", "none", "");
	assert_int_equal(psych_support_save(f->db, &s), ST_NOT_FOUND);
	assert_int_equal(s.id, 0);
	assert_int_equal(audit_count(f->db), before);
	struct supports seen = { 0 };
	assert_int_equal(psych_support_list(f->db, p + 1000, 10, collect_support, &seen, NULL), ST_NOT_FOUND);
	/* Saved and read back whole, the worker the one signed in. */
	s = support(p, "2026-04-20", "self", "2026-04-27");
	s.concerns |= 1u << PSYCH_CONCERN_OTHER;
	snprintf(s.concern_other, sizeof s.concern_other, "Addiction au tramadol");
	s.referrals = 1u << PSYCH_REFERRAL_MEDICAL;
	snprintf(s.modality, sizeof s.modality, "family");
	assert_int_equal(psych_support_save(f->db, &s), ST_OK);
	assert_string_equal(s.worker, "psychosocial");
	assert_int_equal(s.version, 1);
	assert_int_equal(psych_support_list(f->db, p, 10, collect_support, &seen, NULL), ST_OK);
	assert_int_equal(seen.n, 1);
	assert_int_equal(seen.s[0].id, s.id);
	assert_string_equal(seen.s[0].modality, "family");
	assert_int_equal(seen.s[0].concerns, s.concerns);
	assert_string_equal(seen.s[0].concern_other, "Addiction au tramadol");
	assert_string_equal(seen.s[0].actions, "Écoute active, exercices de respiration");
	assert_string_equal(seen.s[0].risk, "self");
	assert_int_equal(seen.s[0].referrals, 1u << PSYCH_REFERRAL_MEDICAL);
	assert_string_equal(seen.s[0].next_appointment, "2026-04-27");
	assert_string_equal(seen.s[0].worker, "psychosocial");
	assert_string_equal(seen.s[0].centre_code, "AGZ");
}

/* Every role signs in and tries everything: only the psychosocial worker
 * reads or writes support records (the manager and protection too are
 * refused), each refusal in the trail. */
static void only_the_psychosocial_role_reads_or_writes(void **state)
{
	struct fixture *f = *state;
	long long p = add_person(f, "Garba", "Aïcha");
	long long id = record(f, p, "2026-04-20", "self", "2026-04-27", "AGZ");
	for (int r = 0; r < ROLE_COUNT_; r++) {
		sign_in(f, (enum role)r);
		bool psych = r == ROLE_PSYCHOSOCIAL;
		enum status allowed = psych ? ST_OK : ST_DENIED;
		assert_int_equal(perm_allows(r, PERM_PSYCH_NOTES), psych);
		long long before = audit_count(f->db);
		struct supports seen = { 0 };
		assert_int_equal(psych_support_list(f->db, p, 10, collect_support, &seen, NULL), allowed);
		assert_int_equal(seen.n, psych ? 1 : 0);
		struct psych_support got;
		memset(&got, 0, sizeof got);
		assert_int_equal(psych_support_get(f->db, id, &got), allowed);
		assert_string_equal(got.actions, psych ? "Écoute active, exercices de respiration" : "");
		struct dues due = { 0 };
		assert_int_equal(psych_followup_list(f->db, "AGZ", TODAY, PAGE_AFTER, NULL, 10, collect_due, &due, NULL),
		                 allowed);
		assert_int_equal(due.n, psych ? 1 : 0);
		struct psych_support s = support(p, "2026-04-21", "none", "");
		assert_int_equal(psych_support_save(f->db, &s), allowed);
		/* Four rows: two openings (the list, the record) and a write, or
		 * four refusals. The follow-up list is no opening. */
		assert_int_equal(audit_count(f->db), before + (psych ? 3 : 4));
		if (!psych) {
			struct last_row a;
			last_audit(f, &a);
			assert_string_equal(a.action, "refused");
			assert_string_equal(a.user, role_name((enum role)r));
			assert_non_null(strstr(a.changes, "psych_notes"));
		}
	}
}

static void openings_and_writes_are_audited_and_hidden_from_others(void **state)
{
	struct fixture *f = *state;
	long long p = add_person(f, "Coulibaly", "Awa");
	struct psych_support s = support(p, "2026-04-20", "none", "");
	snprintf(s.actions, sizeof s.actions, "Récit des violences subies");
	assert_int_equal(psych_support_save(f->db, &s), ST_OK);
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.action, "create");
	assert_string_equal(a.entity, "psych_support");
	assert_int_equal(a.entity_id, s.id);
	assert_string_equal(a.user, "psychosocial");
	assert_non_null(strstr(a.changes, "\"actions\": \"Récit des violences subies\""));
	assert_non_null(strstr(a.changes, "\"concerns\": \"distress sleep\""));
	assert_non_null(strstr(a.changes, "\"risk\": \"none\""));
	assert_non_null(strstr(a.changes, "\"referrals\": \"\""));
	assert_non_null(strstr(a.changes, "\"modality\": \"individual\""));

	struct psych_support edit = s;
	snprintf(edit.risk, sizeof edit.risk, "others");
	edit.referrals = 1u << PSYCH_REFERRAL_PROTECTION;
	snprintf(edit.next_appointment, sizeof edit.next_appointment, "2026-05-04");
	assert_int_equal(psych_support_save(f->db, &edit), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.action, "update");
	assert_non_null(strstr(a.changes, "\"risk\": [\"none\", \"others\"]"));
	assert_non_null(strstr(a.changes, "\"referrals\": [\"\", \"protection\"]"));
	assert_non_null(strstr(a.changes, "\"next_appointment\": [\"\", \"2026-05-04\"]"));
	assert_null(strstr(a.changes, "actions"));   /* only what changed */
	char update[2048];
	snprintf(update, sizeof update, "%s", a.changes);

	long long before = audit_count(f->db);
	struct supports seen = { 0 };
	assert_int_equal(psych_support_list(f->db, p, 10, collect_support, &seen, NULL), ST_OK);
	assert_int_equal(audit_count(f->db), before + 1);
	last_audit(f, &a);
	assert_string_equal(a.action, "view");
	assert_string_equal(a.entity, "psych_support_record");
	assert_int_equal(a.entity_id, p);
	struct psych_support got;
	assert_int_equal(psych_support_get(f->db, s.id, &got), ST_OK);
	assert_int_equal(audit_count(f->db), before + 2);
	last_audit(f, &a);
	assert_string_equal(a.action, "view");
	assert_string_equal(a.entity, "psych_support");
	assert_int_equal(a.entity_id, s.id);
	assert_int_equal(psych_support_get(f->db, s.id + 1000, &got), ST_NOT_FOUND);
	/* The status is no opening. */
	struct psych_status ps;
	assert_int_equal(psych_status_get(f->db, p, &ps), ST_OK);
	assert_int_equal(audit_count(f->db), before + 2);

	/* The trail shows others that support was written or opened, never
	 * what it says: the administrator reads it. */
	struct jsonbuf hidden;
	assert_true(audit_changes_for_role("psych_support", update, ROLE_ADMIN, &hidden));
	assert_null(strstr(jsonbuf_text(&hidden), "others"));
	assert_null(strstr(jsonbuf_text(&hidden), "protection"));
	assert_non_null(strstr(jsonbuf_text(&hidden), "\"risk\": \"hidden\""));
	assert_true(audit_changes_for_role("psych_support", "not json", ROLE_MANAGER, &hidden));
	assert_false(audit_changes_for_role("psych_support", update, ROLE_PSYCHOSOCIAL, &hidden));
	assert_false(audit_entity_psych("consultation"));
	assert_true(audit_entity_psych("psych_support_record"));
	sign_in(f, ROLE_ADMIN);
	char text[1000];
	audit_describe(f->db, "en", "update", "psych_support", s.id, update, "; ", text, sizeof text);
	assert_string_equal(text, "Psychosocial support written (details hidden)");
	audit_describe(f->db, "en", "create", "psych_support", s.id, "{\"actions\": \"Récit des violences\"}", "; ",
	               text, sizeof text);
	assert_null(strstr(text, "violences"));
	audit_describe(f->db, "en", "view", "psych_support_record", p, NULL, "; ", text, sizeof text);
	assert_string_equal(text, "Psychosocial support opened");
	/* Both rows name the person by case number. */
	char number[64], other[64];
	audit_record_text(f->db, "psych_support", s.id, number, sizeof number);
	audit_record_text(f->db, "psych_support_record", p, other, sizeof other);
	assert_true(number[0] != '\0');
	assert_string_equal(number, other);
}

static void a_stale_version_is_a_conflict(void **state)
{
	struct fixture *f = *state;
	long long p = add_person(f, "Moussa", "Zeinab");
	struct psych_support s = support(p, "2026-04-20", "none", "");
	assert_int_equal(psych_support_save(f->db, &s), ST_OK);
	struct psych_support stale = s;
	snprintf(s.actions, sizeof s.actions, "Deuxième version");
	assert_int_equal(psych_support_save(f->db, &s), ST_OK);
	assert_int_equal(s.version, 2);
	long long before = audit_count(f->db);
	snprintf(stale.actions, sizeof stale.actions, "Autre chose");
	assert_int_equal(psych_support_save(f->db, &stale), ST_CONFLICT);
	assert_int_equal(stale.version, 1);
	assert_int_equal(audit_count(f->db), before);
	struct psych_support got;
	assert_int_equal(psych_support_get(f->db, s.id, &got), ST_OK);
	assert_string_equal(got.actions, "Deuxième version");
	/* Another person's record is not this one's. */
	stale = got;
	stale.person_id = p + 1;
	assert_int_equal(psych_support_save(f->db, &stale), ST_NOT_FOUND);
	stale.person_id = p;
	stale.id = 999999;
	assert_int_equal(psych_support_save(f->db, &stale), ST_NOT_FOUND);
	assert_int_equal(stale.id, 999999);
}

/* The status says no more than each role may know: sessions for the
 * psychosocial worker, the manager and protection; the next appointment
 * for the worker alone; the alert for protection, medical and the
 * worker; nothing for the others (refused). */
static void the_status_of_each_role(void **state)
{
	struct fixture *f = *state;
	long long p = add_person(f, "Issa", "Mariam");
	attended(f, p, "2026-04-02", "held", "present");
	attended(f, p, "2026-04-09", "held", "left_early");
	attended(f, p, "2026-04-12", "held", "absent");
	attended(f, p, "2026-04-14", "cancelled", "present");
	attended(f, p, "2026-04-16", "held", "excused");
	record(f, p, "2026-04-20", "self", "2026-05-04", "AGZ");
	for (int r = 0; r < ROLE_COUNT_; r++) {
		sign_in(f, (enum role)r);
		bool sessions = r == ROLE_PSYCHOSOCIAL || r == ROLE_MANAGER || r == ROLE_PROTECTION;
		bool alert = r == ROLE_PSYCHOSOCIAL || r == ROLE_MEDICAL || r == ROLE_PROTECTION;
		struct psych_status ps;
		long long before = audit_count(f->db);
		assert_int_equal(psych_status_get(f->db, p, &ps), sessions || alert ? ST_OK : ST_DENIED);
		assert_int_equal(audit_count(f->db), before + (sessions || alert ? 0 : 1));
		assert_int_equal(ps.attendance_known, sessions);
		assert_int_equal(ps.sessions, sessions ? 2 : 0);
		assert_string_equal(ps.last_session, sessions ? "2026-04-09" : "");
		assert_string_equal(ps.next_appointment, r == ROLE_PSYCHOSOCIAL ? "2026-05-04" : "");
		assert_int_equal(ps.urgent, alert);
	}
	/* A later record without risk ends the alert; one dated before it,
	 * entered later, does not count as the latest. */
	sign_in(f, ROLE_PSYCHOSOCIAL);
	record(f, p, "2026-04-27", "none", "", "AGZ");
	sign_in(f, ROLE_PROTECTION);
	struct psych_status ps;
	assert_int_equal(psych_status_get(f->db, p, &ps), ST_OK);
	assert_false(ps.urgent);
	sign_in(f, ROLE_PSYCHOSOCIAL);
	record(f, p, "2026-04-25", "others", "", "AGZ");
	assert_int_equal(psych_status_get(f->db, p, &ps), ST_OK);
	assert_false(ps.urgent);
	assert_string_equal(ps.next_appointment, "");
	record(f, p, "2026-04-28", "others", "", "AGZ");
	sign_in(f, ROLE_MEDICAL);
	assert_int_equal(psych_status_get(f->db, p, &ps), ST_OK);
	assert_true(ps.urgent);
	assert_false(ps.attendance_known);
	/* Someone never seen: nothing to say; someone unknown: not found. */
	long long q = add_person(f, "Bello", "Fati");
	sign_in(f, ROLE_PROTECTION);
	assert_int_equal(psych_status_get(f->db, q, &ps), ST_OK);
	assert_false(ps.urgent);
	assert_int_equal(ps.sessions, 0);
	assert_int_equal(psych_status_get(f->db, q + 1000, &ps), ST_NOT_FOUND);
}

/* The case file's line from the module table, as screens/casefile.c reads
 * it: sessions and the next appointment for the worker, sessions only for
 * the manager, the alert alone for medical staff, and never a note. */
static void the_status_line_through_the_module_table(void **state)
{
	struct fixture *f = *state;
	long long p = add_person(f, "Diallo", "Kadi");
	long long unseen = add_person(f, "Sow", "Binta");
	attended(f, p, "2026-03-12", "held", "present");
	struct psych_support s = support(p, "2026-04-20", "others", "2026-05-04");
	snprintf(s.actions, sizeof s.actions, "Menaces envers un voisin");
	assert_int_equal(psych_support_save(f->db, &s), ST_OK);
	struct app *app = app_new_offscreen(f->db);
	assert_non_null(app);
	const struct module *psych = NULL;
	for (const struct module *const *m = module_table; *m; m++)
		if (strcmp((*m)->name, "psych") == 0)
			psych = *m;
	assert_non_null(psych);
	assert_non_null(psych->status);
	for (int r = 0; r < ROLE_COUNT_; r++) {
		sign_in(f, (enum role)r);
		bool shown = perm_allows_any(r, psych->status_perms);
		assert_int_equal(shown, r == ROLE_PSYCHOSOCIAL || r == ROLE_MANAGER || r == ROLE_PROTECTION
		                            || r == ROLE_MEDICAL);
		if (!shown)
			continue;
		char line[400] = "x";
		psych->status(app, p, line, sizeof line);
		assert_null(strstr(line, "Menaces"));
		assert_null(strstr(line, "others"));
		assert_null(strstr(line, "Risk"));
		assert_int_equal(strstr(line, "Urgent psychosocial attention") != NULL, r != ROLE_MANAGER);
		assert_int_equal(strstr(line, "12/03/2026") != NULL, r != ROLE_MEDICAL);
		assert_int_equal(strstr(line, "04/05/2026") != NULL, r == ROLE_PSYCHOSOCIAL);
		psych->status(app, unseen, line, sizeof line);
		assert_string_equal(line, "");
	}
	app_free(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(the_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(only_the_psychosocial_role_reads_or_writes, setup, teardown),
		cmocka_unit_test_setup_teardown(openings_and_writes_are_audited_and_hidden_from_others, setup, teardown),
		cmocka_unit_test_setup_teardown(a_stale_version_is_a_conflict, setup, teardown),
		cmocka_unit_test_setup_teardown(the_status_of_each_role, setup, teardown),
		cmocka_unit_test_setup_teardown(the_status_line_through_the_module_table, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
