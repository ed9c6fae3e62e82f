/* Medical follow-up in the data layer: who may see what (every role signed
 * in for real), the audit of openings and writes, the checks, versions,
 * medical cases and saved consultations (the lists and counts:
 * test_medical_lists.c). */
#include <sqlite3.h>
#include "testutil.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/role.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/db_private.h"   /* the connection's handle, for the query plans */
#include "db/login.h"
#include "db/medical.h"
#include "db/person.h"
#include "db/user.h"
#include "core/perm.h"
#include "ui/app.h"
#include "ui/module.h"

#include "medical_fixture.h"

/* consultation_check refuses c with a short message about the right thing. */
static void refused(const struct consultation *c, const char *today, const char *expected)
{
	const char *why = NULL;
	assert_int_equal(consultation_check(c, today, &why), ST_INVALID);
	assert_non_null(why);
	assert_true(strlen(why) <= 50);
	if (expected)
		assert_string_equal(why, expected);
}

static void bad_consultations_are_refused(void **state)
{
	struct fixture *f = *state;
	const char *today = "2026-04-20";
	const char *why = "x";
	struct consultation ok = consult(1, "2026-04-10", "malaria", ""), c;
	assert_int_equal(consultation_check(&ok, today, &why), ST_OK);
	assert_null(why);
	c = ok;
	snprintf(c.date, sizeof c.date, "2026-04-21");
	refused(&c, today, "The consultation date is in the future.");
	snprintf(c.date, sizeof c.date, "2026-04");
	refused(&c, today, "The consultation date is not a valid day.");
	c = ok;
	snprintf(c.reason, sizeof c.reason, "flu");
	refused(&c, today, "Choose the reason for the consultation.");
	c = ok;
	snprintf(c.next_followup, sizeof c.next_followup, "2026-04-09");
	refused(&c, today, "The follow-up cannot be before the consultation.");
	snprintf(c.next_followup, sizeof c.next_followup, "2026-04-10");   /* the same day will do */
	assert_int_equal(consultation_check(&c, today, NULL), ST_OK);
	snprintf(c.next_followup, sizeof c.next_followup, "soon");
	refused(&c, today, "The follow-up date is not a valid day.");
	c = ok;
	snprintf(c.referral_to, sizeof c.referral_to, "Hôpital régional d'Agadez");
	refused(&c, today, "Choose the status of the referral.");
	snprintf(c.referral_status, sizeof c.referral_status, "lost");
	refused(&c, today, "The referral status is not known.");
	snprintf(c.referral_status, sizeof c.referral_status, "attended");
	assert_int_equal(consultation_check(&c, today, NULL), ST_OK);
	c.referral_to[0] = '\0';
	refused(&c, today, "Enter where the person was referred.");
	c = ok;
	snprintf(c.referral_why, sizeof c.referral_why, "X-ray");
	refused(&c, today, "Enter where the person was referred.");
	/* A referral's outcome date: with an outcome, between the consultation
	 * and today. */
	c = ok;
	snprintf(c.referral_to, sizeof c.referral_to, "CSI Dagmanet");
	snprintf(c.referral_status, sizeof c.referral_status, "sent");
	snprintf(c.referral_outcome_date, sizeof c.referral_outcome_date, "2026-04-12");
	refused(&c, today, "Outcome date only for attended or not attended.");
	snprintf(c.referral_status, sizeof c.referral_status, "not_attended");
	assert_int_equal(consultation_check(&c, today, NULL), ST_OK);
	snprintf(c.referral_outcome_date, sizeof c.referral_outcome_date, "2026-04-09");
	refused(&c, today, "The outcome date is before the consultation.");
	snprintf(c.referral_outcome_date, sizeof c.referral_outcome_date, "2026-04-21");
	refused(&c, today, "The outcome date is in the future.");
	snprintf(c.referral_outcome_date, sizeof c.referral_outcome_date, "2026-04");
	refused(&c, today, "The outcome date is not a valid day.");
	c.referral_outcome_date[0] = '\0';   /* an outcome without its day will do */
	assert_int_equal(consultation_check(&c, today, NULL), ST_OK);
	c = ok;
	memset(c.diagnosis, 'a', sizeof c.diagnosis);   /* no end inside its buffer */
	refused(&c, today, NULL);
	c = ok;
	snprintf(c.treatment, sizeof c.treatment, "bad \xff byte");
	refused(&c, today, NULL);
	refused(&ok, "20/04/2026", NULL);

	/* The same rules when saving, with the real date; nothing is kept. */
	long long p = add_person(f, "Sani", "Issa", 'm', "1990", false);
	long long before = audit_count(f->db);
	c = consult(p, "2099-01-01", "malaria", "");
	assert_int_equal(consultation_save(f->db, &c), ST_INVALID);
	c = consult(p, "2026-04-10", "flu", "");
	assert_int_equal(consultation_save(f->db, &c), ST_INVALID);
	c = consult(p, "2026-04-10", "malaria", "2026-04-01");
	assert_int_equal(consultation_save(f->db, &c), ST_INVALID);
	c = consult(p, "2026-04-10", "malaria", "");
	snprintf(c.referral_to, sizeof c.referral_to, "CSI Dagmanet");
	assert_int_equal(consultation_save(f->db, &c), ST_INVALID);
	c = consult(p, "2026-04-10", "malaria", "");
	snprintf(c.centre_code, sizeof c.centre_code, "XYZ");
	assert_int_equal(consultation_save(f->db, &c), ST_NOT_FOUND);
	c = consult(p + 1000, "2026-04-10", "malaria", "");
	assert_int_equal(consultation_save(f->db, &c), ST_NOT_FOUND);
	assert_int_equal(c.id, 0);
	assert_int_equal(audit_count(f->db), before);
	struct consults seen = { 0 };
	assert_int_equal(consultation_list(f->db, p, 10, collect_consult, &seen), ST_OK);
	assert_int_equal(seen.n, 0);
	assert_int_equal(consultation_list(f->db, p + 1000, 10, collect_consult, &seen), ST_NOT_FOUND);
}

