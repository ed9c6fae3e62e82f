/* The protection unit's entry (home 'e'): one menu for its cases and work
 * lists, its returns and figures, each shown to the roles that may open it
 * (the home menu has room for one entry per module for managers). */
#include <stddef.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "screens/prot_cases.h"
#include "screens/prot_child.h"
#include "screens/prot_figures.h"
#include "screens/prot_home.h"
#include "screens/prot_returns.h"
#include "screens/prot_trafficking.h"
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

#define R PERM_BIT(PERM_PROTECTION_READ)
static const struct hub_entry hub[] = {
	/* Cases. */
	{ 'c', N_("Protection cases"), R, prot_cases_open },
	{ 'm', N_("My open cases and overdue actions"), PERM_BIT(PERM_PROTECTION_WRITE), prot_my_work_open },
	/* Children. */
	{ 'a', N_("Determinations waiting for approval"), R, prot_bi_approvals_open },
	{ 't', N_("Children without a tracing action for 30 days"), R, prot_tracing_stale_open },
	/* Returns. */
	{ 'v', N_("Assisted returns under way"), R, prot_returns_open },
	{ 'w', N_("Returns waiting for approval"), R, prot_return_approvals_open },
	{ 'd', N_("Departure list"), R, prot_departures_open },
	{ 'p', N_("Travel documents pending"), R, prot_docs_pending_open },
	/* Figures. */
	{ 'h', N_("Protection figures"), R | PERM_BIT(PERM_REPORTS), prot_figures_open },
};
#undef R
#define NHUB ((int)(sizeof hub / sizeof hub[0]))

struct prot_home {
	struct menu menu;
};

static const struct binding bindings[] = {
	{ 1, { '\n', 0, 0, 0 }, N_("Open"), N_("Open the list chosen (or press its letter)") },
	{ 0, { 0 }, NULL, NULL },
};

static enum status home_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct prot_home *s = state;
	const struct user *u = app_user(app);
	menu_init(&s->menu);
	for (int i = 0; i < NHUB; i++)
		if (u && perm_allows_any(u->role, hub[i].perms))
			menu_add(&s->menu, i + 1, hub[i].key, hub[i].label);
	return ST_OK;
}

static enum ui_result home_input(struct app *app, void *state, int key)
{
	struct prot_home *s = state;
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
	struct prot_home *s = state;
	menu_draw(&s->menu, win, 1, 2, getmaxx(win) - 4);
}

static const struct screen screen_prot_home = {
	.name = "prot_home",
	.title = N_("Protection"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct prot_home),
	.bindings = bindings,
	.enter = home_enter,
	.draw = home_draw,
	.input = home_input,
};

enum status prot_home_open(struct app *app)
{
	return app_push(app, &screen_prot_home, NULL);
}
