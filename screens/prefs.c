/* My preferences: display name and language, saved with a version check. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "db/user.h"
#include "screens/conflict.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"

enum { F_DISPLAY, F_LANG, F_COUNT };

/* The language names are written in their own language on purpose. */
static const struct choice languages[] = {
	{ "fr", "Français", NULL },
	{ "en", "English", NULL },
};

static const struct field_def fields[F_COUNT] = {
	[F_DISPLAY] = { .label = N_("Full name"), .type = FIELD_TEXT, .required = true,
	                .maxlen = USER_DISPLAY_MAX, .name = "display_name" },
	[F_LANG] = { .label = N_("Language"), .type = FIELD_CHOICE, .required = true,
	             .choices = languages, .nchoices = 2, .name = "lang" },
};

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the changes (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

struct prefs {
	struct form form;
	bool resolving;                 /* the conflict chooser is open over the form */
	struct user theirs;             /* the account as saved elsewhere */
	int both[F_COUNT];              /* the field of each choice.fields */
	struct conflict_choice choice;
};

/* Field f of u as the form holds it. */
static const char *value_of(const struct user *u, int f)
{
	return f == F_DISPLAY ? u->display_name : u->lang;
}

/* A value of field f as the user reads it. */
static const char *shown_value(int f, const char *v)
{
	for (int i = 0; f == F_LANG && i < 2; i++)
		if (strcmp(languages[i].value, v) == 0)
			return languages[i].label;
	return v;
}

/* The account was saved elsewhere (by an administrator, or in another
 * session) while this form was filled: the other changes go into the form,
 * and for a field both changed the user chooses. base is the account as
 * this form knew it. */
static void resolve_conflict(struct app *app, struct prefs *s, const struct user *base)
{
	enum status st = user_get(app_db(app), base->id, &s->theirs);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return;
	}
	app_set_user(app, &s->theirs);
	s->choice.n = 0;
	for (int f = 0; f < F_COUNT; f++) {
		char mine[CONFLICT_VALUE];
		const char *b = value_of(base, f), *t = value_of(&s->theirs, f);
		form_get(&s->form, f, mine, sizeof mine);
		if (strcmp(t, b) == 0 || strcmp(t, mine) == 0)
			continue;
		if (strcmp(mine, b) == 0) {
			form_set(&s->form, f, t);
			continue;
		}
		struct conflict_field *c = &s->choice.fields[s->choice.n];
		s->both[s->choice.n++] = f;
		c->label = fields[f].label;
		snprintf(c->mine, sizeof c->mine, "%s", shown_value(f, mine));
		snprintf(c->theirs, sizeof c->theirs, "%s", shown_value(f, t));
		c->keep_theirs = false;
	}
	s->form.changed = true;
	if (s->choice.n == 0) {
		app_message(app, _("Someone saved this account meanwhile; their changes are now in the form with yours. "
		                   "Check, then F2 saves."));
		return;
	}
	s->resolving = true;
	conflict_open(app, &s->choice);
}

/* Back from the conflict chooser: the values chosen go into the form. */
static void prefs_resume(struct app *app, void *state)
{
	struct prefs *s = state;
	if (!s->resolving)
		return;
	s->resolving = false;
	for (int i = 0; i < s->choice.n; i++)
		if (s->choice.fields[i].keep_theirs)
			form_set(&s->form, s->both[i], value_of(&s->theirs, s->both[i]));
	s->form.changed = true;
	app_message(app, _("The values chosen are in the form: check, then F2 saves."));
}

/* Fills the form from the account as it is now. */
static void load(struct prefs *s, const struct user *u)
{
	form_init(&s->form, fields, F_COUNT);
	form_set(&s->form, F_DISPLAY, u->display_name);
	form_set(&s->form, F_LANG, u->lang);
}

static enum status prefs_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	load(state, app_user(app));
	return ST_OK;
}

/* Validates and saves; a change made meanwhile in another session is
 * merged, never overwritten. */
static enum ui_result save(struct app *app, struct prefs *s)
{
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char display[FORM_VALUE_MAX], lang[8];
	form_get(&s->form, F_DISPLAY, display, sizeof display);
	form_get(&s->form, F_LANG, lang, sizeof lang);
	struct user u = *app_user(app);
	enum status st = user_save_prefs(app_db(app), &u, display, lang);
	if (st == ST_CONFLICT) {
		resolve_conflict(app, s, &u);
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	app_set_user(app, &u);
	s->form.changed = false;
	app_message(app, _("Saved."));
	return UI_HANDLED;
}

static void prefs_draw(struct app *app, void *state, WINDOW *win)
{
	struct prefs *s = state;
	char line[256];
	snprintf(line, sizeof line, _("Account: %s"), app_user(app)->name);
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, line);
	form_draw(&s->form, win, 3, getmaxy(win) - 3);
}

/* The form, for the loop's shared form behaviour. */
static struct form *prefs_form(void *state)
{
	return &((struct prefs *)state)->form;
}

/* Enter on the last field, or the save key. */
static enum ui_result prefs_submit(struct app *app, void *state)
{
	return save(app, state);
}

static const struct screen screen_prefs = {
	.name = "prefs",
	.title = N_("My preferences"),
	.needs_login = true,
	.state_size = sizeof(struct prefs),
	.bindings = bindings,
	.enter = prefs_enter,
	.draw = prefs_draw,
	.form = prefs_form,
	.submit = prefs_submit,
	.resume = prefs_resume,
	.draft_kind = "prefs",   /* ref 0: one's own */
};

enum status prefs_open(struct app *app)
{
	return app_push(app, &screen_prefs, NULL);
}

enum status prefs_open_draft(struct app *app, long long ref, const char *json)
{
	(void)ref;
	return app_push_draft(app, &screen_prefs, NULL, json);
}
