/* What was done to trace a child's family: the day, the kind, the place,
 * the outcome. The first action moves an open tracing to "in progress".
 * Kept as a draft (kind "prot_tracing_action", ref the case) when the line
 * drops. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "db/prot_child.h"
#include "screens/prot_child_forms.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

enum { F_DAY, F_KIND, F_PLACE, F_OUTCOME, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the tracing action (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_DAY] = { .label = N_("Day"), .type = FIELD_DATE, .required = true, .full_date = true, .past_only = true,
	            .name = "date" },
	[F_KIND] = { .label = N_("What was done"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	             .name = "kind" },
	[F_PLACE] = { .label = N_("Place"), .type = FIELD_TEXT, .maxlen = 120, .name = "place" },
	[F_OUTCOME] = { .label = N_("Outcome"), .type = FIELD_TEXT, .maxlen = LINEEDIT_MAX, .name = "outcome" },
};

struct action_form {
	long long case_id;
	struct prot_tracing t;
	struct field_def defs[F_COUNT];
	struct form form;
};

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct action_form *f = state;
	f->case_id = *(const long long *)arg;
	enum status st = prot_tracing_get(app_db(app), f->case_id, &f->t);
	if (st != ST_OK)
		return st;
	memcpy(f->defs, templates, sizeof f->defs);
	f->defs[F_KIND].choices = vocab_choices(VOCAB_PROT_TRACING_KIND, false, &f->defs[F_KIND].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	char today[11];
	clock_today_iso(today, sizeof today);
	form_set(&f->form, F_DAY, today);
	f->form.changed = false;
	return ST_OK;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct action_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct prot_tracing_action a;
	memset(&a, 0, sizeof a);
	a.tracing_id = f->t.id;
	form_get(&f->form, F_DAY, a.date, sizeof a.date);
	form_get(&f->form, F_KIND, a.kind, sizeof a.kind);
	form_get(&f->form, F_PLACE, a.place, sizeof a.place);
	form_get(&f->form, F_OUTCOME, a.outcome, sizeof a.outcome);
	const char *why = NULL, *field = NULL;
	enum status st = prot_tracing_action_add(app_db(app), &a, &why, &field);
	if (st != ST_OK) {
		prot_form_refused(app, &f->form, templates, F_COUNT, st, why, field);
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, _("Tracing action saved."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	ui_put_wrapped(win, 1, 2, getmaxx(win) - 4, 2, A_BOLD, _("What was done to trace the family"));
	form_draw(&((struct action_form *)state)->form, win, 4, getmaxy(win) - 4);
}

static struct form *form_of(void *state)
{
	return &((struct action_form *)state)->form;
}

static long long draft_ref(void *state)
{
	return ((struct action_form *)state)->case_id;
}

static const struct screen screen_action = {
	.name = "prot_trace_action",
	.title = N_("Tracing action"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct action_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "prot_tracing_action",
	.draft_ref = draft_ref,
};

enum status prot_trace_action_open(struct app *app, long long case_id)
{
	return app_push(app, &screen_action, &case_id);
}

enum status prot_trace_action_open_draft(struct app *app, long long ref, const char *json)
{
	return app_push_draft(app, &screen_action, &ref, json);
}
