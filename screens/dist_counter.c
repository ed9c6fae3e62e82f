/* The distribution counter.
 * A placeholder until the screens are built: each says it is not there
 * yet. */
#include "core/i18n.h"
#include "screens/dist_counter.h"
#include "ui/app.h"

enum status dist_counter_open(struct app *app)
{
	app_message(app, _("Not available yet."));
	return ST_OK;
}
