/* Terminal benchmark: runs the real taimako binary in an 80x24 pseudo-
 * terminal (tests/e2e/harness.c) on a demo database and measures the start,
 * the bytes written for the first paint of the login, home and result
 * screens, the bytes of each cursor move in a long result list (median,
 * mean and maximum over 100 Down presses from the top, as a user pays them,
 * and the same on the terminal types vt100, linux and screen), of each page
 * down, of each letter typed in the lookup, and the memory of a session that
 * signs in, searches and scrolls.
 *
 *   bench_term TAIMAKO_BINARY DB LOCALEDIR
 *
 * Prints one "KEY VALUE UNIT" line per measure on standard output. The
 * database needs the demo accounts (intake / intake-demo) and enough people
 * for the one-letter query to give well over 1,000 results (for example
 * `taimako --db DB demo --persons 20000`). Steps synchronise on screen text
 * with a time limit; term_settle (quiet time) is used only to be sure that
 * everything the program writes for one step is counted. Exits with 1 and a
 * message when a wait times out or a measure cannot be taken.
 *
 * Build: gcc -std=c11 -O2 -D_DEFAULT_SOURCE -Itests/e2e tests/bench/bench_term.c
 *        tests/e2e/harness.c -o /tmp/bench_term -lvterm -lutil */
#include <ctype.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

enum {
	ROWS = 24,
	COLS = 80,
	STARTUP_RUNS = 10,
	WAIT_MS = 60000,        /* longest wait for a screen (a 1M-person base is slow) */
	SCREEN_QUIET_MS = 200,  /* quiet time that ends a whole-screen paint */
	MOVE_QUIET_MS = 15,     /* quiet time that ends the paint of one key */
	MOVE_WAIT_MS = 10000,   /* longest wait for the first byte after a key */
	DOWN_MEASURED = 100,    /* Down presses whose bytes are measured, from the top */
	PGDN_MEASURED = 20,     /* PgDn presses whose bytes are measured */
	DOWN_TOTAL = 1000,      /* Down presses of the whole session */
	YESCRYPT_KB = 16384,    /* memory of one yescrypt hash at the default cost */
};

/* One letter: on a demo base it matches a large part of the people. */
static const char QUERY[] = "a";
/* Typed letter by letter for the bytes per letter: a common family name of
 * the demo data, whose results change at every letter. */
static const char TYPED[] = "diallo";
/* The other terminal types the Down presses are measured on. */
static const char *const OTHER_TERMS[] = { "vt100", "linux", "screen" };

static const char LOGIN_TITLE[] = "Taimako · Connexion";
static const char STATUS_TEXT[] = "F10 Quitter";
static const char LOGIN_LABEL[] = "Mot de passe";
static const char HOME_TEXT[] = "Bienvenue";
static const char LOOKUP_TITLE[] = "Taimako · Rechercher une personne";
static const char RESULTS_HEADER[] = "N° de dossier";
static const char NO_RESULTS[] = "Rien à afficher.";

struct bench {
	const char *bin;
	const char *db;
	char env_localedir[4096];
	char env_term[64];
	struct term *t;
};

/* Milliseconds of the monotonic clock, with a fraction. */
static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Stops the program under test and exits with a message. */
static void fail(struct bench *b, const char *what)
{
	fprintf(stderr, "bench_term: %s\n", what);
	term_free(&b->t);
	exit(1);
}

/* Waits until text is gone from the screen or fails. */
static void wait_text_gone(struct bench *b, const char *text)
{
	char msg[256];

	if (term_wait_gone(b->t, text, WAIT_MS))
		return;
	snprintf(msg, sizeof msg, "timed out after %d ms waiting for \"%s\" to go", WAIT_MS, text);
	fail(b, msg);
}

/* Waits for text on the screen or fails (the harness prints the screen). */
static void wait_text(struct bench *b, const char *text)
{
	char msg[256];

	if (term_wait_text(b->t, text, WAIT_MS))
		return;
	snprintf(msg, sizeof msg, "timed out after %d ms waiting for \"%s\"", WAIT_MS, text);
	fail(b, msg);
}

/* Starts the program on the login screen of the base, in French. */
static struct term *start_program(struct bench *b)
{
	char *argv[] = { (char *)b->bin, "--db", (char *)b->db, NULL };
	char *env[] = { b->env_localedir, "LANG=C.UTF-8", "LANGUAGE=", "LC_ALL=", b->env_term,
			"TAIMAKO_CONFIG=", NULL };

