/* The reintegration module's table: the same definitions as the
 * reintegration figures (db/reint_report.h), by the centre that follows
 * the case or the project. */
#include "db/report_reint.h"

#include "core/i18n.h"
#include "core/perm.h"

/* A member for part of the period. */
#define MEMBER_IN_PERIOD "m.joined_date < ?2 AND (m.left_date IS NULL OR m.left_date >= ?1)"
/* Individual beneficiaries: a case of the centre whose plan was approved
 * in the period (not cancelled) or paid in it (a payment not reversed);
 * the day is the return date. */
#define INDIVIDUAL_SQL \
	"SELECT c.person_id, c.return_date AS day FROM reint_case c JOIN reint_plan pl ON pl.case_id = c.id " \
	"WHERE (?3 IS NULL OR c.centre_id = ?3) AND ((pl.approved_at >= ?1 AND pl.approved_at < ?2 " \
	"AND pl.status <> 'cancelled') OR EXISTS (SELECT 1 FROM reint_payment y WHERE y.plan_id = pl.id " \
	"AND y.amount > 0 AND y.paid_date >= ?1 AND y.paid_date < ?2 " \
	"AND NOT EXISTS (SELECT 1 FROM reint_payment r WHERE r.reverses_id = y.id)))"
/* Members of the projects of a kind (not cancelled) for part of the
 * period; the day is the day they joined. */
#define MEMBERS_SQL(kind, extra) \
	"SELECT m.person_id, m.joined_date AS day FROM reint_project pr " \
	"CROSS JOIN reint_project_member m ON m.project_id = pr.id" extra " WHERE pr.kind = '" kind "' " \
	"AND (?3 IS NULL OR pr.centre_id = ?3) AND pr.status <> 'cancelled' AND " MEMBER_IN_PERIOD
#define JOIN_PERSON " CROSS JOIN person p ON p.id = m.person_id AND "
/* Projects of a kind of the period: started in it, or with a member or a
 * payment in it; one row each, its country the group. */
#define PROJECTS_SQL(kind) \
	"SELECT pr.start_date AS day, pr.country AS grp, 1 AS n FROM reint_project pr WHERE pr.kind = '" kind "' " \
	"AND (?3 IS NULL OR pr.centre_id = ?3) AND pr.status <> 'cancelled' AND ((pr.start_date >= ?1 " \
	"AND pr.start_date < ?2) OR EXISTS (SELECT 1 FROM reint_project_member m WHERE m.project_id = pr.id AND " \
	MEMBER_IN_PERIOD ") OR EXISTS (SELECT 1 FROM reint_payment y WHERE y.project_id = pr.id " \
	"AND y.paid_date >= ?1 AND y.paid_date < ?2))"

static const struct report_line reint_lines[] = {
	{ "beneficiaries", N_("Beneficiaries"),
	  N_("Different people of any kind below, each once; age on their earliest day of reference."),
	  REPORT_PEOPLE, "#reached+reintegration",
	  INDIVIDUAL_SQL " UNION ALL " MEMBERS_SQL("community", "") " UNION ALL " MEMBERS_SQL("collective", ""), 0 },
	{ "individual", N_("Individual: direct beneficiaries"),
	  N_("Different people with a reintegration case of the centre whose plan was approved in the period or "
	     "received a payment in it; age on their return date."),
	  REPORT_PEOPLE, "#reached+reintegration+individual", INDIVIDUAL_SQL, 1 },
	{ "community", N_("Community: beneficiaries"),
	  N_("Different people members of a community project of the centre for part of the period; age on the day "
	     "they joined."),
	  REPORT_PEOPLE, "#reached+reintegration+community", MEMBERS_SQL("community", ""), 1 },
	{ "community_returnees", N_("of whom returnees"),
	  N_("The community beneficiaries who are not community members."),
	  REPORT_PEOPLE, "#reached+reintegration+community+returnees",
	  MEMBERS_SQL("community", JOIN_PERSON "p.community_since IS NULL"), 2 },
	{ "community_members", N_("of whom community members"),
	  N_("The community beneficiaries registered as members of the local community."),
	  REPORT_PEOPLE, "#reached+reintegration+community+members",
	  MEMBERS_SQL("community", JOIN_PERSON "p.community_since IS NOT NULL"), 2 },
	{ "collective", N_("Collective: beneficiaries"),
	  N_("Different people members of a collective project of the centre for part of the period; age on the day "
	     "they joined."),
	  REPORT_PEOPLE, "#reached+reintegration+collective", MEMBERS_SQL("collective", ""), 1 },
	{ "projects_community", N_("Community projects"),
	  N_("Community projects of the centre (not cancelled) that started in the period or had a member or a "
	     "payment in it; each project once, by its country."),
	  REPORT_ITEMS, "#activity+projects+community", PROJECTS_SQL("community"), 0 },
	{ "projects_collective", N_("Collective projects"),
	  N_("Collective projects of the centre (not cancelled) that started in the period or had a member or a "
	     "payment in it; each project once, by its country."),
	  REPORT_ITEMS, "#activity+projects+collective", PROJECTS_SQL("collective"), 0 },
	{ NULL, NULL, NULL, REPORT_PEOPLE, NULL, NULL, 0 },
};

const struct report_def report_reintegration = {
	.name = "reintegration",
	.title = N_("Reintegration"),
	.definition = N_("Beneficiaries of reintegration assistance (individual, community, collective) and the "
	                 "projects, from the cases, plans, payments and projects recorded. The centre is the one that "
	                 "follows the case or the project. Projects are counted, not people: by nationality means by "
	                 "country."),
	.perms = PERM_BIT(PERM_REPORTS) | PERM_BIT(PERM_REINTEGRATION_READ),
	.by = REPORT_BY_ORIGIN,
	.lines = reint_lines,
};

const struct report_def *const report_reint_tables[] = { &report_reintegration, NULL };
