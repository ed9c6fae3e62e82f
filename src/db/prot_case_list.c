/* Protection cases: the lists (a centre's cases, a case worker's open
 * cases, a case's actions, the overdue actions), the case file's line and
 * the accounts that may follow a case. PERM_PROTECTION_READ. Every list is
 * a page by key (core/page.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/perm.h"
#include "db/prot.h"
#include "db/db_private.h"
#include "db/prot_case.h"
#include "prot_case_private.h"

/* Steps st (already bound) into a page of rows of size bytes read by
 * read (*out, *count, in the list's order; free it); *more when a row
 * beyond limit was found. */
static enum status page_rows(sqlite3_stmt *st, size_t size, void (*read)(sqlite3_stmt *st, void *row), int limit,
                             enum page_dir dir, void **out, size_t *count, bool *more)
{
	char *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		void *row = db_grow((void **)&rows, &n, &cap, size);
		if (!row) {
			rc = SQLITE_NOMEM;
			break;
		}
		memset(row, 0, size);
		read(st, row);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(rows);
		return db_status_of(rc);
	}
	if (dir == PAGE_BEFORE && n > 1) {
		char *tmp = malloc(size);
		if (!tmp) {
			free(rows);
			return ST_NOMEM;
		}
		for (size_t i = 0; i < n / 2; i++) {
			memcpy(tmp, rows + size * i, size);
			memcpy(rows + size * i, rows + size * (n - 1 - i), size);
			memcpy(rows + size * (n - 1 - i), tmp, size);
		}
		free(tmp);
	}
	*out = rows;
	*count = n;
	return ST_OK;
}

/* Calls cb with each of the n rows of type T at rows, then frees them. */
#define DELIVER(T, r, rows, n, cb, ctx) do { \
	for (size_t i_ = 0; (r) == ST_OK && (cb) && i_ < (n); i_++) \
		(cb)(&((const T *)(rows))[i_], (ctx)); \
	free(rows); \
} while (0)

/* ---- a case's actions ---- */

#define ACTION_COLS \
	"a.id, a.case_id, a.description, coalesce(a.due_date, ''), coalesce(a.assigned_id, 0), a.status, " \
	"coalesce(a.done_date, ''), a.outcome, a.version "

static void read_action(sqlite3_stmt *st, struct prot_action *a)
{
	a->id = sqlite3_column_int64(st, 0);
	a->case_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, a->description, sizeof a->description);
	db_column_copy(st, 3, a->due_date, sizeof a->due_date);
	a->assigned_id = sqlite3_column_int64(st, 4);
	db_column_copy(st, 5, a->status, sizeof a->status);
	db_column_copy(st, 6, a->done_date, sizeof a->done_date);
	db_column_copy(st, 7, a->outcome, sizeof a->outcome);
	a->version = sqlite3_column_int(st, 8);
}

static void read_action_row(sqlite3_stmt *st, void *p)
{
	struct prot_action_row *r = p;
	read_action(st, &r->a);
	db_column_copy(st, 9, r->assigned_name, sizeof r->assigned_name);
	r->overdue = sqlite3_column_int(st, 10) != 0;
}

/* The list's order: open first, by due day (none last), then id. */
#define ACTION_SELECT \
	"SELECT " ACTION_COLS ", coalesce(u.display_name, ''), a.status = 'open' AND a.due_date < ?5 " \
	"FROM prot_action a LEFT JOIN app_user u ON u.id = a.assigned_id WHERE a.case_id = ?1 AND (?2 = 0 OR " \
	"(a.status != 'open', coalesce(a.due_date, '~'), a.id) "
#define ACTION_KEY \
	"(SELECT k.status != 'open', coalesce(k.due_date, '~'), k.id FROM prot_action k WHERE k.id = ?2)) "

