/* The psychosocial figures of a period: sessions by activity type and by
 * partner, the different people who took part and their attendances, and
 * the head counts, kept apart. Each query is aggregated in SQL over the
 * (centre, date) index of the sessions; the one stream of people gives a
 * row per person, never the whole table at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/person.h"
#include "db/db_private.h"
#include "db/psych_report.h"
#include "db/refdata.h"

bool psych_period_parse(const char *text, struct psych_period *out)
{
	struct pdate d;
	memset(out, 0, sizeof *out);
	if (!text || date_from_iso(text, &d) != DATE_OK)
		return false;
	if (d.prec == DATE_MONTH && strlen(text) == 7) {
		snprintf(out->from, sizeof out->from, "%04d-%02d-01", d.year, d.month);
		snprintf(out->to, sizeof out->to, "%04d-%02d-01", (d.month == 12 ? d.year + 1 : d.year) % 10000, d.month % 12 + 1);
		return true;
	}
	if (d.prec == DATE_YEAR && strlen(text) == 4) {
		snprintf(out->from, sizeof out->from, "%04d-01-01", d.year);
		snprintf(out->to, sizeof out->to, "%04d-01-01", (d.year + 1) % 10000);
		return true;
	}
	return false;
}

/* The checks every figure starts with: role, period, centre. */
static enum status figures_check(struct db *db, const char *centre_code, const struct psych_period *period)
{
	if (db_require(db, PERM_PSYCH_READ) != ST_OK && db_require(db, PERM_REPORTS) != ST_OK)
		return ST_DENIED;
	if (!period || !date_is_day(period->from) || !date_is_day(period->to) || strcmp(period->from, period->to) >= 0)
		return ST_INVALID;
	if (centre_code && *centre_code && !db_centre_id(db, centre_code))
		return ST_NOT_FOUND;
	return ST_OK;
}

/* ?1 from, ?2 to, ?3 centre code or '' for all: the centre list keeps the
 * search on psych_session_by_centre even for all centres. */
#define IN_PERIOD \
	"s.centre_id IN (SELECT id FROM centre WHERE ?3 = '' OR code = ?3) AND s.date >= ?1 AND s.date < ?2 "

static void bind_period(sqlite3_stmt *st, const char *centre_code, const struct psych_period *period)
{
	db_bind_text(st, 1, period->from);
	db_bind_text(st, 2, period->to);
	db_bind_text(st, 3, centre_code ? centre_code : "");
}

enum status psych_figures_sessions(struct db *db, const char *centre_code, const struct psych_period *period,
                                   enum psych_by by, const char *lang,
                                   void (*cb)(const struct psych_session_row *row, void *ctx), void *ctx)
{
	static const char by_activity[] =
		"SELECT r.id, CASE ?4 WHEN 'fr' THEN r.name_fr ELSE r.name_en END, "
		"sum(s.status = 'held'), sum(s.status = 'cancelled') "
		"FROM psych_session s JOIN ref_item r ON r.id = s.activity_id "
		"WHERE " IN_PERIOD "AND s.status IN ('held', 'cancelled') "
		"GROUP BY r.id ORDER BY r.position, r.id";
	static const char by_partner[] =
		"SELECT coalesce(r.id, 0), coalesce(CASE ?4 WHEN 'fr' THEN r.name_fr ELSE r.name_en END, ''), "
		"sum(s.status = 'held'), sum(s.status = 'cancelled') "
		"FROM psych_session s LEFT JOIN ref_item r ON r.id = s.partner_id "
		"WHERE " IN_PERIOD "AND s.status IN ('held', 'cancelled') "
		"GROUP BY r.id ORDER BY r.id IS NULL, r.position, r.id";
	enum status s = figures_check(db, centre_code, period);
	if (s != ST_OK)
		return s;
	if (by != PSYCH_BY_ACTIVITY && by != PSYCH_BY_PARTNER)
		return ST_INVALID;
	sqlite3_stmt *st = db_stmt(db, by == PSYCH_BY_ACTIVITY ? by_activity : by_partner);
	if (!st)
		return ST_INTERNAL;
	bind_period(st, centre_code, period);
	db_bind_text(st, 4, lang && strcmp(lang, "fr") == 0 ? "fr" : "en");
	/* Collected first: the callback may use the connection. A list of
	 * activity types or partners is short. */
	struct psych_session_row *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct psych_session_row *r = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!r) {
			rc = SQLITE_NOMEM;
			break;
		}
		r->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, r->label, sizeof r->label);
		r->held = (long)sqlite3_column_int64(st, 2);
		r->cancelled = (long)sqlite3_column_int64(st, 3);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	s = db_status_of(rc);
	for (size_t i = 0; s == ST_OK && cb && i < n; i++)
		cb(&rows[i], ctx);
	free(rows);
	return s;
}

