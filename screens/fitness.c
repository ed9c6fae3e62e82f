/* Fitness to travel before an assisted return: fit, fit with escort, not
 * fit, with the date; shown on the case file to every role. */
#include <stdio.h>
#include <time.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "db/medical.h"
#include "screens/medical.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

enum { F_STATUS, F_DATE, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Record the assessment (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

/* Not const: the choices are set from the code list at the first entry. */
static struct field_def fields[F_COUNT] = {
	[F_STATUS] = { .label = N_("Assessment"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true, .name = "status" },
	[F_DATE] = { .label = N_("Date"), .type = FIELD_DATE, .required = true, .past_only = true, .name = "date" },
};

struct fitness {
	long long person;
	struct form form;
};

static enum status fitness_enter(struct app *app, void *state, const void *arg)
{
	(void)app;
	struct fitness *s = state;
	if (!arg)
		return ST_NOT_FOUND;
	s->person = *(const long long *)arg;
	fields[F_STATUS].choices = vocab_choices(VOCAB_FITNESS, false, &fields[F_STATUS].nchoices);
	form_init(&s->form, fields, F_COUNT);
	char today[11];
	struct pdate t = clock_today();
	date_to_iso(&t, today, sizeof today);
	form_set(&s->form, F_DATE, today);
	s->form.changed = false;
	return ST_OK;
}

/* Validates and records. */
static enum ui_result save(struct app *app, struct fitness *s)
{
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char status[16], date[16];
	form_get(&s->form, F_STATUS, status, sizeof status);
	form_get(&s->form, F_DATE, date, sizeof date);
	enum status st = fitness_record(app_db(app), s->person, date, status);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	s->form.changed = false;
	app_message(app, _("Saved."));
	return UI_LEAVE;
}

static void fitness_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct fitness *s = state;
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, _("Fitness to travel before an assisted return"));
	form_draw(&s->form, win, 3, getmaxy(win) - 3);
}

/* The form, for the loop's shared form behaviour. */
static struct form *fitness_form(void *state)
{
	return &((struct fitness *)state)->form;
}

/* Enter on the last field, or the save key. */
static enum ui_result fitness_submit(struct app *app, void *state)
{
	return save(app, state);
}

/* A draft is about the person assessed. */
static long long fitness_draft_ref(void *state)
{
	return ((struct fitness *)state)->person;
}

/* Defined below; the draft opener needs it. */
static const struct screen screen_fitness;

enum status fitness_open_draft(struct app *app, long long ref_id, const char *json)
{
	return app_push_draft(app, &screen_fitness, &ref_id, json);
}

static const struct screen screen_fitness = {
	.name = "fitness",
	.title = N_("Fitness to travel"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_MEDICAL_WRITE),
	.state_size = sizeof(struct fitness),
	.bindings = bindings,
	.enter = fitness_enter,
	.draw = fitness_draw,
	.form = fitness_form,
	.submit = fitness_submit,
	.draft_kind = "fitness",
	.draft_ref = fitness_draft_ref,
};

enum status fitness_open(struct app *app, long long person_id)
{
	return app_push(app, &screen_fitness, &person_id);
}
