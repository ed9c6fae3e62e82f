/* Medical follow-up in the data layer: who may see what (every role signed
 * in for real), the audit of openings and writes, the checks, versions,
 * medical cases, the follow-up list, the day's register, the monthly
 * counts and the query plans. */
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

#define PASSWORD "a long password"

struct fixture {
	struct tmpdir t;
	struct db *db;
};

/* Signs in as the account of role r (one per role, named like the role). */
static void sign_in(struct fixture *f, enum role r)
{
	struct user u;
	struct login_request req = { role_name(r), PASSWORD, "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(f->db, &req, &u, NULL), ST_OK);
	assert_int_equal(u.role, r);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	tmpdir_make(&f->t);
	assert_int_equal(db_open(f->t.db, DB_CREATE, &f->db, NULL, 0), ST_OK);
	db_set_actor(f->db, 0, "test", ROLE_ADMIN, "test");
	for (int r = 0; r < ROLE_COUNT_; r++)
		assert_int_equal(user_add(f->db, role_name((enum role)r), "Staff", (enum role)r, "AGZ", "fr", PASSWORD, NULL),
		                 ST_OK);
	sign_in(f, ROLE_MEDICAL);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	db_close(&f->db);
	tmpdir_remove(&f->t);
	free(f);
	return 0;
}

/* Registers a person at AGZ as the intake clerk, then signs the medical
 * staff in again. */
static long long add_person(struct fixture *f, const char *family, const char *given, char sex, const char *birth,
                            bool estimated)
{
	sign_in(f, ROLE_INTAKE);
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = sex;
	snprintf(p.birth_date, sizeof p.birth_date, "%s", birth);
	p.birth_estimated = estimated;
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	sign_in(f, ROLE_MEDICAL);
	return p.id;
}

/* A valid consultation of person at AGZ. */
static struct consultation consult(long long person, const char *date, const char *reason, const char *followup)
{
	struct consultation c;
	memset(&c, 0, sizeof c);
	c.person_id = person;
	snprintf(c.date, sizeof c.date, "%s", date);
	snprintf(c.centre_code, sizeof c.centre_code, "AGZ");
	snprintf(c.reason, sizeof c.reason, "%s", reason);
	snprintf(c.next_followup, sizeof c.next_followup, "%s", followup);
	return c;
}

/* Saves a new consultation and returns its id. */
static long long record(struct fixture *f, long long person, const char *date, const char *reason,
                        const char *followup, const char *centre)
{
	struct consultation c = consult(person, date, reason, followup);
	snprintf(c.centre_code, sizeof c.centre_code, "%s", centre);
	assert_int_equal(consultation_save(f->db, &c), ST_OK);
	assert_true(c.id > 0);
	return c.id;
}

/* A medical case of person at AGZ. */
static struct medical_case med_case(long long person, const char *condition, const char *opened)
{
	struct medical_case mc;
	memset(&mc, 0, sizeof mc);
	mc.person_id = person;
	snprintf(mc.condition, sizeof mc.condition, "%s", condition);
	snprintf(mc.opened, sizeof mc.opened, "%s", opened);
	snprintf(mc.centre_code, sizeof mc.centre_code, "AGZ");
	return mc;
}

struct consults {
	int n;
	struct consultation c[16];
};

static void collect_consult(const struct consultation *c, void *ctx)
{
	struct consults *s = ctx;
	if (s->n < 16)
		s->c[s->n++] = *c;
}

struct cases {
	int n;
	struct medical_case c[16];
};

static void collect_case(const struct medical_case *mc, void *ctx)
{
	struct cases *s = ctx;
	if (s->n < 16)
		s->c[s->n++] = *mc;
}

struct followups {
	int n;
	struct followup f[16];
};

static void collect_followup(const struct followup *fu, void *ctx)
{
	struct followups *s = ctx;
	if (s->n < 16)
		s->f[s->n++] = *fu;
}

struct lines {
	int n;
	struct register_line r[16];
};

static void collect_line(const struct register_line *r, void *ctx)
{
	struct lines *s = ctx;
	if (s->n < 16)
		s->r[s->n++] = *r;
}

/* The newest audit row. */
struct last_row {
	char action[32], entity[32], user[64], changes[2048];
	long long entity_id;
};

static void last_audit(struct fixture *f, struct last_row *a)
{
	memset(a, 0, sizeof *a);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db),
	                                    "SELECT action, entity, coalesce(entity_id, 0), user_name, "
	                                    "coalesce(changes, '') FROM audit ORDER BY id DESC LIMIT 1",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(a->action, sizeof a->action, "%s", (const char *)sqlite3_column_text(st, 0));
	snprintf(a->entity, sizeof a->entity, "%s", (const char *)sqlite3_column_text(st, 1));
	a->entity_id = sqlite3_column_int64(st, 2);
	snprintf(a->user, sizeof a->user, "%s", (const char *)sqlite3_column_text(st, 3));
	snprintf(a->changes, sizeof a->changes, "%s", (const char *)sqlite3_column_text(st, 4));
	sqlite3_finalize(st);
}

