/* A consultation: reason, diagnosis, treatment, referral and the next
 * follow-up, entered in under a minute from the case file, the follow-up
 * list or the medical menu (after a lookup). Medical staff only. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/person.h"
#include "db/medical.h"
#include "db/person.h"
#include "screens/medical.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

enum { F_DATE, F_REASON, F_DIAGNOSIS, F_TREATMENT, F_REF_TO, F_REF_WHY, F_REF_STATUS, F_FOLLOWUP, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the consultation (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

/* Not const: the choices are set from the code lists at the first entry. */
static struct field_def fields[F_COUNT] = {
	[F_DATE] = { .label = N_("Date"), .type = FIELD_DATE, .required = true, .past_only = true, .name = "date" },
	[F_REASON] = { .label = N_("Reason"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true, .name = "reason" },
	[F_DIAGNOSIS] = { .label = N_("Diagnosis"), .type = FIELD_TEXT, .maxlen = 120, .name = "diagnosis" },
	[F_TREATMENT] = { .label = N_("Treatment given"), .type = FIELD_TEXT, .maxlen = 120, .name = "treatment" },
	[F_REF_TO] = { .label = N_("Referred to"), .type = FIELD_TEXT, .maxlen = 80, .name = "referral_to" },
	[F_REF_WHY] = { .label = N_("Why referred"), .type = FIELD_TEXT, .maxlen = 120, .name = "referral_why" },
	[F_REF_STATUS] = { .label = N_("Referral status"), .type = FIELD_CHOICE, .labels_are_msgids = true, .name = "referral_status" },
	[F_FOLLOWUP] = { .label = N_("Next follow-up"), .type = FIELD_DATE, .name = "next_followup" },
};

struct consult {
	struct consultation c;
	struct person_hit who;
	char who_line[500];
	bool age_known, age_approx;
	int years;
	bool child;            /* marked as in the lookup */
	struct form form;
};

static enum status consult_enter(struct app *app, void *state, const void *arg)
{
	struct consult *s = state;
	if (!arg)
		return ST_NOT_FOUND;
	fields[F_REASON].choices = vocab_choices(VOCAB_CONSULT_REASON, false, &fields[F_REASON].nchoices);
	fields[F_REF_STATUS].choices = vocab_choices(VOCAB_REFERRAL_STATUS, true, &fields[F_REF_STATUS].nchoices);
	s->c.person_id = *(const long long *)arg;
	struct person p;
	enum status st = person_get(app_db(app), s->c.person_id, &p);
	if (st != ST_OK)
		return st;
	snprintf(s->who_line, sizeof s->who_line, "%s %s", p.family_name, p.given_names);
	struct pdate t = clock_today();
	s->age_known = person_age(p.birth_date, p.birth_estimated, &t, &s->years, &s->age_approx, &s->child);
	snprintf(s->c.centre_code, sizeof s->c.centre_code, "%s", app_user(app)->centre_code);
	form_init(&s->form, fields, F_COUNT);
	char today[11];
	date_to_iso(&t, today, sizeof today);
	form_set(&s->form, F_DATE, today);
	form_set(&s->form, F_REF_STATUS, "");
	s->form.changed = false;
	s->form.cur = F_REASON;
	return ST_OK;
}

/* Validates and saves. */
static enum ui_result save(struct app *app, struct consult *s)
{
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct consultation *c = &s->c;
	form_get(&s->form, F_DATE, c->date, sizeof c->date);
	form_get(&s->form, F_REASON, c->reason, sizeof c->reason);
	form_get(&s->form, F_DIAGNOSIS, c->diagnosis, sizeof c->diagnosis);
	form_get(&s->form, F_TREATMENT, c->treatment, sizeof c->treatment);
	form_get(&s->form, F_REF_TO, c->referral_to, sizeof c->referral_to);
	form_get(&s->form, F_REF_WHY, c->referral_why, sizeof c->referral_why);
	form_get(&s->form, F_REF_STATUS, c->referral_status, sizeof c->referral_status);
	form_get(&s->form, F_FOLLOWUP, c->next_followup, sizeof c->next_followup);
	char today[11];
	struct pdate t = clock_today();
	date_to_iso(&t, today, sizeof today);
	const char *why = NULL;
	if (consultation_check(c, today, &why) != ST_OK) {
		/* Show it beside the field it is about. */
		int field = strstr(why ? why : "", "ollow") ? F_FOLLOWUP : strstr(why ? why : "", "eferr") ? F_REF_STATUS : F_DATE;
		s->form.fields[field].error = why;
		s->form.cur = field;
		app_error(app, _(why ? why : status_msgid(ST_INVALID)));
		return UI_HANDLED;
	}
	enum status st = consultation_save(app_db(app), c);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	s->form.changed = false;
	app_message(app, _("Consultation recorded."));
	return UI_LEAVE;
}

static void consult_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct consult *s = state;
	char line[600];
	snprintf(line, sizeof line, _("Consultation of %s"), s->who_line);
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, line);
	/* Age and the child marker, as the lookup and the case file show them. */
	int x = 2;
	if (s->age_known) {
		char age[48];
		snprintf(age, sizeof age, _("%s%d years"), s->age_approx ? "~" : "", s->years);
		x += ui_put(win, 2, x, getmaxx(win) - x - 2, 0, age) + 3;
	}
	if (s->child)
		ui_put(win, 2, x, getmaxx(win) - x - 2, A_BOLD, _("CHILD"));
	form_draw(&s->form, win, 3, getmaxy(win) - 3);
}

/* The form, for the loop's shared form behaviour. */
static struct form *consult_form(void *state)
{
	return &((struct consult *)state)->form;
}

/* Enter on the last field, or the save key. */
static enum ui_result consult_submit(struct app *app, void *state)
{
	return save(app, state);
}

/* A draft is about the patient. */
static long long consult_draft_ref(void *state)
{
	return ((struct consult *)state)->c.person_id;
}

/* Defined below; the draft opener needs it. */
static const struct screen screen_consultation;

enum status consultation_open_draft(struct app *app, long long ref_id, const char *json)
{
	return app_push_draft(app, &screen_consultation, &ref_id, json);
}

static const struct screen screen_consultation = {
	.name = "consultation",
	.title = N_("Consultation"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_MEDICAL_WRITE),
	.state_size = sizeof(struct consult),
	.bindings = bindings,
	.enter = consult_enter,
	.draw = consult_draw,
	.form = consult_form,
	.submit = consult_submit,
	.draft_kind = "consultation",
	.draft_ref = consult_draft_ref,
};

enum status consultation_open(struct app *app, long long person_id)
{
	return app_push(app, &screen_consultation, &person_id);
}
