/* Individual reintegration plans: drafting, submitting, the manager's
 * approval or return to draft, completion, cancellation, reading one and
 * the plans waiting for approval. Items and business plans are in
 * reint_plan_item.c. Every write is one transaction with its audit row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/reint_case.h"
#include "db/reint_cases_private.h"
#include "db/reint_plan.h"

#define PLAN_COLUMNS \
	"p.id, p.case_id, p.status, p.currency, coalesce(p.submitted_at, ''), coalesce(p.submitted_by, 0), " \
	"p.approved_amount IS NOT NULL, coalesce(p.approved_amount, 0), coalesce(p.approved_at, ''), " \
	"coalesce(p.approved_by, 0), p.decision_comment, p.cancel_reason, p.version, " \
	"(SELECT coalesce(sum(i.planned_value), 0) FROM reint_plan_item i WHERE i.plan_id = p.id), " \
	"(SELECT coalesce(sum(m.amount), 0) FROM reint_payment m WHERE m.plan_id = p.id), " \
	"(SELECT count(*) FROM reint_plan_item i WHERE i.plan_id = p.id) "
#define PLAN_NCOLS 16

static void read_plan(sqlite3_stmt *st, struct reint_plan *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->case_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, p->status, sizeof p->status);
	db_column_copy(st, 3, p->currency, sizeof p->currency);
	db_column_copy(st, 4, p->submitted_at, sizeof p->submitted_at);
	p->submitted_by = sqlite3_column_int64(st, 5);
	p->approved = sqlite3_column_int(st, 6) != 0;
	p->approved_amount = sqlite3_column_int64(st, 7);
	db_column_copy(st, 8, p->approved_at, sizeof p->approved_at);
	p->approved_by = sqlite3_column_int64(st, 9);
	db_column_copy(st, 10, p->decision_comment, sizeof p->decision_comment);
	db_column_copy(st, 11, p->cancel_reason, sizeof p->cancel_reason);
	p->version = sqlite3_column_int(st, 12);
	p->planned = sqlite3_column_int64(st, 13);
	p->paid = sqlite3_column_int64(st, 14);
	p->items = sqlite3_column_int(st, 15);
	p->left = (p->approved ? p->approved_amount : p->planned) - p->paid;
}

static enum status plan_read(struct db *db, long long id, struct reint_plan *p)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " PLAN_COLUMNS "FROM reint_plan p WHERE p.id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_plan(st, p);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status reint_plan_get(struct db *db, long long id, struct reint_plan *p)
{
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	return r != ST_OK ? r : plan_read(db, id, p);
}

enum status reint_plan_of_case(struct db *db, long long case_id, struct reint_plan *p)
{
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, "SELECT " PLAN_COLUMNS "FROM reint_plan p WHERE p.case_id = ?1 "
	                               "ORDER BY p.status IN ('cancelled', 'completed'), p.id DESC LIMIT 1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, case_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_plan(st, p);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* Every field of p for the audit trail (the figures read are left out). */
static void plan_json(struct jsonbuf *j, const struct reint_plan *before, const struct reint_plan *p)
{
	if (!before) {
		jsonbuf_put_int(j, "case_id", p->case_id);
		jsonbuf_put_str(j, "status", p->status);
		jsonbuf_put_str(j, "currency", p->currency);
		return;
	}
	jsonbuf_change_str(j, "status", before->status, p->status);
	jsonbuf_change_str(j, "currency", before->currency, p->currency);
	jsonbuf_change_str(j, "submitted_at", before->submitted_at, p->submitted_at);
	jsonbuf_change_int(j, "submitted_by", before->submitted_by, p->submitted_by);
	jsonbuf_change_int(j, "approved_amount", before->approved ? before->approved_amount : -1,
	                   p->approved ? p->approved_amount : -1);
	jsonbuf_change_str(j, "approved_at", before->approved_at, p->approved_at);
	jsonbuf_change_int(j, "approved_by", before->approved_by, p->approved_by);
	jsonbuf_change_str(j, "decision_comment", before->decision_comment, p->decision_comment);
	jsonbuf_change_str(j, "cancel_reason", before->cancel_reason, p->cancel_reason);
}

