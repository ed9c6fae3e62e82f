/* The form of an action of a protection case (what, due day, who does
 * it), and the short form marking it done (day, outcome). The data
 * layer's rules decide; a broken one shows beside its field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "db/prot_case.h"
#include "db/user.h"
#include "prot_case_private.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"

enum { F_TEXT, F_DUE, F_WHO, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the action (Enter on the last field too); Esc leaves, the form is kept as a draft") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_TEXT] = { .label = N_("Action"), .type = FIELD_TEXT, .required = true, .maxlen = PROT_ACTION_TEXT_MAX,
	             .name = "description" },
	[F_DUE] = { .label = N_("Due on"), .type = FIELD_DATE, .full_date = true, .name = "due_date" },
	[F_WHO] = { .label = N_("Assigned to"), .type = FIELD_CHOICE, .name = "assigned_id" },
};

static const char *const names[F_COUNT] = { "description", "due_date", "assigned_id" };

struct worker_text {
	char value[24];
	char name[324];
};

struct action_form {
	struct prot_action a;
	struct field_def defs[F_COUNT];
	struct worker_text *workers;
	struct choice *choices;
	int nworkers, cap;
	struct form form;
};

static void keep_worker(long long id, const char *name, void *ctx)
{
	struct action_form *f = ctx;
	if (f->nworkers == f->cap) {
		int cap = f->cap ? f->cap * 2 : 16;
		struct worker_text *w = realloc(f->workers, (size_t)cap * sizeof *w);
		if (!w)
			return;
		f->workers = w;
		f->cap = cap;
	}
	struct worker_text *w = &f->workers[f->nworkers++];
	snprintf(w->value, sizeof w->value, "%lld", id);
	snprintf(w->name, sizeof w->name, "%s", name);
}

/* arg: the action's id, or minus its case for a new one. */
static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct action_form *f = state;
	long long ref = *(const long long *)arg;
	enum status st = ST_OK;
	if (ref > 0) {
		st = prot_action_get(app_db(app), ref, &f->a);
	} else {
		const struct user *u = app_user(app);
		prot_action_init(&f->a, -ref, u->role == ROLE_PROTECTION ? u->id : 0);
	}
	if (st != ST_OK)
		return st;
	memcpy(f->defs, templates, sizeof f->defs);
	keep_worker(0, "-", f);
	if ((st = prot_worker_each(app_db(app), f->a.assigned_id, keep_worker, f)) != ST_OK)
		return st;
	f->choices = calloc((size_t)f->nworkers, sizeof *f->choices);
	if (!f->choices)
		return ST_NOMEM;
	f->workers[0].value[0] = '\0';
	for (int i = 0; i < f->nworkers; i++)
		f->choices[i] = (struct choice){ f->workers[i].value, f->workers[i].name, NULL };
	f->defs[F_WHO].choices = f->choices;
	f->defs[F_WHO].nchoices = f->nworkers;
	form_init(&f->form, f->defs, F_COUNT);
	form_set(&f->form, F_TEXT, f->a.description);
	form_set(&f->form, F_DUE, f->a.due_date);
	char v[24] = "";
	if (f->a.assigned_id)
		snprintf(v, sizeof v, "%lld", f->a.assigned_id);
	form_set(&f->form, F_WHO, v);
	f->form.changed = false;
	return ST_OK;
}