enum status prot_action_list(struct db *db, long long case_id, enum page_dir dir, long long key_id, int limit,
                             void (*cb)(const struct prot_action_row *row, void *ctx), void *ctx, bool *more)
{
	static const char after[] = ACTION_SELECT "> " ACTION_KEY
		"ORDER BY a.status != 'open', coalesce(a.due_date, '~'), a.id LIMIT ?3";
	static const char before[] = ACTION_SELECT "< " ACTION_KEY
		"ORDER BY a.status != 'open' DESC, coalesce(a.due_date, '~') DESC, a.id DESC LIMIT ?3";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK || limit <= 0)
		return r;
	sqlite3_stmt *st = db_stmt(db, dir == PAGE_BEFORE ? before : after);
	if (!st)
		return ST_INTERNAL;
	char today[11];
	clock_today_iso(today, sizeof today);
	sqlite3_bind_int64(st, 1, case_id);
	sqlite3_bind_int64(st, 2, key_id > 0 ? key_id : 0);
	sqlite3_bind_int(st, 3, limit + 1);
	db_bind_text(st, 5, today);
	void *rows = NULL;
	size_t n = 0;
	r = page_rows(st, sizeof(struct prot_action_row), read_action_row, limit, dir, &rows, &n, more);
	DELIVER(struct prot_action_row, r, rows, n, cb, ctx);
	return r;
}

/* ---- cases ---- */

/* Columns of a case row; ?9 is today. */
#define ROW_COLS \
	"c.id, c.person_id, c.opened, c.risk, c.status, coalesce(c.caseworker_id, 0), " \
	"coalesce(u.display_name, ''), p.case_key, p.family_name, p.given_names, " \
	"(SELECT count(*) FROM prot_action a WHERE a.case_id = c.id AND a.status = 'open' AND a.due_date < ?9), " \
	"coalesce((SELECT min(a.due_date) FROM prot_action a WHERE a.case_id = c.id AND a.status = 'open'), '') "
#define ROW_FROM \
	"FROM prot_case c JOIN person p ON p.id = c.person_id LEFT JOIN app_user u ON u.id = c.caseworker_id "

static void read_case_row(sqlite3_stmt *st, void *p)
{
	struct prot_case_row *r = p;
	r->id = sqlite3_column_int64(st, 0);
	r->person_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, r->opened, sizeof r->opened);
	db_column_copy(st, 3, r->risk, sizeof r->risk);
	db_column_copy(st, 4, r->status, sizeof r->status);
	r->caseworker_id = sqlite3_column_int64(st, 5);
	db_column_copy(st, 6, r->worker_name, sizeof r->worker_name);
	db_column_copy(st, 7, r->case_key, sizeof r->case_key);
	db_column_copy(st, 8, r->family_name, sizeof r->family_name);
	db_column_copy(st, 9, r->given_names, sizeof r->given_names);
	r->overdue = sqlite3_column_int(st, 10);
	db_column_copy(st, 11, r->next_due, sizeof r->next_due);
}

#define LIST_SELECT \
	"SELECT " ROW_COLS ROW_FROM \
	"WHERE c.centre_id = ?1 AND (?5 = 0 OR c.caseworker_id = ?5) AND (?6 = '' OR c.status = ?6) " \
	"AND (?7 = '' OR c.risk = ?7) "
/* With a status: the centre's index gives the order. */
#define LIST_SELECT_STATUS \
	"SELECT " ROW_COLS ROW_FROM \
	"WHERE c.centre_id = ?1 AND c.status = ?6 AND (?5 = 0 OR c.caseworker_id = ?5) " \
	"AND (?7 = '' OR c.risk = ?7) "

