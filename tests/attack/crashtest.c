/* make crashtest: a writer drives every write path of the data layer
 * (tests/attack/ops.c) and prints each record it got acknowledged (the
 * data-layer call returned ST_OK, so it committed) to a log; it is killed
 * with SIGKILL at a random moment, CRASH_ROUNDS times (default 200), each
 * round a new writer on the same database. After each round `taimako
 * check` and SQLite's integrity check must pass; at the end every
 * acknowledged record must be in the database.
 *
 *   crashtest [TAIMAKO]     (default $TAIMAKO, else ./taimako)
 *
 * Environment: CRASH_ROUNDS, CRASH_MAX_MS (longest between two kills,
 * default 300), CRASH_WRITERS (writers at once, default 1: each round one of
 * them is killed and replaced, the others write on), CRASH_DIR (keep the
 * database and log there; default a temporary
 * folder removed when everything passed). Prints the figures, then a
 * cmocka-style line that scripts/run-tests.sh counts. Exit status 0 only
 * when nothing was lost and every check passed. */
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

#define MAX_WRITERS 32

static long env_long(const char *name, long def)
{
	const char *v = getenv(name);
	char *end;
	long n = v && *v ? strtol(v, &end, 10) : def;
	return v && *v && (*end || n <= 0) ? def : n;
}

