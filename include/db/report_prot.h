#ifndef TAIMAKO_DB_REPORT_PROT_H
#define TAIMAKO_DB_REPORT_PROT_H
/* The protection module's tables for the reports (db/report.h). */
#include "db/report.h"

/* Children assisted (accompanied, unaccompanied or separated), victims of
 * trafficking, medical cases and consultations: the yearly protection
 * table of the documents. */
extern const struct report_def report_protection;

/* Victims of trafficking by sex and child or adult, and how many had
 * reintegration support (the trafficking centre's table). */
extern const struct report_def report_trafficking_victims;

/* The module's tables, NULL-terminated (struct module .reports). */
extern const struct report_def *const report_prot_tables[];

#endif
