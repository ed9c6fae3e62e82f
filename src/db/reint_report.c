/* The reintegration figures of a period: beneficiaries by kind (each kind
 * different people, and all kinds with each person once), returnees and
 * community members, by sex and age group; projects by country and kind;
 * money planned and paid by currency. Payments and cases are read here
 * with this file's own statements. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/person.h"
#include "db/db_private.h"
#include "db/psych_report.h"
#include "db/reint_report.h"

bool reint_period_parse(const char *text, struct reint_period *out)
{
	struct psych_period p;
	memset(out, 0, sizeof *out);
	if (!psych_period_parse(text, &p))
		return false;
	snprintf(out->from, sizeof out->from, "%s", p.from);
	snprintf(out->to, sizeof out->to, "%s", p.to);
	return true;
}

static enum status figures_check(struct db *db, const char *country, const struct reint_period *period)
{
	static const char sql[] = "SELECT 1 FROM country WHERE iso3 = ?1";
	if (db_require(db, PERM_REINTEGRATION_READ) != ST_OK && db_require(db, PERM_REPORTS) != ST_OK)
		return ST_DENIED;
	if (!period || !date_is_day(period->from) || !date_is_day(period->to) || strcmp(period->from, period->to) >= 0)
		return ST_INVALID;
	if (country && *country) {
		sqlite3_stmt *st = db_stmt(db, sql);
		if (!st)
			return ST_INTERNAL;
		db_bind_text(st, 1, country);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		if (rc != SQLITE_ROW)
			return rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	}
	return ST_OK;
}

static void bind_period(sqlite3_stmt *st, const char *country, const struct reint_period *period)
{
	db_bind_text(st, 1, period->from);
	db_bind_text(st, 2, period->to);
	db_bind_text(st, 3, country ? country : "");
}

static int finish(sqlite3_stmt *st, int rc)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

/* ?1 from, ?2 to, ?3 country or '': a payment of the period not reversed. */
#define PAID_IN_PERIOD(y) \
	y ".amount > 0 AND " y ".paid_date >= ?1 AND " y ".paid_date < ?2 " \
	"AND NOT EXISTS (SELECT 1 FROM reint_payment r WHERE r.reverses_id = " y ".id) "
/* A member for part of the period. */
#define MEMBER_IN_PERIOD(m) m ".joined_date < ?2 AND (" m ".left_date IS NULL OR " m ".left_date >= ?1) "

/* The group of a person of sex on day `on` (ISO), by person_age. */
static int group_at(const char *sex, const char *birth, bool estimated, const char *on)
{
	struct pdate day;
	int years;
	bool approx, child;
	bool f = sex && strcmp(sex, "f") == 0, m = sex && strcmp(sex, "m") == 0;
	if ((!f && !m) || date_from_iso(on, &day) != DATE_OK || !person_age(birth, estimated, &day, &years, &approx, &child))
		return REINT_UNKNOWN;
	if (child)
		return m ? REINT_BOYS : REINT_GIRLS;
	return m ? REINT_MEN : REINT_WOMEN;
}

static void count(struct reint_figures *out, int kind, bool community, int group)
{
	int origin = community ? REINT_COMMUNITY_MEMBERS : REINT_RETURNEES;
	out->people[kind][origin][group]++;
	out->total[kind]++;
	if (community)
		out->community[kind]++;
}

/* Streams one row per person and kind (by person), with the day of
 * reference; the total takes each person once, at their earliest day. */
