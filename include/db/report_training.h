#ifndef TAIMAKO_DB_REPORT_TRAINING_H
#define TAIMAKO_DB_REPORT_TRAINING_H
/* The vocational training module's tables for the reports (db/report.h). */
#include "db/report.h"

/* Participants, of whom community members, courses held and enrolments. */
extern const struct report_def report_training;

/* The module's tables, NULL-terminated (struct module .reports). */
extern const struct report_def *const report_training_tables[];

#endif
