#ifndef TAIMAKO_DB_DIST_ITEM_H
#define TAIMAKO_DB_DIST_ITEM_H
/* Distribution items and their rules, read (reference data: any account
 * signed in may read them). Their editing is in db/dist_item_edit.h. */
#include <stdbool.h>

#include "core/dist_rule.h"
#include "core/status.h"

struct db;

struct dist_item {
	long long id;
	char code[41];          /* a slug, never shown */
	char name_en[81], name_fr[81];
	char kind[16];          /* VOCAB_DIST_KIND */
	struct dist_rule rule;  /* unit, frequency, who */
	int quantity;           /* per serving */
	int low_stock;          /* warn at or below */
	bool active;
	int position;
	int version;
};

/* The item's name in lang ("fr": French, else English). */
const char *dist_item_name(const struct dist_item *it, const char *lang);

/* Item id into *out: ST_OK, ST_NOT_FOUND. */
enum status dist_item_get(struct db *db, long long id, struct dist_item *out);

/* Calls cb for each item in the order of the list (position, then id),
 * the retired ones too when all. At most a few dozen items. */
enum status dist_items_each(struct db *db, bool all, void (*cb)(const struct dist_item *it, void *ctx), void *ctx);

#endif
