/* Assisted voluntary return.
 * A placeholder until the screens are built: each says it is not there
 * yet. */
#include "core/i18n.h"
#include "screens/prot_returns.h"
#include "ui/app.h"

enum status prot_returns_open(struct app *app)
{
	app_message(app, _("Not available yet."));
	return ST_OK;
}

enum status prot_return_person_open(struct app *app, long long person)
{
	(void)person;
	app_message(app, _("Not available yet."));
	return ST_OK;
}

enum status prot_return_approvals_open(struct app *app)
{
	app_message(app, _("Not available yet."));
	return ST_OK;
}

enum status prot_departures_open(struct app *app)
{
	app_message(app, _("Not available yet."));
	return ST_OK;
}

enum status prot_docs_pending_open(struct app *app)
{
	app_message(app, _("Not available yet."));
	return ST_OK;
}
