/* The request of an assisted voluntary return: the day, the country of
 * destination (the person's nationality proposed), the town or region, the
 * centre. The data layer decides; its message shows beside its field. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "db/prot_return.h"
#include "db/refdata.h"
#include "screens/prot_return_forms.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"

enum { F_DAY, F_COUNTRY, F_DEST, F_CENTRE, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Record the request (Enter on the last field too); the country proposed is the person's nationality") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_DAY] = { .label = N_("Day of the request"), .type = FIELD_DATE, .required = true, .full_date = true,
	            .past_only = true, .name = "requested_date" },
	[F_COUNTRY] = { .label = N_("Country of destination"), .type = FIELD_CHOICE, .required = true, .name = "country" },
	[F_DEST] = { .label = N_("Town or region"), .type = FIELD_TEXT, .maxlen = PROT_RETURN_DEST_MAX,
	             .name = "destination" },
	[F_CENTRE] = { .label = N_("Centre"), .type = FIELD_CHOICE, .required = true, .name = "centre_code" },
};

static const char *const names[F_COUNT] = { "requested_date", "country", "destination", "centre_code" };

struct request_form {
	struct prot_return r;
	struct field_def defs[F_COUNT];
	struct ref_choices *countries, *centres;
	struct form form;
};

/* arg: the return's id, or minus the person's for a new request. */
static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct request_form *f = state;
	long long ref = *(const long long *)arg;
	enum status st;
	if (ref > 0) {
		st = prot_return_get(app_db(app), ref, &f->r);
	} else {
		const char *why = NULL;
		st = prot_return_propose(app_db(app), -ref, app_user(app)->centre_code, NULL, &f->r, &why);
		if (st != ST_OK) {
			app_error(app, _(why ? why : status_msgid(st)));
			return st;
		}
	}
	if (st != ST_OK)
		return st;
	memcpy(f->defs, templates, sizeof f->defs);
	f->countries = ref_choices_load(app_db(app), REF_COUNTRY, lang_get(), 0);
	f->centres = ref_choices_load(app_db(app), REF_CENTRE, lang_get(), 0);
	if (!f->countries || !f->centres)
		return ST_INTERNAL;
	f->defs[F_COUNTRY].choices = f->countries->items;
	f->defs[F_COUNTRY].nchoices = f->countries->n;
	f->defs[F_CENTRE].choices = f->centres->items;
	f->defs[F_CENTRE].nchoices = f->centres->n;
	form_init(&f->form, f->defs, F_COUNT);
	form_set(&f->form, F_DAY, f->r.requested_date);
	form_set(&f->form, F_COUNTRY, f->r.country);
	form_set(&f->form, F_DEST, f->r.destination);
	form_set(&f->form, F_CENTRE, f->r.centre_code);
	f->form.changed = false;
	return ST_OK;
}

static void form_leave(struct app *app, void *state)
{
	(void)app;
	struct request_form *f = state;
	ref_choices_free(&f->countries);
	ref_choices_free(&f->centres);
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct request_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct prot_return r = f->r;
	form_get(&f->form, F_DAY, r.requested_date, sizeof r.requested_date);
	form_get(&f->form, F_COUNTRY, r.country, sizeof r.country);
	form_get(&f->form, F_DEST, r.destination, sizeof r.destination);
	form_get(&f->form, F_CENTRE, r.centre_code, sizeof r.centre_code);
	const char *why = NULL, *field = NULL;
	bool is_new = r.id == 0;
	enum status st = prot_return_save(app_db(app), &r, &why, &field);
	if (st == ST_INVALID || (st == ST_DUPLICATE && why)) {
		for (int i = 0; field && i < F_COUNT; i++)
			if (strcmp(names[i], field) == 0) {
				f->form.fields[i].error = why;
				f->form.cur = i;
			}
		app_error(app, _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this return meanwhile: open it again.")
		                                 : _(status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, is_new ? _("Return request recorded.") : _("Changes saved."));
	if (is_new) {
		prot_return_screen_instead(app, r.id);
		return UI_HANDLED;
	}
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct request_form *f = state;
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, f->r.id ? _("Return request") : _("New return request"));
	form_draw(&f->form, win, 3, getmaxy(win) - 3);
}

static struct form *form_of(void *state)
{
	return &((struct request_form *)state)->form;
}

static long long draft_ref(void *state)
{
	struct request_form *f = state;
	return f->r.id ? f->r.id : -f->r.person_id;
}

static const struct screen screen_request = {
	.name = "prot_return_form",
	.title = N_("Assisted voluntary return"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct request_form),
	.bindings = bindings,
	.enter = form_enter,
	.leave = form_leave,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "prot_return",
	.draft_ref = draft_ref,
};

enum status prot_return_form_open(struct app *app, long long ref)
{
	return app_push(app, &screen_request, &ref);
}

enum status prot_return_form_draft(struct app *app, long long ref, const char *json)
{
	return app_push_draft(app, &screen_request, &ref, json);
}