/* Sessions and head counts of the period. */
static int session_totals(struct db *db, const char *centre_code, const struct psych_period *period,
                          struct psych_figures *out)
{
	static const char sql[] =
		"SELECT sum(s.status = 'held'), sum(s.status = 'cancelled'), "
		"sum(s.status = 'held' AND s.roll = 'names'), sum(s.status = 'held' AND s.roll = 'count'), "
		"total(CASE WHEN s.status = 'held' AND s.roll = 'count' THEN s.count_boys END), "
		"total(CASE WHEN s.status = 'held' AND s.roll = 'count' THEN s.count_girls END), "
		"total(CASE WHEN s.status = 'held' AND s.roll = 'count' THEN s.count_men END), "
		"total(CASE WHEN s.status = 'held' AND s.roll = 'count' THEN s.count_women END) "
		"FROM psych_session s WHERE " IN_PERIOD;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return SQLITE_ERROR;
	bind_period(st, centre_code, period);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->held = (long)sqlite3_column_int64(st, 0);
		out->cancelled = (long)sqlite3_column_int64(st, 1);
		out->held_names = (long)sqlite3_column_int64(st, 2);
		out->held_count = (long)sqlite3_column_int64(st, 3);
		for (int i = 0; i < 4; i++) {
			out->heads[i] = (long)sqlite3_column_double(st, 4 + i);
			out->heads_total += out->heads[i];
		}
		rc = SQLITE_DONE;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

/* Nationalities met while streaming the people (at most the ISO list). */
struct nat_count {
	char code[4];
	long people;
};
#define NAT_SLOTS 320

static void nat_add(struct nat_count *tab, int *n, long *others, const char *code)
{
	for (int i = 0; i < *n; i++)
		if (strcmp(tab[i].code, code) == 0) {
			tab[i].people++;
			return;
		}
	if (*n == NAT_SLOTS) {
		(*others)++;
		return;
	}
	snprintf(tab[*n].code, sizeof tab[*n].code, "%s", code);
	tab[(*n)++].people = 1;
}

/* Most people first, then by code: the same order every time. */
static int nat_cmp(const void *a, const void *b)
{
	const struct nat_count *x = a, *y = b;
	if (x->people != y->people)
		return x->people > y->people ? -1 : 1;
	return strcmp(x->code, y->code);
}

/* The group of a person of sex on day `on` (ISO), by the program's one
 * age rule (person_age: an estimated year counts as 1 January, a known
 * year as 1 July, a month as its 15th). */
static int group_at(const char *sex, const char *birth, bool estimated, const char *on)
{
	struct pdate day;
	int years;
	bool approx, child;
	bool f = sex && strcmp(sex, "f") == 0, m = sex && strcmp(sex, "m") == 0;
	if ((!f && !m) || date_from_iso(on, &day) != DATE_OK
	    || !person_age(birth, estimated, &day, &years, &approx, &child))
		return PSYCH_UNKNOWN;
	if (child)
		return m ? PSYCH_BOYS : PSYCH_GIRLS;
	return m ? PSYCH_MEN : PSYCH_WOMEN;
}

/* Streams the people who took part, one row each with the day of their
 * first attendance in the period and their number of sessions. */
static int people_totals(struct db *db, const char *centre_code, const struct psych_period *period,
                         struct nat_count *nat, int *nat_n, struct psych_figures *out)
{
	static const char sql[] =
		"SELECT p.sex, coalesce(p.birth_date, ''), p.birth_estimated, coalesce(p.nationality, ''), "
		"min(s.date), count(*), p.community_since IS NOT NULL "
		"FROM psych_session s JOIN psych_attendance a ON a.session_id = s.id "
		"JOIN person p ON p.id = a.person_id "
		"WHERE " IN_PERIOD "AND s.status = 'held' AND s.roll = 'names' "
		"AND a.mark IN ('present', 'left_early') "
		"GROUP BY a.person_id";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return SQLITE_ERROR;
	bind_period(st, centre_code, period);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char birth[11], first[11], code[4];
		db_column_copy(st, 1, birth, sizeof birth);
		db_column_copy(st, 3, code, sizeof code);
		db_column_copy(st, 4, first, sizeof first);
		long sessions = (long)sqlite3_column_int64(st, 5);
		int g = group_at((const char *)sqlite3_column_text(st, 0), birth, sqlite3_column_int(st, 2) != 0, first);
		out->people[g]++;
		out->people_total++;
		if (sqlite3_column_int(st, 6)) {
			out->community[g]++;
			out->community_total++;
		}
		out->attendances += sessions;
		if (sessions >= out->min_sessions)
			out->people_min_sessions++;
		nat_add(nat, nat_n, &out->nat_others, code);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

enum status psych_figures_get(struct db *db, const char *centre_code, const struct psych_period *period,
                              int min_sessions, int top_n, const char *lang, struct psych_figures *out)
{
	memset(out, 0, sizeof *out);
	enum status s = figures_check(db, centre_code, period);
	if (s != ST_OK)
		return s;
	if (min_sessions < 1 || top_n < 0 || top_n > PSYCH_NAT_MAX)
		return ST_INVALID;
	out->min_sessions = min_sessions;
	struct nat_count *nat = calloc(NAT_SLOTS, sizeof *nat);
	if (!nat)
		return ST_NOMEM;
	int nat_n = 0;
	int rc = session_totals(db, centre_code, period, out);
	if (rc == SQLITE_DONE)
		rc = people_totals(db, centre_code, period, nat, &nat_n, out);
	if (rc == SQLITE_DONE) {
		qsort(nat, (size_t)nat_n, sizeof *nat, nat_cmp);
		for (int i = 0; i < nat_n; i++) {
			if (out->nat_n < top_n) {
				struct psych_nat *o = &out->nat[out->nat_n++];
				snprintf(o->code, sizeof o->code, "%s", nat[i].code);
				o->people = nat[i].people;
				if (o->code[0])
					ref_name(db, REF_COUNTRY, o->code, lang, o->name, sizeof o->name);
			} else {
				out->nat_others += nat[i].people;
			}
		}
	}
	free(nat);
	if (rc != SQLITE_DONE) {
		int min = out->min_sessions;
		memset(out, 0, sizeof *out);
		out->min_sessions = min;
	}
	return db_status_of(rc);
}
