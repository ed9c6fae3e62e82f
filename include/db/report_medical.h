#ifndef TAIMAKO_DB_REPORT_MEDICAL_H
#define TAIMAKO_DB_REPORT_MEDICAL_H
/* The medical module's tables for the reports (db/report.h): counts only,
 * never a diagnosis, so a manager's PERM_REPORTS reads them. */
#include "db/report.h"

/* The SQL of the lines the protection table shares (db/report.h). */
#define REPORT_SQL_CONSULTATIONS \
	"SELECT person_id, date AS day FROM consultation " \
	"WHERE date >= ?1 AND date < ?2 AND (?3 IS NULL OR centre_id = ?3)"
#define REPORT_SQL_MEDICAL_CASES \
	"SELECT person_id, opened AS day FROM medical_case " \
	"WHERE opened >= ?1 AND opened < ?2 AND (?3 IS NULL OR centre_id = ?3)"

/* Consultations, people consulted, medical cases opened, referrals. */
extern const struct report_def report_medical;

/* The module's tables, NULL-terminated (struct module .reports). */
extern const struct report_def *const report_medical_tables[];

#endif
