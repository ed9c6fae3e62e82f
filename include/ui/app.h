#ifndef TAIMAKO_UI_APP_H
#define TAIMAKO_UI_APP_H
/* The screen loop: a stack of screens, the title, message and status lines,
 * resizing, and the keys every screen shares. Only this loop calls
 * doupdate(); screens draw into the body window they are given. */
#include <curses.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include "core/lockout.h"
#include "core/status.h"
#include "db/user.h"
#include "ui/keys.h"

#define UI_MIN_ROWS 24
#define UI_MIN_COLS 80
#define UI_STACK_MAX 16

struct db;
struct app;

/* What a screen's input or action callback did. */
enum ui_result {
	UI_IGNORED = 0,   /* not mine: try the bindings, then the global ones */
	UI_HANDLED,       /* done; the screen is redrawn */
	UI_LEAVE,         /* close this screen (back to the one below) */
	UI_QUIT,          /* leave the program (after the unsaved-changes check) */
};

/* A screen: a table of callbacks, as tig's view_ops. Every callback is
 * optional but draw. state is state_size bytes, zeroed, owned by the loop. */
struct screen {
	const char *name;                /* for tests and logs */
	const char *title;               /* msgid shown in the title bar */
	bool needs_login;                /* refused before login */
	bool is_base;                    /* Esc does not leave it (no Back hint) */
	bool flag_legend;                /* shows vulnerabilities abbreviated: F1 explains them */
	/* PERM_BIT()s of core/perm.h: a signed-in user needs one of them to
	 * open the screen (the loop refuses otherwise); 0: anyone signed in. */
	unsigned perms;
	size_t state_size;
	const struct binding *bindings;  /* ends with action 0; may be NULL */
	/* msgid of a text the F1 help shows above the keys (what the screen
	 * is for, where its data comes from), each line ('\n') wrapped; or NULL. */
	const char *help_text;
	/* Sets up state; arg is what app_push was given. Not ST_OK: not opened. */
	enum status (*enter)(struct app *app, void *state, const void *arg);
	void (*leave)(struct app *app, void *state);
	void (*draw)(struct app *app, void *state, WINDOW *body);
	/* Every key first (for text fields); UI_IGNORED passes it on. */
	enum ui_result (*input)(struct app *app, void *state, int key);
	/* An action of this screen's bindings. */
	enum ui_result (*action)(struct app *app, void *state, int action);
	/* True when leaving would lose what the user typed. */
	bool (*unsaved)(struct app *app, void *state);
	/* True while a text field has the focus: plain letters are text then. */
	bool (*typing)(struct app *app, void *state);
	/* True when the text cursor is hidden although a field has the focus
	 * (the user moves in a list under it). Whenever the cursor is hidden
	 * curses leaves the terminal's cursor where it last wrote: a move in a
	 * list never pays for the way back to the field. */
	bool (*cursor_hidden)(struct app *app, void *state);
	/* A form screen gives its form and its save: the loop then sends it
	 * the keys (Enter on the last field and ACT_SUBMIT save), asks about
	 * unsaved changes and knows when letters are text, unless the screen
	 * sets input, action, unsaved or typing itself. */
	struct form *(*form)(void *state);
	enum ui_result (*submit)(struct app *app, void *state);
	/* The screen above it closed: read again what may have changed. */
	void (*resume)(struct app *app, void *state);
	/* The line hung up: anything to keep besides the form's draft (which
	 * the loop keeps itself, see draft_kind). */
	void (*hangup)(struct app *app, void *state);
	/* A form screen naming a draft kind has its form kept as the user's
	 * draft of that kind when the line drops with unsaved changes (also
	 * under the idle lock); the draft goes once the form is saved.
	 * draft_ref gives the record edited, or the person the form is for: 0
	 * (or no draft_ref) for a new one. Reopened with app_push_draft. */
	const char *draft_kind;
	long long (*draft_ref)(void *state);
};

/* Signals set these; the loop acts on them (never curses in a handler). */
extern volatile sig_atomic_t app_hangup;

