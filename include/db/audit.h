#ifndef TAIMAKO_DB_AUDIT_H
#define TAIMAKO_DB_AUDIT_H
/* The audit trail: one append-only row per change or look, written inside
 * the transaction of the change it records. */
#include <stdbool.h>
#include "core/page.h"
#include "core/status.h"

struct db;

/* Appends a row for the current actor (db_set_actor): action ("create",
 * "update", "view", "login", ...), entity (table or domain name), its id
 * (0 when none) and changes as a JSON object text or NULL. Must be called
 * inside a transaction begun with db_begin. */
enum status audit_log(struct db *db, const char *action, const char *entity,
                      long long entity_id, const char *changes_json);

/* Appends a "refused" row for the current actor: what they were refused
 * ({"<kind>": "<what>"}, e.g. kind "permission" and what "medical_read",
 * or kind "screen" and a screen's title msgid) on entity and entity_id when known
 * ("" and 0 otherwise). Its own transaction: a refusal is recorded even
 * though nothing else is. Nothing is written when nobody is signed in. */
enum status audit_refused(struct db *db, const char *kind, const char *what, const char *entity,
                          long long entity_id);

/* The number of audit rows (for checks and tests). -1 on error. */
long long audit_count(struct db *db);

/* One row of the trail, as stored (text is UTF-8 from the database: it
 * must be sanitised before it reaches a terminal or a spreadsheet). */
struct audit_row {
	long long id;
	char at[32];              /* "2026-11-22T23:05:09.123Z" */
	long long user_id;        /* 0 when none */
	char user_name[64];
	char origin[80];
	char action[32];
	char entity[32];
	long long entity_id;      /* 0 when none */
	char changes[2048];       /* JSON text, cut to fit; "" when none */
};

/* What to select; every field is optional (NULL or 0 means any). */
struct audit_filter {
	const char *since;        /* ISO date "YYYY-MM-DD" or time; rows at or after */
	const char *until;        /* ISO date; rows before the end of that day */
	const char *user_name;    /* exact account name */
	const char *entity;       /* e.g. "app_user", "person" */
	long long entity_id;      /* with entity: one record's history */
	const char *action;       /* e.g. "login_failed" */
};

/* Calls cb for each row matching filter, newest first, starting below
 * before_id (0: from the newest), at most limit rows (keyset paging: pass
 * the last id you got to get the next page). Needs PERM_AUDIT_READ
 * (ST_DENIED otherwise); ST_INVALID for a malformed date. Sets *more when
 * rows remain after the page. */
enum status audit_query(struct db *db, const struct audit_filter *filter, long long before_id,
                        int limit, void (*cb)(const struct audit_row *row, void *ctx), void *ctx,
                        bool *more);

/* Reads the row id of the trail into *row (PERM_AUDIT_READ); ST_NOT_FOUND
 * when there is none. */
enum status audit_get(struct db *db, long long id, struct audit_row *row);

/* The same trail paged by key both ways (core/page.h): PAGE_AFTER gives
 * the rows older than the row with id key (key 0: from the newest), as
 * audit_query does; PAGE_BEFORE the rows newer than it, the nearest ones
 * (key 0: the oldest page, read from the oldest id up), still newest first.
 * Either way one indexed walk of at most limit + 1 rows, however long the
 * trail. *more: rows remain beyond the page in that direction. */
enum status audit_page(struct db *db, const struct audit_filter *filter, enum page_dir dir,
                       long long key, int limit, void (*cb)(const struct audit_row *row, void *ctx),
                       void *ctx, bool *more);

#endif
