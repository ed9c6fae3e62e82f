/* Staff accounts (administrators): the list, from which an account is
 * opened, created, given a new password, or its history shown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/user.h"
#include "screens/admin.h"
#include "screens/screens.h"
#include "ui/account_text.h"
#include "ui/draw.h"
#include "ui/list.h"

enum { ACT_EDIT = 1, ACT_NEW, ACT_PASSWORD, ACT_UNLOCK, ACT_HISTORY };

static const struct binding bindings[] = {
	{ ACT_EDIT, { '\n', 'e', 0, 0 }, N_("Open"), N_("Change the selected account") },
	{ ACT_NEW, { UI_KEYCODE(KEY_F(3)), 'n', UI_CTRL('N'), 0 }, N_("New"), N_("Create an account") },
	{ ACT_PASSWORD, { 'p', 0, 0, 0 }, NULL,
	  N_("Set a new password for the selected account (also lifts a lockout), after a confirmation") },
	{ ACT_UNLOCK, { 'u', 0, 0, 0 }, NULL,
	  N_("Unlock the selected account after too many failed sign-ins; its password stays") },
	{ ACT_HISTORY, { 'h', 0, 0, 0 }, NULL, N_("Show the history of the selected account") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	/* A longer name, role or state ends with "…" and shows whole on the
	 * line of the selected account under the list. */
	{ N_("Account"), 13, false },
	{ N_("Full name"), 18, true },
	{ N_("Role"), 20, false },
	{ N_("Ctr"), 3, false },
	{ N_("State"), 0, false },
};

struct users {
	struct app *app;
	struct list list;
};

struct fill {
	struct list_row *rows;
	int n;
};

/* Copies one account into the next list row. */
static void add_row(const struct user *u, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	snprintf(r->cells[0], sizeof r->cells[0], "%s", u->name);
	text_fit(u->display_name, LIST_CELL - 1, r->cells[1], sizeof r->cells[1]);
	snprintf(r->cells[2], sizeof r->cells[2], "%s", _(role_label_msgid(u->role)));
	snprintf(r->cells[3], sizeof r->cells[3], "%s", u->centre_code);
	account_state_text(u, clock_now(), r->cells[4], sizeof r->cells[4]);
	snprintf(r->key.text, sizeof r->key.text, "%s", u->name);
	r->key.id = u->id;
}

/* The list's source: accounts by name, a page at a time by name. */
static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct users *s = ctx;
	struct fill f = { rows, 0 };
	enum status st = user_list(app_db(s->app), dir, key ? key->text : NULL, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status users_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct users *s = state;
	s->app = app;
	list_init(&s->list, columns, 5, fetch, s);
	return ST_OK;
}

static enum ui_result users_input(struct app *app, void *state, int key)
{
	(void)app;
	struct users *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

/* Lifts the lockout of account after a confirmation. */
static void unlock(struct app *app, struct users *s, const char *account)
{
	char text[256];
	snprintf(text, sizeof text, _("Unlock the account %s? Its password stays the same."), account);
	if (!app_confirm(app, text)) {
		app_message(app, _("Nothing changed."));
		return;
	}
	bool was_locked = false;
	enum status st = user_unlock(app_db(app), account, &was_locked);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return;
	}
	list_refresh(&s->list);
	snprintf(text, sizeof text, was_locked ? _("The account %s is unlocked.") : _("The account %s was not locked."),
	         account);
	app_message(app, text);
}

static enum ui_result users_action(struct app *app, void *state, int action)
{
	struct users *s = state;
	const struct list_row *row = list_current(&s->list);
	struct audit_target target;
	switch (action) {
	case ACT_NEW:
		user_form_open(app, NULL);
		break;
	case ACT_EDIT:
		if (row)
			user_form_open(app, row->cells[0]);
		break;
	case ACT_PASSWORD:
		if (row)
			password_open(app, row->cells[0]);
		break;
	case ACT_UNLOCK:
		if (row) {
			char account[sizeof row->cells[0]];
			snprintf(account, sizeof account, "%s", row->cells[0]);
			unlock(app, s, account);
		}
		break;
	case ACT_HISTORY:
		if (row) {
			snprintf(target.entity, sizeof target.entity, "app_user");
			target.id = row->key.id;
			text_fit(row->cells[0], (int)sizeof target.title - 1, target.title, sizeof target.title);
			audit_open(app, &target);
		}
		break;
	default:
		return UI_IGNORED;
	}
	return UI_HANDLED;
}

/* Back from a form: the list shows what changed, on the same account. */
static void users_resume(struct app *app, void *state)
{
	(void)app;
	list_refresh(&((struct users *)state)->list);
}

static void users_draw(struct app *app, void *state, WINDOW *win)
{
	struct users *s = state;
	s->list.privacy = app_privacy(app);
	int rows = getmaxy(win);
	list_draw(&s->list, win, 1, rows - 3);
	/* The selected account whole: name, role and state are never cut. */
	const struct list_row *row = list_current(&s->list);
	if (row) {
		char line[sizeof row->cells[0] * 3 + 16];
		/* In privacy mode the name shows on its row only. */
		if (s->list.privacy)
			snprintf(line, sizeof line, "%s · %s", row->cells[2], row->cells[4]);
		else
			snprintf(line, sizeof line, "%s · %s · %s", row->cells[1], row->cells[2], row->cells[4]);
		ui_put(win, rows - 2, 1, getmaxx(win) - 2, 0, line);
	}
	/* The keys of the selected account, where the status line has no room. */
	ui_put(win, rows - 1, 1, getmaxx(win) - 2, A_BOLD,
	       _("p new password   u unlock (after failed sign-ins)   h history"));
}

static const struct screen screen_users = {
	.name = "users",
	.title = N_("Staff accounts"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_ACCOUNTS),
	.state_size = sizeof(struct users),
	.bindings = bindings,
	.enter = users_enter,
	.draw = users_draw,
	.input = users_input,
	.action = users_action,
	.resume = users_resume,
};

enum status users_open(struct app *app)
{
	return app_push(app, &screen_users, NULL);
}
