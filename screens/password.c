/* A new password: one's own (after the current one), or another account's
 * (administrators, which also lifts a lockout). */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/password.h"
#include "db/login.h"
#include "db/user.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/form.h"

enum { F_CURRENT, F_NEW, F_AGAIN, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Set the new password (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

/* The password rule, for the form. */
static const char *check_password(const char *value)
{
	return password_check_rules(value) == ST_OK ? NULL : N_("At least 10 characters.");
}

/* Passwords have no name: never kept in a draft (nor written by form_to_json). */
static const struct field_def own_fields[F_COUNT] = {
	[F_CURRENT] = { .label = N_("Current password"), .type = FIELD_PASSWORD, .required = true, .maxlen = 128 },
	[F_NEW] = { .label = N_("New password"), .type = FIELD_PASSWORD, .required = true, .maxlen = 128,
	            .check = check_password },
	[F_AGAIN] = { .label = N_("New password again"), .type = FIELD_PASSWORD, .required = true,
	              .maxlen = 128 },
};

struct password {
	char account[40];     /* "" for one's own */
	struct form form;
	int first;            /* index in own_fields of the form's first field */
};

static enum status password_enter(struct app *app, void *state, const void *arg)
{
	(void)app;
	struct password *s = state;
	snprintf(s->account, sizeof s->account, "%s", arg ? (const char *)arg : "");
	s->first = s->account[0] ? F_NEW : F_CURRENT;
	form_init(&s->form, own_fields + s->first, F_COUNT - s->first);
	return ST_OK;
}

/* Reads own_fields[f] from the form. */
static void get(struct password *s, int f, char *out, size_t size)
{
	form_get(&s->form, f - s->first, out, size);
}

/* Validates and sets the password; nothing of it stays in memory. */
static enum ui_result save(struct app *app, struct password *s)
{
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char current[FORM_VALUE_MAX] = "", pw[FORM_VALUE_MAX], again[FORM_VALUE_MAX];
	if (!s->account[0])
		get(s, F_CURRENT, current, sizeof current);
	get(s, F_NEW, pw, sizeof pw);
	get(s, F_AGAIN, again, sizeof again);
	enum status st = ST_OK;
	bool cancelled = false;
	if (strcmp(pw, again) != 0) {
		s->form.fields[F_AGAIN - s->first].error = N_("The two passwords differ.");
		s->form.cur = F_AGAIN - s->first;
		st = ST_INVALID;
	} else if (s->account[0]) {
		char question[256];
		snprintf(question, sizeof question, _("Give the account %s this new password? It also unlocks it."),
		         s->account);
		if (app_confirm(app, question))
			st = user_set_password(app_db(app), s->account, pw);
		else
			cancelled = true;
	} else {
		st = login_change_password(app_db(app), current, pw);
		if (st == ST_WRONG_PASSWORD) {
			s->form.fields[0].error = status_msgid(st);
			s->form.cur = 0;
		}
	}
	explicit_bzero(current, sizeof current);
	explicit_bzero(pw, sizeof pw);
	explicit_bzero(again, sizeof again);
	if (st == ST_INVALID)
		return UI_HANDLED;
	if (cancelled) {
		app_message(app, _("The password is not changed."));
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	s->form.changed = false;
	app_message(app, _("The password is changed."));
	return UI_LEAVE;
}

static void password_draw(struct app *app, void *state, WINDOW *win)
{
	struct password *s = state;
	char line[256];
	snprintf(line, sizeof line, _("Account: %s"), s->account[0] ? s->account : app_user(app)->name);
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, line);
	ui_put(win, 2, 2, getmaxx(win) - 4, 0, _("At least 10 characters. A short sentence is easy to remember."));
	form_draw(&s->form, win, 4, getmaxy(win) - 4);
}

/* The form, for the loop's shared form behaviour. */
static struct form *password_form(void *state)
{
	return &((struct password *)state)->form;
}

/* Enter on the last field, or the save key. */
static enum ui_result password_submit(struct app *app, void *state)
{
	return save(app, state);
}

static const struct screen screen_password = {
	.name = "password",
	.title = N_("Password"),
	.needs_login = true,
	.state_size = sizeof(struct password),
	.bindings = bindings,
	.enter = password_enter,
	.draw = password_draw,
	.form = password_form,
	.submit = password_submit,
};

enum status password_open(struct app *app, const char *account)
{
	return app_push(app, &screen_password, account);
}
