/* Bulk writes of reintegration records for demo databases (see
 * db/bulk_reint.h and bulk.c for the batches). */
#include <stdio.h>
#include <string.h>

#include "db/bulk_private.h"
#include "db/bulk_reint.h"

#define ID4 ", ?, ?, ?, ?)"

const char bulk_sql_reint_case[] =
	"INSERT OR IGNORE INTO reint_case (id, person_id, centre_id, country, region_id, locality, return_date, "
	"return_kind, caseworker_id, partner_id, status, close_reason, closed_date, created_by, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" ID4);
const char bulk_sql_reint_plan[] =
	"INSERT OR IGNORE INTO reint_plan (id, case_id, status, currency, submitted_at, submitted_by, "
	"approved_amount, approved_at, approved_by, cancel_reason, created_by, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" ID4);
const char bulk_sql_reint_item[] =
	"INSERT OR IGNORE INTO reint_plan_item (id, plan_id, category, provision, description, referred_to, "
	"planned_value, position, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?, ?, ?, ?, ?" ID4);
const char bulk_sql_reint_business[] =
	"INSERT OR IGNORE INTO reint_business_plan (item_id, activity, sector, place, starting_capital, "
	"expected_income, partners, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?, ?, ?, ?" ID4);
const char bulk_sql_reint_project[] =
	"INSERT OR IGNORE INTO reint_project (id, kind, name, centre_id, country, region_id, locality, activity, "
	"partner_id, currency, budget, approved_amount, approved_at, approved_by, start_date, status, "
	"caseworker_id, created_by, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" ID4);
const char bulk_sql_reint_member[] =
	"INSERT OR IGNORE INTO reint_project_member (project_id, person_id, role, joined_date, left_date, "
	IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?, ?" ID4);
const char bulk_sql_reint_tranche[] =
	"INSERT OR IGNORE INTO reint_tranche (id, plan_id, project_id, seq, planned_date, planned_amount, status, "
	IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?, ?, ?, ?" ID4);
const char bulk_sql_reint_payment[] =
	"INSERT OR IGNORE INTO reint_payment (id, plan_id, project_id, tranche_id, paid_date, amount, method, "
	"receipt_ref, verified_by, reverses_id, reason, recorded_by, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" ID4);
const char bulk_sql_reint_visit[] =
	"INSERT OR IGNORE INTO reint_visit (id, case_id, project_id, kind, months, due_date, status, done_date, mode, "
	"business_running, monthly_income, satisfaction, remigration, survey_id, visitor_id, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" ID4);
const char bulk_sql_reint_answer[] =
	"INSERT OR IGNORE INTO reint_visit_answer (visit_id, question_code, option_code, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?" ID4);

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

enum status bulk_reint_case(struct bulk *b, const struct bulk_reint_case *c)
{
	const enum batch_id t = BT_REINT_CASE;
	bulk_put_int(b, t, 0, c->id, false);
	bulk_put_int(b, t, 1, c->person, false);
	bulk_put_int(b, t, 2, c->centre, false);
	bulk_put_text(b, t, 3, c->country, false);
	bulk_put_int(b, t, 4, c->region, true);
	bulk_put_text(b, t, 5, or_empty(c->locality), false);
	bulk_put_text(b, t, 6, c->return_date, false);
	bulk_put_text(b, t, 7, c->return_kind, false);
	bulk_put_int(b, t, 8, c->caseworker, true);
	bulk_put_int(b, t, 9, c->partner, true);
	bulk_put_text(b, t, 10, c->status, false);
	bulk_put_text(b, t, 11, c->close_reason, true);
	bulk_put_text(b, t, 12, c->closed_date, true);
	bulk_put_int(b, t, 13, c->created_by, true);
	return bulk_row_done(b, t);
}

enum status bulk_reint_plan(struct bulk *b, const struct bulk_reint_plan *p)
{
	const enum batch_id t = BT_REINT_PLAN;
	bulk_put_int(b, t, 0, p->id, false);
	bulk_put_int(b, t, 1, p->case_id, false);
	bulk_put_text(b, t, 2, p->status, false);
	bulk_put_text(b, t, 3, p->currency ? p->currency : "XOF", false);
	bulk_put_text(b, t, 4, p->submitted_at, true);
	bulk_put_int(b, t, 5, p->submitted_by, true);
	bulk_put_int(b, t, 6, p->approved ? p->approved_amount : 0, !p->approved);
	bulk_put_text(b, t, 7, p->approved ? p->approved_at : NULL, true);
	bulk_put_int(b, t, 8, p->approved ? p->approved_by : 0, true);
	bulk_put_text(b, t, 9, or_empty(p->cancel_reason), false);
	bulk_put_int(b, t, 10, p->created_by, true);
	return bulk_row_done(b, t);
}