static int count_people(struct db *db, const char *country, const struct reint_period *period,
                        struct reint_figures *out)
{
	static const char sql[] =
		"WITH b(person_id, kind, day) AS ("
		"SELECT c.person_id, 0, c.return_date FROM reint_case c JOIN reint_plan pl ON pl.case_id = c.id "
		"WHERE (?3 = '' OR c.country = ?3) AND ((pl.approved_at >= ?1 AND pl.approved_at < ?2 "
		"AND pl.status <> 'cancelled') OR EXISTS (SELECT 1 FROM reint_payment y WHERE y.plan_id = pl.id AND "
		PAID_IN_PERIOD("y") ")) "
		"UNION ALL SELECT m.person_id, CASE pr.kind WHEN 'collective' THEN 1 ELSE 2 END, m.joined_date "
		"FROM reint_project pr JOIN reint_project_member m ON m.project_id = pr.id "
		"WHERE (?3 = '' OR pr.country = ?3) AND pr.status <> 'cancelled' AND " MEMBER_IN_PERIOD("m") ") "
		"SELECT b.person_id, b.kind, min(b.day), p.sex, coalesce(p.birth_date, ''), p.birth_estimated, "
		"p.community_since IS NOT NULL "
		"FROM b JOIN person p ON p.id = b.person_id GROUP BY b.person_id, b.kind ORDER BY b.person_id, b.kind";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return SQLITE_ERROR;
	bind_period(st, country, period);
	long long person = 0;
	char first[11] = "", sex[2] = "", birth[11] = "";
	bool estimated = false, community = false;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		int kind = sqlite3_column_int(st, 1);
		char day[11];
		db_column_copy(st, 2, day, sizeof day);
		if (id != person) {
			if (person)
				count(out, REINT_ALL, community, group_at(sex, birth, estimated, first));
			person = id;
			memcpy(first, day, sizeof first);
			db_column_copy(st, 3, sex, sizeof sex);
			db_column_copy(st, 4, birth, sizeof birth);
			estimated = sqlite3_column_int(st, 5) != 0;
			community = sqlite3_column_int(st, 6) != 0;
		} else if (strcmp(day, first) < 0) {
			memcpy(first, day, sizeof first);
		}
		if (kind >= REINT_INDIVIDUAL && kind <= REINT_COMMUNITY)
			count(out, kind, community, group_at(sex, birth, estimated, day));
	}
	if (person && rc == SQLITE_DONE)
		count(out, REINT_ALL, community, group_at(sex, birth, estimated, first));
	return finish(st, rc);
}

/* The projects of the period (country ?3): the common table "pr". */
#define PROJECTS_OF_PERIOD \
	"pr AS (SELECT p.id AS id, p.kind AS kind, p.country AS country FROM reint_project p " \
	"WHERE (?3 = '' OR p.country = ?3) AND p.status <> 'cancelled' AND ((p.start_date >= ?1 AND p.start_date < ?2) " \
	"OR EXISTS (SELECT 1 FROM reint_project_member m WHERE m.project_id = p.id AND " MEMBER_IN_PERIOD("m") ") " \
	"OR EXISTS (SELECT 1 FROM reint_payment y WHERE y.project_id = p.id AND y.paid_date >= ?1 " \
	"AND y.paid_date < ?2))) "

static int count_projects(struct db *db, const char *country, const struct reint_period *period,
                          struct reint_figures *out)
{
	static const char sql[] =
		"WITH " PROJECTS_OF_PERIOD "SELECT coalesce(sum(kind = 'collective'), 0), coalesce(sum(kind = 'community'), 0) "
		"FROM pr";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return SQLITE_ERROR;
	bind_period(st, country, period);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->projects[0] = (long)sqlite3_column_int64(st, 0);
		out->projects[1] = (long)sqlite3_column_int64(st, 1);
		rc = SQLITE_DONE;
	}
	return finish(st, rc);
}

enum status reint_figures_get(struct db *db, const char *country, const struct reint_period *period,
                              struct reint_figures *out)
{
	memset(out, 0, sizeof *out);
	enum status s = figures_check(db, country, period);
	if (s != ST_OK)
		return s;
	int rc = count_people(db, country, period, out);
	if (rc == SQLITE_DONE)
		rc = count_projects(db, country, period, out);
	if (rc != SQLITE_DONE)
		memset(out, 0, sizeof *out);
	return db_status_of(rc);
}

