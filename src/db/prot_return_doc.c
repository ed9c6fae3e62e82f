/* Travel documents of an assisted return (prot_travel_doc): passport,
 * laissez-passer or consular card requested from a consulate, the
 * interview, then issued (number, day, expiry) or refused with a reason.
 * Every write one transaction with its audit row (entity
 * "prot_travel_doc", every field before and after). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/prot_return.h"
#include "prot_return_private.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct field {
	const char *name;
	size_t offset, size;
};
#define TEXT(m) { #m, offsetof(struct prot_travel_doc, m), sizeof((struct prot_travel_doc *)0)->m }
static const struct field fields[] = {
	TEXT(kind), TEXT(consulate_country), TEXT(consulate_place), TEXT(requested_date), TEXT(interview_date),
	TEXT(status), TEXT(number), TEXT(issued_date), TEXT(expiry_date), TEXT(refusal_reason),
};

#define DOC_SELECT \
	"SELECT id, return_id, kind, consulate_country, consulate_place, requested_date, " \
	"coalesce(interview_date, ''), status, number, coalesce(issued_date, ''), coalesce(expiry_date, ''), " \
	"refusal_reason, version FROM prot_travel_doc "

static void read_doc(sqlite3_stmt *st, int c, struct prot_travel_doc *d)
{
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(st, c);
	d->return_id = sqlite3_column_int64(st, c + 1);
	db_column_copy(st, c + 2, d->kind, sizeof d->kind);
	db_column_copy(st, c + 3, d->consulate_country, sizeof d->consulate_country);
	db_column_copy(st, c + 4, d->consulate_place, sizeof d->consulate_place);
	db_column_copy(st, c + 5, d->requested_date, sizeof d->requested_date);
	db_column_copy(st, c + 6, d->interview_date, sizeof d->interview_date);
	db_column_copy(st, c + 7, d->status, sizeof d->status);
	db_column_copy(st, c + 8, d->number, sizeof d->number);
	db_column_copy(st, c + 9, d->issued_date, sizeof d->issued_date);
	db_column_copy(st, c + 10, d->expiry_date, sizeof d->expiry_date);
	db_column_copy(st, c + 11, d->refusal_reason, sizeof d->refusal_reason);
	d->version = sqlite3_column_int(st, c + 12);
}

static enum status doc_read(struct db *db, long long id, struct prot_travel_doc *d)
{
	sqlite3_stmt *st = db_stmt(db, DOC_SELECT "WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_doc(st, 0, d);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

static const char *about(const char **field, const char *name, const char *msgid)
{
	*field = name;
	return msgid;
}

/* A day field: "" allowed when optional; a full day otherwise. */
static bool day_ok(const char *s, size_t size, bool optional)
{
	if (!memchr(s, '\0', size))
		return false;
	if (!s[0])
		return optional;
	return strlen(s) == 10 && date_is_day(s);
}

