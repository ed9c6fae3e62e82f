#define _POSIX_C_SOURCE 200809L /* gmtime_r */
/* Assisted voluntary return: the request, reading one, and the steps
 * (counselling, approval, ready, booking, departure, arrival, end). The
 * travel documents are in prot_return_doc.c, the lists in
 * prot_return_list.c. Every write is one transaction with its audit row
 * (entity "prot_return", every field before and after). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/prot_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/medical.h"
#include "db/prot.h"
#include "db/prot_return.h"
#include "db/stay.h"
#include "prot_return_private.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *const prot_return_child_msg =
	N_("This child may return only after a best-interests determination is approved.");
static const char *const live_msg =
	N_("This person has a return under way already: open it from the case file.");

bool prot_ret_text_fits(const char *s, size_t size, int chars, bool lines)
{
	if (!memchr(s, '\0', size) || !text_valid_utf8(s))
		return false;
	int n = 0;
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if ((*c < 0x20 && !(lines && *c == '\n')) || *c == 0x7f)
			return false;
		if ((*c & 0xc0) != 0x80)
			n++;
	}
	return n <= chars;
}

bool prot_ret_has_content(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\n')
			return true;
	return false;
}

enum status prot_ret_country_ok(struct db *db, const char *iso3, bool *ok)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM country WHERE iso3 = ?1");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, iso3);
	int rc = sqlite3_step(st);
	*ok = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

enum status prot_ret_audit_view(struct db *db, long long id)
{
	enum status s = db_begin(db);
	return s != ST_OK ? s : db_finish(db, audit_log(db, "view", "prot_return", id, NULL));
}

/* The fields of a return for the audit trail: text, or a number. */
struct field {
	const char *name;
	size_t offset, size;   /* size 0: a long long */
};
#define TEXT(m) { #m, offsetof(struct prot_return, m), sizeof((struct prot_return *)0)->m }
#define ID(m) { #m, offsetof(struct prot_return, m), 0 }
static const struct field fields[] = {
	ID(person_id), TEXT(centre_code), TEXT(requested_date), TEXT(country), TEXT(destination), TEXT(status),
	TEXT(counselled_date), TEXT(counselling_note), TEXT(approved_at), ID(approved_by), TEXT(travel_date),
	TEXT(transport), TEXT(convoy_ref), TEXT(escort), TEXT(departure_date), TEXT(arrival_date),
	TEXT(handed_over_to), TEXT(end_reason),
};

static void fields_json(struct jsonbuf *j, const struct prot_return *before, const struct prot_return *r)
{
	for (size_t i = 0; i < COUNT(fields); i++) {
		const struct field *f = &fields[i];
		const char *a = (const char *)r + f->offset;
		if (f->size) {
			if (before)
				jsonbuf_change_str(j, f->name, (const char *)before + f->offset, a);
			else
				jsonbuf_put_str(j, f->name, a);
			continue;
		}
		long long va, vb = 0;
		memcpy(&va, a, sizeof va);
		if (before) {
			memcpy(&vb, (const char *)before + f->offset, sizeof vb);
			jsonbuf_change_int(j, f->name, vb, va);
		} else {
			jsonbuf_put_int(j, f->name, va);
		}
	}
}

#define RETURN_SELECT "SELECT " PROT_RET_COLUMNS " FROM prot_return r JOIN centre ce ON ce.id = r.centre_id "

void prot_ret_read_row(sqlite3_stmt *st, struct prot_return *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->person_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, r->centre_code, sizeof r->centre_code);
	db_column_copy(st, 3, r->requested_date, sizeof r->requested_date);
	db_column_copy(st, 4, r->country, sizeof r->country);
	db_column_copy(st, 5, r->destination, sizeof r->destination);
	db_column_copy(st, 6, r->status, sizeof r->status);
	db_column_copy(st, 7, r->counselled_date, sizeof r->counselled_date);
	db_column_copy(st, 8, r->counselling_note, sizeof r->counselling_note);
	db_column_copy(st, 9, r->approved_at, sizeof r->approved_at);
	r->approved_by = sqlite3_column_int64(st, 10);
	db_column_copy(st, 11, r->travel_date, sizeof r->travel_date);
	db_column_copy(st, 12, r->transport, sizeof r->transport);
	db_column_copy(st, 13, r->convoy_ref, sizeof r->convoy_ref);
	db_column_copy(st, 14, r->escort, sizeof r->escort);
	db_column_copy(st, 15, r->departure_date, sizeof r->departure_date);
	db_column_copy(st, 16, r->arrival_date, sizeof r->arrival_date);
	db_column_copy(st, 17, r->handed_over_to, sizeof r->handed_over_to);
	db_column_copy(st, 18, r->end_reason, sizeof r->end_reason);
	r->version = sqlite3_column_int(st, 19);
}

