/* The registration module's tables: who arrived, who stayed, who left. */
#include "db/report_registration.h"

#include "core/i18n.h"
#include "core/perm.h"

static const struct report_line intake_lines[] = {
	{ "registered", N_("People registered"),
	  N_("Different people whose registration (arrival) day is in the period, at the centre that registered them."),
	  REPORT_PEOPLE, "#reached+registered",
	  "SELECT id AS person_id, arrival_date AS day FROM person "
	  "WHERE arrival_date >= ?1 AND arrival_date < ?2 AND (?3 IS NULL OR centre_id = ?3)",
	  0 },
	{ "staying", N_("People staying at a centre"),
	  N_("Different people with a stay at the centre for part of the period; age on the first day of the period "
	     "or of their stay."),
	  REPORT_PEOPLE, "#reached+accommodated",
	  REPORT_STAYS_SQL(""),
	  0 },
	{ "admissions", N_("Admissions"),
	  N_("Stays that began in the period (a person admitted twice counts twice)."),
	  REPORT_EVENTS, "#activity+admissions",
	  "SELECT person_id, admitted AS day FROM stay "
	  "WHERE admitted >= ?1 AND admitted < ?2 AND (?3 IS NULL OR centre_id = ?3)",
	  0 },
	{ "departures", N_("Departures"),
	  N_("Stays that ended in the period, whatever the reason."),
	  REPORT_EVENTS, "#activity+departures",
	  "SELECT person_id, departed AS day FROM stay "
	  "WHERE departed >= ?1 AND departed < ?2 AND (?3 IS NULL OR centre_id = ?3)",
	  0 },
	{ "departures_avr", N_("of which assisted voluntary returns"),
	  N_("Stays that ended in the period with a return to the country of origin."),
	  REPORT_EVENTS, "#activity+departures+avr",
	  "SELECT person_id, departed AS day FROM stay "
	  "WHERE departed >= ?1 AND departed < ?2 AND departure_reason = 'avr' AND (?3 IS NULL OR centre_id = ?3)",
	  1 },
	{ NULL, NULL, NULL, REPORT_PEOPLE, NULL, NULL, 0 },
};

/* The lines that read the same stays, each pass once: the stays of the
 * period with the admissions among them; the departures with the assisted
 * voluntary returns among them (every row is a stay, a departure). */
static const struct report_pass intake_passes[] = {
	{ { "staying", "admissions", NULL },
	  "SELECT s.person_id, s.admitted AS day, 3 AS lines FROM stay s WHERE s.admitted >= ?1 AND s.admitted < ?2 "
	  "AND (?3 IS NULL OR s.centre_id = ?3) "
	  "UNION ALL SELECT s.person_id, ?1, 1 FROM stay s WHERE s.departed >= ?1 AND s.admitted < ?1 "
	  "AND (?3 IS NULL OR s.centre_id = ?3) "
	  "UNION ALL SELECT s.person_id, ?1, 1 FROM stay s WHERE s.departed IS NULL AND s.admitted < ?1 "
	  "AND (?3 IS NULL OR s.centre_id = ?3)", false, 1 },
	{ { "departures", "departures_avr", NULL },
	  "SELECT person_id, departed AS day, CASE WHEN departure_reason = 'avr' THEN 3 ELSE 1 END AS lines FROM stay "
	  "WHERE departed >= ?1 AND departed < ?2 AND (?3 IS NULL OR centre_id = ?3)", false, 1 },
	{ { "registered", NULL },
	  "SELECT id AS person_id, arrival_date AS day, 1 AS lines FROM person "
	  "WHERE arrival_date >= ?1 AND arrival_date < ?2 AND (?3 IS NULL OR centre_id = ?3)", true, 1 },
	{ { NULL }, NULL, false, 0 },
};

const struct report_def report_intake = {
	.name = "intake",
	.title = N_("Intake and stays"),
	.definition = N_("People registered and staying at the centres, admissions and departures, from the "
	                 "registrations and stays recorded."),
	.perms = PERM_BIT(PERM_REPORTS),
	.by = REPORT_BY_GROUP,
	.lines = intake_lines,
	.passes = intake_passes,
};
