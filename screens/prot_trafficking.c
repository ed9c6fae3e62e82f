/* Victims of trafficking, consents, referrals.
 * A placeholder until the screens are built: each says it is not there
 * yet. */
#include "core/i18n.h"
#include "screens/prot_trafficking.h"
#include "ui/app.h"

enum status prot_trafficking_open(struct app *app, long long case_id)
{
	(void)case_id;
	app_message(app, _("Not available yet."));
	return ST_OK;
}

enum status prot_consents_open(struct app *app, long long case_id)
{
	(void)case_id;
	app_message(app, _("Not available yet."));
	return ST_OK;
}

enum status prot_referrals_open(struct app *app, long long case_id)
{
	(void)case_id;
	app_message(app, _("Not available yet."));
	return ST_OK;
}
