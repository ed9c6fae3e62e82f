/* Family tracing of a child: opening it with the child's wishes, its steps
 * (family found, verified, reunified, closed), its actions. The stale list
 * is in prot_child_stale.c. */
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/prot_child.h"
#include "prot_child_private.h"

#define TR_SELECT \
	"SELECT t.id, t.case_id, t.child_wishes, t.status, t.opened, t.family_found, coalesce(t.found_date, ''), " \
	"coalesce(t.verified_date, ''), coalesce(u.display_name, ''), t.verification_note, " \
	"coalesce(t.reunified_date, ''), t.reunified_place, t.reunified_with, t.closed_note, " \
	"coalesce((SELECT max(a.date) FROM prot_tracing_action a WHERE a.tracing_id = t.id), ''), t.version " \
	"FROM prot_tracing t LEFT JOIN app_user u ON u.id = t.verified_by "

static enum status tr_read(struct db *db, const char *sql, long long id, struct prot_tracing *t)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(t, 0, sizeof *t);
		t->id = sqlite3_column_int64(st, 0);
		t->case_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, t->child_wishes, sizeof t->child_wishes);
		db_column_copy(st, 3, t->status, sizeof t->status);
		db_column_copy(st, 4, t->opened, sizeof t->opened);
		db_column_copy(st, 5, t->family_found, sizeof t->family_found);
		db_column_copy(st, 6, t->found_date, sizeof t->found_date);
		db_column_copy(st, 7, t->verified_date, sizeof t->verified_date);
		db_column_copy(st, 8, t->verifier, sizeof t->verifier);
		db_column_copy(st, 9, t->verification_note, sizeof t->verification_note);
		db_column_copy(st, 10, t->reunified_date, sizeof t->reunified_date);
		db_column_copy(st, 11, t->reunified_place, sizeof t->reunified_place);
		db_column_copy(st, 12, t->reunified_with, sizeof t->reunified_with);
		db_column_copy(st, 13, t->closed_note, sizeof t->closed_note);
		db_column_copy(st, 14, t->last_action, sizeof t->last_action);
		t->version = sqlite3_column_int(st, 15);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status prot_tracing_get(struct db *db, long long case_id, struct prot_tracing *t)
{
	enum status r = db_require(db, PERM_PROTECTION_READ);
	return r != ST_OK ? r : tr_read(db, TR_SELECT "WHERE t.case_id = ?1", case_id, t);
}

/* The place of status s in the tracing's course, -1 when unknown. */
static int rank(const char *s)
{
	static const char *const order[] = { "open", "in_progress", "family_found", "verified", "reunified", "closed" };
	for (int i = 0; i < 6; i++)
		if (strcmp(s, order[i]) == 0)
			return i;
	return -1;
}

const char *prot_tracing_step_problem(const char *from, const char *to)
{
	int a = rank(from), b = rank(to);
	if (a < 0 || b < 0)
		return N_("Choose a step of the tracing.");
	if (a == 5)
		return N_("The tracing is closed.");
	if (b == 5)
		return NULL;
	if (a == 4)
		return N_("The child is already reunified: the tracing can only be closed.");
	if (b == 1)
		return a == 0 ? NULL : N_("The tracing is already past that step.");
	if (b == 2)
		return a <= 1 ? NULL : N_("The family was already found.");
	if (b == 3)
		return a == 2 ? NULL : a < 2 ? N_("Record the family found before verifying it.")
		                             : N_("The family was already verified.");
	if (b == 4)
		return a == 3 ? NULL : N_("Verify the family found before the reunification.");
	return N_("The tracing is already past that step.");
}

