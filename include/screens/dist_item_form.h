#ifndef TAIMAKO_SCREENS_DIST_ITEM_FORM_H
#define TAIMAKO_SCREENS_DIST_ITEM_FORM_H
/* The form of a distribution item and its rule (administrators). */
#include "core/status.h"

struct app;

/* Opens the form on item id, or on a new item when id is 0. */
enum status dist_item_form_open(struct app *app, long long id);

/* Opens the form of item ref again from its draft (module drafts). */
enum status dist_item_open_draft(struct app *app, long long ref, const char *json);

/* Opens the form of a new item again from its draft (module drafts). */
enum status dist_item_new_open_draft(struct app *app, long long ref, const char *json);

#endif
