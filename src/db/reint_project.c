#define _POSIX_C_SOURCE 200809L /* gmtime_r */
/* Collective and community projects: the checks, saving, approving the
 * budget, the status, reading one and listing them. Members are in
 * reint_member.c. Every write is one transaction with its audit row, every
 * field before and after. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/reint_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/db_private.h"
#include "db/reflist.h"
#include "db/reint_project.h"
#include "db/reint_project_private.h"
#include "fields_json.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

void reint_project_init(struct reint_project *p, const char *centre_code)
{
	memset(p, 0, sizeof *p);
	snprintf(p->kind, sizeof p->kind, "community");
	snprintf(p->centre_code, sizeof p->centre_code, "%s", centre_code ? centre_code : "");
	snprintf(p->currency, sizeof p->currency, "XOF");
	snprintf(p->status, sizeof p->status, "planned");
	snprintf(p->activity, sizeof p->activity, "agriculture");
}

#define about reint_about

/* The fields of a project for the audit trail. */
#define TEXT(m) DB_FIELD_TEXT(struct reint_project, m)
#define INT(m) DB_FIELD_INT(struct reint_project, m)
#define ID(m) DB_FIELD_ID(struct reint_project, m)
static const struct db_field fields[] = {
	TEXT(kind), TEXT(name), TEXT(centre_code), TEXT(country), ID(region_id), TEXT(locality), TEXT(activity),
	ID(partner_id), TEXT(currency), ID(budget), TEXT(start_date), TEXT(status), ID(caseworker_id),
	ID(approved_amount), TEXT(approved_at), ID(approved_by),
};



static bool has_content(const char *s)
{
	for (; *s; s++)
		if (*s != ' ')
			return true;
	return false;
}

static bool currency_ok(const char *c)
{
	for (int i = 0; i < 3; i++)
		if (c[i] < 'A' || c[i] > 'Z')
			return false;
	return c[3] == '\0';
}

/* The rules that need no database. */
static const char *problem(const struct reint_project *p, const char **field)
{
	if (!memchr(p->kind, '\0', sizeof p->kind) || !vocab_has(VOCAB_REINT_PROJECT_KIND, p->kind))
		return about(field, "kind", N_("Choose the kind of project."));
	if (!reint_text_fits(p->name, sizeof p->name, 120, false))
		return about(field, "name", N_("The name is too long (120 characters at most)."));
	if (!has_content(p->name))
		return about(field, "name", N_("Give the project a name."));
	if (!memchr(p->country, '\0', sizeof p->country) || strlen(p->country) != 3)
		return about(field, "country", N_("Choose the country."));
	if (p->region_id < 0)
		return about(field, "region_id", N_("Choose a region of that country."));
	if (!reint_text_fits(p->locality, sizeof p->locality, 80, false))
		return about(field, "locality", N_("The locality is too long (80 characters at most)."));
	if (!memchr(p->activity, '\0', sizeof p->activity) || !vocab_has(VOCAB_REINT_PROJECT_ACTIVITY, p->activity))
		return about(field, "activity", N_("Choose the activity."));
	if (p->partner_id < 0)
		return about(field, "partner_id", N_("Choose the implementing organisation."));
	if (!memchr(p->currency, '\0', sizeof p->currency) || !currency_ok(p->currency))
		return about(field, "currency", N_("The currency is three capital letters (XOF)."));
	if (p->budget < 0 || p->budget > REINT_BUDGET_MAX)
		return about(field, "budget", N_("The budget is a whole amount, 0 or more."));
	if (!memchr(p->start_date, '\0', sizeof p->start_date) || (p->start_date[0] && !date_is_day(p->start_date)))
		return about(field, "start_date", N_("The start is not a valid day."));
	if (!memchr(p->status, '\0', sizeof p->status) || !vocab_has(VOCAB_REINT_PROJECT_STATUS, p->status))
		return about(field, "status", N_("Choose the status."));
	if (p->caseworker_id < 0)
		return about(field, "caseworker_id", N_("Choose the case worker."));
	return NULL;
}

#define PROJECT_SELECT \
	"SELECT p.id, p.kind, p.name, coalesce(ce.code, ''), p.country, coalesce(p.region_id, 0), p.locality, " \
	"p.activity, coalesce(p.partner_id, 0), p.currency, p.budget, coalesce(p.start_date, ''), p.status, " \
	"coalesce(p.caseworker_id, 0), p.version, p.approved_amount IS NOT NULL, coalesce(p.approved_amount, 0), " \
	"coalesce(p.approved_at, ''), coalesce(p.approved_by, 0), " \
	"(SELECT coalesce(sum(amount), 0) FROM reint_payment y WHERE y.project_id = p.id), " \
	"(SELECT count(*) FROM reint_project_member m WHERE m.project_id = p.id AND m.left_date IS NULL) " \
	"FROM reint_project p LEFT JOIN centre ce ON ce.id = p.centre_id "

