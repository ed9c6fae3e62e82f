/* Unaccompanied and separated children.
 * A placeholder until the screens are built: each says it is not there
 * yet. */
#include "core/i18n.h"
#include "screens/prot_child.h"
#include "ui/app.h"

enum status prot_child_open(struct app *app, long long case_id)
{
	(void)case_id;
	app_message(app, _("Not available yet."));
	return ST_OK;
}

enum status prot_bi_approvals_open(struct app *app)
{
	app_message(app, _("Not available yet."));
	return ST_OK;
}

enum status prot_tracing_stale_open(struct app *app)
{
	app_message(app, _("Not available yet."));
	return ST_OK;
}