static void names_and_labels(void **state)
{
	(void)state;
	assert_string_equal(med_reason_name(REASON_MALARIA), "malaria");
	assert_string_equal(med_reason_name(REASON_DIARRHOEA), "diarrhoea");
	assert_string_equal(med_reason_label(REASON_MALARIA), "Malaria");
	assert_string_equal(med_reason_name(REASON_COUNT_), "");
	assert_string_equal(med_reason_name((enum med_reason)-1), "");
	assert_string_equal(med_condition_name(COND_TUBERCULOSIS), "tuberculosis");
	assert_string_equal(med_condition_name(COND_COUNT_), "");
	for (int i = 0; i < REASON_COUNT_; i++)
		assert_true(med_reason_label((enum med_reason)i)[0] != '\0');
	for (int i = 0; i < COND_COUNT_; i++)
		assert_true(med_condition_label((enum med_condition)i)[0] != '\0');
}

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

/* Reads the status in the middle of a list: the list holds no statement. */
static void status_while_listing(const struct followup *fu, void *ctx)
{
	struct fixture *f = ctx;
	struct medical_status ms;
	assert_int_equal(medical_status_get(f->db, fu->person_id, &ms), ST_OK);
	assert_true(ms.under_followup);
	assert_string_equal(ms.next_appointment, fu->due);
	assert_int_equal(fitness_record(f->db, fu->person_id, "2026-04-01", "fit"), ST_OK);
}

static struct followups followups(struct fixture *f, const char *centre, const char *today,
                                  const struct followup *after, int limit)
{
	struct followups fu = { 0 };
	assert_int_equal(followup_list(f->db, centre, today, PAGE_AFTER, after, limit, collect_followup, &fu, NULL),
	                 ST_OK);
	return fu;
}