/* What the configuration sets for the screens. */
struct app_config {
	int idle_lock_seconds;           /* 0: never lock */
	struct lockout_policy lockout;   /* for sign-in and unlocking */
};

/* Starts curses (alternate screen, no echo, raw keys, short Esc delay) and
 * returns the application over db, or NULL when the terminal cannot be used. */
struct app *app_new(struct db *db, const struct app_config *config);

/* An application over db without a terminal, for measuring what the
 * screens read (a benchmark): no screen can be pushed or drawn. Set the
 * user and the modules as for app_new; free with app_free. */
struct app *app_new_offscreen(struct db *db);

/* The lockout policy in force. */
struct lockout_policy app_lockout_policy(struct app *app);

/* Signs the user out (audited) and returns to the login screen. */
void app_logout(struct app *app);

/* Pushes the first screen and runs until the stack is empty or the user
 * quits. Ends curses before returning. Returns 0, or 1 after a hang-up. */
int app_run(struct app *app, const struct screen *first, const void *arg);

/* Frees the application (after app_run) and sets *app to NULL. */
void app_free(struct app **app);

/* Opens screen on top of the current one; its title shows at once. Errors
 * from its enter callback go to the message line. */
enum status app_push(struct app *app, const struct screen *screen, const void *arg);

/* Opens screen with arg as app_push does, then fills its form (the form
 * callback) from json, a draft as form_to_json writes it. When json cannot
 * be read the screen stays open with its form as enter left it, and
 * ST_INVALID comes back (the message line says so). */
enum status app_push_draft(struct app *app, const struct screen *screen, const void *arg, const char *json);

/* Closes the current screen and opens screen in its place. Call it last in
 * a callback: the current screen's state is gone after it. */
enum status app_replace(struct app *app, const struct screen *screen, const void *arg);

/* Closes the n top screens (never the first). Call it last in a callback:
 * the current screen's state is gone after it. */
void app_pop_screens(struct app *app, int n);

/* Closes every screen above the first one (the login screen). */
void app_pop_to_root(struct app *app);

/* Shows a message on the message line until the next key. The text is
 * copied (and already translated by the caller). */
void app_message(struct app *app, const char *text);
void app_error(struct app *app, const char *text);

/* Asks a yes/no question in a box over the screen; true for yes. Esc and
 * "n" say no. */
bool app_confirm(struct app *app, const char *question);

/* Marks the screen for a full redraw before the next key. */
void app_dirty(struct app *app);

/* The database, and the logged-in user (NULL before login). */
struct db *app_db(struct app *app);
const struct user *app_user(struct app *app);

/* Sets or clears (NULL) the logged-in user; applies their language. */
void app_set_user(struct app *app, const struct user *user);

/* Switches the language; remembered in the account when logged in. */
void app_toggle_lang(struct app *app);

/* The screen F1 opens, given the current screen as its argument. */
void app_set_help(struct app *app, const struct screen *help);

/* True while privacy mode masks names in lists. */
bool app_privacy(struct app *app);

/* Reads one key (see ui/keys.h) for a modal widget; 0 after a second
 * without one, or on a signal. */
int app_read_key(struct app *app);

/* True when the shared action (ACT_LOOKUP...) does something now: the
 * lookup only for a signed-in user. Hints and help leave out the others. */
bool app_action_offered(struct app *app, int action);

/* The screen / opens (quick lookup), for signed-in users. */
void app_set_lookup(struct app *app, const struct screen *lookup);

struct module;

/* The table of modules (NULL-terminated) that the shared screens are built
 * from; main hands it down before app_run. */
void app_set_modules(struct app *app, const struct module *const *modules);
const struct module *const *app_modules(struct app *app);

/* Leaves the program after the unsaved-changes question (the home menu's
 * Quit). */
void app_quit(struct app *app);

/* The screen below the current one (for the help screen), or NULL. */
const struct screen *app_below(struct app *app);

#endif
