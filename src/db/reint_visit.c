/* Counselling and monitoring visits: the outcome's rules, reading and
 * listing a case's or project's visits, adding one, scheduling those after
 * the first payment, recording the outcome. The due list is in
 * reint_visit_due.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/reint_vocab.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/reint_money.h"
#include "db/reint_visit.h"
#include "reint_money_private.h"

#define MONTHS_MAX 24

#define VISIT_SELECT \
	"SELECT v.id, coalesce(v.case_id, 0), coalesce(v.project_id, 0), v.kind, coalesce(v.months, 0), v.due_date, " \
	"v.status, coalesce(v.done_date, ''), coalesce(v.mode, ''), coalesce(v.business_running, -1), " \
	"coalesce(v.monthly_income, -1), coalesce(v.satisfaction, ''), coalesce(v.remigration, ''), v.notes, " \
	"coalesce(u.display_name, ''), EXISTS (SELECT 1 FROM reint_visit_answer a WHERE a.visit_id = v.id), " \
	"v.version FROM reint_visit v LEFT JOIN app_user u ON u.id = v.visitor_id "

static void read_visit(sqlite3_stmt *st, struct reint_visit *v)
{
	memset(v, 0, sizeof *v);
	v->id = sqlite3_column_int64(st, 0);
	long long c = sqlite3_column_int64(st, 1);
	v->owner = c ? (struct reint_ref){ REINT_CASE, c } : (struct reint_ref){ REINT_PROJECT, sqlite3_column_int64(st, 2) };
	db_column_copy(st, 3, v->kind, sizeof v->kind);
	v->months = sqlite3_column_int(st, 4);
	db_column_copy(st, 5, v->due_date, sizeof v->due_date);
	db_column_copy(st, 6, v->status, sizeof v->status);
	db_column_copy(st, 7, v->done_date, sizeof v->done_date);
	db_column_copy(st, 8, v->mode, sizeof v->mode);
	v->business_running = sqlite3_column_int(st, 9);
	v->monthly_income = sqlite3_column_int64(st, 10);
	db_column_copy(st, 11, v->satisfaction, sizeof v->satisfaction);
	db_column_copy(st, 12, v->remigration, sizeof v->remigration);
	db_column_copy(st, 13, v->notes, sizeof v->notes);
	db_column_copy(st, 14, v->visitor, sizeof v->visitor);
	v->answered = sqlite3_column_int(st, 15) != 0;
	v->version = sqlite3_column_int(st, 16);
}

static enum status visit_read(struct db *db, long long id, struct reint_visit *v)
{
	static const char sql[] = VISIT_SELECT "WHERE v.id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_visit(st, v);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status reint_visit_get(struct db *db, long long id, struct reint_visit *v)
{
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	return r != ST_OK ? r : visit_read(db, id, v);
}

enum status reint_visit_owner(struct db *db, struct reint_ref owner, char *name, size_t size, char currency[4])
{
	static const char sql[] =
		"SELECT pe.family_name || ' ' || pe.given_names, coalesce((SELECT currency FROM reint_plan "
		"WHERE case_id = c.id ORDER BY id DESC LIMIT 1), 'XOF') FROM reint_case c JOIN person pe "
		"ON pe.id = c.person_id WHERE c.id = ?1 AND ?2 = 1 "
		"UNION ALL SELECT name, currency FROM reint_project WHERE id = ?1 AND ?2 = 0";
	name[0] = currency[0] = '\0';
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, owner.id);
	sqlite3_bind_int(st, 2, owner.kind == REINT_CASE);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 0, name, size);
		db_column_copy(st, 1, currency, 4);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* True when s (a buffer of size bytes) is "" or a code of v. */
static bool opt_code(const struct vocab *v, const char *s, size_t size)
{
	return memchr(s, '\0', size) && (!s[0] || vocab_has(v, s));
}

const char *reint_visit_problem(const struct reint_visit *v, const char *today, const char **field)
{
	if (field)
		*field = NULL;
	if (!memchr(v->status, '\0', sizeof v->status) || !vocab_has(VOCAB_REINT_VISIT_STATUS, v->status) ||
	    strcmp(v->status, "scheduled") == 0)
		return reint_about(field, "status", N_("Choose done, missed, unreachable or cancelled."));
	bool done = strcmp(v->status, "done") == 0;
	if (!opt_code(VOCAB_REINT_VISIT_MODE, v->mode, sizeof v->mode))
		return reint_about(field, "mode", N_("Choose in person, by phone or by a partner."));
	if (!opt_code(VOCAB_REINT_SATISFACTION, v->satisfaction, sizeof v->satisfaction))
		return reint_about(field, "satisfaction", N_("Choose how satisfied they are."));
	if (!opt_code(VOCAB_REINT_REMIGRATION, v->remigration, sizeof v->remigration))
		return reint_about(field, "remigration", N_("Choose whether they intend to migrate again."));
	if (v->business_running < -1 || v->business_running > 1)
		return reint_about(field, "business_running", N_("Answer yes or no."));
	if (v->monthly_income < -1 || v->monthly_income > REINT_INCOME_MAX)
		return reint_about(field, "monthly_income", N_("The income is a whole amount, zero or more."));
	if (!reint_text_fits(v->notes, sizeof v->notes, 2000, false))
		return reint_about(field, "notes", N_("The notes are too long (2000 characters at most)."));
	if (!done) {
		if (v->done_date[0] || v->mode[0] || v->business_running >= 0 || v->monthly_income >= 0 ||
		    v->satisfaction[0] || v->remigration[0])
			return reint_about(field, "done_date", N_("The day, how and the answers only for a visit done."));
		return NULL;
	}
	if (!memchr(v->done_date, '\0', sizeof v->done_date) || !date_is_day(v->done_date))
		return reint_about(field, "done_date", N_("The day of the visit is not a valid day."));
	if (today && strcmp(v->done_date, today) > 0)
		return reint_about(field, "done_date", N_("The day of the visit cannot be in the future."));
	if (!v->mode[0])
		return reint_about(field, "mode", N_("Choose in person, by phone or by a partner."));
	return NULL;
}

