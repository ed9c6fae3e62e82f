/* Benchmark of the data layer on an existing Taimako database (made by
 * `taimako demo`): quick lookup latency, opening a case file and a medical
 * record, the monthly medical counts and the size per person.
 *
 *   bench_data DB
 *
 * Signs in as the demo accounts (intake for lookups and case files,
 * medical for medical figures) and calls the same data-layer functions as
 * the screens. Prints one "KEY VALUE UNIT" line per measure on stdout;
 * notes go to stderr. Queries are drawn from the data with a fixed seed,
 * through a read-only SQLite connection used for sampling only. Opening
 * case files is audited, as in the program; consultations are added only
 * when nobody in the database has 20 or more (said on stderr).
 *
 * With BENCH_CPU_TIME set in the environment, every time is the thread's
 * CPU time rather than the wall clock's (on a loaded machine, a query put
 * off by the scheduler makes the wall-clock p99).
 *
 * Lookups: 1,000 queries per kind after 50 untimed ones, the first page
 * as the list on screen asks for it (LIST_PAGE_MAX, 64 results, through
 * person_search_page), p50 and p99 by nearest rank; openings: median of
 * 50 runs. The case file is read as its screen reads it: the person, the
 * family, stays and changes, then each module's status line from the
 * module table (through an application without a terminal).
 * Built by `make bench`, or by hand after `make`:
 *   gcc -std=c11 -O2 -Iinclude -Isrc $(pkg-config --cflags ncursesw sqlite3) \
 *     tests/bench/bench_data.c build/libtaimako.a \
 *     $(pkg-config --libs ncursesw sqlite3 libutf8proc libcrypt) -lcsv -o bench_data */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/casenum.h"
#include "core/status.h"
#include "core/names.h"
#include "core/text.h"
#include "db/db.h"
#include "db/login.h"
#include "db/medical.h"
#include "db/person.h"
#include "core/perm.h"
#include "ui/app.h"
#include "ui/list.h"
#include "ui/module.h"

#define SEED 0x5441494D2026ULL
#define QUERIES 1000          /* timed queries per kind */
#define WARMUP 50             /* untimed queries per kind, before */
#define PAGE LIST_PAGE_MAX    /* results of the first page, as the list on screen asks */
#define QUERY_MAX 128
#define MAX_TRIES 200000      /* sampled rows per kind before giving up */
#define OPEN_RUNS 50
#define CONSULTS 20           /* consultations of the case file opened */
#define FIRST_YEAR 2016
/* What the screens keep of a case file and a medical record. */
#define MAX_RELATIVES 9       /* screens/casefile.c */
#define MAX_STAYS 4
#define MAX_CHANGES 4
#define MAX_MODULES 16
#define MAX_CONSULTS 8        /* screens/medical.c */
#define MAX_CASES 6

/* ---- small helpers ---------------------------------------------------- */

