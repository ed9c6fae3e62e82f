/* The reintegration module: a returnee's reintegration case, the
 * individual plan that a manager approves, the grant paid in tranches,
 * counselling and monitoring visits with the sustainability survey, and
 * collective and community projects; their lists and figures. */
#include <stddef.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "core/role.h"
#include "db/reflist.h"
#include "demo/demo_reint.h"
#include "screens/reint_figures.h"
#include "screens/reint_project.h"
#include "ui/module.h"

static const struct module_entry entries[] = {
	/* Cases and plans. */
	/* Payments and visits. */
	/* Sustainability survey. */
	/* Projects, figures. */
	{ 'o', N_("Reintegration projects"), PERM_BIT(PERM_REINTEGRATION_READ), reint_projects_open },
	{ 'h', N_("Reintegration figures"), PERM_BIT(PERM_REINTEGRATION_READ) | PERM_BIT(PERM_REPORTS), reint_figures_open },
	{ 0, NULL, 0, NULL },
};

static const struct module_action actions[] = {
	/* Cases and plans. */
	/* Payments and visits. */
	/* Projects, figures. */
	{ 0, 0, NULL, NULL, 0, NULL },
};

static const struct module_draft drafts[] = {
	/* Cases and plans. */
	/* Payments and visits. */
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
static const struct reflist_def regions = { REFLIST_REINT_REGION, N_("Regions of return"), NULL, NULL };
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
	/* Projects, figures: the demo data of the whole module. */
	.demo = demo_reint,
};
