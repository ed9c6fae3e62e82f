/* Benchmark of the distribution counter on a demo database: what a
 * counter over a slow link pays for each person.
 *
 *   bench_counter TAIMAKO_BINARY DB LOCALEDIR
 *
 * Data layer (the distribution clerk signed in, as the screen calls it):
 * the lookup at the counter (the case number's person, what the counter
 * shows of them and the state of three items: food ration, water, blanket)
 * and the serving of what is due (one BEGIN IMMEDIATE transaction), each
 * over PEOPLE people staying at a centre, drawn with a fixed seed, p50 and p99 by nearest rank;
 * every serving is reversed afterwards (untimed) so that the people stay
 * due for the next run.
 * Terminal (the real binary in an 80x24 pseudo-terminal, tests/e2e/harness.c,
 * TERM=xterm): on the counter serving an item of the benchmark's own (once
 * a day, to anyone: made once in the database), for TERM_PEOPLE people:
 * the Enter after the case number until the person and "Due now" show
 * (the lookup), and the Enter that serves until the prompt is ready for
 * the next person: bytes written and time, median and p99. Its servings
 * are reversed afterwards too.
 * Prints one "KEY VALUE UNIT" line per measure on standard output. */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/role.h"
#include "db/db.h"
#include "db/dist_serve.h"
#include "db/login.h"
#include "db/user.h"
#include "harness.h"

#define SEED 0x5441494D2026ULL
#define PEOPLE 500
#define WARMUP 20
#define TERM_PEOPLE 40
#define WAIT_MS 60000
#define QUIET_MS 15

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void fail(const char *what)
{
	fprintf(stderr, "bench_counter: %s\n", what);
	exit(1);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Sorts v and prints its median and p99 (nearest rank) as key_p50, key_p99. */
static void print_stats(const char *key, double *v, int n, const char *unit)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	double median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
	int rank = (99 * n + 99) / 100;
	printf("%s_p50 %.2f %s\n%s_p99 %.2f %s\n", key, median, unit, key, v[(rank < 1 ? 1 : rank) - 1], unit);
}

