/* Payments of a plan's grant or a project's budget: the checks, recording
 * one (with the first payment's consequences: the plan in implementation,
 * the monitoring visits scheduled), reversing one, reading and listing.
 * A payment is only ever inserted: never an UPDATE or a DELETE. */
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
#include "reint_money_private.h"

#define PAYMENT_SELECT \
	"SELECT p.id, coalesce(p.tranche_id, 0), coalesce(t.seq, 0), p.paid_date, p.amount, p.method, p.receipt_ref, " \
	"p.verified_by, coalesce(p.reverses_id, 0), coalesce((SELECT r.id FROM reint_payment r " \
	"WHERE r.reverses_id = p.id), 0), p.reason, coalesce(u.display_name, ''), coalesce(p.plan_id, 0), " \
	"coalesce(p.project_id, 0) FROM reint_payment p LEFT JOIN reint_tranche t ON t.id = p.tranche_id " \
	"LEFT JOIN app_user u ON u.id = p.recorded_by "

static void read_payment(sqlite3_stmt *st, struct reint_payment *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->tranche_id = sqlite3_column_int64(st, 1);
	p->tranche_seq = sqlite3_column_int(st, 2);
	db_column_copy(st, 3, p->paid_date, sizeof p->paid_date);
	p->amount = sqlite3_column_int64(st, 4);
	db_column_copy(st, 5, p->method, sizeof p->method);
	db_column_copy(st, 6, p->receipt_ref, sizeof p->receipt_ref);
	db_column_copy(st, 7, p->verified_by, sizeof p->verified_by);
	p->reverses_id = sqlite3_column_int64(st, 8);
	p->reversed_by = sqlite3_column_int64(st, 9);
	db_column_copy(st, 10, p->reason, sizeof p->reason);
	db_column_copy(st, 11, p->recorded_by, sizeof p->recorded_by);
	long long plan = sqlite3_column_int64(st, 12);
	p->owner = plan ? (struct reint_ref){ REINT_PLAN, plan }
	                : (struct reint_ref){ REINT_PROJECT, sqlite3_column_int64(st, 13) };
}

static enum status payment_read(struct db *db, long long id, struct reint_payment *p, struct reint_ref *owner)
{
	static const char sql[] = PAYMENT_SELECT "WHERE p.id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_payment(st, p);
		if (owner)
			*owner = p->owner;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status reint_payment_get(struct db *db, long long id, struct reint_payment *p)
{
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	return r != ST_OK ? r : payment_read(db, id, p, NULL);
}

/* The tranche's status and owner; ST_NOT_FOUND when it is not of ref. */
static enum status tranche_of(struct db *db, struct reint_ref ref, long long id, char *status, size_t size)
{
	static const char sql[] = "SELECT status FROM reint_tranche WHERE id = ?1 AND "
	                          "(plan_id = ?2 AND ?3 = 1 OR project_id = ?2 AND ?3 = 0)";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, ref.id);
	sqlite3_bind_int(st, 3, ref.kind == REINT_PLAN);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_copy(st, 0, status, size);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* Every rule of p for ref, the database's included (inside a transaction
 * when called by reint_pay). */
static enum status pay_problem(struct db *db, struct reint_ref ref, const struct reint_pay *p, const char **m,
                               const char **f)
{
	struct reint_totals t;
	char today[11];
	clock_today_iso(today, sizeof today);
	*m = NULL;
	enum status r = reint_totals_read(db, ref, &t);
	if (r != ST_OK)
		return r;
	if (!t.payable) {
		*m = reint_about(f, NULL, ref.kind == REINT_PLAN
		                 ? N_("The plan is not approved or not in implementation: nothing can be paid.")
		                 : N_("The project's budget is not approved or the project is not planned or running: "
		                      "nothing can be paid."));
		return ST_INVALID;
	}
	if (!memchr(p->paid_date, '\0', sizeof p->paid_date) || !date_is_day(p->paid_date))
		*m = reint_about(f, "paid_date", N_("The date is not a valid day."));
	else if (strcmp(p->paid_date, today) > 0)
		*m = reint_about(f, "paid_date", N_("The day paid cannot be in the future."));
	else if (p->amount <= 0 || p->amount > REINT_AMOUNT_MAX)
		*m = reint_about(f, "amount", N_("The amount must be more than zero."));
	else if (p->amount > t.left)
		*m = reint_about(f, "amount", N_("This payment would take what is paid above the approved amount."));
	else if (!memchr(p->method, '\0', sizeof p->method) || !vocab_has(VOCAB_REINT_PAY_METHOD, p->method))
		*m = reint_about(f, "method", N_("Choose how it was paid."));
	else if (!reint_text_fits(p->receipt_ref, sizeof p->receipt_ref, 40, false))
		*m = reint_about(f, "receipt_ref", N_("The receipt reference is too long (40 characters at most)."));
	else if (!reint_text_fits(p->verified_by, sizeof p->verified_by, 80, false))
		*m = reint_about(f, "verified_by", N_("The name is too long (80 characters at most)."));
	if (*m)
		return ST_INVALID;
	if (p->tranche_id) {
		char status[12] = "";
		if ((r = tranche_of(db, ref, p->tranche_id, status, sizeof status)) == ST_NOT_FOUND) {
			*m = reint_about(f, "tranche_id", N_("This tranche is not of this plan or project."));
			return ST_INVALID;
		}
		if (r != ST_OK)
			return r;
		if (strcmp(status, "planned") != 0) {
			*m = reint_about(f, "tranche_id", N_("This tranche is already paid or cancelled."));
			return ST_INVALID;
		}
	}
	return ST_OK;
}

