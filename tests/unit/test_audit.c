/* Reading the audit trail back: filters, dates as local days, keyset
 * paging, permission checks, and no read snapshot left open. */
#include <sqlite3.h>
#include <time.h>
#include "testutil.h"
#include "core/date.h"
#include "core/role.h"
#include "db/audit.h"
#include "db/db.h"

#define MAX_ROWS 64

struct fixture {
	struct tmpdir t;
	struct db *db;
};

/* Rows collected from audit_query. */
struct capture {
	struct audit_row rows[MAX_ROWS];
	int n;
	int calls;
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	tmpdir_make(&fx->t);
	assert_int_equal(db_open(fx->t.db, DB_CREATE, &fx->db, NULL, 0), ST_OK);
	db_set_actor(fx->db, 0, "test", ROLE_ADMIN, "test");
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	db_close(&fx->db);
	tmpdir_remove(&fx->t);
	free(fx);
	return 0;
}

/* Collects every row it is given. */
static void collect(const struct audit_row *row, void *ctx)
{
	struct capture *c = ctx;
	c->calls++;
	if (c->n < MAX_ROWS)
		c->rows[c->n++] = *row;
}

/* Writes one audit row in its own transaction, as user (the actor is then
 * the administrator again, who may read the trail). */
static void write_as(struct db *db, const char *user, long long user_id, const char *action,
                     const char *entity, long long entity_id, const char *changes)
{
	db_set_actor(db, user_id, user, ROLE_INTAKE, "ssh 10.0.0.5");
	assert_int_equal(db_begin(db), ST_OK);
	assert_int_equal(audit_log(db, action, entity, entity_id, changes), ST_OK);
	assert_int_equal(db_commit(db), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
}

/* A small trail: amina and bello working on persons 1 and 2. */
static void write_story(struct db *db)
{
	write_as(db, "amina", 0, "login", "session", 0, NULL);
	write_as(db, "amina", 0, "create", "person", 1, "{\"name\":[null,\"Aïssa\"]}");
	write_as(db, "bello", 0, "login_failed", "session", 0, NULL);
	write_as(db, "bello", 0, "login", "session", 0, NULL);
	write_as(db, "bello", 0, "update", "person", 1, "{\"phone\":[null,\"+227 90 00 00 00\"]}");
	write_as(db, "amina", 0, "create", "person", 2, NULL);
	write_as(db, "bello", 0, "view", "person", 2, NULL);
	write_as(db, "amina", 0, "update", "person", 1, "{\"town\":[\"Agadez\",\"Arlit\"]}");
}

/* Runs a query that must succeed, collecting into c (emptied first). */
static void query(struct db *db, const struct audit_filter *f, long long before, int limit,
                  struct capture *c, bool *more)
{
	c->n = c->calls = 0;
	assert_int_equal(audit_query(db, f, before, limit, collect, c, more), ST_OK);
}

/* Asserts the ids come strictly newest first. */
static void assert_newest_first(const struct capture *c)
{
	for (int i = 1; i < c->n; i++)
		assert_true(c->rows[i - 1].id > c->rows[i].id);
}

/* The local calendar day offset days from today, as "YYYY-MM-DD". */
static void local_day(int offset, char out[11])
{
	struct pdate d = date_from_time(time(NULL) + (time_t)offset * 86400);
	assert_int_equal(date_to_iso(&d, out, 11), 10);
}

static void rows_come_back_whole_newest_first(void **state)
{
	struct fixture *fx = *state;
	struct capture c;
	bool more = true;
	/* An account for user_id to point to. */
	sqlite3 *raw;
	assert_int_equal(sqlite3_open(fx->t.db, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw,
		"INSERT INTO app_user (id, name, display_name, role, centre_id, pw_hash, created_at) "
		"SELECT 7, 'amina', 'Amina', 'intake', min(id), 'x', '2026-01-01' FROM centre",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	write_as(fx->db, "amina", 7, "create", "person", 1, "{\"name\":[null,\"Aïssa\"]}");
	write_as(fx->db, "bello", 0, "login_failed", "session", 0, NULL);
	query(fx->db, NULL, 0, 10, &c, &more);
	assert_false(more);
	assert_int_equal(c.n, 2);
	assert_newest_first(&c);
	const struct audit_row *r = &c.rows[1];
	assert_string_equal(r->user_name, "amina");
	assert_int_equal(r->user_id, 7);
	assert_string_equal(r->origin, "ssh 10.0.0.5");
	assert_string_equal(r->action, "create");
	assert_string_equal(r->entity, "person");
	assert_int_equal(r->entity_id, 1);
	assert_string_equal(r->changes, "{\"name\":[null,\"Aïssa\"]}");
	/* "2026-11-22T23:05:09.123Z" */
	assert_int_equal(strlen(r->at), 24);
	assert_int_equal(r->at[10], 'T');
	assert_int_equal(r->at[23], 'Z');
	r = &c.rows[0];
	assert_string_equal(r->user_name, "bello");
	assert_int_equal(r->user_id, 0);
	assert_int_equal(r->entity_id, 0);
	assert_string_equal(r->changes, "");
}

static void an_empty_trail_gives_nothing(void **state)
{
	struct fixture *fx = *state;
	struct capture c;
	bool more = true;
	struct audit_filter f = { .user_name = "amina" };
	query(fx->db, &f, 0, 10, &c, &more);
	assert_int_equal(c.calls, 0);
	assert_false(more);
}

static void filter_by_user(void **state)
{
	struct fixture *fx = *state;
	struct capture c;
	bool more;
	write_story(fx->db);
	struct audit_filter f = { .user_name = "amina" };
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 4);
	assert_newest_first(&c);
	for (int i = 0; i < c.n; i++)
		assert_string_equal(c.rows[i].user_name, "amina");
	assert_string_equal(c.rows[0].action, "update");
	assert_string_equal(c.rows[3].action, "login");

	f.user_name = "bello";
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 4);
	/* Exact names only. */
	f.user_name = "amin";
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 0);
	f.user_name = "AMINA";
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 0);
}