static const char *db_file;   /* the database's path */
static uint64_t rng = SEED;
static uint64_t next_rand(void)
{
	uint64_t z = (rng += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* n people (id, case key, centre of their open stay or "") drawn by id;
 * only people staying at a centre when staying. */
struct someone {
	long long id;
	char key[24], centre[8];
};

static int draw_people(sqlite3 *ro, struct someone *out, int n, bool staying)
{
	sqlite3_stmt *range, *pick;
	if (sqlite3_prepare_v2(ro, "SELECT min(id), max(id) FROM person", -1, &range, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(ro, "SELECT p.id, p.case_key, coalesce((SELECT c.code FROM stay s JOIN centre c "
	                       "ON c.id = s.centre_id WHERE s.person_id = p.id AND s.departed IS NULL "
	                       "ORDER BY s.admitted DESC LIMIT 1), '') FROM person p WHERE p.id >= ?1 "
	                       "ORDER BY p.id LIMIT 1", -1, &pick, NULL) != SQLITE_OK)
		fail(sqlite3_errmsg(ro));
	if (sqlite3_step(range) != SQLITE_ROW)
		fail("no people");
	long long lo = sqlite3_column_int64(range, 0), hi = sqlite3_column_int64(range, 1);
	sqlite3_finalize(range);
	int got = 0;
	for (int tries = 0; got < n && tries < n * 400; tries++) {
		sqlite3_bind_int64(pick, 1, lo + (long long)(next_rand() % (uint64_t)(hi - lo + 1)));
		if (sqlite3_step(pick) == SQLITE_ROW) {
			bool seen = false;
			long long id = sqlite3_column_int64(pick, 0);
			for (int i = 0; i < got; i++)
				seen = seen || out[i].id == id;
			if (staying && !sqlite3_column_text(pick, 2)[0])
				seen = true;
			if (!seen) {
				out[got].id = id;
				snprintf(out[got].key, sizeof out[got].key, "%s", (const char *)sqlite3_column_text(pick, 1));
				snprintf(out[got].centre, sizeof out[got].centre, "%s", (const char *)sqlite3_column_text(pick, 2));
				got++;
			}
		}
		sqlite3_reset(pick);
	}
	sqlite3_finalize(pick);
	return got;
}

static long long one(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void sign_in_clerk(struct db *db)
{
	long long id = 0;
	sqlite3 *h;
	/* As the counter's clerk (the demo account), without the password. */
	if (sqlite3_open_v2(db_file, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
		id = one(h, "SELECT id FROM app_user WHERE name = 'distribution'");
	sqlite3_close(h);
	if (id <= 0)
		fail("no distribution account (a demo database is needed)");
	db_set_actor(db, id, "distribution", ROLE_DISTRIBUTION, "bench");
}

/* The lookup and the serving through the data layer. */
static void measure_data(struct db *db, struct someone *people, int n)
{
	sqlite3 *h;
	if (sqlite3_open_v2(db_file, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail("cannot read the database");
	long long items[3] = { one(h, "SELECT id FROM dist_item WHERE code = 'food_ration'"),
		               one(h, "SELECT id FROM dist_item WHERE code = 'water'"),
		               one(h, "SELECT id FROM dist_item WHERE code = 'blanket'") };
	sqlite3_close(h);
	double *look = calloc((size_t)n, sizeof *look), *serve = calloc((size_t)n, sizeof *serve);
	long long (*made)[3] = calloc((size_t)n, sizeof *made);
	int nl = 0, ns = 0;
	for (int i = 0; i < n; i++) {
		struct dist_counter c;
		memset(&c, 0, sizeof c);
		snprintf(c.centre_code, sizeof c.centre_code, "%s", people[i].centre[0] ? people[i].centre : "AGZ");
		snprintf(c.counter, sizeof c.counter, "1");
		struct dist_person p;
		struct dist_item_state st[3];
		long long id;
		double t0 = now_ms();
		if (dist_person_by_key(db, people[i].key, &id) != ST_OK || dist_person_read(db, c.centre_code, id, &p) != ST_OK ||
		    dist_states(db, &c, &p, items, 3, st) != ST_OK)
			fail("lookup at the counter failed");
		double t1 = now_ms();
		struct dist_served out;
		enum status s = dist_serve(db, &c, id, items, 3, NULL, &out, NULL);
		double t2 = now_ms();
		if (s != ST_OK && s != ST_INVALID)
			fail("serving failed");
		if (i >= WARMUP) {
			look[nl++] = t1 - t0;
			if (s == ST_OK)
				serve[ns++] = t2 - t1;
		}
		if (s == ST_OK)
			memcpy(made[i], out.serving, sizeof made[i]);
	}
	for (int i = 0; i < n; i++)
		for (int k = 0; k < 3; k++)
			if (made[i][k])
				dist_reverse(db, made[i][k], "Benchmark", &(long long){ 0 }, NULL);
	print_stats("counter_lookup", look, nl, "ms");
	printf("counter_served_people %d people\n", ns);
	if (ns > 0)
		print_stats("counter_serve", serve, ns, "ms");
	free(look);
	free(serve);
	free(made);
}

/* The benchmark's own item (daily, to anyone), made once. */
static void bench_item(const char *path)
{
	sqlite3 *h;
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		fail("cannot open the database");
	sqlite3_busy_timeout(h, 5000);
	sqlite3_exec(h, "INSERT INTO dist_item (code, name_en, name_fr, kind, unit, frequency, staying_only, position) "
	             "SELECT 'bench_tea', 'Tea of the benchmark', 'Thé du banc d''essai', 'other', 'person', 'daily', 0, "
	             "-1 WHERE NOT EXISTS (SELECT 1 FROM dist_item WHERE code = 'bench_tea')", NULL, NULL, NULL);
	sqlite3_close(h);
}

static void wait_text(struct term *t, const char *text)
{
	if (!term_wait_text(t, text, WAIT_MS)) {
		fprintf(stderr, "bench_counter: timed out waiting for \"%s\"\n", text);
		exit(1);
	}
}

/* Sends Enter, waits for the screen to show (or lose) text, then until
 * QUIET_MS without output: the time to the text, the bytes in all. */
static void enter_until(struct term *t, const char *text, bool gone, double *ms, double *bytes)
{
	term_reset_bytes(t);
	double t0 = now_ms();
	term_key(t, TK_ENTER);
	if (!(gone ? term_wait_gone(t, text, WAIT_MS) : term_wait_text(t, text, WAIT_MS))) {
		fprintf(stderr, "bench_counter: timed out on \"%s\"\n", text);
		exit(1);
	}
	*ms = now_ms() - t0;
	term_settle(t, QUIET_MS);
	*bytes = (double)term_bytes(t);
}

static void measure_term(const char *bin, const char *path, const char *localedir, struct someone *people, int n)
{
	char env_ld[4200];
	snprintf(env_ld, sizeof env_ld, "TAIMAKO_LOCALEDIR=%s", localedir);
	char *argv[] = { (char *)bin, "--db", (char *)path, NULL };
	char *env[] = { env_ld, "LANG=C.UTF-8", "LANGUAGE=", "LC_ALL=", "TERM=xterm", "TAIMAKO_CONFIG=", NULL };
	struct term *t = term_start(24, 80, argv, env);
	if (!t)
		fail("cannot start the program");
	wait_text(t, "Mot de passe");
	term_type(t, "distribution");
	term_key(t, TK_ENTER);
	term_type(t, "distribution-demo");
	term_key(t, TK_ENTER);
	/* In English (the account keeps the language of its last session). */
	wait_text(t, "+  Distributions");
	term_settle(t, 200);
	if (term_has_text(t, "Bienvenue")) {
		term_key(t, TK_F9);
		wait_text(t, "Welcome");
	}
	term_type(t, "+");
	wait_text(t, "Distribution counter");
	term_type(t, "c");
	wait_text(t, "Tea of the benchmark");
	term_type(t, " ");
	wait_text(t, "[x] Tea of the benchmark");
	term_key(t, TK_ENTER);
	wait_text(t, "Case number:");
	double look_ms[TERM_PEOPLE] = { 0 }, look_b[TERM_PEOPLE] = { 0 }, serve_ms[TERM_PEOPLE] = { 0 },
	       serve_b[TERM_PEOPLE] = { 0 };
	int done = 0;
	for (int i = 0; i < n && done < TERM_PEOPLE; i++) {
		term_type(t, people[i].key);
		term_settle(t, QUIET_MS);
		enter_until(t, "Due now", false, &look_ms[done], &look_b[done]);
		enter_until(t, "Due now", true, &serve_ms[done], &serve_b[done]);
		done++;
	}
	term_free(&t);
	if (done == 0)
		fail("nobody served on the screen");
	print_stats("counter_term_lookup_ms", look_ms, done, "ms");
	print_stats("counter_term_lookup_bytes", look_b, done, "bytes");
	print_stats("counter_term_serve_ms", serve_ms, done, "ms");
	print_stats("counter_term_serve_bytes", serve_b, done, "bytes");
}

/* Reverses the servings of the benchmark's item made today by the clerk. */
static void reverse_bench_servings(struct db *db)
{
	sqlite3 *h;
	if (sqlite3_open_v2(db_file, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return;
	char today[11];
	clock_today_iso(today, sizeof today);
	sqlite3_stmt *st;
	long long ids[TERM_PEOPLE * 2];
	int n = 0;
	if (sqlite3_prepare_v2(h, "SELECT s.id FROM dist_serving s JOIN dist_item i ON i.id = s.item_id "
	                       "WHERE i.code = 'bench_tea' AND s.day = ?1 AND s.quantity > 0 AND NOT EXISTS "
	                       "(SELECT 1 FROM dist_serving r WHERE r.reverses_id = s.id)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
		while (n < TERM_PEOPLE * 2 && sqlite3_step(st) == SQLITE_ROW)
			ids[n++] = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	for (int i = 0; i < n; i++)
		dist_reverse(db, ids[i], "Benchmark", &(long long){ 0 }, NULL);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: %s TAIMAKO_BINARY DB LOCALEDIR\n", argv[0]);
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	db_file = argv[2];
	bench_item(argv[2]);
	struct db *db;
	if (db_open(argv[2], DB_EXISTING, &db, NULL, 0) != ST_OK)
		fail("cannot open the database");
	sign_in_clerk(db);
	sqlite3 *ro;
	if (sqlite3_open_v2(argv[2], &ro, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail("cannot read the database");
	static struct someone people[PEOPLE], anyone[TERM_PEOPLE];
	int n = draw_people(ro, people, PEOPLE, true);
	int m = draw_people(ro, anyone, TERM_PEOPLE, false);
	sqlite3_close(ro);
	if (n < WARMUP + 10 || m < 10)
		fail("too few people staying");
	measure_data(db, people, n);
	reverse_bench_servings(db);
	measure_term(argv[1], argv[2], argv[3], anyone, m);
	reverse_bench_servings(db);
	db_close(&db);
	return 0;
}
