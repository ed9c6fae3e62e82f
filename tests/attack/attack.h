#ifndef TAIMAKO_TEST_ATTACK_H
#define TAIMAKO_TEST_ATTACK_H
/* What the crash test and the soak share: the write paths they drive
 * through the data layer (ops.c), the acknowledgement lines the writers
 * print after each commit, and their verification against the database.
 *
 * A write path is one row of attack_ops[] in ops.c: a name, a weight, a
 * function that writes through the data layer as a screen would and, on
 * ST_OK, describes what it wrote in one line (its "ack"), and a function
 * that checks that line against the database afterwards. A new module adds
 * its writes with one row and these two functions. */
#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/status.h"

struct db;

#define ATTACK_HOT 8          /* people every session edits */
#define ATTACK_MINE 32        /* people a writer keeps of its own */
#define ATTACK_ACK_MAX 512

/* One writer (a crash-test child or a soak session). */
struct attack {
	struct db *db;
	uint64_t rng;
	long long token;          /* unique across every writer and round; grows */
	long long admin_id, intake_id, medical_id;
	long long hot[ATTACK_HOT];
	long long mine[ATTACK_MINE];
	int nmine;
	long long consult_id;     /* this writer's last consultation (to edit), 0 none */
	long long consult_person; /* its person */
	long long case_id;        /* its open pregnancy case, 0 none */
	long long user_id;        /* the account it made last, 0 none */
	char user_name[40];
	double think_ms;          /* pause between reading and saving an edit */
};

/* One write path. run returns ST_OK with ack filled ("kind args..."), or
 * ST_CONFLICT (another session changed the record: detected), or another
 * status (ST_BUSY is what a user would be shown as busy). */
struct attack_op {
	const char *name;
	int weight;
	enum status (*run)(struct attack *a, char *ack, size_t size);
	/* Checks one ack (its text after "kind "), the nth identical one
	 * (0 first); false with the reason in why. */
	bool (*verify)(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
	/* The ack is "kind id version ...": two acks of the same id and version
	 * are an overwrite that went unnoticed. */
	bool versioned;
};

extern const struct attack_op attack_ops[];
extern const int attack_op_count;

/* splitmix64 and a number in [0, n). */
uint64_t attack_rand(uint64_t *state);
long long attack_pick(struct attack *a, long long n);

/* Creates the database at path as the soak and crash test start it: the
 * demo accounts and the hot people. */
enum status attack_setup(const char *path);

/* Opens path as a writer: signs the demo accounts in, reads the hot
 * people. token is where this writer's unique numbers start. */
enum status attack_open(struct attack *a, const char *path, uint64_t seed, long long token);

/* Closes the writer's connection. */
void attack_close(struct attack *a);

/* Runs one write path chosen by weight; *op receives it. */
enum status attack_step(struct attack *a, const struct attack_op **op, char *ack, size_t size);

/* Verifies the acks in the file at path (one a line; an unfinished last
 * line is ignored) against the database path, read-only. Prints each
 * problem on stderr. *acks receives the number of acks, *lost the acks
 * whose record is missing or wrong, *overwrites the edits acknowledged
 * twice with the same version (a silent overwrite), *duplicates the case
 * numbers given twice (and people with two open stays). false when the
 * files cannot be read. */
bool attack_verify(const char *db_path, const char *const *ack_files, int nfiles, long *acks, long *lost,
                   long *overwrites, long *duplicates);

/* Runs PRAGMA integrity_check on path read-only: true when "ok". */
bool attack_integrity(const char *db_path, char *why, size_t size);

/* Runs `taimako --db path check` (binary taimako); true when it exits 0. */
bool attack_run_check(const char *taimako, const char *db_path, bool quiet);

/* Milliseconds on the monotonic clock. */
double attack_now_ms(void);

#endif
