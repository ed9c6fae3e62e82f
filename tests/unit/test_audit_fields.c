/* The audit trail records every change: every field of a person (lists
 * included) on creation and, changed one at a time, with before and after
 * on edit; every field of a stay, of a family link, of a consultation, of
 * a medical case, of an antenatal visit and of a fitness assessment. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/clock.h"
#include "core/person.h"
#include "core/role.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/login.h"
#include "db/medical.h"
#include "db/person.h"
#include "db/stay.h"
#include "db/user.h"

#define PASSWORD "a long password"

struct fixture {
	struct tmpdir t;
	struct db *db;
};

static void sign_in(struct fixture *f, const char *name)
{
	struct user u;
	struct login_request req = { name, PASSWORD, "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(f->db, &req, &u, NULL), ST_OK);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	tmpdir_make(&f->t);
	clock_set(1795000000);   /* 2026-11-18 */
	assert_int_equal(db_open(f->t.db, DB_CREATE, &f->db, NULL, 0), ST_OK);
	db_set_actor(f->db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(f->db, "clerk", "Clerk", ROLE_INTAKE, "AGZ", "fr", PASSWORD, NULL), ST_OK);
	assert_int_equal(user_add(f->db, "nurse", "Nurse", ROLE_MEDICAL, "AGZ", "fr", PASSWORD, NULL), ST_OK);
	sign_in(f, "clerk");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	db_close(&f->db);
	tmpdir_remove(&f->t);
	clock_set(0);
	free(f);
	return 0;
}

/* The newest row of the trail (or the one skip rows below it). */
struct row {
	char action[32], entity[32], changes[8192];
	long long entity_id;
};

