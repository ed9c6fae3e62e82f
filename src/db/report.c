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

/* What each row of a line brings: the day of the event, the person, whether
 * the line's SQL flags them a child (REPORT_CHILDREN) and how many the row
 * counts for (REPORT_ITEMS). */
#define REPORT_SELECT \
	"SELECT m.day, p.sex, p.birth_date, p.birth_estimated, p.nationality, " \
	"(p.kind = 'community' OR p.community_since IS NOT NULL), "
#define REPORT_PEOPLE_FROM "0, 1 FROM (SELECT person_id, min(day) AS day FROM (%s) GROUP BY person_id) m "
#define REPORT_EVENTS_FROM "0, 1 FROM (%s) m "
#define REPORT_CHILDREN_FROM \
	"m.child, 1 FROM (SELECT person_id, min(day) AS day, max(child) AS child FROM (%s) GROUP BY person_id) m "
/* Through a narrow index holding what the engine reads of a person (migration
 * 026): a tenth of the pages of the person table for the same people. */
#define REPORT_JOIN "JOIN person p INDEXED BY person_report ON p.id = m.person_id"
/* The same without it: a database opened read-only before migration 026. */
#define REPORT_JOIN_PLAIN "JOIN person p ON p.id = m.person_id"
/* Things that are not people: no person to join. */
#define REPORT_ITEMS_SELECT "SELECT m.day, NULL, NULL, 0, m.grp, 0, 0, coalesce(m.n, 1) FROM (%s) m"

/* The statement of a line of kind count around its SQL, into sql[size]:
 * the length, as snprintf. */
static int compose(char *sql, size_t size, enum report_count count, const char *line, bool narrow)
{
	switch (count) {
	case REPORT_PEOPLE:
		return narrow ? snprintf(sql, size, REPORT_SELECT REPORT_PEOPLE_FROM REPORT_JOIN, line)
		              : snprintf(sql, size, REPORT_SELECT REPORT_PEOPLE_FROM REPORT_JOIN_PLAIN, line);
	case REPORT_CHILDREN:
		return narrow ? snprintf(sql, size, REPORT_SELECT REPORT_CHILDREN_FROM REPORT_JOIN, line)
		              : snprintf(sql, size, REPORT_SELECT REPORT_CHILDREN_FROM REPORT_JOIN_PLAIN, line);
	case REPORT_ITEMS:
		return snprintf(sql, size, REPORT_ITEMS_SELECT, line);
	case REPORT_EVENTS:
		break;
	}
	return narrow ? snprintf(sql, size, REPORT_SELECT REPORT_EVENTS_FROM REPORT_JOIN, line)
	              : snprintf(sql, size, REPORT_SELECT REPORT_EVENTS_FROM REPORT_JOIN_PLAIN, line);
}

/* Whether the database has the engine's narrow index of people. */
static bool has_person_index(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'person_report'");
	if (!st)
		return false;
	bool yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return yes;
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

/* Counts one line into *c. */
static enum status count_line(struct db *db, const struct report_line *line, const struct report_period *period,
                              long long centre_id, bool narrow, struct report_counts *c)
{
	/* The SQL is put together from constants only: the line's own text and
	 * the engine's frame; every value is bound. */
	char sql[8192];
	int n = compose(sql, sizeof sql, line->count, line->sql, narrow);
	if (n < 0 || (size_t)n >= sizeof sql)
		return ST_INVALID;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		return db_status_of(rc);
	}
	sqlite3_bind_text(st, 1, period->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, period->to, -1, SQLITE_STATIC);
	if (centre_id > 0)
		sqlite3_bind_int64(st, 3, centre_id);
	else
		sqlite3_bind_null(st, 3);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *day = (const char *)sqlite3_column_text(st, 0);
		const char *sex = (const char *)sqlite3_column_text(st, 1);
		const char *birth = (const char *)sqlite3_column_text(st, 2);
		bool estimated = sqlite3_column_int(st, 3) != 0;
		const char *nat = (const char *)sqlite3_column_text(st, 4);
		bool community = sqlite3_column_int(st, 5) != 0;
		int years = -1;
		bool child = false;
		struct pdate on;
		if (birth && day && date_from_iso(day, &on) == DATE_OK && on.prec == DATE_DAY) {
			bool approx;
			if (!person_age(birth, estimated, &on, &years, &approx, &child)) {
				years = -1;
				child = false;
			}
		}
		/* A child line: under 18 on the day counted, or flagged a child. */
		if (line->count == REPORT_CHILDREN && !child && sqlite3_column_int(st, 6) == 0)
			continue;
		report_counts_add_n(c, sex ? sex[0] : '?', years, community, nat, (long)sqlite3_column_int64(st, 7));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
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
	bool narrow = has_person_index(db);
	sqlite3_progress_handler(sql, 20000, on_progress, &pc);
	for (int i = 0; i < total && s == ST_OK; i++) {
		pc.done = i;
		if (progress && !progress(i, total, ctx))
			pc.stop = true;
		if (pc.stop)
			break;
		s = count_line(db, &def->lines[i], period, centre_id, narrow, &out->lines[i]);
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
