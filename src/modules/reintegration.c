/* The reintegration module: a returnee's reintegration case, the
 * individual plan that a manager approves, the grant paid in tranches,
 * counselling and monitoring visits with the sustainability survey, and
 * collective and community projects; their lists and figures. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "core/role.h"
#include "db/reflist.h"
#include "db/reint_case.h"
#include "db/report_reint.h"
#include "demo/demo_reint.h"
#include "screens/reint_cases.h"
#include "screens/reint_figures.h"
#include "screens/reint_money.h"
#include "screens/reint_project.h"
#include "screens/reint_survey_versions.h"
#include "ui/app.h"
#include "ui/lang.h"
#include "ui/module.h"

/* ---- cases and plans ----------------------------------------------------- */

/* The case file's line: "Reintegration: Mali, Kayes · plan approved", or
 * the case's status when it has no plan. */
static void reint_case_line(struct app *app, long long person, char *out, size_t size)
{
	struct reint_case_status st;
	out[0] = '\0';
	if (reint_case_status_get(app_db(app), person, lang_get(), &st) != ST_OK)
		return;
	char where[700];
	snprintf(where, sizeof where, st.region[0] ? "%s, %s" : "%s%s", st.country, st.region);
	const char *plan = st.plan_status[0] ? vocab_short(VOCAB_REINT_PLAN_STATUS, st.plan_status) : NULL;
	const char *cs = vocab_short(VOCAB_REINT_CASE_STATUS, st.status);
	if (strcmp(st.status, "closed") == 0 || !plan)
		snprintf(out, size, _("Reintegration: %s · case %s"), where, cs ? _(cs) : "");
	else
		snprintf(out, size, _("Reintegration: %s · plan %s"), where, _(plan));
}

static const struct module_entry entries[] = {
	/* Cases and plans. */
	{ 's', N_("Reintegration cases"), PERM_BIT(PERM_REINTEGRATION_READ), reint_cases_open },
	{ 'j', N_("Plans waiting for approval"), PERM_BIT(PERM_REINTEGRATION_APPROVE), reint_approvals_open },
	/* Payments and visits. */
	/* The officers' daily lists; managers and protection officers open
	 * them from the cases list (v, b), which keeps their menu on a screen. */
	{ 'v', N_("Visits due"), PERM_BIT(PERM_REINTEGRATION_WRITE), reint_due_visits_open },
	{ 'b', N_("Payments planned this month"), PERM_BIT(PERM_REINTEGRATION_WRITE), reint_due_payments_open },
	/* Sustainability survey. */
	{ 'y', N_("Sustainability survey"), PERM_BIT(PERM_REFDATA) | PERM_BIT(PERM_REINTEGRATION_WRITE),
	  reint_survey_versions_open },
	/* Projects, figures. */
	{ 'o', N_("Reintegration projects"), PERM_BIT(PERM_REINTEGRATION_READ), reint_projects_open },
	/* Reintegration and protection officers; managers open it from the
	 * reports (src/modules/reports.c). */
	{ 'h', N_("Reintegration figures"), PERM_BIT(PERM_REINTEGRATION_WRITE) | PERM_BIT(PERM_PROTECTION_WRITE),
	  reint_figures_open },
	{ 0, NULL, 0, NULL },
};

static const struct module_action actions[] = {
	/* Cases and plans. */
	{ 'g', 0, N_("Reintegration"), N_("Reintegration of this person: their case and plan, or open a case"),
	  PERM_BIT(PERM_REINTEGRATION_READ), reint_person_open },
	/* Payments and visits. */
	/* Projects, figures. */
	{ 0, 0, NULL, NULL, 0, NULL },
};

static const struct module_draft drafts[] = {
	/* Cases and plans. */
	{ "reint_case", N_("Reintegration case"), reint_case_open_draft },
	{ "reint_plan_item", N_("Item of a reintegration plan"), reint_item_open_draft },
	/* Payments and visits. */
	{ "reint_visit", N_("Visit outcome"), reint_visit_form_open_draft },
	/* Sustainability survey. */
	/* Projects, figures. */
	{ "reint_project", N_("Reintegration project"), reint_project_open_draft },
	{ NULL, NULL, NULL },
};

static const struct vocab *const vocabs[] = {
	/* Cases and plans. */
	VOCAB_REINT_RETURN_KIND, VOCAB_REINT_CASE_STATUS, VOCAB_REINT_CLOSE_REASON, VOCAB_REINT_PLAN_STATUS,
	VOCAB_REINT_ITEM_CATEGORY, VOCAB_REINT_PROVISION, VOCAB_REINT_SECTOR,
	/* Payments and visits. */
	VOCAB_REINT_TRANCHE_STATUS, VOCAB_REINT_PAY_METHOD, VOCAB_REINT_VISIT_KIND, VOCAB_REINT_VISIT_STATUS,
	VOCAB_REINT_VISIT_MODE, VOCAB_REINT_SATISFACTION, VOCAB_REINT_REMIGRATION,
	/* Sustainability survey. */
	VOCAB_REINT_DIMENSION,
	/* Projects, figures. */
	VOCAB_REINT_PROJECT_KIND, VOCAB_REINT_PROJECT_ACTIVITY, VOCAB_REINT_PROJECT_STATUS, VOCAB_REINT_MEMBER_ROLE,
	NULL,
};

/* Its reference list, edited by administrators (Administration >
 * Reference lists): the regions of return, each of a country.
 * Implementing partners are the psychosocial module's partner list. */
static const struct reflist_def regions = { REFLIST_REINT_REGION, N_("Regions of return"), REFLIST_KIND_COUNTRY, N_("Country") };
static const struct reflist_def *const reflists[] = { &regions, NULL };

const struct module module_reintegration = {
	.name = "reintegration",
	.title = N_("Reintegration"),
	.daily_roles = ROLE_BIT(ROLE_REINTEGRATION),
	.entries = entries,
	.actions = actions,
	.drafts = drafts,
	.vocabs = vocabs,
	.reflists = reflists,
	/* Cases and plans. */
	.status = reint_case_line,
	.status_perms = PERM_BIT(PERM_REINTEGRATION_READ),
	/* Projects, figures: the demo data of the whole module. */
	.demo = demo_reint,
	.reports = report_reint_tables,
};
