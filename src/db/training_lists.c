/* The class list and the waiting list of a course, and what the case file
 * says of a person's training. PERM_TRAINING_READ. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_private.h"
#include "db/training.h"

#define LIST_SELECT \
	"SELECT e.id, e.course_id, e.person_id, e.status, coalesce(e.waiting_since, ''), " \
	"coalesce(e.dropout_reason, ''), coalesce(e.assessment, ''), e.certificate_no, coalesce(e.toolkit_date, ''), " \
	"coalesce(e.followup, ''), coalesce(e.followup_date, ''), e.version, p.case_key, p.family_name, " \
	"p.given_names, p.sex, coalesce(p.birth_date, '') " \
	"FROM training_enrolment e JOIN person p ON p.id = e.person_id "

static void read_row(sqlite3_stmt *st, struct training_enrolment *e)
{
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(st, 0);
	e->course_id = sqlite3_column_int64(st, 1);
	e->person_id = sqlite3_column_int64(st, 2);
	db_column_copy(st, 3, e->status, sizeof e->status);
	db_column_copy(st, 4, e->waiting_since, sizeof e->waiting_since);
	db_column_copy(st, 5, e->dropout_reason, sizeof e->dropout_reason);
	db_column_copy(st, 6, e->assessment, sizeof e->assessment);
	db_column_copy(st, 7, e->certificate_no, sizeof e->certificate_no);
	db_column_copy(st, 8, e->toolkit_date, sizeof e->toolkit_date);
	db_column_copy(st, 9, e->followup, sizeof e->followup);
	db_column_copy(st, 10, e->followup_date, sizeof e->followup_date);
	e->version = sqlite3_column_int(st, 11);
	db_column_copy(st, 12, e->case_key, sizeof e->case_key);
	db_column_copy(st, 13, e->family_name, sizeof e->family_name);
	db_column_copy(st, 14, e->given_names, sizeof e->given_names);
	const unsigned char *sex = sqlite3_column_text(st, 15);
	e->sex = sex ? (char)sex[0] : '\0';
	db_column_copy(st, 16, e->birth_date, sizeof e->birth_date);
}

enum status training_enrolment_list(struct db *db, long long course_id, enum training_part part,
                                    enum page_dir dir, const struct training_enrolment *key, int limit,
                                    void (*cb)(const struct training_enrolment *e, void *ctx), void *ctx,
                                    bool *more)
{
	/* The class by name (family, given, entry); the waiting list first
	 * come first (waiting_since, entry), on the index (course, status,
	 * waiting_since). */
	static const char class_after[] = LIST_SELECT
		"WHERE e.course_id = ?1 AND e.status <> 'waiting' AND (p.family_name, p.given_names, e.id) > (?2, ?3, ?4) "
		"ORDER BY p.family_name, p.given_names, e.id LIMIT ?5";
	static const char class_before[] = LIST_SELECT
		"WHERE e.course_id = ?1 AND e.status <> 'waiting' AND (p.family_name, p.given_names, e.id) < (?2, ?3, ?4) "
		"ORDER BY p.family_name DESC, p.given_names DESC, e.id DESC LIMIT ?5";
	static const char wait_after[] = LIST_SELECT
		"WHERE e.course_id = ?1 AND e.status = 'waiting' AND (e.waiting_since, e.id) > (?2, ?4) "
		"ORDER BY e.waiting_since, e.id LIMIT ?5";
	static const char wait_before[] = LIST_SELECT
		"WHERE e.course_id = ?1 AND e.status = 'waiting' AND (e.waiting_since, e.id) < (?2, ?4) "
		"ORDER BY e.waiting_since DESC, e.id DESC LIMIT ?5";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_TRAINING_READ);
	if (r != ST_OK || limit <= 0)
		return r;
	bool waiting = part == TRAINING_WAITING;
	bool back = dir == PAGE_BEFORE;
	sqlite3_stmt *st = db_stmt(db, waiting ? (back ? wait_before : wait_after) : (back ? class_before : class_after));
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, course_id);
	/* No key: beyond every row in the direction of reading. */
	const char *edge = back ? "\xf4\x8f\xbf\xbf" : "";
	if (waiting)
		db_bind_text(st, 2, key ? key->waiting_since : edge);
	else
		db_bind_text(st, 2, key ? key->family_name : edge);
	db_bind_text(st, 3, key ? key->given_names : edge);
	sqlite3_bind_int64(st, 4, key ? key->id : 0);
	sqlite3_bind_int(st, 5, limit + 1);
	struct training_enrolment *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct training_enrolment *e = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!e) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_row(st, e);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(rows);
		return db_status_of(rc);
	}
	for (size_t i = 0; cb && i < n; i++)
		cb(&rows[back ? n - 1 - i : i], ctx);
	free(rows);
	return ST_OK;
}

enum status training_person_list(struct db *db, long long person, int limit,
                                 void (*cb)(const struct training_enrolment *e, void *ctx), void *ctx, bool *more)
{
	static const char sql[] = LIST_SELECT
		"JOIN training_course c ON c.id = e.course_id WHERE e.person_id = ?1 "
		"ORDER BY c.start_date DESC, e.id DESC LIMIT ?2";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_TRAINING_READ);
	if (r != ST_OK || limit <= 0)
		return r;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int(st, 2, limit + 1);
	struct training_enrolment *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct training_enrolment *e = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!e) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_row(st, e);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(rows);
		return db_status_of(rc);
	}
	for (size_t i = 0; cb && i < n; i++)
		cb(&rows[i], ctx);
	free(rows);
	return ST_OK;
}

enum status training_status_get(struct db *db, long long person, const char *lang, struct training_status *out)
{
	static const char counts[] =
		"SELECT count(*), coalesce(sum(status IN ('completed', 'certified')), 0) FROM training_enrolment "
		"WHERE person_id = ?1";
	/* The current course: one not finished where the person is still in
	 * it, else the latest. */
	static const char current[] =
		"SELECT c.title, c.start_date, e.status, r.name_en, r.name_fr FROM training_enrolment e "
		"JOIN training_course c ON c.id = e.course_id JOIN ref_item r ON r.id = c.trade_id "
		"WHERE e.person_id = ?1 ORDER BY (e.status IN ('applied', 'selected', 'waiting', 'enrolled') "
		"AND c.status NOT IN ('completed', 'cancelled')) DESC, c.start_date DESC, e.id DESC LIMIT 1";
	memset(out, 0, sizeof *out);
	enum status r = db_require(db, PERM_TRAINING_READ);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, counts);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->courses = sqlite3_column_int(st, 0);
		out->completed = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_status_of(rc);
	if (out->courses == 0)
		return ST_OK;
	if (!(st = db_stmt(db, current)))
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 0, out->title, sizeof out->title);
		db_column_copy(st, 1, out->start_date, sizeof out->start_date);
		db_column_copy(st, 2, out->status, sizeof out->status);
		db_column_copy(st, lang && !strcmp(lang, "fr") ? 4 : 3, out->trade, sizeof out->trade);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}
