/* The write paths the crash test and the soak drive, each as a screen
 * would call the data layer, with the line it acknowledges and the check of
 * that line against the database. To add a module's writes: write a run
 * and a verify function here and add one row to attack_ops[] below. */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "attack.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/psych_vocab.h"
#include "core/role.h"
#include "db/community.h"
#include "db/db.h"
#include "db/db_private.h"
#include "db/draft.h"
#include "db/login.h"
#include "db/medical.h"
#include "db/person.h"
#include "db/psych_sheet.h"
#include "db/psych_session.h"
#include "db/psych_support.h"
#include "db/reflist.h"
#include "db/roll.h"
#include "db/stay.h"
#include "db/training.h"
#include "db/user.h"
#include "ui/module.h"

/* ---- helpers ------------------------------------------------------------ */

static void today(char out[11])
{
	struct pdate t = clock_today();
	date_to_iso(&t, out, 11);
}

static void act_as(struct attack *a, long long id, const char *name, enum role role)
{
	db_set_actor(a->db, id, name, (int)role, "attack");
}

/* A person to write about: one of the hot people or one of the writer's. */
static long long some_person(struct attack *a)
{
	if (a->nmine > 0 && attack_pick(a, 2))
		return a->mine[attack_pick(a, a->nmine < ATTACK_MINE ? a->nmine : ATTACK_MINE)];
	return a->hot[attack_pick(a, ATTACK_HOT)];
}

/* A woman of the people this session writes about (a pregnancy needs
 * one), or the first hot person, a woman, when none is found. */
static long long some_woman(struct attack *a)
{
	for (int tries = 0; tries < 16; tries++) {
		long long id = some_person(a);
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db_sqlite(a->db), "SELECT sex = 'f' FROM person WHERE id = ?1", -1, &st, NULL)
		    != SQLITE_OK)
			return id;
		sqlite3_bind_int64(st, 1, id);
		bool woman = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		if (woman)
			return id;
	}
	return a->hot[0];   /* "Hot Person A", a woman (attack.c) */
}

/* The day n days after iso, into out. */
static void days_after(const char *iso, int n, char out[11])
{
	sqlite3 *mem;
	sqlite3_stmt *st;
	snprintf(out, 11, "%s", iso);
	if (sqlite3_open(":memory:", &mem) != SQLITE_OK)
		return;
	if (sqlite3_prepare_v2(mem, "SELECT date(?1, printf('+%d days', ?2))", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, iso, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, n);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			snprintf(out, 11, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	sqlite3_close(mem);
}

/* Waits a->think_ms at most, as a user between reading and saving. */
static void think(struct attack *a)
{
	if (a->think_ms <= 0)
		return;
	long us = (long)(a->think_ms * 1000.0 * (double)attack_pick(a, 1000) / 1000.0);
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };
	nanosleep(&ts, NULL);
}

/* Runs one query with integer/text parameters ("i" or "t" per parameter
 * in types) and returns its first row's first column as an integer (-1
 * when no row), and the second column's text into text (may be NULL). */
static long long query(sqlite3 *ro, const char *sql, const char *types, const char *const *args,
                       char *text, size_t size)
{
	sqlite3_stmt *st;
	if (text && size)
		text[0] = '\0';
	if (sqlite3_prepare_v2(ro, sql, -1, &st, NULL) != SQLITE_OK)
		return -2;
	for (int i = 0; types[i]; i++) {
		if (types[i] == 'i')
			sqlite3_bind_int64(st, i + 1, strtoll(args[i], NULL, 10));
		else
			sqlite3_bind_text(st, i + 1, args[i], -1, SQLITE_TRANSIENT);
	}
	long long v = -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		v = sqlite3_column_int64(st, 0);
		const unsigned char *t = sqlite3_column_count(st) > 1 ? sqlite3_column_text(st, 1) : NULL;
		if (text && size)
			snprintf(text, size, "%s", t ? (const char *)t : "");
	}
	sqlite3_finalize(st);
	return v;
}

/* Splits args into at most n space-separated words (in place, in buf). */
static int words(const char *args, char *buf, size_t size, const char **w, int n)
{
	snprintf(buf, size, "%s", args);
	int k = 0;
	for (char *save = NULL, *t = strtok_r(buf, " ", &save); t && k < n; t = strtok_r(NULL, " ", &save))
		w[k++] = t;
	return k;
}

static bool fail(char *why, size_t size, const char *msg)
{
	snprintf(why, size, "%s", msg);
	return false;
}

/* A versioned edit: row's version greater than v, or v with the value. */
static bool versioned(sqlite3 *ro, const char *sql, const char *id, const char *v, const char *value,
                      char *why, size_t size)
{
	char now[512];
	long long ver = query(ro, sql, "i", (const char *[]){ id }, now, sizeof now);
	long long want = strtoll(v, NULL, 10);
	if (ver < 0)
		return fail(why, size, "record missing");
	if (ver < want)
		return fail(why, size, "older version than acknowledged");
	if (ver == want && strcmp(now, value) != 0)
		return fail(why, size, "acknowledged value not there");
	return true;
}

/* A counted event: at least nth + 1 rows. */
static bool counted(sqlite3 *ro, const char *sql, const char *types, const char *const *args, int nth,
                    char *why, size_t size)
{
	if (query(ro, sql, types, args, NULL, 0) < nth + 1)
		return fail(why, size, "fewer rows than acknowledged");
	return true;
}

/* ---- registration and edits of people ----------------------------------- */

