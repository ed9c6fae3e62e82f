#ifndef TAIMAKO_UI_TEXTPAGE_H
#define TAIMAKO_UI_TEXTPAGE_H
/* A page of computed text (figures, tables with their definitions) shown
 * under a form: lines added once, drawn from a top line, scrolled a page
 * at a time with Page Down / Page Up, with a line saying where we are. */
#include <curses.h>
#include <stdbool.h>

#define TEXTPAGE_LINES 160
#define TEXTPAGE_BYTES 400

struct textpage_line {
	char text[TEXTPAGE_BYTES];
	attr_t attr;
};

struct textpage {
	struct textpage_line lines[TEXTPAGE_LINES];
	int n, top;
	int page;   /* lines shown at the last drawing */
};

/* Empties p and goes back to its top. */
void textpage_clear(struct textpage *p);

/* Adds one line (sanitised, at most 160 columns); nothing once full. */
void textpage_add(struct textpage *p, attr_t attr, const char *text);

/* Adds text word-wrapped in cols columns after indent blanks; the first
 * line ends with tail (the numbers of a table row) at column cols. */
void textpage_add_wrapped(struct textpage *p, attr_t attr, int indent, int cols, const char *text,
                          const char *tail);

/* Page Down / Page Up: scrolls a page less a line and returns true; false
 * for any other key. */
bool textpage_key(struct textpage *p, int key);

/* Draws the lines from row y of win to its bottom, the last row saying
 * which lines show when they do not all fit. */
void textpage_draw(struct textpage *p, WINDOW *win, int y);

#endif
