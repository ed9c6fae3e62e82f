/* What the crash test and the soak share around the write paths of ops.c:
 * setting up the database, opening a writer, choosing a path, verifying
 * the acknowledged lines, the integrity check and `taimako check`. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "attack.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/role.h"
#include "db/db.h"
#include "db/person.h"
#include "demo/demo.h"
#include "db/sync.h"

uint64_t attack_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

long long attack_pick(struct attack *a, long long n)
{
	return n > 0 ? (long long)(attack_rand(&a->rng) % (uint64_t)n) : 0;
}

double attack_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The hot people: registered once, edited by every writer. */
static enum status add_hot(struct db *db)
{
	struct pdate t = clock_today();
	for (int i = 0; i < ATTACK_HOT; i++) {
		struct person p;
		memset(&p, 0, sizeof p);
		snprintf(p.family_name, sizeof p.family_name, "Hot");
		snprintf(p.given_names, sizeof p.given_names, "Person %c", 'A' + i);
		p.sex = i % 2 ? 'm' : 'f';
		date_to_iso(&t, p.arrival_date, sizeof p.arrival_date);
		date_to_iso(&t, p.consent_date, sizeof p.consent_date);
		snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
		snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
		p.consent_data = true;
		enum status s = person_save(db, &p, NULL, NULL, 0);
		if (s != ST_OK)
			return s;
	}
	return ST_OK;
}

enum status attack_setup(const char *path)
{
	struct stat sb;
	bool fresh = stat(path, &sb) != 0;
	struct db *db;
	enum status s = db_open(path, fresh ? DB_CREATE : DB_EXISTING, &db, NULL, 0);
	if (s != ST_OK)
		return s;
	db_set_actor(db, 0, "attack", ROLE_ADMIN, "cli");
	long long rows;
	if (fresh)
		s = demo_fill(db, 0);
	if (fresh && s == ST_OK)   /* every write captured in the change log from now on */
		s = sync_init(db, "Attack", &rows);
	db_set_actor(db, 0, "attack", ROLE_INTAKE, "cli");
	if (s == ST_OK)
		s = add_hot(db);
	db_close(&db);
	return s;
}

