/* The distribution figures (see db/dist_report.h). Each figure is one
 * statement over the servings of the period (dist_serving_by_day, or
 * dist_serving_by_centre_day for one centre), grouped in SQL: the program
 * never holds the servings or the people. */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/person.h"
#include "db/db_private.h"
#include "db/dist_report.h"

bool dist_period_parse(const char *text, struct dist_period *out)
{
	struct pdate d;
	memset(out, 0, sizeof *out);
	if (!text || date_from_iso(text, &d) != DATE_OK)
		return false;
	int y = d.year % 10000, m = d.month;
	if (d.prec == DATE_DAY && strlen(text) == 10) {
		int dd = d.day + 1, mm = m, yy = y;
		if (dd > date_days_in_month(y, m)) {
			dd = 1;
			if (++mm > 12) {
				mm = 1;
				yy++;
			}
		}
		snprintf(out->from, sizeof out->from, "%04d-%02d-%02d", y, m % 100, d.day % 100);
		snprintf(out->to, sizeof out->to, "%04d-%02d-%02d", yy % 10000, mm % 100, dd % 100);
		return true;
	}
	if (d.prec == DATE_MONTH && strlen(text) == 7) {
		snprintf(out->from, sizeof out->from, "%04d-%02d-01", y, m % 100);
		snprintf(out->to, sizeof out->to, "%04d-%02d-01", (m == 12 ? y + 1 : y) % 10000, m % 12 + 1);
		return true;
	}
	if (d.prec == DATE_YEAR && strlen(text) == 4) {
		snprintf(out->from, sizeof out->from, "%04d-01-01", y);
		snprintf(out->to, sizeof out->to, "%04d-01-01", (y + 1) % 10000);
		return true;
	}
	return false;
}

const char *dist_age_group_msgid(enum dist_age_group g)
{
	static const char *const labels[DIST_AGE_GROUPS_] = { N_("0-4"), N_("5-11"), N_("12-14"), N_("15-17"),
		                                               N_("18-24"), N_("25-59"), N_("60+"),
		                                               N_("Age not known") };
	return (unsigned)g < DIST_AGE_GROUPS_ ? labels[g] : "";
}

/* The age group of a person born on birth (estimated or not) on day on. */
static int age_group(const char *birth, bool estimated, const char *on)
{
	struct pdate day;
	int years = 0;
	bool approx = false, child = false;
	if (!birth[0] || date_from_iso(on, &day) != DATE_OK || !person_age(birth, estimated, &day, &years, &approx, &child))
		return DIST_AGE_NOT_KNOWN;
	static const int upto[] = { 5, 12, 15, 18, 25, 60 };
	for (int g = 0; g < 6; g++)
		if (years < upto[g])
			return g;
	return DIST_AGE_60;
}

/* The role, the period, the centre (its id into *centre, 0 all). */
static enum status figures_check(struct db *db, const char *centre_code, const struct dist_period *period,
                                 long long *centre)
{
	enum status r = db_require(db, PERM_REPORTS);
	if (r != ST_OK)
		return r;
	if (!period || !date_is_day(period->from) || !date_is_day(period->to) || strcmp(period->from, period->to) >= 0)
		return ST_INVALID;
	*centre = 0;
	if (centre_code && *centre_code && !(*centre = db_centre_id(db, centre_code)))
		return ST_NOT_FOUND;
	return ST_OK;
}

/* The servings of the period at the centre (?3 = 0: all), for the WHERE. */
#define IN_PERIOD "v.day >= ?1 AND v.day < ?2 AND (?3 = 0 OR v.centre_id = ?3) "
#define LIVE "v.quantity > 0 AND NOT EXISTS (SELECT 1 FROM dist_serving r WHERE r.reverses_id = v.id) "

static void bind_period(sqlite3_stmt *st, const struct dist_period *p, long long centre)
{
	db_bind_text(st, 1, p->from);
	db_bind_text(st, 2, p->to);
	sqlite3_bind_int64(st, 3, centre);
}

