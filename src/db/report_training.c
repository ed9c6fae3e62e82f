/* The vocational training module's table: the same definitions as the
 * training figures (db/training_report.h). */
#include "db/report_training.h"

#include "core/i18n.h"
#include "core/perm.h"

/* A course of the centre that ran in the period: not cancelled, started
 * before its end and ended on or after its first day. */
#define COURSE_IN_PERIOD \
	"(?3 IS NULL OR c.centre_id = ?3) AND c.start_date < ?2 AND c.end_date >= ?1 AND c.status <> 'cancelled'"
/* Enrolments holding a place (the waiting list, applications and people
 * not selected apart). */
#define HOLDS_PLACE "e.status IN ('selected', 'enrolled', 'completed', 'certified', 'dropped_out')"
#define ENROLMENTS_SQL(extra) \
	"SELECT e.person_id, c.start_date AS day FROM training_course c " \
	"CROSS JOIN training_enrolment e ON e.course_id = c.id" extra " WHERE " COURSE_IN_PERIOD " AND " HOLDS_PLACE

static const struct report_line training_lines[] = {
	{ "participants", N_("Participants"),
	  N_("Different people holding a place (selected, enrolled, completed, certified or dropped out) in a course "
	     "of the centre that ran in the period; age at the start of their first course."),
	  REPORT_PEOPLE, "#reached+training", ENROLMENTS_SQL(""), 0 },
	{ "participants_community", N_("of whom community members"),
	  N_("The participants registered as members of the local community."),
	  REPORT_PEOPLE, "#reached+training+community",
	  ENROLMENTS_SQL(" CROSS JOIN person p ON p.id = e.person_id AND p.community_since IS NOT NULL"), 1 },
	{ "courses", N_("Courses held"),
	  N_("Courses of the centre that ran in the period (not cancelled, started before its end, ended after its "
	     "first day); each course once."),
	  REPORT_ITEMS, "#activity+courses",
	  "SELECT c.start_date AS day, NULL AS grp, 1 AS n FROM training_course c WHERE " COURSE_IN_PERIOD, 0 },
	{ "enrolments", N_("Enrolments"),
	  N_("Places held in the courses that ran in the period: a person in two courses counts twice."),
	  REPORT_EVENTS, "#activity+enrolments", ENROLMENTS_SQL(""), 0 },
	{ "completed", N_("of which completed or certified"),
	  N_("The enrolments completed, or certified."),
	  REPORT_EVENTS, "#activity+enrolments+completed",
	  ENROLMENTS_SQL("") " AND e.status IN ('completed', 'certified')", 1 },
	{ NULL, NULL, NULL, REPORT_PEOPLE, NULL, NULL, 0 },
};

const struct report_def report_training = {
	.name = "training",
	.title = N_("Vocational training"),
	.definition = N_("Participants, courses and enrolments of the vocational training courses that ran in the "
	                 "period, from the courses and their enrolments."),
	.perms = PERM_BIT(PERM_REPORTS) | PERM_BIT(PERM_TRAINING_READ),
	.by = REPORT_BY_GROUP,
	.lines = training_lines,
};

const struct report_def *const report_training_tables[] = { &report_training, NULL };
