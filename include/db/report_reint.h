#ifndef TAIMAKO_DB_REPORT_REINT_H
#define TAIMAKO_DB_REPORT_REINT_H
/* The reintegration module's tables for the reports (db/report.h). */
#include "db/report.h"

/* Beneficiaries (individual, community, collective) and projects by country. */
extern const struct report_def report_reintegration;

/* The module's tables, NULL-terminated (struct module .reports). */
extern const struct report_def *const report_reint_tables[];

#endif