enum status reint_pay_check(struct db *db, struct reint_ref ref, const struct reint_pay *p, const char **msgid,
                            const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	if (r == ST_OK)
		r = pay_problem(db, ref, p, &m, &f);
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

/* How many positive payments ref has. */
static enum status payments_made(struct db *db, struct reint_ref ref, long long *n)
{
	static const char sql[] = "SELECT count(*) FROM reint_payment WHERE amount > 0 AND "
	                          "(plan_id = ?1 AND ?2 = 1 OR project_id = ?1 AND ?2 = 0)";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, ref.id);
	sqlite3_bind_int(st, 2, ref.kind == REINT_PLAN);
	int rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : db_status_of(rc);
}

/* Inserts a payment (or a reversal: reverses > 0) of ref. */
static enum status payment_insert(struct db *db, struct reint_ref ref, const struct reint_pay *p, long long reverses,
                                  const char *reason, long long *id)
{
	static const char sql[] =
		"INSERT INTO reint_payment (plan_id, project_id, tranche_id, paid_date, amount, method, receipt_ref, "
		"verified_by, reverses_id, reason, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, ref.kind == REINT_PLAN ? 1 : 2, ref.id);
	if (p->tranche_id)
		sqlite3_bind_int64(st, 3, p->tranche_id);
	db_bind_text(st, 4, p->paid_date);
	sqlite3_bind_int64(st, 5, p->amount);
	db_bind_text(st, 6, p->method);
	db_bind_text(st, 7, p->receipt_ref);
	db_bind_text(st, 8, p->verified_by);
	if (reverses)
		sqlite3_bind_int64(st, 9, reverses);
	db_bind_text(st, 10, reason ? reason : "");
	const struct db_actor *a = db_actor(db);
	if (a->user_id > 0)
		sqlite3_bind_int64(st, 11, a->user_id);
	enum status r = db_step_done(st);
	if (r == ST_OK)
		*id = sqlite3_last_insert_rowid(db_sqlite(db));
	return r;
}

/* Sets the status of tranche id (from one status to another), audited. */
static enum status tranche_status(struct db *db, long long id, const char *from, const char *to)
{
	static const char sql[] =
		"UPDATE reint_tranche SET status = ?3, version = version + 1 WHERE id = ?1 AND status = ?2";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	enum status r = db_step_done(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_change_str(&j, "status", from, to);
	return audit_log(db, "update", "reint_tranche", id, jsonbuf_text(&j));
}

/* The first payment of ref: an approved plan goes in implementation and
 * the visits of its case are scheduled; a project's visits are. */
static enum status first_payment(struct db *db, struct reint_ref ref, const struct reint_totals *t, const char *day)
{
	if (ref.kind == REINT_PROJECT)
		return reint_visits_schedule(db, ref, day);
	if (strcmp(t->status, "approved") == 0) {
		static const char sql[] = "UPDATE reint_plan SET status = 'in_progress', version = version + 1 "
		                          "WHERE id = ?1 AND status = 'approved'";
		sqlite3_stmt *st = db_stmt(db, sql);
		if (!st)
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, ref.id);
		enum status r = db_step_done(st);
		if (r != ST_OK)
			return r;
		struct jsonbuf j;
		jsonbuf_init(&j);
		jsonbuf_change_str(&j, "status", "approved", "in_progress");
		if ((r = audit_log(db, "update", "reint_plan", ref.id, jsonbuf_text(&j))) != ST_OK)
			return r;
	}
	return reint_visits_schedule(db, (struct reint_ref){ REINT_CASE, t->case_id }, day);
}

static void pay_json(struct jsonbuf *j, struct reint_ref ref, const struct reint_pay *p, long long reverses,
                     const char *reason)
{
	jsonbuf_put_str(j, "owner", ref.kind == REINT_PLAN ? "plan" : "project");
	jsonbuf_put_int(j, "owner_id", ref.id);
	jsonbuf_put_int(j, "tranche_id", p->tranche_id);
	jsonbuf_put_str(j, "paid_date", p->paid_date);
	jsonbuf_put_int(j, "amount", p->amount);
	jsonbuf_put_str(j, "method", p->method);
	jsonbuf_put_str(j, "receipt_ref", p->receipt_ref);
	jsonbuf_put_str(j, "verified_by", p->verified_by);
	if (reverses) {
		jsonbuf_put_int(j, "reverses_id", reverses);
		jsonbuf_put_str(j, "reason", reason);
	}
}