static void sleep_ms(double ms)
{
	struct timespec ts = { (time_t)(ms / 1000), (long)((ms - (double)(time_t)(ms / 1000) * 1000) * 1e6) };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* The writer: writes until killed. Exits 3 on a result no user should
 * ever get (anything but done, conflict or busy). */
static void writer(const char *db_path, const char *log_path, long round)
{
	int fd = open(log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	struct attack a;
	if (fd < 0 || attack_open(&a, db_path, 0x5441494DULL + (uint64_t)round, (round + 1) * 100000LL) != ST_OK) {
		fprintf(stderr, "crashtest: round %ld: cannot open the writer\n", round);
		_exit(3);
	}
	for (;;) {
		const struct attack_op *op;
		char ack[ATTACK_ACK_MAX];
		enum status s = attack_step(&a, &op, ack, sizeof ack - 1);
		if (s == ST_OK && ack[0]) {
			size_t n = strlen(ack);
			ack[n++] = '\n';
			/* One write(2): in the kernel before the next write starts. */
			if (write(fd, ack, n) != (ssize_t)n)
				_exit(3);
		} else if (s != ST_OK && s != ST_CONFLICT && s != ST_BUSY) {
			fprintf(stderr, "crashtest: round %ld: %s: %s\n", round, op->name, status_msgid(s));
			_exit(3);
		}
	}
}

/* Starts writer number n; its pid, or -1. */
static pid_t spawn(const char *db_path, const char *log_path, long n)
{
	pid_t pid = fork();
	if (pid < 0)
		perror("crashtest: fork");
	else if (pid == 0)
		writer(db_path, log_path, n);
	return pid;
}

/* Kills a writer with SIGKILL and waits for it; one that had ended by
 * itself is counted as an error. false when it cannot be waited for. */
static bool reap(pid_t pid, long *killed, long *errors)
{
	int status;
	kill(pid, SIGKILL);
	if (waitpid(pid, &status, 0) != pid) {
		perror("crashtest: waitpid");
		return false;
	}
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
		++*killed;
	else
		++*errors;
	return true;
}

int main(int argc, char **argv)
{
	const char *taimako = argc > 1 ? argv[1] : getenv("TAIMAKO");
	if (!taimako || !*taimako)
		taimako = "./taimako";
	long rounds = env_long("CRASH_ROUNDS", 200), max_ms = env_long("CRASH_MAX_MS", 300);
	long writers = env_long("CRASH_WRITERS", 1);
	if (writers > MAX_WRITERS) {
		fprintf(stderr, "crashtest: CRASH_WRITERS is from 1 to %d\n", MAX_WRITERS);
		return 2;
	}
	char dir[256];
	const char *keep = getenv("CRASH_DIR");
	if (keep && *keep) {
		snprintf(dir, sizeof dir, "%s", keep);
		mkdir(dir, 0700);
	} else {
		const char *tmp = getenv("TMPDIR");
		snprintf(dir, sizeof dir, "%s/taimako-crash-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(dir)) {
			perror("crashtest: mkdtemp");
			return 1;
		}
	}
	char db_path[300], log_path[300];
	snprintf(db_path, sizeof db_path, "%s/crash.db", dir);
	snprintf(log_path, sizeof log_path, "%s/acks.log", dir);
	db_remove_files(db_path);
	unlink(log_path);
	enum status s = attack_setup(db_path);
	if (s != ST_OK) {
		fprintf(stderr, "crashtest: cannot create %s: %s\n", db_path, status_msgid(s));
		return 1;
	}
	uint64_t rng = 0x43524153ULL;
	long errors = 0, check_failed = 0, integrity_failed = 0, killed = 0;
	double start = attack_now_ms();
	/* CRASH_WRITERS writers at once; each round one of them, at random, is
	 * killed and replaced by a new one (numbered by spawn). */
	pid_t pids[MAX_WRITERS];
	long spawned = 0;
	for (long w = 0; w < writers; w++)
		if ((pids[w] = spawn(db_path, log_path, spawned++)) < 0)
			return 1;
	for (long r = 0; r < rounds; r++) {
		sleep_ms((double)(attack_rand(&rng) % (uint64_t)(max_ms * 1000)) / 1000.0);
		long w = (long)(attack_rand(&rng) % (uint64_t)writers);
		if (!reap(pids[w], &killed, &errors))
			return 1;
		char why[256];
		if (!attack_run_check(taimako, db_path, true)) {
			fprintf(stderr, "crashtest: round %ld: taimako check failed\n", r);
			check_failed++;
		}
		if (!attack_integrity(db_path, why, sizeof why)) {
			fprintf(stderr, "crashtest: round %ld: integrity_check: %s\n", r, why);
			integrity_failed++;
		}
		if (r + 1 < rounds && (pids[w] = spawn(db_path, log_path, spawned++)) < 0)
			return 1;
		else if (r + 1 == rounds)
			pids[w] = 0;
	}
	/* The others are killed too, each at its own moment of writing. */
	for (long w = 0; w < writers; w++)
		if (pids[w] > 0 && !reap(pids[w], &killed, &errors))
			return 1;
	long acks = 0, lost = 0, overwrites = 0, duplicates = 0;
	const char *files[] = { log_path };
	if (!attack_verify(db_path, files, 1, &acks, &lost, &overwrites, &duplicates)) {
		fprintf(stderr, "crashtest: cannot read %s or %s\n", log_path, db_path);
		lost = -1;
	}
	bool ok = lost == 0 && overwrites == 0 && duplicates == 0 && errors == 0 && check_failed == 0
	          && integrity_failed == 0 && acks > 0;
	printf("crashtest: rounds %ld, writers at once %ld (killed while writing %ld), acknowledged records %ld, lost %ld, "
	       "silent overwrites %ld, duplicate case numbers or admissions %ld, writer errors %ld, "
	       "check failures %ld, integrity failures %ld, %.1f s\n",
	       rounds, writers, killed, acks, lost, overwrites, duplicates, errors, check_failed, integrity_failed,
	       (attack_now_ms() - start) / 1000.0);
	if (ok && !(keep && *keep)) {
		db_remove_files(db_path);
		unlink(log_path);
		rmdir(dir);
	} else if (!ok) {
		printf("crashtest: database and log kept in %s\n", dir);
	}
	/* For scripts/run-tests.sh, which counts cmocka's summary lines. */
	printf(ok ? "[  PASSED  ] 1 test(s).\n" : "[  FAILED  ] 1 test(s), listed below:\n[  FAILED  ] crashtest\n");
	return ok ? 0 : 1;
}
