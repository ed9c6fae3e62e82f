/* Benchmark of the report tables on an existing Taimako database (made by
 * `taimako demo`): each table of every module computed for its busiest
 * year, over all centres and for the busiest centre, as the demo manager.
 *
 *   bench_report DB [--readonly]
 *
 * The busiest year is the one with the most stays overlapping it (read
 * once, untimed); the busiest centre the one with the most stays. Each
 * computation runs RUNS times; the median is printed. Prints one
 * "KEY VALUE UNIT" line per measure on stdout ("report_<table>_all_ms",
 * "report_<table>_centre_ms"); notes go to stderr. --readonly opens the
 * database without writing (the audit row of a computation then fails:
 * the time is still the table's). At SQLite's default cache size.
 * BENCH_ONLY=name measures that table alone, BENCH_YEAR=YYYY that year, BENCH_CHECK=1 compares the
 * tables read from a summary for whole years or in shared passes with their lines' own SQL; the "_cpu_ms" lines give the
 * process's CPU time (on a loaded machine, the wall clock's counts the
 * time spent waiting for a core). */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/perm.h"
#include "core/role.h"
#include "db/db.h"
#include "db/report.h"
#include "ui/module.h"

#define RUNS 3

static const char *db_file;
static bool readonly;

static void fail(const char *what)
{
	fprintf(stderr, "bench_report: %s\n", what);
	exit(1);
}

static long long one(sqlite3 *h, const char *sql, char *text, size_t size)
{
	sqlite3_stmt *st;
	long long v = -1;
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		v = sqlite3_column_int64(st, 0);
		if (text)
			snprintf(text, size, "%s", sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : "");
	}
	sqlite3_finalize(st);
	return v;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

struct ctx {
	struct db *db;
	struct report_period year;
	char centre[16];
	struct report_result *r;
};

static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The median of RUNS computations of def in ms (-1 on failure), and of
 * their CPU time into *cpu_ms. */
static double measure(struct ctx *c, const struct report_def *def, const char *centre, double *cpu_ms)
{
	double t[RUNS], u[RUNS];
	for (int i = 0; i < RUNS; i++) {
		double u0 = cpu_now();
		enum status s = report_compute(c->db, def, &c->year, centre, NULL, NULL, c->r);
		u[i] = (cpu_now() - u0) * 1000.0;
		if (s != ST_OK && !(readonly && c->r->nlines > 0)) {
			fprintf(stderr, "%s: status %d\n", def->name, (int)s);
			return -1;
		}
		t[i] = c->r->seconds * 1000.0;
	}
	qsort(t, RUNS, sizeof t[0], cmp_double);
	qsort(u, RUNS, sizeof u[0], cmp_double);
	*cpu_ms = u[RUNS / 2];
	return t[RUNS / 2];
}

/* BENCH_CHECK: a table with SQL for whole years or lines counted in one
 * pass gives the same counts through each line's own SQL, every
 * breakdown, over all centres and at the busiest ("report_<table>_same 1"). */
static void check_fast(struct ctx *c, const struct report_def *def)
{
	struct report_def plain = *def;
	plain.years = NULL;
	plain.passes = NULL;
	struct report_result *slow = malloc(sizeof *slow);
	if (!slow)
		fail("out of memory");
	bool same = true;
	for (int k = 0; k < 2; k++) {
		const char *centre = k ? c->centre : "";
		if (report_compute(c->db, def, &c->year, centre, NULL, NULL, c->r) != ST_OK ||
		    report_compute(c->db, &plain, &c->year, centre, NULL, NULL, slow) != ST_OK)
			same = false;
		for (int i = 0; same && i < c->r->nlines; i++) {
			const struct report_counts *a = &c->r->lines[i], *b = &slow->lines[i];
			same = a->total == b->total && memcmp(a->cell, b->cell, sizeof a->cell) == 0 && a->nnat == b->nnat &&
			       a->nat_unknown == b->nat_unknown && a->nat_other == b->nat_other;
			for (int n = 0; same && n < a->nnat; n++) {
				int m = 0;   /* the nationalities in any order */
				while (m < b->nnat && strcmp(a->nat[n].iso3, b->nat[m].iso3) != 0)
					m++;
				same = m < b->nnat && a->nat[n].n == b->nat[m].n;
			}
			if (!same)
				fprintf(stderr, "  %s: line %s differs at '%s': %ld, %ld\n", def->name, def->lines[i].key, centre,
				        a->total, b->total);
		}
		fprintf(stderr, "  %s %s at '%s': own SQL %.1f ms\n", def->name, c->year.text, centre,
		        slow->seconds * 1000.0);
	}
	printf("report_%s_same %d bool\n", def->name, same ? 1 : 0);
	free(slow);
}

