/* A consultation: reason, diagnosis, treatment, referral and the next
 * follow-up, entered in under a minute from the case file, the follow-up
 * list or the medical menu (after a lookup). Medical staff only. A saved
 * one opens from the medical record (the opening is audited): changed
 * where the role may (the referral's outcome comes later), else read. */
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

/* The referral's outcome date is last, and only on a saved consultation:
 * a new one's form ends (Enter saves) on the next follow-up. */
enum {
	F_DATE, F_REASON, F_DIAGNOSIS, F_TREATMENT, F_REF_TO, F_REF_WHY, F_REF_STATUS, F_FOLLOWUP, F_REF_DATE,
	F_COUNT
};

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
	[F_REF_DATE] = { .label = N_("Outcome of referral on"), .type = FIELD_DATE, .past_only = true,
	                 .name = "referral_outcome_date" },
};

struct consult {
	struct consultation c;
	struct person_hit who;
	char who_line[500];
	bool age_known, age_approx;
	int years;
	bool child;            /* marked as in the lookup */
	bool read_only;        /* a saved one the role may read, not change */
	struct form form;
};

/* Reads the patient: name, age and the child marker. */
static enum status read_patient(struct app *app, struct consult *s)
{
	fields[F_REASON].choices = vocab_choices(VOCAB_CONSULT_REASON, false, &fields[F_REASON].nchoices);
	fields[F_REF_STATUS].choices = vocab_choices(VOCAB_REFERRAL_STATUS, true, &fields[F_REF_STATUS].nchoices);
	struct person p;
	enum status st = person_get(app_db(app), s->c.person_id, &p);
	if (st != ST_OK)
		return st;
	snprintf(s->who_line, sizeof s->who_line, "%s %s", p.family_name, p.given_names);
	struct pdate t = clock_today();
	s->age_known = person_age(p.birth_date, p.birth_estimated, &t, &s->years, &s->age_approx, &s->child);
	form_init(&s->form, fields, s->c.id ? F_COUNT : F_REF_DATE);
	return ST_OK;
}

/* A new consultation of the person arg points to. */
static enum status consult_enter(struct app *app, void *state, const void *arg)
{
	struct consult *s = state;
	if (!arg)
		return ST_NOT_FOUND;
	s->c.person_id = *(const long long *)arg;
	enum status st = read_patient(app, s);
	if (st != ST_OK)
		return st;
	snprintf(s->c.centre_code, sizeof s->c.centre_code, "%s", app_user(app)->centre_code);
	char today[11];
	struct pdate t = clock_today();
	date_to_iso(&t, today, sizeof today);
	form_set(&s->form, F_DATE, today);
	form_set(&s->form, F_REF_STATUS, "");
	s->form.changed = false;
	s->form.cur = F_REASON;
	return ST_OK;
}