/* ST_OK when owner (a case or a project) exists. */
static enum status owner_exists(struct db *db, struct reint_ref owner)
{
	static const char sql[] = "SELECT 1 FROM reint_case WHERE id = ?1 AND ?2 = 1 "
	                          "UNION ALL SELECT 1 FROM reint_project WHERE id = ?1 AND ?2 = 0";
	if (owner.kind != REINT_CASE && owner.kind != REINT_PROJECT)
		return ST_NOT_FOUND;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, owner.id);
	sqlite3_bind_int(st, 2, owner.kind == REINT_CASE);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* How many visits of owner are of kind (not cancelled) and, when months
 * is -1, have months set. */
static enum status visits_of_kind(struct db *db, struct reint_ref owner, const char *kind, bool by_months, long long *n)
{
	static const char sql[] = "SELECT count(*) FROM reint_visit WHERE (case_id = ?1 AND ?2 = 1 OR "
	                          "project_id = ?1 AND ?2 = 0) AND kind = ?3 AND status != 'cancelled' "
	                          "AND (?4 = 0 OR months IS NOT NULL)";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, owner.id);
	sqlite3_bind_int(st, 2, owner.kind == REINT_CASE);
	db_bind_text(st, 3, kind);
	sqlite3_bind_int(st, 4, by_months);
	int rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : db_status_of(rc);
}

/* Inserts a scheduled visit with its audit row. */
static enum status visit_insert(struct db *db, struct reint_ref owner, const char *kind, int months, const char *due,
                                long long *id)
{
	static const char sql[] = "INSERT INTO reint_visit (case_id, project_id, kind, months, due_date, status) "
	                          "VALUES (?1, ?2, ?3, ?4, ?5, 'scheduled')";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, owner.kind == REINT_CASE ? 1 : 2, owner.id);
	db_bind_text(st, 3, kind);
	if (months > 0)
		sqlite3_bind_int(st, 4, months);
	db_bind_text(st, 5, due);
	enum status r = db_step_done(st);
	if (r != ST_OK)
		return r;
	*id = sqlite3_last_insert_rowid(db_sqlite(db));
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_str(&j, "owner", owner.kind == REINT_CASE ? "case" : "project");
	jsonbuf_put_int(&j, "owner_id", owner.id);
	jsonbuf_put_str(&j, "kind", kind);
	jsonbuf_put_int(&j, "months", months);
	jsonbuf_put_str(&j, "due_date", due);
	jsonbuf_put_str(&j, "status", "scheduled");
	return audit_log(db, "create", "reint_visit", *id, jsonbuf_text(&j));
}

enum status reint_visits_schedule(struct db *db, struct reint_ref owner, const char *day)
{
	long long n = 0;
	enum status r = visits_of_kind(db, owner, "monitoring", true, &n);
	if (r != ST_OK || n > 0)
		return r;
	char text[200] = "3,6,12";
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM setting WHERE key = 'reint_visit_months'");
	if (!st)
		return ST_INTERNAL;
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_copy(st, 0, text, sizeof text);
	sqlite3_reset(st);
	int months[MONTHS_MAX];
	int count = reint_visit_months_parse(text, months, MONTHS_MAX);
	for (int i = 0; i < count && r == ST_OK; i++) {
		char due[11];
		long long id;
		if (!reint_day_plus_months(day, months[i], due, sizeof due))
			return ST_INVALID;
		r = visit_insert(db, owner, "monitoring", months[i], due, &id);
	}
	return r;
}

