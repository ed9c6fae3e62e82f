/* Reintegration cases: the lists of a centre's or a case worker's cases
 * and what the case file says of a person's. PERM_REINTEGRATION_READ. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_private.h"
#include "db/reint_case.h"
#include "db/reint_cases_private.h"

/* The live (else latest) plan's status of the case in column c.id. */
#define PLAN_STATUS \
	"coalesce((SELECT p.status FROM reint_plan p WHERE p.case_id = c.id " \
	"ORDER BY p.status IN ('cancelled', 'completed'), p.id DESC LIMIT 1), '') "

#define ROW_SELECT \
	"SELECT c.id, c.person_id, ce.code, c.country, coalesce(c.region_id, 0), c.locality, c.return_date, " \
	"c.return_kind, coalesce(c.caseworker_id, 0), coalesce(c.partner_id, 0), c.status, " \
	"coalesce(c.close_reason, ''), coalesce(c.closed_date, ''), '', c.version, " \
	"p.case_key, p.family_name, p.given_names, " PLAN_STATUS \
	"FROM reint_case c JOIN centre ce ON ce.id = c.centre_id JOIN person p ON p.id = c.person_id " \
	"WHERE c.centre_id = ?1 AND (?5 = 0 OR c.caseworker_id = ?5) AND (?6 = '' OR c.status = ?6) "

static void read_row(sqlite3_stmt *st, struct reint_case_row *r)
{
	memset(r, 0, sizeof *r);
	struct reint_case *c = &r->c;
	c->id = sqlite3_column_int64(st, 0);
	c->person_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, c->centre_code, sizeof c->centre_code);
	db_column_copy(st, 3, c->country, sizeof c->country);
	c->region_id = sqlite3_column_int64(st, 4);
	db_column_copy(st, 5, c->locality, sizeof c->locality);
	db_column_copy(st, 6, c->return_date, sizeof c->return_date);
	db_column_copy(st, 7, c->return_kind, sizeof c->return_kind);
	c->caseworker_id = sqlite3_column_int64(st, 8);
	c->partner_id = sqlite3_column_int64(st, 9);
	db_column_copy(st, 10, c->status, sizeof c->status);
	db_column_copy(st, 11, c->close_reason, sizeof c->close_reason);
	db_column_copy(st, 12, c->closed_date, sizeof c->closed_date);
	c->version = sqlite3_column_int(st, 14);
	db_column_copy(st, 15, r->case_key, sizeof r->case_key);
	db_column_copy(st, 16, r->family_name, sizeof r->family_name);
	db_column_copy(st, 17, r->given_names, sizeof r->given_names);
	db_column_copy(st, 18, r->plan_status, sizeof r->plan_status);
}

enum status reint_case_list(struct db *db, const struct reint_case_filter *filter, enum page_dir dir,
                            const char *key_day, long long key_id, int limit,
                            void (*cb)(const struct reint_case_row *row, void *ctx), void *ctx, bool *more)
{
	/* Latest return first: (return day, id) descending. */
	static const char after[] = ROW_SELECT
		"AND (c.return_date, c.id) < (?2, ?3) ORDER BY c.return_date DESC, c.id DESC LIMIT ?4";
	static const char before[] = ROW_SELECT
		"AND (c.return_date, c.id) > (?2, ?3) ORDER BY c.return_date, c.id LIMIT ?4";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r != ST_OK)
		return r;
	long long centre = db_centre_id(db, filter && filter->centre_code ? filter->centre_code : "");
	if (!centre)
		return ST_NOT_FOUND;
	if (limit <= 0)
		return ST_OK;
	sqlite3_stmt *st = db_stmt(db, dir == PAGE_BEFORE ? before : after);
	if (!st)
		return ST_INTERNAL;
	bool keyed = key_id > 0 && key_day;
	sqlite3_bind_int64(st, 1, centre);
	db_bind_text(st, 2, keyed ? key_day : dir == PAGE_BEFORE ? "" : "~");
	sqlite3_bind_int64(st, 3, keyed ? key_id : 0);
	sqlite3_bind_int(st, 4, limit + 1);
	sqlite3_bind_int64(st, 5, filter->caseworker_id);
	db_bind_text(st, 6, filter->status ? filter->status : "");
	struct reint_case_row *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct reint_case_row *row = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!row) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_row(st, row);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(rows);
		return db_status_of(rc);
	}
	for (size_t i = 0; cb && i < n; i++)
		cb(&rows[dir == PAGE_BEFORE ? n - 1 - i : i], ctx);
	free(rows);
	return ST_OK;
}

enum status reint_case_status_get(struct db *db, long long person, const char *lang, struct reint_case_status *out)
{
	struct reint_case c;
	memset(out, 0, sizeof *out);
	enum status r = reint_case_of_person(db, person, &c);
	if (r != ST_OK)
		return r;
	bool fr = lang && strcmp(lang, "fr") == 0;
	sqlite3_stmt *st = db_stmt(db,
		"SELECT CASE WHEN ?2 THEN co.name_fr ELSE co.name_en END, "
		"coalesce((SELECT CASE WHEN ?2 THEN r.name_fr ELSE r.name_en END FROM ref_item r WHERE r.id = c.region_id), ''), "
		"c.status, " PLAN_STATUS
		"FROM reint_case c JOIN country co ON co.iso3 = c.country WHERE c.id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, c.id);
	sqlite3_bind_int(st, 2, fr);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 0, out->country, sizeof out->country);
		db_column_copy(st, 1, out->region, sizeof out->region);
		db_column_copy(st, 2, out->status, sizeof out->status);
		db_column_copy(st, 3, out->plan_status, sizeof out->plan_status);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status reint_caseworker_each(struct db *db, long long keep_id,
                                  void (*cb)(long long id, const char *name, void *ctx), void *ctx)
{
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, "SELECT id, display_name FROM app_user "
	                               "WHERE (active = 1 AND role = 'reintegration') OR id = ?1 ORDER BY display_name, id");
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

enum status reint_caseworker_name(struct db *db, long long id, char *out, size_t size)
{
	out[0] = '\0';
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
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
