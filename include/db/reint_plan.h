#ifndef TAIMAKO_DB_REINT_PLAN_H
#define TAIMAKO_DB_REINT_PLAN_H
/* The individual reintegration plan of a case (migration 021): drafted
 * with its items (by category, provided directly or by referral, with a
 * planned value) and the business plan of a small-business item, submitted,
 * approved by a manager (the approved amount is the items' total at that
 * moment) or returned to draft with a comment, in implementation (set by
 * the first payment, db/reint_money), completed or cancelled. One live
 * plan (not completed or cancelled) per case. Amounts are whole units of
 * the plan's currency. Reading needs PERM_REINTEGRATION_READ, writing
 * PERM_REINTEGRATION_WRITE, approving PERM_REINTEGRATION_APPROVE; every
 * write is one transaction with its audit row. */
#include <stdbool.h>
#include <stddef.h>
#include "core/page.h"
#include "core/person.h"
#include "core/status.h"

struct db;

#define REINT_AMOUNT_MAX 999999999999LL   /* a planned value or capital at most */

struct reint_plan {
	long long id;
	long long case_id;
	char status[12];            /* draft, submitted, approved, in_progress, completed, cancelled */
	char currency[4];           /* ISO 4217, XOF by default */
	char submitted_at[32];      /* ISO time, "" before */
	long long submitted_by;
	bool approved;              /* approved_amount, _at and _by are set */
	long long approved_amount;
	char approved_at[32];
	long long approved_by;
	char decision_comment[2004];  /* the manager's, up to 500 characters */
	char cancel_reason[804];      /* exactly when cancelled, up to 200 characters */
	int version;
	/* Filled when read. */
	long long planned;          /* the items' total */
	long long paid;             /* the payments' total (reversals are negative) */
	long long left;             /* approved (else planned) less paid */
	int items;
};

/* Drafts a new plan of case_id in currency (NULL or "": XOF) into *out (may
 * be NULL). ST_DUPLICATE with msgid when the case has a live plan already,
 * ST_INVALID with msgid for a closed case or a currency that is not three
 * capital letters, ST_NOT_FOUND for an unknown case. PERM_REINTEGRATION_WRITE.
 * Audited. */
enum status reint_plan_create(struct db *db, long long case_id, const char *currency, struct reint_plan *out,
                              const char **msgid);

/* Reads plan id into *p. PERM_REINTEGRATION_READ; ST_NOT_FOUND when none. */
enum status reint_plan_get(struct db *db, long long id, struct reint_plan *p);

/* The live plan of case_id, else its latest, into *p.
 * PERM_REINTEGRATION_READ; ST_NOT_FOUND when the case has none. */
enum status reint_plan_of_case(struct db *db, long long case_id, struct reint_plan *p);

/* Submits draft plan id (at *version; ST_CONFLICT otherwise) for approval:
 * ST_INVALID with msgid without an item, with a total of 0, or with a
 * small-business item without its business plan. *version gets the new
 * one. PERM_REINTEGRATION_WRITE. Audited. */
enum status reint_plan_submit(struct db *db, long long id, int *version, const char **msgid);

/* Approves submitted plan id as the manager saw it at version (ST_CONFLICT
 * when it changed meanwhile), with comment (may be NULL or "", up to 500
 * characters): the approved amount is the items' total, with the manager
 * and the time. PERM_REINTEGRATION_APPROVE. Audited. */
enum status reint_plan_approve(struct db *db, long long id, int version, const char *comment, const char **msgid);

/* Returns submitted plan id (at version, ST_CONFLICT otherwise) to draft
 * with the manager's comment (needed, up to 500 characters).
 * PERM_REINTEGRATION_APPROVE. Audited. */
enum status reint_plan_return(struct db *db, long long id, int version, const char *comment, const char **msgid);

/* Completes approved or in-progress plan id (at *version). PERM_REINTEGRATION_WRITE. Audited. */
enum status reint_plan_complete(struct db *db, long long id, int *version, const char **msgid);

/* Cancels live plan id (at *version) for reason (needed, up to 200
 * characters). PERM_REINTEGRATION_WRITE. Audited. */
enum status reint_plan_cancel(struct db *db, long long id, int *version, const char *reason, const char **msgid);

