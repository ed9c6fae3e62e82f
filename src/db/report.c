/* The report engine: each line's events streamed from SQLite, the people
 * joined once, every breakdown counted in one pass. */
#include "db/report.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/jsonbuf.h"
#include "core/person.h"
#include "db/audit.h"
#include "db/db_private.h"

/* What each row of a line brings: the day of the event (for a line of
 * events, every day of the person's events of the period, separated by
 * commas, and how many), the person, and whether the line's SQL flags them
 * a child (REPORT_CHILDREN). Events are grouped by person before the person
 * is joined: one look-up per person, in order, instead of one per event
 * (at 2,000,000 people, 1,100,000 consultations of a year: 3 s joined one
 * by one, 0.6 s grouped). */
#define REPORT_SELECT \
	"SELECT m.day, p.sex, p.birth_date, p.birth_estimated, p.nationality, " \
	"(p.kind = 'community' OR p.community_since IS NOT NULL), "
#define REPORT_PEOPLE_FROM "0, 1 FROM (SELECT person_id, min(day) AS day FROM (%s) GROUP BY person_id) m "
#define REPORT_EVENTS_FROM \
	"0, m.n FROM (SELECT person_id, group_concat(day) AS day, count(*) AS n FROM (%s) GROUP BY person_id) m "
#define REPORT_CHILDREN_FROM \
	"m.child, 1 FROM (SELECT person_id, min(day) AS day, max(child) AS child FROM (%s) GROUP BY person_id) m "
#define REPORT_JOIN "JOIN person p ON p.id = m.person_id"
/* A line's summary for whole years (struct report_years): (person_id,
 * day, last, n) rows, a person's added up. */
#define REPORT_SUMMARY_FROM \
	"0, m.n, m.last, m.person_id FROM (SELECT person_id, min(day) AS day, max(last) AS last, sum(n) AS n FROM (%s) " \
	"GROUP BY person_id) m "
/* The days of one person (?4) among a line's rows. */
#define REPORT_DAYS_OF "SELECT day FROM (%s) WHERE person_id = ?4"
/* Things that are not people: no person to join. */
#define REPORT_ITEMS_SELECT "SELECT m.day, NULL, NULL, 0, m.grp, 0, 0, coalesce(m.n, 1) FROM (%s) m"

/* The statement of a line of kind count around its SQL, into sql[size]:
 * the length, as snprintf. summary: the line's SQL is that of a summary
 * for whole years (not for items). */
static int compose(char *sql, size_t size, enum report_count count, const char *line, bool summary)
{
	if (summary && count != REPORT_ITEMS)
		return snprintf(sql, size, REPORT_SELECT REPORT_SUMMARY_FROM REPORT_JOIN, line);
	switch (count) {
	case REPORT_PEOPLE:
		return snprintf(sql, size, REPORT_SELECT REPORT_PEOPLE_FROM REPORT_JOIN, line);
	case REPORT_CHILDREN:
	case REPORT_CHILDREN_UNACCOMPANIED:
	case REPORT_CHILDREN_ACCOMPANIED:
		return snprintf(sql, size, REPORT_SELECT REPORT_CHILDREN_FROM REPORT_JOIN, line);
	case REPORT_ITEMS:
		return snprintf(sql, size, REPORT_ITEMS_SELECT, line);
	case REPORT_EVENTS:
		break;
	}
	return snprintf(sql, size, REPORT_SELECT REPORT_EVENTS_FROM REPORT_JOIN, line);
}

/* SQLite's progress callback: asks the caller whether to go on. */
struct progress_ctx {
	report_progress_fn fn;
	void *ctx;
	int done, total;
	bool stop;
};

static int on_progress(void *arg)
{
	struct progress_ctx *p = arg;
	if (p->fn && !p->fn(p->done, p->total, p->ctx))
		p->stop = true;
	return p->stop ? 1 : 0;
}

/* A person as a row gives them. */
struct someone {
	char sex;
	const char *birth;
	bool estimated;
	const char *nat;
	bool community;
};

/* The age in years of who on day (ISO, len characters), -1 unknown; *child
 * under 18. */
static int age_on(const struct someone *who, const char *day, size_t len, bool *child)
{
	char d[16];
	struct pdate on;
	int years = -1;
	bool approx;
	*child = false;
	if (!who->birth || !day || len == 0 || len >= sizeof d)
		return -1;
	memcpy(d, day, len);
	d[len] = '\0';
	if (date_from_iso(d, &on) != DATE_OK || on.prec != DATE_DAY ||
	    !person_age(who->birth, who->estimated, &on, &years, &approx, child)) {
		*child = false;
		return -1;
	}
	return years;
}

