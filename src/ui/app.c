/* The screen loop, the bars around the body, and the shared keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/audit.h"
#include "db/draft.h"
#include "db/login.h"
#include "db/user.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/list.h"
#include "ui/lock.h"
#include "ui/term_guard.h"

#define KEY_TIMEOUT_MS 1000

volatile sig_atomic_t app_hangup;

struct frame {
	const struct screen *screen;
	void *state;
	bool touched;   /* its form had unsaved changes at some point */
};

struct app {
	struct db *db;
	struct timespec last_key;   /* for the idle lock */
	bool privacy;               /* names masked in lists */
	struct user user;
	bool logged_in;
	struct frame stack[UI_STACK_MAX];
	int depth;
	SCREEN *term;
	WINDOW *body;          /* NULL while the terminal is too small */
	char msg[512];
	bool msg_error;
	bool dirty;
	bool quit;
	const struct screen *help;  /* pushed by F1 */
	const struct screen *lookup;  /* pushed by / */
	const struct module *const *modules;
	struct app_config config;
};

/* Sets the flag the loop checks; nothing else is safe in a handler. */
static void on_hangup(int sig)
{
	(void)sig;
	app_hangup = 1;
}

/* (Re)creates the body window for the current size. */
static void layout(struct app *app)
{
	if (app->body) {
		delwin(app->body);
		app->body = NULL;
	}
	if (LINES >= UI_MIN_ROWS && COLS >= UI_MIN_COLS) {
		app->body = newwin(LINES - 3, COLS, 1, 0);
		if (app->body) {
			keypad(app->body, TRUE);
			wtimeout(app->body, KEY_TIMEOUT_MS);
		}
	}
	app->dirty = true;
}

struct app *app_new(struct db *db, const struct app_config *config)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "taimako: %s\n", _("the screens need a terminal (or use a subcommand)"));
		return NULL;
	}
	struct app *app = calloc(1, sizeof *app);
	if (!app)
		return NULL;
	app->db = db;
	app->config = *config;
	app->term = newterm(NULL, stdout, stdin);
	if (!app->term) {
		fprintf(stderr, "taimako: %s\n", _("this terminal type is not known (check TERM)"));
		free(app);
		return NULL;
	}
	set_escdelay(25);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	wtimeout(stdscr, KEY_TIMEOUT_MS);
	curs_set(0);

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_hangup;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	term_guard_arm();
	layout(app);
	return app;
}

struct app *app_new_offscreen(struct db *db)
{
	struct app *app = calloc(1, sizeof *app);
	if (app)
		app->db = db;
	return app;
}

void app_free(struct app **appp)
{
	struct app *app = *appp;
	if (!app)
		return;
	if (app->term)
		delscreen(app->term);
	free(app);
	*appp = NULL;
}

struct db *app_db(struct app *app)
{
	return app->db;
}

const struct user *app_user(struct app *app)
{
	return app->logged_in ? &app->user : NULL;
}

void app_dirty(struct app *app)
{
	app->dirty = true;
}

void app_message(struct app *app, const char *text)
{
	snprintf(app->msg, sizeof app->msg, "%s", text ? text : "");
	app->msg_error = false;
	app->dirty = true;
}

void app_error(struct app *app, const char *text)
{
	app_message(app, text);
	app->msg_error = true;
	if (text && *text)
		beep();
}

void app_set_help(struct app *app, const struct screen *help)
{
	app->help = help;
}

void app_set_lookup(struct app *app, const struct screen *lookup)
{
	app->lookup = lookup;
}

void app_set_modules(struct app *app, const struct module *const *modules)
{
	app->modules = modules;
}

const struct module *const *app_modules(struct app *app)
{
	static const struct module *const none[] = { NULL };
	return app->modules ? app->modules : none;
}

const struct screen *app_below(struct app *app)
{
	return app->depth >= 2 ? app->stack[app->depth - 2].screen : NULL;
}

/* The form of frame f when its screen keeps drafts, else NULL. */
static struct form *draft_form(const struct frame *f)
{
	return f->screen->draft_kind && f->screen->form ? f->screen->form(f->state) : NULL;
}

/* The record frame f's draft is about. */
static long long draft_ref(const struct frame *f)
{
	return f->screen->draft_ref ? f->screen->draft_ref(f->state) : 0;
}

/* The line dropped: keeps frame f's unsaved form as the user's draft. */
static void keep_draft(struct app *app, const struct frame *f)
{
	struct form *form = draft_form(f);
	if (!form || !form->changed)
		return;
	static struct jsonbuf j;
	jsonbuf_init(&j);
	form_to_json(form, &j);
	draft_save(app->db, f->screen->draft_kind, draft_ref(f), jsonbuf_text(&j));
}

