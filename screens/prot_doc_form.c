/* A travel document of an assisted return: its kind (passport,
 * laissez-passer, consular card), the consulate it is asked from (country
 * and place), the days of the request and the interview, its state, and
 * once issued its number, day of issue and expiry; when refused, why. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "db/prot_return.h"
#include "db/refdata.h"
#include "screens/prot_return_forms.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"
#include "ui/vocab_choices.h"

enum { F_KIND, F_COUNTRY, F_PLACE, F_REQUESTED, F_INTERVIEW, F_STATUS, F_NUMBER, F_ISSUED, F_EXPIRY, F_REASON,
       F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the document (Enter on the last field too). A number, day of issue and expiry go with an "
	     "issued document; a reason with a refused one") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_KIND] = { .label = N_("Document"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	             .name = "kind" },
	[F_COUNTRY] = { .label = N_("Consulate of"), .type = FIELD_CHOICE, .required = true,
	                .name = "consulate_country" },
	[F_PLACE] = { .label = N_("Consulate at"), .type = FIELD_TEXT, .maxlen = 80, .name = "consulate_place" },
	[F_REQUESTED] = { .label = N_("Requested on"), .type = FIELD_DATE, .required = true, .full_date = true,
	                  .past_only = true, .name = "requested_date" },
	[F_INTERVIEW] = { .label = N_("Interview on"), .type = FIELD_DATE, .full_date = true, .name = "interview_date" },
	[F_STATUS] = { .label = N_("State"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	               .name = "status" },
	[F_NUMBER] = { .label = N_("Number"), .type = FIELD_TEXT, .maxlen = 40, .name = "number" },
	[F_ISSUED] = { .label = N_("Issued on"), .type = FIELD_DATE, .full_date = true, .past_only = true,
	               .name = "issued_date" },
	[F_EXPIRY] = { .label = N_("Expires on"), .type = FIELD_DATE, .full_date = true, .name = "expiry_date" },
	[F_REASON] = { .label = N_("Reason of refusal"), .type = FIELD_TEXT, .maxlen = 250, .name = "refusal_reason" },
};

struct doc_form {
	struct prot_travel_doc d;
	struct field_def defs[F_COUNT];
	struct ref_choices *countries;
	struct form form;
};

/* arg: the document's id, or minus its return's for a new one. */
static enum status doc_enter(struct app *app, void *state, const void *arg)
{
	struct doc_form *f = state;
	long long ref = *(const long long *)arg;
	struct prot_return r;
	enum status st = ST_OK;
	memset(&f->d, 0, sizeof f->d);
	if (ref > 0 && (st = prot_doc_get(app_db(app), ref, &f->d)) != ST_OK)
		return st;
	if ((st = prot_return_get(app_db(app), ref > 0 ? f->d.return_id : -ref, &r)) != ST_OK)
		return st;
	if (ref < 0) {
		f->d.return_id = r.id;
		snprintf(f->d.kind, sizeof f->d.kind, "laissez_passer");
		snprintf(f->d.consulate_country, sizeof f->d.consulate_country, "%s", r.country);
		clock_today_iso(f->d.requested_date, sizeof f->d.requested_date);
		snprintf(f->d.status, sizeof f->d.status, "requested");
	}
	memcpy(f->defs, templates, sizeof f->defs);
	f->countries = ref_choices_load(app_db(app), REF_COUNTRY, lang_get(), 0);
	if (!f->countries)
		return ST_INTERNAL;
	f->defs[F_COUNTRY].choices = f->countries->items;
	f->defs[F_COUNTRY].nchoices = f->countries->n;
	f->defs[F_KIND].choices = vocab_choices(VOCAB_PROT_DOC_KIND, false, &f->defs[F_KIND].nchoices);
	f->defs[F_STATUS].choices = vocab_choices(VOCAB_PROT_DOC_STATUS, false, &f->defs[F_STATUS].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	const struct prot_travel_doc *d = &f->d;
	form_set(&f->form, F_KIND, d->kind);
	form_set(&f->form, F_COUNTRY, d->consulate_country);
	form_set(&f->form, F_PLACE, d->consulate_place);
	form_set(&f->form, F_REQUESTED, d->requested_date);
	form_set(&f->form, F_INTERVIEW, d->interview_date);
	form_set(&f->form, F_STATUS, d->status);
	form_set(&f->form, F_NUMBER, d->number);
	form_set(&f->form, F_ISSUED, d->issued_date);
	form_set(&f->form, F_EXPIRY, d->expiry_date);
	form_set(&f->form, F_REASON, d->refusal_reason);
	f->form.changed = false;
	return ST_OK;
}

static void doc_leave(struct app *app, void *state)
{
	(void)app;
	ref_choices_free(&((struct doc_form *)state)->countries);
}

static const char *const names[F_COUNT] = {
	"kind", "consulate_country", "consulate_place", "requested_date", "interview_date", "status", "number",
	"issued_date", "expiry_date", "refusal_reason",
};

static enum ui_result doc_submit(struct app *app, void *state)
{
	struct doc_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct prot_travel_doc d = f->d;
	form_get(&f->form, F_KIND, d.kind, sizeof d.kind);
	form_get(&f->form, F_COUNTRY, d.consulate_country, sizeof d.consulate_country);
	form_get(&f->form, F_PLACE, d.consulate_place, sizeof d.consulate_place);
	form_get(&f->form, F_REQUESTED, d.requested_date, sizeof d.requested_date);
	form_get(&f->form, F_INTERVIEW, d.interview_date, sizeof d.interview_date);
	form_get(&f->form, F_STATUS, d.status, sizeof d.status);
	form_get(&f->form, F_NUMBER, d.number, sizeof d.number);
	form_get(&f->form, F_ISSUED, d.issued_date, sizeof d.issued_date);
	form_get(&f->form, F_EXPIRY, d.expiry_date, sizeof d.expiry_date);
	form_get(&f->form, F_REASON, d.refusal_reason, sizeof d.refusal_reason);
	const char *why = NULL, *field = NULL;
	enum status st = prot_doc_save(app_db(app), &d, &why, &field);
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
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this document meanwhile: open it again.")
		                                 : _(status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, _("Travel document saved."));
	return UI_LEAVE;
}

static void doc_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct doc_form *f = state;
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, f->d.id ? _("Travel document") : _("New travel document"));
	form_draw(&f->form, win, 3, getmaxy(win) - 3);
}

static struct form *form_of(void *state)
{
	return &((struct doc_form *)state)->form;
}

/* The document's id, or minus its return's for a new one. */
static long long draft_ref(void *state)
{
	struct doc_form *f = state;
	return f->d.id ? f->d.id : -f->d.return_id;
}

static const struct screen screen_doc = {
	.name = "prot_doc_form",
	.title = N_("Travel document"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct doc_form),
	.bindings = bindings,
	.enter = doc_enter,
	.leave = doc_leave,
	.draw = doc_draw,
	.form = form_of,
	.submit = doc_submit,
	.draft_kind = "prot_travel_doc",
	.draft_ref = draft_ref,
};

enum status prot_doc_form_open(struct app *app, long long return_id, long long doc_id)
{
	long long ref = doc_id ? doc_id : -return_id;
	return app_push(app, &screen_doc, &ref);
}

enum status prot_doc_form_draft(struct app *app, long long ref, const char *json)
{
	return app_push_draft(app, &screen_doc, &ref, json);
}
