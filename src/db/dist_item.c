/* Distribution items and their rules, read (see db/dist_item.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/perm.h"
#include "db/db_private.h"
#include "db/dist_item.h"

#define ITEM_SELECT \
	"SELECT id, code, name_en, name_fr, kind, unit, frequency, coalesce(every_days, 0), sex, " \
	"coalesce(age_min, -1), coalesce(age_max, -1), coalesce(requires, ''), staying_only, quantity, low_stock, " \
	"active, position, version FROM dist_item "

const char *dist_item_name(const struct dist_item *it, const char *lang)
{
	return lang && strcmp(lang, "fr") == 0 ? it->name_fr : it->name_en;
}

static void item_read(sqlite3_stmt *st, struct dist_item *it)
{
	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, it->code, sizeof it->code);
	db_column_copy(st, 2, it->name_en, sizeof it->name_en);
	db_column_copy(st, 3, it->name_fr, sizeof it->name_fr);
	db_column_copy(st, 4, it->kind, sizeof it->kind);
	db_column_copy(st, 5, it->rule.unit, sizeof it->rule.unit);
	db_column_copy(st, 6, it->rule.frequency, sizeof it->rule.frequency);
	it->rule.every_days = sqlite3_column_int(st, 7);
	db_column_copy(st, 8, it->rule.sex, sizeof it->rule.sex);
	it->rule.age_min = sqlite3_column_int(st, 9);
	it->rule.age_max = sqlite3_column_int(st, 10);
	db_column_copy(st, 11, it->rule.requires, sizeof it->rule.requires);
	it->rule.staying_only = sqlite3_column_int(st, 12) != 0;
	it->quantity = sqlite3_column_int(st, 13);
	it->low_stock = sqlite3_column_int(st, 14);
	it->active = sqlite3_column_int(st, 15) != 0;
	it->position = sqlite3_column_int(st, 16);
	it->version = sqlite3_column_int(st, 17);
}

enum status dist_item_get(struct db *db, long long id, struct dist_item *out)
{
	enum status r = db_require(db, PERM_LOOKUP);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, ITEM_SELECT "WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		item_read(st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status dist_items_each(struct db *db, bool all, void (*cb)(const struct dist_item *it, void *ctx), void *ctx)
{
	enum status r = db_require(db, PERM_LOOKUP);
	if (r != ST_OK)
		return r;
	/* Read whole first: cb may run other statements. A few dozen rows. */
	sqlite3_stmt *st = db_stmt(db, ITEM_SELECT "WHERE active OR ?1 ORDER BY active DESC, position, id");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int(st, 1, all);
	struct dist_item *items = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dist_item *it = db_grow((void **)&items, &n, &cap, sizeof *items);
		if (!it) {
			rc = SQLITE_NOMEM;
			break;
		}
		item_read(st, it);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		for (size_t i = 0; i < n; i++)
			cb(&items[i], ctx);
	free(items);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}
