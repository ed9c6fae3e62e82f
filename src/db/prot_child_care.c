/* Interim care arrangements of a child, one after another. */
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/prot_child.h"
#include "prot_child_private.h"

#define CARE_SELECT \
	"SELECT id, case_id, kind, place, carer, start_date, coalesce(end_date, ''), notes, version FROM prot_care "

static enum status care_read(struct db *db, const char *sql, long long id, struct prot_care *c)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(st, 0);
		c->case_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, c->kind, sizeof c->kind);
		db_column_copy(st, 3, c->place, sizeof c->place);
		db_column_copy(st, 4, c->carer, sizeof c->carer);
		db_column_copy(st, 5, c->start_date, sizeof c->start_date);
		db_column_copy(st, 6, c->end_date, sizeof c->end_date);
		db_column_copy(st, 7, c->notes, sizeof c->notes);
		c->version = sqlite3_column_int(st, 8);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

static enum status latest(struct db *db, long long case_id, struct prot_care *c)
{
	return care_read(db, CARE_SELECT "WHERE case_id = ?1 ORDER BY start_date DESC, id DESC LIMIT 1", case_id, c);
}

enum status prot_care_current(struct db *db, long long case_id, struct prot_care *c)
{
	enum status r = db_require(db, PERM_PROTECTION_READ);
	return r != ST_OK ? r : latest(db, case_id, c);
}

const char *prot_care_problem(const struct prot_care *c, const char *today, const char **field)
{
	if (field)
		*field = NULL;
	if (!memchr(c->kind, '\0', sizeof c->kind) || !vocab_has(VOCAB_PROT_CARE_KIND, c->kind))
		return pc_about(field, "kind", N_("Choose the kind of care."));
	if (!pc_text_fits(c->place, sizeof c->place, 120, false))
		return pc_about(field, "place", N_("The place is too long (120 characters at most)."));
	if (!pc_text_fits(c->carer, sizeof c->carer, 120, false))
		return pc_about(field, "carer", N_("The carer's name is too long (120 characters at most)."));
	if (!pc_day_ok(c->start_date, sizeof c->start_date, today))
		return pc_about(field, "start_date", N_("The day is not valid or is in the future."));
	if (!memchr(c->end_date, '\0', sizeof c->end_date))
		return pc_about(field, "end_date", N_("The end day is not a valid day."));
	if (c->end_date[0] && (!date_is_day(c->end_date) || strcmp(c->end_date, c->start_date) < 0))
		return pc_about(field, "end_date", N_("The end day is not a valid day on or after the start."));
	if (!pc_text_fits(c->notes, sizeof c->notes, 500, true))
		return pc_about(field, "notes", N_("The notes are too long (500 characters at most)."));
	return NULL;
}

static void fields_json(struct jsonbuf *j, const struct prot_care *a, const struct prot_care *b)
{
	jsonbuf_change_str(j, "kind", a->kind, b->kind);
	jsonbuf_change_str(j, "place", a->place, b->place);
	jsonbuf_change_str(j, "carer", a->carer, b->carer);
	jsonbuf_change_str(j, "start_date", a->start_date, b->start_date);
	jsonbuf_change_str(j, "end_date", a->end_date, b->end_date);
	jsonbuf_change_str(j, "notes", a->notes, b->notes);
}

static enum status add_write(struct db *db, struct prot_care *c, const char **m, const char **f)
{
	char today[11];
	clock_today_iso(today, sizeof today);
	enum status r = pc_case_exists(db, c->case_id);
	if (r != ST_OK)
		return r;
	if ((*m = prot_care_problem(c, today, f)) != NULL)
		return ST_INVALID;
	struct prot_care prev;
	r = latest(db, c->case_id, &prev);
	if (r != ST_OK && r != ST_NOT_FOUND)
		return r;
	struct jsonbuf j;
	if (r == ST_OK && !prev.end_date[0]) {
		if (strcmp(c->start_date, prev.start_date) < 0) {
			*m = pc_about(f, "start_date", N_("The new arrangement cannot start before the current one."));
			return ST_INVALID;
		}
		sqlite3_stmt *st = db_stmt(db, "UPDATE prot_care SET end_date = ?2, version = version + 1 WHERE id = ?1");
		if (!st)
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, prev.id);
		db_bind_text(st, 2, c->start_date);
		if ((r = db_step_done(st)) != ST_OK)
			return r;
		jsonbuf_init(&j);
		jsonbuf_change_str(&j, "end_date", "", c->start_date);
		if ((r = audit_log(db, "update", "prot_care", prev.id, jsonbuf_text(&j))) != ST_OK)
			return r;
	}
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO prot_care (case_id, kind, place, carer, start_date, end_date, notes) "
	                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, c->case_id);
	db_bind_text(st, 2, c->kind);
	db_bind_text(st, 3, c->place);
	db_bind_text(st, 4, c->carer);
	db_bind_text(st, 5, c->start_date);
	db_bind_opt(st, 6, c->end_date);
	db_bind_text(st, 7, c->notes);
	if ((r = db_step_done(st)) != ST_OK)
		return r;
	c->id = sqlite3_last_insert_rowid(db_sqlite(db));
	c->version = 1;
	struct prot_care none;
	memset(&none, 0, sizeof none);
	jsonbuf_init(&j);
	jsonbuf_put_int(&j, "case_id", c->case_id);
	fields_json(&j, &none, c);
	return audit_log(db, "create", "prot_care", c->id, jsonbuf_text(&j));
}

enum status prot_care_add(struct db *db, struct prot_care *c, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, add_write(db, c, &m, &f));
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

static enum status edit_write(struct db *db, struct prot_care *c, const char **m, const char **f)
{
	char today[11];
	clock_today_iso(today, sizeof today);
	struct prot_care before;
	enum status r = care_read(db, CARE_SELECT "WHERE id = ?1", c->id, &before);
	if (r != ST_OK)
		return r;
	if (before.version != c->version)
		return ST_CONFLICT;
	if ((*m = prot_care_problem(c, today, f)) != NULL)
		return ST_INVALID;
	sqlite3_stmt *st = db_stmt(db, "UPDATE prot_care SET kind = ?2, place = ?3, carer = ?4, start_date = ?5, "
	                               "end_date = ?6, notes = ?7, version = version + 1 WHERE id = ?1 AND version = ?8");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, c->id);
	db_bind_text(st, 2, c->kind);
	db_bind_text(st, 3, c->place);
	db_bind_text(st, 4, c->carer);
	db_bind_text(st, 5, c->start_date);
	db_bind_opt(st, 6, c->end_date);
	db_bind_text(st, 7, c->notes);
	sqlite3_bind_int(st, 8, c->version);
	r = db_step_done(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	fields_json(&j, &before, c);
	return audit_log(db, "update", "prot_care", c->id, jsonbuf_text(&j));
}

enum status prot_care_edit(struct db *db, struct prot_care *c, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, edit_write(db, c, &m, &f));
	if (r == ST_OK)
		c->version++;
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}