/* Frame f closes: once its changes are saved its draft is of no use. */
static void drop_draft(struct app *app, const struct frame *f)
{
	struct form *form = draft_form(f);
	if (form && f->touched && !form->changed && app->logged_in)
		draft_discard(app->db, f->screen->draft_kind, draft_ref(f));
}

/* Closes the top screen. */
static void pop(struct app *app)
{
	if (app->depth == 0)
		return;
	struct frame *f = &app->stack[--app->depth];
	drop_draft(app, f);
	if (f->screen->leave)
		f->screen->leave(app, f->state);
	free(f->state);
	f->state = NULL;
	app->dirty = true;
	struct frame *below = app->depth > 0 ? &app->stack[app->depth - 1] : NULL;
	if (below && below->screen->resume && app->logged_in)
		below->screen->resume(app, below->state);
}

enum status app_push(struct app *app, const struct screen *screen, const void *arg)
{
	if (app->depth == UI_STACK_MAX)
		return ST_INTERNAL;
	if (screen->needs_login && !app->logged_in)
		return ST_DENIED;
	/* The data layer refuses what the role may not read; refusing the
	 * screen too means no half-drawn screen of refusals. */
	if (app->logged_in && !perm_allows_any((int)app->user.role, screen->perms)) {
		audit_refused(app->db, "screen", screen->title, "", 0);   /* its msgid: read in any language */
		app_error(app, _(status_msgid(ST_DENIED)));
		return ST_DENIED;
	}
	struct frame *f = &app->stack[app->depth];
	f->screen = screen;
	f->touched = false;
	f->state = calloc(1, screen->state_size ? screen->state_size : 1);
	if (!f->state)
		return ST_NOMEM;
	app->depth++;
	enum status st = screen->enter ? screen->enter(app, f->state, arg) : ST_OK;
	if (st != ST_OK) {
		app->depth--;
		free(f->state);
		f->state = NULL;
		app_error(app, _(status_msgid(st)));
	}
	app->dirty = true;
	return st;
}

enum status app_push_draft(struct app *app, const struct screen *screen, const void *arg, const char *json)
{
	int depth = app->depth;
	enum status st = app_push(app, screen, arg);
	if (st != ST_OK)
		return st;
	struct frame *f = &app->stack[app->depth - 1];
	if (app->depth != depth + 1 || f->screen != screen || !screen->form
	    || !form_from_json(screen->form(f->state), json)) {
		app_error(app, _("The unfinished form could not be read back: it opens without it."));
		return ST_INVALID;
	}
	f->touched = true;
	return ST_OK;
}

enum status app_replace(struct app *app, const struct screen *screen, const void *arg)
{
	pop(app);
	return app_push(app, screen, arg);
}

void app_pop_screens(struct app *app, int n)
{
	while (n-- > 0 && app->depth > 1)
		pop(app);
}

void app_pop_to_root(struct app *app)
{
	while (app->depth > 1)
		pop(app);
}

struct lockout_policy app_lockout_policy(struct app *app)
{
	return app->config.lockout;
}

void app_logout(struct app *app)
{
	login_logout(app->db);
	app_set_user(app, NULL);
	app_pop_to_root(app);
}

void app_set_user(struct app *app, const struct user *user)
{
	if (user) {
		/* Privacy mode starts on for the distribution counter's staff
		 * (names in queues are seen by everyone around): at sign-in
		 * only, so that the key turning it off holds for the session. */
		if ((!app->logged_in || app->user.id != user->id) && user->role == ROLE_DISTRIBUTION) {
			app->privacy = true;
			list_set_privacy(true);
		}
		app->user = *user;
		app->logged_in = true;
		lang_set(user->lang);
	} else {
		memset(&app->user, 0, sizeof app->user);
		app->logged_in = false;
	}
	app->dirty = true;
}

void app_toggle_lang(struct app *app)
{
	const char *next = strcmp(lang_get(), "fr") == 0 ? "en" : "fr";
	lang_set(next);
	if (app->logged_in) {
		enum status st = user_save_prefs(app->db, &app->user, app->user.display_name, next);
		if (st == ST_CONFLICT && user_get(app->db, app->user.id, &app->user) == ST_OK)
			st = user_save_prefs(app->db, &app->user, app->user.display_name, next);
		if (st != ST_OK) {
			app_error(app, _(status_msgid(st)));
			return;
		}
	}
	app_message(app, _("Language: English"));
}

bool app_privacy(struct app *app)
{
	return app->privacy;
}