/* The msgid of the first rule the fields of step to break, NULL if none. */
static const char *step_fields_problem(const struct prot_tracing *t, const struct prot_tracing *before, const char *to,
                                       const char *today, const char **f)
{
	if (strcmp(to, "family_found") == 0) {
		if (!pc_text_fits(t->family_found, sizeof t->family_found, 300, true) || !t->family_found[0])
			return pc_about(f, "family_found", N_("Say who the family found is and where (300 characters at most)."));
		if (!pc_day_ok(t->found_date, sizeof t->found_date, today) || strcmp(t->found_date, before->opened) < 0)
			return pc_about(f, "found_date", N_("The day is not valid: not before the tracing, not in the future."));
	} else if (strcmp(to, "verified") == 0) {
		if (!pc_day_ok(t->verified_date, sizeof t->verified_date, today) ||
		    strcmp(t->verified_date, before->found_date) < 0)
			return pc_about(f, "verified_date",
			                N_("The day is not valid: not before the family was found, not in the future."));
		if (!pc_text_fits(t->verification_note, sizeof t->verification_note, 500, true))
			return pc_about(f, "verification_note", N_("The note is too long (500 characters at most)."));
	} else if (strcmp(to, "reunified") == 0) {
		if (!pc_day_ok(t->reunified_date, sizeof t->reunified_date, today) ||
		    strcmp(t->reunified_date, before->verified_date) < 0)
			return pc_about(f, "reunified_date",
			                N_("The day is not valid: not before the verification, not in the future."));
		if (!pc_text_fits(t->reunified_place, sizeof t->reunified_place, 120, false) || !t->reunified_place[0])
			return pc_about(f, "reunified_place", N_("Say where the child was reunified (120 characters at most)."));
		if (!pc_text_fits(t->reunified_with, sizeof t->reunified_with, 200, false) || !t->reunified_with[0])
			return pc_about(f, "reunified_with", N_("Say with whom (200 characters at most)."));
	} else if (strcmp(to, "closed") == 0) {
		if (!pc_text_fits(t->closed_note, sizeof t->closed_note, 300, true) || !t->closed_note[0])
			return pc_about(f, "closed_note", N_("Say why the tracing is closed (300 characters at most)."));
	} else {
		return pc_about(f, "status", N_("Choose a step of the tracing."));
	}
	return NULL;
}

static enum status open_write(struct db *db, struct prot_tracing *t, const char **m, const char **f)
{
	char today[11];
	clock_today_iso(today, sizeof today);
	enum status r = pc_case_exists(db, t->case_id);
	if (r != ST_OK)
		return r;
	struct prot_tracing had;
	if ((r = tr_read(db, TR_SELECT "WHERE t.case_id = ?1", t->case_id, &had)) != ST_NOT_FOUND) {
		if (r == ST_OK) {
			*m = pc_about(f, "status", N_("This child's tracing is already open."));
			r = ST_INVALID;
		}
		return r;
	}
	if (!pc_day_ok(t->opened, sizeof t->opened, today)) {
		*m = pc_about(f, "opened", N_("The day is not valid or is in the future."));
		return ST_INVALID;
	}
	if (!pc_text_fits(t->child_wishes, sizeof t->child_wishes, 1000, true)) {
		*m = pc_about(f, "child_wishes", N_("The child's wishes are too long (1000 characters at most)."));
		return ST_INVALID;
	}
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO prot_tracing (case_id, child_wishes, status, opened) "
	                               "VALUES (?1, ?2, 'open', ?3)");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, t->case_id);
	db_bind_text(st, 2, t->child_wishes);
	db_bind_text(st, 3, t->opened);
	if ((r = db_step_done(st)) != ST_OK)
		return r;
	t->id = sqlite3_last_insert_rowid(db_sqlite(db));
	t->version = 1;
	snprintf(t->status, sizeof t->status, "open");
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_int(&j, "case_id", t->case_id);
	jsonbuf_put_str(&j, "status", "open");
	jsonbuf_put_str(&j, "opened", t->opened);
	jsonbuf_put_str(&j, "child_wishes", t->child_wishes);
	return audit_log(db, "create", "prot_tracing", t->id, jsonbuf_text(&j));
}

enum status prot_tracing_open(struct db *db, struct prot_tracing *t, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, open_write(db, t, &m, &f));
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

