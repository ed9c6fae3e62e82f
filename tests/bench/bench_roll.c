/* Benchmark of the attendance roll of a psychosocial session with 1,500
 * people staying at its centre: opening it, and each key typed in its
 * filter, through the same list widget and data-layer calls as the roll
 * screen.
 *
 *   bench_roll DIR PEOPLE_DB
 *
 * DIR/roll-1500.db is made once from PEOPLE_DB (a `taimako demo`
 * database): people who are not staying anywhere are admitted at AGZ
 * until 1,500 stay there. A session is planned there on the day of the
 * run (once a day) and 300 of them are marked. Then: opening the roll (the session, its counts and the
 * list's first page), RUNS times; and typing the names of SAMPLES people
 * staying there as a facilitator does (the given name's first letters,
 * a space, the family name's), each key the list reloaded with the new
 * filter. Prints "KEY VALUE" lines (p50 and p99 by nearest rank, in ms);
 * notes go to stderr. Built by `make bench`. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include "core/clock.h"
#include "core/role.h"
#include "core/status.h"
#include "db/db.h"
#include "db/psych_session.h"
#include "db/stay.h"
#include "ui/keys.h"
#include "ui/list.h"

#define STAYING 1500
#define MARKED 300
#define RUNS 100
#define SAMPLES 100
#define LETTERS 5          /* typed of each name at most */

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("bench_roll: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void check(enum status st, const char *what)
{
	if (st != ST_OK)
		fail("%s: %s", what, status_msgid(st));
}

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

/* The p-th percentile (nearest rank) of n values; sorts them. */
static double percentile(double *v, size_t n, double p)
{
	qsort(v, n, sizeof *v, by_value);
	size_t rank = (size_t)(p * (double)n + 0.999999);
	return v[rank > 0 ? rank - 1 : 0];
}

/* A read-only look at the file, for choosing people (not measured). */
static sqlite3_stmt *ro_query(sqlite3 *ro, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(ro, sql, -1, &st, NULL) != SQLITE_OK)
		fail("%s: %s", sql, sqlite3_errmsg(ro));
	return st;
}

static void copy_file(const char *from, const char *to)
{
	/* Readable by its owner only, as the program wants its databases. */
	int fd = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	FILE *in = fopen(from, "rb"), *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!in || !out)
		fail("cannot copy %s to %s", from, to);
	char buf[1 << 16];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			fail("cannot write %s", to);
	fclose(in);
	if (fclose(out) != 0)
		fail("cannot write %s", to);
}

/* The session of today at AGZ, 0 when none. */
static void keep_first(const struct psych_session *s, void *ctx)
{
	long long *id = ctx;
	if (!*id)
		*id = s->id;
}

static long long todays_session(struct db *db, const char *today)
{
	long long id = 0;
	check(psych_session_list(db, "AGZ", today, PAGE_AFTER, NULL, 1, keep_first, &id, NULL), "session list");
	return id;
}