static enum status pay_write(struct db *db, struct reint_ref ref, const struct reint_pay *p, long long *id,
                             const char **m, const char **f)
{
	long long before = 0;
	struct reint_totals t;
	enum status r;
	if ((r = pay_problem(db, ref, p, m, f)) != ST_OK || (r = reint_totals_read(db, ref, &t)) != ST_OK ||
	    (r = payments_made(db, ref, &before)) != ST_OK || (r = payment_insert(db, ref, p, 0, NULL, id)) != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	pay_json(&j, ref, p, 0, NULL);
	if ((r = audit_log(db, "create", "reint_payment", *id, jsonbuf_text(&j))) != ST_OK)
		return r;
	if (p->tranche_id && (r = tranche_status(db, p->tranche_id, "planned", "paid")) != ST_OK)
		return r;
	return before == 0 ? first_payment(db, ref, &t, p->paid_date) : ST_OK;
}

enum status reint_pay(struct db *db, struct reint_ref ref, const struct reint_pay *p, long long *id,
                      const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	long long got = 0;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, pay_write(db, ref, p, &got, &m, &f));
	if (r == ST_OK && id)
		*id = got;
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

static enum status reverse_write(struct db *db, long long id, const char *reason, long long *rid, const char **m,
                                 const char **f)
{
	struct reint_payment p;
	struct reint_ref owner;
	enum status r = payment_read(db, id, &p, &owner);
	if (r != ST_OK)
		return r;
	if (!reason || !reint_text_fits(reason, strlen(reason) + 1, 200, false))
		*m = reint_about(f, "reason", N_("The reason is too long (200 characters at most)."));
	else if (strspn(reason, " ") == strlen(reason))
		*m = reint_about(f, "reason", N_("Say why the payment is reversed."));
	else if (p.reverses_id)
		*m = reint_about(f, NULL, N_("A reversal cannot be reversed: record a new payment."));
	else if (p.reversed_by)
		*m = reint_about(f, NULL, N_("This payment is already reversed."));
	if (*m)
		return ST_INVALID;
	struct reint_pay rev;
	memset(&rev, 0, sizeof rev);
	rev.tranche_id = p.tranche_id;
	clock_today_iso(rev.paid_date, sizeof rev.paid_date);
	rev.amount = -p.amount;
	snprintf(rev.method, sizeof rev.method, "%s", p.method);
	snprintf(rev.receipt_ref, sizeof rev.receipt_ref, "%s", p.receipt_ref);
	if ((r = payment_insert(db, owner, &rev, id, reason, rid)) != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	pay_json(&j, owner, &rev, id, reason);
	if ((r = audit_log(db, "create", "reint_payment", *rid, jsonbuf_text(&j))) != ST_OK)
		return r;
	return p.tranche_id ? tranche_status(db, p.tranche_id, "paid", "planned") : ST_OK;
}

enum status reint_payment_reverse(struct db *db, long long id, const char *reason, long long *reversal_id,
                                  const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	long long got = 0;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, reverse_write(db, id, reason, &got, &m, &f));
	if (r == ST_OK && reversal_id)
		*reversal_id = got;
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

enum status reint_payment_list(struct db *db, struct reint_ref ref, enum page_dir dir, const struct reint_payment *key,
                               int limit, void (*cb)(const struct reint_payment *p, void *ctx), void *ctx, bool *more)
{
	/* One statement per owner kind, each on its own index. */
	static const char plan_after[] = PAYMENT_SELECT
		"WHERE p.plan_id = ?1 AND (p.paid_date, p.id) > (?2, ?3) ORDER BY p.paid_date, p.id LIMIT ?4";
	static const char plan_before[] = PAYMENT_SELECT
		"WHERE p.plan_id = ?1 AND (p.paid_date, p.id) < (?2, ?3) ORDER BY p.paid_date DESC, p.id DESC LIMIT ?4";
	static const char proj_after[] = PAYMENT_SELECT
		"WHERE p.project_id = ?1 AND (p.paid_date, p.id) > (?2, ?3) ORDER BY p.paid_date, p.id LIMIT ?4";
	static const char proj_before[] = PAYMENT_SELECT
		"WHERE p.project_id = ?1 AND (p.paid_date, p.id) < (?2, ?3) ORDER BY p.paid_date DESC, p.id DESC LIMIT ?4";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r != ST_OK || limit <= 0)
		return r;
	bool back = dir == PAGE_BEFORE;
	bool plan = ref.kind == REINT_PLAN;
	sqlite3_stmt *st = db_stmt(db, plan ? (back ? plan_before : plan_after) : (back ? proj_before : proj_after));
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, ref.id);
	db_bind_text(st, 2, key ? key->paid_date : back ? "~" : "");
	sqlite3_bind_int64(st, 3, key ? key->id : 0);
	sqlite3_bind_int(st, 4, limit + 1);
	struct reint_payment *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct reint_payment *p = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!p) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_payment(st, p);
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