/* Every role signs in and tries everything: only the medical staff read or
 * write details; every role but the administrator sees the status; reports
 * for the manager (and the medical staff). */
static void each_role_sees_only_what_it_may(void **state)
{
	struct fixture *f = *state;
	long long p = add_person(f, "Garba", "Hadiza", 'f', "1999", false);
	struct consultation secret = consult(p, "2026-04-10", "malaria", "2026-04-17");
	snprintf(secret.diagnosis, sizeof secret.diagnosis, "Paludisme grave");
	snprintf(secret.treatment, sizeof secret.treatment, "Artésunate");
	assert_int_equal(consultation_save(f->db, &secret), ST_OK);
	struct medical_case mc = med_case(p, "pregnancy", "2026-04-10");
	snprintf(mc.notes, sizeof mc.notes, "Grossesse à risque");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	assert_int_equal(fitness_record(f->db, p, "2026-04-10", "fit_escort"), ST_OK);

	/* Reading, for every role. */
	for (int r = 0; r < ROLE_COUNT_; r++) {
		sign_in(f, (enum role)r);
		bool medical = r == ROLE_MEDICAL;
		enum status details = medical ? ST_OK : ST_DENIED;
		struct consults seen = { 0 };
		struct cases cases = { 0 };
		assert_int_equal(consultation_list(f->db, p, 10, collect_consult, &seen), details);
		assert_int_equal(seen.n, medical ? 1 : 0);
		if (medical)
			assert_string_equal(seen.c[0].diagnosis, "Paludisme grave");
		assert_int_equal(medical_case_list(f->db, p, collect_case, &cases), details);
		assert_int_equal(cases.n, medical ? 1 : 0);
		struct followups fu = { 0 };
		struct lines reg = { 0 };
		assert_int_equal(followup_list(f->db, "AGZ", "2026-04-20", PAGE_AFTER, NULL, 10, collect_followup, &fu, NULL), details);
		assert_int_equal(fu.n, medical ? 1 : 0);
		assert_int_equal(register_day(f->db, "AGZ", "2026-04-10", collect_line, &reg), details);
		assert_int_equal(reg.n, medical ? 1 : 0);

		struct medical_status ms;
		assert_int_equal(medical_status_get(f->db, p, &ms), r == ROLE_ADMIN ? ST_DENIED : ST_OK);
		if (r != ROLE_ADMIN) {
			assert_true(ms.under_followup);
			assert_string_equal(ms.next_appointment, "2026-04-17");
			assert_string_equal(ms.fitness, "fit_escort");
			assert_string_equal(ms.fitness_date, "2026-04-10");
		} else {
			assert_false(ms.under_followup);
			assert_string_equal(ms.fitness, "");
		}

		struct monthly_counts mcounts;
		bool reports = r == ROLE_MANAGER || r == ROLE_MEDICAL;
		assert_int_equal(monthly_counts(f->db, "AGZ", "2026-04", &mcounts), reports ? ST_OK : ST_DENIED);
		assert_int_equal(mcounts.consultations_total, reports ? 1 : 0);
		assert_int_equal(mcounts.cases_total, reports ? 1 : 0);
	}

	/* Writing, for every role. */
	for (int r = 0; r < ROLE_COUNT_; r++) {
		sign_in(f, (enum role)r);
		enum status allowed = r == ROLE_MEDICAL ? ST_OK : ST_DENIED;
		long long before = audit_count(f->db);
		struct consultation c = consult(p, "2026-04-11", "other", "");
		assert_int_equal(consultation_save(f->db, &c), allowed);
		struct consultation edit = secret;
		snprintf(edit.diagnosis, sizeof edit.diagnosis, "changed by %s", role_name((enum role)r));
		assert_int_equal(consultation_save(f->db, &edit), allowed);
		struct medical_case m2 = med_case(p, "injury", "2026-04-11");
		assert_int_equal(medical_case_save(f->db, &m2), allowed);
		assert_int_equal(medical_case_antenatal(f->db, mc.id, "2026-04-12", ""), allowed);
		assert_int_equal(fitness_record(f->db, p, "2026-04-12", "fit"), allowed);
		/* Five rows: the writes, or their refusals. */
		assert_int_equal(audit_count(f->db), before + 5);
	}

	/* What the accounts issue asked for: a distribution session cannot read
	 * a diagnosis, only that the person is followed and fit to travel. */
	sign_in(f, ROLE_DISTRIBUTION);
	struct consults seen = { 0 };
	assert_int_equal(consultation_list(f->db, p, 10, collect_consult, &seen), ST_DENIED);
	assert_int_equal(seen.n, 0);
	struct medical_status ms;
	assert_int_equal(medical_status_get(f->db, p, &ms), ST_OK);
	assert_true(ms.under_followup);
	assert_string_equal(ms.fitness, "fit");
	assert_int_equal(medical_status_get(f->db, p + 1000, &ms), ST_NOT_FOUND);
}

