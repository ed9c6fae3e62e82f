/* The reports module: one home menu entry for managers that gathers the
 * tables every module contributes (db/report.h). On the manager's menu it
 * takes the place of the modules' own figures entries, which the reports
 * screen still opens with the same keys; the roles whose daily work they
 * are keep them on their menus. */
#include "core/i18n.h"
#include "core/perm.h"
#include "core/role.h"
#include "screens/medical.h"
#include "screens/psych_figures.h"
#include "screens/reint_figures.h"
#include "screens/reports.h"
#include "screens/training_figures.h"
#include "ui/module.h"

/* The figures screens the manager's menu no longer lists (same keys, same
 * labels, same permissions as their screens). */
static const struct reports_other others[] = {
	{ '7', N_("Medical register and counts"), PERM_BIT(PERM_MEDICAL_READ) | PERM_BIT(PERM_REPORTS), medreport_open },
	{ '8', N_("Psychosocial figures"), PERM_BIT(PERM_PSYCH_READ) | PERM_BIT(PERM_REPORTS), psych_figures_open },
	{ '0', N_("Training figures"), PERM_BIT(PERM_TRAINING_READ) | PERM_BIT(PERM_REPORTS), training_figures_open },
	{ 'h', N_("Reintegration figures"), PERM_BIT(PERM_REINTEGRATION_READ) | PERM_BIT(PERM_REPORTS),
	  reint_figures_open },
	{ 0, NULL, 0, NULL },
};

static enum status open_reports(struct app *app)
{
	return reports_open(app, others);
}

static const struct module_entry entries[] = {
	{ '=', N_("Reports and exports"), PERM_BIT(PERM_REPORTS), open_reports },
	{ 0, NULL, 0, NULL },
};

const struct module module_reports = {
	.name = "reports",
	.title = N_("Reports"),
	.daily_roles = ROLE_BIT(ROLE_MANAGER),
	.entries = entries,
};