static void read_project(sqlite3_stmt *st, struct reint_project *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, p->kind, sizeof p->kind);
	db_column_copy(st, 2, p->name, sizeof p->name);
	db_column_copy(st, 3, p->centre_code, sizeof p->centre_code);
	db_column_copy(st, 4, p->country, sizeof p->country);
	p->region_id = sqlite3_column_int64(st, 5);
	db_column_copy(st, 6, p->locality, sizeof p->locality);
	db_column_copy(st, 7, p->activity, sizeof p->activity);
	p->partner_id = sqlite3_column_int64(st, 8);
	db_column_copy(st, 9, p->currency, sizeof p->currency);
	p->budget = sqlite3_column_int64(st, 10);
	db_column_copy(st, 11, p->start_date, sizeof p->start_date);
	db_column_copy(st, 12, p->status, sizeof p->status);
	p->caseworker_id = sqlite3_column_int64(st, 13);
	p->version = sqlite3_column_int(st, 14);
	p->approved = sqlite3_column_int(st, 15) != 0;
	p->approved_amount = sqlite3_column_int64(st, 16);
	db_column_copy(st, 17, p->approved_at, sizeof p->approved_at);
	p->approved_by = sqlite3_column_int64(st, 18);
	p->paid = sqlite3_column_int64(st, 19);
	p->members = sqlite3_column_int(st, 20);
}