static void openings_and_writes_are_audited(void **state)
{
	struct fixture *f = *state;
	long long p = add_person(f, "Coulibaly", "Ibrahim", 'm', "1988", false);
	struct consultation c = consult(p, "2026-04-10", "respiratory", "");
	snprintf(c.diagnosis, sizeof c.diagnosis, "Bronchite");
	assert_int_equal(consultation_save(f->db, &c), ST_OK);
	assert_string_equal(c.clinician, "medical");
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.action, "create");
	assert_string_equal(a.entity, "consultation");
	assert_int_equal(a.entity_id, c.id);
	assert_string_equal(a.user, "medical");
	assert_non_null(strstr(a.changes, "\"diagnosis\""));
	assert_non_null(strstr(a.changes, "Bronchite"));

	struct consultation edit = c;
	snprintf(edit.diagnosis, sizeof edit.diagnosis, "Pneumonie");
	assert_int_equal(consultation_save(f->db, &edit), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.action, "update");
	assert_non_null(strstr(a.changes, "\"diagnosis\": [\"Bronchite\", \"Pneumonie\"]"));
	assert_null(strstr(a.changes, "reason"));   /* only what changed */

	long long before = audit_count(f->db);
	struct consults seen = { 0 };
	assert_int_equal(consultation_list(f->db, p, 10, collect_consult, &seen), ST_OK);
	assert_int_equal(audit_count(f->db), before + 1);
	last_audit(f, &a);
	assert_string_equal(a.action, "view");
	assert_string_equal(a.entity, "medical_record");
	assert_int_equal(a.entity_id, p);
	assert_string_equal(a.user, "medical");
	struct cases cases = { 0 };
	assert_int_equal(medical_case_list(f->db, p, collect_case, &cases), ST_OK);
	assert_int_equal(audit_count(f->db), before + 2);
	last_audit(f, &a);
	assert_string_equal(a.action, "view");
	assert_int_equal(a.entity_id, p);

	struct medical_case mc = med_case(p, "chronic", "2026-04-10");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.entity, "medical_case");
	assert_int_equal(a.entity_id, mc.id);
	assert_int_equal(fitness_record(f->db, p, "2026-04-11", "not_fit"), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.action, "create");
	assert_string_equal(a.entity, "fitness");
	assert_non_null(strstr(a.changes, "not_fit"));

	/* One case read by its id (a draft of its form reopened): an opening. */
	struct medical_case got;
	before = audit_count(f->db);
	assert_int_equal(medical_case_get(f->db, mc.id, &got), ST_OK);
	assert_int_equal(got.person_id, p);
	assert_string_equal(got.condition, "chronic");
	assert_int_equal(audit_count(f->db), before + 1);
	last_audit(f, &a);
	assert_string_equal(a.action, "view");
	assert_int_equal(a.entity_id, p);
	assert_int_equal(medical_case_get(f->db, mc.id + 1000, &got), ST_NOT_FOUND);

	/* A refused look is audited as refused, and the status is no opening. */
	sign_in(f, ROLE_DISTRIBUTION);
	before = audit_count(f->db);
	assert_int_equal(medical_case_get(f->db, mc.id, &got), ST_DENIED);
	assert_int_equal(consultation_list(f->db, p, 10, collect_consult, &seen), ST_DENIED);
	struct medical_status ms;
	assert_int_equal(medical_status_get(f->db, p, &ms), ST_OK);
	assert_int_equal(audit_count(f->db), before + 2);
}