enum status bulk_reint_item(struct bulk *b, const struct bulk_reint_item *i)
{
	const enum batch_id t = BT_REINT_ITEM;
	bulk_put_int(b, t, 0, i->id, false);
	bulk_put_int(b, t, 1, i->plan, false);
	bulk_put_text(b, t, 2, i->category, false);
	bulk_put_text(b, t, 3, i->provision, false);
	bulk_put_text(b, t, 4, or_empty(i->description), false);
	bulk_put_text(b, t, 5, or_empty(i->referred_to), false);
	bulk_put_int(b, t, 6, i->value, false);
	bulk_put_int(b, t, 7, i->position, false);
	return bulk_row_done(b, t);
}

enum status bulk_reint_business(struct bulk *b, const struct bulk_reint_business *p)
{
	const enum batch_id t = BT_REINT_BUSINESS;
	bulk_put_int(b, t, 0, p->item, false);
	bulk_put_text(b, t, 1, p->activity, false);
	bulk_put_text(b, t, 2, p->sector, false);
	bulk_put_text(b, t, 3, or_empty(p->place), false);
	bulk_put_int(b, t, 4, p->capital, false);
	bulk_put_int(b, t, 5, p->income, p->income < 0);
	bulk_put_text(b, t, 6, or_empty(p->partners), false);
	return bulk_row_done(b, t);
}

enum status bulk_reint_project(struct bulk *b, const struct bulk_reint_project *p)
{
	const enum batch_id t = BT_REINT_PROJECT;
	bulk_put_int(b, t, 0, p->id, false);
	bulk_put_text(b, t, 1, p->kind, false);
	bulk_put_text(b, t, 2, p->name, false);
	bulk_put_int(b, t, 3, p->centre, true);
	bulk_put_text(b, t, 4, p->country, false);
	bulk_put_int(b, t, 5, p->region, true);
	bulk_put_text(b, t, 6, or_empty(p->locality), false);
	bulk_put_text(b, t, 7, p->activity, false);
	bulk_put_int(b, t, 8, p->partner, true);
	bulk_put_text(b, t, 9, p->currency ? p->currency : "XOF", false);
	bulk_put_int(b, t, 10, p->budget, false);
	bulk_put_int(b, t, 11, p->approved ? p->approved_amount : 0, !p->approved);
	bulk_put_text(b, t, 12, p->approved ? p->approved_at : NULL, true);
	bulk_put_int(b, t, 13, p->approved ? p->approved_by : 0, true);
	bulk_put_text(b, t, 14, p->start_date, true);
	bulk_put_text(b, t, 15, p->status, false);
	bulk_put_int(b, t, 16, p->caseworker, true);
	bulk_put_int(b, t, 17, p->created_by, true);
	return bulk_row_done(b, t);
}

enum status bulk_reint_member(struct bulk *b, const struct bulk_reint_member *m)
{
	const enum batch_id t = BT_REINT_MEMBER;
	bulk_put_int(b, t, 0, m->project, false);
	bulk_put_int(b, t, 1, m->person, false);
	bulk_put_text(b, t, 2, m->role, false);
	bulk_put_text(b, t, 3, m->joined, false);
	bulk_put_text(b, t, 4, m->left, true);
	return bulk_row_done(b, t);
}

enum status bulk_reint_tranche(struct bulk *b, const struct bulk_reint_tranche *x)
{
	const enum batch_id t = BT_REINT_TRANCHE;
	bulk_put_int(b, t, 0, x->id, false);
	bulk_put_int(b, t, 1, x->plan, true);
	bulk_put_int(b, t, 2, x->project, true);
	bulk_put_int(b, t, 3, x->seq, false);
	bulk_put_text(b, t, 4, x->planned_date, false);
	bulk_put_int(b, t, 5, x->amount, false);
	bulk_put_text(b, t, 6, x->status, false);
	return bulk_row_done(b, t);
}

enum status bulk_reint_payment(struct bulk *b, const struct bulk_reint_payment *p)
{
	const enum batch_id t = BT_REINT_PAYMENT;
	bulk_put_int(b, t, 0, p->id, false);
	bulk_put_int(b, t, 1, p->plan, true);
	bulk_put_int(b, t, 2, p->project, true);
	bulk_put_int(b, t, 3, p->tranche, true);
	bulk_put_text(b, t, 4, p->paid_date, false);
	bulk_put_int(b, t, 5, p->amount, false);
	bulk_put_text(b, t, 6, p->method, false);
	bulk_put_text(b, t, 7, or_empty(p->receipt_ref), false);
	bulk_put_text(b, t, 8, or_empty(p->verified_by), false);
	bulk_put_int(b, t, 9, p->reverses, true);
	bulk_put_text(b, t, 10, or_empty(p->reason), false);
	bulk_put_int(b, t, 11, p->recorded_by, true);
	return bulk_row_done(b, t);
}