/* The saved consultation whose id arg points to (its opening is audited). */
static enum status saved_enter(struct app *app, void *state, const void *arg)
{
	struct consult *s = state;
	if (!arg)
		return ST_NOT_FOUND;
	enum status st = consultation_get(app_db(app), *(const long long *)arg, &s->c);
	if (st != ST_OK || (st = read_patient(app, s)) != ST_OK)
		return st;
	const struct consultation *c = &s->c;
	form_set(&s->form, F_DATE, c->date);
	form_set(&s->form, F_REASON, c->reason);
	form_set(&s->form, F_DIAGNOSIS, c->diagnosis);
	form_set(&s->form, F_TREATMENT, c->treatment);
	form_set(&s->form, F_REF_TO, c->referral_to);
	form_set(&s->form, F_REF_WHY, c->referral_why);
	form_set(&s->form, F_REF_STATUS, c->referral_status);
	form_set(&s->form, F_REF_DATE, c->referral_outcome_date);
	form_set(&s->form, F_FOLLOWUP, c->next_followup);
	s->form.changed = false;
	s->read_only = !perm_allows((int)app_user(app)->role, PERM_MEDICAL_WRITE);
	/* A referral waiting for news: its outcome is what comes next. */
	s->form.cur = !s->read_only && strcmp(c->referral_status, "sent") == 0 ? F_REF_STATUS : F_DATE;
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
	if (s->form.n > F_REF_DATE)
		form_get(&s->form, F_REF_DATE, c->referral_outcome_date, sizeof c->referral_outcome_date);
	form_get(&s->form, F_FOLLOWUP, c->next_followup, sizeof c->next_followup);
	char today[11];
	struct pdate t = clock_today();
	date_to_iso(&t, today, sizeof today);
	const char *why = NULL;
	if (consultation_check(c, today, &why) != ST_OK) {
		/* Show it beside the field it is about. */
		const char *w = why ? why : "";
		int field = strstr(w, "utcome")  ? F_REF_DATE
		            : strstr(w, "ollow") ? F_FOLLOWUP
		            : strstr(w, "eferr") ? F_REF_STATUS
		                                 : F_DATE;
		if (field >= s->form.n)
			field = F_REF_STATUS;
		s->form.fields[field].error = why;
		s->form.cur = field;
		app_error(app, _(why ? why : status_msgid(ST_INVALID)));
		return UI_HANDLED;
	}
	bool is_new = c->id == 0;
	enum status st = consultation_save(app_db(app), c);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	s->form.changed = false;
	app_message(app, is_new ? _("Consultation recorded.") : _("Changes saved."));
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
		x += ui_put(win, 2, x, getmaxx(win) - x - 2, A_BOLD, _("CHILD")) + 3;
	/* A saved one: who recorded it, and whether it may be changed. */
	if (s->c.id) {
		snprintf(line, sizeof line, s->read_only ? _("recorded by %s at %s (read only)") : _("recorded by %s at %s"),
		         s->c.clinician[0] ? s->c.clinician : "?", s->c.centre_code);
		ui_put(win, 2, x, getmaxx(win) - x - 2, 0, line);
	}
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

/* A new one's draft is about the patient; a saved one's, about itself. */
static long long consult_draft_ref(void *state)
{
	return ((struct consult *)state)->c.person_id;
}

static long long saved_draft_ref(void *state)
{
	return ((struct consult *)state)->c.id;
}

/* Read only: moving between the fields, nothing typed changes them. */
static enum ui_result view_input(struct app *app, void *state, int key)
{
	(void)app;
	struct consult *s = state;
	if (key == '\t' || key == '\n' || key == UI_KEYCODE(KEY_DOWN) || key == UI_KEYCODE(KEY_UP)
	    || key == UI_KEYCODE(KEY_BTAB)) {
		if (key == '\n' && s->form.cur == s->form.n - 1)
			return UI_HANDLED;
		form_key(&s->form, key);
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

static bool view_typing(struct app *app, void *state)
{
	(void)app;
	(void)state;
	return false;
}

/* Defined below; the draft openers need them. */
static const struct screen screen_consultation;
static const struct screen screen_consultation_saved;

enum status consultation_open_draft(struct app *app, long long ref_id, const char *json)
{
	return app_push_draft(app, &screen_consultation, &ref_id, json);
}

enum status consultation_saved_open_draft(struct app *app, long long consultation_id, const char *json)
{
	return app_push_draft(app, &screen_consultation_saved, &consultation_id, json);
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

/* A saved consultation, to change (its draft kept by its own id). */
static const struct screen screen_consultation_saved = {
	.name = "consultation",
	.title = N_("Consultation"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_MEDICAL_WRITE),
	.state_size = sizeof(struct consult),
	.bindings = bindings,
	.enter = saved_enter,
	.draw = consult_draw,
	.form = consult_form,
	.submit = consult_submit,
	.draft_kind = "consultation_saved",
	.draft_ref = saved_draft_ref,
};

/* A saved consultation for a role that may read it, not change it. */
static const struct screen screen_consultation_view = {
	.name = "consultation",
	.title = N_("Consultation"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_MEDICAL_READ),
	.state_size = sizeof(struct consult),
	.enter = saved_enter,
	.draw = consult_draw,
	.input = view_input,
	.typing = view_typing,
};

enum status consultation_open_saved(struct app *app, long long consultation_id)
{
	bool may_change = perm_allows((int)app_user(app)->role, PERM_MEDICAL_WRITE);
	return app_push(app, may_change ? &screen_consultation_saved : &screen_consultation_view, &consultation_id);
}
