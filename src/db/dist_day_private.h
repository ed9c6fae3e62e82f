#ifndef TAIMAKO_DB_DIST_DAY_PRIVATE_H
#define TAIMAKO_DB_DIST_DAY_PRIVATE_H
/* What dist_day.c and dist_day_csv.c share. Private to src/db/; the
 * callers have checked the actor (dist_day_allowed). */
#include "db/dist_day.h"
#include "db/dist_item.h"

#define DIST_DAY_ITEMS_MAX 32

/* The items a due list considers: one, or every active one. */
struct dist_day_items {
	long long only;
	int n;
	struct dist_item items[DIST_DAY_ITEMS_MAX];
};

/* Reads item only (0: every active item) into out. */
enum status dist_day_items_load(struct db *db, long long only, struct dist_day_items *out);

/* dist_day_served and dist_day_due once the actor is checked. */
enum status dist_day_served_page(struct db *db, long long centre, const char *day, long long item,
                                 enum page_dir dir, const struct dist_day_served *key, int limit,
                                 void (*cb)(const struct dist_day_served *r, void *ctx), void *ctx, bool *more);
enum status dist_day_due_page(struct db *db, long long centre, const char *day, struct dist_day_items *items,
                              const char *meal, enum page_dir dir, const struct dist_day_due *key, int limit,
                              void (*cb)(const struct dist_day_due *r, void *ctx), void *ctx, bool *more);

#endif