/* Seconds since the last key. */
static double idle_seconds(const struct app *app)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - app->last_key.tv_sec)
	       + (double)(now.tv_nsec - app->last_key.tv_nsec) / 1e9;
}

/* Notes that a key came now. */
static void touch(struct app *app)
{
	clock_gettime(CLOCK_MONOTONIC, &app->last_key);
}

/* Locks the screen when nobody has typed for the configured time; signs
 * out when the lock screen says so. */
static void maybe_lock(struct app *app)
{
	if (!app->logged_in || app->config.idle_lock_seconds <= 0
	    || idle_seconds(app) < app->config.idle_lock_seconds)
		return;
	/* A line lost under the lock signs nobody out: the loop ends and keeps
	 * the drafts. */
	if (!lock_run(app) && !app_hangup) {
		/* Signed out from the lock: what was typed stays its author's draft. */
		for (int i = app->depth - 1; i >= 0; i--)
			keep_draft(app, &app->stack[i]);
		app_logout(app);
	}
	touch(app);
	app->dirty = true;
}

/* The title bar: program, screen title, centre. */
static void draw_title(struct app *app, const struct frame *f)
{
	char left[256];
	snprintf(left, sizeof left, " Taimako · %s", _(f->screen->title));
	ui_put_padded(stdscr, 0, 0, COLS, UI_ATTR_BAR, left);
	if (app->logged_in) {
		char right[64];
		snprintf(right, sizeof right, "%s ", app->user.centre_code);
		int w = text_width(right);
		ui_put(stdscr, 0, COLS - w, w, UI_ATTR_BAR, right);
	}
}

bool app_action_offered(struct app *app, int action)
{
	return action != ACT_LOOKUP || (app->logged_in && app->lookup);
}

/* Appends "KEY Label" hints of table to buf while they fit in cols, each
 * with a key the terminal can send and that acts now (typing: a text field
 * has the focus); Back only where there is somewhere to go back to. */
static void add_hints(struct app *app, char *buf, size_t size, const struct binding *table, int cols, bool root,
                      bool typing)
{
	for (const struct binding *b = table; b && b->action; b++) {
		if (!b->label || (root && b->action == ACT_BACK) || !app_action_offered(app, b->action))
			continue;
		int k = keys_hint(b, typing);
		if (!k)
			continue;
		char key[32], hint[128];
		keys_name(k, key, sizeof key);
		snprintf(hint, sizeof hint, "%s%s %s", *buf ? "  " : " ", key, _(b->label));
		if (text_width(buf) + text_width(hint) > cols)
			return;
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, "%s", hint);
	}
}

/* The status line: the keys that work here, then who and where. */
static void draw_status(struct app *app, const struct frame *f, bool typing)
{
	char who[128] = "";
	if (app->logged_in)
		snprintf(who, sizeof who, " %s%s@%s · %s ", app->privacy ? "[P] " : "", app->user.name,
		         app->user.centre_code, strcmp(lang_get(), "fr") == 0 ? "FR" : "EN");
	else
		snprintf(who, sizeof who, " %s ", strcmp(lang_get(), "fr") == 0 ? "FR" : "EN");
	int room = COLS - text_width(who) - 1;
	char keys[512] = "";
	add_hints(app, keys, sizeof keys, f->screen->bindings, room, false, typing);
	add_hints(app, keys, sizeof keys, ui_global_bindings, room, app->depth <= 1 || f->screen->is_base, typing);
	ui_put_padded(stdscr, LINES - 1, 0, COLS, UI_ATTR_BAR, keys);
	int w = text_width(who);
	ui_put(stdscr, LINES - 1, COLS - w, w, UI_ATTR_BAR, who);
}

/* The whole screen, or the too-small notice. */
static void draw_all(struct app *app)
{
	werase(stdscr);
	if (!app->body) {
		char line[256];
		snprintf(line, sizeof line, _("Terminal too small: %dx%d. Taimako needs at least %dx%d."),
		         COLS, LINES, UI_MIN_COLS, UI_MIN_ROWS);
		/* Wrapped, never cut: the size needed is the point of it. */
		int y = LINES / 2 - 2;
		y += ui_put_wrapped(stdscr, y, 1, COLS - 2, LINES, A_BOLD, line) + 1;
		ui_put_wrapped(stdscr, y, 1, COLS - 2, LINES, 0, _("Enlarge the window, or press F10 to quit."));
		wnoutrefresh(stdscr);
		app->dirty = false;
		return;
	}
	struct frame *f = &app->stack[app->depth - 1];
	draw_title(app, f);
	if (app->msg[0])
		ui_put(stdscr, LINES - 2, 1, COLS - 2, app->msg_error ? UI_ATTR_ERROR : 0, app->msg);
	werase(app->body);
	f->screen->draw(app, f->state, app->body);
	bool typing = f->screen->typing ? f->screen->typing(app, f->state)
	              : f->screen->form && form_typing(f->screen->form(f->state));
	draw_status(app, f, typing);
	wnoutrefresh(stdscr);
	bool shown = typing && !(f->screen->cursor_hidden && f->screen->cursor_hidden(app, f->state));
	curs_set(shown ? 1 : 0);
	/* A hidden cursor stays where the last change was written (over a
	 * slow link a Down in a list is then the two characters of its arrow
	 * and the way between them, tests/bench/bench_term.c). */
	leaveok(app->body, !shown);
	wnoutrefresh(app->body);
	app->dirty = false;
}

