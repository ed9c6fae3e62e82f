/* The reference lists that administrators edit, gathered from the modules
 * of the table (each names its own): Enter opens a list's items. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "db/reflist.h"
#include "screens/admin.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/list.h"
#include "ui/module.h"

#define REFLISTS_MAX 64

enum { ACT_OPEN = 1 };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 'e', 0, 0 }, N_("Open"), N_("Open the selected list: its items, to add, edit, retire or order") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("List"), 36, false },
	{ N_("Module"), 18, false },
	{ N_("Items"), 0, false },
};

struct reflists {
	struct app *app;
	const struct reflist_def *defs[REFLISTS_MAX];
	const struct module *modules[REFLISTS_MAX];
	int n;
	struct list list;
	char lang[4];            /* the language its rows were read in */
};

/* Counts the items in use and the retired ones. */
static void count(const struct ref_item *item, void *ctx)
{
	int *n = ctx;
	n[item->active ? 0 : 1]++;
}

/* Fills row with list i (its key: i + 1). */
static void fill_row(struct reflists *s, int i, struct list_row *row)
{
	memset(row, 0, sizeof *row);
	int n[2] = { 0, 0 };
	snprintf(row->cells[0], sizeof row->cells[0], "%s", _(s->defs[i]->title));
	snprintf(row->cells[1], sizeof row->cells[1], "%s", _(s->modules[i]->title));
	if (reflist_each(app_db(s->app), s->defs[i]->list, true, count, n) == ST_OK)
		snprintf(row->cells[2], sizeof row->cells[2], _("%d in use, %d retired"), n[0], n[1]);
	row->key.id = i + 1;
}

/* The list's source: the lists in the table's order, from memory. */
static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct reflists *s = ctx;
	int from, to;   /* [from, to) */
	if (dir == PAGE_AFTER) {
		from = key ? (int)key->id : 0;
		to = from + limit < s->n ? from + limit : s->n;
		*more = to < s->n;
	} else {
		to = key ? (int)key->id - 1 : s->n;
		from = to - limit > 0 ? to - limit : 0;
		*more = from > 0;
	}
	int n = 0;
	for (int i = from; i < to; i++)
		fill_row(s, i, &rows[n++]);
	return n;
}

static enum status reflists_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct reflists *s = state;
	s->app = app;
	for (const struct module *const *m = app_modules(app); m && *m; m++)
		for (const struct reflist_def *const *d = (*m)->reflists; d && *d && s->n < REFLISTS_MAX; d++) {
			s->defs[s->n] = *d;
			s->modules[s->n++] = *m;
		}
	list_init(&s->list, columns, 3, fetch, s);
	return ST_OK;
}

static enum ui_result reflists_input(struct app *app, void *state, int key)
{
	(void)app;
	struct reflists *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result reflists_action(struct app *app, void *state, int action)
{
	struct reflists *s = state;
	const struct list_row *row = list_current(&s->list);
	if (action != ACT_OPEN)
		return UI_IGNORED;
	if (row && row->key.id >= 1 && row->key.id <= s->n)
		reflist_items_open(app, s->defs[row->key.id - 1]);
	return UI_HANDLED;
}

/* Back from a list: its counts may have changed. */
static void reflists_resume(struct app *app, void *state)
{
	(void)app;
	list_refresh(&((struct reflists *)state)->list);
}

static void reflists_draw(struct app *app, void *state, WINDOW *win)
{
	struct reflists *s = state;
	s->list.privacy = app_privacy(app);
	/* The titles in the rows follow a switch of language. */
	if (strcmp(s->lang, lang_get()) != 0) {
		snprintf(s->lang, sizeof s->lang, "%s", lang_get());
		list_refresh(&s->list);
	}
	int rows = getmaxy(win), cols = getmaxx(win);
	if (!s->n) {
		ui_put(win, 2, 2, cols - 4, 0, _("No module has a list to edit."));
		return;
	}
	list_draw(&s->list, win, 1, rows - 4);
	/* The selected list's title and module whole, never cut. */
	const struct list_row *row = list_current(&s->list);
	if (row) {
		char line[LIST_CELL * 3 + 16];
		snprintf(line, sizeof line, "%s · %s · %s", row->cells[0], row->cells[1], row->cells[2]);
		ui_put_wrapped(win, rows - 3, 1, cols - 2, 2, 0, line);
	}
	ui_put(win, rows - 1, 1, cols - 2, A_BOLD, _("Enter: the items of the selected list"));
}

static const struct screen screen_reflists = {
	.name = "reflists",
	.title = N_("Reference lists"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REFDATA),
	.state_size = sizeof(struct reflists),
	.bindings = bindings,
	.enter = reflists_enter,
	.draw = reflists_draw,
	.input = reflists_input,
	.action = reflists_action,
	.resume = reflists_resume,
};

enum status reflists_open(struct app *app)
{
	return app_push(app, &screen_reflists, NULL);
}
