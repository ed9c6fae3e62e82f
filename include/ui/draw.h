#ifndef TAIMAKO_UI_DRAW_H
#define TAIMAKO_UI_DRAW_H
/* Drawing text safely: every string is sanitised (no control characters or
 * escape sequences reach the terminal) and cut to the columns it may use,
 * measured in display width, not bytes. */
#include <curses.h>

/* Draws s at (y, x) of win in at most cols columns, with attr; a text too
 * wide ends with "…" in its last column (never cut silently). Returns the
 * columns used. */
int ui_put(WINDOW *win, int y, int x, int cols, attr_t attr, const char *s);

/* Like ui_put, then pads with blanks up to cols (for bars and fields). */
void ui_put_padded(WINDOW *win, int y, int x, int cols, attr_t attr, const char *s);

/* Draws s centred on row y of win. */
void ui_put_centred(WINDOW *win, int y, attr_t attr, const char *s);

/* Draws s word-wrapped in cols columns from row y, drawing only rows
 * y .. y+max_rows-1 (rows before 0 of win are skipped too). Returns the
 * rows the whole text needs, drawn or not. */
int ui_put_wrapped(WINDOW *win, int y, int x, int cols, int max_rows, attr_t attr, const char *s);

/* Writes s cut (ending with "…") or padded with blanks to exactly cols
 * display columns into out (printf's %-20s counts bytes, so "Diarrhée"
 * would come out short). */
void ui_pad(const char *s, int cols, char *out, size_t size);

/* Attribute for highlighted rows; bold for the rest when there is no colour. */
#define UI_ATTR_SELECTED A_REVERSE
#define UI_ATTR_BAR A_REVERSE
#define UI_ATTR_ERROR A_BOLD
#define UI_ATTR_FIELD A_UNDERLINE

#endif
