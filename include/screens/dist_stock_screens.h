#ifndef TAIMAKO_SCREENS_DIST_STOCK_SCREENS_H
#define TAIMAKO_SCREENS_DIST_STOCK_SCREENS_H
/* The screens of the stock of a centre below its list (screens/dist_items.h
 * opens the list): an item's moves, and the form of a receipt, an issue or
 * a count. */
#include "core/status.h"

struct app;

/* The moves of item at the user's centre, newest first. */
enum status dist_stock_moves_open(struct app *app, long long item);

/* The form recording a move of kind ("receipt", "issue", "count") of item
 * at the user's centre. */
enum status dist_stock_form_open(struct app *app, long long item, const char *kind);

/* Open the forms again from their drafts (module drafts; ref: the item). */
enum status dist_stock_receipt_open_draft(struct app *app, long long ref, const char *json);
enum status dist_stock_issue_open_draft(struct app *app, long long ref, const char *json);
enum status dist_stock_count_open_draft(struct app *app, long long ref, const char *json);

#endif