static struct row audit_row(struct fixture *f, int skip)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	struct row r;
	memset(&r, 0, sizeof r);
	assert_int_equal(sqlite3_open_v2(f->t.db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT action, entity, entity_id, coalesce(changes, '') FROM audit "
	                                       "ORDER BY id DESC LIMIT 1 OFFSET ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int(st, 1, skip);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(r.action, sizeof r.action, "%s", (const char *)sqlite3_column_text(st, 0));
	snprintf(r.entity, sizeof r.entity, "%s", (const char *)sqlite3_column_text(st, 1));
	r.entity_id = sqlite3_column_int64(st, 2);
	snprintf(r.changes, sizeof r.changes, "%s", (const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	sqlite3_close(h);
	return r;
}

/* Fails, showing the row, unless it holds text. */
static void assert_holds(const struct row *r, const char *text)
{
	if (!strstr(r->changes, text))
		print_error("%s %s: %s\nlacks: %s\n", r->action, r->entity, r->changes, text);
	assert_non_null(strstr(r->changes, text));
}

/* A person with every field filled, lists of two. */
static struct person full_person(void)
{
	struct person p;
	memset(&p, 0, sizeof p);
	static const char *const values[][2] = {
		{ "family_name", "Traoré" }, { "given_names", "Aïssatou" }, { "other_names", "Aïcha;Tata" },
		{ "sex", "f" }, { "birth_date", "1990" }, { "birth_estimated", "1" }, { "nationality", "MLI" },
		{ "languages", "bam;fra" }, { "phone", "+223 70 00 00 01" },
		{ "documents", "passport:A1234567:MLI:2031-05-01;birth_certificate:77/2001::" },
		{ "arrival_date", "2026-11-10" }, { "centre", "AGZ" }, { "arrival_mode", "rescue" },
		{ "consent_data", "1" }, { "consent_share", "0" }, { "consent_date", "2026-11-10" },
		{ "flags", "pregnant;other" }, { "flag_other", "Needs glasses" },
	};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		const struct person_field *pf = person_field_find(values[i][0]);
		assert_non_null(pf);
		assert_true(person_field_set(pf, &p, values[i][1]));
	}
	return p;
}

/* Another valid value for each field of full_person. */
static const char *other_value(const char *name)
{
	static const char *const values[][2] = {
		{ "family_name", "Traore" }, { "given_names", "Aïssa" }, { "other_names", "Aïcha" },
		{ "sex", "x" }, { "birth_date", "1991" }, { "birth_estimated", "0" }, { "nationality", "NER" },
		{ "languages", "bam" }, { "phone", "+227 90 00 00 02" },
		{ "documents", "passport:A1234568:MLI:2031-05-01;birth_certificate:77/2001::" },
		{ "arrival_date", "2026-11-09" }, { "centre", "ARL" }, { "arrival_mode", "police" },
		{ "consent_data", "0" }, { "consent_share", "1" }, { "consent_date", "2026-11-11" },
		{ "flags", "violence_victim;other" }, { "flag_other", "Needs a wheelchair" },
	};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
		if (strcmp(values[i][0], name) == 0)
			return values[i][1];
	return NULL;
}

/* "name": value as the trail writes it (booleans as numbers). */
static void member(const struct person_field *pf, const char *value, char *out, size_t size)
{
	if (pf->kind == PF_BOOL)
		snprintf(out, size, "%s", value);
	else
		snprintf(out, size, "\"%s\"", value);
}

static void a_new_person_is_recorded_with_every_field(void **state)
{
	struct fixture *f = *state;
	struct person p = full_person();
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	struct row r = audit_row(f, 0);
	assert_string_equal(r.action, "create");
	assert_string_equal(r.entity, "person");
	assert_int_equal(r.entity_id, p.id);
	char text[600], value[700], want[800];
	snprintf(want, sizeof want, "\"case_key\": \"%s\"", p.case_key);
	assert_holds(&r, want);
	for (int i = 0; i < person_field_count; i++) {
		const struct person_field *pf = &person_fields[i];
		person_field_get(pf, &p, text, sizeof text);
		member(pf, text, value, sizeof value);
		snprintf(want, sizeof want, "\"%s\": %s", pf->name, value);
		assert_holds(&r, want);
	}
	/* Empty fields too. */
	struct person q = full_person();
	q.phone[0] = '\0';
	memset(q.languages, 0, sizeof q.languages);
	assert_int_equal(person_save(f->db, &q, NULL, NULL, 0), ST_OK);
	r = audit_row(f, 0);
	assert_holds(&r, "\"phone\": \"\"");
	assert_holds(&r, "\"languages\": \"\"");
}

static void each_changed_field_is_recorded_before_and_after(void **state)
{
	struct fixture *f = *state;
	struct person p = full_person();
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	for (int i = 0; i < person_field_count; i++) {
		const struct person_field *pf = &person_fields[i];
		/* Refusing data collection needs the contact, aliases, documents
		 * and sharing gone first: below, once the others are done. */
		if (strcmp(pf->name, "consent_data") == 0)
			continue;
		const char *after = other_value(pf->name);
		if (!after)
			print_error("no other value for %s: add one to the test\n", pf->name);
		assert_non_null(after);
		struct person orig, edit;
		assert_int_equal(person_get(f->db, p.id, &orig), ST_OK);
		edit = orig;
		char before[600], got[600], b[700], a[700], want[1500];
		person_field_get(pf, &orig, before, sizeof before);
		assert_string_not_equal(before, after);
		assert_true(person_field_set(pf, &edit, after));
		const char *why = NULL;
		char today[11];
		clock_today_iso(today, sizeof today);
		if (person_check(&edit, today, &why) != ST_OK)
			print_error("%s: %s\n", pf->name, why);
		assert_int_equal(person_save(f->db, &edit, &orig, NULL, 0), ST_OK);
		/* Saved as changed, and read back the same. */
		struct person back;
		assert_int_equal(person_get(f->db, p.id, &back), ST_OK);
		person_field_get(pf, &back, got, sizeof got);
		assert_string_equal(got, after);
		struct row r = audit_row(f, 1);   /* below the opening just made */
		assert_string_equal(r.action, "update");
		assert_int_equal(r.entity_id, p.id);
		member(pf, before, b, sizeof b);
		member(pf, after, a, sizeof a);
		snprintf(want, sizeof want, "{\"%s\": [%s, %s]}", pf->name, b, a);
		/* That field alone. */
		if (strcmp(r.changes, want) != 0)
			print_error("%s\nwanted %s\n", r.changes, want);
		assert_string_equal(r.changes, want);
	}
	struct person orig, edit;
	assert_int_equal(person_get(f->db, p.id, &orig), ST_OK);
	edit = orig;
	edit.phone[0] = edit.other_names[0] = '\0';
	memset(edit.docs, 0, sizeof edit.docs);
	edit.consent_share = false;
	assert_int_equal(person_save(f->db, &edit, &orig, NULL, 0), ST_OK);
	assert_int_equal(person_get(f->db, p.id, &orig), ST_OK);
	edit = orig;
	edit.consent_data = false;
	assert_int_equal(person_save(f->db, &edit, &orig, NULL, 0), ST_OK);
	assert_string_equal(audit_row(f, 0).changes, "{\"consent_data\": [1, 0]}");
}

static void a_stay_is_recorded_with_every_field(void **state)
{
	struct fixture *f = *state;
	struct person p = full_person();
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	struct person_stay first;
	bool given[SERVICE_COUNT_] = { false };
	given[SERVICE_ACCOMMODATION] = given[SERVICE_FOOD] = true;
	/* The first stay was made with the person. */
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open_v2(f->t.db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT id FROM stay WHERE person_id = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, p.id);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	first.id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);

	assert_int_equal(stay_set_services(f->db, first.id, given), ST_OK);
	struct row r = audit_row(f, 0);
	assert_string_equal(r.action, "services");
	assert_int_equal(r.entity_id, p.id);
	char want[200];
	snprintf(want, sizeof want, "\"stay_id\": %lld", first.id);
	assert_holds(&r, want);
	assert_holds(&r, "\"services\": [\"\", \"accommodation food\"]");
	given[SERVICE_FOOD] = false;
	given[SERVICE_NFI] = true;
	assert_int_equal(stay_set_services(f->db, first.id, given), ST_OK);
	r = audit_row(f, 0);
	assert_holds(&r, "\"services\": [\"accommodation food\", \"accommodation nfi\"]");

	assert_int_equal(stay_depart(f->db, first.id, "2026-11-12", "transferred"), ST_OK);
	r = audit_row(f, 0);
	assert_string_equal(r.action, "depart");
	assert_holds(&r, want);
	assert_holds(&r, "\"departed\": [null, \"2026-11-12\"]");
	assert_holds(&r, "\"reason\": [null, \"transferred\"]");

	long long second;
	assert_int_equal(stay_admit(f->db, p.id, "ARL", "2026-11-13", &second), ST_OK);
	r = audit_row(f, 0);
	assert_string_equal(r.action, "admit");
	snprintf(want, sizeof want, "\"stay_id\": %lld", second);
	assert_holds(&r, want);
	assert_holds(&r, "\"centre\": \"ARL\"");
	assert_holds(&r, "\"admitted\": \"2026-11-13\"");
	assert_holds(&r, "\"departed\": \"\"");
	assert_holds(&r, "\"reason\": \"\"");
	assert_holds(&r, "\"services\": \"\"");
}

static void a_family_link_is_recorded_on_both_people(void **state)
{
	struct fixture *f = *state;
	struct person mother = full_person(), child = full_person();
	assert_int_equal(person_save(f->db, &mother, NULL, NULL, 0), ST_OK);
	assert_int_equal(person_save(f->db, &child, NULL, NULL, 0), ST_OK);
	assert_int_equal(person_link(f->db, child.id, mother.id, "parent"), ST_OK);
	struct row r = audit_row(f, 0), back = audit_row(f, 1);
	char want[100];
	assert_string_equal(r.action, "link");
	assert_int_equal(r.entity_id, child.id);
	snprintf(want, sizeof want, "\"relative\": %lld", mother.id);
	assert_holds(&r, want);
	assert_holds(&r, "\"relation\": [null, \"parent\"]");
	assert_string_equal(back.action, "link");
	assert_int_equal(back.entity_id, mother.id);
	snprintf(want, sizeof want, "\"relative\": %lld", child.id);
	assert_holds(&back, want);
	assert_holds(&back, "\"relation\": [null, \"child\"]");
	/* Changed: before and after, on both. */
	assert_int_equal(person_link(f->db, child.id, mother.id, "guardian"), ST_OK);
	r = audit_row(f, 0);
	back = audit_row(f, 1);
	assert_holds(&r, "\"relation\": [\"parent\", \"guardian\"]");
	assert_holds(&back, "\"relation\": [\"child\", \"ward\"]");
	/* Every relation of the list can be linked (it has an inverse). */
	for (int i = 0; i < vocab_count(VOCAB_RELATION); i++)
		assert_int_equal(person_link(f->db, child.id, mother.id, vocab_code(VOCAB_RELATION, i)), ST_OK);
}

/* A change to a consultation, and the member it must leave in the trail. */
struct consult_edit {
	const char *name;
	void (*apply)(struct consultation *c);
	const char *want;
};

static void edit_date(struct consultation *c) { snprintf(c->date, sizeof c->date, "2026-11-14"); }
static void edit_centre(struct consultation *c) { snprintf(c->centre_code, sizeof c->centre_code, "ARL"); }
static void edit_reason(struct consultation *c) { snprintf(c->reason, sizeof c->reason, "skin"); }
static void edit_diagnosis(struct consultation *c) { snprintf(c->diagnosis, sizeof c->diagnosis, "Gale"); }
static void edit_treatment(struct consultation *c) { snprintf(c->treatment, sizeof c->treatment, "Benzoate"); }
static void edit_referral_to(struct consultation *c) { snprintf(c->referral_to, sizeof c->referral_to, "CHR"); }
static void edit_referral_why(struct consultation *c) { snprintf(c->referral_why, sizeof c->referral_why, "Avis"); }
static void edit_referral_status(struct consultation *c)
{
	snprintf(c->referral_status, sizeof c->referral_status, "attended");
}
static void edit_followup(struct consultation *c) { snprintf(c->next_followup, sizeof c->next_followup, "2026-11-20"); }

static void a_consultation_is_recorded_with_every_field(void **state)
{
	struct fixture *f = *state;
	struct person p = full_person();
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	sign_in(f, "nurse");
	struct consultation c;
	memset(&c, 0, sizeof c);
	c.person_id = p.id;
	snprintf(c.date, sizeof c.date, "2026-11-15");
	snprintf(c.centre_code, sizeof c.centre_code, "AGZ");
	snprintf(c.reason, sizeof c.reason, "malaria");
	snprintf(c.diagnosis, sizeof c.diagnosis, "Paludisme");
	snprintf(c.referral_to, sizeof c.referral_to, "CSI");
	snprintf(c.referral_status, sizeof c.referral_status, "sent");
	assert_int_equal(consultation_save(f->db, &c), ST_OK);
	struct row r = audit_row(f, 0);
	assert_string_equal(r.action, "create");
	assert_string_equal(r.entity, "consultation");
	static const char *const created[] = {
		"\"date\": \"2026-11-15\"", "\"centre_code\": \"AGZ\"", "\"reason\": \"malaria\"",
		"\"diagnosis\": \"Paludisme\"", "\"treatment\": \"\"", "\"referral_to\": \"CSI\"",
		"\"referral_why\": \"\"", "\"referral_status\": \"sent\"", "\"next_followup\": \"\"",
	};
	for (size_t i = 0; i < sizeof created / sizeof created[0]; i++)
		assert_holds(&r, created[i]);
	static const struct consult_edit edits[] = {
		{ "date", edit_date, "{\"date\": [\"2026-11-15\", \"2026-11-14\"]}" },
		{ "centre_code", edit_centre, "{\"centre_code\": [\"AGZ\", \"ARL\"]}" },
		{ "reason", edit_reason, "{\"reason\": [\"malaria\", \"skin\"]}" },
		{ "diagnosis", edit_diagnosis, "{\"diagnosis\": [\"Paludisme\", \"Gale\"]}" },
		{ "treatment", edit_treatment, "{\"treatment\": [\"\", \"Benzoate\"]}" },
		{ "referral_to", edit_referral_to, "{\"referral_to\": [\"CSI\", \"CHR\"]}" },
		{ "referral_why", edit_referral_why, "{\"referral_why\": [\"\", \"Avis\"]}" },
		{ "referral_status", edit_referral_status, "{\"referral_status\": [\"sent\", \"attended\"]}" },
		{ "next_followup", edit_followup, "{\"next_followup\": [\"\", \"2026-11-20\"]}" },
	};
	for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
		edits[i].apply(&c);
		assert_int_equal(consultation_save(f->db, &c), ST_OK);
		r = audit_row(f, 0);
		assert_string_equal(r.action, "update");
		if (strcmp(r.changes, edits[i].want) != 0)
			print_error("%s: %s\n", edits[i].name, r.changes);
		assert_string_equal(r.changes, edits[i].want);
	}
}

