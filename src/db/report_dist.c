/* The distribution module's table: the same definitions as the
 * distribution figures (db/dist_report.h). */
#include "db/report_dist.h"

#include "core/i18n.h"
#include "core/perm.h"

#define IN_PERIOD "v.day >= ?1 AND v.day < ?2 AND (?3 IS NULL OR v.centre_id = ?3)"
/* A serving not reversed. */
#define LIVE "v.quantity > 0 AND NOT EXISTS (SELECT 1 FROM dist_serving r WHERE r.reverses_id = v.id)"
#define LIVE_SQL "SELECT v.person_id, v.day FROM dist_serving v WHERE " IN_PERIOD " AND " LIVE

static const struct report_line dist_lines[] = {
	{ "people", N_("People reached"),
	  N_("Different people served something at the centre in the period (a serving reversed does not count); "
	     "age on the first day they were served."),
	  REPORT_PEOPLE, "#reached+distribution", LIVE_SQL, 0 },
	{ "servings", N_("Servings"),
	  N_("Servings of the period at the centre not reversed: one per person, item and time served."),
	  REPORT_EVENTS, "#activity+servings", LIVE_SQL, 0 },
	{ "quantity", N_("Quantity handed out"),
	  N_("Units of every item handed out in the period at the centre, the reversals of the period taken off."),
	  REPORT_ITEMS, "#activity+items",
	  "SELECT v.day, NULL AS grp, v.quantity AS n FROM dist_serving v WHERE " IN_PERIOD, 0 },
	{ "reversals", N_("Reversals"),
	  N_("Servings taken back in the period at the centre (recorded by mistake)."),
	  REPORT_EVENTS, "#activity+reversals",
	  "SELECT v.person_id, v.day FROM dist_serving v WHERE " IN_PERIOD " AND v.quantity < 0", 0 },
	{ NULL, NULL, NULL, REPORT_PEOPLE, NULL, NULL, 0 },
};

/* Whole years: the summary of migration 027, one row per person, centre
 * and year. */
#define YEARS "y.year >= substr(?1, 1, 4) AND y.year < substr(?2, 1, 4) AND (?3 IS NULL OR y.centre_id = ?3)"
#define YEARS_LIVE_SQL \
	"SELECT y.person_id, y.first_day AS day, y.last_day AS last, y.servings AS n FROM dist_serving_year y " \
	"WHERE " YEARS " AND y.servings > 0"

static const struct report_years dist_years[] = {
	{ "people", YEARS_LIVE_SQL },
	{ "servings", YEARS_LIVE_SQL },
	{ "quantity", "SELECT ?1 AS day, NULL AS grp, coalesce(sum(y.quantity), 0) AS n FROM dist_serving_year y "
	              "WHERE " YEARS },
	{ NULL, NULL },
};

const struct report_def report_distributions = {
	.name = "distributions",
	.title = N_("Distributions"),
	.definition = N_("People reached, servings and quantities handed out, from the servings recorded at the "
	                 "counters. Quantities add every item together: the distribution figures give them item by "
	                 "item."),
	.perms = PERM_BIT(PERM_REPORTS),
	.by = REPORT_BY_GROUP,
	.lines = dist_lines,
	.years = dist_years,
};

const struct report_def *const report_dist_tables[] = { &report_distributions, NULL };