/* A submitted plan with its person, as the approvals list shows it. */
struct reint_plan_row {
	struct reint_plan p;
	long long person_id;
	char case_key[20];
	char family_name[PERSON_NAME_MAX + 1];
	char given_names[PERSON_NAME_MAX + 1];
	char country[4];
	char centre_code[8];
};

/* The plans waiting for approval (submitted), first submitted first, a
 * page by key: after or before the plan key_id submitted at key_at (key_id
 * 0: from the first, or the last ones), at most limit; *more (may be
 * NULL): more remain. PERM_REINTEGRATION_READ. */
enum status reint_plan_waiting(struct db *db, enum page_dir dir, const char *key_at, long long key_id, int limit,
                               void (*cb)(const struct reint_plan_row *row, void *ctx), void *ctx, bool *more);

/* ---- items and business plans (reint_plan_item.c) ----------------------- */

#define REINT_DESCRIPTION_MAX 200
#define REINT_REFERRED_MAX 80

struct reint_item {
	long long id;               /* 0 before saving */
	long long plan_id;
	char category[24];          /* small_business ... other (core/reint_vocab.h) */
	char provision[12];         /* direct, referral */
	char description[804];      /* up to 200 characters */
	char referred_to[324];      /* up to 80 characters, only by referral */
	long long planned_value;    /* 0 or more */
	int position;               /* set by the data layer */
	int version;
	bool has_business;          /* filled when read: its business plan exists */
};

/* ST_OK, or ST_INVALID with msgid and field ("category", "provision",
 * "description", "referred_to", "planned_value") of the first rule
 * broken: a known category and provision, texts within their length, a
 * name referred to only by referral, a value from 0 to REINT_AMOUNT_MAX;
 * the plan a draft; a small-business item with a business plan stays one.
 * The form calls it too. */
enum status reint_item_check(struct db *db, const struct reint_item *it, const char **msgid, const char **field);

/* Adds (it->id 0, at the end of the plan) or saves item it if its version is
 * unchanged (ST_CONFLICT otherwise), as reint_item_check. On success it is
 * as stored. PERM_REINTEGRATION_WRITE. Audited. */
enum status reint_item_save(struct db *db, struct reint_item *it, const char **msgid, const char **field);

/* Removes item id (at version) of a draft plan, with its business plan.
 * PERM_REINTEGRATION_WRITE. Audited. */
enum status reint_item_remove(struct db *db, long long id, int version, const char **msgid);

/* Reads item id into *it. PERM_REINTEGRATION_READ; ST_NOT_FOUND when none. */
enum status reint_item_get(struct db *db, long long id, struct reint_item *it);

/* The items of plan in their order, at most limit; *more (may be NULL):
 * more remain. A plan has a few items. PERM_REINTEGRATION_READ. */
enum status reint_item_list(struct db *db, long long plan, int limit,
                            void (*cb)(const struct reint_item *it, void *ctx), void *ctx, bool *more);

#define REINT_ACTIVITY_MAX 120
#define REINT_PLACE_MAX 80
#define REINT_PARTNERS_MAX 200

struct reint_business {
	long long id;               /* 0 before saving */
	long long item_id;
	char activity[484];         /* 1 to 120 characters */
	char sector[16];            /* agriculture ... other (core/reint_vocab.h) */
	char place[324];            /* up to 80 characters */
	long long starting_capital; /* 0 or more */
	long long expected_income;  /* a month, -1 when not said */
	char partners[804];         /* up to 200 characters */
	int version;
};

/* The business plan of item into *b; ST_NOT_FOUND when it has none.
 * PERM_REINTEGRATION_READ. */
enum status reint_business_get(struct db *db, long long item, struct reint_business *b);

/* ST_OK, or ST_INVALID with msgid and field ("activity", "sector", "place",
 * "starting_capital", "expected_income", "partners"): an activity, a
 * known sector, texts within their length, amounts from 0 to
 * REINT_AMOUNT_MAX; the item a small business of a draft plan. */
enum status reint_business_check(struct db *db, const struct reint_business *b, const char **msgid,
                                 const char **field);

/* Saves the business plan of b->item_id (new when b->id is 0; else if its
 * version is unchanged, ST_CONFLICT otherwise), as reint_business_check.
 * PERM_REINTEGRATION_WRITE. Audited. */
enum status reint_business_save(struct db *db, struct reint_business *b, const char **msgid, const char **field);

#endif