/* Writes tracing t->id at t->version: step to (NULL: the wishes only). */
static enum status change_write(struct db *db, struct prot_tracing *t, const char *to, const char **m, const char **f)
{
	struct prot_tracing before;
	char today[11];
	clock_today_iso(today, sizeof today);
	enum status r = tr_read(db, TR_SELECT "WHERE t.id = ?1", t->id, &before);
	if (r != ST_OK)
		return r;
	if (before.version != t->version)
		return ST_CONFLICT;
	struct prot_tracing after = before;
	struct jsonbuf j;
	jsonbuf_init(&j);
	if (!to) {
		if (!pc_text_fits(t->child_wishes, sizeof t->child_wishes, 1000, true)) {
			*m = pc_about(f, "child_wishes", N_("The child's wishes are too long (1000 characters at most)."));
			return ST_INVALID;
		}
		memcpy(after.child_wishes, t->child_wishes, sizeof after.child_wishes);
		jsonbuf_change_str(&j, "child_wishes", before.child_wishes, after.child_wishes);
	} else {
		if ((*m = prot_tracing_step_problem(before.status, to)) != NULL) {
			if (f)
				*f = "status";
			return ST_INVALID;
		}
		if ((*m = step_fields_problem(t, &before, to, today, f)) != NULL)
			return ST_INVALID;
		snprintf(after.status, sizeof after.status, "%s", to);
		jsonbuf_change_str(&j, "status", before.status, to);
		if (strcmp(to, "family_found") == 0) {
			memcpy(after.family_found, t->family_found, sizeof after.family_found);
			memcpy(after.found_date, t->found_date, sizeof after.found_date);
			jsonbuf_change_str(&j, "family_found", before.family_found, after.family_found);
			jsonbuf_change_str(&j, "found_date", before.found_date, after.found_date);
		} else if (strcmp(to, "verified") == 0) {
			memcpy(after.verified_date, t->verified_date, sizeof after.verified_date);
			memcpy(after.verification_note, t->verification_note, sizeof after.verification_note);
			jsonbuf_change_str(&j, "verified_date", before.verified_date, after.verified_date);
			jsonbuf_change_str(&j, "verification_note", before.verification_note, after.verification_note);
		} else if (strcmp(to, "reunified") == 0) {
			memcpy(after.reunified_date, t->reunified_date, sizeof after.reunified_date);
			memcpy(after.reunified_place, t->reunified_place, sizeof after.reunified_place);
			memcpy(after.reunified_with, t->reunified_with, sizeof after.reunified_with);
			jsonbuf_change_str(&j, "reunified_date", before.reunified_date, after.reunified_date);
			jsonbuf_change_str(&j, "reunified_place", before.reunified_place, after.reunified_place);
			jsonbuf_change_str(&j, "reunified_with", before.reunified_with, after.reunified_with);
		} else {
			memcpy(after.closed_note, t->closed_note, sizeof after.closed_note);
			jsonbuf_change_str(&j, "closed_note", before.closed_note, after.closed_note);
		}
	}
	sqlite3_stmt *st = db_stmt(db,
		"UPDATE prot_tracing SET child_wishes = ?2, status = ?3, family_found = ?4, found_date = ?5, "
		"verified_date = ?6, verified_by = CASE WHEN ?3 = 'verified' AND status != 'verified' THEN ?7 "
		"ELSE verified_by END, verification_note = ?8, reunified_date = ?9, reunified_place = ?10, "
		"reunified_with = ?11, closed_note = ?12, version = version + 1 WHERE id = ?1 AND version = ?13");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, t->id);
	db_bind_text(st, 2, after.child_wishes);
	db_bind_text(st, 3, after.status);
	db_bind_text(st, 4, after.family_found);
	db_bind_opt(st, 5, after.found_date);
	db_bind_opt(st, 6, after.verified_date);
	pc_bind_actor(db, st, 7);
	db_bind_text(st, 8, after.verification_note);
	db_bind_opt(st, 9, after.reunified_date);
	db_bind_text(st, 10, after.reunified_place);
	db_bind_text(st, 11, after.reunified_with);
	db_bind_text(st, 12, after.closed_note);
	sqlite3_bind_int(st, 13, t->version);
	r = db_step_done(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r != ST_OK)
		return r;
	memcpy(t->status, after.status, sizeof t->status);
	return audit_log(db, "update", "prot_tracing", t->id, jsonbuf_text(&j));
}

static enum status change(struct db *db, struct prot_tracing *t, const char *to, const char **msgid,
                          const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, change_write(db, t, to, &m, &f));
	if (r == ST_OK)
		t->version++;
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

enum status prot_tracing_wishes(struct db *db, struct prot_tracing *t, const char **msgid, const char **field)
{
	return change(db, t, NULL, msgid, field);
}

enum status prot_tracing_step(struct db *db, struct prot_tracing *t, const char *to, const char **msgid,
                              const char **field)
{
	if (!to)
		to = "";
	return change(db, t, to, msgid, field);
}