static void followups_soonest_first_latest_consultation_only(void **state)
{
	struct fixture *f = *state;
	long long a = add_person(f, "Traoré", "Aïssa", 'f', "2003-02-01", false);
	long long b = add_person(f, "Diallo", "Mamadou", 'm', "1990", false);
	long long c = add_person(f, "Sow", "Awa", 'f', "", false);
	long long d = add_person(f, "Bello", "Ali", 'm', "2000", true);
	long long e = add_person(f, "Issoufou", "Zara", 'f', "1995", false);
	record(f, a, "2026-04-01", "malaria", "2026-04-15", "AGZ");
	record(f, b, "2026-04-02", "injury", "2026-04-25", "AGZ");
	long long cc = record(f, c, "2026-04-03", "skin", "2026-04-15", "AGZ");
	record(f, d, "2026-04-04", "other", "", "AGZ");
	record(f, e, "2026-04-05", "malaria", "2026-04-16", "ARL");

	struct followups fu = followups(f, "AGZ", "2026-04-20", NULL, 10);
	assert_int_equal(fu.n, 3);
	assert_int_equal(fu.f[0].person_id, a);   /* same day as c: by person */
	assert_int_equal(fu.f[1].person_id, c);
	assert_int_equal(fu.f[1].consultation_id, cc);
	assert_int_equal(fu.f[2].person_id, b);
	assert_string_equal(fu.f[0].name, "TRAORÉ Aïssa");
	assert_string_equal(fu.f[2].name, "DIALLO Mamadou");
	assert_true(fu.f[0].case_key[0] != '\0');
	assert_string_equal(fu.f[0].due, "2026-04-15");
	assert_true(fu.f[0].overdue && fu.f[1].overdue);
	assert_false(fu.f[2].overdue);
	fu = followups(f, "AGZ", "2026-04-15", NULL, 10);   /* due today is not overdue */
	assert_false(fu.f[0].overdue || fu.f[1].overdue || fu.f[2].overdue);
	struct followups all = followups(f, "AGZ", "2026-04-20", NULL, 10);
	fu = followups(f, "AGZ", "2026-04-20", &all.f[0], 1);
	assert_int_equal(fu.n, 1);
	assert_int_equal(fu.f[0].person_id, c);
	assert_int_equal(followups(f, "AGZ", "2026-04-20", &all.f[2], 10).n, 0);
	assert_int_equal(followups(f, "AGZ", "2026-04-20", NULL, 0).n, 0);
	/* Paged by key both ways, saying when more remain. */
	bool more;
	fu.n = 0;
	assert_int_equal(followup_list(f->db, "AGZ", "2026-04-20", PAGE_AFTER, &all.f[0], 1, collect_followup, &fu,
	                               &more), ST_OK);
	assert_true(more);
	fu.n = 0;
	assert_int_equal(followup_list(f->db, "AGZ", "2026-04-20", PAGE_BEFORE, NULL, 2, collect_followup, &fu,
	                               &more), ST_OK);
	assert_true(more);
	assert_int_equal(fu.n, 2);
	assert_int_equal(fu.f[0].person_id, c);   /* the last two, in order */
	assert_int_equal(fu.f[1].person_id, b);
	fu.n = 0;
	assert_int_equal(followup_list(f->db, "AGZ", "2026-04-20", PAGE_BEFORE, &all.f[1], 5, collect_followup, &fu,
	                               &more), ST_OK);
	assert_false(more);
	assert_int_equal(fu.n, 1);
	assert_int_equal(fu.f[0].person_id, a);
	fu = followups(f, "ARL", "2026-04-20", NULL, 10);
	assert_int_equal(fu.n, 1);
	assert_int_equal(fu.f[0].person_id, e);
	struct followups none = { 0 };
	assert_int_equal(followup_list(f->db, "XYZ", "2026-04-20", PAGE_AFTER, NULL, 10, collect_followup, &none, NULL), ST_NOT_FOUND);
	assert_int_equal(followup_list(f->db, "AGZ", "20/04/2026", PAGE_AFTER, NULL, 10, collect_followup, &none, NULL), ST_INVALID);

	/* The callback may use the connection, even to write. */
	assert_int_equal(followup_list(f->db, "AGZ", "2026-04-20", PAGE_AFTER, NULL, 10, status_while_listing, f, NULL), ST_OK);

	/* A's later consultation without a follow-up closes A's; B's, entered
	 * later but dated before, does not; C's of the same day, entered later,
	 * does; D gets one. */
	record(f, a, "2026-04-16", "malaria", "", "AGZ");
	record(f, b, "2026-04-01", "other", "", "AGZ");
	record(f, c, "2026-04-03", "skin", "", "AGZ");
	record(f, d, "2026-04-06", "other", "2026-04-30", "AGZ");
	fu = followups(f, "AGZ", "2026-04-20", NULL, 10);
	assert_int_equal(fu.n, 2);
	assert_int_equal(fu.f[0].person_id, b);
	assert_int_equal(fu.f[1].person_id, d);
	assert_string_equal(fu.f[1].name, "BELLO Ali");

	/* Someone who has left is followed elsewhere: off the list. */
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE stay SET departed = '2026-04-18', departure_reason = 'avr' "
	         "WHERE person_id = %lld", b);
	assert_int_equal(sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, NULL), SQLITE_OK);
	fu = followups(f, "AGZ", "2026-04-20", NULL, 10);
	assert_int_equal(fu.n, 1);
	assert_int_equal(fu.f[0].person_id, d);

	/* The status follows the same rule, and open cases count. */
	struct medical_status ms;
	assert_int_equal(medical_status_get(f->db, a, &ms), ST_OK);
	assert_false(ms.under_followup);
	assert_string_equal(ms.next_appointment, "");
	assert_string_equal(ms.fitness, "fit");
	assert_int_equal(medical_status_get(f->db, b, &ms), ST_OK);
	assert_true(ms.under_followup);
	assert_string_equal(ms.next_appointment, "2026-04-25");
	struct medical_case mc = med_case(a, "tuberculosis", "2026-04-16");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	assert_int_equal(medical_status_get(f->db, a, &ms), ST_OK);
	assert_true(ms.under_followup);
	assert_string_equal(ms.next_appointment, "");
	snprintf(mc.closed, sizeof mc.closed, "2026-04-18");
	snprintf(mc.outcome, sizeof mc.outcome, "Referred to the TB programme");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	assert_int_equal(medical_status_get(f->db, a, &ms), ST_OK);
	assert_false(ms.under_followup);

	/* The latest fitness by date, whatever the order of entry. */
	assert_int_equal(fitness_record(f->db, a, "2026-04-12", "not_fit"), ST_OK);
	assert_int_equal(fitness_record(f->db, a, "2026-04-10", "fit_escort"), ST_OK);
	assert_int_equal(medical_status_get(f->db, a, &ms), ST_OK);
	assert_string_equal(ms.fitness, "not_fit");
	assert_string_equal(ms.fitness_date, "2026-04-12");
	assert_int_equal(medical_status_get(f->db, e, &ms), ST_OK);
	assert_string_equal(ms.fitness, "");
}

