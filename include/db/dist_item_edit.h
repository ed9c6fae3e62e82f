#ifndef TAIMAKO_DB_DIST_ITEM_EDIT_H
#define TAIMAKO_DB_DIST_ITEM_EDIT_H
/* Distribution items and their rules, edited by an administrator
 * (PERM_REFDATA): creating and changing an item, retiring and bringing it
 * back (never deleted: servings point to items), its place in the list.
 * Every write is one transaction with its audit row (every field, before
 * and after). The code (a slug) is made once from the English name and
 * never shown. */
#include <stdbool.h>

#include "core/status.h"
#include "db/dist_item.h"

struct db;

#define DIST_AGE_MAX 120
#define DIST_QUANTITY_MAX 100
#define DIST_LOW_STOCK_MAX 1000000

/* A new item as the form starts it: other, per person, once per stay, 1 a
 * serving, women and men of any age, staying here only, no warning level. */
void dist_item_init(struct dist_item *it);

/* The msgid of the first rule it breaks and its field in *field (may be
 * NULL), NULL when none: both names (1 to 80 characters, no control
 * characters), a known kind, unit, frequency, sex and requirement; every N
 * days with N from 2 to 366; quantity 1 to 100; ages 0 to 120 (-1: no
 * bound), the lowest not above the highest; a meal served per person; a
 * household item with no sex or age condition; a pregnancy item not for
 * men; a child's flag with an age group holding children; a warning level
 * 0 to 1,000,000. The form calls it too. */
const char *dist_item_problem(const struct dist_item *it, const char **field);

/* Creates (it->id 0) or saves item it if its version is unchanged
 * (ST_CONFLICT otherwise). PERM_REFDATA. ST_INVALID with msgid and field
 * as dist_item_problem, or when another item has either name (accents and
 * case ignored). On success *it is the item as stored. Audited. */
enum status dist_item_save(struct db *db, struct dist_item *it, const char **msgid, const char **field);

/* Retires (active false) or brings back item id at *version (ST_CONFLICT
 * when it changed); *version gets the new one. PERM_REFDATA. Audited. */
enum status dist_item_set_active(struct db *db, long long id, int *version, bool active);

/* Moves item id (at *version) one place up (delta -1) or down (+1) among
 * the items in use, or among the retired ones when it is retired; nothing
 * at either end. *version gets the new one. PERM_REFDATA; each position
 * changed audited. */
enum status dist_item_move(struct db *db, long long id, int *version, int delta);

#endif