/* Names and documents at their longest are recorded whole, with every
 * field after them. */
static void long_values_are_recorded_whole(void **state)
{
	struct fixture *f = *state;
	struct person p = full_person(), orig;
	char name[PERSON_NAME_MAX + 1] = "";
	for (int i = 0; i < PERSON_NAME_MAX / 2; i++)
		strcat(name, "é");
	snprintf(p.family_name, sizeof p.family_name, "%s", name);
	snprintf(p.given_names, sizeof p.given_names, "%s", name);
	snprintf(p.other_names, sizeof p.other_names, "%s", name);
	for (int i = 0; i < PERSON_MAX_DOCS; i++) {
		snprintf(p.docs[i].type, sizeof p.docs[i].type, "laissez_passer");
		memset(p.docs[i].number, '0' + i, sizeof p.docs[i].number - 1);
		snprintf(p.docs[i].issued_by, sizeof p.docs[i].issued_by, "NER");
		snprintf(p.docs[i].expiry, sizeof p.docs[i].expiry, "2030-01-01");
	}
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	struct row r = audit_row(f, 0);
	assert_holds(&r, "\"flag_other\": \"Needs glasses\"");
	assert_int_equal(person_get(f->db, p.id, &orig), ST_OK);
	struct person edit = orig;
	name[0] = 'E';
	name[1] = 'e';
	snprintf(edit.family_name, sizeof edit.family_name, "%s", name);
	snprintf(edit.given_names, sizeof edit.given_names, "%s", name);
	snprintf(edit.other_names, sizeof edit.other_names, "%s", name);
	snprintf(edit.flag_other, sizeof edit.flag_other, "Needs a wheelchair");
	for (int i = 0; i < PERSON_MAX_DOCS; i++)
		edit.docs[i].number[0] = 'X';
	assert_int_equal(person_save(f->db, &edit, &orig, NULL, 0), ST_OK);
	r = audit_row(f, 0);
	char want[PERSON_NAME_MAX * 2 + 40];
	snprintf(want, sizeof want, "\"other_names\": [\"%s\", \"%s\"]", orig.other_names, name);
	assert_holds(&r, want);
	assert_holds(&r, "\"flag_other\": [\"Needs glasses\", \"Needs a wheelchair\"]");
}

