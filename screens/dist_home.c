/* The distribution entry (home 'x'): one menu for the counter, the day's
 * lists, the servings made twice at two sites, the stock, the figures and
 * the items, each shown to the roles that may open it (the home menu has
 * room for one entry per module for managers). */
#include <stddef.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "screens/dist_counter.h"
#include "screens/dist_home.h"
#include "screens/dist_items.h"
#include "screens/dist_lists.h"
#include "screens/dist_twice.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/menu.h"

struct hub_entry {
	int key;
	const char *label;    /* msgid */
	unsigned perms;       /* PERM_BIT()s: any of them */
	enum status (*open)(struct app *app);
};

#define W (PERM_BIT(PERM_DISTRIBUTION_WRITE) | PERM_BIT(PERM_DISTRIBUTION_OVERRIDE))
static const struct hub_entry hub[] = {
	/* The counter. */
	{ 'c', N_("Distribution counter"), W, dist_counter_open },
	/* The day's lists and the figures. */
	{ 'l', N_("Today's servings: served, and due but not served"), W | PERM_BIT(PERM_REPORTS), dist_day_open },
	{ 'f', N_("Distribution figures"), PERM_BIT(PERM_REPORTS), dist_figures_open },
	/* After the sites' data merged: the servings the rules would have refused. */
	{ '8', N_("Served twice at two sites"), W | PERM_BIT(PERM_REPORTS), dist_twice_open },
	/* Stock and items. */
	{ 's', N_("Stock of the centre"), W | PERM_BIT(PERM_REPORTS), dist_stock_open },
	{ 'i', N_("Items and rules"), PERM_BIT(PERM_REFDATA), dist_items_open },
};
#undef W
#define NHUB ((int)(sizeof hub / sizeof hub[0]))

struct dist_home {
	struct menu menu;
};

static const struct binding bindings[] = {
	{ 1, { '\n', 0, 0, 0 }, N_("Open"), N_("Open the list chosen (or press its letter or digit)") },
	{ 2, { 0 }, NULL,
	  N_("8, served twice at two sites: once the sites' data have merged, the people served an item at one site "
	     "while another site had already served it to them within the item's rule") },
	{ 0, { 0 }, NULL, NULL },
};

static enum status home_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct dist_home *s = state;
	const struct user *u = app_user(app);
	menu_init(&s->menu);
	for (int i = 0; i < NHUB; i++)
		if (u && perm_allows_any(u->role, hub[i].perms))
			menu_add(&s->menu, i + 1, hub[i].key, hub[i].label);
	return ST_OK;
}

static enum ui_result home_input(struct app *app, void *state, int key)
{
	struct dist_home *s = state;
	int id = menu_key(&s->menu, key);
	if (id < 0)
		return UI_HANDLED;
	if (id == 0)
		return UI_IGNORED;
	enum status st = hub[id - 1].open(app);
	if (st != ST_OK)
		app_error(app, _(status_msgid(st)));
	return UI_HANDLED;
}

static void home_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct dist_home *s = state;
	menu_draw(&s->menu, win, 1, 2, getmaxx(win) - 4);
}

static const struct screen screen_dist_home = {
	.name = "dist_home",
	.title = N_("Distributions"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_DISTRIBUTION_WRITE) | PERM_BIT(PERM_DISTRIBUTION_OVERRIDE) | PERM_BIT(PERM_REPORTS)
	         | PERM_BIT(PERM_REFDATA),
	.state_size = sizeof(struct dist_home),
	.bindings = bindings,
	.enter = home_enter,
	.draw = home_draw,
	.input = home_input,
};

enum status dist_home_open(struct app *app)
{
	return app_push(app, &screen_dist_home, NULL);
}
