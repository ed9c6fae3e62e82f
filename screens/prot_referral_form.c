/* The form of a referral: out or in, to or from what kind of organisation
 * and its name, the reason, the person's consent to share and its day,
 * the other organisation's reference (for UNHCR its case number), the
 * outcome, and for a referral in the day it was received. A new referral
 * out is a draft, sent from the list; its consent is proposed from the
 * case's consent to referral. New ones are kept as a draft (kind
 * "prot_referral", ref the case) when the line drops. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "db/prot_referral.h"
#include "screens/prot_traffic_screens.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

enum { F_DIR, F_DEST, F_ORG, F_REASON, F_CONSENT, F_CONSENT_DAY, F_OTHER_REF, F_OUTCOME, F_RECEIVED, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the referral (Enter on the last field too); a referral out is sent from the list, only with "
	     "consent to share") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_DIR] = { .label = N_("Way"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	            .name = "direction" },
	[F_DEST] = { .label = N_("To or from"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	             .name = "destination" },
	[F_ORG] = { .label = N_("Organisation"), .type = FIELD_TEXT, .maxlen = PROT_REF_ORG_MAX, .name = "organisation" },
	[F_REASON] = { .label = N_("Reason"), .type = FIELD_TEXT, .required = true, .maxlen = LINEEDIT_MAX - 6,
	               .name = "reason" },
	[F_CONSENT] = { .label = N_("Consent to share"), .type = FIELD_YESNO, .required = true, .name = "consent" },
	[F_CONSENT_DAY] = { .label = N_("Day of consent"), .type = FIELD_DATE, .full_date = true, .past_only = true,
	                    .name = "consent_date" },
	[F_OTHER_REF] = { .label = N_("Their reference (UNHCR: case number)"), .type = FIELD_TEXT,
	                  .maxlen = PROT_REF_OTHER_MAX, .name = "other_ref" },
	[F_OUTCOME] = { .label = N_("Outcome"), .type = FIELD_TEXT, .maxlen = LINEEDIT_MAX - 6, .name = "outcome" },
	[F_RECEIVED] = { .label = N_("Received on (referral in)"), .type = FIELD_DATE, .full_date = true,
	                 .past_only = true, .name = "sent_date" },
};

static const char *const names[F_COUNT] = {
	"direction", "destination", "organisation", "reason", "consent", "consent_date", "other_ref", "outcome",
	"sent_date",
};

struct ref_form {
	struct prot_referral r;
	struct field_def defs[F_COUNT];
	struct form form;
};

struct ref_arg {
	long long case_id, id;
	const char *direction;
};

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct ref_form *f = state;
	const struct ref_arg *a = arg;
	enum status st;
	const char *note = NULL;
	char today[11];
	clock_today_iso(today, sizeof today);
	if (a->id)
		st = prot_referral_get(app_db(app), a->id, &f->r);
	else
		st = prot_referral_propose(app_db(app), a->case_id, a->direction ? a->direction : "out", today, &f->r, &note);
	if (st != ST_OK)
		return st;
	memcpy(f->defs, templates, sizeof f->defs);
	f->defs[F_DIR].choices = vocab_choices(VOCAB_PROT_REFERRAL_DIRECTION, false, &f->defs[F_DIR].nchoices);
	f->defs[F_DEST].choices = vocab_choices(VOCAB_PROT_REFERRAL_DESTINATION, false, &f->defs[F_DEST].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	const struct prot_referral *r = &f->r;
	const char *v[F_COUNT] = { r->direction, r->destination, r->organisation, r->reason, r->consent ? "1" : "0",
	                           r->consent_date, r->other_ref, r->outcome,
	                           strcmp(r->direction, "in") == 0 ? r->sent_date : "" };
	for (int i = 0; i < F_COUNT; i++)
		form_set(&f->form, i, v[i]);
	if (!a->id)
		f->form.cur = F_DEST;
	if (note)
		app_error(app, _(note));
	return ST_OK;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct ref_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct prot_referral r = f->r;
	char dir[8], yes[4], received[16];
	form_get(&f->form, F_DIR, dir, sizeof dir);
	if (r.id && strcmp(dir, r.direction) != 0) {
		f->form.fields[F_DIR].error = N_("A saved referral keeps its way: out or in.");
		f->form.cur = F_DIR;
		app_error(app, _("A saved referral keeps its way: out or in."));
		return UI_HANDLED;
	}
	snprintf(r.direction, sizeof r.direction, "%.3s", dir);
	form_get(&f->form, F_DEST, r.destination, sizeof r.destination);
	form_get(&f->form, F_ORG, r.organisation, sizeof r.organisation);
	form_get(&f->form, F_REASON, r.reason, sizeof r.reason);
	form_get(&f->form, F_CONSENT, yes, sizeof yes);
	r.consent = strcmp(yes, "1") == 0;
	form_get(&f->form, F_CONSENT_DAY, r.consent_date, sizeof r.consent_date);
	if (!r.consent)
		r.consent_date[0] = '\0';
	form_get(&f->form, F_OTHER_REF, r.other_ref, sizeof r.other_ref);
	form_get(&f->form, F_OUTCOME, r.outcome, sizeof r.outcome);
	form_get(&f->form, F_RECEIVED, received, sizeof received);
	if (strcmp(r.direction, "in") == 0)
		snprintf(r.sent_date, sizeof r.sent_date, "%.10s", received);
	const char *why = NULL, *field = NULL;
	bool is_new = r.id == 0;
	enum status st = prot_referral_save(app_db(app), &r, &why, &field);
	if (st != ST_OK) {
		for (int i = 0; field && i < F_COUNT; i++)
			if (strcmp(field, names[i]) == 0) {
				f->form.fields[i].error = why;
				f->form.cur = i;
			}
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this referral meanwhile: open it again.")
		                                 : _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	f->r = r;
	f->form.changed = false;
	app_message(app, !is_new ? _("Changes saved.")
	                 : strcmp(r.direction, "in") == 0 ? _("Referral received recorded.")
	                                                  : _("Referral drafted: send it from the list (s)."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct ref_form *f = state;
	ui_put_wrapped(win, 0, 2, getmaxx(win) - 4, 1, A_BOLD,
	               f->r.id ? _("A referral of this case") : _("A new referral of this case"));
	form_draw(&f->form, win, 2, getmaxy(win) - 2);
}

static struct form *form_of(void *state)
{
	return &((struct ref_form *)state)->form;
}

static long long draft_ref(void *state)
{
	return ((struct ref_form *)state)->r.case_id;
}

/* New referrals keep a draft; a saved one is changed in place. */
static const struct screen screen_new = {
	.name = "prot_referral_form",
	.title = N_("Referral"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct ref_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "prot_referral",
	.draft_ref = draft_ref,
};

static const struct screen screen_edit = {
	.name = "prot_referral_form",
	.title = N_("Referral"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct ref_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
};

enum status prot_referral_form_open(struct app *app, long long case_id, const char *direction, long long id)
{
	struct ref_arg a = { case_id, id, direction };
	return app_push(app, id ? &screen_edit : &screen_new, &a);
}

enum status prot_referral_form_open_draft(struct app *app, long long ref, const char *json)
{
	struct ref_arg a = { ref, 0, "out" };
	return app_push_draft(app, &screen_new, &a, json);
}
