#ifndef TAIMAKO_SCREENS_REPORTS_H
#define TAIMAKO_SCREENS_REPORTS_H
/* The reports: the tables every module contributes (db/report.h), listed
 * for the role that may compute them, then one table computed for a
 * period, a centre and a breakdown, shown aligned in 80 columns with its
 * definitions, and exported to a file (CSV, HXL or text). */
#include "core/status.h"

struct app;
struct report_def;

/* A module's own figures screen that the reports screen can open too (the
 * manager's home menu lists the reports instead of them). */
struct reports_other {
	int key;                          /* the key that opens it (its home menu key) */
	const char *label;                /* msgid */
	unsigned perms;                   /* PERM_BIT()s: shown to roles with any of them */
	enum status (*open)(struct app *app);
};

/* The list of tables; others (ending with open NULL, or NULL) are listed
 * under it. */
enum status reports_open(struct app *app, const struct reports_other *others);

/* The form and page of one table. */
enum status report_table_open(struct app *app, const struct report_def *def);

#endif