static void one_table(const struct module *m, const struct report_def *def, void *arg)
{
	struct ctx *c = arg;
	(void)m;
	const char *only = getenv("BENCH_ONLY");
	if (only && strcmp(only, def->name) != 0)
		return;
	double cpu;
	double all = measure(c, def, "", &cpu);
	long first = c->r->nlines > 0 ? c->r->lines[0].total : 0;
	printf("report_%s_all_ms %.1f ms\n", def->name, all);
	printf("report_%s_all_cpu_ms %.1f ms\n", def->name, cpu);
	fprintf(stderr, "  %s %s all centres: first line %ld\n", def->name, c->year.text, first);
	double centre = measure(c, def, c->centre, &cpu);
	printf("report_%s_centre_ms %.1f ms\n", def->name, centre);
	printf("report_%s_centre_cpu_ms %.1f ms\n", def->name, cpu);
	/* The slowest line over all centres, to see where the time goes. */
	for (int i = 0; def->lines[i].key; i++) {
		struct report_line lines[2] = { def->lines[i], { NULL, NULL, NULL, REPORT_PEOPLE, NULL, NULL, 0 } };
		struct report_def d = *def;
		d.lines = lines;
		double u0 = cpu_now();
		enum status s = report_compute(c->db, &d, &c->year, "", NULL, NULL, c->r);
		if (s == ST_OK || readonly)
			fprintf(stderr, "    %-28s %8.1f ms (CPU %6.1f ms) %ld\n", def->lines[i].key, c->r->seconds * 1000.0,
			        (cpu_now() - u0) * 1000.0, c->r->lines[0].total);
	}
	if ((def->years || def->passes) && getenv("BENCH_CHECK"))
		check_fast(c, def);
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3 || (argc == 3 && strcmp(argv[2], "--readonly") != 0)) {
		fprintf(stderr, "usage: %s DB [--readonly]\n", argv[0]);
		return 2;
	}
	db_file = argv[1];
	readonly = argc == 3;
	setvbuf(stdout, NULL, _IOLBF, 0);
	sqlite3 *h;
	char uri[4096];
	snprintf(uri, sizeof uri, "file:%s?mode=ro", db_file);
	if (sqlite3_open_v2(uri, &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
		fail("cannot read the database");
	char name[64] = "", code[16] = "", year[8] = "";
	long long manager = one(h, "SELECT id, name FROM app_user WHERE role = 'manager' ORDER BY id LIMIT 1", name,
	                        sizeof name);
	if (manager <= 0)
		fail("no manager account (a demo database is needed)");
	one(h, "SELECT count(*), substr(admitted, 1, 4) FROM stay GROUP BY 2 ORDER BY 1 DESC LIMIT 1", year, sizeof year);
	one(h, "SELECT count(*), c.code FROM stay s JOIN centre c ON c.id = s.centre_id GROUP BY c.id ORDER BY 1 DESC "
	       "LIMIT 1", code, sizeof code);
	long long persons = one(h, "SELECT count(*) FROM person", NULL, 0);
	sqlite3_close(h);
	printf("persons %lld count\n", persons);

	struct ctx c = { 0 };
	char detail[256] = "";
	if (db_open(db_file, readonly ? DB_READONLY : DB_EXISTING, &c.db, detail, sizeof detail) != ST_OK) {
		fprintf(stderr, "%s\n", detail);
		fail("cannot open the database");
	}
	/* As the demo manager, without the password. */
	db_set_actor(c.db, manager, name, ROLE_MANAGER, "bench");
	if (getenv("BENCH_YEAR"))
		snprintf(year, sizeof year, "%.4s", getenv("BENCH_YEAR"));
	if (!report_period_parse(year, &c.year))
		fail("no stays to find a year");
	snprintf(c.centre, sizeof c.centre, "%s", code);
	c.r = malloc(sizeof *c.r);
	if (!c.r)
		fail("out of memory");
	fprintf(stderr, "year %s, busiest centre %s\n", year, code);
	module_reports_each(module_table, one_table, &c);
	free(c.r);
	db_close(&c.db);
	return 0;
}