enum status reint_project_read(struct db *db, long long id, struct reint_project *p)
{
	static const char sql[] = PROJECT_SELECT "WHERE p.id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_project(st, p);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* True when one row answers sql with ?1 = id, ?2 = text (NULL when none). */
static enum status exists(sqlite3_stmt *st, long long id, const char *text, bool *ok)
{
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	if (text)
		db_bind_text(st, 2, text);
	int rc = sqlite3_step(st);
	*ok = rc == SQLITE_ROW;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* The checks against the database; stored is the project as saved (NULL
 * for a new one). */
static enum status check_refs(struct db *db, const struct reint_project *p, const struct reint_project *stored,
                              const char **m, const char **field)
{
	bool ok = false;
	enum status st;
	if ((st = exists(db_stmt(db, "SELECT ?1 FROM country WHERE iso3 = ?2"), 0, p->country, &ok))
	    != ST_OK)
		return st;
	if (!ok) {
		*m = about(field, "country", N_("Choose the country."));
		return ST_INVALID;
	}
	if (p->centre_code[0] && !db_centre_id(db, p->centre_code)) {
		*m = about(field, "centre_code", N_("Choose the centre."));
		return ST_INVALID;
	}
	if (p->region_id) {
		st = exists(db_stmt(db, "SELECT 1 FROM ref_item WHERE id = ?1 AND list = '" REFLIST_REINT_REGION
		                            "' AND kind = ?2 AND active = 1"),
		            p->region_id, p->country, &ok);
		/* The stored region stays valid even when retired since. */
		if (st != ST_OK)
			return st;
		if (!ok && stored && stored->region_id == p->region_id && strcmp(stored->country, p->country) == 0)
			ok = true;
		if (!ok) {
			*m = about(field, "region_id", N_("Choose a region of that country."));
			return ST_INVALID;
		}
	}
	if (p->partner_id) {
		st = exists(db_stmt(db, "SELECT 1 FROM ref_item WHERE id = ?1 AND list = '" REFLIST_PARTNER
		                            "' AND (active = 1 OR ?2 = 'kept')"),
		            p->partner_id, stored && stored->partner_id == p->partner_id ? "kept" : "", &ok);
		if (st != ST_OK)
			return st;
		if (!ok) {
			*m = about(field, "partner_id", N_("Choose the implementing organisation."));
			return ST_INVALID;
		}
	}
	if (p->caseworker_id) {
		st = exists(db_stmt(db, "SELECT 1 FROM app_user WHERE id = ?1 AND (active = 1 OR ?2 = 'kept')"),
		            p->caseworker_id, stored && stored->caseworker_id == p->caseworker_id ? "kept" : "", &ok);
		if (st != ST_OK)
			return st;
		if (!ok) {
			*m = about(field, "caseworker_id", N_("Choose the case worker."));
			return ST_INVALID;
		}
	}
	if (stored && stored->approved && p->budget != stored->budget) {
		*m = about(field, "budget", N_("The budget was approved: it no longer changes."));
		return ST_INVALID;
	}
	if (stored && strcmp(stored->currency, p->currency) != 0 && (stored->approved || stored->paid)) {
		*m = about(field, "currency", N_("The budget was approved: its currency no longer changes."));
		return ST_INVALID;
	}
	return ST_OK;
}

enum status reint_project_check(struct db *db, const struct reint_project *p, const char **msgid,
                                const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status st = db_require(db, PERM_REINTEGRATION_READ);
	struct reint_project stored;
	if (st != ST_OK)
		;
	else if ((m = problem(p, &f)) != NULL)
		st = ST_INVALID;
	else if (p->id && (st = reint_project_read(db, p->id, &stored)) != ST_OK)
		;
	else
		st = check_refs(db, p, p->id ? &stored : NULL, &m, &f);
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return st;
}

static void bind_opt_id(sqlite3_stmt *st, int i, long long v)
{
	if (v)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Binds the columns of p to ?2..?14 (the centre's id to ?4). */
static void bind_project(sqlite3_stmt *st, const struct reint_project *p, long long centre)
{
	db_bind_text(st, 2, p->kind);
	db_bind_text(st, 3, p->name);
	bind_opt_id(st, 4, centre);
	db_bind_text(st, 5, p->country);
	bind_opt_id(st, 6, p->region_id);
	db_bind_text(st, 7, p->locality);
	db_bind_text(st, 8, p->activity);
	bind_opt_id(st, 9, p->partner_id);
	db_bind_text(st, 10, p->currency);
	sqlite3_bind_int64(st, 11, p->budget);
	db_bind_opt(st, 12, p->start_date);
	db_bind_text(st, 13, p->status);
	bind_opt_id(st, 14, p->caseworker_id);
}

static enum status project_insert(struct db *db, struct reint_project *p, long long centre)
{
	static const char sql[] =
		"INSERT INTO reint_project (kind, name, centre_id, country, region_id, locality, activity, partner_id, "
		"currency, budget, start_date, status, caseworker_id, created_by) "
		"VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?1)";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	bind_opt_id(st, 1, db_actor(db)->user_id > 0 ? db_actor(db)->user_id : 0);
	bind_project(st, p, centre);
	enum status r = db_step_done(st);
	sqlite3_clear_bindings(st);
	if (r != ST_OK)
		return r;
	p->id = sqlite3_last_insert_rowid(db_sqlite(db));
	p->version = 1;
	return ST_OK;
}

static enum status project_update(struct db *db, struct reint_project *p, long long centre)
{
	static const char sql[] =
		"UPDATE reint_project SET kind = ?2, name = ?3, centre_id = ?4, country = ?5, region_id = ?6, "
		"locality = ?7, activity = ?8, partner_id = ?9, currency = ?10, budget = ?11, start_date = ?12, "
		"status = ?13, caseworker_id = ?14, version = version + 1 WHERE id = ?1 AND version = ?15";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, p->id);
	bind_project(st, p, centre);
	sqlite3_bind_int(st, 15, p->version);
	enum status r = db_step_done(st);
	sqlite3_clear_bindings(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r == ST_OK)
		p->version++;
	return r;
}

/* Saves p inside the open transaction, with its audit row. */
static enum status project_write(struct db *db, struct reint_project *p, const char **m, const char **f)
{
	struct reint_project before;
	bool is_new = p->id == 0;
	enum status r;
	if (!is_new) {
		if ((r = reint_project_read(db, p->id, &before)) != ST_OK)
			return r;
		if (before.version != p->version)
			return ST_CONFLICT;
	}
	if ((r = reint_project_check(db, p, m, f)) != ST_OK)
		return r;
	long long centre = p->centre_code[0] ? db_centre_id(db, p->centre_code) : 0;
	r = is_new ? project_insert(db, p, centre) : project_update(db, p, centre);
	if (r != ST_OK)
		return r;
	if (!is_new) {
		p->approved = before.approved;
		p->approved_amount = before.approved_amount;
		memcpy(p->approved_at, before.approved_at, sizeof p->approved_at);
		p->approved_by = before.approved_by;
	}
	struct jsonbuf j;
	jsonbuf_init(&j);
	db_fields_json(&j, fields, COUNT(fields), is_new ? NULL : &before, p);
	return audit_log(db, is_new ? "create" : "update", "reint_project", p->id, jsonbuf_text(&j));
}

enum status reint_project_save(struct db *db, struct reint_project *p, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	long long id = p->id;
	int version = p->version;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		r = db_finish(db, project_write(db, p, &m, &f));
		if (r != ST_OK) {
			p->id = id;
			p->version = version;
		}
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

static enum status approve_write(struct db *db, long long id, int *version, const char **m)
{
	static const char sql[] =
		"UPDATE reint_project SET approved_amount = budget, approved_at = ?2, approved_by = ?3, "
		"version = version + 1 WHERE id = ?1 AND version = ?4 AND approved_amount IS NULL";
	struct reint_project before, after;
	enum status r = reint_project_read(db, id, &before);
	if (r != ST_OK)
		return r;
	if (before.version != *version)
		return ST_CONFLICT;
	if (before.approved) {
		*m = N_("This budget is approved already.");
		return ST_INVALID;
	}
	if (before.budget <= 0) {
		*m = N_("Give the project a budget before approving it.");
		return ST_INVALID;
	}
	if (strcmp(before.status, "completed") == 0 || strcmp(before.status, "cancelled") == 0) {
		*m = N_("A completed or cancelled project's budget is not approved.");
		return ST_INVALID;
	}
	long long user = db_actor(db)->user_id;
	if (user <= 0)
		return ST_DENIED;
	char now[32];
	time_t t = clock_now();
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, now);
	sqlite3_bind_int64(st, 3, user);
	sqlite3_bind_int(st, 4, *version);
	r = db_step_done(st);
	sqlite3_clear_bindings(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r != ST_OK || (r = reint_project_read(db, id, &after)) != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	db_fields_json(&j, fields, COUNT(fields), &before, &after);
	if ((r = audit_log(db, "approve", "reint_project", id, jsonbuf_text(&j))) == ST_OK)
		*version = after.version;
	return r;
}

enum status reint_project_approve(struct db *db, long long id, int *version, const char **msgid)
{
	const char *m = NULL;
	enum status r = db_require(db, PERM_REINTEGRATION_APPROVE);
	int v = *version;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, approve_write(db, id, &v, &m));
	if (r == ST_OK)
		*version = v;
	if (msgid)
		*msgid = m;
	return r;
}

enum status reint_project_set_status(struct db *db, long long id, int *version, const char *status,
                                     const char **msgid)
{
	const char *m = NULL;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	struct reint_project p;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		if ((r = reint_project_read(db, id, &p)) == ST_OK && p.version != *version)
			r = ST_CONFLICT;
		if (r == ST_OK) {
			snprintf(p.status, sizeof p.status, "%s", status ? status : "");
			r = project_write(db, &p, &m, NULL);
		}
		if ((r = db_finish(db, r)) == ST_OK)
			*version = p.version;
	}
	if (msgid)
		*msgid = m;
	return r;
}

enum status reint_project_get(struct db *db, long long id, struct reint_project *p)
{
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	return r != ST_OK ? r : reint_project_read(db, id, p);
}

enum status reint_project_list(struct db *db, const struct reint_project_filter *f, enum page_dir dir,
                               const struct reint_project *key, int limit,
                               void (*cb)(const struct reint_project *p, void *ctx), void *ctx, bool *more)
{
#define FILTER "(?4 = '' OR p.kind = ?4) AND (?5 = '' OR p.country = ?5) AND (?6 = '' OR p.status = ?6) "
	static const char after[] = PROJECT_SELECT
		"WHERE " FILTER "AND (p.name, p.id) > (?1, ?2) ORDER BY p.name, p.id LIMIT ?3";
	static const char before[] = PROJECT_SELECT
		"WHERE " FILTER "AND (p.name, p.id) < (?1, ?2) ORDER BY p.name DESC, p.id DESC LIMIT ?3";
#undef FILTER
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
	if (key) {
		db_bind_text(st, 1, key->name);
		sqlite3_bind_int64(st, 2, key->id);
	} else if (dir == PAGE_BEFORE) {
		sqlite3_bind_blob(st, 1, "", 0, SQLITE_STATIC);   /* a blob sorts after any text */
		sqlite3_bind_int64(st, 2, 0);
	} else {
		db_bind_text(st, 1, "");   /* names have a character at least */
		sqlite3_bind_int64(st, 2, 0);
	}
	sqlite3_bind_int(st, 3, limit + 1);
	db_bind_text(st, 4, f ? f->kind : "");
	db_bind_text(st, 5, f ? f->country : "");
	db_bind_text(st, 6, f ? f->status : "");
	struct reint_project *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct reint_project *p = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!p) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_project(st, p);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(rows);
		return db_status_of(rc);
	}
	for (size_t i = 0; cb && i < n; i++)
		cb(&rows[dir == PAGE_BEFORE ? n - 1 - i : i], ctx);
	free(rows);
	return ST_OK;
}