/* The case file's lines from the module table, as screens/casefile.c reads
 * them (and the benchmark, through an application without a terminal):
 * the medical line says something of a followed person, nothing of one
 * never seen, and is not asked for roles without the permission. */
static void status_lines_through_the_module_table(void **state)
{
	struct fixture *f = *state;
	long long followed = add_person(f, "Garba", "Hadiza", 'f', "1999", false);
	long long unseen = add_person(f, "Issa", "Moussa", 'm', "1990", false);
	struct consultation c = consult(followed, "2026-04-10", "malaria", "2026-04-17");
	assert_int_equal(consultation_save(f->db, &c), ST_OK);
	struct app *app = app_new_offscreen(f->db);
	assert_non_null(app);
	assert_ptr_equal(app_db(app), f->db);
	assert_null(app_user(app));
	const struct module *medical = NULL;
	for (const struct module *const *m = module_table; *m; m++)
		if (strcmp((*m)->name, "medical") == 0)
			medical = *m;
	assert_non_null(medical);
	assert_non_null(medical->status);
	for (int r = 0; r < ROLE_COUNT_; r++) {
		sign_in(f, (enum role)r);
		if (!perm_allows_any(r, medical->status_perms)) {
			assert_int_equal(r, ROLE_ADMIN);
			continue;
		}
		char line[400] = "x";
		medical->status(app, followed, line, sizeof line);
		assert_true(strlen(line) > 0);
		medical->status(app, unseen, line, sizeof line);
		assert_string_equal(line, "");
	}
	app_free(&app);
	assert_null(app);
}