/* The rules that need no database. */
static const char *problem(const struct prot_travel_doc *d, const char **f)
{
	char today[11];
	clock_today_iso(today, sizeof today);
	if (!memchr(d->kind, '\0', sizeof d->kind) || !vocab_has(VOCAB_PROT_DOC_KIND, d->kind))
		return about(f, "kind", N_("Choose the kind of document."));
	if (!memchr(d->consulate_country, '\0', sizeof d->consulate_country) || strlen(d->consulate_country) != 3)
		return about(f, "consulate_country", N_("Choose the country of the consulate."));
	if (!prot_ret_text_fits(d->consulate_place, sizeof d->consulate_place, 80, false))
		return about(f, "consulate_place", N_("The place of the consulate is too long (80 characters at most)."));
	if (!day_ok(d->requested_date, sizeof d->requested_date, false) || strcmp(d->requested_date, today) > 0)
		return about(f, "requested_date", N_("The day of the request must be a valid day, not in the future."));
	if (!day_ok(d->interview_date, sizeof d->interview_date, true))
		return about(f, "interview_date", N_("The interview day is not a valid day."));
	if (d->interview_date[0] && strcmp(d->interview_date, d->requested_date) < 0)
		return about(f, "interview_date", N_("The interview cannot be before the request."));
	if (!memchr(d->status, '\0', sizeof d->status) || !vocab_has(VOCAB_PROT_DOC_STATUS, d->status))
		return about(f, "status", N_("Choose the state of the document."));
	if (strcmp(d->status, "interview") == 0 && !d->interview_date[0])
		return about(f, "interview_date", N_("Give the day of the interview."));
	if (!prot_ret_text_fits(d->number, sizeof d->number, 40, false))
		return about(f, "number", N_("The document number is too long (40 characters at most)."));
	if (!day_ok(d->issued_date, sizeof d->issued_date, true))
		return about(f, "issued_date", N_("The day of issue is not a valid day."));
	if (!day_ok(d->expiry_date, sizeof d->expiry_date, true))
		return about(f, "expiry_date", N_("The expiry day is not a valid day."));
	if (!prot_ret_text_fits(d->refusal_reason, sizeof d->refusal_reason, 300, false))
		return about(f, "refusal_reason", N_("The reason is too long (300 characters at most)."));
	bool issued = strcmp(d->status, "issued") == 0, refused = strcmp(d->status, "refused") == 0;
	if (issued && !prot_ret_has_content(d->number))
		return about(f, "number", N_("Give the number of the document issued."));
	if (issued && !d->issued_date[0])
		return about(f, "issued_date", N_("Give the day the document was issued."));
	if (!issued && (d->number[0] || d->issued_date[0] || d->expiry_date[0]))
		return about(f, "status", N_("A number, day of issue or expiry goes with an issued document only."));
	if (issued && (strcmp(d->issued_date, today) > 0 || strcmp(d->issued_date, d->requested_date) < 0))
		return about(f, "issued_date", N_("The day of issue must be between the request and today."));
	if (d->expiry_date[0] && strcmp(d->expiry_date, d->issued_date) <= 0)
		return about(f, "expiry_date", N_("The expiry must be after the day of issue."));
	if (refused && !prot_ret_has_content(d->refusal_reason))
		return about(f, "refusal_reason", N_("Give the reason of the refusal."));
	if (!refused && d->refusal_reason[0])
		return about(f, "refusal_reason", N_("A reason goes with a refused document only."));
	return NULL;
}

enum status prot_doc_check(struct db *db, const struct prot_travel_doc *d, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	bool ok = false;
	enum status s = db_require(db, PERM_PROTECTION_READ);
	if (s == ST_OK && (m = problem(d, &f)) == NULL && (s = prot_ret_country_ok(db, d->consulate_country, &ok)) == ST_OK
	    && !ok)
		m = about(&f, "consulate_country", N_("Choose the country of the consulate."));
	if (s == ST_OK && m)
		s = ST_INVALID;
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return s;
}

/* Binds d's columns to ?2..?12. */
static void bind_doc(sqlite3_stmt *st, const struct prot_travel_doc *d)
{
	sqlite3_bind_int64(st, 2, d->return_id);
	db_bind_text(st, 3, d->kind);
	db_bind_text(st, 4, d->consulate_country);
	db_bind_text(st, 5, d->consulate_place);
	db_bind_text(st, 6, d->requested_date);
	db_bind_opt(st, 7, d->interview_date);
	db_bind_text(st, 8, d->status);
	db_bind_text(st, 9, d->number);
	db_bind_opt(st, 10, d->issued_date);
	db_bind_opt(st, 11, d->expiry_date);
	db_bind_text(st, 12, d->refusal_reason);
}

