#ifndef TAIMAKO_TESTS_DEMO_FIXTURE_H
#define TAIMAKO_TESTS_DEMO_FIXTURE_H
/* What the tests of the demo generators share: a demo database with its
 * accounts and people, one integer read by SQL, and a sample of rows
 * (concatenated by each query) to compare two runs of a generator. A file
 * defines PEOPLE and PEOPLE_SEED before including it. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_private.h"
#include "demo/demo.h"
#include "demo/demo_persons.h"

/* A new database at path with the demo accounts and PEOPLE people. */
static inline struct db *open_demo(const char *path)
{
	struct db *db;
	assert_int_equal(db_open(path, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(demo_fill(db, 0), ST_OK);
	assert_int_equal(demo_persons(db, &(struct demo_options){ .persons = PEOPLE, .seed = PEOPLE_SEED }), ST_OK);
	return db;
}

/* The integer of the first row of sql (the statement printed if it is wrong). */
static inline long long q_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		print_error("%s: %s\n", sql, sqlite3_errmsg(db_sqlite(db)));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The first column of every row of the n queries sql, a line each, into out. */
static inline void demo_sample(struct db *db, const char *const *sql, size_t n, char *out, size_t size)
{
	out[0] = '\0';
	for (size_t q = 0; q < n; q++) {
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql[q], -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW) {
			size_t len = strlen(out);
			snprintf(out + len, size - len, "%s\n", sqlite3_column_text(st, 0));
		}
		sqlite3_finalize(st);
	}
}

#endif
