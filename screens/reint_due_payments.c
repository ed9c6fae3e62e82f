/* The payments planned this month at the user's centre, and those planned
 * before and not paid (! overdue): planned day, amount with its currency,
 * case worker, person or project. Enter opens the grant or budget. */
#include <stdio.h>
#include <string.h>

#include "core/amount_group.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/reint_money.h"
#include "screens/reint_money.h"
#include "screens/reint_payments.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/list.h"

enum { ACT_OPEN = 1 };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Payments"), N_("Open the tranches and payments of the selected plan or project") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Planned"), 13, false },
	{ N_("Amount"), 20, false },
	{ N_("Case worker"), 16, false },
	{ N_("Person or project"), 0, true },
};

struct due_screen {
	struct app *app;
	struct list list;
};

struct fill {
	struct list_row *rows;
	int n;
};

static void add_row(const struct reint_due_payment *d, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	struct pdate day;
	char when[16] = "";
	if (date_from_iso(d->planned_date, &day) == DATE_OK)
		date_format(&day, when, sizeof when);
	snprintf(r->cells[0], sizeof r->cells[0], "%s%s", d->overdue ? "! " : "  ", when);
	amount_grouped(d->amount, d->currency, r->cells[1], sizeof r->cells[1]);
	text_fit(d->caseworker, LIST_CELL - 1, r->cells[2], sizeof r->cells[2]);
	text_fit(d->person, LIST_CELL - 1, r->cells[3], sizeof r->cells[3]);
	snprintf(r->key.text, sizeof r->key.text, "%s", d->planned_date);
	r->key.id = d->tranche_id;
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct due_screen *s = ctx;
	struct fill f = { rows, 0 };
	struct reint_due_payment k;
	memset(&k, 0, sizeof k);
	if (key) {
		snprintf(k.planned_date, sizeof k.planned_date, "%.10s", key->text);
		k.tranche_id = key->id;
	}
	enum status st = reint_payments_due(app_db(s->app), app_user(s->app)->centre_code, dir, key ? &k : NULL, limit,
	                                    add_row, &f, more);
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
	if (action != ACT_OPEN)
		return UI_IGNORED;
	const struct list_row *row = list_current(&s->list);
	struct reint_ref owner;
	if (row && reint_tranche_owner(app_db(app), row->key.id, &owner) == ST_OK)
		reint_payments_open(app, owner);
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
	snprintf(line, sizeof line, _("Payments planned this month at %s, and overdue (!)"), app_user(app)->centre_code);
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
		ui_put(win, 4, 2, getmaxx(win) - 4, 0, _("No payment planned this month."));
}

static const struct screen screen_due = {
	.name = "reint_due_payments",
	.title = N_("Payments planned this month"),
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

enum status reint_due_payments_open(struct app *app)
{
	return app_push(app, &screen_due, NULL);
}
