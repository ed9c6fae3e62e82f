/* The vocational training figures of a period: people (each once) and
 * enrolments (one per person and course) of the courses that ran in it,
 * community members apart, completion, drop-outs, certificates and
 * follow-ups, and the same by trade. Each query is aggregated in SQL over
 * the (centre, start date) index of the courses and the (course, status)
 * index of the enrolments; the stream of people gives a row per person. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/person.h"
#include "core/training_vocab.h"
#include "db/db_private.h"
#include "db/psych_report.h"
#include "db/reflist.h"
#include "db/training_report.h"

bool training_period_parse(const char *text, struct training_period *out)
{
	struct psych_period p;
	memset(out, 0, sizeof *out);
	if (!psych_period_parse(text, &p))
		return false;
	snprintf(out->from, sizeof out->from, "%s", p.from);
	snprintf(out->to, sizeof out->to, "%s", p.to);
	return true;
}

int training_percent(long part, long whole)
{
	if (whole <= 0)
		return -1;
	return (int)((part * 200 + whole) / (whole * 2));
}

/* The checks every figure starts with: role, period, centre, trade. */
static enum status figures_check(struct db *db, const char *centre_code, const struct training_period *period,
                                 long long trade)
{
	static const char trade_sql[] = "SELECT 1 FROM ref_item WHERE id = ?1 AND list = '" REFLIST_TRAINING_TRADE "'";
	if (db_require(db, PERM_TRAINING_READ) != ST_OK && db_require(db, PERM_REPORTS) != ST_OK)
		return ST_DENIED;
	if (!period || !date_is_day(period->from) || !date_is_day(period->to) || strcmp(period->from, period->to) >= 0
	    || trade < 0)
		return ST_INVALID;
	if (centre_code && *centre_code && !db_centre_id(db, centre_code))
		return ST_NOT_FOUND;
	if (trade) {
		sqlite3_stmt *st = db_stmt(db, trade_sql);
		if (!st)
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, trade);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		if (rc != SQLITE_ROW)
			return rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	}
	return ST_OK;
}

/* ?1 from, ?2 to (period_end), ?3 centre code or '' for all, ?4 trade or
 * 0 for all: a course ran in the period when not cancelled, started before
 * its end (and by today) and ended on or after its first day. The centre list keeps the search on
 * training_course_by_centre even for all centres. */
#define COURSE_IN_PERIOD \
	"c.centre_id IN (SELECT id FROM centre WHERE ?3 = '' OR code = ?3) AND c.start_date < ?2 " \
	"AND c.end_date >= ?1 AND c.status <> 'cancelled' AND (?4 = 0 OR c.trade_id = ?4) "
/* Enrolments holding a place (the waiting list, applications and people
 * not selected apart). */
#define HOLDS_PLACE "e.status IN ('selected', 'enrolled', 'completed', 'certified', 'dropped_out') "

/* The first day after the period that counts: its end, or tomorrow when
 * sooner (a course that has not started yet has not run). */
static void period_end(const struct training_period *period, char out[16])
{
	struct pdate t = clock_today();
	if (++t.day > date_days_in_month(t.year, t.month)) {
		t.day = 1;
		if (++t.month > 12) {
			t.month = 1;
			t.year++;
		}
	}
	char tomorrow[16];
	date_to_iso(&t, tomorrow, sizeof tomorrow);
	snprintf(out, 16, "%s", strcmp(tomorrow, period->to) < 0 ? tomorrow : period->to);
}

static void bind_period(sqlite3_stmt *st, const char *centre_code, const struct training_period *period,
                        long long trade)
{
	char end[16];
	period_end(period, end);
	db_bind_text(st, 1, period->from);
	db_bind_text(st, 2, end);
	db_bind_text(st, 3, centre_code ? centre_code : "");
	sqlite3_bind_int64(st, 4, trade);
}

static int finish(sqlite3_stmt *st, int rc)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

static int count_courses(struct db *db, const char *centre_code, const struct training_period *period,
                         long long trade, struct training_figures *out)
{
	static const char sql[] = "SELECT count(*) FROM training_course c WHERE " COURSE_IN_PERIOD;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return SQLITE_ERROR;
	bind_period(st, centre_code, period, trade);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->courses = (long)sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	return finish(st, rc);
}

