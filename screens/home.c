/* The home menu: the entries of every module the user's role may open,
 * grouped under their module, the role's daily work first, in two columns
 * so that nine modules fit at 80x24. Built from the module table; names no
 * module. */
#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "db/draft.h"
#include "db/refdata.h"
#include "db/user.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/module.h"

#define HOME_COLUMNS 2
#define MENU_TOP 3       /* below the welcome lines */

enum { ACT_OPEN = 1 };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Open"),
	  N_("Open the selected entry (or press its letter or digit); arrows move, also between columns") },
	{ 0, { 0 }, NULL, NULL },
};

struct home {
	struct app *app;
	struct home_layout layout;
	int layout_rows;         /* the rows the layout was made for */
	int cur;                 /* index in layout.items of the selected entry */
	const struct module_draft *draft;   /* the kind of the user's unfinished form, or NULL */
	long long draft_ref;
	char draft_at[24];
	char centre[200];        /* the user's centre, named in centre_lang */
	char centre_lang[3];
};

/* The rows the menu has below the welcome lines and the draft lines. */
static int menu_rows(const struct home *s, int body_rows)
{
	return body_rows - MENU_TOP - (s->draft ? 3 : 0);
}

/* Moves the selection to the first entry at or after i (wrapping). */
static void select_from(struct home *s, int i, int step)
{
	for (int k = 0; k < s->layout.n; k++) {
		int j = ((i + k * step) % s->layout.n + s->layout.n) % s->layout.n;
		if (s->layout.items[j].entry) {
			s->cur = j;
			return;
		}
	}
}

/* Lays the menu out again for rows rows. */
static void relayout(struct app *app, struct home *s, int rows)
{
	module_home_layout(app_modules(app), (int)app_user(app)->role, HOME_COLUMNS, rows, &s->layout);
	s->layout_rows = rows;
	if (s->cur >= s->layout.n || !s->layout.items[s->cur].entry)
		select_from(s, 0, 1);
}

/* Keeps the newest draft a module can reopen (draft_list's callback). */
static void newest_draft(const struct draft_info *d, void *ctx)
{
	struct home *s = ctx;
	const struct module_draft *kind = module_draft_kind(app_modules(s->app), d->kind);
	if (s->draft || !kind)
		return;
	s->draft = kind;
	s->draft_ref = d->ref_id;
	snprintf(s->draft_at, sizeof s->draft_at, "%s", d->saved_at);
}

/* Finds the user's newest unfinished form, of any module's kind. */
static void find_draft(struct app *app, struct home *s)
{
	s->app = app;
	s->draft = NULL;
	draft_list(app_db(app), newest_draft, s);
}

static enum status home_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct home *s = state;
	find_draft(app, s);
	relayout(app, s, menu_rows(s, LINES - 3));
	return ST_OK;
}

/* Opens entry e. */
static enum ui_result choose(struct app *app, const struct module_entry *e)
{
	e->open(app);
	return UI_HANDLED;
}

/* The draft lines' keys: resume or discard. */
static enum ui_result draft_key(struct app *app, struct home *s, int key)
{
	if (key == 'r') {
		char *json = NULL;
		enum status st = draft_read(app_db(app), s->draft->kind, s->draft_ref, &json);
		if (st == ST_OK)
			s->draft->resume(app, s->draft_ref, json);
		else
			app_error(app, _(status_msgid(st)));
		free(json);
		return UI_HANDLED;
	}
	if (app_confirm(app, _("Discard the unfinished form for good?"))) {
		draft_discard(app_db(app), s->draft->kind, s->draft_ref);
		home_enter(app, s, NULL);
		app_message(app, _("The unfinished form is discarded."));
	}
	return UI_HANDLED;
}

/* The entry in the other column nearest to the selected row, or -1. */
static int across(const struct home *s, int dcol)
{
	const struct home_item *c = &s->layout.items[s->cur];
	int best = -1;
	for (int i = 0; i < s->layout.n; i++) {
		const struct home_item *it = &s->layout.items[i];
		if (!it->entry || it->col != c->col + dcol)
			continue;
		if (best < 0 || abs(it->row - c->row) < abs(s->layout.items[best].row - c->row))
			best = i;
	}
	return best;
}