static void one_records_history(void **state)
{
	struct fixture *fx = *state;
	struct capture c;
	bool more;
	write_story(fx->db);
	struct audit_filter f = { .entity = "person", .entity_id = 1 };
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 3);
	assert_newest_first(&c);
	assert_string_equal(c.rows[0].changes, "{\"town\":[\"Agadez\",\"Arlit\"]}");
	assert_string_equal(c.rows[1].user_name, "bello");
	assert_string_equal(c.rows[2].action, "create");
	for (int i = 0; i < c.n; i++)
		assert_int_equal(c.rows[i].entity_id, 1);

	/* The entity alone: every person. */
	f.entity_id = 0;
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 5);
	/* History and user together. */
	f.entity_id = 1;
	f.user_name = "amina";
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 2);
	/* Another entity with the same id is another record. */
	f = (struct audit_filter){ .entity = "stay", .entity_id = 1 };
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 0);
}

static void filter_by_action(void **state)
{
	struct fixture *fx = *state;
	struct capture c;
	bool more;
	write_story(fx->db);
	struct audit_filter f = { .action = "login_failed" };
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.rows[0].user_name, "bello");
	f.action = "login";
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 2);
	f.user_name = "bello";
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 1);
}

static void since_and_until_are_whole_local_days(void **state)
{
	struct fixture *fx = *state;
	struct capture c;
	bool more;
	char today[11], yesterday[11], tomorrow[11];
	write_story(fx->db);
	local_day(0, today);
	local_day(-1, yesterday);
	local_day(1, tomorrow);

	struct audit_filter f = { .since = today };
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 8);
	f = (struct audit_filter){ .until = today };
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 8);   /* until takes in the whole day */
	f = (struct audit_filter){ .since = today, .until = today, .user_name = "bello" };
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 4);
	f = (struct audit_filter){ .since = yesterday, .until = tomorrow };
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 8);
	f = (struct audit_filter){ .since = tomorrow };
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 0);
	f = (struct audit_filter){ .until = yesterday };
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 0);
	f = (struct audit_filter){ .since = tomorrow, .until = yesterday };
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 0);
}

static void since_takes_a_stored_time_too(void **state)
{
	struct fixture *fx = *state;
	struct capture all, c;
	bool more;
	write_story(fx->db);
	query(fx->db, NULL, 0, MAX_ROWS, &all, &more);
	assert_int_equal(all.n, 8);
	/* From the time of the fourth newest row: it and those after it. */
	char at[32];
	snprintf(at, sizeof at, "%s", all.rows[3].at);
	struct audit_filter f = { .since = at };
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_true(c.n >= 4);   /* rows in the same millisecond count too */
	for (int i = 0; i < c.n; i++)
		assert_true(strcmp(c.rows[i].at, at) >= 0);
	/* Without milliseconds: the same as .000. */
	f.since = "2000-01-01T00:00:00Z";
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 8);
	f.since = "2100-12-31T23:59:59.999Z";
	query(fx->db, &f, 0, MAX_ROWS, &c, &more);
	assert_int_equal(c.n, 0);
}

