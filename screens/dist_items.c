/* Distribution items, rules and stock.
 * A placeholder until the screens are built: each says it is not there
 * yet. */
#include "core/i18n.h"
#include "screens/dist_items.h"
#include "ui/app.h"

enum status dist_items_open(struct app *app)
{
	app_message(app, _("Not available yet."));
	return ST_OK;
}

enum status dist_stock_open(struct app *app)
{
	app_message(app, _("Not available yet."));
	return ST_OK;
}