/* Reads ids the writer needs (test code: plain SQL, read-only). */
static bool read_ids(struct attack *a, const char *path)
{
	sqlite3 *ro;
	if (sqlite3_open_v2(path, &ro, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(ro);
		return false;
	}
	sqlite3_busy_timeout(ro, 5000);
	sqlite3_stmt *st;
	bool ok = sqlite3_prepare_v2(ro, "SELECT id FROM app_user WHERE name = ?1", -1, &st, NULL) == SQLITE_OK;
	const char *names[] = { "admin", "intake", "medical" };
	long long *ids[] = { &a->admin_id, &a->intake_id, &a->medical_id };
	for (int i = 0; ok && i < 3; i++) {
		sqlite3_bind_text(st, 1, names[i], -1, SQLITE_STATIC);
		ok = sqlite3_step(st) == SQLITE_ROW;
		*ids[i] = ok ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	ok = ok && sqlite3_prepare_v2(ro, "SELECT id FROM person WHERE family_name = 'Hot' ORDER BY id LIMIT ?1",
	                              -1, &st, NULL) == SQLITE_OK;
	int n = 0;
	if (ok) {
		sqlite3_bind_int(st, 1, ATTACK_HOT);
		while (sqlite3_step(st) == SQLITE_ROW)
			a->hot[n++] = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(ro);
	return ok && n == ATTACK_HOT;
}

enum status attack_open(struct attack *a, const char *path, uint64_t seed, long long token)
{
	memset(a, 0, sizeof *a);
	a->rng = seed;
	a->token = token;
	if (!read_ids(a, path))
		return ST_INTERNAL;
	char detail[256];
	enum status s = db_open(path, DB_EXISTING, &a->db, detail, sizeof detail);
	if (s != ST_OK)
		fprintf(stderr, "attack: opening %s: %s (%s)\n", path, status_msgid(s), detail);
	return s;
}

void attack_close(struct attack *a)
{
	db_close(&a->db);
}

enum status attack_step(struct attack *a, const struct attack_op **op, char *ack, size_t size)
{
	int total = 0;
	for (int i = 0; i < attack_op_count; i++)
		total += attack_ops[i].run ? attack_ops[i].weight : 0;
	long long r = attack_pick(a, total);
	int i = 0;
	for (; i < attack_op_count; i++) {
		if (!attack_ops[i].run)
			continue;
		if (r < attack_ops[i].weight)
			break;
		r -= attack_ops[i].weight;
	}
	*op = &attack_ops[i];
	ack[0] = '\0';
	return attack_ops[i].run(a, ack, size);
}

/* ---- verification --------------------------------------------------------- */

struct lines {
	char **v;
	size_t n, cap;
};

static bool add_line(struct lines *l, const char *s, size_t len)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 1024;
		char **more = realloc(l->v, cap * sizeof *more);
		if (!more)
			return false;
		l->v = more;
		l->cap = cap;
	}
	char *copy = malloc(len + 1);
	if (!copy)
		return false;
	memcpy(copy, s, len);
	copy[len] = '\0';
	l->v[l->n++] = copy;
	return true;
}

/* Adds the finished lines of the file at path. */
static bool read_acks(const char *path, struct lines *l)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;
	bool ok = true;
	while (ok && (len = getline(&buf, &cap, f)) > 0)
		if (buf[len - 1] == '\n' && len > 1)
			ok = add_line(l, buf, (size_t)len - 1);
	free(buf);
	fclose(f);
	return ok;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static const struct attack_op *op_of(const char *line, const char **args)
{
	size_t k = strcspn(line, " ");
	*args = line[k] ? line + k + 1 : line + k;
	for (int i = 0; i < attack_op_count; i++)
		if (attack_ops[i].verify && strlen(attack_ops[i].name) == k && strncmp(attack_ops[i].name, line, k) == 0)
			return &attack_ops[i];
	return NULL;
}

/* The length of "kind id version" at the start of line. */
static size_t version_prefix(const char *line)
{
	size_t k = strcspn(line, " ");
	for (int w = 0; w < 2 && line[k]; w++)
		k += 1 + strcspn(line + k + 1, " ");
	return k;
}

/* Counts pairs of versioned acks with the same kind, id and version (the
 * lines are sorted: they are next to each other). */
static long count_overwrites(const struct lines *l)
{
	long n = 0;
	for (size_t i = 1; i < l->n; i++) {
		const char *args, *a = l->v[i - 1], *b = l->v[i];
		const struct attack_op *op = op_of(b, &args);
		size_t k = version_prefix(b);
		if (op && op->versioned && version_prefix(a) == k && strncmp(a, b, k) == 0) {
			fprintf(stderr, "silent overwrite: '%s' and '%s'\n", a, b);
			n++;
		}
	}
	return n;
}

/* Case numbers given twice, in the acks and in the database, and people
 * admitted twice. */
static long count_duplicates(sqlite3 *ro, const struct lines *l)
{
	struct lines keys = { NULL, 0, 0 };
	long n = 0;
	for (size_t i = 0; i < l->n; i++) {
		char kind[16], key[32];
		long long id;
		if (sscanf(l->v[i], "%15s %lld %31s", kind, &id, key) == 3 && strcmp(kind, "person") == 0)
			add_line(&keys, key, strlen(key));
	}
	qsort(keys.v, keys.n, sizeof *keys.v, by_text);
	for (size_t i = 1; i < keys.n; i++)
		if (strcmp(keys.v[i - 1], keys.v[i]) == 0) {
			fprintf(stderr, "case number acknowledged twice: %s\n", keys.v[i]);
			n++;
		}
	for (size_t i = 0; i < keys.n; i++)
		free(keys.v[i]);
	free(keys.v);
	/* And two stays open at once for one person: an admission twice. */
	static const char *const sql[] = {
		"SELECT count(*) FROM (SELECT case_key FROM person GROUP BY case_key HAVING count(*) > 1)",
		"SELECT count(*) FROM (SELECT person_id FROM stay WHERE departed IS NULL GROUP BY person_id "
		"HAVING count(*) > 1)",
	};
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st;
		long long k = 0;
		if (sqlite3_prepare_v2(ro, sql[i], -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
			k = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		if (k)
			fprintf(stderr, "%s: %lld\n", i ? "people with two open stays" : "case numbers given twice", k);
		n += k;
	}
	return n;
}

/* Prints how many acks of each kind there are (the lines are sorted). */
static void print_kinds(const struct lines *l)
{
	printf("acknowledged by kind:");
	for (size_t i = 0, count = 0; i < l->n; i++) {
		size_t k = strcspn(l->v[i], " ");
		count++;
		if (i + 1 == l->n || strncmp(l->v[i], l->v[i + 1], k + 1) != 0) {
			printf(" %.*s %zu", (int)k, l->v[i], count);
			count = 0;
		}
	}
	printf("\n");
}

bool attack_verify(const char *db_path, const char *const *ack_files, int nfiles, long *acks, long *lost,
                   long *overwrites, long *duplicates)
{
	struct lines l = { NULL, 0, 0 };
	*acks = *lost = *overwrites = *duplicates = 0;
	bool ok = true;
	for (int i = 0; ok && i < nfiles; i++)
		ok = read_acks(ack_files[i], &l);
	sqlite3 *ro = NULL;
	if (ok && sqlite3_open_v2(db_path, &ro, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		ok = false;
	if (ok) {
		sqlite3_busy_timeout(ro, 5000);
		/* One read transaction: every check sees the same state. */
		sqlite3_exec(ro, "BEGIN", NULL, NULL, NULL);
		qsort(l.v, l.n, sizeof *l.v, by_text);
		*acks = (long)l.n;
		int nth = 0;
		for (size_t i = 0; i < l.n; i++) {
			nth = i > 0 && strcmp(l.v[i - 1], l.v[i]) == 0 ? nth + 1 : 0;
			const char *args;
			const struct attack_op *op = op_of(l.v[i], &args);
			char why[128] = "unknown kind of line";
			if (!op || !op->verify(ro, args, nth, why, sizeof why)) {
				fprintf(stderr, "lost: '%s': %s\n", l.v[i], why);
				++*lost;
			}
		}
		print_kinds(&l);
		*overwrites = count_overwrites(&l);
		*duplicates = count_duplicates(ro, &l);
		sqlite3_exec(ro, "COMMIT", NULL, NULL, NULL);
	}
	sqlite3_close(ro);
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
	return ok;
}

bool attack_integrity(const char *db_path, char *why, size_t size)
{
	sqlite3 *ro;
	snprintf(why, size, "cannot open");
	if (sqlite3_open_v2(db_path, &ro, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(ro);
		return false;
	}
	sqlite3_busy_timeout(ro, 5000);
	sqlite3_stmt *st;
	bool ok = false;
	if (sqlite3_prepare_v2(ro, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW) {
			const unsigned char *t = sqlite3_column_text(st, 0);
			snprintf(why, size, "%s", t ? (const char *)t : "");
			ok = t && strcmp((const char *)t, "ok") == 0;
		}
		sqlite3_finalize(st);
	}
	/* The change log holds every entry of this site, numbered without a
	 * gap: each write's entry was written in its transaction. */
	if (ok && sqlite3_prepare_v2(ro, "SELECT s.have = (SELECT count(*) FROM sync_log l WHERE l.origin = s.site) "
	                             "AND s.have = (SELECT coalesce(max(origin_seq), 0) FROM sync_log l "
	                             "WHERE l.origin = s.site) FROM sync_site s WHERE s.self = 1", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW && !sqlite3_column_int(st, 0)) {
			snprintf(why, size, "the change log has a gap or an entry too many");
			ok = false;
		}
		sqlite3_finalize(st);
	}
	sqlite3_close(ro);
	return ok;
}

bool attack_run_check(const char *taimako, const char *db_path, bool quiet)
{
	pid_t pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0) {
		if (quiet) {
			int fd = open("/dev/null", O_WRONLY);
			if (fd >= 0) {
				dup2(fd, 1);
				close(fd);
			}
		}
		execl(taimako, taimako, "--db", db_path, "check", (char *)NULL);
		_exit(127);
	}
	int status;
	if (waitpid(pid, &status, 0) != pid)
		return false;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}