enum status prot_ret_read(struct db *db, long long id, struct prot_return *r)
{
	sqlite3_stmt *st = db_stmt(db, RETURN_SELECT "WHERE r.id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		prot_ret_read_row(st, r);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

static bool is_live(const char *status)
{
	return strcmp(status, "requested") == 0 || strcmp(status, "counselled") == 0
	       || strcmp(status, "approved") == 0 || strcmp(status, "ready") == 0;
}

/* The id of person's live request other than but, 0 when none. */
static enum status live_of(struct db *db, long long person, long long but, long long *id)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM prot_return WHERE person_id = ?1 AND id != ?2 "
	                               "AND status IN ('requested', 'counselled', 'approved', 'ready')");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, but);
	int rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* True when day is a full day not after today. */
static bool past_day(const char *day)
{
	char today[11];
	clock_today_iso(today, sizeof today);
	return day && strlen(day) == 10 && date_is_day(day) && strcmp(day, today) <= 0;
}

static const char *about(const char **field, const char *name, const char *msgid)
{
	if (field)
		*field = name;
	return msgid;
}

enum status prot_return_check(struct db *db, const struct prot_return *r, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status s = db_require(db, PERM_PROTECTION_READ);
	bool ok = false;
	if (s != ST_OK)
		goto out;
	if (!memchr(r->centre_code, '\0', sizeof r->centre_code) || !db_centre_id(db, r->centre_code))
		m = about(&f, "centre_code", N_("Choose the centre."));
	else if (!memchr(r->requested_date, '\0', sizeof r->requested_date) || !past_day(r->requested_date))
		m = about(&f, "requested_date", N_("The day of the request must be a valid day, not in the future."));
	else if (!memchr(r->country, '\0', sizeof r->country) || strlen(r->country) != 3)
		m = about(&f, "country", N_("Choose the country of destination."));
	else if ((s = prot_ret_country_ok(db, r->country, &ok)) != ST_OK)
		goto out;
	else if (!ok)
		m = about(&f, "country", N_("Choose the country of destination."));
	else if (!prot_ret_text_fits(r->destination, sizeof r->destination, PROT_RETURN_DEST_MAX, false))
		m = about(&f, "destination", N_("The town or region is too long (120 characters at most)."));
	if (!m) {
		sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM person WHERE id = ?1");
		if (!st) {
			s = ST_INTERNAL;
			goto out;
		}
		sqlite3_bind_int64(st, 1, r->person_id);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			s = db_status_of(rc);
			goto out;
		}
		if (rc != SQLITE_ROW)
			m = about(&f, "person_id", N_("This person is not known."));
	}
	if (m)
		s = ST_INVALID;
out:
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return s;
}

enum status prot_return_propose(struct db *db, long long person, const char *centre_code, const char *day,
                                struct prot_return *r, const char **msgid)
{
	const char *m = NULL;
	memset(r, 0, sizeof *r);
	r->person_id = person;
	snprintf(r->centre_code, sizeof r->centre_code, "%s", centre_code ? centre_code : "");
	if (day)
		snprintf(r->requested_date, sizeof r->requested_date, "%s", day);
	else
		clock_today_iso(r->requested_date, sizeof r->requested_date);
	snprintf(r->status, sizeof r->status, "requested");
	enum status s = db_require(db, PERM_PROTECTION_READ);
	if (s == ST_OK) {
		sqlite3_stmt *st = db_stmt(db, "SELECT coalesce(nationality, '') FROM person WHERE id = ?1");
		if (!st)
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, person);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			db_column_copy(st, 0, r->country, sizeof r->country);
		sqlite3_reset(st);
		s = rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	}
	long long live = 0;
	if (s == ST_OK && (s = live_of(db, person, 0, &live)) == ST_OK && live) {
		r->id = live;
		m = live_msg;
		s = ST_DUPLICATE;
	}
	if (msgid)
		*msgid = m;
	return s;
}

