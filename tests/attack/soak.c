/* make soak: SOAK_SESSIONS sessions (processes, default 16) write at once
 * for SOAK_SECONDS (default 120) through every write path of the data
 * layer (tests/attack/ops.c): registrations, edits of the same few people
 * (read, a pause as a user's, save with the version read), consultations,
 * stays, accounts... while `taimako check` runs again and again beside
 * them. Then every acknowledged write is verified.
 *
 *   soak [TAIMAKO]     (default $TAIMAKO, else ./taimako)
 *
 * Environment: SOAK_SECONDS, SOAK_SESSIONS, SOAK_PERSONS (people made by
 * `taimako demo` first, default 0), SOAK_THINK_MS (longest pause in an
 * edit, default 5), SOAK_WAL_LIMIT_MB (the largest the -wal file may grow,
 * default 64), SOAK_CHECK (0: no check beside the sessions), SOAK_DIR (keep
 * the files there).
 * Prints operations, conflicts detected, busy errors a user would see,
 * lost writes, silent overwrites, duplicate case numbers, p99 and maximum
 * wait of a write, the WAL size (largest, at the end of the run, after the
 * last session closed). Exit status 0 only with nothing lost, no
 * duplicate, no overwrite, no unexpected error, every check passed and the
 * WAL within its limit. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "attack.h"
#include "db/db.h"

#define MAX_SESSIONS 64

/* How long one operation took (ms), and which path it was. */
struct wait {
	double ms;
	int op;
};

struct totals {
	long ops, conflicts, busy, errors;
};

static long env_long(const char *name, long def)
{
	const char *v = getenv(name);
	char *end;
	long n = v && *v ? strtol(v, &end, 10) : def;
	return v && *v && (*end || n < 0) ? def : n;
}