static enum ui_result home_input(struct app *app, void *state, int key)
{
	struct home *s = state;
	/* The home screen is the bottom once signed in: Log out leaves it. */
	if (key == UI_ESC) {
		app_message(app, _("Choose Log out to sign out, or Quit."));
		return UI_HANDLED;
	}
	if (s->layout.n == 0)
		return UI_IGNORED;
	switch (key) {
	case UI_KEYCODE(KEY_UP):
		select_from(s, s->cur - 1, -1);
		return UI_HANDLED;
	case UI_KEYCODE(KEY_DOWN):
	case '\t':
		select_from(s, s->cur + 1, 1);
		return UI_HANDLED;
	case UI_KEYCODE(KEY_HOME):
		select_from(s, 0, 1);
		return UI_HANDLED;
	case UI_KEYCODE(KEY_END):
		select_from(s, s->layout.n - 1, -1);
		return UI_HANDLED;
	case UI_KEYCODE(KEY_LEFT):
	case UI_KEYCODE(KEY_RIGHT): {
		int i = across(s, key == UI_KEYCODE(KEY_LEFT) ? -1 : 1);
		if (i >= 0)
			s->cur = i;
		return UI_HANDLED;
	}
	case '\n':
		return s->layout.items[s->cur].entry ? choose(app, s->layout.items[s->cur].entry) : UI_HANDLED;
	default:
		break;
	}
	if (key <= 0 || key >= 128)
		return UI_IGNORED;
	int k = tolower(key);
	if (s->draft && (k == 'r' || k == 'x'))
		return draft_key(app, s, k);
	for (int i = 0; i < s->layout.n; i++) {
		const struct module_entry *e = s->layout.items[i].entry;
		if (e && e->key == k) {
			s->cur = i;
			return choose(app, e);
		}
	}
	return UI_IGNORED;
}

static void home_draw(struct app *app, void *state, WINDOW *win)
{
	struct home *s = state;
	const struct user *u = app_user(app);
	int cols = getmaxx(win);
	char line[512];
	/* Read once per language, not at every key. */
	if (strcmp(s->centre_lang, lang_get()) != 0) {
		ref_centre_name(app_db(app), u->centre_code, lang_get(), s->centre, sizeof s->centre);
		snprintf(s->centre_lang, sizeof s->centre_lang, "%s", lang_get());
	}
	if (menu_rows(s, getmaxy(win)) != s->layout_rows)
		relayout(app, s, menu_rows(s, getmaxy(win)));
	snprintf(line, sizeof line, _("Welcome, %s"), u->display_name);
	ui_put(win, 0, 2, cols - 4, A_BOLD, line);
	snprintf(line, sizeof line, "%s · %s", _(role_label_msgid(u->role)), s->centre);
	ui_put(win, 1, 2, cols - 4, 0, line);
	int top = MENU_TOP;
	if (s->draft) {
		/* Kept when the line dropped, while it was being filled. */
		snprintf(line, sizeof line, _("Unfinished form: %s (%s UTC)"), _(s->draft->label), s->draft_at);
		ui_put(win, top, 2, cols - 4, A_BOLD, line);   /* fits: test_modules */
		snprintf(line, sizeof line, " r  %s", _("Resume the unfinished form"));
		ui_put(win, top + 1, 2, cols / 2 - 3, 0, line);
		snprintf(line, sizeof line, " x  %s", _("Discard the unfinished form"));
		ui_put(win, top + 1, cols / 2, cols / 2 - 3, 0, line);
		top += 3;
	}
	int width = (cols - 4) / HOME_COLUMNS;
	for (int i = 0; i < s->layout.n; i++) {
		const struct home_item *it = &s->layout.items[i];
		int x = 2 + it->col * width;
		if (!it->entry) {
			ui_put(win, top + it->row, x, width - 2, A_BOLD | A_UNDERLINE, _(it->module->title));
			continue;
		}
		snprintf(line, sizeof line, " %c  %s ", it->entry->key, _(it->entry->label));
		ui_put_padded(win, top + it->row, x, width - 2, i == s->cur ? UI_ATTR_SELECTED : 0, line);
	}
}

/* Back on the menu: a draft may have been used or discarded. */
static void home_resume(struct app *app, void *state)
{
	struct home *s = state;
	int cur = s->cur;
	home_enter(app, s, NULL);
	if (cur < s->layout.n && s->layout.items[cur].entry)
		s->cur = cur;
}

const struct screen screen_home = {
	.name = "home",
	.title = N_("Home"),
	.needs_login = true,
	.is_base = true,
	.state_size = sizeof(struct home),
	.bindings = bindings,
	.enter = home_enter,
	.draw = home_draw,
	.input = home_input,
	.resume = home_resume,
};
