/* A placeholder until the screen is built: says it is not there yet. */
#include "core/i18n.h"
#include "screens/reint_visits.h"
#include "ui/app.h"

enum status reint_visits_open(struct app *app, struct reint_ref ref)
{
	(void)ref;
	app_message(app, _("Not available yet."));
	return ST_OK;
}
