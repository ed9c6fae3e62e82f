/* The append-only audit trail: writing rows, and reading them back a page
 * at a time for the audit screen and `taimako audit`. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* gmtime_r */
#endif

#include "db/audit.h"
#include "db/audit_private.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/jsonbuf.h"
#include "db/db_private.h"

enum status audit_log(struct db *db, const char *action, const char *entity,
                      long long entity_id, const char *changes_json)
{
	static const char sql[] =
		"INSERT INTO audit (at, user_id, user_name, origin, action, entity, entity_id, changes) "
		"VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	if (sqlite3_get_autocommit(db_sqlite(db)))
		return ST_INTERNAL; /* an audit row outside a transaction could be lost alone */
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	const struct db_actor *a = db_actor(db);
	if (a->user_id > 0)
		sqlite3_bind_int64(st, 1, a->user_id);
	db_bind_text(st, 2, a->user_name);
	db_bind_text(st, 3, a->origin);
	db_bind_text(st, 4, action);
	db_bind_text(st, 5, entity);
	if (entity_id > 0)
		sqlite3_bind_int64(st, 6, entity_id);
	db_bind_text(st, 7, changes_json);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	/* The row joins the chain in the same transaction. */
	return audit_chain_link(db, sqlite3_last_insert_rowid(db_sqlite(db)));
}

enum status audit_refused(struct db *db, const char *kind, const char *what, const char *entity,
                          long long entity_id)
{
	const struct db_actor *a = db_actor(db);
	if (a->role < 0 || !a->user_name[0])
		return ST_OK;
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_str(&j, kind, what);
	enum status s = db_begin(db);
	if (s != ST_OK)
		return s;
	return db_finish(db, audit_log(db, "refused", entity && *entity ? entity : "permission", entity_id,
	                               jsonbuf_text(&j)));
}

long long audit_count(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM audit");
	if (!st)
		return -1;
	long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return n;
}

/* The columns of struct audit_row, and the optional filters every query
 * applies. Parameters: ?1 since and ?2 until (UTC times in the stored form,
 * until exclusive), ?3 user name, ?4 entity, ?5 entity id, ?6 action,
 * ?7 the id to page from, ?8 the row limit. A NULL parameter matches all. */
#define AUDIT_SELECT \
	"SELECT id, at, user_id, user_name, origin, action, entity, entity_id, changes " \
	"FROM audit WHERE "
#define AUDIT_FILTERS \
	"(?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR at < ?2) " \
	"AND (?3 IS NULL OR user_name = ?3) AND (?4 IS NULL OR entity = ?4) " \
	"AND (?5 IS NULL OR entity_id = ?5) AND (?6 IS NULL OR action = ?6) "
/* The list is newest first: "after" a row walks the ids down from it,
 * "before" walks them up (nearest first) and the page is then reversed. */
#define AUDIT_DOWN "AND id < ?7 ORDER BY id DESC LIMIT ?8"
#define AUDIT_UP "AND id > ?7 ORDER BY id ASC LIMIT ?8"

/* SQLite picks a plan when a statement is prepared, not when it is bound,
 * so "?4 IS NULL OR entity = ?4" alone can never seek an index. Each way in
 * gets its own text, with its key written as a plain equality. */

/* Any filter: walks the rowid from ?7, stops after ?8 matches. */
static const char sql_any[] = AUDIT_SELECT AUDIT_FILTERS AUDIT_DOWN;
static const char sql_any_up[] = AUDIT_SELECT AUDIT_FILTERS AUDIT_UP;
/* One record's history: audit_by_entity (entity, entity_id, rowid). */
static const char sql_record[] = AUDIT_SELECT "entity = ?4 AND entity_id = ?5 AND " AUDIT_FILTERS AUDIT_DOWN;
static const char sql_record_up[] = AUDIT_SELECT "entity = ?4 AND entity_id = ?5 AND " AUDIT_FILTERS AUDIT_UP;
/* One account's acts: seeks an index on audit(user_name) when the schema
 * has one, else walks the rowid as sql_any does. */
