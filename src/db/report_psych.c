/* The psychosocial module's table: the same definitions as the
 * psychosocial figures (db/psych_report.h). */
#include "db/report_psych.h"

#include "core/i18n.h"
#include "core/perm.h"

/* Sessions of the centre held in the period. */
#define HELD "s.date >= ?1 AND s.date < ?2 AND (?3 IS NULL OR s.centre_id = ?3) AND s.status = 'held'"
/* Someone marked present (or left early) in a session held with a roll by
 * name; the day is the session's. */
#define ATTENDED_SQL \
	"SELECT a.person_id, s.date AS day FROM psych_session s JOIN psych_attendance a ON a.session_id = s.id " \
	"WHERE " HELD " AND s.roll = 'names' AND a.mark IN ('present', 'left_early')"

static const struct report_line psych_lines[] = {
	{ "people", N_("People who took part"),
	  N_("Different people marked present (or leaving early) in a session of the centre held in the period with "
	     "a roll by name; age on the day of their first. Sessions with a head count only are not in it."),
	  REPORT_PEOPLE, "#reached+psychosocial", ATTENDED_SQL, 0 },
	{ "attendances", N_("Attendances"),
	  N_("One per person and session of the line above: a person at three sessions counts three times."),
	  REPORT_EVENTS, "#activity+attendances", ATTENDED_SQL, 0 },
	{ "sessions", N_("Sessions held"),
	  N_("Sessions of the centre held in the period, with a roll by name or a head count; each once."),
	  REPORT_ITEMS, "#activity+sessions",
	  "SELECT s.date AS day, NULL AS grp, 1 AS n FROM psych_session s WHERE " HELD, 0 },
	{ NULL, NULL, NULL, REPORT_PEOPLE, NULL, NULL, 0 },
};

const struct report_def report_psychosocial = {
	.name = "psychosocial",
	.title = N_("Psychosocial support"),
	.definition = N_("People who took part in the group sessions, attendances and sessions held, from the sessions "
	                 "and their attendance rolls."),
	.perms = PERM_BIT(PERM_REPORTS) | PERM_BIT(PERM_PSYCH_READ),
	.by = REPORT_BY_GROUP,
	.lines = psych_lines,
};

const struct report_def *const report_psych_tables[] = { &report_psychosocial, NULL };
