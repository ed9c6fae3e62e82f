/* Protection cases: their concerns (list "prot_concern", each with a
 * note) and their actions (due day, assigned account, done with an
 * outcome or cancelled). Reading needs PERM_PROTECTION_READ, writing
 * PERM_PROTECTION_WRITE, every write one transaction with its audit row. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/perm.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/prot_case.h"
#include "db/reflist.h"
#include "fields_json.h"
#include "prot_case_private.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define about prot_about

static const char *const not_open_msg = N_("This case is not open.");

/* ST_OK with *open when case id exists (ST_NOT_FOUND otherwise). */
static enum status case_open(struct db *db, long long id, bool *open)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT status = 'open' FROM prot_case WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	*open = rc == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* ---- concerns ---- */

const char *prot_concern_problem(const char *note)
{
	if (!note || !prot_text_fits(note, strlen(note) + 1, PROT_CONCERN_NOTE_MAX, false))
		return N_("The note is too long (200 characters at most).");
	return NULL;
}

enum status prot_concern_add(struct db *db, long long case_id, long long concern_id, const char *note,
                             const char **msgid)
{
	const char *m = NULL;
	bool open = false;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	if (r == ST_OK && (m = prot_concern_problem(note)) != NULL)
		r = ST_INVALID;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		if ((r = case_open(db, case_id, &open)) == ST_OK && !open) {
			m = not_open_msg;
			r = ST_INVALID;
		}
		sqlite3_stmt *st = r == ST_OK ? db_stmt(db, "SELECT (SELECT list = 'prot_concern' AND active = 1 FROM ref_item "
		                                            "WHERE id = ?2), EXISTS (SELECT 1 FROM prot_case_concern "
		                                            "WHERE case_id = ?1 AND concern_id = ?2)") : NULL;
		if (r == ST_OK && !st)
			r = ST_INTERNAL;
		if (r == ST_OK) {
			sqlite3_bind_int64(st, 1, case_id);
			sqlite3_bind_int64(st, 2, concern_id);
			int rc = sqlite3_step(st);
			if (rc != SQLITE_ROW)
				r = db_status_of(rc);
			else if (sqlite3_column_int(st, 0) != 1) {
				m = N_("Choose a protection concern.");
				r = ST_INVALID;
			} else if (sqlite3_column_int(st, 1)) {
				m = N_("The case has this concern already.");
				r = ST_DUPLICATE;
			}
			sqlite3_reset(st);
		}
		if (r == ST_OK) {
			st = db_stmt(db, "INSERT INTO prot_case_concern (case_id, concern_id, note) VALUES (?1, ?2, ?3)");
			if (!st)
				r = ST_INTERNAL;
			else {
				sqlite3_bind_int64(st, 1, case_id);
				sqlite3_bind_int64(st, 2, concern_id);
				db_bind_text(st, 3, note);
				r = db_step_done(st);
			}
		}
		if (r == ST_OK) {
			struct jsonbuf j;
			jsonbuf_init(&j);
			jsonbuf_put_int(&j, "case_id", case_id);
			jsonbuf_put_int(&j, "concern_id", concern_id);
			jsonbuf_put_str(&j, "note", note);
			r = audit_log(db, "create", "prot_case_concern", sqlite3_last_insert_rowid(db_sqlite(db)),
			              jsonbuf_text(&j));
		}
		r = db_finish(db, r);
	}
	if (msgid)
		*msgid = m;
	return r;
}

enum status prot_concern_remove(struct db *db, long long id, const char **msgid)
{
	const char *m = NULL;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		sqlite3_stmt *st = db_stmt(db, "SELECT k.case_id, k.concern_id, k.note, c.status = 'open' "
		                               "FROM prot_case_concern k JOIN prot_case c ON c.id = k.case_id WHERE k.id = ?1");
		long long case_id = 0, concern_id = 0;
		char note[804] = "";
		if (!st)
			r = ST_INTERNAL;
		else {
			sqlite3_bind_int64(st, 1, id);
			int rc = sqlite3_step(st);
			if (rc == SQLITE_ROW) {
				case_id = sqlite3_column_int64(st, 0);
				concern_id = sqlite3_column_int64(st, 1);
				db_column_copy(st, 2, note, sizeof note);
				if (sqlite3_column_int(st, 3) != 1) {
					m = not_open_msg;
					r = ST_INVALID;
				}
			} else {
				r = rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
			}
			sqlite3_reset(st);
		}
		if (r == ST_OK) {
			st = db_stmt(db, "DELETE FROM prot_case_concern WHERE id = ?1");
			if (!st)
				r = ST_INTERNAL;
			else {
				sqlite3_bind_int64(st, 1, id);
				r = db_step_done(st);
			}
		}
		if (r == ST_OK) {
			struct jsonbuf j;
			jsonbuf_init(&j);
			jsonbuf_put_int(&j, "case_id", case_id);
			jsonbuf_put_int(&j, "concern_id", concern_id);
			jsonbuf_put_str(&j, "note", note);
			r = audit_log(db, "delete", "prot_case_concern", id, jsonbuf_text(&j));
		}
		r = db_finish(db, r);
	}
	if (msgid)
		*msgid = m;
	return r;
}