/* Days compared as text (ISO days sort as dates). */
static int day_cmp(const char *a, size_t la, const char *b, size_t lb)
{
	int r = memcmp(a, b, la < lb ? la : lb);
	return r ? r : (la > lb) - (la < lb);
}

/* The n events of a person on the days of list (comma-separated, maybe
 * fewer than n: an event without a day counts at an unknown age) into c,
 * and the person once, at the first day, into people; either may be NULL.
 * Age is reckoned on the first and last days only when both fall in the
 * same age group (every day between does too), else on each day. */
static void add_events(const struct someone *who, const char *list, long n, struct report_counts *c,
                       struct report_counts *people)
{
	const char *first = NULL, *last = NULL;
	size_t first_len = 0, last_len = 0;
	long listed = 0;
	bool child;
	for (const char *d = list; d && *d;) {
		const char *comma = strchr(d, ',');
		size_t len = comma ? (size_t)(comma - d) : strlen(d);
		if (!first || day_cmp(d, len, first, first_len) < 0) {
			first = d;
			first_len = len;
		}
		if (!last || day_cmp(d, len, last, last_len) > 0) {
			last = d;
			last_len = len;
		}
		listed++;
		d = comma ? comma + 1 : d + len;
	}
	int years = age_on(who, first, first_len, &child);
	if (c && listed > 0) {
		int at_last = listed > 1 ? age_on(who, last, last_len, &child) : years;
		if (report_age_group(years) == report_age_group(at_last)) {
			report_counts_add_n(c, who->sex, years, who->community, who->nat, listed);
		} else {
			for (const char *d = list; *d;) {
				const char *comma = strchr(d, ',');
				size_t len = comma ? (size_t)(comma - d) : strlen(d);
				report_counts_add(c, who->sex, age_on(who, d, len, &child), who->community, who->nat);
				d = comma ? comma + 1 : d + len;
			}
		}
	}
	if (c && n > listed)
		report_counts_add_n(c, who->sex, -1, who->community, who->nat, n - listed);
	if (people)
		report_counts_add(people, who->sex, years, who->community, who->nat);
}

/* A line and its counts, computed in a pass shared with other lines. */
struct target {
	const struct report_line *line;
	struct report_counts *c;
};

/* The family of lines that one pass can count together when their SQL is
 * the same: people and events; the lines of children. */
static int family(enum report_count count)
{
	switch (count) {
	case REPORT_PEOPLE:
	case REPORT_EVENTS:
		return 1;
	case REPORT_CHILDREN:
	case REPORT_CHILDREN_UNACCOMPANIED:
	case REPORT_CHILDREN_ACCOMPANIED:
		return 2;
	case REPORT_ITEMS:
		break;
	}
	return 0;
}

/* Whether a person of a line of children counts in a line of kind count:
 * child under 18 on the day, flag the SQL's column (0, 1 flagged a child,
 * 2 flagged unaccompanied or separated). */
static bool child_counts(enum report_count count, bool child, int flag)
{
	if (!child && flag <= 0)
		return false;
	if (count == REPORT_CHILDREN_UNACCOMPANIED)
		return flag == 2;
	if (count == REPORT_CHILDREN_ACCOMPANIED)
		return flag != 2;
	return true;
}

/* Binds the period and the centre to a line's statement. */
static void bind_period(sqlite3_stmt *st, const struct report_period *period, long long centre_id)
{
	sqlite3_bind_text(st, 1, period->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, period->to, -1, SQLITE_STATIC);
	if (centre_id > 0)
		sqlite3_bind_int64(st, 3, centre_id);
	else
		sqlite3_bind_null(st, 3);
}

/* A person of a summary whose first and last days fall in different age
 * groups: their days read again from the line's own SQL (*days, prepared
 * on first use), each event aged on its day; the people at years. */
