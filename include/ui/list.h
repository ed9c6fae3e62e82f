#ifndef TAIMAKO_UI_LIST_H
#define TAIMAKO_UI_LIST_H
/* A scrolling list over a source paged by key (core/page.h): the widget
 * asks for the rows after or before the key of a row it holds, and keeps
 * one page of rows, never the table. A list over a million records costs
 * the same memory and the same time at its end as one over ten: End asks
 * the source for its last page directly. */
#include <curses.h>
#include <stdbool.h>
#include "core/page.h"

#define LIST_MAX_COLS 7
#define LIST_CELL 256
#define LIST_PAGE_MAX 64
#define LIST_KEY_TEXT 64
/* Rows shown at most: the page keeps this many around the view when it
 * moves on, and fetches the rest. */
#define LIST_VIEW_MAX (LIST_PAGE_MAX / 2)

/* Where a row sits in its source's order, as the source wrote it: an id, a
 * text (a name, a date), or both. The widget only hands it back. */
struct list_key {
	long long id;
	char text[LIST_KEY_TEXT];
};

struct list_row {
	char cells[LIST_MAX_COLS][LIST_CELL];   /* UTF-8, sanitised when drawn */
	struct list_key key;                    /* set by the source */
};

struct list_column {
	const char *title;   /* msgid */
	int width;           /* columns; 0 = the rest of the line */
	bool sensitive;      /* a name: masked in privacy mode */
};

/* A list's source. Fills rows[0..limit) in the list's order with the rows
 * right after key (PAGE_AFTER) or right before it (PAGE_BEFORE); key NULL
 * means from the first row (PAGE_AFTER) or the last rows (PAGE_BEFORE).
 * Writes each row's key. Sets *more when rows remain beyond the page in
 * that direction. Returns how many rows it filled, or -1 on error. */
typedef int (*list_fetch_fn)(void *ctx, enum page_dir dir, const struct list_key *key, int limit,
                             struct list_row *rows, bool *more);

struct list {
	const struct list_column *columns;
	int ncolumns;
	list_fetch_fn fetch;
	void *ctx;
	struct list_row page[LIST_PAGE_MAX];
	int len;             /* rows in page; -1: nothing loaded */
	bool more_before;    /* the source has rows before page[0] */
	bool more_after;     /* and after page[len - 1] */
	int cur;             /* index in page of the selected row */
	int top;             /* index in page of the first row shown */
	int rows_shown;      /* rows that fit, set by list_draw */
	bool failed;
	bool privacy;        /* mask sensitive columns except on the selected row */
};

/* Sets up a list over a source; loads nothing until drawn. */
void list_init(struct list *l, const struct list_column *cols, int ncols,
               list_fetch_fn fetch, void *ctx);

/* Forgets the loaded page (after the source changed) and goes to the top. */
void list_reload(struct list *l);

/* Reads the page again around the selected row (after the source changed
 * under it, e.g. back from a form): the selection stays on that row, or on
 * the next one when it is gone. */
void list_refresh(struct list *l);

/* Reads the list again around the row with key (a row just added or
 * changed elsewhere), which becomes the selected one. */
void list_refresh_at(struct list *l, const struct list_key *key);

/* Handles Up, Down, PgUp, PgDn, Home, End; true when the key was used. */
bool list_key(struct list *l, int key);

/* The selected row, or NULL when the list is empty. */
const struct list_row *list_current(struct list *l);

/* The selected row whole, for a line under the list: its cells joined with
 * " · ", the empty ones and (when hide_sensitive) the sensitive ones left
 * out; "" when nothing is selected. Narrow columns cut a value: this shows
 * it whole. */
void list_current_whole(struct list *l, bool hide_sensitive, char *out, size_t size);

/* Draws a header row and as many rows as fit from row y in rows rows. */
void list_draw(struct list *l, WINDOW *win, int y, int rows);

/* Privacy mode for every list at once (the screen loop sets it when the
 * user switches it): sensitive columns are masked except on the selected
 * row, whether or not the screen set the list's own privacy. */
void list_set_privacy(bool on);

/* True when the list has no rows at all. */
bool list_empty(struct list *l);

#endif