static enum status run_register(struct attack *a, char *ack, size_t size)
{
	struct person p;
	memset(&p, 0, sizeof p);
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	snprintf(p.family_name, sizeof p.family_name, "Attack");
	snprintf(p.given_names, sizeof p.given_names, "T%lld", a->token++);
	p.sex = attack_pick(a, 2) ? 'f' : 'm';
	today(p.arrival_date);
	today(p.consent_date);
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "self");
	p.consent_data = true;
	enum status s = person_save(a->db, &p, NULL, NULL, 0);
	if (s != ST_OK)
		return s;
	a->mine[a->nmine++ % ATTACK_MINE] = p.id;
	snprintf(ack, size, "person %lld %s %s", p.id, p.case_key, p.given_names);
	return ST_OK;
}

static bool verify_register(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[256], now[256];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	if (query(ro, "SELECT id, case_key || ' ' || given_names FROM person WHERE id = ?1", "i", w, now,
	          sizeof now) < 0)
		return fail(why, size, "person missing");
	char want[256];
	snprintf(want, sizeof want, "%s %s", w[1], w[2]);
	return strcmp(now, want) == 0 || fail(why, size, "case number or name differs");
}

/* Reads a person, waits, changes the phone and saves with the version read:
 * the data layer must refuse it if another session saved in between. */
static enum status run_edit(struct attack *a, char *ack, size_t size)
{
	struct person orig, p;
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	enum status s = person_get(a->db, some_person(a), &orig);
	if (s != ST_OK)
		return s;
	p = orig;
	think(a);
	snprintf(p.phone, sizeof p.phone, "+2279%09lld", a->token++ % 1000000000LL);
	char changed[256];
	if ((s = person_save(a->db, &p, &orig, changed, sizeof changed)) != ST_OK)
		return s;
	snprintf(ack, size, "edit %lld %d %s", p.id, p.version, p.phone);
	return ST_OK;
}

static bool verify_edit(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[256];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	if (!versioned(ro, "SELECT version, phone FROM person WHERE id = ?1", w[0], w[1], w[2], why, size))
		return false;
	/* Every acknowledged change is in the person's history. */
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'person' AND entity_id = ?1 "
	               "AND action = 'update' AND instr(changes, ?2) > 0", "it", (const char *[]){ w[0], w[2] },
	               0, why, size);
}

static enum status run_view(struct attack *a, char *ack, size_t size)
{
	struct person p;
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	long long id = some_person(a);
	enum status s = person_get(a->db, id, &p);
	if (s == ST_OK)
		snprintf(ack, size, "view %lld", id);
	return s;
}

static bool verify_view(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'person' AND entity_id = ?1 AND action = 'view'",
	               "i", (const char *[]){ args }, nth, why, size);
}

static enum status run_link(struct attack *a, char *ack, size_t size)
{
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	long long x = some_person(a);
	long long j = attack_pick(a, ATTACK_HOT), y = a->hot[j];
	if (x == y)
		y = a->hot[(j + 1) % ATTACK_HOT];
	enum status s = person_link(a->db, x, y, "sibling");
	if (s == ST_OK)
		snprintf(ack, size, "link %lld %lld", x, y);
	return s;
}

static bool verify_link(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[64];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM family_link WHERE person_id = ?1 AND relative_id = ?2 "
	               "AND relation = 'sibling'", "ii", w, 0, why, size);
}

/* ---- stays -------------------------------------------------------------- */

struct latest_stay {
	long long id;
	bool open;
};

static void take_stay(const struct person_stay *st, void *ctx)
{
	struct latest_stay *l = ctx;
	if (!l->id) {
		l->id = st->id;
		l->open = !st->departed[0];
	}
}

/* Departs the latest stay of a person, or admits them again with
 * services. Another session may have done it first (the hot people): the
 * data layer then refuses (ST_INVALID), a conflict detected. */
static enum status run_stay(struct attack *a, char *ack, size_t size)
{
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	long long person = some_person(a);
	struct latest_stay l = { 0, false };
	enum status s = person_stays(a->db, person, 0, 1, take_stay, &l, NULL);
	if (s != ST_OK)
		return s;
	char day[11];
	today(day);
	if (l.id && l.open) {
		if ((s = stay_depart(a->db, l.id, day, "continued")) == ST_OK)
			snprintf(ack, size, "depart %lld", l.id);
		return s == ST_INVALID ? ST_CONFLICT : s;
	}
	long long id;
	if ((s = stay_admit(a->db, person, attack_pick(a, 2) ? "AGZ" : "NY1", day, &id)) != ST_OK)
		return s == ST_INVALID ? ST_CONFLICT : s;
	bool given[SERVICE_COUNT_] = { true, attack_pick(a, 2) == 1, false, true };
	int n = snprintf(ack, size, "admit %lld %lld\n", id, person);
	if ((s = stay_set_services(a->db, id, given)) != ST_OK) {
		ack[n - 1] = '\0';
		return s == ST_BUSY ? ST_OK : s;   /* the admission stands acknowledged */
	}
	int count = 0;
	for (int i = 0; i < SERVICE_COUNT_; i++)
		count += given[i];
	snprintf(ack + n, size - (size_t)n, "services %lld %d", id, count);
	return ST_OK;
}

static bool verify_depart(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	return counted(ro, "SELECT count(*) FROM stay WHERE id = ?1 AND departed IS NOT NULL", "i",
	               (const char *[]){ args }, nth, why, size);
}

static bool verify_admit(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	char buf[64];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM stay WHERE id = ?1 AND person_id = ?2", "ii", w, nth, why, size);
}

static bool verify_services(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[64];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	long long n = query(ro, "SELECT count(*) FROM stay_service WHERE stay_id = ?1", "i", w, NULL, 0);
	return n == strtoll(w[1], NULL, 10) || fail(why, size, "services differ");
}

/* ---- medical ------------------------------------------------------------ */

static void act_medical(struct attack *a)
{
	act_as(a, a->medical_id, "medical", ROLE_MEDICAL);
}