/* After an ESC that curses did not make a key of: the rest of an escape
 * sequence its terminal description does not know (F9 from a terminal
 * emulator under TERM=vt100) is read whole and decoded, or dropped; never
 * taken as the letters and digits it is made of. A lone Esc stays Esc. */
static int read_escape(WINDOW *w)
{
	wint_t ch;
	int key = UI_ESC;
	wtimeout(w, 0);
	int rc = wget_wch(w, &ch);
	if (rc == OK && (ch == '[' || ch == 'O')) {
		char seq[16];
		size_t n = 0;
		seq[n++] = (char)ch;
		/* The rest of a sequence begun may come a little later over SSH. */
		wtimeout(w, 100);
		bool done = false;
		while (!done && n + 1 < sizeof seq && wget_wch(w, &ch) == OK && ch < 0x80) {
			seq[n++] = (char)ch;
			/* A final byte ends it; "[[" (the Linux console's F1-F5) takes one more. */
			done = (seq[0] == 'O' && n == 2) || (ch >= 0x40 && ch <= 0x7e && !(n == 2 && ch == '['));
		}
		seq[n] = '\0';
		key = done ? keys_from_escape(seq) : 0;
	} else if (rc == KEY_CODE_YES) {
		ungetch((int)ch);
	} else if (rc != ERR) {
		unget_wch((wchar_t)ch);
	}
	wtimeout(w, KEY_TIMEOUT_MS);
	return key;
}

int app_read_key(struct app *app)
{
	wint_t ch;
	WINDOW *w = app->body ? app->body : stdscr;
	int rc = wget_wch(w, &ch);
	if (rc == ERR)
		return 0;
	if (rc == OK && ch == UI_ESC)
		return read_escape(w);
	if (rc == KEY_CODE_YES) {
		if (ch == KEY_ENTER)
			return '\n';
		return UI_KEYCODE((int)ch);
	}
	if (ch == '\r')
		return '\n';
	if (ch == 0x7f || ch == 0x08)
		return UI_KEYCODE(KEY_BACKSPACE);
	return (int)ch;
}

/* True when the screen of frame f holds unsaved input. */
static bool screen_unsaved(struct app *app, const struct frame *f)
{
	if (f->screen->unsaved)
		return f->screen->unsaved(app, f->state);
	return f->screen->form && f->screen->form(f->state)->changed;
}

/* True when any open screen holds unsaved input. */
static bool any_unsaved(struct app *app)
{
	for (int i = 0; i < app->depth; i++) {
		const struct frame *f = &app->stack[i];
		if (screen_unsaved(app, f))
			return true;
	}
	return false;
}

/* Leaves the program, asking first when input would be lost. */
static void quit(struct app *app)
{
	if (any_unsaved(app) && !app_confirm(app, _("You have unsaved changes. Quit anyway?")))
		return;
	app->quit = true;
}

void app_quit(struct app *app)
{
	quit(app);
}

/* Goes back one screen, asking first when input would be lost. */
static void back(struct app *app)
{
	if (app->depth <= 1)
		return;
	struct frame *f = &app->stack[app->depth - 1];
	if (screen_unsaved(app, f) && !app_confirm(app, _("Discard your changes?")))
		return;
	pop(app);
}

/* Runs a global action. */
static void global_action(struct app *app, int action)
{
	switch (action) {
	case ACT_HELP:
		if (app->help && app->stack[app->depth - 1].screen != app->help)
			app_push(app, app->help, app->stack[app->depth - 1].screen);
		break;
	case ACT_BACK:
		back(app);
		break;
	case ACT_QUIT:
		quit(app);
		break;
	case ACT_LANG:
		app_toggle_lang(app);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_LOOKUP:
		if (app->lookup && app->logged_in && app->stack[app->depth - 1].screen != app->lookup)
			app_push(app, app->lookup, NULL);
		break;
	case ACT_PRIVACY:
		app->privacy = !app->privacy;
		list_set_privacy(app->privacy);
		app_message(app, app->privacy ? _("Privacy on: names are hidden except on the selected row.")
		                               : _("Privacy off."));
		break;
	default:
		break;
	}
	app->dirty = true;
}

