#ifndef TAIMAKO_SCREENS_PSYCH_SHEET_H
#define TAIMAKO_SCREENS_PSYCH_SHEET_H
/* The attendance sheet of one psychosocial session: to print, or to export
 * as CSV (UTF-8, safe in spreadsheets). */
#include "core/status.h"

struct app;

/* Opens the sheet of session session_id (asks where to write it). */
enum status psych_sheet_open(struct app *app, long long session_id);

#endif