static void a_stale_version_is_a_conflict(void **state)
{
	struct fixture *f = *state;
	long long p = add_person(f, "Moussa", "Ali", 'm', "1992", false);
	struct consultation c = consult(p, "2026-04-10", "skin", "");
	snprintf(c.treatment, sizeof c.treatment, "Pommade");
	assert_int_equal(consultation_save(f->db, &c), ST_OK);
	assert_int_equal(c.version, 1);
	struct consultation stale = c;
	snprintf(c.diagnosis, sizeof c.diagnosis, "Gale");
	assert_int_equal(consultation_save(f->db, &c), ST_OK);
	assert_int_equal(c.version, 2);
	long long before = audit_count(f->db);
	snprintf(stale.treatment, sizeof stale.treatment, "Autre chose");
	assert_int_equal(consultation_save(f->db, &stale), ST_CONFLICT);
	assert_int_equal(stale.version, 1);
	assert_int_equal(audit_count(f->db), before);
	struct consults seen = { 0 };
	assert_int_equal(consultation_list(f->db, p, 10, collect_consult, &seen), ST_OK);
	assert_int_equal(seen.n, 1);
	assert_string_equal(seen.c[0].diagnosis, "Gale");
	assert_string_equal(seen.c[0].treatment, "Pommade");
	assert_int_equal(seen.c[0].version, 2);
	stale.id = 999999;
	assert_int_equal(consultation_save(f->db, &stale), ST_NOT_FOUND);
	assert_int_equal(stale.id, 999999);

	struct medical_case mc = med_case(p, "injury", "2026-04-01");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	struct medical_case old = mc;
	snprintf(mc.closed, sizeof mc.closed, "2026-04-09");
	snprintf(mc.outcome, sizeof mc.outcome, "Healed");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	assert_int_equal(mc.version, 2);
	snprintf(old.notes, sizeof old.notes, "stale");
	assert_int_equal(medical_case_save(f->db, &old), ST_CONFLICT);
	assert_int_equal(old.version, 1);
}

static void medical_cases_rules_and_antenatal_visits(void **state)
{
	struct fixture *f = *state;
	long long p = add_person(f, "Abdou", "Fatima", 'f', "1998", false);
	struct medical_case mc = med_case(p, "chronic", "2026-01-10");
	snprintf(mc.expected_delivery, sizeof mc.expected_delivery, "2026-09-01");
	assert_int_equal(medical_case_save(f->db, &mc), ST_INVALID);   /* delivery: pregnancy only */
	mc.expected_delivery[0] = '\0';
	snprintf(mc.closed, sizeof mc.closed, "2026-02-01");
	assert_int_equal(medical_case_save(f->db, &mc), ST_INVALID);   /* closing needs an outcome */
	snprintf(mc.outcome, sizeof mc.outcome, "Stable, treatment given");
	snprintf(mc.closed, sizeof mc.closed, "2026-01-09");
	assert_int_equal(medical_case_save(f->db, &mc), ST_INVALID);   /* closed before opened */
	snprintf(mc.closed, sizeof mc.closed, "2026-02-01");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	assert_int_equal(mc.id > 0 && mc.version == 1, true);

	struct medical_case bad = med_case(p, "flu", "2026-01-10");
	assert_int_equal(medical_case_save(f->db, &bad), ST_INVALID);
	bad = med_case(p, "injury", "2099-01-10");
	assert_int_equal(medical_case_save(f->db, &bad), ST_INVALID);
	bad = med_case(p, "injury", "2026-01");
	assert_int_equal(medical_case_save(f->db, &bad), ST_INVALID);
	bad = med_case(p, "injury", "2026-01-10");
	snprintf(bad.centre_code, sizeof bad.centre_code, "XYZ");
	assert_int_equal(medical_case_save(f->db, &bad), ST_NOT_FOUND);
	bad = med_case(p + 1000, "injury", "2026-01-10");
	assert_int_equal(medical_case_save(f->db, &bad), ST_NOT_FOUND);
	assert_int_equal(bad.id, 0);

	struct medical_case injury = med_case(p, "injury", "2026-03-01");
	assert_int_equal(medical_case_save(f->db, &injury), ST_OK);
	struct medical_case preg = med_case(p, "pregnancy", "2026-04-01");
	snprintf(preg.expected_delivery, sizeof preg.expected_delivery, "2026-10-15");
	assert_int_equal(medical_case_save(f->db, &preg), ST_OK);
	assert_int_equal(medical_case_antenatal(f->db, preg.id, "2026-04-02", "Tension normale"), ST_OK);
	assert_int_equal(medical_case_antenatal(f->db, preg.id, "2026-05-02", NULL), ST_OK);
	assert_int_equal(medical_case_antenatal(f->db, preg.id, "2026-03-31", ""), ST_INVALID);   /* before */
	assert_int_equal(medical_case_antenatal(f->db, preg.id, "2099-03-31", ""), ST_INVALID);
	assert_int_equal(medical_case_antenatal(f->db, injury.id, "2026-04-02", ""), ST_INVALID);
	assert_int_equal(medical_case_antenatal(f->db, 999999, "2026-04-02", ""), ST_NOT_FOUND);

	/* Open cases first, newest first; visits counted. */
	struct cases cases = { 0 };
	assert_int_equal(medical_case_list(f->db, p, collect_case, &cases), ST_OK);
	assert_int_equal(cases.n, 3);
	assert_int_equal(cases.c[0].id, preg.id);
	assert_int_equal(cases.c[0].antenatal_visits, 2);
	assert_string_equal(cases.c[0].expected_delivery, "2026-10-15");
	assert_string_equal(cases.c[0].centre_code, "AGZ");
	assert_int_equal(cases.c[1].id, injury.id);
	assert_int_equal(cases.c[2].id, mc.id);
	assert_string_equal(cases.c[2].closed, "2026-02-01");
	assert_string_equal(cases.c[2].outcome, "Stable, treatment given");

	/* Fitness: known words, past days, existing people. */
	assert_int_equal(fitness_record(f->db, p, "2026-04-10", "maybe"), ST_INVALID);
	assert_int_equal(fitness_record(f->db, p, "2099-04-10", "fit"), ST_INVALID);
	assert_int_equal(fitness_record(f->db, p + 1000, "2026-04-10", "fit"), ST_NOT_FOUND);
}