static bool currency_ok(const char *c)
{
	if (strlen(c) != 3)
		return false;
	for (int i = 0; i < 3; i++)
		if (c[i] < 'A' || c[i] > 'Z')
			return false;
	return true;
}

static const char *const live_msg = N_("This case has a plan in progress already: complete or cancel it first.");

enum status reint_plan_create(struct db *db, long long case_id, const char *currency, struct reint_plan *out,
                              const char **msgid)
{
	const char *m = NULL;
	const char *cur = currency && currency[0] ? currency : "XOF";
	struct reint_case c;
	struct reint_plan p;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	if (r == ST_OK && !currency_ok(cur)) {
		m = N_("The currency is a code of three capital letters (XOF).");
		r = ST_INVALID;
	}
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		if ((r = reint_case_read(db, case_id, &c)) == ST_OK && strcmp(c.status, "closed") == 0) {
			m = N_("This case is closed.");
			r = ST_INVALID;
		}
		if (r == ST_OK) {
			sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM reint_plan WHERE case_id = ?1 "
			                               "AND status NOT IN ('cancelled', 'completed')");
			if (!st) {
				r = ST_INTERNAL;
			} else {
				sqlite3_bind_int64(st, 1, case_id);
				int rc = sqlite3_step(st);
				sqlite3_reset(st);
				if (rc == SQLITE_ROW) {
					m = live_msg;
					r = ST_DUPLICATE;
				} else if (rc != SQLITE_DONE) {
					r = db_status_of(rc);
				}
			}
		}
		if (r == ST_OK) {
			sqlite3_stmt *st = db_stmt(db, "INSERT INTO reint_plan (case_id, status, currency, created_by) "
			                               "VALUES (?1, 'draft', ?2, ?3)");
			if (!st) {
				r = ST_INTERNAL;
			} else {
				sqlite3_bind_int64(st, 1, case_id);
				db_bind_text(st, 2, cur);
				if (db_actor(db)->user_id > 0)
					sqlite3_bind_int64(st, 3, db_actor(db)->user_id);
				r = db_step_done(st);
			}
		}
		if (r == ST_OK)
			r = plan_read(db, sqlite3_last_insert_rowid(db_sqlite(db)), &p);
		if (r == ST_OK) {
			struct jsonbuf j;
			jsonbuf_init(&j);
			plan_json(&j, NULL, &p);
			r = audit_log(db, "create", "reint_plan", p.id, jsonbuf_text(&j));
		}
		if ((r = db_finish(db, r)) == ST_OK && out)
			*out = p;
	}
	if (msgid)
		*msgid = m;
	return r;
}

/* Writes the decision fields of p (read as before at the start of the
 * transaction) and its audit row with action. */
static enum status plan_write(struct db *db, const struct reint_plan *before, struct reint_plan *p,
                              const char *action)
{
	sqlite3_stmt *st = db_stmt(db,
		"UPDATE reint_plan SET status = ?2, submitted_at = ?3, submitted_by = ?4, approved_amount = ?5, "
		"approved_at = ?6, approved_by = ?7, decision_comment = ?8, cancel_reason = ?9, version = version + 1 "
		"WHERE id = ?1 AND version = ?10");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, p->id);
	db_bind_text(st, 2, p->status);
	db_bind_opt(st, 3, p->submitted_at);
	if (p->submitted_by)
		sqlite3_bind_int64(st, 4, p->submitted_by);
	if (p->approved) {
		sqlite3_bind_int64(st, 5, p->approved_amount);
		db_bind_text(st, 6, p->approved_at);
		sqlite3_bind_int64(st, 7, p->approved_by);
	}
	db_bind_text(st, 8, p->decision_comment);
	db_bind_text(st, 9, p->cancel_reason);
	sqlite3_bind_int(st, 10, before->version);
	enum status r = db_step_done(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r != ST_OK)
		return r;
	p->version = before->version + 1;
	struct jsonbuf j;
	jsonbuf_init(&j);
	plan_json(&j, before, p);
	return audit_log(db, action, "reint_plan", p->id, jsonbuf_text(&j));
}

