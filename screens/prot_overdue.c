/* The overdue actions of the centre's open protection cases: the user's
 * own (from my work) or everyone's (from the cases list), the oldest due
 * first, with the person; Enter opens the case. */
#include <stdio.h>
#include <string.h>

#include "core/casenum.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/prot_case.h"
#include "db/user.h"
#include "prot_case_private.h"
#include "screens/prot_cases.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/list.h"

enum { ACT_OPEN = 1 };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Open"), N_("Open the case of the selected action") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Due"), 11, false },
	{ N_("Case number"), 15, false },
	{ N_("Name"), 24, true },
	{ N_("Action"), 0, false },
};

struct overdue_screen {
	struct app *app;
	bool mine;
	struct list list;
};

struct fill {
	struct list_row *rows;
	int n;
};

static void add_row(const struct prot_overdue_row *o, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	char person[2 * PERSON_NAME_MAX + 4];
	prot_day_text(o->a.due_date, r->cells[0], sizeof r->cells[0]);
	if (!casenum_display(o->case_key, r->cells[1], sizeof r->cells[1]))
		snprintf(r->cells[1], sizeof r->cells[1], "%s", o->case_key);
	snprintf(person, sizeof person, "%s %s", o->family_name, o->given_names);
	text_fit(person, LIST_CELL - 1, r->cells[2], sizeof r->cells[2]);
	text_fit(o->a.description, LIST_CELL - 1, r->cells[3], sizeof r->cells[3]);
	/* The key is the action's; the case is found again on Enter. */
	r->key.id = o->a.id;
	snprintf(r->key.text, sizeof r->key.text, "%s", o->a.due_date);
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct overdue_screen *s = ctx;
	struct fill f = { rows, 0 };
	const struct user *u = app_user(s->app);
	enum status st = prot_overdue_actions(app_db(s->app), u->centre_code, s->mine ? u->id : 0, dir,
	                                      key ? key->text : NULL, key ? key->id : 0, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status overdue_enter(struct app *app, void *state, const void *arg)
{
	struct overdue_screen *s = state;
	s->app = app;
	s->mine = *(const bool *)arg;
	list_init(&s->list, columns, 4, fetch, s);
	return ST_OK;
}

static enum ui_result overdue_input(struct app *app, void *state, int key)
{
	(void)app;
	struct overdue_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result overdue_action(struct app *app, void *state, int action)
{
	struct overdue_screen *s = state;
	const struct list_row *row = list_current(&s->list);
	struct prot_action a;
	if (action == ACT_OPEN && row && prot_action_get(app_db(app), row->key.id, &a) == ST_OK)
		prot_case_open(app, a.case_id);
	return action == ACT_OPEN ? UI_HANDLED : UI_IGNORED;
}

static void overdue_resume(struct app *app, void *state)
{
	(void)app;
	list_refresh(&((struct overdue_screen *)state)->list);
}

static void overdue_draw(struct app *app, void *state, WINDOW *win)
{
	struct overdue_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	char line[300];
	if (s->mine)
		snprintf(line, sizeof line, "%s", _("My overdue actions, the oldest due first"));
	else
		snprintf(line, sizeof line, _("Overdue actions of the centre %s, the oldest due first"),
		         app_user(app)->centre_code);
	ui_put(win, 0, 2, cols - 4, A_BOLD, line);
	s->list.privacy = app_privacy(app);
	list_draw(&s->list, win, 2, rows - 4);
	const struct list_row *row = list_current(&s->list);
	char whole[LIST_MAX_COLS * LIST_CELL];
	list_current_whole(&s->list, app_privacy(app), whole, sizeof whole);
	ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0, row ? whole : _("No action is overdue."));
}

static const struct screen screen_overdue = {
	.name = "prot_overdue",
	.title = N_("Overdue actions"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct overdue_screen),
	.bindings = bindings,
	.enter = overdue_enter,
	.draw = overdue_draw,
	.input = overdue_input,
	.action = overdue_action,
	.resume = overdue_resume,
};

enum status prot_overdue_open(struct app *app, bool mine)
{
	return app_push(app, &screen_overdue, &mine);
}
