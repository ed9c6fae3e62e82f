/* The visits due in the next two weeks or overdue, of the user as case
 * worker (a shows every case worker's at the centre): due day (! overdue),
 * kind, case worker, person or project. Enter opens the visits of the case
 * or project. */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/reint_visit.h"
#include "screens/reint_money.h"
#include "screens/reint_visits.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/list.h"

enum { ACT_OPEN = 1, ACT_ALL };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Visits"), N_("Open the visits of the selected case or project") },
	{ ACT_ALL, { 'a', 0, 0, 0 }, N_("Mine/all"), N_("Show my cases only, or those of every case worker of the centre") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Due"), 13, false },
	{ N_("Kind"), 13, false },
	{ N_("Case worker"), 18, false },
	{ N_("Person or project"), 0, true },
};

struct due_screen {
	struct app *app;
	bool all;
	struct list list;
};

struct fill {
	struct list_row *rows;
	int n;
};

static void add_row(const struct reint_due_visit *d, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	struct pdate day;
	char when[16] = "";
	if (date_from_iso(d->due_date, &day) == DATE_OK)
		date_format(&day, when, sizeof when);
	snprintf(r->cells[0], sizeof r->cells[0], "%s%s", d->overdue ? "! " : "  ", when);
	const char *kind = vocab_short(VOCAB_REINT_VISIT_KIND, d->kind);
	snprintf(r->cells[1], sizeof r->cells[1], "%s", kind ? _(kind) : "");
	text_fit(d->caseworker, LIST_CELL - 1, r->cells[2], sizeof r->cells[2]);
	text_fit(d->person, LIST_CELL - 1, r->cells[3], sizeof r->cells[3]);
	snprintf(r->key.text, sizeof r->key.text, "%s", d->due_date);
	r->key.id = d->visit_id;
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct due_screen *s = ctx;
	struct fill f = { rows, 0 };
	struct reint_due_visit k;
	memset(&k, 0, sizeof k);
	if (key) {
		snprintf(k.due_date, sizeof k.due_date, "%.10s", key->text);
		k.visit_id = key->id;
	}
	const struct user *u = app_user(s->app);
	enum status st = reint_visits_due(app_db(s->app), u->centre_code, s->all ? 0 : u->id, dir, key ? &k : NULL,
	                                  limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status due_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct due_screen *s = state;
	s->app = app;
	list_init(&s->list, columns, 4, fetch, s);
	return ST_OK;
}

static enum ui_result due_input(struct app *app, void *state, int key)
{
	(void)app;
	struct due_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result due_action(struct app *app, void *state, int action)
{
	struct due_screen *s = state;
	if (action == ACT_ALL) {
		s->all = !s->all;
		list_reload(&s->list);
		return UI_HANDLED;
	}
	if (action != ACT_OPEN)
		return UI_IGNORED;
	const struct list_row *row = list_current(&s->list);
	struct reint_visit v;
	if (row && reint_visit_get(app_db(app), row->key.id, &v) == ST_OK)
		reint_visits_open(app, v.owner);
	return UI_HANDLED;
}

static void due_resume(struct app *app, void *state)
{
	(void)app;
	struct due_screen *s = state;
	list_refresh(&s->list);
}

static void due_draw(struct app *app, void *state, WINDOW *win)
{
	struct due_screen *s = state;
	char line[200];
	snprintf(line, sizeof line, s->all ? _("Visits due at %s, every case worker (! overdue)")
	                                   : _("My visits due in two weeks or overdue (! overdue) · a: all of %s"),
	         app_user(app)->centre_code);
	ui_put(win, 0, 2, getmaxx(win) - 4, A_BOLD, line);
	s->list.privacy = app_privacy(app);
	list_draw(&s->list, win, 2, getmaxy(win) - 5);
	/* The selected row's person and case worker whole. */
	const struct list_row *row = list_current(&s->list);
	if (row) {
		char whole[LIST_CELL * 2 + 8];
		snprintf(whole, sizeof whole, "%s%s%s", row->cells[3], row->cells[2][0] ? " · " : "", row->cells[2]);
		ui_put_wrapped(win, getmaxy(win) - 2, 2, getmaxx(win) - 4, 2, 0, whole);
	}
	if (list_empty(&s->list))
		ui_put(win, 4, 2, getmaxx(win) - 4, 0, _("No visit due."));
}

static const struct screen screen_due = {
	.name = "reint_due_visits",
	.title = N_("Visits due"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_READ),
	.state_size = sizeof(struct due_screen),
	.bindings = bindings,
	.enter = due_enter,
	.draw = due_draw,
	.input = due_input,
	.action = due_action,
	.resume = due_resume,
};

enum status reint_due_visits_open(struct app *app)
{
	return app_push(app, &screen_due, NULL);
}
