/* The attendance sheet of a psychosocial session (to come). */
#include "screens/psych_sheet.h"
#include "ui/app.h"

enum status psych_sheet_open(struct app *app, long long session_id)
{
	(void)app;
	(void)session_id;
	return ST_OK;
}
