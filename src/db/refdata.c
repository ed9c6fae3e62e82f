/* Reference lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/text.h"
#include "db/db_private.h"
#include "db/refdata.h"

/* The three queries per kind: French names, English names, count. The
 * lists are a few hundred rows: filtering by folded name in C is cheaper
 * than keeping a folded copy in the database. */
static const char *const queries[3][3] = {
	[REF_CENTRE] = {
		"SELECT code, region_pcode, name_fr FROM centre WHERE active ORDER BY name_fr, code",
		"SELECT code, region_pcode, name_en FROM centre WHERE active ORDER BY name_en, code",
		"SELECT count(*) FROM centre",
	},
	[REF_COUNTRY] = {
		"SELECT iso3, iso2, name_fr FROM country ORDER BY name_fr, iso3",
		"SELECT iso3, iso2, name_en FROM country ORDER BY name_en, iso3",
		"SELECT count(*) FROM country",
	},
	[REF_LANGUAGE] = {
		"SELECT code, iso1, name_fr FROM language ORDER BY name_fr, code",
		"SELECT code, iso1, name_en FROM language ORDER BY name_en, code",
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

/* Reads the current row of st into row. */
static void read_ref(sqlite3_stmt *st, struct ref_row *row)
{
	db_column_copy(st, 0, row->code, sizeof row->code);
	db_column_copy(st, 1, row->alt, sizeof row->alt);
	db_column_copy(st, 2, row->name, sizeof row->name);
}

/* The rows after key: skips up to it, then streams limit rows. */
static int page_after(sqlite3_stmt *st, const char *filter, const char *key, int limit,
                      void (*cb)(const struct ref_row *row, void *ctx), void *ctx, bool *more)
{
	bool started = !key || !*key;
	int given = 0, rc;
	struct ref_row row;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_ref(st, &row);
		if (!started) {
			started = strcmp(row.code, key) == 0;
			continue;
		}
		if (!row_matches(&row, filter))
			continue;
		if (given == limit) {
			*more = true;
			break;
		}
		cb(&row, ctx);
		given++;
	}
	return rc;
}

/* The rows before key (or the last ones): the latest limit matches are
 * kept in a ring while walking, then given in order. */
static int page_before(sqlite3_stmt *st, const char *filter, const char *key, int limit,
                       struct ref_row *ring, void (*cb)(const struct ref_row *row, void *ctx),
                       void *ctx, bool *more)
{
	long seen = 0;
	int rc;
	struct ref_row row;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_ref(st, &row);
		if (key && *key && strcmp(row.code, key) == 0)
			break;
		if (!row_matches(&row, filter))
			continue;
		if (limit > 0)
			ring[seen % limit] = row;
		seen++;
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	*more = seen > limit;
	long first = seen > limit ? seen - limit : 0;
	if (rc == SQLITE_DONE)
		for (long i = first; i < seen; i++)
			cb(&ring[i % limit], ctx);
	return rc;
}

enum status ref_page(struct db *db, enum ref_kind kind, const char *lang, const char *filter,
                     enum page_dir dir, const char *key, int limit,
                     void (*cb)(const struct ref_row *row, void *ctx), void *ctx, bool *more)
{
	*more = false;
	if ((int)kind < 0 || kind > REF_LANGUAGE || limit < 0 || (dir != PAGE_AFTER && dir != PAGE_BEFORE))
		return ST_INVALID;
	struct ref_row *ring = NULL;
	if (dir == PAGE_BEFORE) {
		/* No page is longer than the list itself. */
		long rows = ref_count(db, kind);
		if (rows < 0)
			return ST_INTERNAL;
		size_t n = (size_t)(limit < rows ? limit : rows);
		if (n && !(ring = malloc(n * sizeof *ring)))
			return ST_NOMEM;
		if ((long)limit > rows)
			limit = (int)rows;
	}
	bool en = lang && strcmp(lang, "en") == 0;
	sqlite3_stmt *st = db_stmt(db, queries[kind][en ? 1 : 0]);
	if (!st) {
		free(ring);
		return ST_INTERNAL;
	}
	int rc = dir == PAGE_AFTER ? page_after(st, filter, key, limit, cb, ctx, more)
	                           : page_before(st, filter, key, limit, ring, cb, ctx, more);
	sqlite3_reset(st);
	free(ring);
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

enum status ref_name(struct db *db, enum ref_kind kind, const char *code, const char *lang,
                     char *out, size_t size)
{
	sqlite3_stmt *st;
	if (kind == REF_COUNTRY)
		st = db_stmt(db, "SELECT name_fr, name_en FROM country WHERE iso3 = ?1");
	else if (kind == REF_LANGUAGE)
		st = db_stmt(db, "SELECT name_fr, name_en FROM language WHERE code = ?1");
	else
		return ref_centre_name(db, code, lang, out, size);
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

const char *ref_namer_country(const char *iso3, void *ctx)
{
	struct ref_namer *n = ctx;
	if (ref_name(n->db, REF_COUNTRY, iso3, n->lang, n->name, sizeof n->name) != ST_OK || !n->name[0])
		return NULL;
	return n->name;
}
