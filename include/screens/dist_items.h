#ifndef TAIMAKO_SCREENS_DIST_ITEMS_H
#define TAIMAKO_SCREENS_DIST_ITEMS_H
/* Distribution items and their rules (administrators), and the stock of
 * each item at a centre: receipts, issues, counts, the balance. */
#include "core/status.h"

struct app;

/* The items and their rules (distribution menu 'i'). */
enum status dist_items_open(struct app *app);

/* The stock of the user's centre (distribution menu 's'). */
enum status dist_stock_open(struct app *app);

#endif
