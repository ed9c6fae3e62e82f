#ifndef TAIMAKO_DB_BULK_REINT_H
#define TAIMAKO_DB_BULK_REINT_H
/* Bulk writes of reintegration records for demo databases (see db/bulk.h
 * for the batches): cases, plans, items, business plans, projects and
 * members, tranches, payments, visits and their survey answers, each with
 * the id the caller gives (from bulk_reint_first_ids). Payments go through
 * the schema's triggers: store the plans and projects first
 * (bulk_commit), approved and not yet completed. NULL or "" for the
 * optional texts, 0 for the optional ids. */
#include <stdbool.h>
#include "core/status.h"

struct bulk;

struct bulk_reint_case {
	long long id, person, centre, region, caseworker, partner, created_by;
	const char *country, *locality, *return_date, *return_kind, *status, *close_reason, *closed_date;
};

struct bulk_reint_plan {
	long long id, case_id, approved_amount, submitted_by, approved_by, created_by;
	bool approved;
	const char *status, *currency, *submitted_at, *approved_at, *cancel_reason;
};

struct bulk_reint_item {
	long long id, plan, value;
	int position;
	const char *category, *provision, *description, *referred_to;
};

struct bulk_reint_business {
	long long item, capital, income;
	const char *activity, *sector, *place, *partners;
};

struct bulk_reint_project {
	long long id, centre, region, partner, budget, approved_amount, approved_by, caseworker, created_by;
	bool approved;
	const char *kind, *name, *country, *locality, *activity, *currency, *approved_at, *start_date, *status;
};

struct bulk_reint_member {
	long long project, person;
	const char *role, *joined, *left;
};

struct bulk_reint_tranche {
	long long id, plan, project, amount;
	int seq;
	const char *planned_date, *status;
};

struct bulk_reint_payment {
	long long id, plan, project, tranche, amount, reverses, recorded_by;
	const char *paid_date, *method, *receipt_ref, *verified_by, *reason;
};

/* A visit; months 0, business_running -1 and income -1: not said. */
struct bulk_reint_visit {
	long long id, case_id, project, visitor, income, survey;
	int months, business_running;
	const char *kind, *due_date, *status, *done_date, *mode, *satisfaction, *remigration;
};

enum status bulk_reint_case(struct bulk *b, const struct bulk_reint_case *c);
enum status bulk_reint_plan(struct bulk *b, const struct bulk_reint_plan *p);
enum status bulk_reint_item(struct bulk *b, const struct bulk_reint_item *i);
enum status bulk_reint_business(struct bulk *b, const struct bulk_reint_business *p);
enum status bulk_reint_project(struct bulk *b, const struct bulk_reint_project *p);
enum status bulk_reint_member(struct bulk *b, const struct bulk_reint_member *m);
enum status bulk_reint_tranche(struct bulk *b, const struct bulk_reint_tranche *t);
enum status bulk_reint_payment(struct bulk *b, const struct bulk_reint_payment *p);
enum status bulk_reint_visit(struct bulk *b, const struct bulk_reint_visit *v);

/* One survey answer of visit (question and answer codes). */
enum status bulk_reint_answer(struct bulk *b, long long visit, const char *question, const char *option);

/* Sets the status of plan id (project: of project id), e.g. to completed
 * once its payments are stored (bulk_commit). */
enum status bulk_reint_plan_status(struct bulk *b, long long id, const char *status);
enum status bulk_reint_project_status(struct bulk *b, long long id, const char *status);

/* The first free ids of the tables the caller numbers. */
struct bulk_reint_ids {
	long long reint_case, plan, item, project, tranche, payment, visit;
};
enum status bulk_reint_first_ids(struct bulk *b, struct bulk_reint_ids *out);

/* One departure on assisted voluntary return, with the person. */
struct bulk_return_row {
	long long person, centre;
	char departed[11];
	char nationality[4];         /* "" unknown */
	char sex;
	char birth_date[11];         /* "" unknown */
};

/* Calls fn for each stay ended by an assisted voluntary return, by person
 * and departure; stops at the first status other than ST_OK. */
enum status bulk_returns(struct bulk *b, enum status (*fn)(const struct bulk_return_row *r, void *ctx), void *ctx);

/* Calls fn for each active region of return (its id and country), in the
 * list's order. */
enum status bulk_reint_regions(struct bulk *b, void (*fn)(long long id, const char *country, const char *code,
                                                          void *ctx), void *ctx);

#endif