enum status prot_concern_each(struct db *db, long long case_id, const char *lang,
                              void (*cb)(const struct prot_concern *c, void *ctx), void *ctx)
{
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, "SELECT k.id, k.concern_id, CASE WHEN ?2 THEN i.name_fr ELSE i.name_en END, "
	                               "k.note, k.version FROM prot_case_concern k JOIN ref_item i ON i.id = k.concern_id "
	                               "WHERE k.case_id = ?1 ORDER BY i.position, k.id");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, case_id);
	sqlite3_bind_int(st, 2, lang && strcmp(lang, "fr") == 0);
	struct prot_concern *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct prot_concern *c = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!c) {
			rc = SQLITE_NOMEM;
			break;
		}
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(st, 0);
		c->concern_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, c->name, sizeof c->name);
		db_column_copy(st, 3, c->note, sizeof c->note);
		c->version = sqlite3_column_int(st, 4);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		for (size_t i = 0; cb && i < n; i++)
			cb(&rows[i], ctx);
	free(rows);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* ---- actions ---- */

void prot_action_init(struct prot_action *a, long long case_id, long long user)
{
	memset(a, 0, sizeof *a);
	a->case_id = case_id;
	a->assigned_id = user;
	snprintf(a->status, sizeof a->status, "open");
}

#define A_TEXT(m) DB_FIELD_TEXT(struct prot_action, m)
#define A_ID(m) DB_FIELD_ID(struct prot_action, m)
static const struct db_field action_fields[] = {
	A_ID(case_id), A_TEXT(description), A_TEXT(due_date), A_ID(assigned_id), A_TEXT(status), A_TEXT(done_date),
	A_TEXT(outcome),
};

const char *prot_action_problem(const struct prot_action *a, const char **field)
{
	if (!prot_text_fits(a->description, sizeof a->description, PROT_ACTION_TEXT_MAX, false))
		return about(field, "description", N_("The action is too long (200 characters at most)."));
	const char *s = a->description;
	while (*s == ' ')
		s++;
	if (!*s)
		return about(field, "description", N_("Say what is to be done."));
	if (!memchr(a->due_date, '\0', sizeof a->due_date) || (a->due_date[0] && !prot_day_ok(a->due_date, sizeof a->due_date)))
		return about(field, "due_date", N_("The due day is not a valid day."));
	if (a->assigned_id < 0)
		return about(field, "assigned_id", N_("Choose who does it."));
	if (!prot_text_fits(a->outcome, sizeof a->outcome, PROT_OUTCOME_MAX, true))
		return about(field, "outcome", N_("The outcome is too long (500 characters at most)."));
	if (memchr(a->status, '\0', sizeof a->status) && strcmp(a->status, "open") != 0) {
		char today[11];
		clock_today_iso(today, sizeof today);
		if (!prot_day_ok(a->done_date, sizeof a->done_date))
			return about(field, "done_date", N_("The day it was done is not a valid day."));
		if (strcmp(a->done_date, today) > 0)
			return about(field, "done_date", N_("The day it was done cannot be in the future."));
	}
	return NULL;
}

static enum status action_read(struct db *db, long long id, struct prot_action *a)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, case_id, description, coalesce(due_date, ''), "
	                               "coalesce(assigned_id, 0), status, coalesce(done_date, ''), outcome, version "
	                               "FROM prot_action WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(a, 0, sizeof *a);
		a->id = sqlite3_column_int64(st, 0);
		a->case_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, a->description, sizeof a->description);
		db_column_copy(st, 3, a->due_date, sizeof a->due_date);
		a->assigned_id = sqlite3_column_int64(st, 4);
		db_column_copy(st, 5, a->status, sizeof a->status);
		db_column_copy(st, 6, a->done_date, sizeof a->done_date);
		db_column_copy(st, 7, a->outcome, sizeof a->outcome);
		a->version = sqlite3_column_int(st, 8);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* The checks against the database; current is the stored assignee. */
static enum status action_refs(struct db *db, const struct prot_action *a, long long current, const char **m,
                               const char **f)
{
	bool ok = false;
	enum status r = case_open(db, a->case_id, &ok);
	if (r == ST_NOT_FOUND || (r == ST_OK && !ok)) {
		*m = about(f, "case_id", r == ST_OK ? not_open_msg : N_("This case is not known."));
		return ST_INVALID;
	}
	if (r == ST_OK && a->assigned_id && (r = prot_worker_ok(db, a->assigned_id, current, &ok)) == ST_OK && !ok) {
		*m = about(f, "assigned_id", N_("The action must be assigned to an active account of the protection unit."));
		return ST_INVALID;
	}
	return r;
}

