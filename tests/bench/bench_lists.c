/* Benchmark of paging by key: the audit screen's End key on trails of
 * different lengths. End must cost the same on 1,000,000 audit rows as on
 * 1,000: the list widget asks its source for the last page directly, and
 * the trail reads it from the oldest id up.
 *
 *   bench_lists DIR SIZE...
 *
 * For each SIZE, a database DIR/audit-SIZE.db holding SIZE audit rows is
 * made once (batched audit_log calls, 100,000 per transaction) and kept.
 * Then, through the same list widget and data-layer call as the audit
 * screen: End on the whole trail, End on one account's acts, and Home;
 * each the median of RUNS runs from a freshly reloaded list. Prints one
 * "KEY VALUE" line per measure on stdout (keys end with _SIZE); notes go
 * to stderr. Built by `make bench`. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/role.h"
#include "core/status.h"
#include "core/text.h"
#include "db/audit.h"
#include "db/db.h"
#include "ui/keys.h"
#include "ui/list.h"

#define RUNS 200
#define BATCH 100000
#define ACCOUNTS 10

/* Prints "bench_lists: ..." on stderr and exits with status 1. */
static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("bench_lists: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static void check(enum status st, const char *what)
{
	if (st != ST_OK)
		fail("%s: %s", what, status_msgid(st));
}

/* Milliseconds on the monotonic clock. */
static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Writes n audit rows by ACCOUNTS accounts in turn, BATCH per transaction. */
static void generate(const char *path, long n)
{
	struct db *db;
	char detail[256], name[32], changes[96];
	check(db_open(path, DB_CREATE, &db, detail, sizeof detail), path);
	double start = now_ms();
	for (long done = 0; done < n;) {
		check(db_begin(db), "begin");
		for (long i = 0; i < BATCH && done < n; i++, done++) {
			snprintf(name, sizeof name, "clerk%ld", done % ACCOUNTS);
			db_set_actor(db, 0, name, ROLE_INTAKE, "bench");
			snprintf(changes, sizeof changes, "{\"phone\": [null, \"+227 90 %02ld %02ld %02ld\"]}",
			         done / 10000 % 100, done / 100 % 100, done % 100);
			check(audit_log(db, "update", "person", done / 4 + 1, changes), "audit_log");
		}
		check(db_commit(db), "commit");
	}
	fprintf(stderr, "bench_lists: %ld audit rows written in %.1f s\n", n, (now_ms() - start) / 1e3);
	db_close(&db);
}

struct source {
	struct db *db;
	struct audit_filter filter;
};

struct fill {
	struct list_row *rows;
	int n;
};

/* Formats a row as the audit screen does. */
static void add_row(const struct audit_row *a, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	r->key.id = a->id;
	snprintf(r->cells[0], sizeof r->cells[0], "%.10s %.5s", a->at, a->at + (strlen(a->at) > 11 ? 11 : 0));
	snprintf(r->cells[1], sizeof r->cells[1], "%s", a->user_name);
	snprintf(r->cells[2], sizeof r->cells[2], "%s", a->action);
	snprintf(r->cells[3], sizeof r->cells[3], "%s #%lld", a->entity, a->entity_id);
	text_fit(a->changes, LIST_CELL - 1, r->cells[4], sizeof r->cells[4]);
}

/* The audit screen's source: audit_page, by id either way. */
static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct source *s = ctx;
	struct fill f = { rows, 0 };
	enum status st = audit_page(s->db, &s->filter, dir, key ? key->id : 0, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static void keep_id(const struct audit_row *a, void *ctx)
{
	*(long long *)ctx = a->id;
}

/* The id of the oldest row matching the source's filter. */
static long long oldest(struct source *s)
{
	long long id = 0;
	bool more;
	check(audit_page(s->db, &s->filter, PAGE_BEFORE, 0, 1, keep_id, &id, &more), "audit_page");
	return id;
}

static const struct list_column columns[] = {
	{ "When", 16, false }, { "Account", 12, false }, { "Action", 14, false },
	{ "Record", 14, false }, { "Changes", 0, false },
};

/* Median milliseconds of key pressed on a freshly reloaded list; checks
 * that the selection lands on the row with id want (0: any row). */
static double median_key(struct list *l, int key, long long want)
{
	static double t[RUNS];
	for (int i = 0; i < RUNS; i++) {
		list_reload(l);
		double start = now_ms();
		list_key(l, key);
		const struct list_row *row = list_current(l);
		t[i] = now_ms() - start;
		if (!row || (want && row->key.id != want))
			fail("the key did not reach row %lld", want);
	}
	qsort(t, RUNS, sizeof *t, by_value);
	return t[RUNS / 2];
}

int main(int argc, char **argv)
{
	if (argc < 3)
		fail("usage: bench_lists DIR SIZE...");
	for (int a = 2; a < argc; a++) {
		long n = atol(argv[a]);
		if (n < 1)
			fail("bad size %s", argv[a]);
		char path[4096], detail[256];
		snprintf(path, sizeof path, "%s/audit-%ld.db", argv[1], n);
		struct stat sb;
		if (stat(path, &sb) != 0) {
			char tmp[4200];
			snprintf(tmp, sizeof tmp, "%s.new", path);
			db_remove_files(tmp);
			generate(tmp, n);
			if (rename(tmp, path) != 0)
				fail("cannot rename %s", tmp);
		}
		struct source src = { 0 };
		check(db_open(path, DB_EXISTING, &src.db, detail, sizeof detail), path);
		db_set_actor(src.db, 0, "bench", ROLE_ADMIN, "bench");
		long long rows = audit_count(src.db);
		struct list *l = calloc(1, sizeof *l);
		if (!l)
			fail("out of memory");
		list_init(l, columns, 5, fetch, &src);
		l->rows_shown = 20;
		printf("audit_rows_%ld %lld\n", n, rows);
		printf("audit_end_ms_%ld %.3f\n", n, median_key(l, UI_KEYCODE(KEY_END), oldest(&src)));
		printf("audit_home_ms_%ld %.3f\n", n, median_key(l, UI_KEYCODE(KEY_HOME), 0));
		src.filter.user_name = "clerk7";
		printf("audit_end_account_ms_%ld %.3f\n", n, median_key(l, UI_KEYCODE(KEY_END), oldest(&src)));
		free(l);
		db_close(&src.db);
	}
	return 0;
}