static enum status doc_write(struct db *db, struct prot_travel_doc *d, const struct prot_travel_doc *before)
{
	sqlite3_stmt *st = before
		? db_stmt(db, "UPDATE prot_travel_doc SET return_id = ?2, kind = ?3, consulate_country = ?4, "
		              "consulate_place = ?5, requested_date = ?6, interview_date = ?7, status = ?8, number = ?9, "
		              "issued_date = ?10, expiry_date = ?11, refusal_reason = ?12, version = version + 1 "
		              "WHERE id = ?1 AND version = ?13")
		: db_stmt(db, "INSERT INTO prot_travel_doc (return_id, kind, consulate_country, consulate_place, "
		              "requested_date, interview_date, status, number, issued_date, expiry_date, refusal_reason) "
		              "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
	if (!st)
		return ST_INTERNAL;
	if (before) {
		sqlite3_bind_int64(st, 1, d->id);
		sqlite3_bind_int(st, 13, d->version);
	}
	bind_doc(st, d);
	enum status s = db_step_done(st);
	if (s != ST_OK)
		return s;
	if (!before) {
		d->id = sqlite3_last_insert_rowid(db_sqlite(db));
		d->version = 1;
	} else if (sqlite3_changes(db_sqlite(db)) != 1) {
		return ST_CONFLICT;
	} else {
		d->version++;
	}
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_int(&j, "return_id", d->return_id);
	for (size_t i = 0; i < COUNT(fields); i++) {
		const char *a = (const char *)d + fields[i].offset;
		if (before)
			jsonbuf_change_str(&j, fields[i].name, (const char *)before + fields[i].offset, a);
		else
			jsonbuf_put_str(&j, fields[i].name, a);
	}
	return audit_log(db, before ? "update" : "create", "prot_travel_doc", d->id, jsonbuf_text(&j));
}

enum status prot_doc_save(struct db *db, struct prot_travel_doc *d, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	struct prot_travel_doc keep = *d, before;
	struct prot_return r;
	enum status s = db_require(db, PERM_PROTECTION_WRITE);
	if (s == ST_OK && (s = db_begin(db)) == ST_OK) {
		if (d->id) {
			if ((s = doc_read(db, d->id, &before)) == ST_OK && before.version != d->version)
				s = ST_CONFLICT;
			if (s == ST_OK)
				d->return_id = before.return_id;   /* a document stays with its return */
		}
		if (s == ST_OK && (s = prot_ret_read(db, d->return_id, &r)) == ST_NOT_FOUND) {
			m = N_("This return is not known.");
			f = "return_id";
			s = ST_INVALID;
		}
		if (s == ST_OK && strcmp(r.status, "requested") != 0 && strcmp(r.status, "counselled") != 0
		    && strcmp(r.status, "approved") != 0 && strcmp(r.status, "ready") != 0) {
			m = N_("This return is over: it can no longer be changed.");
			f = "return_id";
			s = ST_INVALID;
		}
		if (s == ST_OK && strcmp(d->requested_date, r.requested_date) < 0) {
			m = N_("The document cannot be requested before the return.");
			f = "requested_date";
			s = ST_INVALID;
		}
		if (s == ST_OK)
			s = prot_doc_check(db, d, &m, &f);
		if (s == ST_OK)
			s = doc_write(db, d, d->id ? &before : NULL);
		s = db_finish(db, s);
		if (s != ST_OK)
			*d = keep;
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return s;
}

enum status prot_doc_get(struct db *db, long long id, struct prot_travel_doc *d)
{
	enum status s = db_require(db, PERM_PROTECTION_READ);
	return s != ST_OK ? s : doc_read(db, id, d);
}

enum status prot_doc_each(struct db *db, long long return_id,
                          void (*cb)(const struct prot_travel_doc *d, void *ctx), void *ctx)
{
	enum status s = db_require(db, PERM_PROTECTION_READ);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, DOC_SELECT "WHERE return_id = ?1 ORDER BY requested_date, id");
	if (!st)
		return ST_INTERNAL;
	/* A return holds a handful of documents: read them all, then call back
	 * with the statement reset. */
	struct prot_travel_doc *items = NULL;
	size_t n = 0, cap = 0;
	sqlite3_bind_int64(st, 1, return_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct prot_travel_doc *d = db_grow((void **)&items, &n, &cap, sizeof *items);
		if (!d) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_doc(st, 0, d);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		for (size_t i = 0; i < n; i++)
			cb(&items[i], ctx);
	free(items);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

void prot_ret_read_doc(sqlite3_stmt *st, int c, struct prot_travel_doc *d)
{
	read_doc(st, c, d);
}
