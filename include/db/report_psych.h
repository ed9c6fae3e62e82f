#ifndef TAIMAKO_DB_REPORT_PSYCH_H
#define TAIMAKO_DB_REPORT_PSYCH_H
/* The psychosocial module's tables for the reports (db/report.h). */
#include "db/report.h"

/* People who took part, attendances and sessions held. */
extern const struct report_def report_psychosocial;

/* The module's tables, NULL-terminated (struct module .reports). */
extern const struct report_def *const report_psych_tables[];

#endif