enum status prot_action_check(struct db *db, const struct prot_action *a, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	struct prot_action stored;
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK)
		;
	else if ((m = prot_action_problem(a, &f)) != NULL)
		r = ST_INVALID;
	else if (a->id && (r = action_read(db, a->id, &stored)) != ST_OK)
		;
	else
		r = action_refs(db, a, a->id ? stored.assigned_id : 0, &m, &f);
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

static void bind_action(sqlite3_stmt *st, const struct prot_action *a)
{
	sqlite3_bind_int64(st, 2, a->case_id);
	db_bind_text(st, 3, a->description);
	db_bind_opt(st, 4, a->due_date);
	if (a->assigned_id)
		sqlite3_bind_int64(st, 5, a->assigned_id);
	db_bind_text(st, 6, a->status);
	db_bind_opt(st, 7, a->done_date);
	db_bind_text(st, 8, a->outcome);
}

/* Writes a inside the open transaction with its audit row; before is the
 * stored action (NULL for a new one). */
static enum status action_write(struct db *db, struct prot_action *a, const struct prot_action *before,
                                const char *action)
{
	sqlite3_stmt *st;
	if (!before)
		st = db_stmt(db, "INSERT INTO prot_action (case_id, description, due_date, assigned_id, status, done_date, "
		                 "outcome, created_by) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?1)");
	else
		st = db_stmt(db, "UPDATE prot_action SET case_id = ?2, description = ?3, due_date = ?4, assigned_id = ?5, "
		                 "status = ?6, done_date = ?7, outcome = ?8, version = version + 1 "
		                 "WHERE id = ?1 AND version = ?9");
	if (!st)
		return ST_INTERNAL;
	if (before) {
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int(st, 9, a->version);
	} else if (db_actor(db)->user_id > 0) {
		sqlite3_bind_int64(st, 1, db_actor(db)->user_id);
	}
	bind_action(st, a);
	enum status r = db_step_done(st);
	if (r == ST_OK && before && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r != ST_OK)
		return r;
	if (before) {
		a->version++;
	} else {
		a->id = sqlite3_last_insert_rowid(db_sqlite(db));
		a->version = 1;
	}
	struct jsonbuf j;
	jsonbuf_init(&j);
	db_fields_json(&j, action_fields, COUNT(action_fields), before, a);
	return audit_log(db, action, "prot_action", a->id, jsonbuf_text(&j));
}

enum status prot_action_save(struct db *db, struct prot_action *a, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	struct prot_action keep = *a, stored;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		if (a->id && (r = action_read(db, a->id, &stored)) == ST_OK) {
			if (stored.version != a->version)
				r = ST_CONFLICT;
			else if (strcmp(stored.status, "open") != 0) {
				m = N_("This action is done or cancelled.");
				r = ST_INVALID;
			}
			a->case_id = stored.case_id;
			memcpy(a->status, stored.status, sizeof a->status);
			memcpy(a->done_date, stored.done_date, sizeof a->done_date);
		} else if (!a->id) {
			snprintf(a->status, sizeof a->status, "open");
			a->done_date[0] = '\0';
		}
		if (r == ST_OK)
			r = prot_action_check(db, a, &m, &f);
		if (r == ST_OK)
			r = action_write(db, a, a->id ? &stored : NULL, a->id ? "update" : "create");
		if ((r = db_finish(db, r)) != ST_OK)
			*a = keep;
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

enum status prot_action_finish(struct db *db, long long id, int *version, bool done, const char *day,
                               const char *outcome, const char **msgid)
{
	const char *m = NULL;
	struct prot_action a, stored;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		if ((r = action_read(db, id, &stored)) == ST_OK && stored.version != *version)
			r = ST_CONFLICT;
		if (r == ST_OK && strcmp(stored.status, "open") != 0) {
			m = N_("This action is done or cancelled.");
			r = ST_INVALID;
		}
		if (r == ST_OK) {
			a = stored;
			snprintf(a.status, sizeof a.status, "%s", done ? "done" : "cancelled");
			if (done && day)
				snprintf(a.done_date, sizeof a.done_date, "%.10s", day);
			else
				clock_today_iso(a.done_date, sizeof a.done_date);
			if (done && day && strlen(day) >= sizeof a.done_date)
				a.done_date[0] = '\0';
			if (outcome && strlen(outcome) >= sizeof a.outcome)
				m = N_("The outcome is too long (500 characters at most).");
			else
				snprintf(a.outcome, sizeof a.outcome, "%s", outcome ? outcome : "");
			if (m || (m = prot_action_problem(&a, NULL)) != NULL)
				r = ST_INVALID;
			else
				r = action_refs(db, &a, stored.assigned_id, &m, NULL);
		}
		if (r == ST_OK)
			r = action_write(db, &a, &stored, done ? "done" : "cancel");
		if ((r = db_finish(db, r)) == ST_OK)
			*version = a.version;
	}
	if (msgid)
		*msgid = m;
	return r;
}

enum status prot_action_get(struct db *db, long long id, struct prot_action *a)
{
	enum status r = db_require(db, PERM_PROTECTION_READ);
	return r != ST_OK ? r : action_read(db, id, a);
}