static void form_leave(struct app *app, void *state)
{
	(void)app;
	struct action_form *f = state;
	free(f->workers);
	free(f->choices);
	f->workers = NULL;
	f->choices = NULL;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct action_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct prot_action a = f->a;
	char v[24];
	form_get(&f->form, F_TEXT, a.description, sizeof a.description);
	form_get(&f->form, F_DUE, a.due_date, sizeof a.due_date);
	form_get(&f->form, F_WHO, v, sizeof v);
	a.assigned_id = v[0] ? strtoll(v, NULL, 10) : 0;
	const char *why = NULL, *field = NULL;
	bool is_new = a.id == 0;
	enum status st = prot_action_check(app_db(app), &a, &why, &field);
	if (st == ST_OK)
		st = prot_action_save(app_db(app), &a, &why, &field);
	if (st == ST_INVALID) {
		for (int i = 0; field && i < F_COUNT; i++)
			if (strcmp(names[i], field) == 0) {
				f->form.fields[i].error = why;
				f->form.cur = i;
			}
		app_error(app, _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this action meanwhile: open it again.")
		                                 : _(status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, is_new ? _("Action added.") : _("Changes saved."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct action_form *f = state;
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, f->a.id ? _("Action of the protection case")
	                                                    : _("New action of the protection case"));
	form_draw(&f->form, win, 3, getmaxy(win) - 3);
}

static struct form *form_of(void *state)
{
	return &((struct action_form *)state)->form;
}

static long long draft_ref(void *state)
{
	struct action_form *f = state;
	return f->a.id ? f->a.id : -f->a.case_id;
}

static const struct screen screen_action_form = {
	.name = "prot_action_form",
	.title = N_("Protection action"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct action_form),
	.bindings = bindings,
	.enter = form_enter,
	.leave = form_leave,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "prot_action",
	.draft_ref = draft_ref,
};

enum status prot_action_form_open(struct app *app, long long id, long long case_id)
{
	long long ref = id ? id : -case_id;
	return app_push(app, &screen_action_form, &ref);
}

enum status prot_action_open_draft(struct app *app, long long ref, const char *json)
{
	return app_push_draft(app, &screen_action_form, &ref, json);
}

/* ---- done ---- */

enum { D_DAY, D_OUTCOME, D_COUNT };

static const struct binding done_bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Mark the action done (Enter on the last field too); Esc leaves without it") },
	{ 0, { 0 }, NULL, NULL },
};

struct done_form {
	long long id;
	int version;
	struct field_def defs[D_COUNT];
	struct form form;
};

struct done_arg {
	long long id;
	int version;
};

static enum status done_enter(struct app *app, void *state, const void *arg)
{
	(void)app;
	struct done_form *f = state;
	const struct done_arg *a = arg;
	f->id = a->id;
	f->version = a->version;
	f->defs[D_DAY] = (struct field_def){ .label = N_("Done on"), .type = FIELD_DATE, .required = true,
	                                     .full_date = true, .past_only = true, .name = "done_date" };
	f->defs[D_OUTCOME] = (struct field_def){ .label = N_("Outcome"), .type = FIELD_TEXT, .maxlen = 250,
	                                         .name = "outcome" };
	form_init(&f->form, f->defs, D_COUNT);
	char today[11];
	clock_today_iso(today, sizeof today);
	form_set(&f->form, D_DAY, today);
	f->form.changed = false;
	return ST_OK;
}

static enum ui_result done_submit(struct app *app, void *state)
{
	struct done_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char day[16], outcome[PROT_OUTCOME_MAX * 4 + 4];
	form_get(&f->form, D_DAY, day, sizeof day);
	form_get(&f->form, D_OUTCOME, outcome, sizeof outcome);
	const char *why = NULL;
	enum status st = prot_action_finish(app_db(app), f->id, &f->version, true, day, outcome, &why);
	if (st != ST_OK) {
		app_error(app, why ? _(why)
		                   : st == ST_CONFLICT ? _("Someone else changed this action meanwhile: open it again.")
		                                       : _(status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, _("The action is done."));
	return UI_LEAVE;
}

static void done_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct done_form *f = state;
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, _("Mark the action done"));
	form_draw(&f->form, win, 3, getmaxy(win) - 3);
}

static struct form *done_form_of(void *state)
{
	return &((struct done_form *)state)->form;
}

static const struct screen screen_done = {
	.name = "prot_action_done",
	.title = N_("Action done"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct done_form),
	.bindings = done_bindings,
	.enter = done_enter,
	.draw = done_draw,
	.form = done_form_of,
	.submit = done_submit,
};

enum status prot_action_done_open(struct app *app, long long id, int version)
{
	struct done_arg a = { id, version };
	return app_push(app, &screen_done, &a);
}
