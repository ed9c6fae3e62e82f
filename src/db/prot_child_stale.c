/* The children whose family tracing has had no action for the set number
 * of days. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "db/db_private.h"
#include "db/prot.h"
#include "db/prot_child.h"

enum status prot_tracing_stale_days(struct db *db, int *days)
{
	*days = PROT_TRACING_STALE_DEFAULT;
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK)
		return r;
	long v = *days;
	r = db_setting_whole(db, PROT_TRACING_STALE_KEY, 1, 3650, &v);
	*days = (int)v;
	return r;
}

enum status prot_tracing_stale(struct db *db, enum page_dir dir, const struct prot_stale *key, int limit,
                               void (*cb)(const struct prot_stale *s, void *ctx), void *ctx, bool *more)
{
#define STALE_SELECT \
	"SELECT t.case_id, c.person_id, pe.family_name || ' ' || pe.given_names, t.status, " \
	"coalesce((SELECT max(a.date) FROM prot_tracing_action a WHERE a.tracing_id = t.id), t.opened) AS last, " \
	"CAST(julianday(?4) - julianday(coalesce((SELECT max(a.date) FROM prot_tracing_action a " \
	"WHERE a.tracing_id = t.id), t.opened)) AS INTEGER) " \
	"FROM prot_tracing t JOIN prot_case c ON c.id = t.case_id JOIN person pe ON pe.id = c.person_id " \
	"WHERE t.status IN ('open', 'in_progress', 'family_found', 'verified') AND c.status = 'open' " \
	"AND last <= date(?4, '-' || ?5 || ' days') "
	static const char after[] = STALE_SELECT "AND (last, t.case_id) > (?1, ?2) ORDER BY last, t.case_id LIMIT ?3";
	static const char before[] = STALE_SELECT "AND (last, t.case_id) < (?1, ?2) "
	                                          "ORDER BY last DESC, t.case_id DESC LIMIT ?3";
#undef STALE_SELECT
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	int days;
	enum status r = prot_tracing_stale_days(db, &days);
	if (r != ST_OK || limit <= 0)
		return r;
	char today[11];
	clock_today_iso(today, sizeof today);
	bool back = dir == PAGE_BEFORE;
	sqlite3_stmt *st = db_stmt(db, back ? before : after);
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, key ? key->last_day : back ? "~" : "");
	sqlite3_bind_int64(st, 2, key ? key->case_id : back ? LLONG_MAX : 0);
	sqlite3_bind_int(st, 3, limit + 1);
	db_bind_text(st, 4, today);
	sqlite3_bind_int(st, 5, days);
	struct prot_stale *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct prot_stale *s = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!s) {
			rc = SQLITE_NOMEM;
			break;
		}
		memset(s, 0, sizeof *s);
		s->case_id = sqlite3_column_int64(st, 0);
		s->person_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, s->person, sizeof s->person);
		db_column_copy(st, 3, s->status, sizeof s->status);
		db_column_copy(st, 4, s->last_day, sizeof s->last_day);
		s->days = sqlite3_column_int(st, 5);
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