enum status prot_case_list(struct db *db, const struct prot_case_filter *filter, enum page_dir dir,
                           const char *key_day, long long key_id, int limit,
                           void (*cb)(const struct prot_case_row *row, void *ctx), void *ctx, bool *more)
{
	static const char after[] = LIST_SELECT
		"AND (c.opened, c.id) < (?2, ?3) ORDER BY c.opened DESC, c.id DESC LIMIT ?4";
	static const char before[] = LIST_SELECT
		"AND (c.opened, c.id) > (?2, ?3) ORDER BY c.opened, c.id LIMIT ?4";
	static const char after_st[] = LIST_SELECT_STATUS
		"AND (c.opened, c.id) < (?2, ?3) ORDER BY c.opened DESC, c.id DESC LIMIT ?4";
	static const char before_st[] = LIST_SELECT_STATUS
		"AND (c.opened, c.id) > (?2, ?3) ORDER BY c.opened, c.id LIMIT ?4";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK)
		return r;
	long long centre = db_centre_id(db, filter && filter->centre_code ? filter->centre_code : "");
	if (!centre)
		return ST_NOT_FOUND;
	if (limit <= 0)
		return ST_OK;
	bool by_status = filter->status && filter->status[0];
	sqlite3_stmt *st = by_status ? db_stmt(db, dir == PAGE_BEFORE ? before_st : after_st)
	                             : db_stmt(db, dir == PAGE_BEFORE ? before : after);
	if (!st)
		return ST_INTERNAL;
	bool keyed = key_id > 0 && key_day;
	char today[11];
	clock_today_iso(today, sizeof today);
	sqlite3_bind_int64(st, 1, centre);
	db_bind_text(st, 2, keyed ? key_day : dir == PAGE_BEFORE ? "" : "~");
	sqlite3_bind_int64(st, 3, keyed ? key_id : 0);
	sqlite3_bind_int(st, 4, limit + 1);
	sqlite3_bind_int64(st, 5, filter->caseworker_id);
	db_bind_text(st, 6, filter->status ? filter->status : "");
	db_bind_text(st, 7, filter->risk ? filter->risk : "");
	db_bind_text(st, 9, today);
	void *rows = NULL;
	size_t n = 0;
	r = page_rows(st, sizeof(struct prot_case_row), read_case_row, limit, dir, &rows, &n, more);
	DELIVER(struct prot_case_row, r, rows, n, cb, ctx);
	return r;
}

/* A case worker's open cases with their next due day ("~" for none). */
#define MINE_SELECT \
	"SELECT * FROM (SELECT " ROW_COLS ", coalesce((SELECT min(a.due_date) FROM prot_action a " \
	"WHERE a.case_id = c.id AND a.status = 'open'), '~') AS nd " ROW_FROM \
	"WHERE c.caseworker_id = ?1 AND c.status = 'open') "

enum status prot_my_cases(struct db *db, long long user, enum page_dir dir, const char *key_due, long long key_id,
                          int limit, void (*cb)(const struct prot_case_row *row, void *ctx), void *ctx, bool *more)
{
	static const char after[] = MINE_SELECT "WHERE (nd, id) > (?2, ?3) ORDER BY nd, id LIMIT ?4";
	static const char before[] = MINE_SELECT "WHERE (nd, id) < (?2, ?3) ORDER BY nd DESC, id DESC LIMIT ?4";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK || limit <= 0)
		return r;
	sqlite3_stmt *st = db_stmt(db, dir == PAGE_BEFORE ? before : after);
	if (!st)
		return ST_INTERNAL;
	bool keyed = key_id > 0 && key_due;
	char today[11];
	clock_today_iso(today, sizeof today);
	sqlite3_bind_int64(st, 1, user);
	db_bind_text(st, 2, keyed ? (key_due[0] ? key_due : "~") : dir == PAGE_BEFORE ? "~~" : "");
	sqlite3_bind_int64(st, 3, keyed ? key_id : 0);
	sqlite3_bind_int(st, 4, limit + 1);
	db_bind_text(st, 9, today);
	void *rows = NULL;
	size_t n = 0;
	r = page_rows(st, sizeof(struct prot_case_row), read_case_row, limit, dir, &rows, &n, more);
	DELIVER(struct prot_case_row, r, rows, n, cb, ctx);
	return r;
}

/* ---- overdue actions ---- */

static void read_overdue_row(sqlite3_stmt *st, void *p)
{
	struct prot_overdue_row *r = p;
	read_action(st, &r->a);
	db_column_copy(st, 9, r->case_key, sizeof r->case_key);
	db_column_copy(st, 10, r->family_name, sizeof r->family_name);
	db_column_copy(st, 11, r->given_names, sizeof r->given_names);
}

#define OVERDUE_SELECT \
	"SELECT " ACTION_COLS ", p.case_key, p.family_name, p.given_names " \
	"FROM prot_action a JOIN prot_case c ON c.id = a.case_id JOIN person p ON p.id = c.person_id " \
	"WHERE a.status = 'open' AND a.due_date < ?9 AND c.status = 'open' AND c.centre_id = ?1 " \
	"AND (?5 = 0 OR a.assigned_id = ?5) "

