/* Adds a visit by hand to a case or a project: counselling or monitoring
 * and its due day, or the baseline survey (one per case or project). */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "db/reint_visit.h"
#include "screens/reint_money.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

enum { F_KIND, F_DUE, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Add the visit (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_KIND] = { .label = N_("Kind of visit"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	             .name = "kind" },
	[F_DUE] = { .label = N_("Due day"), .type = FIELD_DATE, .required = true, .full_date = true, .name = "due_date" },
};

struct add_arg {
	struct reint_ref ref;
	bool baseline;
};

struct add_form {
	struct add_arg arg;
	struct field_def defs[F_COUNT];
	struct form form;
};

static enum status add_enter(struct app *app, void *state, const void *arg)
{
	(void)app;
	struct add_form *f = state;
	f->arg = *(const struct add_arg *)arg;
	memcpy(f->defs, templates, sizeof f->defs);
	int n;
	const struct choice *c = vocab_choices(VOCAB_REINT_VISIT_KIND, false, &n);
	/* The baseline is the first of the list: its own key (b) adds it. */
	f->defs[F_KIND].choices = f->arg.baseline ? c : c + 1;
	f->defs[F_KIND].nchoices = f->arg.baseline ? 1 : n - 1;
	form_init(&f->form, f->defs, F_COUNT);
	form_set(&f->form, F_KIND, f->arg.baseline ? "baseline" : "counselling");
	char today[11];
	clock_today_iso(today, sizeof today);
	form_set(&f->form, F_DUE, today);
	f->form.cur = f->arg.baseline ? F_DUE : F_KIND;
	f->form.changed = false;
	return ST_OK;
}

static enum ui_result add_submit(struct app *app, void *state)
{
	struct add_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char kind[16], due[11];
	form_get(&f->form, F_KIND, kind, sizeof kind);
	form_get(&f->form, F_DUE, due, sizeof due);
	const char *why = NULL, *field = NULL;
	long long id;
	enum status st = reint_visit_add(app_db(app), f->arg.ref, kind, due, &id, &why, &field);
	if (st != ST_OK) {
		for (int i = 0; field && i < F_COUNT; i++)
			if (strcmp(templates[i].name, field) == 0) {
				f->form.fields[i].error = why;
				f->form.cur = i;
			}
		app_error(app, _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, _("Visit added."));
	return UI_LEAVE;
}

static void add_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct add_form *f = state;
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, f->arg.baseline ? _("Baseline survey") : _("New visit"));
	form_draw(&f->form, win, 3, getmaxy(win) - 3);
}

static struct form *form_of(void *state)
{
	return &((struct add_form *)state)->form;
}

static const struct screen screen_visit_add = {
	.name = "reint_visit_add",
	.title = N_("New visit"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_WRITE),
	.state_size = sizeof(struct add_form),
	.bindings = bindings,
	.enter = add_enter,
	.draw = add_draw,
	.form = form_of,
	.submit = add_submit,
};

enum status reint_visit_add_open(struct app *app, struct reint_ref ref, const char *kind)
{
	struct add_arg a = { ref, kind && strcmp(kind, "baseline") == 0 };
	return app_push(app, &screen_visit_add, &a);
}
