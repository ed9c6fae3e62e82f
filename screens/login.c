/* The login screen: the root of the stack. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "db/db.h"
#include "demo/demo.h"
#include "db/login.h"
#include "db/user.h"
#include "screens/screens.h"
#include "ui/account_text.h"
#include "ui/draw.h"
#include "ui/form.h"

enum { F_NAME, F_PASSWORD, F_COUNT };
enum { ACT_SIGN_IN = 1 };

static const struct field_def fields[F_COUNT] = {
	[F_NAME] = { .label = N_("User name"), .type = FIELD_TEXT, .required = true,
	             .maxlen = USER_NAME_MAX },
	[F_PASSWORD] = { .label = N_("Password"), .type = FIELD_PASSWORD, .required = true,
	                 .maxlen = 128 },
};

static const struct binding bindings[] = {
	{ ACT_SIGN_IN, { '\n', UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0 }, N_("Sign in"),
	  N_("Sign in with this name and password") },
	{ 0, { 0 }, NULL, NULL },
};

struct login {
	struct form form;
	bool demo;
};

/* "ssh ADDRESS" for a session over SSH, else "local", for the audit trail. */
static void origin(char *out, size_t size)
{
	const char *ssh = getenv("SSH_CLIENT");
	if (ssh && *ssh) {
		char addr[64];
		snprintf(addr, sizeof addr, "%s", ssh);
		addr[strcspn(addr, " ")] = '\0';
		snprintf(out, size, "ssh %s", addr);
	} else {
		snprintf(out, size, "local");
	}
}

static enum status login_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct login *s = state;
	form_init(&s->form, fields, F_COUNT);
	s->demo = db_is_demo(app_db(app));
	return ST_OK;
}

/* Empties the password field (after every attempt) and optionally the name. */
static void clear_fields(struct login *s, bool name_too)
{
	form_set(&s->form, F_PASSWORD, "");
	if (name_too)
		form_set(&s->form, F_NAME, "");
	s->form.cur = name_too ? F_NAME : F_PASSWORD;
	s->form.changed = false;
}

/* Checks the credentials and opens the home screen. */
static enum ui_result sign_in(struct app *app, struct login *s)
{
	if (!form_validate(&s->form))
		return UI_HANDLED;
	char name[FORM_VALUE_MAX], password[FORM_VALUE_MAX], from[96];
	form_get(&s->form, F_NAME, name, sizeof name);
	form_get(&s->form, F_PASSWORD, password, sizeof password);
	origin(from, sizeof from);
	struct user u;
	struct login_request req = { name, password, from, clock_now(), app_lockout_policy(app) };
	time_t until = 0;
	enum status st = login_attempt(app_db(app), &req, &u, &until);
	explicit_bzero(password, sizeof password);
	if (st == ST_LOCKED) {
		char msg[256];
		account_locked_message(until, msg, sizeof msg);
		clear_fields(s, false);
		app_error(app, msg);
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		clear_fields(s, false);
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	clear_fields(s, true);
	app_set_user(app, &u);
	app_push(app, &screen_home, NULL);
	return UI_HANDLED;
}

static enum ui_result login_input(struct app *app, void *state, int key)
{
	struct login *s = state;
	enum form_result r = form_key(&s->form, key);
	if (r == FORM_SUBMIT)
		return sign_in(app, s);
	return r == FORM_HANDLED ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result login_action(struct app *app, void *state, int action)
{
	return action == ACT_SIGN_IN ? sign_in(app, state) : UI_IGNORED;
}

/* Lists the demo accounts, only ever in a demo database. */
static void draw_demo(WINDOW *win, int y)
{
	int cols = getmaxx(win);
	ui_put(win, y, 2, cols - 4, A_BOLD,
	       _("Demo database: do not enter real people. Accounts (password: name-demo):"));
	char line[512] = "";
	int row = y + 1;
	for (int i = 0; i < demo_account_count; i++) {
		size_t len = strlen(line);
		if (len + strlen(demo_accounts[i].name) + 3 > (size_t)cols - 6) {
			ui_put(win, row++, 4, cols - 6, 0, line);
			line[0] = '\0';
			len = 0;
		}
		snprintf(line + len, sizeof line - len, "%s%s", len ? ", " : "", demo_accounts[i].name);
	}
	ui_put(win, row, 4, cols - 6, 0, line);
}

static void login_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct login *s = state;
	int rows = getmaxy(win);
	ui_put_centred(win, 1, A_BOLD, "Taimako");
	ui_put_centred(win, 2, 0, _("Assistance and protection of migrants"));
	ui_put(win, 4, 2, getmaxx(win) - 4, 0, _("Sign in with your user name and password."));
	if (s->demo)
		draw_demo(win, rows - 4);
	form_draw(&s->form, win, 6, 5);
}

static bool login_typing(struct app *app, void *state)
{
	(void)app;
	return form_typing(&((struct login *)state)->form);
}

const struct screen screen_login = {
	.name = "login",
	.title = N_("Sign in"),
	.needs_login = false,
	.state_size = sizeof(struct login),
	.bindings = bindings,
	.enter = login_enter,
	.draw = login_draw,
	.input = login_input,
	.action = login_action,
	.typing = login_typing,
};