/* Sends a key to the top screen, then to its bindings, then to the
 * global ones. */
static void dispatch(struct app *app, int key)
{
	if (key == UI_KEYCODE(KEY_RESIZE)) {
		layout(app);
		return;
	}
	if (!app->body) {
		int a = keys_lookup(ui_global_bindings, key, false);
		if (a == ACT_QUIT || a == ACT_REDRAW)
			global_action(app, a);
		return;
	}
	struct frame *f = &app->stack[app->depth - 1];
	const struct screen *sc = f->screen;
	struct form *form = sc->form ? sc->form(f->state) : NULL;
	if (form && form->changed)
		f->touched = true;
	bool typing = sc->typing ? sc->typing(app, f->state) : form && form_typing(form);
	enum ui_result r = UI_IGNORED;
	if (sc->input) {
		r = sc->input(app, f->state, key);
	} else if (form) {
		enum form_result fr = form_key(form, key);
		r = fr == FORM_SUBMIT && sc->submit ? sc->submit(app, f->state)
		    : fr == FORM_HANDLED ? UI_HANDLED : UI_IGNORED;
	}
	if (r == UI_IGNORED && (sc->action || sc->submit)) {
		int a = keys_lookup(sc->bindings, key, typing);
		if (a == ACT_SUBMIT && sc->submit && !sc->action)
			r = sc->submit(app, f->state);
		else if (a && sc->action)
			r = sc->action(app, f->state, a);
	}
	if (r == UI_IGNORED) {
		int a = keys_lookup(ui_global_bindings, key, typing);
		if (a)
			global_action(app, a);
		return;
	}
	app->dirty = true;
	if (r == UI_LEAVE && app->depth > 1 && app->stack[app->depth - 1].state == f->state)
		pop(app);
	else if (r == UI_QUIT)
		quit(app);
}

bool app_confirm(struct app *app, const char *question)
{
	for (;;) {
		draw_all(app);
		int w = text_width(question) + 4;
		int minw = text_width(_("y = yes, n = no")) + 4;
		if (w < minw)
			w = minw;
		if (w > COLS - 2)
			w = COLS - 2;
		WINDOW *box = newwin(5, w, (LINES - 5) / 2, (COLS - w) / 2);
		if (box) {
			werase(box);
			wborder(box, '|', '|', '-', '-', '+', '+', '+', '+');
			ui_put(box, 1, 2, w - 4, A_BOLD, question);
			ui_put(box, 3, 2, w - 4, 0, _("y = yes, n = no"));
			wnoutrefresh(box);
			delwin(box);
		}
		doupdate();
		int key = app_read_key(app);
		if (app_hangup)
			return false;
		if (key == 0) {
			maybe_lock(app);
			if (!app->logged_in)
				return false;
			continue;
		}
		touch(app);
		if (key == UI_KEYCODE(KEY_RESIZE))
			layout(app);
		else if (key == 'y' || key == 'Y' || key == 'o' || key == 'O')
			return app->dirty = true;
		else if (key == 'n' || key == 'N' || key == UI_ESC)
			return !(app->dirty = true);
	}
}

int app_run(struct app *app, const struct screen *first, const void *arg)
{
	if (app_push(app, first, arg) != ST_OK) {
		term_guard_leave();
		return 1;
	}
	touch(app);
	while (!app->quit && app->depth > 0 && !app_hangup) {
		if (app->dirty)
			draw_all(app);
		doupdate();
		int key = app_read_key(app);
		if (app_hangup)
			continue;
		if (key == 0) {
			maybe_lock(app);
			continue;
		}
		touch(app);
		if (app->msg[0]) {
			app->msg[0] = '\0';
			app->dirty = true;
		}
		dispatch(app, key);
	}
	/* A lost line: every screen keeps what was typed, for next time. */
	for (int i = app->depth - 1; app_hangup && app->logged_in && i >= 0; i--) {
		keep_draft(app, &app->stack[i]);
		if (app->stack[i].screen->hangup)
			app->stack[i].screen->hangup(app, app->stack[i].state);
	}
	app->logged_in = false;   /* nothing is read again while closing */
	while (app->depth > 0)
		pop(app);
	term_guard_leave();
	return app_hangup ? 1 : 0;
}