static enum status add_each_day(struct db *db, sqlite3_stmt **days, const struct target *t, int n,
                                const struct report_period *period, long long centre_id, long long person,
                                const struct someone *who, int years)
{
	if (!*days) {
		char sql[8192];
		int len = snprintf(sql, sizeof sql, REPORT_DAYS_OF, t[0].line->sql);
		if (len < 0 || (size_t)len >= sizeof sql)
			return ST_INVALID;
		int rc = sqlite3_prepare_v2(db_sqlite(db), sql, -1, days, NULL);
		if (rc != SQLITE_OK)
			return db_status_of(rc);
		bind_period(*days, period, centre_id);
	}
	sqlite3_reset(*days);
	sqlite3_bind_int64(*days, 4, person);
	int rc;
	bool child;
	while ((rc = sqlite3_step(*days)) == SQLITE_ROW) {
		const char *day = (const char *)sqlite3_column_text(*days, 0);
		int age = age_on(who, day, day ? strlen(day) : 0, &child);
		for (int i = 0; i < n; i++)
			if (t[i].line->count == REPORT_EVENTS)
				report_counts_add(t[i].c, who->sex, age, who->community, who->nat);
	}
	for (int i = 0; i < n; i++)
		if (t[i].line->count != REPORT_EVENTS)
			report_counts_add(t[i].c, who->sex, years, who->community, who->nat);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* Counts the n lines of t, which share their SQL, in one pass: the frame
 * of the first line, or of events when one of them is a line of events.
 * summary: through the lines' SQL for whole years (struct report_years),
 * line_sql; else line_sql is the first line's own. */
static enum status count_lines(struct db *db, const struct target *t, int n, const struct report_period *period,
                               long long centre_id, const char *line_sql, bool summary)
{
	if (n <= 0)
		return ST_OK;
	enum report_count frame = t[0].line->count;
	for (int i = 0; i < n; i++)
		if (t[i].line->count == REPORT_EVENTS)
			frame = REPORT_EVENTS;
	/* The SQL is put together from constants only: the line's own text and
	 * the engine's frame; every value is bound. */
	char sql[8192];
	int len = compose(sql, sizeof sql, frame, line_sql, summary);
	if (len < 0 || (size_t)len >= sizeof sql)
		return ST_INVALID;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		return db_status_of(rc);
	}
	bind_period(st, period, centre_id);
	sqlite3_stmt *days = NULL;
	enum status s = ST_OK;
	summary = summary && frame != REPORT_ITEMS;
	while (s == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *day = (const char *)sqlite3_column_text(st, 0);
		const char *sex = (const char *)sqlite3_column_text(st, 1);
		struct someone who = {
			sex ? sex[0] : '?',
			(const char *)sqlite3_column_text(st, 2),
			sqlite3_column_int(st, 3) != 0,
			(const char *)sqlite3_column_text(st, 4),
			sqlite3_column_int(st, 5) != 0,
		};
		long count = (long)sqlite3_column_int64(st, 7);
		if (summary) {
			/* Every event at the age of the first day when the last
			 * falls in the same group (every day between does too). */
			bool child;
			const char *last = (const char *)sqlite3_column_text(st, 8);
			int years = age_on(&who, day, day ? strlen(day) : 0, &child);
			int at_last = age_on(&who, last, last ? strlen(last) : 0, &child);
			if (report_age_group(years) != report_age_group(at_last)) {
				s = add_each_day(db, &days, t, n, period, centre_id, sqlite3_column_int64(st, 9), &who, years);
				continue;
			}
			for (int i = 0; i < n; i++)
				report_counts_add_n(t[i].c, who.sex, years, who.community, who.nat,
				                    t[i].line->count == REPORT_EVENTS ? count : 1);
			continue;
		}
		if (frame == REPORT_EVENTS) {
			/* Every day for the line of events, the first for the others. */
			for (int i = 0; i < n; i++)
				if (t[i].line->count == REPORT_EVENTS)
					add_events(&who, day, count, t[i].c, NULL);
				else
					add_events(&who, day, count, NULL, t[i].c);
			continue;
		}
		bool child;
		int years = age_on(&who, day, day ? strlen(day) : 0, &child);
		int flag = sqlite3_column_int(st, 6);
		for (int i = 0; i < n; i++)
			if (family(t[i].line->count) != 2 || child_counts(t[i].line->count, child, flag))
				report_counts_add_n(t[i].c, who.sex, years, who.community, who.nat, count);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(days);
	if (s != ST_OK)
		return s;
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* The pass of def (struct report_pass) that counts line i, with the
 * index of each of its lines in idx[] and their number in *n; NULL for
 * none, or when one of its keys names no line of def. */
static const struct report_pass *pass_of(const struct report_def *def, int i, int total, int idx[REPORT_PASS_MAX],
                                         int *n)
{
	for (const struct report_pass *ps = def->passes; ps && ps->sql; ps++) {
		bool mine = false;
		*n = 0;
		for (int k = 0; k < REPORT_PASS_MAX && ps->keys[k]; k++) {
			idx[k] = -1;
			for (int j = 0; j < total; j++)
				if (strcmp(def->lines[j].key, ps->keys[k]) == 0)
					idx[k] = j;
			if (idx[k] < 0 || family(def->lines[idx[k]].count) != 1)
				break;
			mine = mine || idx[k] == i;
			(*n)++;
		}
		if (mine && (*n == REPORT_PASS_MAX || !ps->keys[*n]))
			return ps;
	}
	return NULL;
}

/* Counts the n lines of pass ps (lines idx[] of def) in one pass: for
 * each line k, the first day (a line of people) or every day (events) of
 * the person's rows in it, and how many. */
static enum status count_pass(struct db *db, const struct report_def *def, const struct report_pass *ps,
                              const int *idx, int n, struct report_result *out,
                              const struct report_period *period, long long centre_id)
{
	char sql[16384];
	size_t len = (size_t)snprintf(sql, sizeof sql, "SELECT p.sex, p.birth_date, p.birth_estimated, p.nationality, "
	                              "(p.kind = 'community' OR p.community_since IS NOT NULL)");
	for (int k = 0; k < n && len < sizeof sql; k++)
		len += (size_t)snprintf(sql + len, sizeof sql - len, ", m.d%d, m.n%d", k, k);
	if (len < sizeof sql)
		len += (size_t)snprintf(sql + len, sizeof sql - len, " FROM (SELECT person_id");
	for (int k = 0; k < n && len < sizeof sql; k++)
		if (ps->rows_per_event)
			len += (size_t)snprintf(sql + len, sizeof sql - len,
			                        ", CASE WHEN lines & %d THEN day END AS d%d, lines & %d <> 0 AS n%d", 1 << k, k,
			                        1 << k, k);
		else if (ps->every_row & (1u << k))
			len += (size_t)snprintf(sql + len, sizeof sql - len, ", %s(day) AS d%d, count(*) AS n%d",
			                        def->lines[idx[k]].count == REPORT_EVENTS ? "group_concat" : "min", k, k);
		else
			len += (size_t)snprintf(sql + len, sizeof sql - len,
			                        ", %s(CASE WHEN lines & %d THEN day END) AS d%d, "
			                        "count(CASE WHEN lines & %d THEN 1 END) AS n%d",
			                        def->lines[idx[k]].count == REPORT_EVENTS ? "group_concat" : "min", 1 << k, k,
			                        1 << k, k);
	if (len < sizeof sql)
		len += (size_t)snprintf(sql + len, sizeof sql - len, " FROM (%s)%s) m " REPORT_JOIN, ps->sql,
		                        ps->rows_per_event ? "" : " GROUP BY person_id");
	if (len >= sizeof sql)
		return ST_INVALID;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		return db_status_of(rc);
	}
	bind_period(st, period, centre_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *sex = (const char *)sqlite3_column_text(st, 0);
		struct someone who = {
			sex ? sex[0] : '?',
			(const char *)sqlite3_column_text(st, 1),
			sqlite3_column_int(st, 2) != 0,
			(const char *)sqlite3_column_text(st, 3),
			sqlite3_column_int(st, 4) != 0,
		};
		for (int k = 0; k < n; k++) {
			long count = (long)sqlite3_column_int64(st, 6 + 2 * k);
			if (count <= 0)
				continue;
			const char *day = (const char *)sqlite3_column_text(st, 5 + 2 * k);
			struct report_counts *c = &out->lines[idx[k]];
			if (def->lines[idx[k]].count == REPORT_EVENTS) {
				add_events(&who, day, count, c, NULL);
			} else {
				bool child;
				report_counts_add(c, who.sex, age_on(&who, day, day ? strlen(day) : 0, &child), who.community,
				                  who.nat);
			}
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* Whether period is whole years: from a 1 January to a later one. */
static bool whole_years(const struct report_period *period)
{
	return strlen(period->from) == 10 && strlen(period->to) == 10 && strcmp(period->from + 4, "-01-01") == 0 &&
	       strcmp(period->to + 4, "-01-01") == 0 && strcmp(period->from, period->to) < 0;
}

/* The SQL line i of def is counted with in period: its summary for whole
 * years (*summary) when the table gives one, else its own. */
static const char *line_sql(const struct report_def *def, int i, const struct report_period *period, bool *summary)
{
	*summary = false;
	if (def->years && whole_years(period))
		for (const struct report_years *y = def->years; y->key; y++)
			if (strcmp(y->key, def->lines[i].key) == 0 && y->sql) {
				*summary = true;
				return y->sql;
			}
	return def->lines[i].sql;
}

static double seconds_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One of the permissions of mask, or ST_DENIED (the first refused is audited). */
static enum status require_any(struct db *db, unsigned mask)
{
	if (perm_allows_any(db_actor(db)->role, mask))
		return ST_OK;
	for (int p = 0; p < PERM_COUNT_; p++)
		if (mask & PERM_BIT(p))
			return db_require(db, (enum perm)p);
	return db_require(db, PERM_REPORTS);
}

/* The computation in the trail: which table, period and centre. */
static enum status audit_report(struct db *db, const struct report_result *r)
{
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_str(&j, "table", r->def->name);
	jsonbuf_put_str(&j, "period", r->period.text);
	jsonbuf_put_str(&j, "centre", r->centre);
	enum status s = db_begin(db);
	if (s == ST_OK)
		s = db_finish(db, audit_log(db, "report", "report", 0, jsonbuf_text(&j)));
	return s;
}

enum status report_compute(struct db *db, const struct report_def *def, const struct report_period *period,
                           const char *centre_code, report_progress_fn progress, void *ctx,
                           struct report_result *out)
{
	memset(out, 0, sizeof *out);
	out->def = def;
	out->period = *period;
	enum status s = require_any(db, def->perms);
	if (s != ST_OK)
		return s;
	int total = 0;
	while (def->lines[total].key)
		total++;
	if (total > REPORT_LINES_MAX)
		return ST_INVALID;
	long long centre_id = 0;
	if (centre_code && *centre_code) {
		centre_id = db_centre_id(db, centre_code);
		if (centre_id <= 0)
			return ST_NOT_FOUND;
		snprintf(out->centre, sizeof out->centre, "%s", centre_code);
	}
	double t0 = seconds_now();
	struct progress_ctx pc = { progress, ctx, 0, total, false };
	sqlite3 *sql = db_sqlite(db);
	/* One read snapshot for every line: the lines of a table agree. */
	s = db_status_of(sqlite3_exec(sql, "BEGIN DEFERRED", NULL, NULL, NULL));
	if (s != ST_OK)
		return s;
	bool done[REPORT_LINES_MAX] = { false };
	sqlite3_progress_handler(sql, 20000, on_progress, &pc);
	for (int i = 0; i < total && s == ST_OK; i++) {
		pc.done = i;
		if (progress && !progress(i, total, ctx))
			pc.stop = true;
		if (pc.stop)
			break;
		/* The lines of a pass (struct report_pass) together. */
		int idx[REPORT_PASS_MAX], in_pass = 0;
		bool from_summary;
		const struct report_pass *ps = done[i] ? NULL : pass_of(def, i, total, idx, &in_pass);
		for (int k = 0; ps && k < in_pass; k++) {
			line_sql(def, idx[k], period, &from_summary);
			if (from_summary || done[idx[k]])
				ps = NULL;
		}
		if (ps) {
			s = count_pass(db, def, ps, idx, in_pass, out, period, centre_id);
			for (int k = 0; k < in_pass; k++)
				done[idx[k]] = true;
		} else if (!done[i]) {
			/* The lines of a family on the same SQL: one pass (one line of
			 * events at most; the people's day is their first). */
			struct target t[REPORT_LINES_MAX] = { { NULL, NULL } };
			int n = 0, events = 0;
			bool summary, same;
			const char *sql_i = line_sql(def, i, period, &summary);
			for (int j = i; j < total; j++) {
				const struct report_line *l = &def->lines[j];
				if (done[j] || (j > i && (family(l->count) == 0 || family(l->count) != family(def->lines[i].count) ||
				                          strcmp(line_sql(def, j, period, &same), sql_i) != 0 ||
				                          same != summary || strcmp(l->sql, def->lines[i].sql) != 0)))
					continue;
				if (l->count == REPORT_EVENTS && events++ > 0)
					continue;
				t[n++] = (struct target){ l, &out->lines[j] };
				done[j] = true;
			}
			s = count_lines(db, t, n, period, centre_id, sql_i, summary);
		}
		out->nlines = i + 1;
	}
	sqlite3_progress_handler(sql, 0, NULL, NULL);
	sqlite3_exec(sql, "COMMIT", NULL, NULL, NULL);
	out->seconds = seconds_now() - t0;
	if (pc.stop) {
		out->cancelled = true;
		return ST_OK;
	}
	if (s != ST_OK)
		return s;
	if (progress)
		progress(total, total, ctx);
	return audit_report(db, out);
}

const struct report_def *report_find(const struct report_def *const *defs, const char *name)
{
	for (; defs && *defs; defs++)
		if (name && strcmp((*defs)->name, name) == 0)
			return *defs;
	return NULL;
}