static int count_enrolments(struct db *db, const char *centre_code, const struct training_period *period,
                            long long trade, struct training_figures *out)
{
	static const char sql[] =
		"SELECT count(*), sum(p.community_since IS NOT NULL), sum(e.status IN ('completed', 'certified')), "
		"sum(e.status = 'dropped_out'), sum(e.status = 'certified' AND c.certificate = 'attendance'), "
		"sum(e.status = 'certified' AND c.certificate = 'official'), sum(e.toolkit_date IS NOT NULL) "
		"FROM training_course c JOIN training_enrolment e ON e.course_id = c.id "
		"JOIN person p ON p.id = e.person_id "
		"WHERE " COURSE_IN_PERIOD "AND " HOLDS_PLACE;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return SQLITE_ERROR;
	bind_period(st, centre_code, period, trade);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->enrolments = (long)sqlite3_column_int64(st, 0);
		out->enrolments_community = (long)sqlite3_column_int64(st, 1);
		out->completed = (long)sqlite3_column_int64(st, 2);
		out->dropped = (long)sqlite3_column_int64(st, 3);
		out->cert_attendance = (long)sqlite3_column_int64(st, 4);
		out->cert_official = (long)sqlite3_column_int64(st, 5);
		out->toolkits = (long)sqlite3_column_int64(st, 6);
		rc = SQLITE_DONE;
	}
	return finish(st, rc);
}

/* Drop-outs by reason and follow-ups by result: one short row each. */
static int count_outcomes(struct db *db, const char *centre_code, const struct training_period *period,
                          long long trade, struct training_figures *out)
{
	static const char sql[] =
		"SELECT 'd', e.dropout_reason, count(*) "
		"FROM training_course c JOIN training_enrolment e ON e.course_id = c.id "
		"WHERE " COURSE_IN_PERIOD "AND e.status = 'dropped_out' GROUP BY e.dropout_reason "
		"UNION ALL SELECT 'f', e.followup, count(*) "
		"FROM training_course c JOIN training_enrolment e ON e.course_id = c.id "
		"WHERE " COURSE_IN_PERIOD "AND " HOLDS_PLACE "AND e.followup IS NOT NULL GROUP BY e.followup";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return SQLITE_ERROR;
	bind_period(st, centre_code, period, trade);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *what = (const char *)sqlite3_column_text(st, 0);
		const char *code = (const char *)sqlite3_column_text(st, 1);
		long n = (long)sqlite3_column_int64(st, 2);
		int i;
		if (what && *what == 'd' && (i = vocab_index(VOCAB_TRAINING_DROPOUT, code)) >= 0
		    && i < TRAINING_DROPOUT_REASONS)
			out->dropout[i] += n;
		else if (what && *what == 'f' && (i = vocab_index(VOCAB_TRAINING_FOLLOWUP, code)) >= 0
		         && i < TRAINING_FOLLOWUPS)
			out->followup[i] += n;
	}
	return finish(st, rc);
}

/* The group of a person of sex on day `on` (ISO), by the program's one
 * age rule (person_age). */
static int group_at(const char *sex, const char *birth, bool estimated, const char *on)
{
	struct pdate day;
	int years;
	bool approx, child;
	bool f = sex && strcmp(sex, "f") == 0, m = sex && strcmp(sex, "m") == 0;
	if ((!f && !m) || date_from_iso(on, &day) != DATE_OK
	    || !person_age(birth, estimated, &day, &years, &approx, &child))
		return TRAINING_UNKNOWN;
	if (child)
		return m ? TRAINING_BOYS : TRAINING_GIRLS;
	return m ? TRAINING_MEN : TRAINING_WOMEN;
}

/* Streams the people, one row each with the start of their first course. */
static int count_people(struct db *db, const char *centre_code, const struct training_period *period,
                        long long trade, struct training_figures *out)
{
	static const char sql[] =
		"SELECT p.sex, coalesce(p.birth_date, ''), p.birth_estimated, p.community_since IS NOT NULL, "
		"min(c.start_date) "
		"FROM training_course c JOIN training_enrolment e ON e.course_id = c.id "
		"JOIN person p ON p.id = e.person_id "
		"WHERE " COURSE_IN_PERIOD "AND " HOLDS_PLACE "GROUP BY e.person_id";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return SQLITE_ERROR;
	bind_period(st, centre_code, period, trade);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char birth[11], first[11];
		db_column_copy(st, 1, birth, sizeof birth);
		db_column_copy(st, 4, first, sizeof first);
		int kind = sqlite3_column_int(st, 3) ? TRAINING_COMMUNITY : TRAINING_MIGRANTS;
		int g = group_at((const char *)sqlite3_column_text(st, 0), birth, sqlite3_column_int(st, 2) != 0, first);
		out->people[kind][g]++;
		out->participants++;
		if (kind == TRAINING_COMMUNITY)
			out->community++;
	}
	return finish(st, rc);
}