static enum status run_consultation(struct attack *a, char *ack, size_t size)
{
	struct consultation c;
	memset(&c, 0, sizeof c);
	act_medical(a);
	c.person_id = some_person(a);
	today(c.date);
	snprintf(c.centre_code, sizeof c.centre_code, "AGZ");
	snprintf(c.reason, sizeof c.reason, "malaria");
	snprintf(c.diagnosis, sizeof c.diagnosis, "D%lld", a->token++);
	snprintf(c.treatment, sizeof c.treatment, "first");
	enum status s = consultation_save(a->db, &c);
	if (s != ST_OK)
		return s;
	a->consult_id = c.id;
	a->consult_person = c.person_id;
	snprintf(ack, size, "consultation %lld %s", c.id, c.diagnosis);
	return ST_OK;
}

static bool verify_consultation(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM consultation WHERE id = ?1 AND diagnosis = ?2", "it", w, 0, why, size);
}

struct find_consult {
	long long id;
	struct consultation c;
};

static void take_consult(const struct consultation *c, void *ctx)
{
	struct find_consult *f = ctx;
	if (c->id == f->id)
		f->c = *c;
}

/* Edits the writer's last consultation, with its version. */
static enum status run_consultation_edit(struct attack *a, char *ack, size_t size)
{
	if (!a->consult_id)
		return run_consultation(a, ack, size);
	act_medical(a);
	struct find_consult f;
	memset(&f, 0, sizeof f);
	f.id = a->consult_id;
	enum status s = consultation_list(a->db, a->consult_person, 200, take_consult, &f);
	if (s != ST_OK)
		return s;
	if (!f.c.id) {
		a->consult_id = 0;
		return run_consultation(a, ack, size);
	}
	think(a);
	snprintf(f.c.treatment, sizeof f.c.treatment, "T%lld", a->token++);
	s = consultation_save(a->db, &f.c);
	if (s == ST_OK)
		snprintf(ack, size, "consultation_edit %lld %d %s", f.c.id, f.c.version, f.c.treatment);
	return s;
}

static bool verify_consultation_edit(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return versioned(ro, "SELECT version, treatment FROM consultation WHERE id = ?1", w[0], w[1], w[2], why, size);
}

/* Opens a pregnancy case, records antenatal visits on it, closes it. */
static enum status run_medical_case(struct attack *a, char *ack, size_t size)
{
	act_medical(a);
	char day[11];
	today(day);
	enum status s;
	if (!a->case_id) {
		struct medical_case mc;
		memset(&mc, 0, sizeof mc);
		/* A pregnancy as the data layer accepts one: a woman, delivery
		 * expected within ten months. */
		mc.person_id = some_woman(a);
		snprintf(mc.condition, sizeof mc.condition, "pregnancy");
		snprintf(mc.opened, sizeof mc.opened, "%s", day);
		days_after(day, 150, mc.expected_delivery);
		snprintf(mc.notes, sizeof mc.notes, "N%lld", a->token++);
		snprintf(mc.centre_code, sizeof mc.centre_code, "AGZ");
		if ((s = medical_case_save(a->db, &mc)) == ST_OK) {
			a->case_id = mc.id;
			snprintf(ack, size, "medical_case %lld %s", mc.id, mc.notes);
		}
		return s;
	}
	if (attack_pick(a, 3)) {
		char notes[32];
		snprintf(notes, sizeof notes, "A%lld", a->token++);
		if ((s = medical_case_antenatal(a->db, a->case_id, day, notes)) == ST_OK)
			snprintf(ack, size, "antenatal %lld %s", a->case_id, notes);
		return s;
	}
	struct medical_case mc;
	if ((s = medical_case_get(a->db, a->case_id, &mc)) != ST_OK)
		return s;
	think(a);
	snprintf(mc.closed, sizeof mc.closed, "%s", day);
	snprintf(mc.outcome, sizeof mc.outcome, "O%lld", a->token++);
	if ((s = medical_case_save(a->db, &mc)) == ST_OK) {
		snprintf(ack, size, "medical_case_close %lld %d %s", mc.id, mc.version, mc.outcome);
		a->case_id = 0;
	}
	return s;
}

static bool verify_medical_case(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM medical_case WHERE id = ?1 AND notes = ?2", "it", w, 0, why, size);
}

static bool verify_antenatal(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM antenatal_visit WHERE case_id = ?1 AND notes = ?2", "it", w, 0,
	               why, size);
}

static bool verify_case_close(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return versioned(ro, "SELECT version, outcome FROM medical_case WHERE id = ?1", w[0], w[1], w[2], why, size);
}

static enum status run_fitness(struct attack *a, char *ack, size_t size)
{
	static const char *const statuses[] = { "fit", "fit_escort", "not_fit" };
	act_medical(a);
	char day[11];
	today(day);
	long long person = some_person(a);
	const char *st = statuses[attack_pick(a, 3)];
	enum status s = fitness_record(a->db, person, day, st);
	if (s == ST_OK)
		snprintf(ack, size, "fitness %lld %s", person, st);
	return s;
}

static bool verify_fitness(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	char buf[64];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM fitness WHERE person_id = ?1 AND status = ?2", "it", w, nth, why, size);
}

/* ---- accounts, sign-ins, drafts ----------------------------------------- */

/* Makes an account, or changes the last one made: its display name (with
 * its version), its password (by an administrator, then by its owner after
 * signing in) and its preferences. */