static void pages_follow_before_id(void **state)
{
	struct fixture *fx = *state;
	struct capture c;
	bool more;
	for (int i = 1; i <= 25; i++)
		write_as(fx->db, i % 2 ? "amina" : "bello", 0, "view", "person", i, NULL);

	long long before = 0, last = 0;
	int pages = 0, total = 0;
	do {
		query(fx->db, NULL, before, 10, &c, &more);
		assert_newest_first(&c);
		assert_int_equal(c.n, pages < 2 ? 10 : 5);
		assert_int_equal(more, pages < 2);
		if (last)
			assert_true(c.rows[0].id < last);
		last = before = c.rows[c.n - 1].id;
		total += c.n;
		pages++;
	} while (more);
	assert_int_equal(pages, 3);
	assert_int_equal(total, 25);
	/* The oldest row was the last one given. */
	assert_int_equal(c.rows[c.n - 1].entity_id, 1);

	/* Paging with a filter: amina's 13 rows in pages of 5. */
	struct audit_filter f = { .user_name = "amina" };
	before = 0;
	total = 0;
	do {
		query(fx->db, &f, before, 5, &c, &more);
		for (int i = 0; i < c.n; i++)
			assert_string_equal(c.rows[i].user_name, "amina");
		before = c.rows[c.n - 1].id;
		total += c.n;
	} while (more);
	assert_int_equal(total, 13);
}

/* Runs audit_page, collecting into c (emptied first). */
static void page(struct db *db, const struct audit_filter *f, enum page_dir dir, long long key,
                 int limit, struct capture *c, bool *more)
{
	c->n = c->calls = 0;
	assert_int_equal(audit_page(db, f, dir, key, limit, collect, c, more), ST_OK);
}

/* The trail pages by key both ways: the oldest page is read directly (End),
 * pages before a row are the newer ones nearest to it, and the rows always
 * come newest first. */
static void pages_both_ways_by_key(void **state)
{
	struct fixture *fx = *state;
	struct capture c, all;
	bool more;
	write_story(fx->db);
	write_story(fx->db);   /* 16 rows */
	page(fx->db, NULL, PAGE_AFTER, 0, MAX_ROWS, &all, &more);
	assert_int_equal(all.n, 16);
	assert_false(more);
	const struct audit_row *r = all.rows;   /* r[0] newest ... r[15] oldest */

	/* The oldest page: the last rows of the list, newest first. */
	page(fx->db, NULL, PAGE_BEFORE, 0, 5, &c, &more);
	assert_int_equal(c.n, 5);
	assert_true(more);
	for (int i = 0; i < 5; i++)
		assert_int_equal(c.rows[i].id, r[11 + i].id);
	/* The page before it in the list: the newer rows next to it. */
	page(fx->db, NULL, PAGE_BEFORE, c.rows[0].id, 5, &c, &more);
	assert_int_equal(c.n, 5);
	assert_true(more);
	for (int i = 0; i < 5; i++)
		assert_int_equal(c.rows[i].id, r[6 + i].id);
	page(fx->db, NULL, PAGE_BEFORE, c.rows[0].id, 5, &c, &more);
	assert_true(more);
	page(fx->db, NULL, PAGE_BEFORE, c.rows[0].id, 5, &c, &more);
	assert_int_equal(c.n, 1);
	assert_false(more);
	assert_int_equal(c.rows[0].id, r[0].id);
	/* After a row: the older ones, as audit_query gives them. */
	page(fx->db, NULL, PAGE_AFTER, r[12].id, 5, &c, &more);
	assert_int_equal(c.n, 3);
	assert_false(more);
	assert_int_equal(c.rows[0].id, r[13].id);
	assert_newest_first(&c);

	/* With a filter: the first of bello's acts, newest first. */
	struct audit_filter f = { .user_name = "bello" };
	page(fx->db, &f, PAGE_BEFORE, 0, 3, &c, &more);
	assert_int_equal(c.n, 3);
	assert_true(more);
	assert_newest_first(&c);
	for (int i = 0; i < 3; i++)
		assert_string_equal(c.rows[i].user_name, "bello");
	assert_int_equal(c.rows[2].action[0], 'l');   /* login_failed, the first */
	struct audit_filter rec = { .entity = "person", .entity_id = 1 };
	page(fx->db, &rec, PAGE_BEFORE, 0, 2, &c, &more);
	assert_int_equal(c.n, 2);
	assert_true(more);
	assert_string_equal(c.rows[1].action, "create");
	assert_string_equal(c.rows[0].action, "update");
	assert_int_equal(audit_page(fx->db, NULL, (enum page_dir)7, 0, 5, collect, &c, &more), ST_INVALID);
}

