/* My preferences: display name and language, saved with a version check. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "db/user.h"
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
};

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
 * reported, never overwritten. */
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
		if (user_get(app_db(app), u.id, &u) == ST_OK)
			app_set_user(app, &u);
		load(s, &u);
		app_error(app, _("Someone changed your account meanwhile: the form shows it now. Make your change again."));
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