static void sleep_ms(double ms)
{
	struct timespec ts = { (time_t)(ms / 1000), (long)((ms - (double)(time_t)(ms / 1000) * 1000) * 1e6) };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static long long file_size(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
}

/* One session: writes until the deadline, then leaves its figures in
 * dir/session-i (text) and its waits in dir/waits-i (struct wait). */
static void session(const char *dir, const char *db_path, int i, double deadline, double think_ms)
{
	char path[400];
	snprintf(path, sizeof path, "%s/acks-%d", dir, i);
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	struct attack a;
	if (fd < 0 || attack_open(&a, db_path, 0x50414BULL * (uint64_t)(i + 1), (i + 1) * 10000000LL) != ST_OK) {
		fprintf(stderr, "soak: session %d: cannot open\n", i);
		_exit(3);
	}
	a.think_ms = think_ms;
	size_t nwaits = 0, cap = 4096;
	struct wait *waits = malloc(cap * sizeof *waits);
	if (!waits)
		_exit(3);
	struct totals t = { 0, 0, 0, 0 };
	while (attack_now_ms() < deadline) {
		const struct attack_op *op;
		char ack[ATTACK_ACK_MAX];
		double t0 = attack_now_ms();
		enum status s = attack_step(&a, &op, ack, sizeof ack - 1);
		double w = attack_now_ms() - t0;
		t.ops++;
		if (nwaits == cap) {
			struct wait *more = realloc(waits, 2 * cap * sizeof *waits);
			if (!more)
				break;
			waits = more;
			cap *= 2;
		}
		waits[nwaits].ms = w;
		waits[nwaits++].op = (int)(op - attack_ops);
		if (s == ST_OK && ack[0]) {
			size_t n = strlen(ack);
			ack[n++] = '\n';
			if (write(fd, ack, n) != (ssize_t)n)
				t.errors++;
		} else if (s == ST_CONFLICT) {
			t.conflicts++;
		} else if (s == ST_BUSY) {
			t.busy++;
		} else if (s != ST_OK) {
			fprintf(stderr, "soak: session %d: %s: %s\n", i, op->name, status_msgid(s));
			t.errors++;
		}
	}
	attack_close(&a);
	close(fd);
	snprintf(path, sizeof path, "%s/waits-%d", dir, i);
	FILE *f = fopen(path, "wb");
	if (f) {
		fwrite(waits, sizeof *waits, nwaits, f);
		fclose(f);
	}
	free(waits);
	snprintf(path, sizeof path, "%s/session-%d", dir, i);
	if ((f = fopen(path, "w"))) {
		fprintf(f, "%ld %ld %ld %ld\n", t.ops, t.conflicts, t.busy, t.errors);
		fclose(f);
	}
	_exit(0);
}

/* `taimako check` again and again until the deadline, beside the writers;
 * leaves "runs failures" in dir/checks. */
static void checker(const char *dir, const char *taimako, const char *db_path, double deadline)
{
	long runs = 0, failures = 0;
	while (attack_now_ms() < deadline) {
		runs++;
		if (!attack_run_check(taimako, db_path, true)) {
			fprintf(stderr, "soak: taimako check failed during the run\n");
			failures++;
		}
	}
	char path[400];
	snprintf(path, sizeof path, "%s/checks", dir);
	FILE *f = fopen(path, "w");
	if (f) {
		fprintf(f, "%ld %ld\n", runs, failures);
		fclose(f);
	}
	_exit(0);
}

static int by_value(const void *a, const void *b)
{
	double x = ((const struct wait *)a)->ms, y = ((const struct wait *)b)->ms;
	return (x > y) - (x < y);
}

/* Adds the sessions' figures; the waits are sorted into *waits. */
static void collect(const char *dir, int n, struct totals *t, struct wait **waits, size_t *nwaits)
{
	memset(t, 0, sizeof *t);
	*waits = NULL;
	*nwaits = 0;
	for (int i = 0; i < n; i++) {
		char path[400];
		snprintf(path, sizeof path, "%s/session-%d", dir, i);
		FILE *f = fopen(path, "r");
		struct totals s;
		if (!f || fscanf(f, "%ld %ld %ld %ld", &s.ops, &s.conflicts, &s.busy, &s.errors) != 4) {
			fprintf(stderr, "soak: session %d left no figures\n", i);
			t->errors++;
		} else {
			t->ops += s.ops;
			t->conflicts += s.conflicts;
			t->busy += s.busy;
			t->errors += s.errors;
		}
		if (f)
			fclose(f);
		snprintf(path, sizeof path, "%s/waits-%d", dir, i);
		long long bytes = file_size(path);
		size_t k = (size_t)bytes / sizeof(struct wait);
		struct wait *more = realloc(*waits, (*nwaits + k + 1) * sizeof(struct wait));
		if (!more || !(f = fopen(path, "rb")))
			continue;
		*waits = more;
		*nwaits += fread(*waits + *nwaits, sizeof(struct wait), k, f);
		fclose(f);
	}
	if (*nwaits)
		qsort(*waits, *nwaits, sizeof **waits, by_value);
}

/* Prints operations, p99 and maximum wait of each write path (the waits
 * are sorted). */
static void print_paths(const struct wait *waits, size_t n)
{
	printf("soak: by path (operations, p99 ms, max ms):");
	for (int op = 0; op < attack_op_count; op++) {
		size_t count = 0, seen = 0;
		for (size_t i = 0; i < n; i++)
			count += waits[i].op == op;
		if (!count)
			continue;
		size_t rank = (size_t)(0.99 * (double)(count - 1));
		double p99 = 0, max = 0;
		for (size_t i = 0; i < n; i++) {
			if (waits[i].op != op)
				continue;
			if (seen++ == rank)
				p99 = waits[i].ms;
			max = waits[i].ms;
		}
		printf(" %s %zu %.0f %.0f;", attack_ops[op].name, count, p99, max);
	}
	printf("\n");
}

int main(int argc, char **argv)
{
	const char *taimako = argc > 1 ? argv[1] : getenv("TAIMAKO");
	if (!taimako || !*taimako)
		taimako = "./taimako";
	long seconds = env_long("SOAK_SECONDS", 120), sessions = env_long("SOAK_SESSIONS", 16);
	long persons = env_long("SOAK_PERSONS", 0), wal_limit_mb = env_long("SOAK_WAL_LIMIT_MB", 64);
	double think_ms = (double)env_long("SOAK_THINK_MS", 5);
	bool with_checks = env_long("SOAK_CHECK", 1) != 0;
	if (sessions < 1 || sessions > MAX_SESSIONS) {
		fprintf(stderr, "soak: SOAK_SESSIONS is from 1 to %d\n", MAX_SESSIONS);
		return 2;
	}
	char dir[256];
	const char *keep = getenv("SOAK_DIR");
	if (keep && *keep) {
		snprintf(dir, sizeof dir, "%s", keep);
		mkdir(dir, 0700);
	} else {
		const char *tmp = getenv("TMPDIR");
		snprintf(dir, sizeof dir, "%s/taimako-soak-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(dir)) {
			perror("soak: mkdtemp");
			return 1;
		}
	}
	char db_path[300], wal_path[310];
	snprintf(db_path, sizeof db_path, "%s/soak.db", dir);
	snprintf(wal_path, sizeof wal_path, "%s-wal", db_path);
	db_remove_files(db_path);
	if (persons > 0) {
		char cmd[1024], count[24];
		snprintf(count, sizeof count, "%ld", persons);
		snprintf(cmd, sizeof cmd, "TAIMAKO_CONFIG= '%s' --db '%s' demo --persons %s >/dev/null", taimako,
		         db_path, count);
		if (system(cmd) != 0) {
			fprintf(stderr, "soak: taimako demo failed\n");
			return 1;
		}
	}
	enum status s = attack_setup(db_path);
	if (s != ST_OK) {
		fprintf(stderr, "soak: cannot set up %s: %s\n", db_path, status_msgid(s));
		return 1;
	}

	double start = attack_now_ms(), deadline = start + (double)seconds * 1000.0;
	pid_t pids[MAX_SESSIONS + 1];
	for (int i = 0; i <= sessions; i++) {
		pids[i] = fork();
		if (pids[i] < 0) {
			perror("soak: fork");
			return 1;
		}
		if (pids[i] == 0) {
			if (i == sessions)
				checker(dir, taimako, db_path, with_checks ? deadline : 0);
			session(dir, db_path, i, deadline, think_ms);
		}
	}
	/* The -wal file's size, every 20 ms while the sessions run. */
	long long wal_max = 0, wal_end = 0;
	int alive = (int)sessions + 1;
	while (alive > 0) {
		long long w = file_size(wal_path);
		if (w > wal_max)
			wal_max = w;
		if (attack_now_ms() < deadline)
			wal_end = w;
		int status;
		pid_t done;
		while ((done = waitpid(-1, &status, WNOHANG)) > 0) {
			alive--;
			if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
				fprintf(stderr, "soak: process %d ended badly (status %d)\n", (int)done, status);
		}
		sleep_ms(20);
	}
	long long wal_closed = file_size(wal_path);
	double elapsed = (attack_now_ms() - start) / 1000.0;

	struct totals t;
	struct wait *waits;
	size_t nwaits;
	collect(dir, (int)sessions, &t, &waits, &nwaits);
	long checks = 0, check_failed = 0;
	char path[400];
	snprintf(path, sizeof path, "%s/checks", dir);
	FILE *f = fopen(path, "r");
	if (!f || fscanf(f, "%ld %ld", &checks, &check_failed) != 2)
		check_failed++;
	if (f)
		fclose(f);

	const char *files[MAX_SESSIONS];
	char names[MAX_SESSIONS][400];
	for (int i = 0; i < sessions; i++) {
		snprintf(names[i], sizeof names[i], "%s/acks-%d", dir, i);
		files[i] = names[i];
	}
	long acks = 0, lost = 0, overwrites = 0, duplicates = 0;
	if (!attack_verify(db_path, files, (int)sessions, &acks, &lost, &overwrites, &duplicates))
		lost = -1;
	char why[256];
	bool sound = attack_integrity(db_path, why, sizeof why) && attack_run_check(taimako, db_path, true);
	if (!sound)
		fprintf(stderr, "soak: the database is not sound at the end: %s\n", why);

	double p50 = nwaits ? waits[(size_t)(0.50 * (double)(nwaits - 1))].ms : 0;
	double p99 = nwaits ? waits[(size_t)(0.99 * (double)(nwaits - 1))].ms : 0;
	double max = nwaits ? waits[nwaits - 1].ms : 0;
	print_paths(waits, nwaits);
	free(waits);
	bool wal_ok = wal_max <= wal_limit_mb * 1024 * 1024;
	printf("soak: %ld sessions for %.1f s, checks beside them %ld (failed %ld)\n", sessions, elapsed, checks,
	       check_failed);
	printf("soak: operations %ld (%.0f/s), acknowledged writes %ld, conflicts detected %ld, "
	       "busy errors shown to a user %ld, other errors %ld\n",
	       t.ops, (double)t.ops / (elapsed > 0 ? elapsed : 1), acks, t.conflicts, t.busy, t.errors);
	printf("soak: lost writes %ld, silent overwrites %ld, duplicate case numbers or admissions %ld\n", lost, overwrites,
	       duplicates);
	printf("soak: wait per operation p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", p50, p99, max);
	printf("soak: WAL largest %.1f MB (limit %ld), at the end of the run %.1f MB, after the last close %.1f MB\n",
	       (double)wal_max / 1048576.0, wal_limit_mb, (double)wal_end / 1048576.0, (double)wal_closed / 1048576.0);
	bool ok = lost == 0 && overwrites == 0 && duplicates == 0 && t.errors == 0 && check_failed == 0 && sound
	          && wal_ok && acks > 0;
	if (!wal_ok)
		fprintf(stderr, "soak: the WAL grew past %ld MB\n", wal_limit_mb);
	if (ok && !(keep && *keep)) {
		char cmd[400];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "soak: could not remove %s\n", dir);
	} else if (!ok) {
		printf("soak: files kept in %s\n", dir);
	}
	printf(ok ? "[  PASSED  ] 1 test(s).\n" : "[  FAILED  ] 1 test(s), listed below:\n[  FAILED  ] soak\n");
	return ok ? 0 : 1;
}
