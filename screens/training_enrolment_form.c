/* The enrolment of one person in one course: its status (with the reason
 * of a drop-out), the final assessment, the certificate number, the day
 * the toolkit was given and the follow-up three months after the course.
 * The data layer's check decides; its message shows beside its field.
 * When the change frees a place and someone waits, the form offers to move
 * the first on the waiting list up (never done silently). */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/training_vocab.h"
#include "db/roll.h"
#include "db/training.h"
#include "screens/training.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

enum { F_STATUS, F_DROPOUT, F_ASSESSMENT, F_CERTIFICATE, F_TOOLKIT, F_FOLLOWUP, F_FOLLOWUP_DATE, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the enrolment (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_STATUS] = { .label = N_("Status"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	               .name = "status" },
	[F_DROPOUT] = { .label = N_("Reason if dropped out"), .type = FIELD_CHOICE, .labels_are_msgids = true,
	                .name = "dropout_reason" },
	[F_ASSESSMENT] = { .label = N_("Final assessment"), .type = FIELD_CHOICE, .labels_are_msgids = true,
	                   .name = "assessment" },
	[F_CERTIFICATE] = { .label = N_("Certificate number"), .type = FIELD_TEXT, .maxlen = 40,
	                    .name = "certificate_no" },
	[F_TOOLKIT] = { .label = N_("Toolkit given on"), .type = FIELD_DATE, .full_date = true, .past_only = true,
	                .name = "toolkit_date" },
	[F_FOLLOWUP] = { .label = N_("Follow-up (3 months)"), .type = FIELD_CHOICE, .labels_are_msgids = true,
	                 .name = "followup" },
	[F_FOLLOWUP_DATE] = { .label = N_("Follow-up on"), .type = FIELD_DATE, .full_date = true, .past_only = true,
	                      .name = "followup_date" },
};

static const struct {
	const char *name;
	int field;
} field_of[] = {
	{ "status", F_STATUS }, { "dropout_reason", F_DROPOUT }, { "assessment", F_ASSESSMENT },
	{ "certificate_no", F_CERTIFICATE }, { "toolkit_date", F_TOOLKIT }, { "followup", F_FOLLOWUP },
	{ "followup_date", F_FOLLOWUP_DATE },
};

struct enrolment_form {
	struct training_enrolment e;
	struct training_course course;
	struct field_def defs[F_COUNT];
	struct form form;
};

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct enrolment_form *f = state;
	enum status st = training_enrolment_get(app_db(app), *(const long long *)arg, &f->e);
	if (st == ST_OK)
		st = training_course_get(app_db(app), f->e.course_id, &f->course);
	if (st != ST_OK)
		return st;
	memcpy(f->defs, templates, sizeof f->defs);
	f->defs[F_STATUS].choices =
		vocab_choices(VOCAB_TRAINING_ENROLMENT_STATUS, false, &f->defs[F_STATUS].nchoices);
	f->defs[F_DROPOUT].choices = vocab_choices(VOCAB_TRAINING_DROPOUT, true, &f->defs[F_DROPOUT].nchoices);
	f->defs[F_ASSESSMENT].choices = vocab_choices(VOCAB_TRAINING_ASSESSMENT, true, &f->defs[F_ASSESSMENT].nchoices);
	f->defs[F_FOLLOWUP].choices = vocab_choices(VOCAB_TRAINING_FOLLOWUP, true, &f->defs[F_FOLLOWUP].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	const struct training_enrolment *e = &f->e;
	form_set(&f->form, F_STATUS, e->status);
	form_set(&f->form, F_DROPOUT, e->dropout_reason);
	form_set(&f->form, F_ASSESSMENT, e->assessment);
	form_set(&f->form, F_CERTIFICATE, e->certificate_no);
	form_set(&f->form, F_TOOLKIT, e->toolkit_date);
	form_set(&f->form, F_FOLLOWUP, e->followup);
	form_set(&f->form, F_FOLLOWUP_DATE, e->followup_date);
	f->form.changed = false;
	return ST_OK;
}

/* A place was freed and next waits: offer to move them up. */
static void offer(struct app *app, long long next)
{
	struct training_enrolment w;
	if (training_enrolment_get(app_db(app), next, &w) != ST_OK)
		return;
	char question[600];
	snprintf(question, sizeof question, _("A place is free. Move %s %s up from the waiting list?"), w.family_name,
	         w.given_names);
	if (!app_confirm(app, question))
		return;
	const char *why = NULL;
	enum status st = training_enrolment_promote(app_db(app), w.id, &w.version, &why);
	if (st != ST_OK)
		app_error(app, _(why ? why : status_msgid(st)));
	else
		app_message(app, _("Moved up from the waiting list: enrolled."));
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct enrolment_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct training_enrolment e = f->e;
	form_get(&f->form, F_STATUS, e.status, sizeof e.status);
	form_get(&f->form, F_DROPOUT, e.dropout_reason, sizeof e.dropout_reason);
	form_get(&f->form, F_ASSESSMENT, e.assessment, sizeof e.assessment);
	form_get(&f->form, F_CERTIFICATE, e.certificate_no, sizeof e.certificate_no);
	form_get(&f->form, F_TOOLKIT, e.toolkit_date, sizeof e.toolkit_date);
	form_get(&f->form, F_FOLLOWUP, e.followup, sizeof e.followup);
	form_get(&f->form, F_FOLLOWUP_DATE, e.followup_date, sizeof e.followup_date);
	const char *why = NULL, *field = NULL;
	long long next = 0;
	enum status st = training_enrolment_check(app_db(app), &e, &why, &field);
	if (st == ST_OK)
		st = training_enrolment_save(app_db(app), &e, &next, &why, &field);
	if (st == ST_INVALID) {
		for (size_t i = 0; field && i < sizeof field_of / sizeof field_of[0]; i++)
			if (strcmp(field_of[i].name, field) == 0) {
				f->form.fields[field_of[i].field].error = why;
				f->form.cur = field_of[i].field;
			}
		app_error(app, _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this enrolment meanwhile: open it again.")
		                                 : _(status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, _("Changes saved."));
	if (next)
		offer(app, next);
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	struct enrolment_form *f = state;
	char line[1200];
	snprintf(line, sizeof line, "%s %s · %s", f->e.family_name, f->e.given_names, f->course.title);
	struct roll_rate rate;
	if (roll_course_rate(app_db(app), f->e.course_id, f->e.person_id, &rate) == ST_OK && rate.days > 0) {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, _(" · attendance %d/%d (%d%%)"), rate.attended, rate.days,
		         roll_rate_percent(&rate));
	}
	/* The name and the course whole, on a second row when they need one. */
	int rows = ui_put_wrapped(win, 1, 2, getmaxx(win) - 4, 2, A_BOLD, line);
	form_draw(&f->form, win, rows > 1 ? 4 : 3, getmaxy(win) - 3);
}

static struct form *form_of(void *state)
{
	return &((struct enrolment_form *)state)->form;
}

static const struct screen screen_enrolment_form = {
	.name = "training_enrolment_form",
	.title = N_("Enrolment"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_TRAINING_WRITE),
	.state_size = sizeof(struct enrolment_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
};

enum status training_enrolment_form_open(struct app *app, long long id)
{
	return app_push(app, &screen_enrolment_form, &id);
}
