/* Individual psychosocial support in the data layer: the rules, who may
 * read and write it (every role signed in for real), the audit of every
 * opening and write and what the trail shows others, the case-file status
 * each role gets, the follow-up list (order, overdue, replaced by a later
 * record, paging) and its query plan. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/clock.h"
#include "core/jsonbuf.h"
#include "core/perm.h"
#include "core/psych_vocab.h"
#include "core/role.h"
#include "db/audit.h"
#include "db/audit_text.h"
#include "db/db.h"
#include "db/db_private.h"   /* the connection's handle: attendance rows, query plans */
#include "db/login.h"
#include "db/person.h"
#include "db/psych_support.h"
#include "db/user.h"
#include "ui/app.h"
#include "ui/module.h"

#define PASSWORD "a long password"
#define TODAY "2026-05-01"

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
	clock_set(1777636800);   /* 2026-05-01 12:00 UTC */
	tmpdir_make(&f->t);
	assert_int_equal(db_open(f->t.db, DB_CREATE, &f->db, NULL, 0), ST_OK);
	db_set_actor(f->db, 0, "test", ROLE_ADMIN, "test");
	for (int r = 0; r < ROLE_COUNT_; r++)
		assert_int_equal(user_add(f->db, role_name((enum role)r), "Staff", (enum role)r, "AGZ", "fr", PASSWORD, NULL),
		                 ST_OK);
	sign_in(f, ROLE_PSYCHOSOCIAL);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	db_close(&f->db);
	tmpdir_remove(&f->t);
	free(f);
	clock_set(0);
	return 0;
}

/* Registers a person staying at AGZ as the intake clerk, then signs the
 * psychosocial worker in again. */
static long long add_person(struct fixture *f, const char *family, const char *given)
{
	sign_in(f, ROLE_INTAKE);
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = 'f';
	snprintf(p.birth_date, sizeof p.birth_date, "1995");
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	sign_in(f, ROLE_PSYCHOSOCIAL);
	return p.id;
}

/* A valid support session of person at AGZ. */
static struct psych_support support(long long person, const char *date, const char *risk, const char *next)
{
	struct psych_support s;
	memset(&s, 0, sizeof s);
	s.person_id = person;
	snprintf(s.date, sizeof s.date, "%s", date);
	snprintf(s.centre_code, sizeof s.centre_code, "AGZ");
	snprintf(s.modality, sizeof s.modality, "individual");
	s.concerns = 1u << PSYCH_CONCERN_DISTRESS | 1u << PSYCH_CONCERN_SLEEP;
	snprintf(s.actions, sizeof s.actions, "Écoute active, exercices de respiration");
	snprintf(s.risk, sizeof s.risk, "%s", risk);
	snprintf(s.next_appointment, sizeof s.next_appointment, "%s", next);
	return s;
}

/* Saves a new support session and returns its id. */
static long long record(struct fixture *f, long long person, const char *date, const char *risk, const char *next,
                        const char *centre)
{
	struct psych_support s = support(person, date, risk, next);
	snprintf(s.centre_code, sizeof s.centre_code, "%s", centre);
	assert_int_equal(psych_support_save(f->db, &s), ST_OK);
	assert_true(s.id > 0);
	return s.id;
}

/* A session at AGZ on date (status planned, held or cancelled) where
 * person's mark is mark, written as the sessions' roll writes it. */
static void attended(struct fixture *f, long long person, const char *date, const char *status, const char *mark)
{
	char sql[800];
	snprintf(sql, sizeof sql,
	         "INSERT INTO psych_session (centre_id, activity_id, date, status, cancel_reason, roll) VALUES "
	         "((SELECT id FROM centre WHERE code = 'AGZ'), (SELECT id FROM ref_item WHERE list = 'psych_activity' "
	         "AND code = 'yoga'), '%s', '%s', '%s', 'names');"
	         "INSERT INTO psych_attendance (session_id, person_id, mark) VALUES (last_insert_rowid(), %lld, '%s');",
	         date, status, strcmp(status, "cancelled") == 0 ? "Pluie" : "", person, mark);
	assert_int_equal(sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, NULL), SQLITE_OK);
}

struct supports {
	int n;
	struct psych_support s[16];
};

static void collect_support(const struct psych_support *s, void *ctx)
{
	struct supports *c = ctx;
	if (c->n < 16)
		c->s[c->n++] = *s;
}

struct dues {
	int n;
	struct psych_due d[16];
};

static void collect_due(const struct psych_due *d, void *ctx)
{
	struct dues *c = ctx;
	if (c->n < 16)
		c->d[c->n++] = *d;
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
	                                    "SELECT action, entity, coalesce(entity_id, 0), coalesce(user_name, ''), "
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
		cmocka_unit_test_setup_teardown(the_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(only_the_psychosocial_role_reads_or_writes, setup, teardown),
		cmocka_unit_test_setup_teardown(openings_and_writes_are_audited_and_hidden_from_others, setup, teardown),
		cmocka_unit_test_setup_teardown(a_stale_version_is_a_conflict, setup, teardown),
		cmocka_unit_test_setup_teardown(the_status_of_each_role, setup, teardown),
		cmocka_unit_test_setup_teardown(the_status_line_through_the_module_table, setup, teardown),
		cmocka_unit_test_setup_teardown(the_followup_list, setup, teardown),
		cmocka_unit_test_setup_teardown(the_lists_use_their_indexes, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