static void the_register_of_a_day(void **state)
{
	struct fixture *f = *state;
	long long a = add_person(f, "Traoré", "Aïssa", 'f', "2003-02-01", false);
	long long b = add_person(f, "Diallo", "Mamadou", 'm', "1990", false);
	long long c = add_person(f, "Sow", "Awa", 'f', "", false);
	long long d = add_person(f, "Bello", "Ali", 'm', "2000", true);
	long long e = add_person(f, "Ali", "Baby", 'x', "2026-03", false);
	record(f, b, "2026-04-10", "injury", "", "AGZ");
	record(f, a, "2026-04-10", "malaria", "", "AGZ");
	record(f, c, "2026-04-10", "skin", "", "AGZ");
	record(f, a, "2026-04-11", "malaria", "", "AGZ");
	record(f, d, "2026-04-10", "respiratory", "", "AGZ");
	record(f, a, "2026-04-10", "other", "", "ARL");
	record(f, e, "2026-04-10", "diarrhoea", "", "AGZ");

	struct lines reg = { 0 };
	assert_int_equal(register_day(f->db, "AGZ", "2026-04-10", collect_line, &reg), ST_OK);
	assert_int_equal(reg.n, 5);
	const char *names[] = { "DIALLO Mamadou", "TRAORÉ Aïssa", "SOW Awa", "BELLO Ali", "ALI Baby" };
	/* Bello's age was estimated as 26 in 2026: 26 all that year, as on his
	 * case file; Diallo's known year 1990 counts as 1 July. */
	const char *ages[] = { "~35", "23", "?", "~26", "~0" };
	const char *reasons[] = { "injury", "malaria", "skin", "respiratory", "diarrhoea" };
	const char sexes[] = { 'm', 'f', 'f', 'm', 'x' };
	for (int i = 0; i < 5; i++) {
		assert_string_equal(reg.r[i].name, names[i]);
		assert_string_equal(reg.r[i].age, ages[i]);
		assert_string_equal(reg.r[i].reason, reasons[i]);
		assert_int_equal(reg.r[i].sex, sexes[i]);
		assert_string_equal(reg.r[i].clinician, "medical");
		assert_true(reg.r[i].case_key[0] != '\0');
		const char *t = reg.r[i].time_of_entry;
		assert_int_equal(strlen(t), 5);
		assert_true(t[2] == ':' && t[0] >= '0' && t[0] <= '2' && t[3] >= '0' && t[3] <= '5');
	}
	/* A page by key either way, in order of entry, saying when more remain. */
	struct lines page = { 0 };
	bool more;
	assert_int_equal(register_page(f->db, "AGZ", "2026-04-10", PAGE_AFTER, reg.r[1].id, 2, collect_line, &page,
	                               &more), ST_OK);
	assert_true(more);
	assert_int_equal(page.n, 2);
	assert_string_equal(page.r[0].name, "SOW Awa");
	assert_string_equal(page.r[1].name, "BELLO Ali");
	page.n = 0;
	assert_int_equal(register_page(f->db, "AGZ", "2026-04-10", PAGE_BEFORE, 0, 2, collect_line, &page, &more),
	                 ST_OK);
	assert_true(more);
	assert_string_equal(page.r[0].name, "BELLO Ali");
	assert_string_equal(page.r[1].name, "ALI Baby");
	page.n = 0;
	assert_int_equal(register_page(f->db, "AGZ", "2026-04-10", PAGE_BEFORE, reg.r[2].id, 5, collect_line, &page,
	                               &more), ST_OK);
	assert_false(more);
	assert_int_equal(page.n, 2);
	assert_string_equal(page.r[0].name, "DIALLO Mamadou");
	reg.n = 0;
	assert_int_equal(register_day(f->db, "AGZ", "2026-04-12", collect_line, &reg), ST_OK);
	assert_int_equal(reg.n, 0);
	assert_int_equal(register_day(f->db, "AGZ", "2026-04", collect_line, &reg), ST_INVALID);
	assert_int_equal(register_day(f->db, "XYZ", "2026-04-10", collect_line, &reg), ST_NOT_FOUND);
}

