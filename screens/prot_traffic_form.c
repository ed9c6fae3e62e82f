/* The identification form of a victim of trafficking: presumed or
 * identified, by whom, the day, the recruiter and how they recruited, the
 * places, the state of legal proceedings and a note. The sets (means of
 * control, exploitation, countries, assistance) are kept as they are.
 * Kept as a draft (kind "prot_trafficking", ref the case) when the line
 * drops. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "db/prot_traffic.h"
#include "screens/prot_traffic_screens.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

enum { F_IDENT, F_BY, F_DAY, F_RECRUITER, F_HOW, F_PLACES, F_LEGAL, F_NOTE, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the identification (Enter on the last field too); the sets are changed from the victim's page") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_IDENT] = { .label = N_("Victim"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	              .name = "identification" },
	[F_BY] = { .label = N_("Identified by"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	           .name = "identified_by" },
	[F_DAY] = { .label = N_("Identified on"), .type = FIELD_DATE, .required = true, .full_date = true,
	            .past_only = true, .name = "identified_date" },
	[F_RECRUITER] = { .label = N_("Recruiter"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	                  .name = "recruiter" },
	[F_HOW] = { .label = N_("How recruited"), .type = FIELD_TEXT, .maxlen = LINEEDIT_MAX - 6, .name = "recruitment" },
	[F_PLACES] = { .label = N_("Places on the way"), .type = FIELD_TEXT, .maxlen = LINEEDIT_MAX - 6, .name = "places" },
	[F_LEGAL] = { .label = N_("Legal proceedings"), .type = FIELD_CHOICE, .required = true,
	              .labels_are_msgids = true, .name = "legal_status" },
	[F_NOTE] = { .label = N_("Note on proceedings"), .type = FIELD_TEXT, .maxlen = LINEEDIT_MAX - 6,
	             .name = "legal_note" },
};

static const char *const names[F_COUNT] = {
	"identification", "identified_by", "identified_date", "recruiter", "recruitment", "places", "legal_status",
	"legal_note",
};

struct traf_form {
	struct prot_traf t;
	struct field_def defs[F_COUNT];
	struct form form;
};

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct traf_form *f = state;
	long long case_id = *(const long long *)arg;
	enum status st = prot_traf_get(app_db(app), case_id, &f->t);
	if (st == ST_NOT_FOUND) {
		char today[11];
		clock_today_iso(today, sizeof today);
		prot_traf_init(&f->t, case_id, today);
	} else if (st != ST_OK) {
		return st;
	}
	memcpy(f->defs, templates, sizeof f->defs);
	f->defs[F_IDENT].choices = vocab_choices(VOCAB_PROT_IDENTIFICATION, false, &f->defs[F_IDENT].nchoices);
	f->defs[F_BY].choices = vocab_choices(VOCAB_PROT_IDENTIFIED_BY, false, &f->defs[F_BY].nchoices);
	f->defs[F_RECRUITER].choices = vocab_choices(VOCAB_PROT_RECRUITER, false, &f->defs[F_RECRUITER].nchoices);
	f->defs[F_LEGAL].choices = vocab_choices(VOCAB_PROT_LEGAL_STATUS, false, &f->defs[F_LEGAL].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	const char *v[F_COUNT] = { f->t.identification, f->t.identified_by, f->t.identified_date, f->t.recruiter,
	                           f->t.recruitment, f->t.places, f->t.legal_status, f->t.legal_note };
	for (int i = 0; i < F_COUNT; i++)
		form_set(&f->form, i, v[i]);
	f->form.changed = f->t.id == 0;
	return ST_OK;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct traf_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct prot_traf t = f->t;
	form_get(&f->form, F_IDENT, t.identification, sizeof t.identification);
	form_get(&f->form, F_BY, t.identified_by, sizeof t.identified_by);
	form_get(&f->form, F_DAY, t.identified_date, sizeof t.identified_date);
	form_get(&f->form, F_RECRUITER, t.recruiter, sizeof t.recruiter);
	form_get(&f->form, F_HOW, t.recruitment, sizeof t.recruitment);
	form_get(&f->form, F_PLACES, t.places, sizeof t.places);
	form_get(&f->form, F_LEGAL, t.legal_status, sizeof t.legal_status);
	form_get(&f->form, F_NOTE, t.legal_note, sizeof t.legal_note);
	const char *why = NULL, *field = NULL;
	bool is_new = t.id == 0;
	enum status st = prot_traf_save(app_db(app), &t, &why, &field);
	if (st != ST_OK) {
		for (int i = 0; field && i < F_COUNT; i++)
			if (strcmp(field, names[i]) == 0) {
				f->form.fields[i].error = why;
				f->form.cur = i;
			}
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this record meanwhile: open it again.")
		                                 : _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	f->t = t;
	f->form.changed = false;
	app_message(app, is_new ? _("Victim of trafficking recorded.") : _("Changes saved."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct traf_form *f = state;
	ui_put_wrapped(win, 1, 2, getmaxx(win) - 4, 2, A_BOLD,
	               f->t.id ? _("Identification of the victim of trafficking")
	                       : _("New record of a victim of trafficking"));
	form_draw(&f->form, win, 3, getmaxy(win) - 3);
}

static struct form *form_of(void *state)
{
	return &((struct traf_form *)state)->form;
}

static long long draft_ref(void *state)
{
	return ((struct traf_form *)state)->t.case_id;
}

static const struct screen screen_traf_form = {
	.name = "prot_traffic_form",
	.title = N_("Victim of trafficking"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct traf_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "prot_trafficking",
	.draft_ref = draft_ref,
};

enum status prot_traffic_form_open(struct app *app, long long case_id)
{
	return app_push(app, &screen_traf_form, &case_id);
}

enum status prot_traffic_form_open_draft(struct app *app, long long ref, const char *json)
{
	return app_push_draft(app, &screen_traf_form, &ref, json);
}