/* Binds the columns of r to ?2..?19 (the centre's id to ?3). */
static void bind_return(sqlite3_stmt *st, const struct prot_return *r, long long centre)
{
	sqlite3_bind_int64(st, 2, r->person_id);
	sqlite3_bind_int64(st, 3, centre);
	db_bind_text(st, 4, r->requested_date);
	db_bind_text(st, 5, r->country);
	db_bind_text(st, 6, r->destination);
	db_bind_text(st, 7, r->status);
	db_bind_opt(st, 8, r->counselled_date);
	db_bind_text(st, 9, r->counselling_note);
	db_bind_opt(st, 10, r->approved_at);
	if (r->approved_by)
		sqlite3_bind_int64(st, 11, r->approved_by);
	db_bind_opt(st, 12, r->travel_date);
	db_bind_opt(st, 13, r->transport);
	db_bind_text(st, 14, r->convoy_ref);
	db_bind_text(st, 15, r->escort);
	db_bind_opt(st, 16, r->departure_date);
	db_bind_opt(st, 17, r->arrival_date);
	db_bind_text(st, 18, r->handed_over_to);
	db_bind_text(st, 19, r->end_reason);
}

/* Writes r (new when before is NULL) inside the open transaction, with its
 * audit row. */
static enum status write_return(struct db *db, struct prot_return *r, const struct prot_return *before,
                                const char *action)
{
	long long centre = db_centre_id(db, r->centre_code);
	sqlite3_stmt *st;
	if (!before) {
		st = db_stmt(db,
			"INSERT INTO prot_return (person_id, centre_id, requested_date, country, destination, status, "
			"counselled_date, counselling_note, approved_at, approved_by, travel_date, transport, convoy_ref, "
			"escort, departure_date, arrival_date, handed_over_to, end_reason, created_by) "
			"VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?1)");
		if (!st)
			return ST_INTERNAL;
		const struct db_actor *a = db_actor(db);
		if (a->user_id > 0)
			sqlite3_bind_int64(st, 1, a->user_id);
	} else {
		st = db_stmt(db,
			"UPDATE prot_return SET person_id = ?2, centre_id = ?3, requested_date = ?4, country = ?5, "
			"destination = ?6, status = ?7, counselled_date = ?8, counselling_note = ?9, approved_at = ?10, "
			"approved_by = ?11, travel_date = ?12, transport = ?13, convoy_ref = ?14, escort = ?15, "
			"departure_date = ?16, arrival_date = ?17, handed_over_to = ?18, end_reason = ?19, "
			"version = version + 1 WHERE id = ?1 AND version = ?20");
		if (!st)
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, r->id);
		sqlite3_bind_int(st, 20, r->version);
	}
	bind_return(st, r, centre);
	enum status s = db_step_done(st);
	if (s != ST_OK)
		return s;
	if (!before) {
		r->id = sqlite3_last_insert_rowid(db_sqlite(db));
		r->version = 1;
	} else if (sqlite3_changes(db_sqlite(db)) != 1) {
		return ST_CONFLICT;
	} else {
		r->version++;
	}
	struct jsonbuf j;
	jsonbuf_init(&j);
	fields_json(&j, before, r);
	return audit_log(db, action, "prot_return", r->id, jsonbuf_text(&j));
}