enum status prot_overdue_actions(struct db *db, const char *centre_code, long long user, enum page_dir dir,
                                 const char *key_due, long long key_id, int limit,
                                 void (*cb)(const struct prot_overdue_row *row, void *ctx), void *ctx, bool *more)
{
	static const char after[] = OVERDUE_SELECT
		"AND (a.due_date, a.id) > (?2, ?3) ORDER BY a.due_date, a.id LIMIT ?4";
	static const char before[] = OVERDUE_SELECT
		"AND (a.due_date, a.id) < (?2, ?3) ORDER BY a.due_date DESC, a.id DESC LIMIT ?4";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK)
		return r;
	long long centre = db_centre_id(db, centre_code ? centre_code : "");
	if (!centre)
		return ST_NOT_FOUND;
	if (limit <= 0)
		return ST_OK;
	sqlite3_stmt *st = db_stmt(db, dir == PAGE_BEFORE ? before : after);
	if (!st)
		return ST_INTERNAL;
	bool keyed = key_id > 0 && key_due;
	char today[11];
	clock_today_iso(today, sizeof today);
	sqlite3_bind_int64(st, 1, centre);
	db_bind_text(st, 2, keyed ? key_due : dir == PAGE_BEFORE ? "~" : "");
	sqlite3_bind_int64(st, 3, keyed ? key_id : 0);
	sqlite3_bind_int(st, 4, limit + 1);
	sqlite3_bind_int64(st, 5, user);
	db_bind_text(st, 9, today);
	void *rows = NULL;
	size_t n = 0;
	r = page_rows(st, sizeof(struct prot_overdue_row), read_overdue_row, limit, dir, &rows, &n, more);
	DELIVER(struct prot_overdue_row, r, rows, n, cb, ctx);
	return r;
}

/* ---- the case file's line, the accounts ---- */

enum status prot_case_line_get(struct db *db, long long person, char *risk, size_t risk_size, int *overdue)
{
	risk[0] = '\0';
	*overdue = 0;
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, "SELECT c.risk, (SELECT count(*) FROM prot_action a WHERE a.case_id = c.id "
	                               "AND a.status = 'open' AND a.due_date < ?2) "
	                               "FROM prot_case c WHERE c.person_id = ?1 AND c.status = 'open'");
	if (!st)
		return ST_INTERNAL;
	char today[11];
	clock_today_iso(today, sizeof today);
	sqlite3_bind_int64(st, 1, person);
	db_bind_text(st, 2, today);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 0, risk, risk_size);
		*overdue = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status prot_case_status_get(struct db *db, long long person, struct prot_case_status *out)
{
	memset(out, 0, sizeof *out);
	if (!perm_allows(db_actor(db)->role, PERM_PROTECTION_READ))
		return prot_under_followup(db, person, &out->open);
	enum status r = prot_case_line_get(db, person, out->risk, sizeof out->risk, &out->overdue);
	if (r == ST_NOT_FOUND)
		return ST_OK;
	out->open = out->detailed = r == ST_OK;
	return r;
}

enum status prot_worker_each(struct db *db, long long keep_id,
                             void (*cb)(long long id, const char *name, void *ctx), void *ctx)
{
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, "SELECT id, display_name FROM app_user "
	                               "WHERE (active = 1 AND role = 'protection') OR id = ?1 ORDER BY display_name, id");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, keep_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char name[324];
		db_column_copy(st, 1, name, sizeof name);
		cb(sqlite3_column_int64(st, 0), name, ctx);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

enum status prot_worker_name(struct db *db, long long id, char *out, size_t size)
{
	out[0] = '\0';
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, "SELECT display_name FROM app_user WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_copy(st, 0, out, size);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status prot_person_label(struct db *db, long long person, char *out, size_t size, char *key, size_t ksize)
{
	out[0] = key[0] = '\0';
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, "SELECT family_name || ' ' || given_names, case_key "
	                               "FROM person WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 0, out, size);
		db_column_copy(st, 1, key, ksize);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}