/* Makes path from people: STAYING people staying at AGZ from today. */
static void generate(const char *people, const char *path, const char *today)
{
	char detail[256];
	copy_file(people, path);
	struct db *db;
	check(db_open(path, DB_EXISTING, &db, detail, sizeof detail), path);
	sqlite3 *ro;
	if (sqlite3_open_v2(path, &ro, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail("cannot open %s", path);
	sqlite3_stmt *st = ro_query(ro,
		"SELECT count(*) FROM stay s JOIN centre c ON c.id = s.centre_id WHERE c.code = 'AGZ' "
		"AND s.departed IS NULL");
	sqlite3_step(st);
	int staying = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	st = ro_query(ro, "SELECT p.id FROM person p WHERE NOT EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id "
	                  "AND (s.departed IS NULL OR s.departed > ?1)) ORDER BY p.id");
	sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
	db_set_actor(db, 0, "bench", ROLE_INTAKE, "bench");
	double start = now_ms();
	while (staying < STAYING && sqlite3_step(st) == SQLITE_ROW) {
		if (stay_admit(db, sqlite3_column_int64(st, 0), "AGZ", today, NULL) == ST_OK)
			staying++;
	}
	sqlite3_finalize(st);
	if (staying < STAYING)
		fail("only %d people could stay at AGZ: a larger PEOPLE_DB is needed", staying);
	fprintf(stderr, "bench_roll: %d staying at AGZ (admitted in %.1f s)\n", staying, (now_ms() - start) / 1e3);
	sqlite3_close(ro);
	db_close(&db);
}

/* Plans the session of today at AGZ and marks MARKED of the people staying
 * there (once a day: a roll is of a day); its id. */
static long long plan_today(struct db *db, const char *path, const char *today)
{
	sqlite3 *ro;
	if (sqlite3_open_v2(path, &ro, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail("cannot open %s", path);
	struct psych_session s;
	psych_session_init(&s, "AGZ", today);
	sqlite3_stmt *st = ro_query(ro, "SELECT id FROM ref_item WHERE list = 'psych_activity' AND code = 'discussion'");
	sqlite3_step(st);
	s.activity_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	snprintf(s.title, sizeof s.title, "Groupe de parole");
	check(psych_session_save(db, &s, NULL, NULL), "session");
	st = ro_query(ro, "SELECT s.person_id FROM stay s JOIN centre c ON c.id = s.centre_id WHERE c.code = 'AGZ' "
	                  "AND s.departed IS NULL ORDER BY s.person_id");
	for (int i = 0; i < STAYING && sqlite3_step(st) == SQLITE_ROW; i++) {
		if (i % (STAYING / MARKED))
			continue;
		struct roll_row r;
		check(psych_roll_row_get(db, s.id, sqlite3_column_int64(st, 0), &r), "roll row");
		check(psych_roll_mark(db, s.id, &r, i % 3 ? "present" : "absent", NULL, NULL), "mark");
	}
	sqlite3_finalize(st);
	sqlite3_close(ro);
	return s.id;
}

/* The roll screen's list source, as in screens/psych_roll.c. */
struct source {
	struct db *db;
	long long id;
	char filter[256];
};

struct fill {
	struct list_row *rows;
	int n;
};

static void add_row(const struct roll_row *r, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *row = &f->rows[f->n++];
	snprintf(row->cells[0], sizeof row->cells[0], "%s", r->mark);
	snprintf(row->cells[1], sizeof row->cells[1], "%s", r->case_key);
	snprintf(row->cells[2], sizeof row->cells[2], "%.100s %.100s", r->family_name, r->given_names);
	row->key.id = r->person_id;
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct source *s = ctx;
	struct fill f = { rows, 0 };
	struct roll_row k;
	if (key && psych_roll_row_get(s->db, s->id, key->id, &k) != ST_OK)
		key = NULL;
	enum status st = psych_roll_page(s->db, s->id, s->filter, dir, key ? &k : NULL, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static const struct list_column columns[] = {
	{ "Mark", 12, false }, { "Case number", 15, false }, { "Name", 0, true },
};

/* Appends the first n letters (UTF-8 characters) of the first word of
 * word to out. */
static void first_letters(char *out, size_t size, const char *word, int n)
{
	size_t len = strlen(out);
	for (const unsigned char *c = (const unsigned char *)word; *c && *c != ' ' && len + 5 < size; c++) {
		if ((*c & 0xc0) != 0x80 && n-- == 0)
			break;
		out[len++] = (char)*c;
	}
	out[len] = '\0';
}

int main(int argc, char **argv)
{
	if (argc != 3)
		fail("usage: bench_roll DIR PEOPLE_DB");
	char path[4096], detail[256], today[11];
	clock_today_iso(today, sizeof today);
	snprintf(path, sizeof path, "%s/roll-%d.db", argv[1], STAYING);
	struct stat sb;
	if (stat(path, &sb) != 0) {
		char tmp[4200];
		snprintf(tmp, sizeof tmp, "%s.new", path);
		db_remove_files(tmp);
		generate(argv[2], tmp, today);
		if (rename(tmp, path) != 0)
			fail("cannot rename %s", tmp);
	}
	struct source src = { 0 };
	check(db_open(path, DB_EXISTING, &src.db, detail, sizeof detail), path);
	db_set_actor(src.db, 0, "bench", ROLE_PSYCHOSOCIAL, "bench");
	/* The roll is of a day: a file made another day gets today's session. */
	if (!(src.id = todays_session(src.db, today)))
		src.id = plan_today(src.db, path, today);
	struct roll_counts counts;
	check(psych_roll_count(src.db, src.id, &counts), "count");
	printf("roll_people %d\n", counts.listed);
	struct list *l = calloc(1, sizeof *l);
	if (!l)
		fail("out of memory");
	list_init(l, columns, 3, fetch, &src);
	l->rows_shown = 18;

	/* Opening: the session, its counts, the first page. */
	static double open_ms[RUNS];
	for (int i = 0; i < RUNS; i++) {
		struct psych_session s;
		double start = now_ms();
		check(psych_session_get(src.db, src.id, &s), "session");
		check(psych_roll_count(src.db, src.id, &counts), "count");
		list_reload(l);
		if (!list_current(l))
			fail("empty roll");
		open_ms[i] = now_ms() - start;
	}
	printf("roll_open_p50 %.3f ms\n", percentile(open_ms, RUNS, 0.50));
	printf("roll_open_p99 %.3f ms\n", percentile(open_ms, RUNS, 0.99));

	/* Typing: SAMPLES people of the roll, every SAMPLES-th by name. */
	struct roll_people {
		char family[PERSON_NAME_MAX + 1], given[PERSON_NAME_MAX + 1];
		long long id;
	} *who = calloc(SAMPLES, sizeof *who);
	sqlite3 *ro;
	if (!who || sqlite3_open_v2(path, &ro, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail("cannot sample people");
	sqlite3_stmt *st = ro_query(ro, "SELECT p.id, p.family_name, p.given_names FROM stay s JOIN person p "
	                                "ON p.id = s.person_id JOIN centre c ON c.id = s.centre_id "
	                                "WHERE c.code = 'AGZ' AND s.departed IS NULL ORDER BY s.person_id");
	int n = 0;
	for (int i = 0; n < SAMPLES && sqlite3_step(st) == SQLITE_ROW; i++) {
		if (i % (STAYING / SAMPLES))
			continue;
		who[n].id = sqlite3_column_int64(st, 0);
		snprintf(who[n].family, sizeof who[n].family, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(who[n].given, sizeof who[n].given, "%s", (const char *)sqlite3_column_text(st, 2));
		n++;
	}
	sqlite3_finalize(st);
	sqlite3_close(ro);
	static double key_ms[SAMPLES * (2 * LETTERS + 1)];
	int keys = 0, found = 0;
	for (int i = 0; i < n; i++) {
		/* "ami", then "ami d", "ami di"...: the filter after each key. */
		for (int k = 1; k <= 2 * LETTERS + 1; k++) {
			src.filter[0] = '\0';
			first_letters(src.filter, sizeof src.filter, who[i].given, k <= LETTERS ? k : LETTERS);
			if (k > LETTERS) {
				strcat(src.filter, " ");
				first_letters(src.filter, sizeof src.filter, who[i].family, k - LETTERS - 1);
			}
			double start = now_ms();
			list_reload(l);
			const struct list_row *row = list_current(l);
			key_ms[keys++] = now_ms() - start;
			if (k == 2 * LETTERS + 1 && row)
				for (int j = 0; j < l->len; j++)
					found += l->page[j].key.id == who[i].id;
		}
	}
	printf("roll_key_p50 %.3f ms\n", percentile(key_ms, (size_t)keys, 0.50));
	printf("roll_key_p99 %.3f ms\n", percentile(key_ms, (size_t)keys, 0.99));
	printf("roll_key_found %d of %d\n", found, n);
	free(who);
	free(l);
	db_close(&src.db);
	return 0;
}