enum status bulk_reint_visit(struct bulk *b, const struct bulk_reint_visit *v)
{
	const enum batch_id t = BT_REINT_VISIT;
	bulk_put_int(b, t, 0, v->id, false);
	bulk_put_int(b, t, 1, v->case_id, true);
	bulk_put_int(b, t, 2, v->project, true);
	bulk_put_text(b, t, 3, v->kind, false);
	bulk_put_int(b, t, 4, v->months, true);
	bulk_put_text(b, t, 5, v->due_date, false);
	bulk_put_text(b, t, 6, v->status, false);
	bulk_put_text(b, t, 7, v->done_date, true);
	bulk_put_text(b, t, 8, v->mode, true);
	bulk_put_int(b, t, 9, v->business_running < 0 ? 0 : v->business_running, v->business_running < 0);
	bulk_put_int(b, t, 10, v->income < 0 ? 0 : v->income, v->income < 0);
	bulk_put_text(b, t, 11, v->satisfaction, true);
	bulk_put_text(b, t, 12, v->remigration, true);
	bulk_put_int(b, t, 13, v->survey, true);
	bulk_put_int(b, t, 14, v->visitor, true);
	return bulk_row_done(b, t);
}

enum status bulk_reint_answer(struct bulk *b, long long visit, const char *question, const char *option)
{
	const enum batch_id t = BT_REINT_ANSWER;
	bulk_put_int(b, t, 0, visit, false);
	bulk_put_text(b, t, 1, question, false);
	bulk_put_text(b, t, 2, option, false);
	return bulk_row_done(b, t);
}

static enum status set_status(sqlite3_stmt *st, long long id, const char *status)
{
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, status);
	return db_step_done(st);
}

enum status bulk_reint_plan_status(struct bulk *b, long long id, const char *status)
{
	return set_status(db_stmt(b->db, "UPDATE reint_plan SET status = ?2 WHERE id = ?1"), id, status);
}

enum status bulk_reint_project_status(struct bulk *b, long long id, const char *status)
{
	return set_status(db_stmt(b->db, "UPDATE reint_project SET status = ?2 WHERE id = ?1"), id, status);
}

static long long next_id(struct bulk *b, const char *sql)
{
	sqlite3_stmt *st = db_stmt(b->db, sql);
	if (!st)
		return 0;
	long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return v;
}

enum status bulk_reint_first_ids(struct bulk *b, struct bulk_reint_ids *out)
{
	out->reint_case = next_id(b, "SELECT coalesce(max(id), 0) + 1 FROM reint_case");
	out->plan = next_id(b, "SELECT coalesce(max(id), 0) + 1 FROM reint_plan");
	out->item = next_id(b, "SELECT coalesce(max(id), 0) + 1 FROM reint_plan_item");
	out->project = next_id(b, "SELECT coalesce(max(id), 0) + 1 FROM reint_project");
	out->tranche = next_id(b, "SELECT coalesce(max(id), 0) + 1 FROM reint_tranche");
	out->payment = next_id(b, "SELECT coalesce(max(id), 0) + 1 FROM reint_payment");
	out->visit = next_id(b, "SELECT coalesce(max(id), 0) + 1 FROM reint_visit");
	bool ok = out->reint_case && out->plan && out->item && out->project && out->tranche && out->payment && out->visit;
	return ok ? ST_OK : ST_INTERNAL;
}

enum status bulk_returns(struct bulk *b, enum status (*fn)(const struct bulk_return_row *r, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT s.person_id, s.centre_id, s.departed, coalesce(p.nationality, ''), p.sex, "
		"coalesce(p.birth_date, '') FROM stay s JOIN person p ON p.id = s.person_id "
		"WHERE s.departure_reason = 'avr' ORDER BY s.person_id, s.departed";
	sqlite3_stmt *st = db_stmt(b->db, sql);
	if (!st)
		return ST_INTERNAL;
	enum status s = ST_OK;
	int rc;
	while (s == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct bulk_return_row r;
		memset(&r, 0, sizeof r);
		r.person = sqlite3_column_int64(st, 0);
		r.centre = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, r.departed, sizeof r.departed);
		db_column_copy(st, 3, r.nationality, sizeof r.nationality);
		const char *sex = (const char *)sqlite3_column_text(st, 4);
		r.sex = sex ? sex[0] : 'x';
		db_column_copy(st, 5, r.birth_date, sizeof r.birth_date);
		s = fn(&r, ctx);
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_status_of(rc);
	sqlite3_reset(st);
	return s;
}

enum status bulk_reint_regions(struct bulk *b, void (*fn)(long long id, const char *country, const char *code,
                                                          void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT id, kind, code FROM ref_item WHERE list = 'reint_region' AND active = 1 ORDER BY position, id";
	sqlite3_stmt *st = db_stmt(b->db, sql);
	if (!st)
		return ST_INTERNAL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
		   (const char *)sqlite3_column_text(st, 2), ctx);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}
