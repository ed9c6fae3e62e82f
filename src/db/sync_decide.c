/* A manager's choice on a conflict between sites (db/sync.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/jsonbuf.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/sync_private.h"

struct conflict_row {
	char kind[16], tbl[SYNC_NAME_MAX], uuid[33], field[SYNC_NAME_MAX], owner[33], status[12];
	char here[SYNC_VALUE_MAX], there[SYNC_VALUE_MAX];
	bool here_null, there_null;
};

static enum status read_conflict(struct db *db, long long id, struct conflict_row *c)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT kind, tbl, row_uuid, field, owner, status, here, there, here IS NULL, "
	                               "there IS NULL FROM sync_conflict WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	enum status s = ST_NOT_FOUND;
	if (sqlite3_step(st) == SQLITE_ROW) {
		db_column_copy(st, 0, c->kind, sizeof c->kind);
		db_column_copy(st, 1, c->tbl, sizeof c->tbl);
		db_column_copy(st, 2, c->uuid, sizeof c->uuid);
		db_column_copy(st, 3, c->field, sizeof c->field);
		db_column_copy(st, 4, c->owner, sizeof c->owner);
		db_column_copy(st, 5, c->status, sizeof c->status);
		db_column_copy(st, 6, c->here, sizeof c->here);
		db_column_copy(st, 7, c->there, sizeof c->there);
		c->here_null = sqlite3_column_int(st, 8) != 0;
		c->there_null = sqlite3_column_int(st, 9) != 0;
		s = ST_OK;
	}
	sqlite3_reset(st);
	return s;
}

/* The field's value now, as sync_conflict keeps it (a reference by its
 * name between sites); *null when NULL; ST_NOT_FOUND when the row is gone. */
static enum status value_now(struct db *db, const struct sync_table *t, int col, const char *uuid, char *out,
                             size_t size, bool *null)
{
	const struct sync_schema *s = sync_schema(db);
	char sql[1024];
	const struct sync_col *c = &t->col[col];
	if (c->ref >= 0 && s->tab[c->ref].key != SYNC_KEY_COMPOSITE) {
		snprintf(sql, sizeof sql, "SELECT (SELECT %s FROM \"%s\" WHERE id = r.\"%s\") FROM \"%s\" r WHERE r.uuid = ?1",
		         s->tab[c->ref].key_expr, s->tab[c->ref].name, c->name, t->name);
	} else
		snprintf(sql, sizeof sql, "SELECT \"%s\" FROM \"%s\" WHERE uuid = ?1", c->name, t->name);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		return ST_INTERNAL;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	enum status res = ST_NOT_FOUND;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*null = sqlite3_column_type(st, 0) == SQLITE_NULL;
		db_column_copy(st, 0, out, size);
		res = ST_OK;
	}
	sqlite3_finalize(st);
	return res;
}

/* Sets the field to the other site's value (a reference turned back
 * into the row id here): an ordinary change, captured and sent. */
static enum status take_value(struct db *db, const struct sync_table *t, int col, const struct conflict_row *c)
{
	const struct sync_schema *s = sync_schema(db);
	const struct sync_col *k = &t->col[col];
	char sql[512];
	bool version = false;
	for (int i = 0; i < t->ncol; i++)
		version = version || !strcmp(t->col[i].name, "version");
	snprintf(sql, sizeof sql, "UPDATE \"%s\" SET \"%s\" = ?1%s WHERE uuid = ?2", t->name, k->name,
	         version ? ", version = version + 1" : "");
	long long ref = 0;
	if (k->ref >= 0 && !c->there_null) {
		sqlite3_stmt *q = db_stmt(db, s->tab[k->ref].id_of_key);
		if (!q)
			return ST_INTERNAL;
		db_bind_text(q, 1, c->there);
		ref = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
		sqlite3_reset(q);
		if (!ref)
			return ST_NOT_FOUND;
	}
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		return ST_INTERNAL;
	if (k->ref >= 0 && ref)
		sqlite3_bind_int64(st, 1, ref);
	else if (!c->there_null)
		sqlite3_bind_text(st, 1, c->there, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, c->uuid, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : ST_INVALID;
}

/* The conflict's value here as it is now (the record changed since it
 * came); ST_CONFLICT for the caller to look again. Kept, not rolled back:
 * db_finish commits only on ST_OK, so this is done in its own statement
 * after the transaction (see sync_conflict_decide). */
static enum status refresh_here(struct db *db, long long id, const char *now)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE sync_conflict SET here = ?2 WHERE id = ?1 AND status = 'open'");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, now);
	enum status s = db_step_done(st);
	return s == ST_OK ? ST_CONFLICT : s;
}

