#ifndef TAIMAKO_UI_LINEEDIT_H
#define TAIMAKO_UI_LINEEDIT_H
/* A one-line text editor over wide characters: buffer, cursor, horizontal
 * scroll, maximum length. Used by every text field. */
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#define LINEEDIT_MAX 256

struct lineedit {
	wchar_t buf[LINEEDIT_MAX + 1];
	int len;      /* characters in buf */
	int cur;      /* cursor, 0..len */
	int scroll;   /* first character shown */
	int max;      /* maximum characters, <= LINEEDIT_MAX */
};

enum le_result { LE_IGNORED = 0, LE_MOVED, LE_CHANGED, LE_FULL };

/* Empties the editor and sets its maximum length (clamped to 1..LINEEDIT_MAX). */
void le_init(struct lineedit *le, int max);

/* Replaces the text with utf8 (cut at the maximum); cursor at the end. */
void le_set(struct lineedit *le, const char *utf8);

/* Copies the text as UTF-8 into out (NUL-terminated). */
void le_get(const struct lineedit *le, char *out, size_t size);

/* Handles an editing key (see ui/keys.h): printable characters, Backspace,
 * Delete, Left, Right, Home, End, Ctrl-A, Ctrl-E, Ctrl-U (clear), Ctrl-K. */
enum le_result le_key(struct lineedit *le, int key);

/* Draws the text in cols columns at (y, x), scrolled so that the cursor is
 * visible; masked shows one '*' per character. Leaves the window cursor on
 * the editor's cursor. */
void le_draw(struct lineedit *le, WINDOW *win, int y, int x, int cols, attr_t attr, bool masked);

#endif
