#ifndef TAIMAKO_DB_REPORT_REGISTRATION_H
#define TAIMAKO_DB_REPORT_REGISTRATION_H
/* The registration module's tables for the reports (db/report.h). */
#include "db/report.h"

/* Intake: people registered, people staying, admissions and departures. */
extern const struct report_def report_intake;

#endif
