/* The payments planned this month: tranches still planned for this month
 * or before (overdue), of the cases and projects of a centre, by day. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "db/db_private.h"
#include "db/reint_money.h"

#define DUE_SELECT \
	"SELECT t.id, coalesce(t.plan_id, 0), coalesce(t.project_id, 0), coalesce(pe.id, 0), " \
	"coalesce(pe.family_name || ' ' || pe.given_names, pr.name, ''), t.planned_date, t.planned_amount, " \
	"coalesce(pl.currency, pr.currency, ''), coalesce(u.display_name, '') FROM reint_tranche t " \
	"LEFT JOIN reint_plan pl ON pl.id = t.plan_id LEFT JOIN reint_case c ON c.id = pl.case_id " \
	"LEFT JOIN person pe ON pe.id = c.person_id LEFT JOIN reint_project pr ON pr.id = t.project_id " \
	"LEFT JOIN app_user u ON u.id = coalesce(c.caseworker_id, pr.caseworker_id) " \
	"WHERE t.status = 'planned' AND t.planned_date < ?1 AND (c.centre_id = ?2 OR pr.id IS NOT NULL AND " \
	"(pr.centre_id = ?2 OR pr.centre_id IS NULL)) "

static void read_due(sqlite3_stmt *st, const char *month, struct reint_due_payment *d)
{
	memset(d, 0, sizeof *d);
	d->tranche_id = sqlite3_column_int64(st, 0);
	long long plan = sqlite3_column_int64(st, 1);
	d->owner = plan ? (struct reint_ref){ REINT_PLAN, plan }
	                : (struct reint_ref){ REINT_PROJECT, sqlite3_column_int64(st, 2) };
	d->person_id = sqlite3_column_int64(st, 3);
	db_column_copy(st, 4, d->person, sizeof d->person);
	db_column_copy(st, 5, d->planned_date, sizeof d->planned_date);
	d->amount = sqlite3_column_int64(st, 6);
	db_column_copy(st, 7, d->currency, sizeof d->currency);
	db_column_copy(st, 8, d->caseworker, sizeof d->caseworker);
	d->overdue = strcmp(d->planned_date, month) < 0;
}

enum status reint_payments_due(struct db *db, const char *centre_code, enum page_dir dir,
                               const struct reint_due_payment *key, int limit,
                               void (*cb)(const struct reint_due_payment *p, void *ctx), void *ctx, bool *more)
{
	static const char after[] =
		DUE_SELECT "AND (t.planned_date, t.id) > (?3, ?4) ORDER BY t.planned_date, t.id LIMIT ?5";
	static const char before[] =
		DUE_SELECT "AND (t.planned_date, t.id) < (?3, ?4) ORDER BY t.planned_date DESC, t.id DESC LIMIT ?5";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r != ST_OK || limit <= 0)
		return r;
	long long centre = db_centre_id(db, centre_code ? centre_code : "");
	/* This month's first day, and the next month's: "before the next". */
	char today[11], month[32], next[32];
	clock_today_iso(today, sizeof today);
	int y = atoi(today), m = atoi(today + 5);
	snprintf(month, sizeof month, "%04d-%02d-01", y, m);
	snprintf(next, sizeof next, "%04d-%02d-01", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
	bool back = dir == PAGE_BEFORE;
	sqlite3_stmt *st = db_stmt(db, back ? before : after);
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, next);
	sqlite3_bind_int64(st, 2, centre);
	db_bind_text(st, 3, key ? key->planned_date : back ? "~" : "");
	sqlite3_bind_int64(st, 4, key ? key->tranche_id : 0);
	sqlite3_bind_int(st, 5, limit + 1);
	struct reint_due_payment *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct reint_due_payment *d = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!d) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_due(st, month, d);
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
