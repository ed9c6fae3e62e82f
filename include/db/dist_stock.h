#ifndef TAIMAKO_DB_DIST_STOCK_H
#define TAIMAKO_DB_DIST_STOCK_H
/* The stock of distribution items at each centre: the balance (receipts,
 * issues, counts and servings, kept by the database in the same
 * transaction as each entry). */
#include <stdbool.h>

#include "core/status.h"

struct db;

/* The balance of item at the centre with code centre_code into *balance,
 * and *low (may be NULL) true when it is at or below the item's warning
 * level (items with no warning level, such as hot meals,
 * are never low). Needs distribution_write, distribution_override or reports. A
 * pair never moved has a balance of 0. */
enum status dist_stock_balance(struct db *db, const char *centre_code, long long item, long long *balance,
                               bool *low);

#endif
