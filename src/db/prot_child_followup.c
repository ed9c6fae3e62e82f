/* Follow-up visits of a child after the reunification (or a return). */
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

#define FU_SELECT \
	"SELECT f.id, f.case_id, f.date, f.mode, f.wellbeing, f.notes, coalesce(u.display_name, ''), f.version " \
	"FROM prot_followup f LEFT JOIN app_user u ON u.id = f.done_by "

static void read_fu(sqlite3_stmt *st, struct prot_followup *f)
{
	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(st, 0);
	f->case_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, f->date, sizeof f->date);
	db_column_copy(st, 3, f->mode, sizeof f->mode);
	db_column_copy(st, 4, f->wellbeing, sizeof f->wellbeing);
	db_column_copy(st, 5, f->notes, sizeof f->notes);
	db_column_copy(st, 6, f->doer, sizeof f->doer);
	f->version = sqlite3_column_int(st, 7);
}

static enum status fu_read(struct db *db, long long id, struct prot_followup *f)
{
	sqlite3_stmt *st = db_stmt(db, FU_SELECT "WHERE f.id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_fu(st, f);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status prot_followup_get(struct db *db, long long id, struct prot_followup *f)
{
	enum status r = db_require(db, PERM_PROTECTION_READ);
	return r != ST_OK ? r : fu_read(db, id, f);
}

const char *prot_followup_problem(const struct prot_followup *f, const char *today, const char **field)
{
	if (field)
		*field = NULL;
	if (!pc_day_ok(f->date, sizeof f->date, today))
		return pc_about(field, "date", N_("The day is not valid or is in the future."));
	if (!memchr(f->mode, '\0', sizeof f->mode) || !vocab_has(VOCAB_PROT_FOLLOWUP_MODE, f->mode))
		return pc_about(field, "mode", N_("Choose how the child was seen."));
	if (!memchr(f->wellbeing, '\0', sizeof f->wellbeing) || !vocab_has(VOCAB_PROT_WELLBEING, f->wellbeing))
		return pc_about(field, "wellbeing", N_("Choose how the child is."));
	if (!pc_text_fits(f->notes, sizeof f->notes, 500, true))
		return pc_about(field, "notes", N_("The notes are too long (500 characters at most)."));
	return NULL;
}

/* The first day follow-up visits of case_id may have: the reunification,
 * or the departure of a return; "" when neither happened. */
static enum status since(struct db *db, long long case_id, char out[11])
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT min(d) FROM (SELECT reunified_date AS d FROM prot_tracing WHERE case_id = ?1 "
		"AND reunified_date IS NOT NULL UNION ALL SELECT r.departure_date FROM prot_return r "
		"JOIN prot_case c ON c.person_id = r.person_id WHERE c.id = ?1 AND r.status IN ('departed', 'arrived'))");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, case_id);
	out[0] = '\0';
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_copy(st, 0, out, 11);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : db_status_of(rc);
}

static void fields_json(struct jsonbuf *j, const struct prot_followup *a, const struct prot_followup *b)
{
	jsonbuf_change_str(j, "date", a->date, b->date);
	jsonbuf_change_str(j, "mode", a->mode, b->mode);
	jsonbuf_change_str(j, "wellbeing", a->wellbeing, b->wellbeing);
	jsonbuf_change_str(j, "notes", a->notes, b->notes);
}

/* Checks f against its rules and the reunification day of its case. */
static enum status check(struct db *db, const struct prot_followup *f, const char **m, const char **fl)
{
	char today[11], first[11];
	clock_today_iso(today, sizeof today);
	if ((*m = prot_followup_problem(f, today, fl)) != NULL)
		return ST_INVALID;
	enum status r = since(db, f->case_id, first);
	if (r != ST_OK)
		return r;
	if (!first[0]) {
		*m = pc_about(fl, "date", N_("Follow-up visits come after the reunification."));
		return ST_INVALID;
	}
	if (strcmp(f->date, first) < 0) {
		*m = pc_about(fl, "date", N_("The visit cannot be before the reunification."));
		return ST_INVALID;
	}
	return ST_OK;
}

