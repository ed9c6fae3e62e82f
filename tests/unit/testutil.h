#ifndef TAIMAKO_TEST_UTIL_H
#define TAIMAKO_TEST_UTIL_H
/* Helpers shared by the unit tests: a fresh temporary folder per test. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
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

/* Removes the folder and everything in it. */
static inline void tmpdir_remove(struct tmpdir *t)
{
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