static enum status action_write(struct db *db, struct prot_tracing_action *a, const char **m, const char **f)
{
	char today[11];
	clock_today_iso(today, sizeof today);
	struct prot_tracing t;
	enum status r = tr_read(db, TR_SELECT "WHERE t.id = ?1", a->tracing_id, &t);
	if (r != ST_OK)
		return r;
	if (strcmp(t.status, "reunified") == 0 || strcmp(t.status, "closed") == 0) {
		*m = pc_about(f, "status", N_("The tracing is over: no more actions."));
		return ST_INVALID;
	}
	if (!pc_day_ok(a->date, sizeof a->date, today) || strcmp(a->date, t.opened) < 0) {
		*m = pc_about(f, "date", N_("The day is not valid: not before the tracing, not in the future."));
		return ST_INVALID;
	}
	if (!memchr(a->kind, '\0', sizeof a->kind) || !vocab_has(VOCAB_PROT_TRACING_KIND, a->kind)) {
		*m = pc_about(f, "kind", N_("Choose what was done."));
		return ST_INVALID;
	}
	if (!pc_text_fits(a->place, sizeof a->place, 120, false)) {
		*m = pc_about(f, "place", N_("The place is too long (120 characters at most)."));
		return ST_INVALID;
	}
	if (!pc_text_fits(a->outcome, sizeof a->outcome, 500, true)) {
		*m = pc_about(f, "outcome", N_("The outcome is too long (500 characters at most)."));
		return ST_INVALID;
	}
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO prot_tracing_action (tracing_id, date, kind, place, outcome, done_by) "
	                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, a->tracing_id);
	db_bind_text(st, 2, a->date);
	db_bind_text(st, 3, a->kind);
	db_bind_text(st, 4, a->place);
	db_bind_text(st, 5, a->outcome);
	pc_bind_actor(db, st, 6);
	if ((r = db_step_done(st)) != ST_OK)
		return r;
	a->id = sqlite3_last_insert_rowid(db_sqlite(db));
	a->version = 1;
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_int(&j, "tracing_id", a->tracing_id);
	jsonbuf_put_str(&j, "date", a->date);
	jsonbuf_put_str(&j, "kind", a->kind);
	jsonbuf_put_str(&j, "place", a->place);
	jsonbuf_put_str(&j, "outcome", a->outcome);
	if ((r = audit_log(db, "create", "prot_tracing_action", a->id, jsonbuf_text(&j))) != ST_OK)
		return r;
	if (strcmp(t.status, "open") != 0)
		return ST_OK;
	st = db_stmt(db, "UPDATE prot_tracing SET status = 'in_progress', version = version + 1 WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, t.id);
	if ((r = db_step_done(st)) != ST_OK)
		return r;
	jsonbuf_init(&j);
	jsonbuf_change_str(&j, "status", "open", "in_progress");
	return audit_log(db, "update", "prot_tracing", t.id, jsonbuf_text(&j));
}

enum status prot_tracing_action_add(struct db *db, struct prot_tracing_action *a, const char **msgid,
                                    const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, action_write(db, a, &m, &f));
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

enum status prot_tracing_action_list(struct db *db, long long tracing_id, enum page_dir dir,
                                     const struct prot_tracing_action *key, int limit,
                                     void (*cb)(const struct prot_tracing_action *a, void *ctx), void *ctx,
                                     bool *more)
{
#define ACT_SELECT \
	"SELECT a.id, a.tracing_id, a.date, a.kind, a.place, a.outcome, coalesce(u.display_name, ''), a.version " \
	"FROM prot_tracing_action a LEFT JOIN app_user u ON u.id = a.done_by WHERE a.tracing_id = ?1 "
	/* Latest first: "after" goes to older rows. */
	static const char after[] = ACT_SELECT "AND (a.date, a.id) < (?2, ?3) ORDER BY a.date DESC, a.id DESC LIMIT ?4";
	static const char before[] = ACT_SELECT "AND (a.date, a.id) > (?2, ?3) ORDER BY a.date, a.id LIMIT ?4";
#undef ACT_SELECT
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK || limit <= 0)
		return r;
	bool back = dir == PAGE_BEFORE;
	sqlite3_stmt *st = db_stmt(db, back ? before : after);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, tracing_id);
	db_bind_text(st, 2, key ? key->date : back ? "" : "~");
	sqlite3_bind_int64(st, 3, key ? key->id : back ? 0 : LLONG_MAX);
	sqlite3_bind_int(st, 4, limit + 1);
	struct prot_tracing_action *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct prot_tracing_action *a = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!a) {
			rc = SQLITE_NOMEM;
			break;
		}
		memset(a, 0, sizeof *a);
		a->id = sqlite3_column_int64(st, 0);
		a->tracing_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, a->date, sizeof a->date);
		db_column_copy(st, 3, a->kind, sizeof a->kind);
		db_column_copy(st, 4, a->place, sizeof a->place);
		db_column_copy(st, 5, a->outcome, sizeof a->outcome);
		db_column_copy(st, 6, a->doer, sizeof a->doer);
		a->version = sqlite3_column_int(st, 7);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(rows);
		return db_status_of(rc);
	}
	for (size_t i = 0; cb && i < n; i++)
		cb(&rows[back ? n - 1 - i : i], ctx);
	free(rows);
	return ST_OK;
}