static enum status run_account(struct attack *a, char *ack, size_t size)
{
	act_as(a, a->admin_id, "admin", ROLE_ADMIN);
	enum status s;
	char pw[64];
	if (!a->user_id || attack_pick(a, 4) == 0) {
		char name[40], display[48];
		long long t = a->token++;
		snprintf(name, sizeof name, "att%lld", t);
		snprintf(display, sizeof display, "Attack %lld", t);
		snprintf(pw, sizeof pw, "pass-%s-long", name);
		long long id;
		if ((s = user_add(a->db, name, display, ROLE_INTAKE, "AGZ", "fr", pw, &id)) != ST_OK)
			return s;
		a->user_id = id;
		snprintf(a->user_name, sizeof a->user_name, "%s", name);
		snprintf(ack, size, "user %s", name);
		return ST_OK;
	}
	struct user u;
	if ((s = user_get(a->db, a->user_id, &u)) != ST_OK)
		return s;
	switch (attack_pick(a, 3)) {
	case 0: {
		char display[48];
		snprintf(display, sizeof display, "Changed %lld", a->token++);
		struct user_changes c = { display, u.role, "AGZ", u.lang, true };
		think(a);
		if ((s = user_admin_save(a->db, &u, &c)) == ST_OK)
			snprintf(ack, size, "user_edit %lld %d %s", u.id, u.version, display);
		return s;
	}
	case 1:
		snprintf(pw, sizeof pw, "pass-%s-long", u.name);
		if ((s = user_set_password(a->db, u.name, pw)) == ST_OK)
			snprintf(ack, size, "set_password %lld", u.id);
		return s;
	default: {
		snprintf(pw, sizeof pw, "pass-%s-long", u.name);
		struct login_request req = { u.name, pw, "attack", clock_now(), lockout_default_policy() };
		struct user me;
		if ((s = login_attempt(a->db, &req, &me, NULL)) != ST_OK)
			return s;
		/* The same password again: a change all the same, audited. */
		if ((s = login_change_password(a->db, pw, pw)) != ST_OK)
			return s;
		snprintf(ack, size, "change_password %lld", u.id);
		if ((s = user_get(a->db, me.id, &me)) == ST_OK && (s = user_save_prefs(a->db, &me, me.display_name, "en")) == ST_OK) {
			size_t n = strlen(ack);
			snprintf(ack + n, size - n, "\nprefs %lld", u.id);
		}
		return s == ST_BUSY ? ST_OK : s;
	}
	}
}

static bool verify_user(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	return counted(ro, "SELECT count(*) FROM app_user WHERE name = ?1", "t", (const char *[]){ args }, 0, why, size);
}

static bool verify_user_edit(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[4];
	if (words(args, buf, sizeof buf, w, 4) != 4)
		return fail(why, size, "bad line");
	char value[64];
	snprintf(value, sizeof value, "%s %s", w[2], w[3]);
	return versioned(ro, "SELECT version, display_name FROM app_user WHERE id = ?1", w[0], w[1], value, why, size);
}

static bool verify_set_password(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'app_user' AND entity_id = ?1 "
	               "AND action = 'set_password'", "i", (const char *[]){ args }, nth, why, size);
}

static bool verify_change_password(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'app_user' AND entity_id = ?1 "
	               "AND action = 'change_password'", "i", (const char *[]){ args }, nth, why, size);
}

static bool verify_prefs(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	return counted(ro, "SELECT count(*) FROM app_user WHERE id = ?1 AND lang = 'en'", "i",
	               (const char *[]){ args }, 0, why, size);
}

/* Signs in as a demo account, or fails to (a wrong password) as the
 * account "protection": both are counted and audited. */
static enum status run_login(struct attack *a, char *ack, size_t size)
{
	bool good = attack_pick(a, 2);
	struct login_request req = { good ? "intake" : "protection", good ? "intake-demo" : "wrong-password",
	                             "attack", clock_now(), lockout_default_policy() };
	req.policy.max_failures = 1000000;   /* the lockout is not what is measured here */
	struct user u;
	enum status s = login_attempt(a->db, &req, &u, NULL);
	if (s == ST_OK)
		snprintf(ack, size, "login intake");
	else if (s == ST_BAD_LOGIN)
		snprintf(ack, size, "login_failed protection");
	return s == ST_BAD_LOGIN ? ST_OK : s;
}

static bool verify_login(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	return counted(ro, "SELECT count(*) FROM audit WHERE action = 'login' AND user_name = ?1", "t",
	               (const char *[]){ args }, nth, why, size);
}

static bool verify_login_failed(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	return counted(ro, "SELECT count(*) FROM audit WHERE action LIKE 'login_failed%' AND user_name = ?1", "t",
	               (const char *[]){ args }, nth, why, size);
}

/* Keeps a draft, and keeps then discards another. */
static enum status run_draft(struct attack *a, char *ack, size_t size)
{
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	long long ref = a->token++;
	char json[64];
	snprintf(json, sizeof json, "{\"family_name\":\"D%lld\"}", ref);
	enum status s = draft_save(a->db, "attack", ref, json);
	if (s != ST_OK)
		return s;
	int n = snprintf(ack, size, "draft %lld %lld\n", a->intake_id, ref);
	if ((s = draft_save(a->db, "attack", -ref, json)) == ST_OK && (s = draft_discard(a->db, "attack", -ref)) == ST_OK)
		snprintf(ack + n, size - (size_t)n, "draft_gone %lld %lld", a->intake_id, -ref);
	else
		ack[n - 1] = '\0';
	return s == ST_BUSY ? ST_OK : s;
}

static bool verify_draft(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[64];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM draft WHERE user_id = ?1 AND kind = 'attack' AND ref_id = ?2", "ii",
	               w, 0, why, size);
}

static bool verify_draft_gone(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[64];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	long long n = query(ro, "SELECT count(*) FROM draft WHERE user_id = ?1 AND kind = 'attack' AND ref_id = ?2",
	                    "ii", w, NULL, 0);
	return n == 0 || fail(why, size, "discarded draft still there");
}

/* ---- psychosocial sessions and the attendance roll ---------------------- */

/* Acts as the demo's psychosocial worker. */
static void act_psych(struct attack *a)
{
	long long id = 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = 'psychosocial'", -1, &st,
	                       NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	act_as(a, id, "psychosocial", ROLE_PSYCHOSOCIAL);
}