enum status reint_figures_countries(struct db *db, const char *country, const struct reint_period *period,
                                    const char *lang, void (*cb)(const struct reint_country_row *row, void *ctx),
                                    void *ctx)
{
	static const char sql[] =
		"WITH " PROJECTS_OF_PERIOD ", "
		"mm AS (SELECT pr.country AS country, count(DISTINCT m.person_id) AS n FROM pr "
		"JOIN reint_project_member m ON m.project_id = pr.id WHERE " MEMBER_IN_PERIOD("m") "GROUP BY pr.country) "
		"SELECT pr.country, CASE ?4 WHEN 'fr' THEN c.name_fr ELSE c.name_en END, sum(pr.kind = 'collective'), "
		"sum(pr.kind = 'community'), coalesce((SELECT n FROM mm WHERE mm.country = pr.country), 0) "
		"FROM pr JOIN country c ON c.iso3 = pr.country GROUP BY pr.country ORDER BY 2";
	enum status s = figures_check(db, country, period);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	bind_period(st, country, period);
	db_bind_text(st, 4, lang && strcmp(lang, "fr") == 0 ? "fr" : "en");
	/* Collected first (a few countries): the callback may use the connection. */
	struct reint_country_row *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct reint_country_row *r = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!r) {
			rc = SQLITE_NOMEM;
			break;
		}
		db_column_copy(st, 0, r->country, sizeof r->country);
		db_column_copy(st, 1, r->label, sizeof r->label);
		r->collective = (long)sqlite3_column_int64(st, 2);
		r->community = (long)sqlite3_column_int64(st, 3);
		r->members = (long)sqlite3_column_int64(st, 4);
	}
	finish(st, rc);
	s = db_status_of(rc);
	for (size_t i = 0; s == ST_OK && cb && i < n; i++)
		cb(&rows[i], ctx);
	free(rows);
	return s;
}

enum status reint_figures_money(struct db *db, const char *country, const struct reint_period *period,
                                void (*cb)(const struct reint_money_row *row, void *ctx), void *ctx)
{
	static const char sql[] =
		"WITH t(cur, planned, paid, n) AS ("
		"SELECT coalesce(pl.currency, pj.currency), tr.planned_amount, 0, 0 FROM reint_tranche tr "
		"LEFT JOIN reint_plan pl ON pl.id = tr.plan_id LEFT JOIN reint_case c ON c.id = pl.case_id "
		"LEFT JOIN reint_project pj ON pj.id = tr.project_id "
		"WHERE tr.status <> 'cancelled' AND tr.planned_date >= ?1 AND tr.planned_date < ?2 "
		"AND (?3 = '' OR coalesce(c.country, pj.country) = ?3) "
		"UNION ALL SELECT coalesce(pl.currency, pj.currency), 0, y.amount, (y.amount > 0) - (y.amount < 0) "
		"FROM reint_payment y LEFT JOIN reint_plan pl ON pl.id = y.plan_id "
		"LEFT JOIN reint_case c ON c.id = pl.case_id LEFT JOIN reint_project pj ON pj.id = y.project_id "
		"WHERE y.paid_date >= ?1 AND y.paid_date < ?2 AND (?3 = '' OR coalesce(c.country, pj.country) = ?3)) "
		"SELECT cur, sum(planned), sum(paid), sum(n) FROM t GROUP BY cur ORDER BY cur";
	enum status s = figures_check(db, country, period);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	bind_period(st, country, period);
	struct reint_money_row *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct reint_money_row *r = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!r) {
			rc = SQLITE_NOMEM;
			break;
		}
		db_column_copy(st, 0, r->currency, sizeof r->currency);
		r->planned = sqlite3_column_int64(st, 1);
		r->paid = sqlite3_column_int64(st, 2);
		r->payments = (long)sqlite3_column_int64(st, 3);
	}
	finish(st, rc);
	s = db_status_of(rc);
	for (size_t i = 0; s == ST_OK && cb && i < n; i++)
		cb(&rows[i], ctx);
	free(rows);
	return s;
}
