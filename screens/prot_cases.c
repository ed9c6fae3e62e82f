/* Protection cases: the list, my work, a case, the case-file action.
 * A placeholder until the screens are built: each says it is not there
 * yet. */
#include "core/i18n.h"
#include "screens/prot_cases.h"
#include "ui/app.h"

enum status prot_cases_open(struct app *app)
{
	app_message(app, _("Not available yet."));
	return ST_OK;
}

enum status prot_my_work_open(struct app *app)
{
	app_message(app, _("Not available yet."));
	return ST_OK;
}

enum status prot_case_open(struct app *app, long long id)
{
	(void)id;
	app_message(app, _("Not available yet."));
	return ST_OK;
}

enum status prot_person_open(struct app *app, long long person)
{
	(void)person;
	app_message(app, _("Not available yet."));
	return ST_OK;
}
