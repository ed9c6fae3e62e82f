#ifndef TAIMAKO_SCREENS_REPORT_PRIVATE_H
#define TAIMAKO_SCREENS_REPORT_PRIVATE_H
/* Shared by the files of the reports screens (screens/report*.c). */
#include "core/report.h"
#include "core/status.h"

struct app;
struct db;
struct report_result;
struct textpage;

/* A computed table as shown: what the export writes. */
struct report_view {
	const struct report_result *result;
	enum report_by by;
	const char *centre_label;        /* in the user's language; "" all centres */
};

/* Lays out v in p for a screen of cols columns (80 columns: 78 of text):
 * the heading (table, period, centre, breakdown), the lines with their
 * labels and the breakdown's columns aligned (in blocks of columns when
 * they do not fit beside the labels), or one row per nationality under
 * each line, then the definitions. Country names in lang. */
void report_text_build(struct textpage *p, struct db *db, const char *lang, const struct report_view *v, int cols);

/* The export form for v (which must outlive it). */
enum status report_export_open(struct app *app, const struct report_view *v);

#endif
