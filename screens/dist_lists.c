/* The day's distribution lists and figures.
 * A placeholder until the screens are built: each says it is not there
 * yet. */
#include "core/i18n.h"
#include "screens/dist_lists.h"
#include "ui/app.h"

enum status dist_day_open(struct app *app)
{
	app_message(app, _("Not available yet."));
	return ST_OK;
}

enum status dist_figures_open(struct app *app)
{
	app_message(app, _("Not available yet."));
	return ST_OK;
}
