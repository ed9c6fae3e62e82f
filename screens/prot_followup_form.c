/* A follow-up visit of a child after the reunification: the day, how the
 * child was seen, how the child is, notes; a new one or a change. Kept as a
 * draft (kind "prot_followup", ref the case, or "prot_followup_edit", ref
 * the visit) when the line drops. */
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

enum { F_DAY, F_MODE, F_WELLBEING, F_NOTES, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the follow-up visit (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_DAY] = { .label = N_("Day of the visit"), .type = FIELD_DATE, .required = true, .full_date = true,
	            .past_only = true, .name = "date" },
	[F_MODE] = { .label = N_("How"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	             .name = "mode" },
	[F_WELLBEING] = { .label = N_("How the child is"), .type = FIELD_CHOICE, .required = true,
	                  .labels_are_msgids = true, .name = "wellbeing" },
	[F_NOTES] = { .label = N_("Notes"), .type = FIELD_TEXT, .maxlen = LINEEDIT_MAX, .name = "notes" },
};

struct followup_form {
	long long case_id;
	struct prot_followup v;       /* v.id 0 for a new one */
	struct field_def defs[F_COUNT];
	struct form form;
};

struct followup_arg {
	long long case_id;
	long long id;
};

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct followup_form *f = state;
	const struct followup_arg *a = arg;
	memset(&f->v, 0, sizeof f->v);
	if (a->id) {
		enum status st = prot_followup_get(app_db(app), a->id, &f->v);
		if (st != ST_OK)
			return st;
	}
	f->case_id = a->id ? f->v.case_id : a->case_id;
	memcpy(f->defs, templates, sizeof f->defs);
	f->defs[F_MODE].choices = vocab_choices(VOCAB_PROT_FOLLOWUP_MODE, false, &f->defs[F_MODE].nchoices);
	f->defs[F_WELLBEING].choices = vocab_choices(VOCAB_PROT_WELLBEING, false, &f->defs[F_WELLBEING].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	if (a->id) {
		form_set(&f->form, F_DAY, f->v.date);
		form_set(&f->form, F_MODE, f->v.mode);
		form_set(&f->form, F_WELLBEING, f->v.wellbeing);
		form_set(&f->form, F_NOTES, f->v.notes);
	} else {
		char today[11];
		clock_today_iso(today, sizeof today);
		form_set(&f->form, F_DAY, today);
	}
	f->form.changed = false;
	return ST_OK;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct followup_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct prot_followup v = f->v;
	v.case_id = f->case_id;
	form_get(&f->form, F_DAY, v.date, sizeof v.date);
	form_get(&f->form, F_MODE, v.mode, sizeof v.mode);
	form_get(&f->form, F_WELLBEING, v.wellbeing, sizeof v.wellbeing);
	form_get(&f->form, F_NOTES, v.notes, sizeof v.notes);
	const char *why = NULL, *field = NULL;
	enum status st = v.id ? prot_followup_edit(app_db(app), &v, &why, &field)
	                      : prot_followup_add(app_db(app), &v, &why, &field);
	if (st != ST_OK) {
		prot_form_refused(app, &f->form, templates, F_COUNT, st, why, field);
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, _("Follow-up visit saved."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct followup_form *f = state;
	ui_put_wrapped(win, 1, 2, getmaxx(win) - 4, 2, A_BOLD,
	               f->v.id ? _("Change the follow-up visit") : _("A follow-up visit after the reunification"));
	form_draw(&f->form, win, 4, getmaxy(win) - 4);
}

static struct form *form_of(void *state)
{
	return &((struct followup_form *)state)->form;
}

static long long draft_ref(void *state)
{
	struct followup_form *f = state;
	return f->v.id ? f->v.id : f->case_id;
}

static const struct screen screen_new = {
	.name = "prot_followup_form",
	.title = N_("Follow-up visit"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct followup_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "prot_followup",
	.draft_ref = draft_ref,
};

static const struct screen screen_edit = {
	.name = "prot_followup_edit",
	.title = N_("Follow-up visit"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct followup_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "prot_followup_edit",
	.draft_ref = draft_ref,
};

enum status prot_followup_form_open(struct app *app, long long case_id, long long followup_id)
{
	struct followup_arg a = { case_id, followup_id };
	return app_push(app, followup_id ? &screen_edit : &screen_new, &a);
}

enum status prot_followup_form_open_draft(struct app *app, long long ref, const char *json)
{
	struct followup_arg a = { ref, 0 };
	return app_push_draft(app, &screen_new, &a, json);
}

enum status prot_followup_edit_open_draft(struct app *app, long long ref, const char *json)
{
	struct followup_arg a = { 0, ref };
	return app_push_draft(app, &screen_edit, &a, json);
}
