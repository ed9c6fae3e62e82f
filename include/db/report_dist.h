#ifndef TAIMAKO_DB_REPORT_DIST_H
#define TAIMAKO_DB_REPORT_DIST_H
/* The distribution module's tables for the reports (db/report.h). */
#include "db/report.h"

/* People reached, servings, quantities handed out net of reversals. */
extern const struct report_def report_distributions;

/* The module's tables, NULL-terminated (struct module .reports). */
extern const struct report_def *const report_dist_tables[];

#endif
