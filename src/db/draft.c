/* Drafts of interrupted forms. */
#include <stdio.h>
#include <string.h>
#include "core/jsonbuf.h"
#include "db/db_private.h"
#include "db/draft.h"

enum status draft_save(struct db *db, const char *kind, long long ref_id,
                       const char *const *values, int n)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO draft (user_id, kind, ref_id, data, saved_at) "
		"VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%d %H:%M', app_now(), 'unixepoch'))";
	const struct db_actor *a = db_actor(db);
	if (a->user_id <= 0)
		return ST_DENIED;
	/* A draft can hold a whole form: build it bigger than an audit object. */
	char data[DRAFT_MAX_FIELDS * 420];
	size_t len = 0;
	data[len++] = '{';
	for (int i = 0; i < n && i < DRAFT_MAX_FIELDS; i++) {
		struct jsonbuf j;
		jsonbuf_init(&j);
		char key[16];
		snprintf(key, sizeof key, "f%d", i);
		jsonbuf_put_str(&j, key, values[i] ? values[i] : "");
		const char *t = jsonbuf_text(&j);
		size_t tl = strlen(t);
		/* Strip the object's braces: members are joined into one object. */
		if (tl >= 2 && len + tl + 2 < sizeof data) {
			if (i)
				data[len++] = ',';
			memcpy(data + len, t + 1, tl - 2);
			len += tl - 2;
		}
	}
	data[len++] = '}';
	data[len] = '\0';
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	enum status s = db_begin(db);
	if (s != ST_OK)
		return s;
	sqlite3_bind_int64(st, 1, a->user_id);
	db_bind_text(st, 2, kind);
	sqlite3_bind_int64(st, 3, ref_id);
	db_bind_text(st, 4, data);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_rollback(db);
		return db_status_of(rc);
	}
	return db_commit(db);
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

enum status draft_field(struct db *db, const char *kind, long long ref_id, int i,
                        char *out, size_t size)
{
	static const char sql[] =
		"SELECT json_extract(data, '$.f' || ?4) FROM draft WHERE user_id = ?1 AND kind = ?2 AND ref_id = ?3";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, db_actor(db)->user_id);
	db_bind_text(st, 2, kind);
	sqlite3_bind_int64(st, 3, ref_id);
	sqlite3_bind_int(st, 4, i);
	out[0] = '\0';
	enum status s = ST_NOT_FOUND;
	if (sqlite3_step(st) == SQLITE_ROW) {
		db_column_copy(st, 0, out, size);
		s = ST_OK;
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
