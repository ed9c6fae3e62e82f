#ifndef TAIMAKO_UI_KEYS_H
#define TAIMAKO_UI_KEYS_H
/* Keys and key bindings. A key is an int: a Unicode character as is, or a
 * curses key code (KEY_UP, KEY_F(1), ...) moved above the Unicode range. */
#include <stdbool.h>
#include <stddef.h>

#define UI_KEYCODE(k) (0x110000 + (k))
#define UI_CTRL(c) ((c) & 0x1f)
#define UI_ESC 27
#define UI_MAX_KEYS 4

/* Actions every screen has (screen actions are 1..999). */
enum global_action {
	ACT_HELP = 1000,
	ACT_QUIT,
	ACT_BACK,
	ACT_LANG,
	ACT_REDRAW,
	ACT_PRIVACY,
	ACT_LOOKUP,
	ACT_SUBMIT = 999,   /* a form screen's save, see struct screen's submit */
};

/* One action, the keys that trigger it, a short label for the status line
 * (NULL: not shown there) and a sentence for the help screen (msgids).
 * text_ok: the keys still act while a text field has the focus (function
 * and control keys); plain letters never do. */
struct binding {
	int action;
	int keys[UI_MAX_KEYS];
	const char *label;
	const char *help;
};

/* The bindings of every screen: help, quit, back, language, redraw. Ends
 * with an entry whose action is 0. */
extern const struct binding ui_global_bindings[];

/* The action bound to key in table (ending with action 0), or 0. When
 * typing is true, plain printable keys are never matched (they are text). */
int keys_lookup(const struct binding *table, int key, bool typing);

/* A short name for key ("F1", "Esc", "Ctrl-S", "Enter", "?") into out. */
void keys_name(int key, char *out, size_t size);

/* True when the terminal can send key: every character, and the curses
 * keys its terminal description has (a vt100 has no F5-F10, Home, End). */
bool keys_can_send(int key);

/* The key of b to name in a hint: the first one the terminal can send that
 * acts now (while typing, not a plain character); 0 when there is none. */
int keys_hint(const struct binding *b, bool typing);

/* The key sent by an escape sequence (the bytes after ESC, e.g. "[20~" or
 * "OP") as xterm and its kin send them, or 0 when it is not one known. */
int keys_from_escape(const char *seq);

/* True for a printable character (not a curses code, not a control). */
bool keys_is_text(int key);

#endif