enum status training_figures_get(struct db *db, const char *centre_code, const struct training_period *period,
                                 long long trade, struct training_figures *out)
{
	memset(out, 0, sizeof *out);
	enum status s = figures_check(db, centre_code, period, trade);
	if (s != ST_OK)
		return s;
	int rc = count_courses(db, centre_code, period, trade, out);
	if (rc == SQLITE_DONE)
		rc = count_enrolments(db, centre_code, period, trade, out);
	if (rc == SQLITE_DONE)
		rc = count_outcomes(db, centre_code, period, trade, out);
	if (rc == SQLITE_DONE)
		rc = count_people(db, centre_code, period, trade, out);
	if (rc != SQLITE_DONE)
		memset(out, 0, sizeof *out);
	return db_status_of(rc);
}

enum status training_figures_trades(struct db *db, const char *centre_code, const struct training_period *period,
                                    long long trade, const char *lang,
                                    void (*cb)(const struct training_trade_row *row, void *ctx), void *ctx)
{
	/* Per trade: its courses (t); its enrolments grouped by person (q:
	 * each person once per trade), then by trade (u). */
	static const char sql[] =
		"WITH t AS (SELECT c.trade_id AS trade_id, count(*) AS courses FROM training_course c "
		"WHERE " COURSE_IN_PERIOD "GROUP BY c.trade_id), "
		"q AS (SELECT c.trade_id AS trade_id, e.person_id AS person_id, count(*) AS n, "
		"sum(e.status IN ('completed', 'certified')) AS done, sum(e.status = 'dropped_out') AS dropped "
		"FROM training_course c JOIN training_enrolment e ON e.course_id = c.id "
		"WHERE " COURSE_IN_PERIOD "AND " HOLDS_PLACE "GROUP BY c.trade_id, e.person_id), "
		"u AS (SELECT q.trade_id AS trade_id, count(*) AS people, sum(p.community_since IS NOT NULL) AS community, "
		"sum(q.n) AS n, sum(q.done) AS done, sum(q.dropped) AS dropped "
		"FROM q JOIN person p ON p.id = q.person_id GROUP BY q.trade_id) "
		"SELECT r.id, CASE ?5 WHEN 'fr' THEN r.name_fr ELSE r.name_en END, t.courses, coalesce(u.people, 0), "
		"coalesce(u.community, 0), coalesce(u.n, 0), coalesce(u.done, 0), coalesce(u.dropped, 0) "
		"FROM t JOIN ref_item r ON r.id = t.trade_id LEFT JOIN u ON u.trade_id = t.trade_id "
		"ORDER BY r.position, r.id";
	enum status s = figures_check(db, centre_code, period, trade);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	bind_period(st, centre_code, period, trade);
	db_bind_text(st, 5, lang && strcmp(lang, "fr") == 0 ? "fr" : "en");
	/* Collected first: the callback may use the connection. The list of
	 * trades is short. */
	struct training_trade_row *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct training_trade_row *r = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!r) {
			rc = SQLITE_NOMEM;
			break;
		}
		r->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, r->label, sizeof r->label);
		r->courses = (long)sqlite3_column_int64(st, 2);
		r->people = (long)sqlite3_column_int64(st, 3);
		r->community = (long)sqlite3_column_int64(st, 4);
		r->enrolments = (long)sqlite3_column_int64(st, 5);
		r->completed = (long)sqlite3_column_int64(st, 6);
		r->dropped = (long)sqlite3_column_int64(st, 7);
	}
	finish(st, rc);
	s = db_status_of(rc);
	for (size_t i = 0; s == ST_OK && cb && i < n; i++)
		cb(&rows[i], ctx);
	free(rows);
	return s;
}