/* Plans a session at AGZ today, as the session form saves it. */
static enum status run_psych_session(struct attack *a, char *ack, size_t size)
{
	act_psych(a);
	struct psych_session s;
	char day[11];
	today(day);
	psych_session_init(&s, "AGZ", day);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db_sqlite(a->db), "SELECT id FROM ref_item WHERE list = 'psych_activity' "
	                       "AND active = 1 ORDER BY position LIMIT 1 OFFSET ?1", -1, &st, NULL) != SQLITE_OK)
		return ST_INTERNAL;
	sqlite3_bind_int(st, 1, (int)attack_pick(a, 5));
	if (sqlite3_step(st) == SQLITE_ROW)
		s.activity_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	snprintf(s.title, sizeof s.title, "S%lld", a->token++);
	snprintf(s.start_time, sizeof s.start_time, "%02u:00", 8u + (unsigned)attack_pick(a, 10) % 10u);
	enum status r = psych_session_save(a->db, &s, NULL, NULL);
	if (r == ST_OK)
		snprintf(ack, size, "psych_session %lld %s", s.id, s.title);
	return r;
}

static bool verify_psych_session(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM psych_session WHERE id = ?1 AND title = ?2", "it", w, 0, why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'psych_session' AND entity_id = ?1 "
	                  "AND action = 'create'", "i", w, 0, why, size);
}

static void keep_session(const struct psych_session *s, void *ctx)
{
	*(long long *)ctx = s->id;
}

/* Marks one of the hot people in today's newest session at AGZ, from the
 * row read before a pause (as a facilitator's screen shows it): a mark
 * another writer gave meanwhile is reported, never overwritten. */
static enum status run_psych_mark(struct attack *a, char *ack, size_t size)
{
	static const char *const marks[] = { "present", "absent", "excused", "left_early" };
	act_psych(a);
	char day[11];
	today(day);
	long long session = 0;
	enum status r = psych_session_list(a->db, "AGZ", day, PAGE_AFTER, NULL, 1, keep_session, &session, NULL);
	if (r != ST_OK)
		return r;
	if (!session)
		return run_psych_session(a, ack, size);
	struct roll_row row;
	if ((r = psych_roll_row_get(a->db, session, a->hot[attack_pick(a, ATTACK_HOT)], &row)) != ST_OK)
		return r;
	think(a);
	/* Always another mark than the one shown: every success is a write. */
	const char *mark = marks[attack_pick(a, 4)];
	if (strcmp(mark, row.mark) == 0)
		mark = strcmp(mark, "present") == 0 ? "absent" : "present";
	int shown = row.mark_version;
	if ((r = psych_roll_mark(a->db, session, &row, mark, NULL, NULL)) != ST_OK)
		return r;
	if (row.mark_version != shown + 1)
		return ST_INTERNAL;
	long long id = -1;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db_sqlite(a->db), "SELECT id FROM psych_attendance WHERE session_id = ?1 "
	                       "AND person_id = ?2", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, session);
		sqlite3_bind_int64(st, 2, row.person_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	snprintf(ack, size, "psych_mark %lld %d %s", id, row.mark_version, row.mark);
	return ST_OK;
}

static bool verify_psych_mark(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	if (!versioned(ro, "SELECT version, mark FROM psych_attendance WHERE id = ?1", w[0], w[1], w[2], why, size))
		return false;
	char after[64];
	snprintf(after, sizeof after, "\"%s\"]", w[2]);
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'psych_attendance' AND entity_id = ?1 "
	               "AND instr(changes, ?2) > 0", "it", (const char *[]){ w[0], after }, 0, why, size);
}

/* ---- psychosocial: individual support ----------------------------------- */

/* Acts as the demo's psychosocial worker (the account demo_fill made). */
static bool act_psych_support(struct attack *a)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = 'psychosocial'", -1, &st, NULL)
	    != SQLITE_OK)
		return false;
	long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (!id)
		return false;
	act_as(a, id, "psychosocial", ROLE_PSYCHOSOCIAL);
	return true;
}

/* Records a support session as the form does: today, a next appointment
 * a week later, a risk now and then. */
static enum status run_psych_support(struct attack *a, char *ack, size_t size)
{
	static const char *const risks[] = { "none", "none", "self", "others" };
	if (!act_psych_support(a))
		return ST_INTERNAL;
	struct psych_support r;
	memset(&r, 0, sizeof r);
	r.person_id = some_person(a);
	today(r.date);
	snprintf(r.centre_code, sizeof r.centre_code, "AGZ");
	snprintf(r.modality, sizeof r.modality, "individual");
	r.concerns = 1u << PSYCH_CONCERN_DISTRESS;
	snprintf(r.actions, sizeof r.actions, "S%lld", a->token++);
	snprintf(r.risk, sizeof r.risk, "%s", risks[attack_pick(a, 4)]);
	days_after(r.date, 7, r.next_appointment);
	enum status s = psych_support_save(a->db, &r);
	if (s == ST_OK)
		snprintf(ack, size, "psych_support %lld %s", r.id, r.actions);
	return s;
}

static bool verify_psych_support(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM psych_support WHERE id = ?1 AND actions = ?2", "it", w, 0, why, size);
}

/* ---- reference lists (administrators) ----------------------------------- */

/* Adds an organisation to the partner list, as the list's form does. */
static enum status run_ref_partner(struct attack *a, char *ack, size_t size)
{
	act_as(a, a->admin_id, "admin", ROLE_ADMIN);
	const struct reflist_def *def = module_reflist(module_table, REFLIST_PARTNER);
	if (!def)
		return ST_INTERNAL;
	long long t = a->token++;
	struct ref_item it;
	memset(&it, 0, sizeof it);
	snprintf(it.name_en, sizeof it.name_en, "Partner %lld", t);
	snprintf(it.name_fr, sizeof it.name_fr, "Partenaire %lld", t);
	enum status s = reflist_add(a->db, def, &it, NULL, NULL);
	if (s == ST_OK)
		snprintf(ack, size, "ref_partner %lld %lld", it.id, t);
	return s;
}

