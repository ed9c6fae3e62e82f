/* A placeholder until the screen is built: says it is not there yet. */
#include "core/i18n.h"
#include "screens/reint_survey.h"
#include "ui/app.h"

enum status reint_survey_open(struct app *app, long long visit_id)
{
	(void)visit_id;
	app_message(app, _("Not available yet."));
	return ST_OK;
}