enum status prot_return_save(struct db *db, struct prot_return *r, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	struct prot_return keep = *r, before;
	enum status s = db_require(db, PERM_PROTECTION_WRITE);
	if (s == ST_OK && (s = db_begin(db)) == ST_OK) {
		if (r->id) {
			if ((s = prot_ret_read(db, r->id, &before)) == ST_OK && before.version != r->version)
				s = ST_CONFLICT;
			if (s == ST_OK && !is_live(before.status)) {
				m = N_("This return is over: it can no longer be changed.");
				s = ST_INVALID;
			}
			if (s == ST_OK) {
				/* Only the request's own fields are the form's to change. */
				struct prot_return n = before;
				memcpy(n.centre_code, r->centre_code, sizeof n.centre_code);
				memcpy(n.requested_date, r->requested_date, sizeof n.requested_date);
				memcpy(n.country, r->country, sizeof n.country);
				memcpy(n.destination, r->destination, sizeof n.destination);
				*r = n;
			}
		} else {
			struct prot_return n;
			memset(&n, 0, sizeof n);
			n.person_id = r->person_id;
			memcpy(n.centre_code, r->centre_code, sizeof n.centre_code);
			memcpy(n.requested_date, r->requested_date, sizeof n.requested_date);
			memcpy(n.country, r->country, sizeof n.country);
			memcpy(n.destination, r->destination, sizeof n.destination);
			snprintf(n.status, sizeof n.status, "requested");
			*r = n;
		}
		if (s == ST_OK)
			s = prot_return_check(db, r, &m, &f);
		long long live = 0;
		if (s == ST_OK && (s = live_of(db, r->person_id, r->id, &live)) == ST_OK && live) {
			m = live_msg;
			f = "person_id";
			s = ST_DUPLICATE;
		}
		if (s == ST_OK)
			s = write_return(db, r, r->id ? &before : NULL, r->id ? "update" : "create");
		s = db_finish(db, s);
		if (s != ST_OK)
			*r = keep;
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return s;
}

/* A step: checks r (as stored) may take it and changes it; returns the
 * msgid of the rule broken, or NULL. */
struct step {
	const char *day;
	const char *text;       /* note, reason, hand-over */
	const char *text2;      /* transport / status */
	const char *ref;
	const char *escort;
	enum status failed;     /* set by a step that failed on the database */
};
typedef const char *(*step_fn)(struct db *db, struct prot_return *r, struct step *x);

/* Runs step fn on return id at *version in one transaction, with perm. */
static enum status run_step(struct db *db, long long id, int *version, enum perm perm, step_fn fn, struct step *x,
                            const char *action, const char **msgid)
{
	const char *m = NULL;
	struct prot_return r, before;
	enum status s = db_require(db, perm);
	if (s == ST_OK && (s = db_begin(db)) == ST_OK) {
		if ((s = prot_ret_read(db, id, &before)) == ST_OK && before.version != *version)
			s = ST_CONFLICT;
		if (s == ST_OK) {
			r = before;
			x->failed = ST_OK;
			if ((m = fn(db, &r, x)) != NULL)
				s = ST_INVALID;
			else if (x->failed != ST_OK)
				s = x->failed;
		}
		if (s == ST_OK)
			s = write_return(db, &r, &before, action);
		if ((s = db_finish(db, s)) == ST_OK)
			*version = r.version;
	}
	if (msgid)
		*msgid = m;
	return s;
}

static const char *counsel(struct db *db, struct prot_return *r, struct step *x)
{
	(void)db;
	if (!is_live(r->status))
		return N_("This return is over: it can no longer be changed.");
	if (!past_day(x->day))
		return N_("The day must be a valid day, not in the future.");
	if (strcmp(x->day, r->requested_date) < 0)
		return N_("The counselling cannot be before the request.");
	if (!x->text || !prot_ret_text_fits(x->text, strlen(x->text) + 1, PROT_RETURN_NOTE_MAX, true))
		return N_("The note is too long (1000 characters at most).");
	snprintf(r->counselled_date, sizeof r->counselled_date, "%s", x->day);
	snprintf(r->counselling_note, sizeof r->counselling_note, "%s", x->text);
	if (strcmp(r->status, "requested") == 0)
		snprintf(r->status, sizeof r->status, "counselled");
	return NULL;
}

enum status prot_return_counsel(struct db *db, long long id, int *version, const char *day, const char *note,
                                const char **msgid)
{
	struct step x = { .day = day, .text = note ? note : "" };
	return run_step(db, id, version, PERM_PROTECTION_WRITE, counsel, &x, "counsel", msgid);
}

/* NULL when person may be approved or leave, else the child's message. */
static const char *child_rule(struct db *db, long long person, enum status *failed)
{
	bool child = false, approved = false;
	enum status s = prot_child_determination(db, person, &child, &approved);
	if (s != ST_OK) {
		*failed = s;
		return NULL;
	}
	return child && !approved ? prot_return_child_msg : NULL;
}

static const char *approve(struct db *db, struct prot_return *r, struct step *x)
{
	if (strcmp(r->status, "counselled") != 0)
		return strcmp(r->status, "requested") == 0 ? N_("The person must be counselled before the approval.")
		                                           : N_("This return is not waiting for an approval.");
	const char *m = child_rule(db, r->person_id, &x->failed);
	if (m || x->failed != ST_OK)
		return m;
	time_t now = clock_now();
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(r->approved_at, sizeof r->approved_at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	r->approved_by = db_actor(db)->user_id > 0 ? db_actor(db)->user_id : 0;
	if (!r->approved_by) {
		x->failed = ST_DENIED;
		return NULL;
	}
	snprintf(r->status, sizeof r->status, "approved");
	return NULL;
}

enum status prot_return_approve(struct db *db, long long id, int *version, const char **msgid)
{
	struct step x = { 0 };
	return run_step(db, id, version, PERM_PROTECTION_APPROVE, approve, &x, "approve", msgid);
}

/* True when return id has a travel document issued and not expired on day. */
static enum status has_document(struct db *db, long long id, const char *day, bool *has)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM prot_travel_doc WHERE return_id = ?1 AND status = 'issued' "
	                               "AND (expiry_date IS NULL OR expiry_date >= ?2)");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, day);
	int rc = sqlite3_step(st);
	*has = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