enum status dist_figures_get(struct db *db, const char *centre_code, const struct dist_period *period,
                             struct dist_figures *out)
{
	memset(out, 0, sizeof *out);
	long long centre;
	enum status r = figures_check(db, centre_code, period, &centre);
	if (r != ST_OK)
		return r;
	/* People: each once, by sex and their age on their first day served
	 * (person_age: a year alone, estimated or not, as everywhere). */
	static const char people[] =
		"SELECT p.sex, coalesce(p.birth_date, ''), p.birth_estimated, x.first FROM (SELECT v.person_id, "
		"min(v.day) AS first FROM dist_serving v WHERE " IN_PERIOD "AND " LIVE "GROUP BY v.person_id) x "
		"JOIN person p ON p.id = x.person_id";
	sqlite3_stmt *st = db_stmt(db, people);
	if (!st)
		return ST_INTERNAL;
	bind_period(st, period, centre);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *sex = (const char *)sqlite3_column_text(st, 0);
		char birth[11], first[11];
		db_column_copy(st, 1, birth, sizeof birth);
		db_column_copy(st, 3, first, sizeof first);
		int x = sex && sex[0] == 'f' ? DIST_FEMALE : sex && sex[0] == 'm' ? DIST_MALE : DIST_OTHER_SEX;
		out->people[x][age_group(birth, sqlite3_column_int(st, 2) != 0, first)]++;
		out->people_total++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	static const char counts[] =
		"SELECT coalesce(sum(v.quantity > 0 AND NOT EXISTS (SELECT 1 FROM dist_serving r WHERE r.reverses_id = v.id)), 0), "
		"coalesce(sum(v.quantity < 0), 0), coalesce(sum(v.override_reason <> '' AND NOT EXISTS (SELECT 1 FROM "
		"dist_serving r WHERE r.reverses_id = v.id)), 0) FROM dist_serving v WHERE " IN_PERIOD;
	if (!(st = db_stmt(db, counts)))
		return ST_INTERNAL;
	bind_period(st, period, centre);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->servings = (long)sqlite3_column_int64(st, 0);
		out->reversals = (long)sqlite3_column_int64(st, 1);
		out->overrides = (long)sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : db_status_of(rc);
}

enum status dist_figures_items(struct db *db, const char *centre_code, const struct dist_period *period,
                               void (*cb)(const struct dist_item_total *t, void *ctx), void *ctx)
{
	long long centre;
	enum status r = figures_check(db, centre_code, period, &centre);
	if (r != ST_OK)
		return r;
	static const char sql[] =
		"SELECT i.id, t.net, t.servings, t.reversals FROM (SELECT v.item_id, sum(v.quantity) AS net, "
		"sum(v.quantity > 0) AS servings, sum(v.quantity < 0) AS reversals FROM dist_serving v WHERE " IN_PERIOD
		"GROUP BY v.item_id) t JOIN dist_item i ON i.id = t.item_id ORDER BY i.position, i.id";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	bind_period(st, period, centre);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dist_item_total t = { sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
			                     (long)sqlite3_column_int64(st, 2), (long)sqlite3_column_int64(st, 3) };
		if (cb)
			cb(&t, ctx);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

enum status dist_figures_overrides(struct db *db, const char *centre_code, const struct dist_period *period,
                                   long long after, int limit, void (*cb)(const struct dist_override_row *r, void *ctx),
                                   void *ctx, bool *more)
{
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	long long centre;
	enum status r = figures_check(db, centre_code, period, &centre);
	if (r == ST_OK)
		r = db_require(db, PERM_DISTRIBUTION_OVERRIDE);
	if (r != ST_OK || limit <= 0)
		return r;
	static const char sql[] =
		"SELECT v.id, v.item_id, v.day, c.code, p.case_key, v.override_reason, coalesce(u.display_name, ''), "
		"EXISTS (SELECT 1 FROM dist_serving r WHERE r.reverses_id = v.id) FROM dist_serving v "
		"JOIN centre c ON c.id = v.centre_id JOIN person p ON p.id = v.person_id "
		"LEFT JOIN app_user u ON u.id = v.served_by WHERE " IN_PERIOD "AND v.override_reason <> '' AND +v.id > ?4 "
		"ORDER BY +v.id LIMIT ?5";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	bind_period(st, period, centre);
	sqlite3_bind_int64(st, 4, after);
	sqlite3_bind_int(st, 5, limit + 1);
	int rc, n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == limit) {
			*more = true;
			rc = SQLITE_DONE;
			break;
		}
		struct dist_override_row o;
		memset(&o, 0, sizeof o);
		o.id = sqlite3_column_int64(st, 0);
		o.item_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, o.day, sizeof o.day);
		db_column_copy(st, 3, o.centre, sizeof o.centre);
		db_column_copy(st, 4, o.case_key, sizeof o.case_key);
		db_column_copy(st, 5, o.reason, sizeof o.reason);
		db_column_copy(st, 6, o.served_by, sizeof o.served_by);
		o.reversed = sqlite3_column_int(st, 7) != 0;
		n++;
		if (cb)
			cb(&o, ctx);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}