static enum status close_conflicts(struct db *db, long long id, const struct conflict_row *c, bool take)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE sync_conflict SET status = CASE WHEN id = ?1 AND ?5 THEN 'taken' "
	                               "ELSE 'kept' END, decided_by = ?6, decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', "
	                               "'now') WHERE status = 'open' AND (id = ?1 OR (tbl = ?2 AND row_uuid = ?3 AND "
	                               "field = ?4 AND kind = 'field' AND ?4 != ''))");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, c->tbl);
	db_bind_text(st, 3, c->uuid);
	db_bind_text(st, 4, c->field);
	sqlite3_bind_int(st, 5, take);
	db_bind_text(st, 6, db_actor(db)->user_name);
	return db_step_done(st);
}

static enum status decide(struct db *db, long long id, bool take, const struct conflict_row *c)
{
	const struct sync_schema *s = sync_schema(db);
	char self[33];
	if (!s || sync_self(db, self, NULL) != ST_OK)
		return ST_INTERNAL;
	if (strcmp(c->status, "open"))
		return ST_CONFLICT;
	if (!strcmp(c->kind, "duplicate"))
		return close_conflicts(db, id, c, false);   /* reviewed: the duplicates screen merges */
	if (strcmp(c->owner, self))
		return ST_DENIED;   /* the owning site decides */
	int ti = sync_table_index(s, c->tbl);
	if (ti < 0)
		return ST_NOT_FOUND;
	const struct sync_table *t = &s->tab[ti];
	enum status st = ST_OK;
	if (!strcmp(c->kind, "field")) {
		int col = -1;
		for (int i = 0; i < t->ncol; i++)
			if (!strcmp(t->col[i].name, c->field))
				col = i;
		if (col < 0)
			return ST_NOT_FOUND;
		char now[SYNC_VALUE_MAX];
		bool null = false;
		st = value_now(db, t, col, c->uuid, now, sizeof now, &null);
		if (st == ST_OK && (null != c->here_null || strcmp(now, c->here))) {
			/* Changed again since: the same as theirs now (nothing left to
			 * choose), or the conflict shows the value now: look again. */
			if (null == c->there_null && !strcmp(now, c->there))
				return close_conflicts(db, id, c, true);
			return refresh_here(db, id, null ? NULL : now);
		}
		if (st == ST_OK && take)
			st = take_value(db, t, col, c);
		else if (st == ST_OK)
			st = sync_log_row(db, ti, c->uuid, SQLITE_UPDATE, col, c->there_null ? NULL : c->there);
	} else if (!strcmp(c->kind, "delete_edited")) {
		if (take) {
			char sql[160];
			snprintf(sql, sizeof sql, "DELETE FROM \"%s\" WHERE uuid = ?1", t->name);
			sqlite3_stmt *q = NULL;
			if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &q, NULL) != SQLITE_OK)
				return ST_INTERNAL;
			sqlite3_bind_text(q, 1, c->uuid, -1, SQLITE_TRANSIENT);
			st = sqlite3_step(q) == SQLITE_DONE ? ST_OK : ST_INVALID;
			sqlite3_finalize(q);
		} else
			st = sync_log_row(db, ti, c->uuid, SQLITE_INSERT, -1, NULL);   /* back where it was deleted */
	} else if (take)
		st = ST_INVALID;   /* changed there, deleted here: the record is not here to change */
	if (st == ST_OK)
		st = close_conflicts(db, id, c, take);
	if (st == ST_OK) {
		struct jsonbuf j;
		jsonbuf_init(&j);
		jsonbuf_put_str(&j, "table", c->tbl);
		jsonbuf_put_str(&j, "row", c->uuid);
		jsonbuf_put_str(&j, "field", c->field);
		jsonbuf_put_str(&j, "choice", take ? "taken" : "kept");
		jsonbuf_change_str(&j, "value", c->here, take ? c->there : c->here);
		st = audit_log(db, "sync_decide", "sync", id, jsonbuf_text(&j));
	}
	return st;
}

enum status sync_conflict_decide(struct db *db, long long id, bool take)
{
	enum status s = db_require(db, PERM_SYNC_DECIDE);
	if (s != ST_OK)
		return s;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	struct conflict_row c;
	s = read_conflict(db, id, &c);
	if (s == ST_OK)
		s = decide(db, id, take, &c);
	if (s == ST_CONFLICT && !strcmp(c.status, "open")) {
		/* The conflict now shows the record as it is: kept. */
		enum status w = db_commit(db);
		return w == ST_OK ? ST_CONFLICT : w;
	}
	return db_finish(db, s);
}