static bool verify_ref_partner(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	char buf[64];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM ref_item WHERE id = ?1 AND list = 'partner' AND active = 1"
	                   " AND name_en = 'Partner ' || ?2 AND name_fr = 'Partenaire ' || ?2",
	               "it", w, nth, why, size);
}

/* ---- vocational training: courses and enrolment ------------------------- */

/* Acts as the demo's training officer. */
static void act_training(struct attack *a)
{
	long long id = query(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = 'training'", "", NULL, NULL, 0);
	act_as(a, id > 0 ? id : 0, "training", ROLE_TRAINING);
}

/* Plans a course at AGZ starting today, as the course form saves it: a
 * small capacity, so that enrolments soon fill it. */
static enum status run_training_course(struct attack *a, char *ack, size_t size)
{
	act_training(a);
	struct training_course c;
	char day[11];
	today(day);
	training_course_init(&c, "AGZ", day);
	c.trade_id = query(db_sqlite(a->db), "SELECT id FROM ref_item WHERE list = 'training_trade' AND active = 1 "
	                   "ORDER BY position LIMIT 1", "", NULL, NULL, 0);
	c.capacity = 1 + (int)attack_pick(a, 3);
	snprintf(c.certificate, sizeof c.certificate, "attendance");
	snprintf(c.status, sizeof c.status, "open");
	snprintf(c.title, sizeof c.title, "C%lld", a->token++);
	enum status r = training_course_save(a->db, &c, NULL, NULL);
	if (r == ST_OK)
		snprintf(ack, size, "training_course %lld %s", c.id, c.title);
	return r;
}

static bool verify_training_course(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM training_course WHERE id = ?1 AND title = ?2", "it", w, 0, why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'training_course' AND entity_id = ?1 "
	                  "AND action = 'create'", "i", w, 0, why, size);
}

/* Enrols one of the hot people in the newest open course at AGZ (a new
 * course when there is none, or when they are in it already): the data
 * layer puts them on the waiting list when it is full, even with other
 * writers enrolling at the same moment. */
static enum status run_training_enrol(struct attack *a, char *ack, size_t size)
{
	act_training(a);
	long long person = some_person(a);
	char pid[24];
	snprintf(pid, sizeof pid, "%lld", person);
	long long course = query(db_sqlite(a->db), "SELECT max(c.id) FROM training_course c WHERE c.status = 'open' "
	                         "AND NOT EXISTS (SELECT 1 FROM training_enrolment e WHERE e.course_id = c.id "
	                         "AND e.person_id = ?1)", "i", (const char *[]){ pid }, NULL, 0);
	if (course <= 0)
		return run_training_course(a, ack, size);
	think(a);
	struct training_enrolment e;
	bool waiting = false;
	enum status r = training_enrol(a->db, course, person, "enrolled", &e, &waiting, NULL);
	if (r == ST_DUPLICATE)   /* another writer enrolled them meanwhile: refused, as the screen says */
		return ST_CONFLICT;
	if (r == ST_OK)
		snprintf(ack, size, "training_enrol %lld %lld %lld %s", e.id, course, person, e.status);
	return r;
}

/* The enrolment is there as acknowledged, and its course never holds more
 * people than its places. */
static bool verify_training_enrol(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[4];
	if (words(args, buf, sizeof buf, w, 4) != 4)
		return fail(why, size, "bad line");
	if (!counted(ro, "SELECT count(*) FROM training_enrolment WHERE id = ?1 AND course_id = ?2 AND person_id = ?3",
	             "iii", w, 0, why, size))
		return false;
	const char *course[1] = { w[1] };
	if (query(ro, "SELECT (SELECT count(*) FROM training_enrolment e WHERE e.course_id = c.id AND e.status IN "
	          "('selected', 'enrolled', 'completed', 'certified')) > c.capacity FROM training_course c WHERE c.id = ?1",
	          "i", course, NULL, 0) != 0)
		return fail(why, size, "more people enrolled than the course's places");
	return true;
}

/* ---- vocational training: attendance per course day (the roll) ---------- */

/* Marks one of the hot people on today's roll of the newest course running
 * at AGZ today (a course planned running from today when there is none,
 * acknowledged as a course), from the row read before a pause as the roll
 * screen shows it: a mark another writer gave meanwhile is reported
 * (ST_CONFLICT), never overwritten. Someone not in the course is added to
 * the day, as + does on the screen. */