enum status reint_visit_add(struct db *db, struct reint_ref owner, const char *kind, const char *due, long long *id,
                            const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	long long got = 0, n = 0;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		r = owner_exists(db, owner);
		if (r != ST_OK)
			;
		else if (!kind || !vocab_has(VOCAB_REINT_VISIT_KIND, kind))
			m = reint_about(&f, "kind", N_("Choose counselling, monitoring or the baseline."));
		else if (!due || !date_is_day(due))
			m = reint_about(&f, "due_date", N_("The due day is not a valid day."));
		else if (strcmp(kind, "baseline") == 0 && (r = visits_of_kind(db, owner, kind, false, &n)) == ST_OK && n > 0)
			m = reint_about(&f, "kind", N_("There is already a baseline survey."));
		if (r == ST_OK && m)
			r = ST_INVALID;
		if (r == ST_OK)
			r = visit_insert(db, owner, kind, 0, due, &got);
		r = db_finish(db, r);
	}
	if (r == ST_OK && id)
		*id = got;
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

static void outcome_json(struct jsonbuf *j, const struct reint_visit *b, const struct reint_visit *v)
{
	jsonbuf_change_str(j, "status", b->status, v->status);
	jsonbuf_change_str(j, "done_date", b->done_date, v->done_date);
	jsonbuf_change_str(j, "mode", b->mode, v->mode);
	jsonbuf_change_int(j, "business_running", b->business_running, v->business_running);
	jsonbuf_change_int(j, "monthly_income", b->monthly_income, v->monthly_income);
	jsonbuf_change_str(j, "satisfaction", b->satisfaction, v->satisfaction);
	jsonbuf_change_str(j, "remigration", b->remigration, v->remigration);
	jsonbuf_change_str(j, "notes", b->notes, v->notes);
}

static enum status record_write(struct db *db, struct reint_visit *v, const char **m, const char **f)
{
	struct reint_visit before;
	char today[11];
	clock_today_iso(today, sizeof today);
	enum status r = visit_read(db, v->id, &before);
	if (r != ST_OK)
		return r;
	if (before.version != v->version)
		return ST_CONFLICT;
	if ((*m = reint_visit_problem(v, today, f)) != NULL)
		return ST_INVALID;
	static const char sql[] =
		"UPDATE reint_visit SET status = ?2, done_date = ?3, mode = ?4, business_running = ?5, "
		"monthly_income = ?6, satisfaction = ?7, remigration = ?8, notes = ?9, visitor_id = ?10, "
		"version = version + 1 WHERE id = ?1 AND version = ?11";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, v->id);
	db_bind_text(st, 2, v->status);
	db_bind_opt(st, 3, v->done_date);
	db_bind_opt(st, 4, v->mode);
	if (v->business_running >= 0)
		sqlite3_bind_int(st, 5, v->business_running);
	if (v->monthly_income >= 0)
		sqlite3_bind_int64(st, 6, v->monthly_income);
	db_bind_opt(st, 7, v->satisfaction);
	db_bind_opt(st, 8, v->remigration);
	db_bind_text(st, 9, v->notes);
	if (db_actor(db)->user_id > 0)
		sqlite3_bind_int64(st, 10, db_actor(db)->user_id);
	sqlite3_bind_int(st, 11, v->version);
	r = db_step_done(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	outcome_json(&j, &before, v);
	return audit_log(db, "update", "reint_visit", v->id, jsonbuf_text(&j));
}

enum status reint_visit_record(struct db *db, struct reint_visit *v, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, record_write(db, v, &m, &f));
	if (r == ST_OK)
		v->version++;
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

enum status reint_visit_list(struct db *db, struct reint_ref owner, enum page_dir dir, const struct reint_visit *key,
                             int limit, void (*cb)(const struct reint_visit *v, void *ctx), void *ctx, bool *more)
{
	static const char case_after[] = VISIT_SELECT
		"WHERE v.case_id = ?1 AND (v.due_date, v.id) > (?2, ?3) ORDER BY v.due_date, v.id LIMIT ?4";
	static const char case_before[] = VISIT_SELECT
		"WHERE v.case_id = ?1 AND (v.due_date, v.id) < (?2, ?3) ORDER BY v.due_date DESC, v.id DESC LIMIT ?4";
	static const char proj_after[] = VISIT_SELECT
		"WHERE v.project_id = ?1 AND (v.due_date, v.id) > (?2, ?3) ORDER BY v.due_date, v.id LIMIT ?4";
	static const char proj_before[] = VISIT_SELECT
		"WHERE v.project_id = ?1 AND (v.due_date, v.id) < (?2, ?3) ORDER BY v.due_date DESC, v.id DESC LIMIT ?4";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r != ST_OK || limit <= 0)
		return r;
	bool is_case = owner.kind == REINT_CASE, back = dir == PAGE_BEFORE;
	sqlite3_stmt *st = db_stmt(db, is_case ? (back ? case_before : case_after) : (back ? proj_before : proj_after));
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, owner.id);
	db_bind_text(st, 2, key ? key->due_date : back ? "~" : "");
	sqlite3_bind_int64(st, 3, key ? key->id : 0);
	sqlite3_bind_int(st, 4, limit + 1);
	struct reint_visit *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct reint_visit *v = db_grow((void **)&rows, &n, &cap, sizeof *rows);
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
		cb(&rows[back ? n - 1 - i : i], ctx);
	free(rows);
	return ST_OK;
}
