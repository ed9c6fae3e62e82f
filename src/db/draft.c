/* Drafts of interrupted forms, each seen only by its own user. */
#include <stdlib.h>
#include <string.h>
#include "db/db_private.h"
#include "db/draft.h"

enum status draft_save(struct db *db, const char *kind, long long ref_id, const char *json)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO draft (user_id, kind, ref_id, data, saved_at) "
		"VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%d %H:%M', 'now'))";
	const struct db_actor *a = db_actor(db);
	if (a->user_id <= 0)
		return ST_DENIED;
	if (!kind || !*kind || strlen(kind) >= DRAFT_KIND_MAX || !json)
		return ST_INVALID;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	enum status s = db_begin(db);
	if (s != ST_OK)
		return s;
	sqlite3_bind_int64(st, 1, a->user_id);
	db_bind_text(st, 2, kind);
	sqlite3_bind_int64(st, 3, ref_id);
	db_bind_text(st, 4, json);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_rollback(db);
		return db_status_of(rc);
	}
	return db_commit(db);
}

enum status draft_list(struct db *db, void (*fn)(const struct draft_info *d, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT kind, ref_id, saved_at FROM draft WHERE user_id = ?1 ORDER BY saved_at DESC, kind, ref_id";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	if (db_actor(db)->user_id <= 0)
		return ST_DENIED;
	sqlite3_bind_int64(st, 1, db_actor(db)->user_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct draft_info d;
		db_column_copy(st, 0, d.kind, sizeof d.kind);
		d.ref_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, d.saved_at, sizeof d.saved_at);
		fn(&d, ctx);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

bool draft_find(struct db *db, const char *kind, long long *ref_id, char *saved_at, size_t size)
{
	static const char sql[] =
		"SELECT ref_id, saved_at FROM draft WHERE user_id = ?1 AND kind = ?2 ORDER BY saved_at DESC LIMIT 1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st || db_actor(db)->user_id <= 0)
		return false;
	sqlite3_bind_int64(st, 1, db_actor(db)->user_id);
	db_bind_text(st, 2, kind);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	if (found && ref_id)
		*ref_id = sqlite3_column_int64(st, 0);
	if (found && saved_at)
		db_column_copy(st, 1, saved_at, size);
	sqlite3_reset(st);
	return found;
}

enum status draft_read(struct db *db, const char *kind, long long ref_id, char **json)
{
	static const char sql[] = "SELECT data FROM draft WHERE user_id = ?1 AND kind = ?2 AND ref_id = ?3";
	*json = NULL;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	if (db_actor(db)->user_id <= 0)
		return ST_DENIED;
	sqlite3_bind_int64(st, 1, db_actor(db)->user_id);
	db_bind_text(st, 2, kind);
	sqlite3_bind_int64(st, 3, ref_id);
	int rc = sqlite3_step(st);
	enum status s = rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	if (s == ST_OK) {
		const char *text = (const char *)sqlite3_column_text(st, 0);
		size_t len = text ? (size_t)sqlite3_column_bytes(st, 0) : 0;
		*json = malloc(len + 1);
		if (*json) {
			memcpy(*json, text ? text : "", len);
			(*json)[len] = '\0';
		} else {
			s = ST_NOMEM;
		}
	}
	sqlite3_reset(st);
	return s;
}

enum status draft_discard(struct db *db, const char *kind, long long ref_id)
{
	static const char sql[] = "DELETE FROM draft WHERE user_id = ?1 AND kind = ?2 AND ref_id = ?3";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	enum status s = db_begin(db);
	if (s != ST_OK)
		return s;
	sqlite3_bind_int64(st, 1, db_actor(db)->user_id);
	db_bind_text(st, 2, kind);
	sqlite3_bind_int64(st, 3, ref_id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_rollback(db);
		return db_status_of(rc);
	}
	return db_commit(db);
}