static enum status run_training_mark(struct attack *a, char *ack, size_t size)
{
	static const char *const marks[] = { "present", "absent", "excused", "left_early" };
	act_training(a);
	char day[11];
	today(day);
	const char *args[1] = { day };
	long long course = query(db_sqlite(a->db), "SELECT max(c.id) FROM training_course c JOIN centre t ON "
	                         "t.id = c.centre_id WHERE t.code = 'AGZ' AND c.status = 'running' "
	                         "AND c.start_date <= ?1 AND c.end_date >= ?1", "t", args, NULL, 0);
	if (course <= 0) {
		struct training_course c;
		training_course_init(&c, "AGZ", day);
		c.trade_id = query(db_sqlite(a->db), "SELECT id FROM ref_item WHERE list = 'training_trade' "
		                   "AND active = 1 ORDER BY position LIMIT 1", "", NULL, NULL, 0);
		snprintf(c.certificate, sizeof c.certificate, "attendance");
		snprintf(c.status, sizeof c.status, "running");
		snprintf(c.title, sizeof c.title, "R%lld", a->token++);
		enum status r = training_course_save(a->db, &c, NULL, NULL);
		if (r == ST_OK)
			snprintf(ack, size, "training_course %lld %s", c.id, c.title);
		return r;
	}
	struct roll_ref ref = roll_of_course_day(course, day);
	struct roll_row row;
	enum status r = roll_row_get(a->db, &ref, a->hot[attack_pick(a, ATTACK_HOT)], &row);
	if (r != ST_OK)
		return r;
	think(a);
	/* Always another mark than the one shown: every success is a write. */
	const char *mark = marks[attack_pick(a, 4)];
	if (strcmp(mark, row.mark) == 0)
		mark = strcmp(mark, "present") == 0 ? "absent" : "present";
	int shown = row.mark_version;
	if ((r = roll_mark(a->db, &ref, &row, mark, NULL, NULL)) != ST_OK)
		return r;
	if (row.mark_version != shown + 1)
		return ST_INTERNAL;
	char cid[24], pid[24];
	snprintf(cid, sizeof cid, "%lld", course);
	snprintf(pid, sizeof pid, "%lld", row.person_id);
	long long id = query(db_sqlite(a->db), "SELECT id FROM training_attendance WHERE course_id = ?1 AND day = ?2 "
	                     "AND person_id = ?3", "iti", (const char *[]){ cid, day, pid }, NULL, 0);
	snprintf(ack, size, "training_mark %lld %d %s", id, row.mark_version, row.mark);
	return ST_OK;
}

/* The mark is there at the version acknowledged (or later), audited. */
static bool verify_training_mark(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	if (!versioned(ro, "SELECT version, mark FROM training_attendance WHERE id = ?1", w[0], w[1], w[2], why, size))
		return false;
	char after[64];
	snprintf(after, sizeof after, "\"%s\"]", w[2]);
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'training_attendance' AND entity_id = ?1 "
	               "AND instr(changes, ?2) > 0", "it", (const char *[]){ w[0], after }, 0, why, size);
}

/* ---- the table ---------------------------------------------------------- */

/* Weight 0: a line another path acknowledges, never run on its own.
 * No verify: a path whose acks are other rows' lines.
 * true: a versioned edit ("kind id version ..."). */
/* ---- figures: the attendance sheet's export ------------------------------ */

/* A session to export: one already there, else one written here as a
 * fixture (the sessions' own write path is another row). */