static enum status add_write(struct db *db, struct prot_followup *f, const char **m, const char **fl)
{
	enum status r = pc_case_exists(db, f->case_id);
	if (r != ST_OK || (r = check(db, f, m, fl)) != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO prot_followup (case_id, date, mode, wellbeing, notes, done_by) "
	                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, f->case_id);
	db_bind_text(st, 2, f->date);
	db_bind_text(st, 3, f->mode);
	db_bind_text(st, 4, f->wellbeing);
	db_bind_text(st, 5, f->notes);
	pc_bind_actor(db, st, 6);
	if ((r = db_step_done(st)) != ST_OK)
		return r;
	f->id = sqlite3_last_insert_rowid(db_sqlite(db));
	f->version = 1;
	struct prot_followup none;
	memset(&none, 0, sizeof none);
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_int(&j, "case_id", f->case_id);
	fields_json(&j, &none, f);
	return audit_log(db, "create", "prot_followup", f->id, jsonbuf_text(&j));
}

enum status prot_followup_add(struct db *db, struct prot_followup *f, const char **msgid, const char **field)
{
	const char *m = NULL, *fl = NULL;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, add_write(db, f, &m, &fl));
	if (msgid)
		*msgid = m;
	if (field)
		*field = fl;
	return r;
}

static enum status edit_write(struct db *db, struct prot_followup *f, const char **m, const char **fl)
{
	struct prot_followup before;
	enum status r = fu_read(db, f->id, &before);
	if (r != ST_OK)
		return r;
	if (before.version != f->version)
		return ST_CONFLICT;
	f->case_id = before.case_id;
	if ((r = check(db, f, m, fl)) != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, "UPDATE prot_followup SET date = ?2, mode = ?3, wellbeing = ?4, notes = ?5, "
	                               "version = version + 1 WHERE id = ?1 AND version = ?6");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, f->id);
	db_bind_text(st, 2, f->date);
	db_bind_text(st, 3, f->mode);
	db_bind_text(st, 4, f->wellbeing);
	db_bind_text(st, 5, f->notes);
	sqlite3_bind_int(st, 6, f->version);
	r = db_step_done(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	fields_json(&j, &before, f);
	return audit_log(db, "update", "prot_followup", f->id, jsonbuf_text(&j));
}

enum status prot_followup_edit(struct db *db, struct prot_followup *f, const char **msgid, const char **field)
{
	const char *m = NULL, *fl = NULL;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, edit_write(db, f, &m, &fl));
	if (r == ST_OK)
		f->version++;
	if (msgid)
		*msgid = m;
	if (field)
		*field = fl;
	return r;
}

enum status prot_followup_list(struct db *db, long long case_id, enum page_dir dir, const struct prot_followup *key,
                               int limit, void (*cb)(const struct prot_followup *f, void *ctx), void *ctx,
                               bool *more)
{
	/* Latest first: "after" goes to older rows. */
	static const char after[] = FU_SELECT "WHERE f.case_id = ?1 AND (f.date, f.id) < (?2, ?3) "
	                                      "ORDER BY f.date DESC, f.id DESC LIMIT ?4";
	static const char before[] = FU_SELECT "WHERE f.case_id = ?1 AND (f.date, f.id) > (?2, ?3) "
	                                       "ORDER BY f.date, f.id LIMIT ?4";
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
	sqlite3_bind_int64(st, 1, case_id);
	db_bind_text(st, 2, key ? key->date : back ? "" : "~");
	sqlite3_bind_int64(st, 3, key ? key->id : back ? 0 : LLONG_MAX);
	sqlite3_bind_int(st, 4, limit + 1);
	struct prot_followup *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct prot_followup *f = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!f) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_fu(st, f);
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
