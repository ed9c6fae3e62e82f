#ifndef TAIMAKO_DB_DIST_STOCK_MOVE_H
#define TAIMAKO_DB_DIST_STOCK_MOVE_H
/* The stock of distribution items at a centre, recorded by hand: receipts
 * (a supplier, a waybill), issues other than servings (loss, damage,
 * transfer out) and corrections after a physical count; the balances of a
 * centre's items with their warning; the moves of an item. Recording needs
 * PERM_DISTRIBUTION_WRITE; reading it, distribution_override or reports
 * too. Every move is one transaction with its audit row. */
#include <stdbool.h>

#include "core/page.h"
#include "core/status.h"
#include "db/dist_item.h"

struct db;

#define DIST_STOCK_QTY_MAX 1000000
#define DIST_STOCK_NOTE_MAX 200   /* characters */

/* A move as the user gives it. */
struct dist_stock_entry {
	char centre_code[8];
	long long item_id;
	char kind[8];             /* receipt, issue, count (VOCAB_DIST_MOVE_KIND) */
	long long quantity;       /* receipt, issue: how many, > 0; count: how many counted, >= 0 */
	char note[4 * DIST_STOCK_NOTE_MAX + 1];   /* supplier, waybill, why; needed for an issue */
};

/* A move as stored. */
struct dist_stock_move {
	long long id;
	long long item_id;
	char day[11];
	char kind[8];
	long long quantity;       /* receipt > 0, issue < 0, count the difference */
	char note[4 * DIST_STOCK_NOTE_MAX + 1];
	char recorded_by[64];     /* the account's full name, "" unknown */
	char created[32];         /* UTC */
};

/* The msgid of the first rule e breaks and its field ("kind", "quantity",
 * "note") in *field (may be NULL), NULL when none: a known kind; a
 * quantity from 1 to 1,000,000 (a count from 0); a note of at most 200
 * characters without control characters, given for an issue. The form
 * calls it too. */
const char *dist_stock_entry_problem(const struct dist_stock_entry *e, const char **field);

/* Records e at today's date: a receipt adds its quantity, an issue takes
 * it away (stored negative; refused when more than the balance), a count
 * records the difference between the counted quantity and the balance
 * (nothing when they agree: *out->quantity 0). PERM_DISTRIBUTION_WRITE.
 * ST_INVALID with msgid and field as dist_stock_entry_problem;
 * ST_NOT_FOUND for an unknown centre or item. On success *out (may be
 * NULL) is the move and *balance (may be NULL) the new balance. Audited. */
enum status dist_stock_record(struct db *db, const struct dist_stock_entry *e, struct dist_stock_move *out,
                              long long *balance, const char **msgid, const char **field);

/* One item's stock at a centre. */
struct dist_stock_line {
	struct dist_item item;
	long long balance;
	bool low;                 /* at or below the item's warning level (never without one) */
};

/* Calls cb for each item in use at centre_code (and each retired one
 * whose balance is not 0), in the order of the list. At most a few dozen
 * items. Reading permission as above; ST_NOT_FOUND for an unknown centre. */
enum status dist_stock_lines(struct db *db, const char *centre_code,
                             void (*cb)(const struct dist_stock_line *l, void *ctx), void *ctx);

/* The moves of item at centre_code, newest first, a page by key
 * (core/page.h): after or before the move with id key (0: from the newest
 * or the oldest ones), at most limit; *more (may be NULL): more remain.
 * Reading permission as above. */
enum status dist_stock_moves(struct db *db, const char *centre_code, long long item, enum page_dir dir,
                             long long key, int limit, void (*cb)(const struct dist_stock_move *m, void *ctx),
                             void *ctx, bool *more);

#endif
