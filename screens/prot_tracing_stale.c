/* The children whose family tracing has had no action for the set number
 * of days (the setting prot_tracing_stale_days, 30 unless changed), the
 * longest waiting first: the child, the tracing's status, the day of the
 * last action and the days since. Enter opens the child's page. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/prot_child.h"
#include "screens/prot_child.h"
#include "screens/prot_child_forms.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/list.h"

enum { ACT_OPEN = 1 };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Show"), N_("Open the child's page to record a tracing action") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Last action"), 16, false },
	{ N_("Days"), 5, false },
	{ N_("Tracing"), 18, false },
	{ N_("Child"), 0, true },
};

struct stale_screen {
	struct app *app;
	struct list list;
	int days;
};

struct fill {
	struct list_row *rows;
	int n;
};

static void add_row(const struct prot_stale *s, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *row = &f->rows[f->n++];
	prot_day_text(s->last_day, row->cells[0], sizeof row->cells[0]);
	snprintf(row->cells[1], sizeof row->cells[1], "%d", s->days);
	const char *l = vocab_label(VOCAB_PROT_TRACING_STATUS, s->status);
	text_fit(l ? _(l) : s->status, LIST_CELL - 1, row->cells[2], sizeof row->cells[2]);
	text_fit(s->person, LIST_CELL - 1, row->cells[3], sizeof row->cells[3]);
	row->key.id = s->case_id;
	snprintf(row->key.text, sizeof row->key.text, "%s", s->last_day);
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct stale_screen *s = ctx;
	struct fill f = { rows, 0 };
	struct prot_stale k;
	memset(&k, 0, sizeof k);
	if (key) {
		k.case_id = key->id;
		snprintf(k.last_day, sizeof k.last_day, "%.10s", key->text);
	}
	enum status st = prot_tracing_stale(app_db(s->app), dir, key ? &k : NULL, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status stale_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct stale_screen *s = state;
	s->app = app;
	enum status st = prot_tracing_stale_days(app_db(app), &s->days);
	if (st != ST_OK)
		return st;
	list_init(&s->list, columns, 4, fetch, s);
	return ST_OK;
}

static enum ui_result stale_input(struct app *app, void *state, int key)
{
	(void)app;
	return list_key(&((struct stale_screen *)state)->list, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result stale_action(struct app *app, void *state, int action)
{
	struct stale_screen *s = state;
	if (action != ACT_OPEN)
		return UI_IGNORED;
	const struct list_row *row = list_current(&s->list);
	if (!row)
		app_error(app, _("Every child's tracing has had a recent action."));
	else
		prot_child_open(app, row->key.id);
	return UI_HANDLED;
}

static void stale_resume(struct app *app, void *state)
{
	(void)app;
	struct stale_screen *s = state;
	const struct list_row *row = list_current(&s->list);
	struct list_key k;
	if (row) {
		k = row->key;
		list_refresh_at(&s->list, &k);
	} else {
		list_refresh(&s->list);
	}
}

static void stale_draw(struct app *app, void *state, WINDOW *win)
{
	struct stale_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	char line[300];
	snprintf(line, sizeof line,
	         ngettext("Children whose tracing has had no action for %d day or more, the longest first",
	                  "Children whose tracing has had no action for %d days or more, the longest first",
	                  (unsigned long)s->days),
	         s->days);
	ui_put_wrapped(win, 0, 2, cols - 4, 2, A_BOLD, line);
	s->list.privacy = app_privacy(app);
	list_draw(&s->list, win, 2, rows - 5);
	if (!list_current(&s->list)) {
		ui_put(win, rows - 1, 2, cols - 4, 0, _("Every child's tracing has had a recent action."));
		return;
	}
	char whole[LIST_MAX_COLS * LIST_CELL];
	list_current_whole(&s->list, app_privacy(app), whole, sizeof whole);
	ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0, whole);
}

static const struct screen screen_stale = {
	.name = "prot_tracing_stale",
	.title = N_("Tracings waiting for an action"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct stale_screen),
	.bindings = bindings,
	.enter = stale_enter,
	.draw = stale_draw,
	.input = stale_input,
	.action = stale_action,
	.resume = stale_resume,
};

enum status prot_tracing_stale_open(struct app *app)
{
	return app_push(app, &screen_stale, NULL);
}
