#ifndef TAIMAKO_DB_REPORT_DIST_H
#define TAIMAKO_DB_REPORT_DIST_H
/* The distribution module's tables for the reports (db/report.h). */
#include "db/report.h"

/* People reached, servings, quantities handed out net of reversals. */
extern const struct report_def report_distributions;

/* The summary of migration 027 (dist_serving_year) as the ledger gives
 * it, in the summary's columns. */
#define DIST_SERVING_YEAR_LEDGER_SQL \
	"SELECT substr(v.day, 1, 4), v.centre_id, v.person_id, " \
	"min(CASE WHEN v.quantity > 0 AND r.id IS NULL THEN v.day END), " \
	"max(CASE WHEN v.quantity > 0 AND r.id IS NULL THEN v.day END), " \
	"count(CASE WHEN v.quantity > 0 AND r.id IS NULL THEN 1 END), sum(v.quantity) " \
	"FROM dist_serving v LEFT JOIN dist_serving r ON r.reverses_id = v.id GROUP BY 1, 2, 3"
#define DIST_SERVING_YEAR_COLUMNS "year, centre_id, person_id, first_day, last_day, servings, quantity"
/* One row, how many rows of the summary differ from the ledger (0: it is
 * right); reads every serving (for tests and checks). */
#define DIST_SERVING_YEAR_CHECK_SQL \
	"SELECT (SELECT count(*) FROM (SELECT " DIST_SERVING_YEAR_COLUMNS " FROM dist_serving_year EXCEPT " \
	DIST_SERVING_YEAR_LEDGER_SQL ")) + (SELECT count(*) FROM (" DIST_SERVING_YEAR_LEDGER_SQL " EXCEPT SELECT " \
	DIST_SERVING_YEAR_COLUMNS " FROM dist_serving_year))"

/* The module's tables, NULL-terminated (struct module .reports). */
extern const struct report_def *const report_dist_tables[];

#endif
