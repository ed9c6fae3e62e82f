/* An interim care arrangement of a child: the kind, the place, the carer,
 * the start and end days, notes. A new one ends the current one on the day
 * it starts (the data layer does it). Kept as a draft (kind "prot_care",
 * ref the case, or "prot_care_edit") when the line drops. */
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

enum { F_KIND, F_PLACE, F_CARER, F_START, F_END, F_NOTES, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the care arrangement (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_KIND] = { .label = N_("Kind of care"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	             .name = "kind" },
	[F_PLACE] = { .label = N_("Place"), .type = FIELD_TEXT, .maxlen = 120, .name = "place" },
	[F_CARER] = { .label = N_("Carer"), .type = FIELD_TEXT, .maxlen = 120, .name = "carer" },
	[F_START] = { .label = N_("From"), .type = FIELD_DATE, .required = true, .full_date = true, .past_only = true,
	              .name = "start_date" },
	[F_END] = { .label = N_("Until"), .type = FIELD_DATE, .full_date = true, .name = "end_date" },
	[F_NOTES] = { .label = N_("Notes"), .type = FIELD_TEXT, .maxlen = LINEEDIT_MAX, .name = "notes" },
};

struct care_form {
	long long case_id;
	bool edit;
	struct prot_care c;
	struct field_def defs[F_COUNT];
	struct form form;
};

struct care_arg {
	long long case_id;
	bool edit;
};

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct care_form *f = state;
	const struct care_arg *a = arg;
	f->case_id = a->case_id;
	f->edit = a->edit;
	memset(&f->c, 0, sizeof f->c);
	if (f->edit) {
		enum status st = prot_care_current(app_db(app), f->case_id, &f->c);
		if (st != ST_OK)
			return st;
	}
	memcpy(f->defs, templates, sizeof f->defs);
	f->defs[F_KIND].choices = vocab_choices(VOCAB_PROT_CARE_KIND, false, &f->defs[F_KIND].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	if (f->edit) {
		form_set(&f->form, F_KIND, f->c.kind);
		form_set(&f->form, F_PLACE, f->c.place);
		form_set(&f->form, F_CARER, f->c.carer);
		form_set(&f->form, F_START, f->c.start_date);
		form_set(&f->form, F_END, f->c.end_date);
		form_set(&f->form, F_NOTES, f->c.notes);
	} else {
		char today[11];
		clock_today_iso(today, sizeof today);
		form_set(&f->form, F_START, today);
	}
	f->form.changed = false;
	return ST_OK;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct care_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct prot_care c = f->c;
	c.case_id = f->case_id;
	form_get(&f->form, F_KIND, c.kind, sizeof c.kind);
	form_get(&f->form, F_PLACE, c.place, sizeof c.place);
	form_get(&f->form, F_CARER, c.carer, sizeof c.carer);
	form_get(&f->form, F_START, c.start_date, sizeof c.start_date);
	form_get(&f->form, F_END, c.end_date, sizeof c.end_date);
	form_get(&f->form, F_NOTES, c.notes, sizeof c.notes);
	const char *why = NULL, *field = NULL;
	enum status st = f->edit ? prot_care_edit(app_db(app), &c, &why, &field)
	                         : prot_care_add(app_db(app), &c, &why, &field);
	if (st != ST_OK) {
		prot_form_refused(app, &f->form, templates, F_COUNT, st, why, field);
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, _("Care arrangement saved."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct care_form *f = state;
	ui_put_wrapped(win, 1, 2, getmaxx(win) - 4, 2, A_BOLD,
	               f->edit ? _("Change the current care arrangement")
	                       : _("A new care arrangement (the current one ends the day it starts)"));
	form_draw(&f->form, win, 4, getmaxy(win) - 4);
}

static struct form *form_of(void *state)
{
	return &((struct care_form *)state)->form;
}

static long long draft_ref(void *state)
{
	return ((struct care_form *)state)->case_id;
}

static const struct screen screen_care = {
	.name = "prot_care_form",
	.title = N_("Interim care"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct care_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "prot_care",
	.draft_ref = draft_ref,
};

static const struct screen screen_care_edit = {
	.name = "prot_care_edit",
	.title = N_("Interim care"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct care_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "prot_care_edit",
	.draft_ref = draft_ref,
};

enum status prot_care_form_open(struct app *app, long long case_id, bool edit)
{
	struct care_arg a = { case_id, edit };
	return app_push(app, edit ? &screen_care_edit : &screen_care, &a);
}

enum status prot_care_form_open_draft(struct app *app, long long ref, const char *json)
{
	struct care_arg a = { ref, false };
	return app_push_draft(app, &screen_care, &a, json);
}

enum status prot_care_edit_open_draft(struct app *app, long long ref, const char *json)
{
	struct care_arg a = { ref, true };
	return app_push_draft(app, &screen_care_edit, &a, json);
}
