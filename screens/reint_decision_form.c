/* A short form for one decision: closing a case (why, and the day),
 * returning a submitted plan to draft (the manager's comment), cancelling
 * a plan (why) or drafting a new plan (its currency, XOF by default). The
 * data layer's rules decide; a broken one shows beside its field. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "db/reint_case.h"
#include "db/reint_plan.h"
#include "screens/reint_cases.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Record the decision (Enter on the last field too); Esc leaves without it") },
	{ 0, { 0 }, NULL, NULL },
};

struct decision_form {
	enum reint_decision what;
	long long id;
	int version;
	struct field_def defs[2];
	int n;
	struct form form;
};

struct decision_arg {
	enum reint_decision what;
	long long id;
	int version;
};

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	(void)app;
	struct decision_form *f = state;
	const struct decision_arg *a = arg;
	f->what = a->what;
	f->id = a->id;
	f->version = a->version;
	switch (f->what) {
	case REINT_CLOSE_CASE:
		f->defs[0] = (struct field_def){ .label = N_("Why the case is closed"), .type = FIELD_CHOICE, .required = true,
		                                 .labels_are_msgids = true, .name = "close_reason" };
		f->defs[0].choices = vocab_choices(VOCAB_REINT_CLOSE_REASON, false, &f->defs[0].nchoices);
		f->defs[1] = (struct field_def){ .label = N_("Closed on"), .type = FIELD_DATE, .required = true,
		                                 .full_date = true, .past_only = true, .name = "closed_date" };
		f->n = 2;
		break;
	case REINT_RETURN_PLAN:
		f->defs[0] = (struct field_def){ .label = N_("Comment for the officer"), .type = FIELD_TEXT, .required = true,
		                                 .maxlen = 250, .name = "decision_comment" };
		f->n = 1;
		break;
	case REINT_CANCEL_PLAN:
		f->defs[0] = (struct field_def){ .label = N_("Why the plan is cancelled"), .type = FIELD_TEXT,
		                                 .required = true, .maxlen = 200, .name = "cancel_reason" };
		f->n = 1;
		break;
	case REINT_NEW_PLAN:
		f->defs[0] = (struct field_def){ .label = N_("Currency (ISO code)"), .type = FIELD_TEXT, .required = true,
		                                 .maxlen = 3, .name = "currency" };
		f->n = 1;
		break;
	}
	form_init(&f->form, f->defs, f->n);
	if (f->what == REINT_CLOSE_CASE) {
		char today[11];
		clock_today_iso(today, sizeof today);
		form_set(&f->form, 1, today);
	} else if (f->what == REINT_NEW_PLAN) {
		form_set(&f->form, 0, "XOF");
	}
	f->form.changed = false;
	return ST_OK;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct decision_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char a[1024], b[16] = "";
	form_get(&f->form, 0, a, sizeof a);
	if (f->n > 1)
		form_get(&f->form, 1, b, sizeof b);
	const char *why = NULL, *done = "";
	enum status st = ST_OK;
	struct db *db = app_db(app);
	switch (f->what) {
	case REINT_CLOSE_CASE:
		st = reint_case_close(db, f->id, &f->version, a, b, &why);
		done = _("The case is closed.");
		break;
	case REINT_RETURN_PLAN:
		st = reint_plan_return(db, f->id, f->version, a, &why);
		done = _("The plan is back to draft with your comment.");
		break;
	case REINT_CANCEL_PLAN:
		st = reint_plan_cancel(db, f->id, &f->version, a, &why);
		done = _("The plan is cancelled.");
		break;
	case REINT_NEW_PLAN:
		for (char *c = a; *c; c++)
			if (*c >= 'a' && *c <= 'z')
				*c = (char)(*c - 'a' + 'A');
		st = reint_plan_create(db, f->id, a, NULL, &why);
		done = _("Plan drafted: a adds its items.");
		break;
	}
	if (st == ST_CONFLICT) {
		app_error(app, _("Someone else changed this record meanwhile: look again, then retry."));
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		f->form.fields[f->what == REINT_CLOSE_CASE && why && strstr(why, "day") ? 1 : 0].error = why;
		app_error(app, _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, done);
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct decision_form *f = state;
	static const char *const titles[] = {
		[REINT_CLOSE_CASE] = N_("Close the reintegration case"),
		[REINT_RETURN_PLAN] = N_("Return the plan to draft, saying what to change"),
		[REINT_CANCEL_PLAN] = N_("Cancel the plan"),
		[REINT_NEW_PLAN] = N_("Draft the individual plan: its currency (XOF unless said)"),
	};
	ui_put_wrapped(win, 1, 2, getmaxx(win) - 4, 2, A_BOLD, _(titles[f->what]));
	form_draw(&f->form, win, 4, getmaxy(win) - 4);
}

static struct form *form_of(void *state)
{
	return &((struct decision_form *)state)->form;
}

static const struct screen screen_decision = {
	.name = "reint_decision_form",
	.title = N_("Reintegration case"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_WRITE) | PERM_BIT(PERM_REINTEGRATION_APPROVE),
	.state_size = sizeof(struct decision_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
};

enum status reint_decision_open(struct app *app, enum reint_decision what, long long id, int version)
{
	struct decision_arg a = { what, id, version };
	return app_push(app, &screen_decision, &a);
}