static void medical_cases_visits_and_fitness_record_every_field(void **state)
{
	struct fixture *f = *state;
	struct person p = full_person();
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	sign_in(f, "nurse");
	struct medical_case mc;
	memset(&mc, 0, sizeof mc);
	mc.person_id = p.id;
	snprintf(mc.condition, sizeof mc.condition, "pregnancy");
	snprintf(mc.opened, sizeof mc.opened, "2026-11-12");
	snprintf(mc.centre_code, sizeof mc.centre_code, "AGZ");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	struct row r = audit_row(f, 0);
	assert_string_equal(r.action, "create");
	assert_string_equal(r.entity, "medical_case");
	static const char *const created[] = {
		"\"condition\": \"pregnancy\"", "\"opened\": \"2026-11-12\"", "\"closed\": \"\"",
		"\"outcome\": \"\"", "\"expected_delivery\": \"\"", "\"notes\": \"\"",
		"\"centre_code\": \"AGZ\"",
	};
	for (size_t i = 0; i < sizeof created / sizeof created[0]; i++)
		assert_holds(&r, created[i]);
	snprintf(mc.expected_delivery, sizeof mc.expected_delivery, "2027-03-01");
	snprintf(mc.notes, sizeof mc.notes, "G2P1");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	r = audit_row(f, 0);
	assert_string_equal(r.changes, "{\"expected_delivery\": [\"\", \"2027-03-01\"], \"notes\": [\"\", \"G2P1\"]}");
	assert_int_equal(medical_case_antenatal(f->db, mc.id, "2026-11-15", NULL), ST_OK);
	r = audit_row(f, 0);
	assert_string_equal(r.action, "antenatal");
	assert_holds(&r, "\"antenatal_visit\": \"2026-11-15\"");
	assert_holds(&r, "\"notes\": \"\"");
	assert_int_equal(fitness_record(f->db, p.id, "2026-11-16", "fit_escort"), ST_OK);
	r = audit_row(f, 0);
	assert_string_equal(r.entity, "fitness");
	assert_holds(&r, "\"date\": \"2026-11-16\"");
	assert_holds(&r, "\"status\": \"fit_escort\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_new_person_is_recorded_with_every_field, setup, teardown),
		cmocka_unit_test_setup_teardown(each_changed_field_is_recorded_before_and_after, setup, teardown),
		cmocka_unit_test_setup_teardown(long_values_are_recorded_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(a_stay_is_recorded_with_every_field, setup, teardown),
		cmocka_unit_test_setup_teardown(a_family_link_is_recorded_on_both_people, setup, teardown),
		cmocka_unit_test_setup_teardown(a_consultation_is_recorded_with_every_field, setup, teardown),
		cmocka_unit_test_setup_teardown(medical_cases_visits_and_fitness_record_every_field, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