/* Now as an ISO time from the program's clock. */
static void now_iso(struct db *db, char *out, size_t size)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', ?1, 'unixepoch')");
	out[0] = '\0';
	if (!st)
		return;
	sqlite3_bind_int64(st, 1, (long long)clock_now());
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_copy(st, 0, out, size);
	sqlite3_reset(st);
}

/* What a change of a plan does, between reading it and writing it. */
enum change { SUBMIT, APPROVE, RETURN, COMPLETE, CANCEL };

/* Is small-business item of plan without a business plan? */
static enum status business_missing(struct db *db, long long plan, bool *missing)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM reint_plan_item i WHERE i.plan_id = ?1 "
	                               "AND i.category = 'small_business' AND NOT EXISTS "
	                               "(SELECT 1 FROM reint_business_plan b WHERE b.item_id = i.id)");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, plan);
	int rc = sqlite3_step(st);
	*missing = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* The rule of change on plan p (as read), and its new fields; NULL when
 * allowed. */
static const char *apply(struct db *db, enum change what, struct reint_plan *p, const char *text, enum status *r)
{
	const long long me = db_actor(db)->user_id;
	*r = ST_INVALID;
	switch (what) {
	case SUBMIT: {
		if (strcmp(p->status, "draft") != 0)
			return N_("Only a draft plan is submitted.");
		if (p->items == 0)
			return N_("A plan needs at least one item before it is submitted.");
		if (p->planned <= 0)
			return N_("The plan's total is 0: give the items their planned value.");
		bool missing = false;
		if ((*r = business_missing(db, p->id, &missing)) != ST_OK)
			return NULL;
		*r = ST_INVALID;
		if (missing)
			return N_("A small business item needs its business plan (b) before the plan is submitted.");
		snprintf(p->status, sizeof p->status, "submitted");
		now_iso(db, p->submitted_at, sizeof p->submitted_at);
		p->submitted_by = me;
		break;
	}
	case APPROVE:
	case RETURN:
		if (strcmp(p->status, "submitted") != 0)
			return N_("Only a plan submitted for approval is approved or returned.");
		if (text && !reint_text_fits(text, strlen(text) + 1, 500, true))
			return N_("The comment is too long (500 characters at most).");
		if (what == RETURN && (!text || !reint_has_content(text)))
			return N_("Say why the plan goes back to draft.");
		snprintf(p->decision_comment, sizeof p->decision_comment, "%s", text ? text : "");
		if (what == RETURN) {
			snprintf(p->status, sizeof p->status, "draft");
			break;
		}
		snprintf(p->status, sizeof p->status, "approved");
		p->approved = true;
		p->approved_amount = p->planned;
		now_iso(db, p->approved_at, sizeof p->approved_at);
		p->approved_by = me;
		break;
	case COMPLETE:
		if (strcmp(p->status, "approved") != 0 && strcmp(p->status, "in_progress") != 0)
			return N_("Only an approved plan is completed.");
		snprintf(p->status, sizeof p->status, "completed");
		break;
	case CANCEL:
		if (strcmp(p->status, "completed") == 0 || strcmp(p->status, "cancelled") == 0)
			return N_("This plan is over already.");
		if (!text || !reint_has_content(text))
			return N_("Say why the plan is cancelled.");
		if (!reint_text_fits(text, strlen(text) + 1, 200, false))
			return N_("The reason is too long (200 characters at most).");
		snprintf(p->status, sizeof p->status, "cancelled");
		snprintf(p->cancel_reason, sizeof p->cancel_reason, "%s", text);
		break;
	}
	*r = ST_OK;
	return NULL;
}

