#ifndef TAIMAKO_TEST_UTIL_H
#define TAIMAKO_TEST_UTIL_H
/* Helpers shared by the unit tests: a fresh temporary folder per test. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct tmpdir {
	char dir[256];
	char db[300];
};

/* Makes a new empty folder and the path of a database inside it. */
static inline void tmpdir_make(struct tmpdir *t)
{
	const char *base = getenv("TMPDIR");
	snprintf(t->dir, sizeof t->dir, "%s/taimako-test-XXXXXX", base && *base ? base : "/tmp");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->db, sizeof t->db, "%s/t.db", t->dir);
}

/* Fails the test when a row of the audit trail of the database at path
 * (if there is one) holds changes that are not valid JSON: every test that
 * writes through the data layer checks the trail it leaves. */
static inline void audit_json_is_valid(const char *path)
{
	sqlite3 *handle = NULL;
	if (access(path, F_OK) != 0)
		return;
	if (sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(handle, "SELECT id, changes FROM audit WHERE changes IS NOT NULL "
		                       "AND NOT json_valid(changes) LIMIT 1", -1, &st, NULL) == SQLITE_OK
		    && sqlite3_step(st) == SQLITE_ROW) {
			fprintf(stderr, "audit row %lld is not valid JSON: %.200s\n", (long long)sqlite3_column_int64(st, 0),
			        (const char *)sqlite3_column_text(st, 1));
			sqlite3_finalize(st);
			sqlite3_close(handle);
			fail();
		}
		sqlite3_finalize(st);
	}
	sqlite3_close(handle);
}

/* Removes the folder and everything in it, after checking the trail of its
 * database. */
static inline void tmpdir_remove(struct tmpdir *t)
{
	audit_json_is_valid(t->db);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
	assert_int_equal(system(cmd), 0);
}

/* Reads a whole small file into a new buffer; *len gets its size. */
static inline char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(1 << 20);
	*len = buf ? fread(buf, 1, 1 << 20, f) : 0;
	fclose(f);
	return buf;
}

#endif