static void monthly_counts_of_a_known_month(void **state)
{
	struct fixture *f = *state;
	/* An age of 17 estimated in 2026 (counted as 1 January 2009): 17 on
	 * 20 May 2026, a boy; 18 estimated then, a man. */
	long long boy1 = add_person(f, "Adamou", "Moussa", 'm', "2009", true);
	long long man18 = add_person(f, "Adamou", "Issa", 'm', "2008", true);
	long long boy2 = add_person(f, "Adamou", "Sani", 'm', "2015-02-10", false);
	long long girl = add_person(f, "Adamou", "Hawa", 'f', "2012-01", false);
	long long w1 = add_person(f, "Kane", "Mariam", 'f', "1990", false);
	long long w2 = add_person(f, "Ba", "Fanta", 'f', "1985-03-02", false);
	long long w3 = add_person(f, "Cissé", "Oumou", 'f', "2008-05-10", false);   /* 18 that day */
	long long man = add_person(f, "Keita", "Bakary", 'm', "1980-12-31", false);
	long long x = add_person(f, "Inconnu", "Sam", 'x', "1995", false);
	long long nob = add_person(f, "Sans", "Date", 'm', "", false);
	record(f, boy1, "2026-05-20", "malaria", "", "AGZ");
	record(f, boy2, "2026-05-03", "respiratory", "", "AGZ");
	record(f, girl, "2026-05-04", "malaria", "", "AGZ");
	record(f, w1, "2026-05-05", "pregnancy", "", "AGZ");
	record(f, w2, "2026-05-06", "malaria", "", "AGZ");
	record(f, w3, "2026-05-10", "skin", "", "AGZ");
	record(f, man, "2026-05-07", "injury", "", "AGZ");
	record(f, man, "2026-05-31", "other", "", "AGZ");
	record(f, man18, "2026-05-25", "injury", "", "AGZ");
	record(f, x, "2026-05-09", "mental", "", "AGZ");
	record(f, nob, "2026-05-11", "other", "", "AGZ");
	record(f, w1, "2026-04-30", "pregnancy", "", "AGZ");   /* other months */
	record(f, w1, "2026-06-01", "pregnancy", "", "AGZ");
	record(f, girl, "2026-05-12", "malaria", "", "ARL");   /* other centre */

	struct medical_case mc = med_case(w1, "pregnancy", "2026-05-05");
	snprintf(mc.expected_delivery, sizeof mc.expected_delivery, "2026-09-01");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	mc = med_case(man, "chronic", "2026-05-31");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	mc = med_case(boy2, "injury", "2026-04-30");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	mc = med_case(girl, "malnutrition", "2026-05-12");
	snprintf(mc.centre_code, sizeof mc.centre_code, "ARL");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);

	struct monthly_counts m;
	assert_int_equal(monthly_counts(f->db, "AGZ", "2026-05", &m), ST_OK);
	long expected[REASON_COUNT_][GROUP_COUNT_] = { 0 };
	expected[REASON_MALARIA][GROUP_BOYS] = 1;
	expected[REASON_MALARIA][GROUP_GIRLS] = 1;
	expected[REASON_MALARIA][GROUP_WOMEN] = 1;
	expected[REASON_RESPIRATORY][GROUP_BOYS] = 1;
	expected[REASON_PREGNANCY][GROUP_WOMEN] = 1;
	expected[REASON_SKIN][GROUP_WOMEN] = 1;
	expected[REASON_INJURY][GROUP_MEN] = 2;
	expected[REASON_OTHER][GROUP_MEN] = 1;
	expected[REASON_OTHER][GROUP_UNKNOWN] = 1;
	expected[REASON_MENTAL][GROUP_UNKNOWN] = 1;
	for (int r = 0; r < REASON_COUNT_; r++)
		for (int g = 0; g < GROUP_COUNT_; g++) {
			if (m.consultations[r][g] != expected[r][g])
				print_error("%s group %d: %ld, expected %ld\n", med_reason_name((enum med_reason)r), g,
				            m.consultations[r][g], expected[r][g]);
			assert_int_equal(m.consultations[r][g], expected[r][g]);
		}
	assert_int_equal(m.consultations_total, 11);
	long by_group[GROUP_COUNT_] = { 0 };
	for (int r = 0; r < REASON_COUNT_; r++)
		for (int g = 0; g < GROUP_COUNT_; g++)
			by_group[g] += m.consultations[r][g];
	assert_int_equal(by_group[GROUP_BOYS], 2);
	assert_int_equal(by_group[GROUP_GIRLS], 1);
	assert_int_equal(by_group[GROUP_WOMEN], 3);
	assert_int_equal(by_group[GROUP_MEN], 3);
	assert_int_equal(by_group[GROUP_UNKNOWN], 2);
	assert_int_equal(m.cases_opened[COND_PREGNANCY], 1);
	assert_int_equal(m.cases_opened[COND_CHRONIC], 1);
	assert_int_equal(m.cases_opened[COND_INJURY], 0);
	assert_int_equal(m.cases_opened[COND_MALNUTRITION], 0);
	assert_int_equal(m.cases_total, 2);

	/* All centres: the ARL consultation and case too. */
	assert_int_equal(monthly_counts(f->db, "", "2026-05", &m), ST_OK);
	assert_int_equal(m.consultations[REASON_MALARIA][GROUP_GIRLS], 2);
	assert_int_equal(m.consultations_total, 12);
	assert_int_equal(m.cases_opened[COND_MALNUTRITION], 1);
	assert_int_equal(m.cases_total, 3);
	assert_int_equal(monthly_counts(f->db, "ARL", "2026-05", &m), ST_OK);
	assert_int_equal(m.consultations_total, 1);
	assert_int_equal(monthly_counts(f->db, "AGZ", "2026-04", &m), ST_OK);
	assert_int_equal(m.consultations_total, 1);
	assert_int_equal(m.cases_opened[COND_INJURY], 1);
	assert_int_equal(monthly_counts(f->db, "AGZ", "2026-12", &m), ST_OK);   /* into the next year */
	assert_int_equal(m.consultations_total, 0);

	const char *bad[] = { "2026-5", "2026-13", "2026-05-01", "", "mai 2026" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(monthly_counts(f->db, "AGZ", bad[i], &m), ST_INVALID);
	assert_int_equal(monthly_counts(f->db, "XYZ", "2026-05", &m), ST_NOT_FOUND);
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

/* True when a line of plan starts with prefix. */
static bool has_line(const char *plan, const char *prefix)
{
	for (const char *l = plan; l && *l; l = strchr(l, '\n')) {
		if (*l == '\n')
			l++;
		if (strncmp(l, prefix, strlen(prefix)) == 0)
			return true;
	}
	return false;
}

static void the_lists_use_their_indexes(void **state)
{
	struct fixture *f = *state;
	long long p = add_person(f, "Traoré", "Aïssa", 'f', "2003-02-01", false);
	record(f, p, "2026-04-01", "malaria", "2026-04-15", "AGZ");
	struct followups fu = followups(f, "AGZ", "2026-04-20", NULL, 10);
	assert_int_equal(fu.n, 1);
	struct lines reg = { 0 };
	assert_int_equal(register_day(f->db, "AGZ", "2026-04-01", collect_line, &reg), ST_OK);
	struct monthly_counts m;
	assert_int_equal(monthly_counts(f->db, "", "2026-04", &m), ST_OK);
	struct medical_status ms;
	assert_int_equal(medical_status_get(f->db, p, &ms), ST_OK);

	char plan[2048];
	plan_of(f, "next_followup IS NOT NULL", plan, sizeof plan);
	assert_true(has_line(plan, "SEARCH c USING INDEX consultation_followup (centre_id=? AND next_followup>?)"));
	assert_non_null(strstr(plan, "consultation_by_person (person_id=?"));
	assert_false(has_line(plan, "SCAN"));
	plan_of(f, "c.date = ?2 AND c.id > ?3", plan, sizeof plan);
	assert_true(has_line(plan, "SEARCH c USING INDEX consultation_by_centre (centre_id=? AND date=? AND rowid>?)"));
	assert_false(has_line(plan, "SCAN"));
	plan_of(f, "GROUP BY reason, sex, child", plan, sizeof plan);
	assert_true(has_line(plan, "SEARCH c USING INDEX consultation_by_centre (centre_id=? AND date>? AND date<?)"));
	assert_false(has_line(plan, "SCAN c "));
	plan_of(f, "GROUP BY condition", plan, sizeof plan);
	assert_true(has_line(plan, "SEARCH medical_case USING INDEX medical_case_by_centre"));
	assert_false(has_line(plan, "SCAN medical_case"));
	plan_of(f, "SELECT EXISTS (SELECT 1 FROM medical_case", plan, sizeof plan);
	assert_false(has_line(plan, "SCAN"));
	assert_false(strstr(plan, "SCAN consultation") || strstr(plan, "SCAN fitness"));
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
		cmocka_unit_test_setup_teardown(followups_soonest_first_latest_consultation_only, setup, teardown),
		cmocka_unit_test_setup_teardown(the_register_of_a_day, setup, teardown),
		cmocka_unit_test_setup_teardown(monthly_counts_of_a_known_month, setup, teardown),
		cmocka_unit_test_setup_teardown(the_lists_use_their_indexes, setup, teardown),
		cmocka_unit_test_setup_teardown(status_lines_through_the_module_table, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