static enum status change(struct db *db, enum perm perm, enum change what, long long id, int *version,
                          const char *text, const char **msgid)
{
	static const char *const actions[] = { "submit", "approve", "return", "complete", "cancel" };
	const char *m = NULL;
	struct reint_plan before, p;
	enum status r = db_require(db, perm);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		if ((r = plan_read(db, id, &before)) == ST_OK && before.version != *version)
			r = ST_CONFLICT;
		if (r == ST_OK) {
			p = before;
			m = apply(db, what, &p, text, &r);
		}
		if (r == ST_OK)
			r = plan_write(db, &before, &p, actions[what]);
		if ((r = db_finish(db, r)) == ST_OK)
			*version = p.version;
	}
	if (msgid)
		*msgid = m;
	return r;
}

enum status reint_plan_submit(struct db *db, long long id, int *version, const char **msgid)
{
	return change(db, PERM_REINTEGRATION_WRITE, SUBMIT, id, version, NULL, msgid);
}

enum status reint_plan_approve(struct db *db, long long id, int version, const char *comment, const char **msgid)
{
	return change(db, PERM_REINTEGRATION_APPROVE, APPROVE, id, &version, comment, msgid);
}

enum status reint_plan_return(struct db *db, long long id, int version, const char *comment, const char **msgid)
{
	return change(db, PERM_REINTEGRATION_APPROVE, RETURN, id, &version, comment, msgid);
}

enum status reint_plan_complete(struct db *db, long long id, int *version, const char **msgid)
{
	return change(db, PERM_REINTEGRATION_WRITE, COMPLETE, id, version, NULL, msgid);
}

enum status reint_plan_cancel(struct db *db, long long id, int *version, const char *reason, const char **msgid)
{
	return change(db, PERM_REINTEGRATION_WRITE, CANCEL, id, version, reason, msgid);
}

#define WAITING_SELECT \
	"SELECT " PLAN_COLUMNS ", c.person_id, pe.case_key, pe.family_name, pe.given_names, c.country, ce.code " \
	"FROM reint_plan p JOIN reint_case c ON c.id = p.case_id JOIN person pe ON pe.id = c.person_id " \
	"JOIN centre ce ON ce.id = c.centre_id WHERE p.status = 'submitted' "

enum status reint_plan_waiting(struct db *db, enum page_dir dir, const char *key_at, long long key_id, int limit,
                               void (*cb)(const struct reint_plan_row *row, void *ctx), void *ctx, bool *more)
{
	static const char after[] = WAITING_SELECT
		"AND (p.submitted_at, p.id) > (?1, ?2) ORDER BY p.submitted_at, p.id LIMIT ?3";
	static const char before[] = WAITING_SELECT
		"AND (p.submitted_at, p.id) < (?1, ?2) ORDER BY p.submitted_at DESC, p.id DESC LIMIT ?3";
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
	bool keyed = key_id > 0 && key_at;
	db_bind_text(st, 1, keyed ? key_at : dir == PAGE_BEFORE ? "~" : "");
	sqlite3_bind_int64(st, 2, keyed ? key_id : 0);
	sqlite3_bind_int(st, 3, limit + 1);
	struct reint_plan_row *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct reint_plan_row *row = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!row) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_plan(st, &row->p);
		row->person_id = sqlite3_column_int64(st, PLAN_NCOLS);
		db_column_copy(st, PLAN_NCOLS + 1, row->case_key, sizeof row->case_key);
		db_column_copy(st, PLAN_NCOLS + 2, row->family_name, sizeof row->family_name);
		db_column_copy(st, PLAN_NCOLS + 3, row->given_names, sizeof row->given_names);
		db_column_copy(st, PLAN_NCOLS + 4, row->country, sizeof row->country);
		db_column_copy(st, PLAN_NCOLS + 5, row->centre_code, sizeof row->centre_code);
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
