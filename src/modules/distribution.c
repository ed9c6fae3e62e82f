/* The distribution module: items with their rules, the counter where
 * people are served (once, guaranteed by the data layer), the stock of
 * each centre, the day's lists and the figures. The counter shows only
 * what serving needs: never medical, protection or psychosocial details. */
#include <stddef.h>

#include "core/dist_vocab.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/role.h"
#include "demo/demo_dist.h"
#include "db/report_dist.h"
#include "screens/dist_home.h"
#include "screens/dist_item_form.h"
#include "screens/dist_stock_screens.h"
#include "ui/module.h"

static const struct module_entry entries[] = {
	/* The distribution menu (counter, lists, stock, figures, items). */
	{ '+', N_("Distributions"),
	  PERM_BIT(PERM_DISTRIBUTION_WRITE) | PERM_BIT(PERM_DISTRIBUTION_OVERRIDE) | PERM_BIT(PERM_REPORTS)
	          | PERM_BIT(PERM_REFDATA),
	  dist_home_open },
	{ 0, NULL, 0, NULL },
};

static const struct module_draft drafts[] = {
	/* The counter. */
	/* Items and stock. */
	{ "dist_item_new", N_("Distribution item (new)"), dist_item_new_open_draft },
	{ "dist_item", N_("Distribution item"), dist_item_open_draft },
	{ "dist_stock_receipt", N_("Stock received"), dist_stock_receipt_open_draft },
	{ "dist_stock_issue", N_("Stock out"), dist_stock_issue_open_draft },
	{ "dist_stock_count", N_("Stock count"), dist_stock_count_open_draft },
	/* Lists and figures. */
	{ NULL, NULL, NULL },
};

static const struct vocab *const vocabs[] = {
	VOCAB_DIST_KIND, VOCAB_DIST_UNIT, VOCAB_DIST_FREQUENCY, VOCAB_DIST_SEX, VOCAB_DIST_REQUIRES,
	VOCAB_DIST_MEAL, VOCAB_DIST_MOVE_KIND,
	NULL,
};

const struct module module_distribution = {
	.name = "distribution",
	.title = N_("Distributions"),
	.daily_roles = ROLE_BIT(ROLE_DISTRIBUTION),
	.entries = entries,
	.drafts = drafts,
	.vocabs = vocabs,
	/* Demo: stock and servings of the whole module. */
	.demo = demo_dist,
	.reports = report_dist_tables,
};
