/* Fuzz target: the lookup box (db/person_find.c, db/person_lookup.c):
 * what a user types becomes FTS5 queries. A small database of demo people
 * is made once. Properties: the query built for any text is valid FTS5
 * syntax (an empty index of its own runs it), made of quoted terms of
 * letters and digits; the lookup and its count never fail, whatever was
 * typed; a first page that does not fill holds exactly the people counted;
 * the page before the end gives the same people. */
#define _POSIX_C_SOURCE 200809L   /* mkdtemp */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/role.h"
#include "db/db.h"
#include "db/person.h"
#include "db/person_private.h"
#include "db/user.h"
#include "demo/demo.h"
#include "demo/demo_persons.h"
#include "fuzz.h"

#define PAGE 8

static struct db *db;
static sqlite3 *fts;
static char dir[256], path[300];

static void cleanup(void)
{
	db_close(&db);
	sqlite3_close(fts);
	db_remove_files(path);
	rmdir(dir);
}

static void setup(void)
{
	const char *base = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/taimako-fuzz-XXXXXX", base && *base ? base : "/tmp");
	FUZZ_CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/lookup.db", dir);
	FUZZ_CHECK(db_open(path, DB_CREATE, &db, NULL, 0) == ST_OK);
	atexit(cleanup);
	db_set_actor(db, 0, "fuzz", ROLE_ADMIN, "fuzz");
	FUZZ_CHECK(demo_fill(db, 0) == ST_OK);
	FUZZ_CHECK(demo_persons(db, &(struct demo_options){ .persons = 300, .seed = 7u }) == ST_OK);
	long long clerk = 0;
	FUZZ_CHECK(user_add(db, "clerk", "Clerk", ROLE_INTAKE, "AGZ", "fr", "a long password", &clerk) == ST_OK);
	db_set_actor(db, clerk, "clerk", ROLE_INTAKE, "fuzz");
	FUZZ_CHECK(sqlite3_open(":memory:", &fts) == SQLITE_OK);
	FUZZ_CHECK(sqlite3_exec(fts, "CREATE VIRTUAL TABLE t USING fts5(x)", NULL, NULL, NULL) == SQLITE_OK);
}

/* True when FTS5 accepts match as a query. */
static bool fts_ok(const char *match)
{
	sqlite3_stmt *st = NULL;
	FUZZ_CHECK(sqlite3_prepare_v2(fts, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &st, NULL) == SQLITE_OK);
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		fprintf(stderr, "FTS5 refuses %s: %s\n", match, sqlite3_errmsg(fts));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW;
}

/* Terms are "..." or "..."* of a-z 0-9, joined by blanks, OR and
 * parentheses. */
static bool plain_terms(const char *m)
{
	while (*m) {
		if (*m == '"') {
			m++;
			while ((*m >= 'a' && *m <= 'z') || (*m >= '0' && *m <= '9'))
				m++;
			if (*m++ != '"')
				return false;
			if (*m == '*')
				m++;
		} else if (*m == ' ' || *m == '(' || *m == ')') {
			m++;
		} else if (strncmp(m, "OR ", 3) == 0) {
			m += 3;
		} else {
			return false;
		}
	}
	return true;
}

struct page {
	int n;
	long long id[PAGE];
};

static void on_hit(const struct person_hit *h, void *ctx)
{
	struct page *p = ctx;
	FUZZ_CHECK(p->n < PAGE);
	FUZZ_CHECK(h->id > 0);
	for (int i = 0; i < p->n; i++)
		FUZZ_CHECK(p->id[i] != h->id);
	p->id[p->n++] = h->id;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		setup();
	/* The lookup box holds a line of at most a few hundred bytes. */
	char *typed = fuzz_cstr(data, size > 400 ? 400 : size);
	char match[512];
	bool any = person_match_query(typed, "227", match, sizeof match);
	if (any) {
		FUZZ_CHECK(match[0] && strlen(match) < sizeof match - 1);
		FUZZ_CHECK(plain_terms(match));
		FUZZ_CHECK(fts_ok(match));
	} else {
		FUZZ_CHECK(match[0] == '\0');
	}

	struct page after = { 0, { 0 } }, before = { 0, { 0 } };
	bool more = true, over = true;
	int count = -1;
	FUZZ_CHECK(person_search_page(db, typed, PAGE_AFTER, 0, PAGE, on_hit, &after, &more) == ST_OK);
	FUZZ_CHECK(person_search_count(db, typed, 1000, &count, &over) == ST_OK);
	FUZZ_CHECK(count >= 0 && count <= 1000);
	if (!any)
		FUZZ_CHECK(after.n == 0 && !more && count == 0);
	if (!more)
		FUZZ_CHECK(after.n == count);
	else
		FUZZ_CHECK(after.n == PAGE && count >= PAGE);
	/* The last page, read backwards: when everything fits in one page,
	 * the same people in the same order. */
	FUZZ_CHECK(person_search_page(db, typed, PAGE_BEFORE, 0, PAGE, on_hit, &before, &more) == ST_OK);
	if (after.n < PAGE) {
		FUZZ_CHECK(before.n == after.n);
		for (int i = 0; i < after.n; i++)
			FUZZ_CHECK(before.id[i] == after.id[i]);
	}
	free(typed);
	return 0;
}