/* A saved consultation is read back whole, each opening in the trail; the
 * referral's outcome is recorded later with its date, as an update. */
static void a_saved_consultation_is_opened_and_its_referral_outcome_recorded(void **state)
{
	struct fixture *f = *state;
	long long p = add_person(f, "Moussa", "Aïcha", 'f', "1995", false);
	char today[11];
	struct pdate t = clock_today();
	date_to_iso(&t, today, sizeof today);
	struct consultation c = consult(p, today, "injury", "");
	snprintf(c.referral_to, sizeof c.referral_to, "Hôpital régional");
	snprintf(c.referral_why, sizeof c.referral_why, "Radio");
	snprintf(c.referral_status, sizeof c.referral_status, "sent");
	assert_int_equal(consultation_save(f->db, &c), ST_OK);

	long long before = audit_count(f->db);
	struct consultation got;
	assert_int_equal(consultation_get(f->db, c.id, &got), ST_OK);
	assert_int_equal(audit_count(f->db), before + 1);
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.action, "view");
	assert_string_equal(a.entity, "consultation");
	assert_int_equal(a.entity_id, c.id);
	assert_string_equal(got.referral_to, "Hôpital régional");
	assert_string_equal(got.referral_status, "sent");
	assert_string_equal(got.referral_outcome_date, "");
	assert_string_equal(got.clinician, "medical");
	assert_int_equal(got.version, c.version);

	snprintf(got.referral_status, sizeof got.referral_status, "attended");
	snprintf(got.referral_outcome_date, sizeof got.referral_outcome_date, "%s", today);
	assert_int_equal(consultation_save(f->db, &got), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.action, "update");
	assert_non_null(strstr(a.changes, "\"referral_status\": [\"sent\", \"attended\"]"));
	assert_non_null(strstr(a.changes, "\"referral_outcome_date\": [\"\", \""));
	struct consultation again;
	assert_int_equal(consultation_get(f->db, c.id, &again), ST_OK);
	assert_string_equal(again.referral_status, "attended");
	assert_string_equal(again.referral_outcome_date, today);

	/* Other roles read nothing, and an unknown one is not found. */
	sign_in(f, ROLE_PROTECTION);
	assert_int_equal(consultation_get(f->db, c.id, &again), ST_DENIED);
	sign_in(f, ROLE_MEDICAL);
	assert_int_equal(consultation_get(f->db, c.id + 100, &again), ST_NOT_FOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_and_labels),
		cmocka_unit_test_setup_teardown(bad_consultations_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(each_role_sees_only_what_it_may, setup, teardown),
		cmocka_unit_test_setup_teardown(openings_and_writes_are_audited, setup, teardown),
		cmocka_unit_test_setup_teardown(a_saved_consultation_is_opened_and_its_referral_outcome_recorded, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(a_stale_version_is_a_conflict, setup, teardown),
		cmocka_unit_test_setup_teardown(medical_cases_rules_and_antenatal_visits, setup, teardown),
		cmocka_unit_test_setup_teardown(status_lines_through_the_module_table, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