static long long some_session(struct attack *a)
{
	sqlite3 *h = db_sqlite(a->db);
	sqlite3_stmt *st;
	long long id = 0;
	if (sqlite3_prepare_v2(h, "SELECT id FROM psych_session ORDER BY id DESC LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (id)
		return id;
	char day[11];
	today(day);
	if (sqlite3_prepare_v2(h, "INSERT INTO psych_session (centre_id, activity_id, date, status, roll) "
	                       "SELECT (SELECT min(id) FROM centre), (SELECT min(id) FROM ref_item "
	                       "WHERE list = 'psych_activity'), ?1, 'held', 'names'", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(h);
	sqlite3_finalize(st);
	return id;
}

static enum status run_sheet_export(struct attack *a, char *ack, size_t size)
{
	long long session = some_session(a);
	if (!session)
		return ST_BUSY;
	long long worker = query(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = 'psychosocial'", "", NULL,
	                         NULL, 0);
	act_as(a, worker > 0 ? worker : 0, "psychosocial", ROLE_PSYCHOSOCIAL);
	FILE *out = fopen("/dev/null", "w");
	if (!out)
		return ST_IO;
	enum status s = psych_sheet_export(a->db, session, "en", attack_pick(a, 2) ? PSYCH_SHEET_CSV : PSYCH_SHEET_TEXT,
	                                   out);
	fclose(out);
	if (s == ST_OK)
		snprintf(ack, size, "sheet_export %lld", session);
	return s;
}

static bool verify_sheet_export(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'psych_session' AND entity_id = ?1 "
	               "AND action = 'export'", "i", (const char *[]){ args }, nth, why, size);
}

/* ---- community members (vocational training) ---------------------------- */

static enum status run_community(struct attack *a, char *ack, size_t size)
{
	struct person p;
	memset(&p, 0, sizeof p);
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);   /* PERM_COMMUNITY_WRITE too */
	snprintf(p.family_name, sizeof p.family_name, "Community");
	snprintf(p.given_names, sizeof p.given_names, "C%lld", a->token++);
	p.sex = attack_pick(a, 2) ? 'f' : 'm';
	snprintf(p.birth_date, sizeof p.birth_date, "%04d", 1970 + (int)(attack_pick(a, 35) % 35));
	p.birth_estimated = true;
	snprintf(p.locality, sizeof p.locality, "Dagmanet");
	today(p.consent_date);
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	p.consent_data = true;
	enum status s = community_register(a->db, &p);
	if (s != ST_OK)
		return s;
	snprintf(ack, size, "community %lld %s %s", p.id, p.case_key, p.given_names);
	return ST_OK;
}

/* The member is there with its number and name, as a community member or
 * (arrived since) a migrant who was one, with its creation audited. */
static bool verify_community(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[256], now[256];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	if (query(ro, "SELECT id, case_key || ' ' || given_names FROM person WHERE id = ?1 "
	          "AND community_since IS NOT NULL", "i", w, now, sizeof now) < 0)
		return fail(why, size, "community member missing");
	char want[256];
	snprintf(want, sizeof want, "%s %s", w[1], w[2]);
	if (strcmp(now, want) != 0)
		return fail(why, size, "number or name differs");
	if (query(ro, "SELECT count(*) FROM audit WHERE entity = 'person' AND entity_id = ?1 AND action = 'create'",
	          "i", w, NULL, 0) != 1)
		return fail(why, size, "creation not audited once");
	return true;
}

static enum status run_community_edit(struct attack *a, char *ack, size_t size)
{
	sqlite3_stmt *st;
	long long id = 0;
	if (sqlite3_prepare_v2(db_sqlite(a->db), "SELECT id FROM person WHERE kind = 'community' "
	                       "ORDER BY random() LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return ST_INTERNAL;
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (!id)
		return ST_OK;   /* none yet: nothing acknowledged */
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	struct person orig, p;
	enum status s = person_current(a->db, id, &orig);
	if (s != ST_OK)
		return s;
	p = orig;
	snprintf(p.locality, sizeof p.locality, "L%lld", a->token++);
	think(a);
	const char *why = NULL;
	s = community_update(a->db, &p, &orig, &why);
	/* Arrived meanwhile (another session): detected. */
	if (s == ST_INVALID && why && strcmp(why, "This person is registered as a migrant already.") == 0)
		return ST_CONFLICT;
	if (s != ST_OK)
		return s;
	snprintf(ack, size, "community_edit %lld %d %s", p.id, p.version, p.locality);
	return ST_OK;
}

/* The locality saved, or a later version. */
static bool verify_community_edit(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[256];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return versioned(ro, "SELECT version, locality FROM person WHERE id = ?1", w[0], w[1], w[2], why, size);
}

static enum status run_community_arrive(struct attack *a, char *ack, size_t size)
{
	sqlite3_stmt *st;
	long long id = 0;
	if (sqlite3_prepare_v2(db_sqlite(a->db), "SELECT id FROM person WHERE kind = 'community' "
	                       "ORDER BY random() LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return ST_INTERNAL;
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (!id)
		return ST_OK;   /* none yet: nothing acknowledged */
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	char day[11];
	today(day);
	const char *why = NULL;
	enum status s = community_arrive(a->db, id, "AGZ", day, "self", &why);
	/* Another session registered the arrival first: detected. */
	if (s == ST_INVALID && why && strcmp(why, "This person is registered as a migrant already.") == 0)
		return ST_CONFLICT;
	if (s != ST_OK)
		return s;
	snprintf(ack, size, "community_arrive %lld", id);
	return ST_OK;
}

/* A migrant now, once, with a stay and the switch audited once. */
static bool verify_community_arrive(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	const char *w[1] = { args };
	if (query(ro, "SELECT count(*) FROM person WHERE id = ?1 AND kind = 'migrant' AND community_since IS NOT NULL",
	          "i", w, NULL, 0) != 1)
		return fail(why, size, "not a migrant who was a community member");
	if (query(ro, "SELECT count(*) FROM stay WHERE person_id = ?1", "i", w, NULL, 0) != 1)
		return fail(why, size, "not one stay");
	if (query(ro, "SELECT count(*) FROM audit WHERE entity = 'person' AND entity_id = ?1 AND action = 'update' "
	          "AND changes LIKE '%\"kind\": [\"community\", \"migrant\"]%'", "i", w, NULL, 0) != 1)
		return fail(why, size, "switch not audited once");
	return true;
}

const struct attack_op attack_ops[] = {
	{ "person", 14, run_register, verify_register, false },
	{ "edit", 24, run_edit, verify_edit, true },
	{ "view", 4, run_view, verify_view, false },
	{ "link", 3, run_link, verify_link, false },
	{ "stay", 8, run_stay, NULL, false },
	{ "depart", 0, NULL, verify_depart, false },
	{ "admit", 0, NULL, verify_admit, false },
	{ "services", 0, NULL, verify_services, false },
	{ "consultation", 12, run_consultation, verify_consultation, false },
	{ "consultation_edit", 8, run_consultation_edit, verify_consultation_edit, true },
	{ "medical_case", 6, run_medical_case, verify_medical_case, false },
	{ "antenatal", 0, NULL, verify_antenatal, false },
	{ "medical_case_close", 0, NULL, verify_case_close, true },
	{ "fitness", 3, run_fitness, verify_fitness, false },
	{ "account", 2, run_account, NULL, false },
	{ "user", 0, NULL, verify_user, false },
	{ "user_edit", 0, NULL, verify_user_edit, true },
	{ "set_password", 0, NULL, verify_set_password, false },
	{ "change_password", 0, NULL, verify_change_password, false },
	{ "prefs", 0, NULL, verify_prefs, false },
	{ "login", 2, run_login, verify_login, false },
	{ "login_failed", 0, NULL, verify_login_failed, false },
	{ "draft", 4, run_draft, verify_draft, false },
	{ "draft_gone", 0, NULL, verify_draft_gone, false },
	/* Figures and attendance sheets. */
	{ "sheet_export", 2, run_sheet_export, verify_sheet_export, false },
	/* Psychosocial sessions and the attendance roll. */
	{ "psych_session", 3, run_psych_session, verify_psych_session, false },
	{ "psych_mark", 6, run_psych_mark, verify_psych_mark, true },
	/* Individual psychosocial support. */
	{ "psych_support", 4, run_psych_support, verify_psych_support, false },
	/* Reference lists (administrators). */
	{ "ref_partner", 1, run_ref_partner, verify_ref_partner, false },
	/* Community members (vocational training). */
	{ "community", 3, run_community, verify_community, false },
	{ "community_arrive", 1, run_community_arrive, verify_community_arrive, false },
	{ "community_edit", 2, run_community_edit, verify_community_edit, true },
	/* Vocational training: courses and enrolment. */
	{ "training_course", 2, run_training_course, verify_training_course, false },
	{ "training_enrol", 5, run_training_enrol, verify_training_enrol, false },
	/* Vocational training: attendance per course day. */
	{ "training_mark", 5, run_training_mark, verify_training_mark, true },
};
const int attack_op_count = (int)(sizeof attack_ops / sizeof attack_ops[0]);