/* Prints "bench_data: ..." on stderr and exits with status 1. */
static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("bench_data: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

/* Exits with a message when a data-layer call did not succeed. */
static void check(enum status st, const char *what)
{
	if (st != ST_OK)
		fail("%s: %s", what, status_msgid(st));
}

/* Milliseconds on the monotonic clock. */
static double now_ms(void)
{
	static int cpu = -1;
	if (cpu < 0)
		cpu = getenv("BENCH_CPU_TIME") != NULL;
	struct timespec ts;
	clock_gettime(cpu ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* splitmix64: the same sequence on every platform, unlike rand(). */
static uint64_t rng_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* A number in [lo, hi]. */
static long long rng_range(uint64_t *state, long long lo, long long hi)
{
	return lo + (long long)(rng_next(state) % (uint64_t)(hi - lo + 1));
}

/* Orders doubles, smallest first. */
static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The p-th percentile (0 < p <= 1, nearest rank) of n values; sorts them. */
static double percentile(double *v, size_t n, double p)
{
	qsort(v, n, sizeof *v, by_value);
	size_t rank = (size_t)(p * (double)n + 0.999999);
	return v[rank > 0 ? rank - 1 : 0];
}

/* ---- sampling, through a read-only connection of the bench's own ------ */

struct sample {
	long long id;
	char family[PERSON_NAME_MAX + 1];
	char given[PERSON_NAME_MAX + 1];
	char phone[32];
	char case_key[20];
};

struct sampler {
	sqlite3 *ro;
	sqlite3_stmt *pick;
	long long min_id, max_id;
	uint64_t rng;
};

/* A 64-bit integer from a one-row query. */
static long long query_int(sqlite3 *ro, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(ro, sql, -1, &st, NULL) != SQLITE_OK)
		fail("%s: %s", sql, sqlite3_errmsg(ro));
	long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return v;
}

/* Copies text column col into out ("" for NULL). */
static void copy_col(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(out, size, "%s", t ? (const char *)t : "");
}

/* Opens the sampling connection on path, read-only, and its statement. */
static void sampler_open(struct sampler *s, const char *path)
{
	memset(s, 0, sizeof *s);
	if (sqlite3_open_v2(path, &s->ro, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail("%s: %s", path, s->ro ? sqlite3_errmsg(s->ro) : "cannot open");
	s->min_id = query_int(s->ro, "SELECT min(id) FROM person");
	s->max_id = query_int(s->ro, "SELECT max(id) FROM person");
	if (sqlite3_prepare_v2(s->ro,
	                       "SELECT id, family_name, given_names, phone, case_key FROM person "
	                       "WHERE id >= ?1 ORDER BY id LIMIT 1", -1, &s->pick, NULL) != SQLITE_OK)
		fail("sampling: %s", sqlite3_errmsg(s->ro));
	s->rng = SEED;
}

/* Finalises the statement and closes the sampling connection. */
static void sampler_close(struct sampler *s)
{
	sqlite3_finalize(s->pick);
	sqlite3_close(s->ro);
	s->ro = NULL;
}

/* A random person (the first at or after a random id). */
static void sample_person(struct sampler *s, struct sample *out)
{
	sqlite3_bind_int64(s->pick, 1, rng_range(&s->rng, s->min_id, s->max_id));
	if (sqlite3_step(s->pick) != SQLITE_ROW)
		fail("sampling: no person");
	out->id = sqlite3_column_int64(s->pick, 0);
	copy_col(s->pick, 1, out->family, sizeof out->family);
	copy_col(s->pick, 2, out->given, sizeof out->given);
	copy_col(s->pick, 3, out->phone, sizeof out->phone);
	copy_col(s->pick, 4, out->case_key, sizeof out->case_key);
	sqlite3_reset(s->pick);
}

/* ---- making the queries typed at the lookup --------------------------- */

/* Bytes of the letter at s, 0 at the end of a word: words are split on
 * ASCII other than letters and digits, and on U+2019 (as the search
 * index's tokenizer does). */
static int letter_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	if (c < 0x80)
		return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
	if (strncmp(s, "\xE2\x80\x99", 3) == 0)
		return 0;
	int n = 1;
	while ((((unsigned char)s[n]) & 0xC0) == 0x80)
		n++;
	return n;
}

/* Counts the letters of the word at s; *bytes (may be NULL) receives its length. */
static int word_letters(const char *s, size_t *bytes)
{
	int n = 0, len;
	const char *p = s;
	while ((len = letter_len(p)) > 0) {
		p += len;
		n++;
	}
	if (bytes)
		*bytes = (size_t)(p - s);
	return n;
}

/* Appends the first letters letters of the word at s to out. */
static void append_prefix(char *out, size_t size, const char *s, int letters)
{
	size_t len = strlen(out), n = 0;
	for (int i = 0, l; i < letters && (l = letter_len(s + n)) > 0; i++)
		n += (size_t)l;
	if (len + n + 1 <= size) {
		memcpy(out + len, s, n);
		out[len + n] = '\0';
	}
}

enum kind { K_PREFIX, K_TWO_PARTS, K_UNACCENTED, K_CASE_NUMBER, K_PHONE, K_VARIANT, K_COUNT_ };
static const char *const kind_key[K_COUNT_] = { "prefix", "two_parts", "unaccented", "case_number", "phone",
                                                "variant" };

/* (a) The first 3 to 5 letters of the family name. */
static bool make_prefix(const struct sample *p, uint64_t *rng, char *out, size_t size)
{
	int n = word_letters(p->family, NULL);
	if (n < 3)
		return false;
	int want = (int)rng_range(rng, 3, 5);
	out[0] = '\0';
	append_prefix(out, size, p->family, want < n ? want : n);
	return true;
}

/* (b) "given family-prefix": the first given name and 3 to 5 letters of the family name. */
static bool make_two_parts(const struct sample *p, uint64_t *rng, char *out, size_t size)
{
	int ng = word_letters(p->given, NULL), nf = word_letters(p->family, NULL);
	if (ng < 2 || nf < 3)
		return false;
	int want = (int)rng_range(rng, 3, 5);
	out[0] = '\0';
	append_prefix(out, size, p->given, ng);
	size_t len = strlen(out);
	if (len + 2 <= size) {
		out[len] = ' ';
		out[len + 1] = '\0';
	}
	append_prefix(out, size, p->family, want < nf ? want : nf);
	return true;
}

/* Fills out with 4 or more letters of the folded word w (bytes long),
 * at least up to its first accented letter. */
static bool fold_word(const char *w, size_t bytes, uint64_t *rng, char *out, size_t size)
{
	char word[PERSON_NAME_MAX + 1];
	if (bytes >= sizeof word)
		return false;
	memcpy(word, w, bytes);
	word[bytes] = '\0';
	int before = 0;   /* letters before the first accented one */
	for (const char *c = word; *c && (unsigned char)*c < 0x80; c++)
		before++;
	char *folded = text_fold(word);
	if (!folded)
		fail("out of memory");
	size_t n = strlen(folded);
	bool ascii = true;
	for (const char *c = folded; *c; c++)
		ascii = ascii && ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9'));
	int from = before + 1 > 4 ? before + 1 : 4;
	bool ok = ascii && (int)n >= from && n < size;
	if (ok) {
		int len = (int)rng_range(rng, from, (long long)n);
		memcpy(out, folded, (size_t)len);
		out[len] = '\0';
	}
	free(folded);
	return ok;
}

/* (c) The first accented word of the names, typed folded. */
static bool make_unaccented(const struct sample *p, uint64_t *rng, char *out, size_t size)
{
	const char *parts[] = { p->family, p->given };
	for (int i = 0; i < 2; i++) {
		for (const char *c = parts[i]; *c;) {
			size_t bytes;
			if (word_letters(c, &bytes) == 0) {
				c++;
				continue;
			}
			bool accented = false;
			for (size_t k = 0; k < bytes; k++)
				accented = accented || (unsigned char)c[k] >= 0x80;
			if (accented)
				return fold_word(c, bytes, rng, out, size);
			c += bytes;
		}
	}
	return false;
}

/* (d) The case number with its dashes, "AGZ-26-00123-U". */
static bool make_case_number(const struct sample *p, uint64_t *rng, char *out, size_t size)
{
	(void)rng;
	return casenum_display(p->case_key, out, size);
}

/* (e) The last 8 digits of the phone number. */
static bool make_phone(const struct sample *p, uint64_t *rng, char *out, size_t size)
{
	(void)rng;
	char digits[32];
	size_t n = 0;
	for (const char *c = p->phone; *c && n + 1 < sizeof digits; c++)
		if (*c >= '0' && *c <= '9')
			digits[n++] = *c;
	digits[n] = '\0';
	if (n < 8 || size < 9)
		return false;
	memcpy(out, digits + n - 8, 9);
	return true;
}

/* The first word of name folded to a-z into out (32 bytes); false if none. */
static bool first_folded_word(const char *name, char *out)
{
	char words[NAMES_MAX_WORDS][32];
	if (names_words(name, words) < 1)
		return false;
	memcpy(out, words[0], 32);
	return true;
}

/* Respells a folded word as a clerk may hear it: the first of these
 * that applies (ou -> u, u -> ou, ss -> s, s -> ss between vowels,
 * ll -> l, c -> k, y -> i, ee -> i, mm -> m, dd -> d), else one letter mistyped in
 * a word of five letters or more. False when nothing applies. */
static bool respell(const char *w, uint64_t *rng, char *out, size_t size)
{
	static const char *const from[] = { "ou", "u", "ss", "ll", "ca", "co", "y", "ee", "mm", "dd" };
	static const char *const to[] = { "u", "ou", "s", "l", "ka", "ko", "i", "i", "m", "d" };
	size_t n = strlen(w);
	for (size_t r = 0; r < sizeof from / sizeof from[0]; r++) {
		/* A word-initial y is a consonant (Yaw): respelt inside only. */
		const char *at = strstr(from[r][0] == 'y' && w[0] ? w + 1 : w, from[r]);
		if (!at)
			continue;
		size_t pre = (size_t)(at - w), lf = strlen(from[r]);
		if (n - lf + strlen(to[r]) + 1 > size)
			return false;
		snprintf(out, size, "%.*s%s%s", (int)pre, w, to[r], at + lf);
		return true;
	}
	if (n < 5 || n + 1 > size)
		return false;
	memcpy(out, w, n + 1);
	size_t k = 1 + (size_t)rng_range(rng, 0, (long long)n - 3);
	out[k] = out[k] == 'x' ? 'z' : 'x';
	return true;
}

/* (f) A spelling variant or a one-letter typo of the first given name,
 * then the family name: "mouhamed diallo" for Mohamed Diallo. */
static bool make_variant(const struct sample *p, uint64_t *rng, char *out, size_t size)
{
	char given[32], family[32], spelt[40];
	if (!first_folded_word(p->given, given) || !first_folded_word(p->family, family))
		return false;
	if (!respell(given, rng, spelt, sizeof spelt))
		return false;
	return (size_t)snprintf(out, size, "%s %s", spelt, family) < size;
}

static bool (*const makers[K_COUNT_])(const struct sample *, uint64_t *, char *, size_t) = {
	make_prefix, make_two_parts, make_unaccented, make_case_number, make_phone, make_variant,
};

/* Draws n queries of kind k. */
static void draw_queries(struct sampler *s, enum kind k, char (*q)[QUERY_MAX], int n)
{
	long tries = 0;
	for (int i = 0; i < n;) {
		struct sample p;
		if (++tries > MAX_TRIES)
			fail("sampling %s: only %d fitting people in %d tries", kind_key[k], i, MAX_TRIES);
		sample_person(s, &p);
		if (makers[k](&p, &s->rng, q[i], QUERY_MAX))
			i++;
	}
}

/* ---- 1. quick lookup --------------------------------------------------- */

/* Counts a lookup hit. */
static void count_hit(const struct person_hit *h, void *ctx)
{
	(void)h;
	(*(int *)ctx)++;
}

struct lookup_result {
	double p50, p99, hits;
};

/* Runs the warm-up then the timed queries of one kind. */
static struct lookup_result run_lookups(struct db *db, char (*q)[QUERY_MAX], const char *key)
{
	static double ms[QUERIES];
	long hits = 0;
	int empty = 0;
	for (int i = 0; i < WARMUP + QUERIES; i++) {
		int n = 0;
		bool more;
		double t0 = now_ms();
		enum status st = person_search_page(db, q[i], PAGE_AFTER, 0, PAGE, count_hit, &n, &more);
		double t1 = now_ms();
		check(st, "person_search_page");
		if (i < WARMUP)
			continue;
		ms[i - WARMUP] = t1 - t0;
		hits += n;
		empty += n == 0;

	}
	if (empty)
		fprintf(stderr, "bench_data: lookup %s: %d of %d queries found nobody\n", key, empty, QUERIES);
	struct lookup_result r;
	r.hits = (double)hits / QUERIES;
	r.p50 = percentile(ms, QUERIES, 0.50);
	r.p99 = percentile(ms, QUERIES, 0.99);
	return r;
}

/* ---- 2. case file and medical record ------------------------------------ */

/* What the case file screen keeps (screens/casefile.c). */
struct casefile {
	struct person p;
	struct person_relative relatives[MAX_RELATIVES];
	int nrelatives;
	struct person_stay stays[MAX_STAYS];
	int nstays;
	struct person_change changes[MAX_CHANGES];
	int nchanges;
	bool more_relatives, more_stays, more_changes;
	char status[MAX_MODULES][400];   /* each module's status line */
};

/* Collects a relative, as the case file screen does. */
static void add_relative(const struct person_relative *r, void *ctx)
{
	struct casefile *s = ctx;
	if (s->nrelatives < MAX_RELATIVES)
		s->relatives[s->nrelatives++] = *r;
}

/* Collects a stay. */
static void add_stay(const struct person_stay *y, void *ctx)
{
	struct casefile *s = ctx;
	if (s->nstays < MAX_STAYS)
		s->stays[s->nstays++] = *y;
}

/* Collects a change. */
static void add_change(const struct person_change *c, void *ctx)
{
	struct casefile *s = ctx;
	if (s->nchanges < MAX_CHANGES)
		s->changes[s->nchanges++] = *c;
}

/* What the medical record screen keeps (screens/medical.c). */
struct record {
	struct consultation consults[MAX_CONSULTS];
	int nconsults;
	struct medical_case cases[MAX_CASES];
	int ncases;
	struct medical_status status;
};

/* Collects a consultation, as the medical record screen does. */
static void add_consult(const struct consultation *c, void *ctx)
{
	struct record *s = ctx;
	if (s->nconsults < MAX_CONSULTS)
		s->consults[s->nconsults++] = *c;
}

/* Collects a medical case. */
static void add_case(const struct medical_case *mc, void *ctx)
{
	struct record *s = ctx;
	if (s->ncases < MAX_CASES)
		s->cases[s->ncases++] = *mc;
}

/* The loading of the case file screen (its load()), timed: app is over
 * the signed-in connection, with the user and the module table set. */
static double open_casefile(struct app *app, long long id, struct casefile *s)
{
	struct db *db = app_db(app);
	double t0 = now_ms();
	check(person_get(db, id, &s->p), "person_get");
	s->nrelatives = s->nstays = s->nchanges = 0;
	check(person_family(db, id, 0, MAX_RELATIVES, add_relative, s, &s->more_relatives), "person_family");
	check(person_stays(db, id, 0, MAX_STAYS, add_stay, s, &s->more_stays), "person_stays");
	check(person_history(db, id, 0, MAX_CHANGES, add_change, s, &s->more_changes), "person_history");
	int role = (int)app_user(app)->role, i = 0;
	for (const struct module *const *m = app_modules(app); *m && i < MAX_MODULES; m++, i++) {
		s->status[i][0] = '\0';
		if ((*m)->status && perm_allows_any(role, (*m)->status_perms))
			(*m)->status(app, id, s->status[i], sizeof s->status[i]);
	}
	return now_ms() - t0;
}

/* The loading of the medical record screen, timed. */
static double open_record(struct db *db, long long id, struct record *s)
{
	double t0 = now_ms();
	s->nconsults = s->ncases = 0;
	check(consultation_list(db, id, MAX_CONSULTS, add_consult, s), "consultation_list");
	check(medical_case_list(db, id, add_case, s), "medical_case_list");
	check(medical_status_get(db, id, &s->status), "medical_status_get");
	return now_ms() - t0;
}

/* The person with exactly CONSULTS consultations (else the fewest above),
 * or 0 with *most set to the one with the most below (0 when none has any). */
static long long find_patient(sqlite3 *ro, long long *most, int *count)
{
	static const char sql[] =
		"SELECT person_id, count(*) AS n FROM consultation GROUP BY person_id "
		"ORDER BY n >= ?1 DESC, CASE WHEN n >= ?1 THEN n ELSE -n END, person_id LIMIT 1";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(ro, sql, -1, &st, NULL) != SQLITE_OK)
		fail("sampling: %s", sqlite3_errmsg(ro));
	sqlite3_bind_int(st, 1, CONSULTS);
	long long id = 0;
	*most = 0;
	*count = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*count = sqlite3_column_int(st, 1);
		if (*count >= CONSULTS)
			id = sqlite3_column_int64(st, 0);
		else
			*most = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return id;
}

/* Records consultations for person (who has `have` of them) up to CONSULTS,
 * at the person's centre, one a week back from a week ago. */
static void add_consultations(struct db *med, long long person, int have)
{
	struct person p;
	check(person_get(med, person, &p), "person_get");
	time_t now = time(NULL);
	for (int i = have; i < CONSULTS; i++) {
		struct consultation c;
		memset(&c, 0, sizeof c);
		c.person_id = person;
		time_t day = now - (time_t)(i + 1) * 7 * 86400;
		struct tm tm;
		localtime_r(&day, &tm);
		strftime(c.date, sizeof c.date, "%Y-%m-%d", &tm);
		snprintf(c.centre_code, sizeof c.centre_code, "%s", p.centre_code);
		snprintf(c.reason, sizeof c.reason, "%s", med_reason_name((enum med_reason)(i % REASON_COUNT_)));
		snprintf(c.diagnosis, sizeof c.diagnosis, "Benchmark consultation %d", i + 1);
		snprintf(c.treatment, sizeof c.treatment, "Rest and fluids");
		check(consultation_save(med, &c), "consultation_save");
	}
}

/* ---- 3. monthly counts ----------------------------------------------------- */

/* Times monthly_counts for all centres, every month from FIRST_YEAR to now. */
static void run_monthly(struct db *med, double *total_s, double *worst_ms)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	int last = (tm.tm_year + 1900) * 12 + tm.tm_mon;
	double total = 0, worst = 0;
	char worst_month[8] = "";
	long consultations = 0;
	for (int m = FIRST_YEAR * 12; m <= last; m++) {
		char month[16];
		snprintf(month, sizeof month, "%04d-%02d", m / 12, m % 12 + 1);
		struct monthly_counts counts;
		double t0 = now_ms();
		enum status st = monthly_counts(med, "", month, &counts);
		double t = now_ms() - t0;
		check(st, "monthly_counts");
		total += t;
		consultations += counts.consultations_total;
		if (t > worst) {
			worst = t;
			snprintf(worst_month, sizeof worst_month, "%.7s", month);
		}
	}
	fprintf(stderr, "bench_data: monthly counts: %d months, %ld consultations, slowest %s\n",
	        last - FIRST_YEAR * 12 + 1, consultations, worst_month);
	*total_s = total / 1e3;
	*worst_ms = worst;
}

/* ---- main -------------------------------------------------------------------- */

/* Opens path and signs in as name; the connection acts for that user,
 * whose account goes to *user when user is not NULL. */
static struct db *sign_in(const char *path, const char *name, const char *password, struct user *user)
{
	struct db *db;
	char detail[256] = "";
	enum status st = db_open(path, DB_EXISTING, &db, detail, sizeof detail);
	if (st != ST_OK)
		fail("%s: %s%s%s", path, status_msgid(st), detail[0] ? ": " : "", detail);
	struct login_request req = { name, password, "bench", time(NULL), lockout_default_policy() };
	struct user u;
	st = login_attempt(db, &req, &u, NULL);
	if (st != ST_OK)
		fail("signing in as %s: %s (a database made by `taimako demo` is needed)", name, status_msgid(st));
	if (user)
		*user = u;
	return db;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s DB\n", argv[0]);
		return 2;
	}
	const char *path = argv[1];
	setvbuf(stdout, NULL, _IOLBF, 0);

	/* 4 first, on the file as it was given. */
	struct stat sb;
	if (stat(path, &sb) != 0)
		fail("%s: cannot read", path);
	struct sampler s;
	sampler_open(&s, path);
	long long persons = query_int(s.ro, "SELECT count(*) FROM person");
	if (persons == 0)
		fail("%s: nobody registered", path);
	printf("persons %lld count\n", persons);
	printf("db_bytes_per_person %.0f bytes\n", (double)sb.st_size / (double)persons);

	struct user intake_user;
	struct db *intake = sign_in(path, "intake", "intake-demo", &intake_user);
	struct db *med = sign_in(path, "medical", "medical-demo", NULL);

	/* 1. Every query drawn first, so that sampling is never timed. */
	char (*queries[K_COUNT_])[QUERY_MAX];
	for (int k = 0; k < K_COUNT_; k++) {
		queries[k] = calloc(WARMUP + QUERIES, sizeof *queries[k]);
		if (!queries[k])
			fail("out of memory");
		draw_queries(&s, (enum kind)k, queries[k], WARMUP + QUERIES);
	}
	struct lookup_result lr[K_COUNT_];
	for (int k = 0; k < K_COUNT_; k++) {
		lr[k] = run_lookups(intake, queries[k], kind_key[k]);
		printf("lookup_%s_p50 %.3f ms\n", kind_key[k], lr[k].p50);
		printf("lookup_%s_p99 %.3f ms\n", kind_key[k], lr[k].p99);
	}
	for (int k = 0; k < K_COUNT_; k++) {
		printf("lookup_%s_hits %.2f hits\n", kind_key[k], lr[k].hits);
		free(queries[k]);
	}

	/* 2. */
	long long most;
	int count;
	long long patient = find_patient(s.ro, &most, &count);
	if (!patient) {
		if (!most)
			most = s.min_id;
		fprintf(stderr, "bench_data: nobody has %d consultations: adding %d to person %lld "
		        "(this writes to the database)\n", CONSULTS, CONSULTS - count, most);
		add_consultations(med, most, count);
		patient = most;
	} else if (count != CONSULTS) {
		fprintf(stderr, "bench_data: nobody has exactly %d consultations: person %lld has %d\n", CONSULTS,
		        patient, count);
	}
	sampler_close(&s);
	static double ms[OPEN_RUNS];
	static struct casefile cf;
	struct app *app = app_new_offscreen(intake);
	if (!app)
		fail("out of memory");
	app_set_user(app, &intake_user);
	app_set_modules(app, module_table);
	for (int i = 0; i < OPEN_RUNS; i++)
		ms[i] = open_casefile(app, patient, &cf);
	app_free(&app);
	printf("casefile_open_median %.3f ms\n", percentile(ms, OPEN_RUNS, 0.50));
	static struct record rec;
	for (int i = 0; i < OPEN_RUNS; i++)
		ms[i] = open_record(med, patient, &rec);
	printf("medical_record_open_median %.3f ms\n", percentile(ms, OPEN_RUNS, 0.50));

	/* 3. */
	double total_s, worst_ms;
	run_monthly(med, &total_s, &worst_ms);
	printf("monthly_counts_total %.3f s\n", total_s);
	printf("monthly_counts_worst %.3f ms\n", worst_ms);

	login_logout(intake);
	login_logout(med);
	db_close(&intake);
	db_close(&med);
	return 0;
}
