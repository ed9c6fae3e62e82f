/* The done visits with the survey version they were answered with, newest
 * first, for the survey's screens: the way to a visit's answers and scores
 * from the sustainability survey. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_private.h"
#include "db/reint_survey.h"

#define VISIT_SELECT \
	"SELECT v.id, v.done_date, v.kind, coalesce(c.person_id, 0), " \
	"coalesce(p.family_name || ' ' || p.given_names, j.name, ''), coalesce(c.country, j.country, ''), " \
	"coalesce(s.version, 0) FROM reint_visit v LEFT JOIN reint_case c ON c.id = v.case_id " \
	"LEFT JOIN person p ON p.id = c.person_id LEFT JOIN reint_project j ON j.id = v.project_id " \
	"LEFT JOIN reint_survey s ON s.id = v.survey_id WHERE v.status = 'done' "

static void read_visit(sqlite3_stmt *st, struct reint_survey_visit *v)
{
	memset(v, 0, sizeof *v);
	v->visit_id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, v->day, sizeof v->day);
	db_column_copy(st, 2, v->kind, sizeof v->kind);
	v->person_id = sqlite3_column_int64(st, 3);
	db_column_copy(st, 4, v->name, sizeof v->name);
	db_column_copy(st, 5, v->country, sizeof v->country);
	v->version = sqlite3_column_int(st, 6);
}

enum status reint_survey_visit_list(struct db *db, enum page_dir dir, const struct reint_survey_visit *key, int limit,
                                    void (*cb)(const struct reint_survey_visit *v, void *ctx), void *ctx, bool *more)
{
	static const char after[] = VISIT_SELECT
		"AND (v.done_date, v.id) < (?1, ?2) ORDER BY v.done_date DESC, v.id DESC LIMIT ?3";
	static const char before[] = VISIT_SELECT
		"AND (v.done_date, v.id) > (?1, ?2) ORDER BY v.done_date, v.id LIMIT ?3";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r != ST_OK || limit <= 0)
		return r;
	sqlite3_stmt *st = db_stmt(db, dir == PAGE_BEFORE ? before : after);
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, key ? key->day : dir == PAGE_BEFORE ? "" : "~");
	sqlite3_bind_int64(st, 2, key ? key->visit_id : 0);
	sqlite3_bind_int(st, 3, limit + 1);
	struct reint_survey_visit *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct reint_survey_visit *v = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!v) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_visit(st, v);
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
