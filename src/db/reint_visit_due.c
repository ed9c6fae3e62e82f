/* The visits due soon or overdue, of one case worker or of a whole centre:
 * scheduled visits due up to REINT_DUE_AHEAD_DAYS days ahead or before
 * today, by due day. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "db/db_private.h"
#include "db/reint_visit.h"

/* The same centre rule as the payments planned: cases of the centre, and
 * projects of the centre or of no centre. */
#define DUE_SELECT \
	"SELECT v.id, coalesce(v.case_id, 0), coalesce(v.project_id, 0), coalesce(pe.id, 0), " \
	"coalesce(pe.family_name || ' ' || pe.given_names, pr.name, ''), v.kind, v.due_date, " \
	"coalesce(u.display_name, '') FROM reint_visit v LEFT JOIN reint_case c ON c.id = v.case_id " \
	"LEFT JOIN person pe ON pe.id = c.person_id LEFT JOIN reint_project pr ON pr.id = v.project_id " \
	"LEFT JOIN app_user u ON u.id = coalesce(c.caseworker_id, pr.caseworker_id) " \
	"WHERE v.status = 'scheduled' AND v.due_date <= ?1 AND (c.centre_id = ?2 OR pr.id IS NOT NULL AND " \
	"(pr.centre_id = ?2 OR pr.centre_id IS NULL)) AND (?3 = 0 OR coalesce(c.caseworker_id, pr.caseworker_id) = ?3) "

static void read_due(sqlite3_stmt *st, const char *today, struct reint_due_visit *d)
{
	memset(d, 0, sizeof *d);
	d->visit_id = sqlite3_column_int64(st, 0);
	long long c = sqlite3_column_int64(st, 1);
	d->owner = c ? (struct reint_ref){ REINT_CASE, c } : (struct reint_ref){ REINT_PROJECT, sqlite3_column_int64(st, 2) };
	d->person_id = sqlite3_column_int64(st, 3);
	db_column_copy(st, 4, d->person, sizeof d->person);
	db_column_copy(st, 5, d->kind, sizeof d->kind);
	db_column_copy(st, 6, d->due_date, sizeof d->due_date);
	db_column_copy(st, 7, d->caseworker, sizeof d->caseworker);
	d->overdue = strcmp(d->due_date, today) < 0;
}

enum status reint_visits_due(struct db *db, const char *centre_code, long long worker, enum page_dir dir,
                             const struct reint_due_visit *key, int limit,
                             void (*cb)(const struct reint_due_visit *v, void *ctx), void *ctx, bool *more)
{
	static const char after[] = DUE_SELECT "AND (v.due_date, v.id) > (?4, ?5) ORDER BY v.due_date, v.id LIMIT ?6";
	static const char before[] =
		DUE_SELECT "AND (v.due_date, v.id) < (?4, ?5) ORDER BY v.due_date DESC, v.id DESC LIMIT ?6";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r != ST_OK || limit <= 0)
		return r;
	long long centre = db_centre_id(db, centre_code ? centre_code : "");
	char today[11], until[40];
	clock_today_iso(today, sizeof today);
	time_t ahead = clock_now() + (time_t)REINT_DUE_AHEAD_DAYS * 86400;
	struct tm tm;
	localtime_r(&ahead, &tm);
	snprintf(until, sizeof until, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	bool back = dir == PAGE_BEFORE;
	sqlite3_stmt *st = db_stmt(db, back ? before : after);
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, until);
	sqlite3_bind_int64(st, 2, centre);
	sqlite3_bind_int64(st, 3, worker);
	db_bind_text(st, 4, key ? key->due_date : back ? "~" : "");
	sqlite3_bind_int64(st, 5, key ? key->visit_id : 0);
	sqlite3_bind_int(st, 6, limit + 1);
	struct reint_due_visit *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct reint_due_visit *d = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!d) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_due(st, today, d);
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