static void limit_is_kept_and_more_is_exact(void **state)
{
	struct fixture *fx = *state;
	struct capture c;
	bool more;
	write_story(fx->db);
	query(fx->db, NULL, 0, 1, &c, &more);
	assert_int_equal(c.calls, 1);
	assert_true(more);
	query(fx->db, NULL, 0, 7, &c, &more);
	assert_int_equal(c.calls, 7);
	assert_true(more);
	/* Exactly as many as remain: no more. */
	query(fx->db, NULL, 0, 8, &c, &more);
	assert_int_equal(c.calls, 8);
	assert_false(more);
	/* Below the oldest id: nothing. */
	long long oldest = c.rows[7].id;
	query(fx->db, NULL, oldest, 8, &c, &more);
	assert_int_equal(c.calls, 0);
	assert_false(more);
	/* more may be NULL. */
	c.n = c.calls = 0;
	assert_int_equal(audit_query(fx->db, NULL, 0, 3, collect, &c, NULL), ST_OK);
	assert_int_equal(c.calls, 3);
}

static void bad_arguments_are_invalid_and_call_nothing(void **state)
{
	struct fixture *fx = *state;
	struct capture c = { .n = 0, .calls = 0 };
	bool more = true;
	write_story(fx->db);
	static const char *const bad[] = {
		"2026-13-45", "2026-02-30", "2023-02-29", "2026-1-5", "2026-11", "2026", "",
		"22/11/2026", "2026-11-22 ", "yesterday", "2026-11-22T24:00:00Z",
		"2026-11-22T23:05:09", "2026-11-22T23:05:09.12Z", "2026-11-22T23:60:00.000Z",
		"2026-11-22t23:05:09Z", "1899-12-31",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct audit_filter f = { .since = bad[i] };
		assert_int_equal(audit_query(fx->db, &f, 0, 10, collect, &c, &more), ST_INVALID);
		assert_false(more);
		f = (struct audit_filter){ .until = bad[i] };
		assert_int_equal(audit_query(fx->db, &f, 0, 10, collect, &c, &more), ST_INVALID);
	}
	/* until is a day, never a time. */
	struct audit_filter f = { .until = "2026-11-22T23:05:09Z" };
	assert_int_equal(audit_query(fx->db, &f, 0, 10, collect, &c, &more), ST_INVALID);
	f = (struct audit_filter){ .entity = "person", .entity_id = -1 };
	assert_int_equal(audit_query(fx->db, &f, 0, 10, collect, &c, &more), ST_INVALID);
	assert_int_equal(audit_query(fx->db, NULL, 0, 0, collect, &c, &more), ST_INVALID);
	assert_int_equal(audit_query(fx->db, NULL, -5, 10, collect, &c, &more), ST_INVALID);
	assert_int_equal(audit_query(fx->db, NULL, 0, 10, NULL, &c, &more), ST_INVALID);
	assert_int_equal(c.calls, 0);
	/* Leap day exists in 2028. */
	f = (struct audit_filter){ .since = "2028-02-29" };
	assert_int_equal(audit_query(fx->db, &f, 0, 10, collect, &c, &more), ST_OK);
}

static void only_those_allowed_may_read(void **state)
{
	struct fixture *fx = *state;
	struct capture c = { .n = 0, .calls = 0 };
	bool more = true;
	write_story(fx->db);
	static const int refused[] = { ROLE_DISTRIBUTION, ROLE_INTAKE, ROLE_MEDICAL, ROLE_MANAGER, -1,
	                               ROLE_COUNT_ };
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		db_set_actor(fx->db, 5, "someone", refused[i], "local");
		assert_int_equal(audit_query(fx->db, NULL, 0, 10, collect, &c, &more), ST_DENIED);
		assert_false(more);
		/* Refused before the date is even read. */
		struct audit_filter f = { .since = "2026-13-45" };
		assert_int_equal(audit_query(fx->db, &f, 0, 10, collect, &c, &more), ST_DENIED);
	}
	assert_int_equal(c.calls, 0);
	db_set_actor(fx->db, 1, "admin", ROLE_ADMIN, "local");
	assert_int_equal(audit_query(fx->db, NULL, 0, 10, collect, &c, &more), ST_OK);
	assert_int_equal(c.calls, 8);
}

