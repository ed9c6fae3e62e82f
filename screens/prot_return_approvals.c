/* The returns waiting for a manager's approval (counselled), first
 * requested first. Enter opens the return; a approves the selected one
 * after a question. A child without an approved best-interests
 * determination is refused with the data layer's message. Names are
 * masked in privacy mode but on the selected row. */
#include <stdio.h>
#include <string.h>

#include "core/casenum.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/prot_return.h"
#include "db/refdata.h"
#include "screens/prot_return_forms.h"
#include "screens/prot_returns.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/list.h"

enum { ACT_OPEN = 1, ACT_APPROVE };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Show"), N_("Show the selected return: counselling, documents, fitness") },
	{ ACT_APPROVE, { 'a', UI_KEYCODE(KEY_F(2)), 0, 0 }, N_("Approve"),
	  N_("Approve the selected return (asks first); the approval is recorded with your name. A child needs an "
	     "approved best-interests determination first") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Counselled"), 11, false },
	{ N_("Case number"), 15, false },
	{ N_("Destination"), 16, false },
	{ N_("Name"), 0, true },
};

struct approvals_screen {
	struct app *app;
	struct list list;
};

struct fill {
	struct app *app;
	struct list_row *rows;
	int n;
};

static void add_row(const struct prot_return_row *r, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *row = &f->rows[f->n++];
	struct pdate d;
	if (date_from_iso(r->r.counselled_date, &d) == DATE_OK)
		date_format(&d, row->cells[0], sizeof row->cells[0]);
	if (!casenum_display(r->case_key, row->cells[1], sizeof row->cells[1]))
		snprintf(row->cells[1], sizeof row->cells[1], "%s", r->case_key);
	char name[324] = "";
	ref_name(app_db(f->app), REF_COUNTRY, r->r.country, lang_get(), name, sizeof name);
	text_fit(name, LIST_CELL - 1, row->cells[2], sizeof row->cells[2]);
	char person[2 * PERSON_NAME_MAX + 4];
	snprintf(person, sizeof person, "%s %s", r->family_name, r->given_names);
	text_fit(person, LIST_CELL - 1, row->cells[3], sizeof row->cells[3]);
	row->key.id = r->r.id;
	snprintf(row->key.text, sizeof row->key.text, "%s", r->r.requested_date);
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct approvals_screen *s = ctx;
	struct fill f = { s->app, rows, 0 };
	enum status st = prot_return_list(app_db(s->app), "counselled", dir, key ? key->text : NULL, key ? key->id : 0,
	                                  limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status approvals_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct approvals_screen *s = state;
	s->app = app;
	list_init(&s->list, columns, 4, fetch, s);
	return ST_OK;
}

static enum ui_result approvals_input(struct app *app, void *state, int key)
{
	(void)app;
	struct approvals_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result approvals_action(struct app *app, void *state, int action)
{
	struct approvals_screen *s = state;
	if (action != ACT_OPEN && action != ACT_APPROVE)
		return UI_IGNORED;
	const struct list_row *row = list_current(&s->list);
	if (!row) {
		app_error(app, _("No return is waiting for approval."));
		return UI_HANDLED;
	}
	long long id = row->key.id;
	if (action == ACT_OPEN) {
		prot_return_screen_open(app, id);
		return UI_HANDLED;
	}
	if (!perm_allows((int)app_user(app)->role, PERM_PROTECTION_APPROVE)) {
		app_error(app, _(status_msgid(ST_DENIED)));
		return UI_HANDLED;
	}
	char question[600];
	snprintf(question, sizeof question, _("Approve the return of %s to %s?"), row->cells[3], row->cells[2]);
	if (!app_confirm(app, question))
		return UI_HANDLED;
	struct prot_return r;
	const char *why = NULL;
	enum status st = prot_return_get(app_db(app), id, &r);
	if (st == ST_OK)
		st = prot_return_approve(app_db(app), id, &r.version, &why);
	if (st == ST_OK)
		app_message(app, _("Return approved."));
	else if (st == ST_CONFLICT)
		app_error(app, _("Someone else changed this return meanwhile: open it again."));
	else
		app_error(app, _(why ? why : status_msgid(st)));
	list_refresh(&s->list);
	return UI_HANDLED;
}

static void approvals_resume(struct app *app, void *state)
{
	(void)app;
	list_refresh(&((struct approvals_screen *)state)->list);
}

static void approvals_draw(struct app *app, void *state, WINDOW *win)
{
	struct approvals_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	ui_put_wrapped(win, 0, 2, cols - 4, 2, A_BOLD, _("Returns waiting for approval, first requested first"));
	s->list.privacy = app_privacy(app);
	list_draw(&s->list, win, 2, rows - 5);
	if (list_empty(&s->list)) {
		ui_put(win, 4, 2, cols - 4, 0, _("No return is waiting for approval."));
		return;
	}
	char whole[LIST_MAX_COLS * LIST_CELL];
	list_current_whole(&s->list, app_privacy(app), whole, sizeof whole);
	ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0, whole);
}

static const struct screen screen_approvals = {
	.name = "prot_return_approvals",
	.title = N_("Returns waiting for approval"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct approvals_screen),
	.bindings = bindings,
	.enter = approvals_enter,
	.draw = approvals_draw,
	.input = approvals_input,
	.action = approvals_action,
	.resume = approvals_resume,
};

enum status prot_return_approvals_open(struct app *app)
{
	return app_push(app, &screen_approvals, NULL);
}