static const char *ready(struct db *db, struct prot_return *r, struct step *x)
{
	if (strcmp(r->status, "approved") != 0)
		return N_("Only an approved return can be made ready.");
	char today[11], fit[12], day[11];
	clock_today_iso(today, sizeof today);
	bool has = false;
	if ((x->failed = has_document(db, r->id, today, &has)) != ST_OK)
		return NULL;
	if (!has)
		return N_("A travel document must be issued (and not expired) first.");
	if ((x->failed = prot_return_fitness(db, r->person_id, fit, day)) != ST_OK)
		return NULL;
	if (strcmp(fit, "fit") != 0 && strcmp(fit, "fit_escort") != 0)
		return N_("The person must be found fit to travel by the medical staff first.");
	snprintf(r->status, sizeof r->status, "ready");
	return NULL;
}

enum status prot_return_ready(struct db *db, long long id, int *version, const char **msgid)
{
	struct step x = { 0 };
	return run_step(db, id, version, PERM_PROTECTION_WRITE, ready, &x, "ready", msgid);
}

static const char *book(struct db *db, struct prot_return *r, struct step *x)
{
	(void)db;
	if (strcmp(r->status, "approved") != 0 && strcmp(r->status, "ready") != 0)
		return N_("Only an approved return can be booked.");
	if (!x->day || strlen(x->day) != 10 || !date_is_day(x->day))
		return N_("The travel day is not a valid day.");
	if (strcmp(x->day, r->requested_date) < 0)
		return N_("The travel day cannot be before the request.");
	if (!x->text2 || !vocab_has(VOCAB_PROT_TRANSPORT, x->text2))
		return N_("Choose the means of transport.");
	if (!x->ref || !prot_ret_text_fits(x->ref, strlen(x->ref) + 1, PROT_RETURN_REF_MAX, false))
		return N_("The convoy or flight reference is too long (60 characters at most).");
	if (!x->escort || !prot_ret_text_fits(x->escort, strlen(x->escort) + 1, PROT_RETURN_ESCORT_MAX, false))
		return N_("The escort is too long (120 characters at most).");
	snprintf(r->travel_date, sizeof r->travel_date, "%s", x->day);
	snprintf(r->transport, sizeof r->transport, "%s", x->text2);
	snprintf(r->convoy_ref, sizeof r->convoy_ref, "%s", x->ref);
	snprintf(r->escort, sizeof r->escort, "%s", x->escort);
	return NULL;
}

enum status prot_return_book(struct db *db, long long id, int *version, const char *day, const char *transport,
                             const char *ref, const char *escort, const char **msgid)
{
	struct step x = { .day = day, .text2 = transport, .ref = ref ? ref : "", .escort = escort ? escort : "" };
	return run_step(db, id, version, PERM_PROTECTION_WRITE, book, &x, "book", msgid);
}

static const char *depart(struct db *db, struct prot_return *r, struct step *x)
{
	if (strcmp(r->status, "approved") != 0 && strcmp(r->status, "ready") != 0)
		return N_("Only an approved return can depart.");
	if (!r->travel_date[0])
		return N_("Book the travel first.");
	if (!past_day(x->day))
		return N_("The day must be a valid day, not in the future.");
	if (strcmp(x->day, r->requested_date) < 0)
		return N_("The departure cannot be before the request.");
	bool has = false;
	if ((x->failed = has_document(db, r->id, x->day, &has)) != ST_OK)
		return NULL;
	if (!has)
		return N_("A travel document must be issued (and not expired) first.");
	const char *m = child_rule(db, r->person_id, &x->failed);
	if (m || x->failed != ST_OK)
		return m;
	bool ended = false;
	enum status s = stay_end_for_return(db, r->person_id, x->day, &ended);
	if (s == ST_INVALID)
		return N_("The departure cannot be before the person's admission to the centre.");
	if (s != ST_OK) {
		x->failed = s;
		return NULL;
	}
	snprintf(r->departure_date, sizeof r->departure_date, "%s", x->day);
	snprintf(r->status, sizeof r->status, "departed");
	return NULL;
}