static void long_changes_are_cut_between_characters(void **state)
{
	struct fixture *fx = *state;
	struct capture c;
	bool more;
	/* 3000 bytes of "é" after twelve ASCII bytes (a JSON object, as every
	 * row of the trail holds): the 2047 bytes that fit in changes would
	 * end with half of the 1018th "é". */
	char big[3016];
	memcpy(big, "{\"note\": \"xy", 12);
	for (int i = 12; i < 3012; i += 2)
		memcpy(big + i, "é", 2);
	memcpy(big + 3012, "\"}", 3);
	write_as(fx->db, "amina", 0, "update", "person", 1, big);
	query(fx->db, NULL, 0, 1, &c, &more);
	size_t len = strlen(c.rows[0].changes);
	assert_int_equal(len, 2046);   /* the 12 and 1017 whole "é" */
	assert_memory_equal(c.rows[0].changes, big, len);
}

/* Inside the callback, checks that the query holds its read snapshot: a
 * checkpoint that truncates the WAL is then blocked. */
static void check_snapshot_held(const struct audit_row *row, void *ctx)
{
	(void)row;
	sqlite3 *raw = ctx;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(raw, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1);   /* busy */
	sqlite3_finalize(st);
}

/* 1 when a WAL-truncating checkpoint is blocked by a reader, else 0. */
static int checkpoint_busy(sqlite3 *raw)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(raw, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int busy = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return busy;
}

static void no_snapshot_stays_open_after_a_page(void **state)
{
	struct fixture *fx = *state;
	bool more;
	write_story(fx->db);
	sqlite3 *raw;
	assert_int_equal(sqlite3_open(fx->t.db, &raw), SQLITE_OK);
	assert_int_equal(checkpoint_busy(raw), 0);
	/* Frames in the WAL again, so that a reader has a snapshot to hold. */
	write_as(fx->db, "amina", 0, "view", "person", 1, NULL);
	/* Stopped in the middle (more rows left), and at the end. */
	assert_int_equal(audit_query(fx->db, NULL, 0, 3, check_snapshot_held, raw, &more), ST_OK);
	assert_true(more);
	assert_int_equal(checkpoint_busy(raw), 0);
	write_as(fx->db, "bello", 0, "view", "person", 1, NULL);
	struct audit_filter f = { .entity = "person", .entity_id = 1 };
	assert_int_equal(audit_query(fx->db, &f, 0, 10, check_snapshot_held, raw, &more), ST_OK);
	assert_false(more);
	assert_int_equal(checkpoint_busy(raw), 0);
	sqlite3_close(raw);
}

static void a_read_only_connection_can_query(void **state)
{
	struct fixture *fx = *state;
	struct capture c;
	bool more;
	struct db *ro;
	write_story(fx->db);
	assert_int_equal(db_open(fx->t.db, DB_READONLY, &ro, NULL, 0), ST_OK);
	struct audit_filter f = { .user_name = "bello" };
	c.n = c.calls = 0;
	assert_int_equal(audit_query(ro, &f, 0, 10, collect, &c, &more), ST_DENIED);   /* nobody */
	db_set_actor(ro, 0, "unix:test", ROLE_ADMIN, "cli");
	query(ro, &f, 0, 10, &c, &more);
	assert_int_equal(c.n, 4);
	db_close(&ro);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(rows_come_back_whole_newest_first),
		T(pages_both_ways_by_key),
		T(an_empty_trail_gives_nothing),
		T(filter_by_user),
		T(one_records_history),
		T(filter_by_action),
		T(since_and_until_are_whole_local_days),
		T(since_takes_a_stored_time_too),
		T(pages_follow_before_id),
		T(limit_is_kept_and_more_is_exact),
		T(bad_arguments_are_invalid_and_call_nothing),
		T(only_those_allowed_may_read),
		T(long_changes_are_cut_between_characters),
		T(no_snapshot_stays_open_after_a_page),
		T(a_read_only_connection_can_query),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
