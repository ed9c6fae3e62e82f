/* Reference lists that an administrator edits: reading (the writes are in
 * reflist_edit.c). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/reflist.h"
#include "db_private.h"

#define ITEM_COLUMNS "id, list, code, name_en, name_fr, kind, position, active, version"

/* One row of ITEM_COLUMNS into *out. */
static void read_item(sqlite3_stmt *st, struct ref_item *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, out->list, sizeof out->list);
	db_column_copy(st, 2, out->code, sizeof out->code);
	db_column_copy(st, 3, out->name_en, sizeof out->name_en);
	db_column_copy(st, 4, out->name_fr, sizeof out->name_fr);
	db_column_copy(st, 5, out->kind, sizeof out->kind);
	out->position = sqlite3_column_int(st, 6);
	out->active = sqlite3_column_int(st, 7) != 0;
	out->version = sqlite3_column_int(st, 8);
}

enum status reflist_get(struct db *db, long long id, struct ref_item *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, "SELECT " ITEM_COLUMNS " FROM ref_item WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	enum status s = rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	if (rc == SQLITE_ROW)
		read_item(st, out);
	sqlite3_reset(st);
	return s;
}

enum status reflist_name(struct db *db, long long id, const char *lang, char *out, size_t size)
{
	out[0] = '\0';
	sqlite3_stmt *st = db_stmt(db, "SELECT name_fr, name_en FROM ref_item WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	enum status s = rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	if (rc == SQLITE_ROW)
		db_column_copy(st, lang && strcmp(lang, "en") == 0 ? 1 : 0, out, size);
	sqlite3_reset(st);
	return s;
}

enum status reflist_each(struct db *db, const char *list, bool with_retired,
                         void (*cb)(const struct ref_item *item, void *ctx), void *ctx)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " ITEM_COLUMNS " FROM ref_item"
	                               " WHERE list = ?1 AND (active = 1 OR ?2)"
	                               " ORDER BY position, name_en, id");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, list);
	sqlite3_bind_int(st, 2, with_retired);
	int rc;
	struct ref_item item;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_item(st, &item);
		cb(&item, ctx);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

enum status reflist_page(struct db *db, const char *list, enum page_dir dir, long long key_id, int limit,
                         void (*cb)(const struct ref_item *item, void *ctx), void *ctx, bool *more)
{
	*more = false;
	if (limit < 0 || (dir != PAGE_AFTER && dir != PAGE_BEFORE))
		return ST_INVALID;
	/* The key row's place is read where it stands now: a row moved since
	 * the page was shown still pages from where it is. */
	sqlite3_stmt *st = dir == PAGE_AFTER
		? db_stmt(db, "SELECT " ITEM_COLUMNS " FROM ref_item WHERE list = ?1 AND (?2 = 0"
		              " OR (position, name_en, id) > (SELECT position, name_en, id FROM ref_item WHERE id = ?2))"
		              " ORDER BY position, name_en, id LIMIT ?3")
		: db_stmt(db, "SELECT " ITEM_COLUMNS " FROM ref_item WHERE list = ?1 AND (?2 = 0"
		              " OR (position, name_en, id) < (SELECT position, name_en, id FROM ref_item WHERE id = ?2))"
		              " ORDER BY position DESC, name_en DESC, id DESC LIMIT ?3");
	if (!st)
		return ST_INTERNAL;
	struct ref_item *rows = limit ? calloc((size_t)limit, sizeof *rows) : NULL;
	if (limit && !rows) {
		sqlite3_reset(st);
		return ST_NOMEM;
	}
	db_bind_text(st, 1, list);
	sqlite3_bind_int64(st, 2, key_id);
	sqlite3_bind_int(st, 3, limit + 1);
	int rc, n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == limit) {
			*more = true;
			rc = SQLITE_DONE;
			break;
		}
		read_item(st, &rows[n++]);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE) {
		free(rows);
		return db_status_of(rc);
	}
	for (int i = 0; i < n; i++)
		cb(&rows[dir == PAGE_AFTER ? i : n - 1 - i], ctx);
	free(rows);
	return ST_OK;
}
