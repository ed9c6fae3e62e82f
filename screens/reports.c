/* The reports: the tables of every module that the user's role may
 * compute, the selected one's title and definition shown whole under the
 * list; Enter opens it. Under them, the modules' own figures screens that
 * the manager's home menu no longer lists, each with its key. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "db/report.h"
#include "screens/reports.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/module.h"

#define TABLES_MAX 64
#define OTHERS_MAX 16

enum { ACT_OPEN = 1, ACT_MOVE, ACT_OTHERS };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', UI_KEYCODE(KEY_RIGHT), 0, 0 }, N_("Open"),
	  N_("Open the selected table: choose its period, centre and breakdown, then compute it") },
	{ ACT_MOVE, { UI_KEYCODE(KEY_UP), UI_KEYCODE(KEY_DOWN), UI_KEYCODE(KEY_HOME), UI_KEYCODE(KEY_END) }, NULL,
	  N_("Select a table; what it counts shows whole under the list") },
	{ ACT_OTHERS, { 0 }, NULL,
	  N_("The key in front of one of the modules' own figures, under the list, opens that screen") },
	{ 0, { 0 }, NULL, NULL },
};

struct reports_screen {
	const struct report_def *defs[TABLES_MAX];
	int n, cur, top;
	const struct reports_other *others[OTHERS_MAX];
	int nothers;
	int role;
};

/* Keeps the tables the role may compute. */
static void keep(const struct module *m, const struct report_def *def, void *ctx)
{
	(void)m;
	struct reports_screen *s = ctx;
	if (s->n < TABLES_MAX && perm_allows_any(s->role, def->perms))
		s->defs[s->n++] = def;
}

static enum status reports_enter(struct app *app, void *state, const void *arg)
{
	struct reports_screen *s = state;
	const struct user *u = app_user(app);
	s->role = u ? (int)u->role : -1;
	module_reports_each(app_modules(app), keep, s);
	for (const struct reports_other *o = arg; o && o->open && s->nothers < OTHERS_MAX; o++)
		if (perm_allows_any(s->role, o->perms))
			s->others[s->nothers++] = o;
	return ST_OK;
}

/* Rows the definition takes at most, and the others' block. */
#define DEF_ROWS 5

static void reports_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct reports_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	ui_put(win, 0, 2, cols - 4, A_BOLD, _("Tables of the reports"));
	int others_rows = s->nothers ? 2 + (s->nothers + 1) / 2 : 0;
	int list_rows = rows - 2 - DEF_ROWS - 1 - others_rows;
	if (list_rows < 3)
		list_rows = 3;
	if (s->n == 0) {
		ui_put_wrapped(win, 2, 2, cols - 4, list_rows, 0, _("Your role may compute none of the tables."));
	} else {
		if (s->cur < s->top)
			s->top = s->cur;
		if (s->cur >= s->top + list_rows)
			s->top = s->cur - list_rows + 1;
		for (int i = 0; i < list_rows && s->top + i < s->n; i++) {
			int k = s->top + i;
			ui_put_padded(win, 2 + i, 2, cols - 4, k == s->cur ? A_REVERSE : 0, _(s->defs[k]->title));
		}
		if (s->top + list_rows < s->n)
			ui_put(win, 1 + list_rows, cols - 4, 2, A_BOLD, "↓");
		if (s->top > 0)
			ui_put(win, 2, cols - 4, 2, A_BOLD, "↑");
		/* The selected table, its definition whole, right under the list. */
		int y = 3 + (s->n < list_rows ? s->n : list_rows);
		ui_put_wrapped(win, y, 2, cols - 4, 1, A_BOLD, _(s->defs[s->cur]->title));
		ui_put_wrapped(win, y + 1, 2, cols - 4, DEF_ROWS - 1, 0, _(s->defs[s->cur]->definition));
	}
	if (s->nothers) {
		int y = rows - others_rows + 1;
		ui_put(win, y - 1, 2, cols - 4, A_BOLD, _("The modules' own figures"));
		int half = (cols - 4) / 2;
		for (int i = 0; i < s->nothers; i++) {
			char line[200];
			snprintf(line, sizeof line, "%c  %s", s->others[i]->key, _(s->others[i]->label));
			ui_put(win, y + i / 2, 2 + (i % 2) * half, half - 1, 0, line);
		}
	}
}

static enum ui_result reports_action(struct app *app, void *state, int action)
{
	struct reports_screen *s = state;
	if (action == ACT_OPEN && s->n > 0) {
		enum status st = report_table_open(app, s->defs[s->cur]);
		if (st != ST_OK)
			app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

static enum ui_result reports_input(struct app *app, void *state, int key)
{
	struct reports_screen *s = state;
	switch (key) {
	case UI_KEYCODE(KEY_UP):
		if (s->cur > 0)
			s->cur--;
		return UI_HANDLED;
	case UI_KEYCODE(KEY_DOWN):
		if (s->cur + 1 < s->n)
			s->cur++;
		return UI_HANDLED;
	case UI_KEYCODE(KEY_HOME):
	case UI_KEYCODE(KEY_PPAGE):
		s->cur = 0;
		return UI_HANDLED;
	case UI_KEYCODE(KEY_END):
	case UI_KEYCODE(KEY_NPAGE):
		s->cur = s->n > 0 ? s->n - 1 : 0;
		return UI_HANDLED;
	default:
		break;
	}
	for (int i = 0; i < s->nothers; i++)
		if (key == s->others[i]->key) {
			enum status st = s->others[i]->open(app);
			if (st != ST_OK)
				app_error(app, _(status_msgid(st)));
			return UI_HANDLED;
		}
	return UI_IGNORED;
}

static const struct screen screen_reports = {
	.name = "reports",
	.title = N_("Reports"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REPORTS),
	.state_size = sizeof(struct reports_screen),
	.bindings = bindings,
	.enter = reports_enter,
	.draw = reports_draw,
	.input = reports_input,
	.action = reports_action,
};

enum status reports_open(struct app *app, const struct reports_other *others)
{
	return app_push(app, &screen_reports, others);
}