enum status prot_return_depart(struct db *db, long long id, int *version, const char *day, const char **msgid)
{
	struct step x = { .day = day };
	return run_step(db, id, version, PERM_PROTECTION_WRITE, depart, &x, "depart", msgid);
}

static const char *arrive(struct db *db, struct prot_return *r, struct step *x)
{
	(void)db;
	if (strcmp(r->status, "departed") != 0)
		return N_("Only a return that departed can arrive.");
	if (!past_day(x->day))
		return N_("The day must be a valid day, not in the future.");
	if (strcmp(x->day, r->departure_date) < 0)
		return N_("The arrival cannot be before the departure.");
	if (!prot_ret_has_content(x->text))
		return N_("Say to whom the person was handed over.");
	if (!prot_ret_text_fits(x->text, strlen(x->text) + 1, PROT_RETURN_HANDOVER_MAX, false))
		return N_("The hand-over is too long (200 characters at most).");
	snprintf(r->arrival_date, sizeof r->arrival_date, "%s", x->day);
	snprintf(r->handed_over_to, sizeof r->handed_over_to, "%s", x->text);
	snprintf(r->status, sizeof r->status, "arrived");
	return NULL;
}

enum status prot_return_arrive(struct db *db, long long id, int *version, const char *day, const char *to,
                               const char **msgid)
{
	struct step x = { .day = day, .text = to ? to : "" };
	return run_step(db, id, version, PERM_PROTECTION_WRITE, arrive, &x, "arrive", msgid);
}

static const char *end(struct db *db, struct prot_return *r, struct step *x)
{
	(void)db;
	if (!is_live(r->status))
		return N_("This return is over: it can no longer be changed.");
	if (!x->text2 || (strcmp(x->text2, "withdrawn") != 0 && strcmp(x->text2, "no_show") != 0
	                  && strcmp(x->text2, "refused") != 0))
		return N_("Choose how the return ends.");
	if (!prot_ret_has_content(x->text))
		return N_("Give the reason.");
	if (!prot_ret_text_fits(x->text, strlen(x->text) + 1, PROT_RETURN_REASON_MAX, false))
		return N_("The reason is too long (300 characters at most).");
	snprintf(r->status, sizeof r->status, "%s", x->text2);
	snprintf(r->end_reason, sizeof r->end_reason, "%s", x->text);
	return NULL;
}

enum status prot_return_end(struct db *db, long long id, int *version, const char *status, const char *reason,
                            const char **msgid)
{
	struct step x = { .text = reason ? reason : "", .text2 = status };
	enum perm p = PERM_PROTECTION_WRITE;
	if (status && strcmp(status, "refused") == 0 && db_require(db, PERM_PROTECTION_WRITE) != ST_OK)
		p = PERM_PROTECTION_APPROVE;
	return run_step(db, id, version, p, end, &x, "end", msgid);
}

enum status prot_return_get(struct db *db, long long id, struct prot_return *r)
{
	enum status s = db_require(db, PERM_PROTECTION_READ);
	if (s == ST_OK)
		s = prot_ret_read(db, id, r);
	return s == ST_OK ? prot_ret_audit_view(db, id) : s;
}

enum status prot_return_of_person(struct db *db, long long person, struct prot_return *r)
{
	enum status s = db_require(db, PERM_PROTECTION_READ);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, RETURN_SELECT "WHERE r.person_id = ?1 ORDER BY "
	                               "r.status IN ('requested', 'counselled', 'approved', 'ready') DESC, "
	                               "r.requested_date DESC, r.id DESC LIMIT 1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		prot_ret_read_row(st, r);
	sqlite3_reset(st);
	s = rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	return s == ST_OK ? prot_ret_audit_view(db, r->id) : s;
}

enum status prot_return_fitness(struct db *db, long long person, char fitness[12], char day[11])
{
	fitness[0] = day[0] = '\0';
	enum status s = db_require(db, PERM_PROTECTION_READ);
	struct medical_status ms;
	if (s == ST_OK && (s = medical_status_get(db, person, &ms)) == ST_OK) {
		snprintf(fitness, 12, "%s", ms.fitness);
		snprintf(day, 11, "%s", ms.fitness_date);
	}
	return s;
}
