/* The plans waiting for approval (managers): first submitted first, with
 * the person, the country of return and the plan's total. Enter shows the
 * case and its plan; a approves the selected plan (after a question), r
 * returns it to draft with a comment. What is approved is the plan as the
 * manager saw it here: a plan changed meanwhile is refused as a conflict. */
#include <stdio.h>
#include <string.h>

#include "core/amount_group.h"
#include "core/casenum.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/refdata.h"
#include "db/reint_plan.h"
#include "screens/reint_cases.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/list.h"

enum { ACT_OPEN = 1, ACT_APPROVE, ACT_RETURN };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Show"), N_("Show the case and its plan: items and business plan") },
	{ ACT_APPROVE, { 'a', UI_KEYCODE(KEY_F(2)), 0, 0 }, N_("Approve"),
	  N_("Approve the selected plan for its total (asks first); the approval is recorded with your name") },
	{ ACT_RETURN, { 'r', 0, 0, 0 }, N_("Return"), N_("Return the selected plan to draft with a comment") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Submitted"), 11, false },
	{ N_("Case number"), 15, false },
	{ N_("Country"), 14, false },
	{ N_("Total"), 18, false },
	{ N_("Name"), 0, true },
};

struct approvals_screen {
	struct app *app;
	struct list list;
	struct reint_plan seen;      /* the selected plan as shown */
	bool have_seen;
};

struct fill {
	struct app *app;
	struct list_row *rows;
	int n;
};

static void add_row(const struct reint_plan_row *r, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *row = &f->rows[f->n++];
	struct pdate d;
	char day[11];
	snprintf(day, sizeof day, "%.10s", r->p.submitted_at);
	if (date_from_iso(day, &d) == DATE_OK)
		date_format(&d, row->cells[0], sizeof row->cells[0]);
	if (!casenum_display(r->case_key, row->cells[1], sizeof row->cells[1]))
		snprintf(row->cells[1], sizeof row->cells[1], "%s", r->case_key);
	char name[324] = "";
	ref_name(app_db(f->app), REF_COUNTRY, r->country, lang_get(), name, sizeof name);
	text_fit(name, LIST_CELL - 1, row->cells[2], sizeof row->cells[2]);
	amount_grouped(r->p.planned, r->p.currency, row->cells[3], sizeof row->cells[3]);
	char person[2 * PERSON_NAME_MAX + 4];
	snprintf(person, sizeof person, "%s %s", r->family_name, r->given_names);
	text_fit(person, LIST_CELL - 1, row->cells[4], sizeof row->cells[4]);
	row->key.id = r->p.id;
	snprintf(row->key.text, sizeof row->key.text, "%s", r->p.submitted_at);
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct approvals_screen *s = ctx;
	struct fill f = { s->app, rows, 0 };
	enum status st = reint_plan_waiting(app_db(s->app), dir, key ? key->text : NULL, key ? key->id : 0, limit,
	                                    add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status approvals_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct approvals_screen *s = state;
	s->app = app;
	list_init(&s->list, columns, 5, fetch, s);
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
	const struct list_row *row = list_current(&s->list);
	if (!row || !s->have_seen || s->seen.id != row->key.id) {
		if (action >= ACT_OPEN && action <= ACT_RETURN)
			app_error(app, _("No plan is waiting for approval."));
		return action >= ACT_OPEN && action <= ACT_RETURN ? UI_HANDLED : UI_IGNORED;
	}
	if (action == ACT_OPEN) {
		reint_case_open(app, s->seen.case_id);
		return UI_HANDLED;
	}
	if (!perm_allows((int)app_user(app)->role, PERM_REINTEGRATION_APPROVE)) {
		app_error(app, _(status_msgid(ST_DENIED)));
		return UI_HANDLED;
	}
	if (action == ACT_RETURN) {
		reint_decision_open(app, REINT_RETURN_PLAN, s->seen.id, s->seen.version);
		return UI_HANDLED;
	}
	char total[48], question[400];
	amount_grouped(s->seen.planned, s->seen.currency, total, sizeof total);
	snprintf(question, sizeof question, _("Approve the plan of %s for %s?"), row->cells[4], total);
	if (!app_confirm(app, question))
		return UI_HANDLED;
	const char *why = NULL;
	enum status st = reint_plan_approve(app_db(app), s->seen.id, s->seen.version, NULL, &why);
	if (st == ST_OK)
		app_message(app, _("Plan approved."));
	else if (st == ST_CONFLICT)
		app_error(app, _("The plan changed since it was shown: look at it again before approving."));
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
	ui_put(win, 0, 2, cols - 4, A_BOLD, _("Plans waiting for approval, first submitted first"));
	s->list.privacy = app_privacy(app);
	list_draw(&s->list, win, 2, rows - 5);
	const struct list_row *row = list_current(&s->list);
	s->have_seen = row && reint_plan_get(app_db(app), row->key.id, &s->seen) == ST_OK;
	if (!s->have_seen) {
		ui_put(win, rows - 3, 2, cols - 4, 0, _("No plan is waiting for approval."));
		return;
	}
	char planned[48], line[900];
	amount_grouped(s->seen.planned, s->seen.currency, planned, sizeof planned);
	snprintf(line, sizeof line,
	         ngettext("%s · %s · %d item, total %s", "%s · %s · %d items, total %s", (unsigned long)s->seen.items),
	         app_privacy(app) ? "" : row->cells[4], row->cells[2], s->seen.items, planned);
	ui_put_wrapped(win, rows - 3, 2, cols - 4, 3, 0, line);
}

static const struct screen screen_approvals = {
	.name = "reint_approvals",
	.title = N_("Plans waiting for approval"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_APPROVE),
	.state_size = sizeof(struct approvals_screen),
	.bindings = bindings,
	.enter = approvals_enter,
	.draw = approvals_draw,
	.input = approvals_input,
	.action = approvals_action,
	.resume = approvals_resume,
};

enum status reint_approvals_open(struct app *app)
{
	return app_push(app, &screen_approvals, NULL);
}
