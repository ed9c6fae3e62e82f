/* The administration module: reference lists, the database check, staff
 * accounts and the audit trail. */
#include <stdio.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/role.h"
#include "db/db.h"
#include "screens/admin.h"
#include "ui/app.h"
#include "ui/module.h"

static enum status centres(struct app *app)
{
	return reflist_open(app, REF_CENTRE);
}

static enum status countries(struct app *app)
{
	return reflist_open(app, REF_COUNTRY);
}

static enum status languages(struct app *app)
{
	return reflist_open(app, REF_LANGUAGE);
}

static enum status editable_lists(struct app *app)
{
	return reflists_open(app);
}

static enum status all_accounts(struct app *app)
{
	return users_open(app);
}

static enum status whole_trail(struct app *app)
{
	return audit_open(app, NULL);
}

/* Runs the integrity check and reports it on the message line. */
static enum status check_database(struct app *app)
{
	char detail[256], msg[512];
	struct db *db = app_db(app);
	enum status st = db_integrity(db, detail, sizeof detail);
	if (st == ST_OK) {
		snprintf(msg, sizeof msg, _("The database is sound (schema version %d)."), db_version(db));
		app_message(app, msg);
	} else {
		snprintf(msg, sizeof msg, "%s %s", _(status_msgid(st)), detail);
		app_error(app, msg);
	}
	return ST_OK;
}

static const struct module_entry entries[] = {
	{ '1', N_("Centres"), 0, centres },
	{ '2', N_("Countries"), 0, countries },
	{ '3', N_("Languages"), 0, languages },
	/* Administrators and managers (the ones who answer for the data). */
	{ '4', N_("Check the database"), PERM_BIT(PERM_ACCOUNTS) | PERM_BIT(PERM_REPORTS), check_database },
	{ '5', N_("Staff accounts"), PERM_BIT(PERM_ACCOUNTS), all_accounts },
	{ '6', N_("Audit trail"), PERM_BIT(PERM_AUDIT_READ), whole_trail },
	/* The lists of the modules that administrators edit. */
	{ '9', N_("Reference lists"), PERM_BIT(PERM_REFDATA), editable_lists },
	{ 0, NULL, 0, NULL },
};

static const struct module_draft drafts[] = {
	{ "account", N_("Staff account"), user_form_open_draft },
	{ "ref_item", N_("Reference list item"), reflist_item_open_draft },
	{ "ref_item_new", N_("New reference list item"), reflist_item_new_open_draft },
	{ NULL, NULL, NULL },
};

const struct module module_admin = {
	.name = "admin",
	.title = N_("Administration"),
	.daily_roles = ROLE_BIT(ROLE_ADMIN),
	.entries = entries,
	.drafts = drafts,
};