static const char sql_user[] = AUDIT_SELECT "user_name = ?3 AND " AUDIT_FILTERS AUDIT_DOWN;
static const char sql_user_up[] = AUDIT_SELECT "user_name = ?3 AND " AUDIT_FILTERS AUDIT_UP;

/* Length of a stored time with milliseconds: "2026-11-22T23:05:09.123Z". */
#define STAMP_LEN 24

/* Reads exactly n ASCII digits at s into *v. */
static bool read_digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

/* True when s is a whole calendar date "YYYY-MM-DD" that exists. */
static bool parse_day(const char *s, struct pdate *d)
{
	return date_from_iso(s, d) == DATE_OK && d->prec == DATE_DAY;
}

/* Writes the UTC time, in the stored form, at which local day d plus
 * add_days begins. The filter's dates are the user's calendar days, as
 * date_from_time gives them, while the trail stores UTC. */
static bool day_start_utc(const struct pdate *d, int add_days, char out[STAMP_LEN + 1])
{
	struct tm tm = { 0 };
	tm.tm_year = d->year - 1900;
	tm.tm_mon = d->month - 1;
	tm.tm_mday = d->day + add_days;   /* mktime carries into the next month */
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	struct tm utc;
	if (t == (time_t)-1 || !gmtime_r(&t, &utc))
		return false;
	return strftime(out, STAMP_LEN + 1, "%Y-%m-%dT%H:%M:%S.000Z", &utc) == STAMP_LEN;
}

/* Reads a UTC time "YYYY-MM-DDTHH:MM:SSZ" or "YYYY-MM-DDTHH:MM:SS.mmmZ" (the
 * stored form) into the stored form, so that text order is time order:
 * "09Z" would sort after "09.500Z". */
static bool parse_stamp(const char *s, char out[STAMP_LEN + 1])
{
	size_t len = strlen(s);
	char day[11];
	struct pdate d;
	int h, m, sec, ms;
	if (len != 20 && len != STAMP_LEN)
		return false;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!parse_day(day, &d) || s[10] != 'T' || s[13] != ':' || s[16] != ':')
		return false;
	if (!read_digits(s + 11, 2, &h) || !read_digits(s + 14, 2, &m) ||
	    !read_digits(s + 17, 2, &sec) || h > 23 || m > 59 || sec > 59)
		return false;
	if (len == 20 && s[19] != 'Z')
		return false;
	if (len == STAMP_LEN && (s[19] != '.' || !read_digits(s + 20, 3, &ms) || s[23] != 'Z'))
		return false;
	memcpy(out, s, 19);
	memcpy(out + 19, len == STAMP_LEN ? s + 19 : ".000Z", 6);   /* with the NUL */
	return true;
}

/* Turns the filter's dates into UTC bounds: since at or after *lo, until
 * before *hi (the start of the next day, so the whole day is in). A bound
 * not asked for stays "". False for a malformed or impossible date. */
static bool time_bounds(const struct audit_filter *f, char lo[STAMP_LEN + 1],
                        char hi[STAMP_LEN + 1])
{
	struct pdate d;
	lo[0] = hi[0] = '\0';
	if (f->since) {
		if (parse_day(f->since, &d)) {
			if (!day_start_utc(&d, 0, lo))
				return false;
		} else if (!parse_stamp(f->since, lo)) {
			return false;
		}
	}
	if (f->until && !(parse_day(f->until, &d) && day_start_utc(&d, 1, hi)))
		return false;
	return true;
}

/* Copies text column col into out (size bytes), cut if it must be at a
 * character boundary, never in the middle of a UTF-8 sequence. */
static void copy_text(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	size_t n = t ? (size_t)sqlite3_column_bytes(st, col) : 0;
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
			n--;
	}
	if (n > 0)
		memcpy(out, t, n);
	out[n] = '\0';
}

