#ifndef TAIMAKO_DB_REINT_MONEY_H
#define TAIMAKO_DB_REINT_MONEY_H
/* The grant of a plan or the budget of a project (struct reint_ref of kind
 * REINT_PLAN or REINT_PROJECT): planned tranches, payments that are never
 * changed or deleted (a mistake is corrected by a reversing entry), and
 * what is approved, planned, paid and left. What is paid never exceeds
 * what is approved, checked here under the write lock (the triggers of
 * migration 021 are the backstop). Reading needs PERM_REINTEGRATION_READ,
 * writing PERM_REINTEGRATION_WRITE; every write is one transaction with
 * its audit rows. Amounts are whole units of the currency. */
#include <stdbool.h>
#include <stddef.h>
#include "core/page.h"
#include "core/status.h"
#include "db/db.h"
#include "db/reint.h"

#define REINT_AMOUNT_MAX 1000000000000LL   /* a trillion units: more is a typing mistake */

struct reint_tranche {
	long long id;
	int seq;                 /* 1, 2, ... within its plan or project */
	char planned_date[11];   /* ISO day */
	long long amount;        /* planned */
	char status[12];         /* VOCAB_REINT_TRANCHE_STATUS */
	int version;
};

struct reint_payment {
	long long id;
	struct reint_ref owner;  /* REINT_PLAN or REINT_PROJECT */
	long long tranche_id;    /* 0: unscheduled */
	int tranche_seq;         /* its tranche's number, 0 when none */
	char paid_date[11];
	long long amount;        /* negative for a reversal */
	char method[16];         /* VOCAB_REINT_PAY_METHOD */
	char receipt_ref[41];
	char verified_by[81 * 4];
	long long reverses_id;   /* the payment a reversal undoes, 0 */
	long long reversed_by;   /* the reversal of this payment, 0 */
	char reason[201 * 4];    /* of a reversal */
	char recorded_by[81 * 4];
};

/* A payment to record (of a tranche, or unscheduled with tranche_id 0). */
struct reint_pay {
	long long tranche_id;
	char paid_date[11];
	long long amount;
	char method[16];
	char receipt_ref[41 * 4];
	char verified_by[81 * 4];
};

struct reint_totals {
	char currency[4];
	bool approved_set;       /* an amount was approved */
	bool payable;            /* approved and in a state that can be paid */
	long long approved;
	long long planned;       /* tranches still planned */
	long long paid;          /* payments less reversals */
	long long left;          /* approved - paid */
	char status[16];         /* the plan's or project's status code */
	long long case_id;       /* a plan's case, 0 for a project */
	char name[404 * 2];      /* a plan's person ("FAMILY Given"), a project's name */
};

/* Reads the parts of "3,6,12" into months (at most max, each 1..120,
 * ascending without repeats; bad entries ignored); returns how many. */
int reint_visit_months_parse(const char *text, int *months, int max);

/* Approved, planned, paid and left of ref. */
enum status reint_money_totals(struct db *db, struct reint_ref ref, struct reint_totals *t);

/* Plans a tranche of ref on day date for amount; *id receives it.
 * ST_INVALID with *msgid and *field (date, amount) for a broken rule. */
enum status reint_tranche_add(struct db *db, struct reint_ref ref, const char *date, long long amount, long long *id,
                              const char **msgid, const char **field);
/* Moves planned tranche id (at *version) to date and amount. */
enum status reint_tranche_change(struct db *db, long long id, int *version, const char *date, long long amount,
                                 const char **msgid, const char **field);
/* Cancels planned tranche id (at *version). */
enum status reint_tranche_cancel(struct db *db, long long id, int *version, const char **msgid);
/* Reads tranche id. */
enum status reint_tranche_get(struct db *db, long long id, struct reint_tranche *t);
/* The plan or project tranche id belongs to. */
enum status reint_tranche_owner(struct db *db, long long id, struct reint_ref *owner);
/* The tranches of ref by number, paged by key (the seq of key). */
enum status reint_tranche_list(struct db *db, struct reint_ref ref, enum page_dir dir, const struct reint_tranche *key,
                               int limit, void (*cb)(const struct reint_tranche *t, void *ctx), void *ctx, bool *more);

/* The msgid and field of the first rule p breaks for ref, NULL when none
 * (the form asks before saving; reint_pay checks again under the lock). */
enum status reint_pay_check(struct db *db, struct reint_ref ref, const struct reint_pay *p, const char **msgid,
                            const char **field);
/* Records payment p of ref by the actor; a paid tranche becomes "paid";
 * the first payment of an approved plan puts it in implementation and
 * schedules the monitoring visits of its case (setting reint_visit_months
 * after the day paid), the first of a project its visits. */
enum status reint_pay(struct db *db, struct reint_ref ref, const struct reint_pay *p, long long *id,
                      const char **msgid, const char **field);
/* Reverses payment id for its whole amount, today, with reason; its
 * tranche is planned again. */
enum status reint_payment_reverse(struct db *db, long long id, const char *reason, long long *reversal_id,
                                  const char **msgid, const char **field);
/* Reads payment id. */
enum status reint_payment_get(struct db *db, long long id, struct reint_payment *p);
/* The payments of ref by day paid then id, paged by key. */
enum status reint_payment_list(struct db *db, struct reint_ref ref, enum page_dir dir, const struct reint_payment *key,
                               int limit, void (*cb)(const struct reint_payment *p, void *ctx), void *ctx, bool *more);

/* A planned tranche due this month or before, for the list of payments
 * planned this month. */
struct reint_due_payment {
	long long tranche_id;
	struct reint_ref owner;  /* REINT_PLAN or REINT_PROJECT */
	long long person_id;     /* a plan's person, 0 for a project */
	char person[404 * 2];    /* "FAMILY Given", or the project's name */
	char planned_date[11];
	long long amount;
	char currency[4];
	char caseworker[81 * 4];
	bool overdue;            /* before this month */
};

/* The tranches of the centre's cases and projects (projects without a
 * centre too) still planned for this month or before, by day, paged by key
 * (planned_date, tranche_id). */
enum status reint_payments_due(struct db *db, const char *centre_code, enum page_dir dir,
                               const struct reint_due_payment *key, int limit,
                               void (*cb)(const struct reint_due_payment *p, void *ctx), void *ctx, bool *more);

#endif
