/* The idle lock screen. Deliberately not a screen on the stack: the stack
 * stays as it was, hidden, and comes back whole after the password. */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "db/login.h"
#include "ui/account_text.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/lineedit.h"
#include "ui/lock.h"

/* Draws the lock screen: who, a password field, the way out. */
static void draw(struct app *app, struct lineedit *pw, const char *msg)
{
	const struct user *u = app_user(app);
	werase(stdscr);
	int y = LINES / 2 - 3;
	char line[256];
	ui_put_centred(stdscr, y, A_BOLD, _("Taimako is locked"));
	snprintf(line, sizeof line, _("Session of %s (%s), locked after a time without use."),
	         u->display_name, u->name);
	ui_put_centred(stdscr, y + 2, 0, line);
	char label[64];
	snprintf(label, sizeof label, "%s: ", _("Password"));
	int w = 30 + (int)strlen(label);
	int x = COLS > w ? (COLS - w) / 2 : 0;
	int used = ui_put(stdscr, y + 4, x, COLS - x, 0, label);
	if (msg)
		ui_put_centred(stdscr, y + 6, A_BOLD, msg);
	ui_put_centred(stdscr, LINES - 1, 0, _("Enter: unlock   F10 or Ctrl-X: sign out"));
	le_draw(pw, stdscr, y + 4, x + used, 30, A_UNDERLINE, true);
	curs_set(1);
	wnoutrefresh(stdscr);
	doupdate();
}

/* Checks the password typed; returns 1 unlocked, 0 try again, -1 sign out. */
static int try_unlock(struct app *app, struct lineedit *pw, const char **msg)
{
	char typed[LINEEDIT_MAX * 4 + 1];
	le_get(pw, typed, sizeof typed);
	le_set(pw, "");
	struct login_request req = { NULL, typed, NULL, clock_now(), app_lockout_policy(app) };
	time_t until = 0;
	enum status st = login_confirm(app_db(app), &req, &until);
	explicit_bzero(typed, sizeof typed);
	if (st == ST_OK)
		return 1;
	if (st == ST_LOCKED) {
		char text[200];
		account_locked_message(until, text, sizeof text);
		app_error(app, text);
		return -1;
	}
	*msg = st == ST_BAD_LOGIN ? _("Wrong password.") : _(status_msgid(st));
	beep();
	return 0;
}

bool lock_run(struct app *app)
{
	struct lineedit pw;
	le_init(&pw, 128);
	const char *msg = NULL;
	/* The screen goes blank at once: nothing of the record stays visible. */
	clearok(curscr, TRUE);
	for (;;) {
		draw(app, &pw, msg);
		int key = app_read_key(app);
		if (app_hangup)
			return false;
		if (key == 0 || key == UI_KEYCODE(KEY_RESIZE))
			continue;
		int action = keys_lookup(ui_global_bindings, key, true);
		if (action == ACT_QUIT)
			return false;
		if (key == '\n') {
			int r = try_unlock(app, &pw, &msg);
			if (r != 0) {
				clearok(curscr, TRUE);
				return r > 0;
			}
			continue;
		}
		if (le_key(&pw, key) != LE_IGNORED)
			msg = NULL;
	}
}
