/* Reference lists. */
#include <stdio.h>
#include <string.h>
#include "core/text.h"
#include "db/db_private.h"
#include "db/refdata.h"

/* The three queries per kind: French names, English names, count. The
 * lists are a few hundred rows: filtering by folded name in C is cheaper
 * than keeping a folded copy in the database. */
static const char *const queries[3][3] = {
	[REF_CENTRE] = {
		"SELECT code, region_pcode, name_fr FROM centre WHERE active ORDER BY name_fr",
		"SELECT code, region_pcode, name_en FROM centre WHERE active ORDER BY name_en",
		"SELECT count(*) FROM centre",
	},
	[REF_COUNTRY] = {
		"SELECT iso3, iso2, name_fr FROM country ORDER BY name_fr",
		"SELECT iso3, iso2, name_en FROM country ORDER BY name_en",
		"SELECT count(*) FROM country",
	},
	[REF_LANGUAGE] = {
		"SELECT code, iso1, name_fr FROM language ORDER BY name_fr",
		"SELECT code, iso1, name_en FROM language ORDER BY name_en",
		"SELECT count(*) FROM language",
	},
};

/* True when row matches filter by code or by a word of its name. */
static bool row_matches(const struct ref_row *row, const char *filter)
{
	if (!filter || !*filter)
		return true;
	return text_fold_match(row->code, filter) || text_fold_match(row->name, filter);
}

enum status ref_page(struct db *db, enum ref_kind kind, const char *lang, const char *filter,
                     int offset, int limit, void (*cb)(const struct ref_row *row, void *ctx),
                     void *ctx, bool *more)
{
	if ((int)kind < 0 || kind > REF_LANGUAGE || offset < 0 || limit < 0)
		return ST_INVALID;
	bool en = lang && strcmp(lang, "en") == 0;
	sqlite3_stmt *st = db_stmt(db, queries[kind][en ? 1 : 0]);
	if (!st)
		return ST_INTERNAL;
	int seen = 0, given = 0, rc;
	*more = false;
	struct ref_row row;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_column_copy(st, 0, row.code, sizeof row.code);
		db_column_copy(st, 1, row.alt, sizeof row.alt);
		db_column_copy(st, 2, row.name, sizeof row.name);
		if (!row_matches(&row, filter))
			continue;
		if (seen++ < offset)
			continue;
		if (given == limit) {
			*more = true;
			break;
		}
		cb(&row, ctx);
		given++;
	}
	sqlite3_reset(st);
	return (rc == SQLITE_ROW || rc == SQLITE_DONE) ? ST_OK : db_status_of(rc);
}

enum status ref_centre_name(struct db *db, const char *code, const char *lang,
                            char *out, size_t size)
{
	static const char sql[] = "SELECT name_fr, name_en FROM centre WHERE code = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, code);
	enum status s = ST_NOT_FOUND;
	out[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW) {
		db_column_copy(st, lang && strcmp(lang, "en") == 0 ? 1 : 0, out, size);
		s = ST_OK;
	}
	sqlite3_reset(st);
	return s;
}

long ref_count(struct db *db, enum ref_kind kind)
{
	if ((int)kind < 0 || kind > REF_LANGUAGE)
		return -1;
	sqlite3_stmt *st = db_stmt(db, queries[kind][2]);
	if (!st)
		return -1;
	long n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return n;
}
