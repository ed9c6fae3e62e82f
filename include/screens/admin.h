#ifndef TAIMAKO_SCREENS_ADMIN_H
#define TAIMAKO_SCREENS_ADMIN_H
/* The administration module's screens: accounts, the audit trail and the
 * reference lists (read-only ones, and the editable lists of the modules). */
#include "db/refdata.h"
#include "ui/app.h"

/* What the audit screen shows at first: one record's history. */
struct audit_target {
	char entity[32];     /* "app_user", "person", ... */
	long long id;
	char title[64];      /* shown in the heading */
};

/* The audit trail, all of it (target NULL) or one record's history. */
enum status audit_open(struct app *app, const struct audit_target *target);

/* One row of the audit trail in full. */
enum status audit_row_open(struct app *app, long long id);

/* The staff accounts. */
enum status users_open(struct app *app);

/* The account form: account's, or a new one when account is NULL. */
enum status user_form_open(struct app *app, const char *account);

/* The account form filled from the user's draft json: account user_id's,
 * or a new one for 0. */
enum status user_form_open_draft(struct app *app, long long user_id, const char *json);

/* A reference list (centres, countries, languages). */
enum status reflist_open(struct app *app, enum ref_kind kind);

struct reflist_def;

/* The editable reference lists of every module (administrators). */
enum status reflists_open(struct app *app);

/* The items of the editable list def, to add, edit, retire and order. */
enum status reflist_items_open(struct app *app, const struct reflist_def *def);

/* The form of an item of def's list: item_id's, or a new one for 0. */
enum status reflist_item_form_open(struct app *app, const struct reflist_def *def, long long item_id);

/* The form of item item_id filled from the user's draft json. */
enum status reflist_item_open_draft(struct app *app, long long item_id, const char *json);

/* The form of a new item filled from the user's draft json; list_ref is
 * the draft's reference to its list (reflist_item_form.c). */
enum status reflist_item_new_open_draft(struct app *app, long long list_ref, const char *json);

#endif
