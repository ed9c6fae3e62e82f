/* A person's stay: the services given and the departure, or a new
 * admission when the person is not staying anywhere. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "db/person.h"
#include "db/refdata.h"
#include "db/stay.h"
#include "screens/registration.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"
#include "ui/vocab_choices.h"

enum { F_DEPARTED, F_REASON, F_SERVICES, F_STAY_COUNT = F_SERVICES + SERVICE_COUNT_ };
enum { F_CENTRE, F_ADMITTED, F_ADMIT_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the stay (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

struct stay_screen {
	long long person;
	bool open;                        /* editing a current stay */
	struct person_stay current;
	struct field_def defs[F_STAY_COUNT];
	struct form form;
	struct ref_choices *centres;
};

/* Keeps the stay without departure, if any. */
static void find_open(const struct person_stay *y, void *ctx)
{
	struct stay_screen *s = ctx;
	if (!y->departed[0] && !s->open) {
		s->current = *y;
		s->open = true;
	}
}

static enum status stay_enter(struct app *app, void *state, const void *arg)
{
	struct stay_screen *s = state;
	if (!arg)
		return ST_NOT_FOUND;
	s->person = *(const long long *)arg;
	enum status st = person_stays(app_db(app), s->person, 0, INT_MAX, find_open, s, NULL);
	if (st != ST_OK)
		return st;
	char today[11];
	struct pdate t = clock_today();
	date_to_iso(&t, today, sizeof today);
	if (s->open) {
		s->defs[F_DEPARTED] = (struct field_def){ .label = N_("Departure date"), .type = FIELD_DATE,
		                                         .past_only = true, .name = "departed" };
		s->defs[F_REASON] = (struct field_def){ .label = N_("Reason for leaving"), .type = FIELD_CHOICE,
		                                       .labels_are_msgids = true, .name = "reason" };
		s->defs[F_REASON].choices = vocab_choices(VOCAB_DEPARTURE_REASON, true, &s->defs[F_REASON].nchoices);
		for (int i = 0; i < SERVICE_COUNT_; i++)
			s->defs[F_SERVICES + i] = (struct field_def){ .label = vocab_item(VOCAB_SERVICE, i)->label,
			                                             .type = FIELD_YESNO, .name = vocab_code(VOCAB_SERVICE, i) };
		form_init(&s->form, s->defs, F_STAY_COUNT);
		for (int i = 0; i < SERVICE_COUNT_; i++)
			form_set(&s->form, F_SERVICES + i,
			         strstr(s->current.services, stay_service_name((enum stay_service)i)) ? "1" : "0");
	} else {
		s->centres = ref_choices_load(app_db(app), REF_CENTRE, lang_get(), 0);
		if (!s->centres)
			return ST_NOMEM;
		s->defs[F_CENTRE] = (struct field_def){ .label = N_("Centre"), .type = FIELD_CHOICE, .required = true,
		                                       .choices = s->centres->items, .nchoices = s->centres->n,
		                                       .name = "centre" };
		s->defs[F_ADMITTED] = (struct field_def){ .label = N_("Admission date"), .type = FIELD_DATE,
		                                         .required = true, .past_only = true, .name = "admitted" };
		form_init(&s->form, s->defs, F_ADMIT_COUNT);
		form_set(&s->form, F_CENTRE, app_user(app)->centre_code);
		form_set(&s->form, F_ADMITTED, today);
	}
	s->form.changed = false;
	return ST_OK;
}

/* Saves the services and the departure of the current stay. */
static enum status save_open(struct app *app, struct stay_screen *s)
{
	bool given[SERVICE_COUNT_];
	char v[FORM_VALUE_MAX], date[16], reason[16];
	for (int i = 0; i < SERVICE_COUNT_; i++) {
		form_get(&s->form, F_SERVICES + i, v, sizeof v);
		given[i] = strcmp(v, "1") == 0;
	}
	form_get(&s->form, F_DEPARTED, date, sizeof date);
	form_get(&s->form, F_REASON, reason, sizeof reason);
	if (date[0] && (!reason[0] || strlen(date) != 10 || strcmp(date, s->current.admitted) < 0)) {
		s->form.fields[reason[0] ? F_DEPARTED : F_REASON].error =
			reason[0] ? N_("A full date, not before the admission.") : N_("Say why the person left.");
		s->form.cur = reason[0] ? F_DEPARTED : F_REASON;
		return ST_INVALID;
	}
	return stay_save(app_db(app), s->current.id, given, date, reason);
}

/* Validates and saves. */
static enum ui_result save(struct app *app, struct stay_screen *s)
{
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	enum status st;
	if (s->open) {
		st = save_open(app, s);
	} else {
		char centre[8], date[16];
		form_get(&s->form, F_CENTRE, centre, sizeof centre);
		form_get(&s->form, F_ADMITTED, date, sizeof date);
		st = strlen(date) == 10 ? stay_admit(app_db(app), s->person, centre, date, NULL) : ST_INVALID;
		if (st == ST_INVALID)
			s->form.fields[F_ADMITTED].error = N_("A full date, after the last departure.");
	}
	if (st == ST_INVALID) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	s->form.changed = false;
	app_message(app, _("Saved."));
	return UI_LEAVE;
}

static void stay_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct stay_screen *s = state;
	char line[200];
	if (s->open) {
		char when[16];
		struct pdate d;
		if (date_from_iso(s->current.admitted, &d) == DATE_OK)
			date_format(&d, when, sizeof when);
		else
			snprintf(when, sizeof when, "%s", s->current.admitted);
		snprintf(line, sizeof line, _("Staying at %s since %s."), s->current.centre_code, when);
	} else {
		snprintf(line, sizeof line, "%s", _("Not staying in a centre: record an admission."));
	}
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, line);
	form_draw(&s->form, win, 3, getmaxy(win) - 3);
}

/* The form, for the loop's shared form behaviour. */
static struct form *stay_form(void *state)
{
	return &((struct stay_screen *)state)->form;
}

/* Enter on the last field, or the save key. */
static enum ui_result stay_submit(struct app *app, void *state)
{
	return save(app, state);
}

static void stay_leave(struct app *app, void *state)
{
	(void)app;
	ref_choices_free(&((struct stay_screen *)state)->centres);
}


/* A draft is about the person: the form is the current stay's or a new
 * admission's, and its names differ (a draft of one does not fill the
 * other). */
static long long stay_draft_ref(void *state)
{
	return ((struct stay_screen *)state)->person;
}

/* Defined below; the draft opener needs it. */
static const struct screen screen_stay;

enum status stay_open_draft(struct app *app, long long ref_id, const char *json)
{
	return app_push_draft(app, &screen_stay, &ref_id, json);
}

static const struct screen screen_stay = {
	.name = "stay",
	.title = N_("Stay"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PERSON_WRITE),
	.state_size = sizeof(struct stay_screen),
	.bindings = bindings,
	.enter = stay_enter,
	.leave = stay_leave,
	.draw = stay_draw,
	.form = stay_form,
	.submit = stay_submit,
	.draft_kind = "stay",
	.draft_ref = stay_draft_ref,
};

enum status stay_open(struct app *app, long long person_id)
{
	return app_push(app, &screen_stay, &person_id);
}