	return term_start(ROWS, COLS, argv, env);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/* Median of n sorted values: the middle one, or the mean of the two. */
static double median_double(const double *v, int n)
{
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

static double median_size(const size_t *v, int n)
{
	return n % 2 ? (double)v[n / 2] : ((double)v[n / 2 - 1] + (double)v[n / 2]) / 2.0;
}

/* Percentile p (0-100) of n sorted values by nearest rank. */
static double percentile_double(const double *v, int n, int p)
{
	int rank = (p * n + 99) / 100;

	if (rank < 1)
		rank = 1;
	return v[rank - 1];
}

/* Sends key and returns the bytes the program writes in answer: waits up to
 * MOVE_WAIT_MS for the first byte (a slow page fetch comes before any
 * output), then until MOVE_QUIET_MS pass without output. 0 when nothing
 * came (the cursor could not move: the end of the list). */
static size_t key_bytes(struct bench *b, enum term_key key)
{
	double deadline;

	term_reset_bytes(b->t);
	term_key(b->t, key);
	deadline = now_ms() + MOVE_WAIT_MS;
	do {
		term_settle(b->t, MOVE_QUIET_MS);
		if (term_bytes(b->t) > 0)
			return term_bytes(b->t);
	} while (now_ms() < deadline);
	return 0;
}

/* The pid of the child of this process whose command line starts with bin:
 * the harness keeps the pid of the program to itself. 0 when not found. */
static pid_t find_child(const char *bin)
{
	DIR *d = opendir("/proc");
	const struct dirent *e;
	pid_t self = getpid(), found = 0;

	if (!d)
		return 0;
	while (!found && (e = readdir(d)) != NULL) {
		char path[300], buf[4096];
		const char *close_paren;
		FILE *f;
		size_t n;
		int ppid = -1;

		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		/* /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces. */
		snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		n = fread(buf, 1, sizeof buf - 1, f);
		fclose(f);
		buf[n] = '\0';
		close_paren = strrchr(buf, ')');
		if (!close_paren || sscanf(close_paren + 1, " %*c %d", &ppid) != 1 || ppid != (int)self)
			continue;
		/* /proc/PID/cmdline: the arguments, each ended by a NUL. */
		snprintf(path, sizeof path, "/proc/%s/cmdline", e->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		n = fread(buf, 1, sizeof buf - 1, f);
		fclose(f);
		buf[n] = '\0';
		if (strcmp(buf, bin) == 0)
			found = (pid_t)atoi(e->d_name);
	}
	closedir(d);
	return found;
}

/* Reads "NAME: N kB" fields of /proc/PID/status; false when one is missing. */
static bool read_rss(pid_t pid, long *hwm_kb, long *rss_kb)
{
	char path[64], line[256];
	FILE *f;

	*hwm_kb = *rss_kb = -1;
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return false;
	while (fgets(line, sizeof line, f)) {
		if (strncmp(line, "VmHWM:", 6) == 0)
			*hwm_kb = strtol(line + 6, NULL, 10);
		else if (strncmp(line, "VmRSS:", 6) == 0)
			*rss_kb = strtol(line + 6, NULL, 10);
	}
	fclose(f);
	return *hwm_kb >= 0 && *rss_kb >= 0;
}

/* 1. Start times: from just before term_start to the first complete screen
 * (the login title and the status line). The last run is kept running for
 * the other measures; the others are stopped. Returns the last run's
 * login-paint bytes (2). */
static size_t measure_startup(struct bench *b)
{
	double times[STARTUP_RUNS];
	size_t login_bytes = 0;

	for (int run = 0; run < STARTUP_RUNS; run++) {
		double t0 = now_ms();

		b->t = start_program(b);
		if (!b->t)
			fail(b, "cannot start the program");
		wait_text(b, LOGIN_TITLE);
		wait_text(b, STATUS_TEXT);
		times[run] = now_ms() - t0;
		if (run < STARTUP_RUNS - 1) {
			term_free(&b->t);
			continue;
		}
		/* 2. Bytes of the login screen: the text is there; the quiet time
		 * makes sure the program has finished writing it. */
		wait_text(b, LOGIN_LABEL);
		term_settle(b->t, SCREEN_QUIET_MS);
		login_bytes = term_bytes(b->t);
	}
	qsort(times, STARTUP_RUNS, sizeof times[0], cmp_double);
	printf("startup_median %.1f ms\n", median_double(times, STARTUP_RUNS));
	printf("startup_p90 %.1f ms\n", percentile_double(times, STARTUP_RUNS, 90));
	return login_bytes;
}

/* 3. Signs in; returns the bytes of the home screen's first paint. They
 * include clearing the login form: the program erases and redraws its
 * window, and only the differences reach the terminal. */
static size_t measure_home(struct bench *b)
{
	term_type(b->t, "intake");
	term_key(b->t, TK_ENTER);
	term_type(b->t, "intake-demo");
	/* The echo of the password field is not part of the home paint. */
	term_settle(b->t, SCREEN_QUIET_MS);
	term_reset_bytes(b->t);
	term_key(b->t, TK_ENTER);
	wait_text(b, HOME_TEXT);
	term_settle(b->t, SCREEN_QUIET_MS);
	return term_bytes(b->t);
}

/* 4. Opens the quick lookup and types the query; returns the bytes of the
 * result list (the counter restarts just before the query's last letter). */
static size_t measure_results(struct bench *b)
{
	size_t len = strlen(QUERY);
	char last[2] = { QUERY[len - 1], '\0' };
	char head[sizeof QUERY];

	term_type(b->t, "/");
	wait_text(b, LOOKUP_TITLE);
	memcpy(head, QUERY, len - 1);
	head[len - 1] = '\0';
	term_type(b->t, head);
	term_settle(b->t, SCREEN_QUIET_MS);
	if (term_has_text(b->t, RESULTS_HEADER))
		fail(b, "the result list showed before the query's last letter");
	term_reset_bytes(b->t);
	term_type(b->t, last);
	wait_text(b, RESULTS_HEADER);
	term_settle(b->t, SCREEN_QUIET_MS);
	if (term_has_text(b->t, NO_RESULTS))
		fail(b, "the query gives no results on this base");
	return term_bytes(b->t);
}

/* Prints the median, mean and maximum of n byte counts under name. */
static void print_bytes(const char *name, size_t *v, int n)
{
	double sum = 0;

	for (int i = 0; i < n; i++)
		sum += (double)v[i];
	qsort(v, (size_t)n, sizeof *v, cmp_size);
	printf("%s_median %.1f bytes\n", name, median_size(v, n));
	printf("%s_mean %.1f bytes\n", name, sum / n);
	printf("%s_max %zu bytes\n", name, v[n - 1]);
}

/* Presses key n times, each time recording the bytes written in answer;
 * prints their median, mean and maximum under name, and the mean of the
 * bytes of text among them (without cursor moves and other sequences). */
static void measure_moves(struct bench *b, enum term_key key, int n, const char *name)
{
	size_t *v = calloc((size_t)n, sizeof *v);
	char msg[128];

	if (!v)
		fail(b, "out of memory");
	double text = 0;

	for (int i = 0; i < n; i++) {
		v[i] = key_bytes(b, key);
		text += (double)term_text_bytes(b->t);
		if (v[i] == 0) {
			free(v);
			snprintf(msg, sizeof msg,
				 "no output after %s press %d: fewer results than the benchmark needs",
				 name, i + 1);
			fail(b, msg);
		}
	}
	print_bytes(name, v, n);
	/* Of the mean, the text that shows: what any way of drawing pays. */
	printf("%s_text_mean %.1f bytes\n", name, text / n);
	free(v);
}

/* The screen's text from its row from on (the list, without the query). */
static char *rows_from(struct bench *b, int from)
{
	char *all = term_screen(b->t);
	const char *p = all;

	for (int r = 0; p && r < from; r++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (!all || !p) {
		free(all);
		return NULL;
	}
	memmove(all, p, strlen(p) + 1);
	return all;
}

/* 7. Bytes per letter typed in the lookup: clears the query, then types
 * TYPED one letter at a time, each counted until the program is quiet
 * (the echo, the result list and the count). Then a space after the last
 * letter, which leaves the results as they are: only the echo should be
 * sent, not the list again. */
static void measure_typing(struct bench *b)
{
	enum { N = sizeof TYPED - 1 };
	size_t v[N];
	char *before, *after;

	term_ctrl(b->t, 'u');
	wait_text_gone(b, RESULTS_HEADER);
	term_settle(b->t, SCREEN_QUIET_MS);
	for (int i = 0; i < N; i++) {
		char letter[2] = { TYPED[i], '\0' };

		term_reset_bytes(b->t);
		term_type(b->t, letter);
		term_settle(b->t, SCREEN_QUIET_MS);
		v[i] = term_bytes(b->t);
	}
	if (term_has_text(b->t, NO_RESULTS))
		fail(b, "the typed name gives no results on this base");
	print_bytes("letter_bytes", v, N);
	before = rows_from(b, 4);
	term_reset_bytes(b->t);
	term_type(b->t, " ");
	term_settle(b->t, SCREEN_QUIET_MS);
	after = rows_from(b, 4);
	if (before && after && strcmp(before, after) == 0)
		printf("letter_same_results_bytes %zu bytes\n", term_bytes(b->t));
	else
		fprintf(stderr, "bench_term: a space after \"%s\" changed the results: not measured\n",
			TYPED);
	free(before);
	free(after);
}

/* 6. Scrolls on with Down until DOWN_TOTAL Down presses are done, then reads
 * the program's peak and current resident memory. */
static void measure_memory(struct bench *b, int downs_done)
{
	char *before = term_screen(b->t), *after;
	int moved = downs_done;
	long hwm_kb, rss_kb;
	pid_t pid;

	while (moved < DOWN_TOTAL && key_bytes(b, TK_DOWN) > 0)
		moved++;
	/* The rows shown must have changed: the list did scroll. */
	after = term_screen(b->t);
	if (!before || !after || strcmp(before, after) == 0) {
		free(before);
		free(after);
		fail(b, "the result list did not scroll");
	}
	free(before);
	free(after);
	printf("scroll_down_presses %d presses\n", moved);
	printf("scroll_page_down_presses %d presses\n", PGDN_MEASURED);
	if (moved < DOWN_TOTAL)
		fprintf(stderr, "bench_term: the list ended after %d Down presses\n", moved);

	pid = find_child(b->bin);
	if (pid == 0)
		fail(b, "cannot find the program's process in /proc");
	if (!read_rss(pid, &hwm_kb, &rss_kb))
		fail(b, "cannot read VmHWM and VmRSS of the program");
	printf("peak_rss_kb %ld kB\n", hwm_kb);
	printf("rss_after_kb %ld kB\n", rss_kb);
	/* Signing in checks the password with yescrypt (libxcrypt's default
	 * cost, "$y$j9T$": N = 4096, r = 32, so 128 * r * N = 16 MiB), which
	 * needs about 16 MiB for a moment. When the hash runs in the program's
	 * own process that transient is in VmHWM and dwarfs what the lists
	 * take; a program that hashes in a short-lived child process does not
	 * have it in its peak. The note says which case this run saw: a peak
	 * at least 12 MiB above the resident size after scrolling is taken as
	 * the hash being included. */
	printf("peak_rss_note %d kB_yescrypt_sign-in_hash_%s\n", YESCRYPT_KB,
	       hwm_kb - rss_kb >= YESCRYPT_KB * 3 / 4 ? "included_in_peak"
						     : "not_in_this_process_peak");
}

/* 8. The Down presses again on another terminal type: a new session
 * signs in, looks up QUERY and presses Down DOWN_MEASURED times. */
static void measure_other_term(struct bench *b, const char *term)
{
	char name[64];

	snprintf(b->env_term, sizeof b->env_term, "TERM=%s", term);
	b->t = start_program(b);
	if (!b->t)
		fail(b, "cannot start the program");
	wait_text(b, LOGIN_TITLE);
	wait_text(b, LOGIN_LABEL);
	term_settle(b->t, SCREEN_QUIET_MS);
	measure_home(b);
	measure_results(b);
	snprintf(name, sizeof name, "cursor_move_bytes_%s", term);
	measure_moves(b, TK_DOWN, DOWN_MEASURED, name);
	term_free(&b->t);
}

int main(int argc, char **argv)
{
	struct bench b = { 0 };
	size_t login_bytes, home_bytes, results_bytes;

	if (argc != 4) {
		fprintf(stderr, "usage: %s TAIMAKO_BINARY DB LOCALEDIR\n", argv[0]);
		return 2;
	}
	if (access(argv[1], X_OK) != 0 || access(argv[2], R_OK) != 0) {
		fprintf(stderr, "bench_term: %s is not a program or %s cannot be read\n", argv[1],
			argv[2]);
		return 2;
	}
	b.bin = argv[1];
	b.db = argv[2];
	snprintf(b.env_localedir, sizeof b.env_localedir, "TAIMAKO_LOCALEDIR=%s", argv[3]);
	snprintf(b.env_term, sizeof b.env_term, "TERM=xterm");
	setvbuf(stdout, NULL, _IOLBF, 0);

	login_bytes = measure_startup(&b);
	printf("first_paint_login_bytes %zu bytes\n", login_bytes);
	home_bytes = measure_home(&b);
	printf("first_paint_home_bytes %zu bytes\n", home_bytes);
	results_bytes = measure_results(&b);
	printf("first_paint_results_bytes %zu bytes\n", results_bytes);
	/* 5. Bytes of one cursor move, then of one page down. */
	measure_moves(&b, TK_DOWN, DOWN_MEASURED, "cursor_move_bytes");
	measure_moves(&b, TK_PGDN, PGDN_MEASURED, "page_down_bytes");
	measure_memory(&b, DOWN_MEASURED);
	measure_typing(&b);
	term_free(&b.t);
	for (size_t i = 0; i < sizeof OTHER_TERMS / sizeof OTHER_TERMS[0]; i++)
		measure_other_term(&b, OTHER_TERMS[i]);
	return 0;
}