/* Fills r from the current row of a statement made from AUDIT_SELECT. */
static void read_row(sqlite3_stmt *st, struct audit_row *r)
{
	r->id = sqlite3_column_int64(st, 0);
	copy_text(st, 1, r->at, sizeof r->at);
	r->user_id = sqlite3_column_int64(st, 2);   /* NULL reads as 0 */
	copy_text(st, 3, r->user_name, sizeof r->user_name);
	copy_text(st, 4, r->origin, sizeof r->origin);
	copy_text(st, 5, r->action, sizeof r->action);
	copy_text(st, 6, r->entity, sizeof r->entity);
	r->entity_id = sqlite3_column_int64(st, 7);
	copy_text(st, 8, r->changes, sizeof r->changes);
}

/* Newest first from below before_id: the statement is stepped while cb
 * runs, so cb must not call back into this connection (it would reset the
 * statement under the loop), and should be quick, since the read snapshot
 * stays open until the page ends. */
static enum status page_down(sqlite3_stmt *st, int limit,
                             void (*cb)(const struct audit_row *row, void *ctx), void *ctx,
                             bool *more)
{
	struct audit_row row;
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == limit) {
			*more = true;
			break;
		}
		read_row(st, &row);
		cb(&row, ctx);
		n++;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* The rows just above after_id, read upwards, then given newest first. */
static enum status page_up(sqlite3_stmt *st, int limit,
                           void (*cb)(const struct audit_row *row, void *ctx), void *ctx,
                           bool *more)
{
	struct audit_row *rows = malloc((size_t)limit * sizeof *rows);
	if (!rows) {
		sqlite3_clear_bindings(st);
		return ST_NOMEM;
	}
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == limit) {
			*more = true;
			break;
		}
		read_row(st, &rows[n++]);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	enum status s = rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
	for (int i = n - 1; s == ST_OK && i >= 0; i--)
		cb(&rows[i], ctx);
	free(rows);
	return s;
}

enum status audit_page(struct db *db, const struct audit_filter *filter, enum page_dir dir,
                       long long key, int limit, void (*cb)(const struct audit_row *row, void *ctx),
                       void *ctx, bool *more)
{
	static const struct audit_filter any = { 0 };
	char lo[STAMP_LEN + 1], hi[STAMP_LEN + 1];
	bool extra = false;
	enum status status = db_require(db, PERM_AUDIT_READ);
	if (more)
		*more = false;
	if (status != ST_OK)
		return status;
	const struct audit_filter *f = filter ? filter : &any;
	if (!cb || limit <= 0 || key < 0 || f->entity_id < 0 || !time_bounds(f, lo, hi)
	    || (dir != PAGE_AFTER && dir != PAGE_BEFORE))
		return ST_INVALID;

	bool up = dir == PAGE_BEFORE;
	const char *sql = up ? sql_any_up : sql_any;
	if (f->entity && f->entity_id > 0)
		sql = up ? sql_record_up : sql_record;
	else if (f->user_name)
		sql = up ? sql_user_up : sql_user;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, lo[0] ? lo : NULL);
	db_bind_text(st, 2, hi[0] ? hi : NULL);
	db_bind_text(st, 3, f->user_name);
	db_bind_text(st, 4, f->entity);
	if (f->entity_id > 0)
		sqlite3_bind_int64(st, 5, f->entity_id);
	db_bind_text(st, 6, f->action);
	sqlite3_bind_int64(st, 7, key > 0 ? key : up ? 0 : INT64_MAX);
	sqlite3_bind_int64(st, 8, (sqlite3_int64)limit + 1);   /* one more tells *more */
	status = up ? page_up(st, limit, cb, ctx, &extra) : page_down(st, limit, cb, ctx, &extra);
	if (status == ST_OK && more)
		*more = extra;
	return status;
}

enum status audit_query(struct db *db, const struct audit_filter *filter, long long before_id,
                        int limit, void (*cb)(const struct audit_row *row, void *ctx), void *ctx,
                        bool *more)
{
	return audit_page(db, filter, PAGE_AFTER, before_id, limit, cb, ctx, more);
}

enum status audit_get(struct db *db, long long id, struct audit_row *row)
{
	static const char sql[] = AUDIT_SELECT "id = ?1";
	enum status s = db_require(db, PERM_AUDIT_READ);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, row);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}
