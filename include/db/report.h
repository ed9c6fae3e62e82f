#ifndef TAIMAKO_DB_REPORT_H
#define TAIMAKO_DB_REPORT_H
/* The report engine: a table is a list of lines, each counting different
 * people or events of a period at one centre or all, broken down every
 * way at once (core/report.h). Each module contributes its tables through
 * the registry (struct module .reports); the tables and the SQL of their
 * lines live here, in the data layer (src/db/report_<module>.c).
 *
 * A line's SQL selects one row per event: (person_id, day) — day an ISO
 * day, the event's — with ?1 the first day of the period, ?2 the day after
 * its last, ?3 the centre's id or NULL for every centre (compare with
 * `?3 IS NULL OR x.centre_id = ?3`). The engine counts each person once
 * for a REPORT_PEOPLE line (at their first event of the period: their age
 * on that day) and each row for a REPORT_EVENTS line, and joins the people
 * itself: rows are streamed, never a whole table in memory.
 *
 * Two more kinds of line:
 * - REPORT_CHILDREN: as REPORT_PEOPLE, and the SQL selects a third column
 *   `child` (0, 1 for a person flagged a child, 2 flagged unaccompanied or
 *   separated): a person counts only when under 18 on the day they count
 *   (person_age) or flagged on any row. REPORT_CHILDREN_UNACCOMPANIED
 *   counts only those flagged 2, REPORT_CHILDREN_ACCOMPANIED the others.
 * - REPORT_ITEMS: things that are not people (projects, courses, quantities
 *   handed out). The SQL selects (day, grp, n): each row adds n (NULL: 1)
 *   to the line, in the unknown sex and age; grp, an ISO alpha-3 country or
 *   NULL, shows in the nationality breakdown as a person's nationality
 *   would ("projects by country"). No person is joined: the sex, age and
 *   origin breakdowns mean nothing for such a line (its counts sit in the
 *   unknown sex and age, among migrants); show its total, or by country.
 * Lines of a table with the same SQL text are counted in one pass: a line
 * of people with a line of events, the lines of children together. */
#include <stdbool.h>
#include <stddef.h>

#include "core/report.h"
#include "core/status.h"

struct db;

struct report_line {
	const char *key;          /* stable name for exports: "unaccompanied_children" */
	const char *label;        /* msgid: "Unaccompanied or separated children" */
	const char *definition;   /* msgid: what exactly is counted, shown under the table and exported */
	enum report_count count;  /* different people or events */
	const char *hxl;          /* HXL hashtag and attributes of its figure ("#reached+children+unaccompanied") */
	const char *sql;          /* see above */
	int indent;               /* 0, or 1 for a line that is part of the one above ("of whom ..."), 2 for part of that */
};

/* A line's SQL for periods of whole years (from a 1 January to a later
 * 1 January), reading a summary kept by triggers instead of the events
 * themselves; the same counts as the line's own SQL, faster. For a line
 * of REPORT_ITEMS it selects (day, grp, n) as the line's own. For a line
 * of REPORT_PEOPLE or REPORT_EVENTS it selects (person_id, day, last, n):
 * n events of the person between the days day and last (several rows of a
 * person add up). When a person's age group on their first day differs
 * from that on their last, the engine reads their events again from the
 * line's own SQL (its rows of that person) to age each on its day. */
struct report_years {
	const char *key;          /* the line's key */
	const char *sql;
};

#define REPORT_PASS_MAX 8

/* Lines of people or events counted together in one pass over one SQL
 * (each would read much the same rows on its own): the SQL selects
 * (person_id, day, lines) as a line's would, lines the mask of the lines
 * the row belongs to (1 for keys[0], 2 for keys[1], 4 ...). The engine
 * groups the rows by person once and joins each person once; each line
 * counts as if computed alone from its rows. Not with struct report_years
 * for the same lines. When the SQL gives a person at most one row in each
 * line of people (rows_per_event: "people registered", one row per
 * person), the rows are not grouped: each joins its person (faster when
 * they come about in the people's order). */
struct report_pass {
	const char *keys[REPORT_PASS_MAX + 1];   /* the lines' keys, NULL after the last */
	const char *sql;
	bool rows_per_event;   /* no grouping: each row a person's only one in each line of people */
	unsigned every_row;    /* the mask of the lines every row belongs to (counted without testing lines) */
};

struct report_def {
	const char *name;         /* for the command line: "protection" */
	const char *title;        /* msgid */
	const char *definition;   /* msgid: the table as a whole (sources, what a period means) */
	unsigned perms;           /* PERM_BIT()s: any of them may compute it (data layer) */
	enum report_by by;        /* the breakdown shown first */
	const struct report_line *lines;   /* ends with key NULL */
	const struct report_years *years;  /* NULL, or faster SQL for whole years; ends with key NULL */
	const struct report_pass *passes;  /* NULL, or lines counted together; ends with sql NULL */
};

/* The stays of the centre (?3) overlapping the period (?1, ?2) with
 * condition `extra` on the stay s (" AND ..." or ""): (person_id, day),
 * the day that of admission or the first of the period. Three parts, each
 * on an index of migration 026, so that its cost follows the stays of the
 * period: admitted in it; admitted before and ended in it or after; still
 * open. */
#define REPORT_STAYS_SQL(extra) \
	"SELECT s.person_id, s.admitted AS day FROM stay s WHERE s.admitted >= ?1 AND s.admitted < ?2 " \
	"AND (?3 IS NULL OR s.centre_id = ?3)" extra " " \
	"UNION ALL SELECT s.person_id, ?1 FROM stay s WHERE s.departed >= ?1 AND s.admitted < ?1 " \
	"AND (?3 IS NULL OR s.centre_id = ?3)" extra " " \
	"UNION ALL SELECT s.person_id, ?1 FROM stay s WHERE s.departed IS NULL AND s.admitted < ?1 " \
	"AND (?3 IS NULL OR s.centre_id = ?3)" extra

#define REPORT_LINES_MAX 32

/* A computed table: counts of each line, in the order of def->lines. Big
 * (about REPORT_LINES_MAX x 5 KB): allocate it, do not put it on a stack. */
struct report_result {
	const struct report_def *def;
	struct report_period period;
	char centre[16];          /* the centre's code, "" for all */
	int nlines;
	struct report_counts lines[REPORT_LINES_MAX];
	bool cancelled;           /* stopped by the progress callback: counts incomplete */
	double seconds;           /* how long it took */
};

/* Called before each line (done of total) and now and then during a long
 * one; returning false cancels the computation (result->cancelled, ST_OK). */
typedef bool (*report_progress_fn)(int done, int total, void *ctx);

/* Computes def for period at centre_code ("" all centres) into *out.
 * Needs one of def->perms (refusals audited); ST_NOT_FOUND for an unknown
 * centre; ST_INVALID for a table of more than REPORT_LINES_MAX lines. The
 * computation is recorded in the audit trail (table, period, centre). */
enum status report_compute(struct db *db, const struct report_def *def, const struct report_period *period,
                           const char *centre_code, report_progress_fn progress, void *ctx,
                           struct report_result *out);

/* The table named name among defs (NULL-terminated), or NULL. */
const struct report_def *report_find(const struct report_def *const *defs, const char *name);

#endif
