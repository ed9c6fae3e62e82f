/* The arrival at a centre of a community member who migrates: date,
 * centre, how they came. They become a migrant with the same record,
 * number and history (db/community.h). Opened from the case file by an
 * intake clerk. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "db/community.h"
#include "db/person.h"
#include "db/refdata.h"
#include "screens/community.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"
#include "ui/vocab_choices.h"

enum { F_DATE, F_CENTRE, F_MODE, F_COUNT };
enum { ACT_SAVE = 1 };

static const struct binding bindings[] = {
	{ ACT_SAVE, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Register the arrival: the person becomes a migrant (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

struct arrival {
	long long person;
	char who[420];
	struct form form;
	struct field_def defs[F_COUNT];
	struct ref_choices *centres;
};

static enum status arrival_enter(struct app *app, void *state, const void *arg)
{
	struct arrival *s = state;
	if (!arg)
		return ST_NOT_FOUND;
	s->person = *(const long long *)arg;
	struct person p;
	enum status st = person_current(app_db(app), s->person, &p);
	if (st != ST_OK)
		return st;
	snprintf(s->who, sizeof s->who, "%s %s", p.family_name, p.given_names);
	s->centres = ref_choices_load(app_db(app), REF_CENTRE, lang_get(), 0);
	if (!s->centres)
		return ST_NOMEM;
	struct field_def *d = s->defs;
	d[F_DATE] = (struct field_def){ .label = N_("Arrival date"), .type = FIELD_DATE, .required = true,
	                                .past_only = true, .full_date = true, .name = "arrival_date" };
	d[F_CENTRE] = (struct field_def){ .label = N_("Centre"), .type = FIELD_CHOICE, .required = true,
	                                  .choices = s->centres->items, .nchoices = s->centres->n,
	                                  .name = "centre" };
	d[F_MODE] = (struct field_def){ .label = N_("How the person came"), .type = FIELD_CHOICE, .required = true,
	                                .labels_are_msgids = true, .name = "arrival_mode" };
	d[F_MODE].choices = vocab_choices(VOCAB_ARRIVAL_MODE, false, &d[F_MODE].nchoices);
	form_init(&s->form, s->defs, F_COUNT);
	char today[11];
	struct pdate t = clock_today();
	date_to_iso(&t, today, sizeof today);
	form_set(&s->form, F_DATE, today);
	form_set(&s->form, F_CENTRE, app_user(app)->centre_code);
	s->form.changed = false;
	return ST_OK;
}

static void arrival_leave(struct app *app, void *state)
{
	(void)app;
	ref_choices_free(&((struct arrival *)state)->centres);
}

static enum ui_result save(struct app *app, struct arrival *s)
{
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char date[16], centre[8], mode[16];
	form_get(&s->form, F_DATE, date, sizeof date);
	form_get(&s->form, F_CENTRE, centre, sizeof centre);
	form_get(&s->form, F_MODE, mode, sizeof mode);
	const char *why = NULL;
	enum status st = community_arrive(app_db(app), s->person, centre, date, mode, &why);
	if (st != ST_OK) {
		app_error(app, _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	s->form.changed = false;
	app_message(app, _("Arrival registered: a migrant now, with the same case number."));
	return UI_LEAVE;
}

static enum ui_result arrival_action(struct app *app, void *state, int action)
{
	return action == ACT_SAVE ? save(app, state) : UI_IGNORED;
}

static enum ui_result arrival_submit(struct app *app, void *state)
{
	return save(app, state);
}

static void arrival_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct arrival *s = state;
	char line[600];
	snprintf(line, sizeof line, _("%s, registered as a community member, arrives at a centre as a migrant:"),
	         app_privacy(app) ? "*****" : s->who);
	int used = ui_put_wrapped(win, 1, 2, getmaxx(win) - 4, 2, A_BOLD, line);
	form_draw(&s->form, win, 2 + used, getmaxy(win) - 2 - used);
}

static struct form *arrival_form(void *state)
{
	return &((struct arrival *)state)->form;
}

static const struct screen screen_arrival = {
	.name = "community_arrival",
	.title = N_("Arrival of a community member"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PERSON_WRITE),
	.state_size = sizeof(struct arrival),
	.bindings = bindings,
	.enter = arrival_enter,
	.leave = arrival_leave,
	.draw = arrival_draw,
	.action = arrival_action,
	.form = arrival_form,
	.submit = arrival_submit,
};

enum status community_arrival_open(struct app *app, long long person_id)
{
	struct person p;
	if (perm_allows((int)app_user(app)->role, PERM_PERSON_WRITE)
	    && person_current(app_db(app), person_id, &p) == ST_OK && !person_is_community(&p)) {
		app_error(app, _("This person is registered as a migrant already."));
		return ST_OK;
	}
	return app_push(app, &screen_arrival, &person_id);
}
