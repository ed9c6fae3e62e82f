/* Protection figures.
 * A placeholder until the screens are built: each says it is not there
 * yet. */
#include "core/i18n.h"
#include "screens/prot_figures.h"
#include "ui/app.h"

enum status prot_figures_open(struct app *app)
{
	app_message(app, _("Not available yet."));
	return ST_OK;
}
