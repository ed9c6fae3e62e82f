#ifndef TAIMAKO_UI_LIST_H
#define TAIMAKO_UI_LIST_H
/* A scrolling list over a paged data source: it asks the source for one
 * page of rows at a time and keeps only that page, so a list over a
 * million records costs the same memory as one over ten. */
#include <curses.h>
#include <stdbool.h>

#define LIST_MAX_COLS 6
#define LIST_CELL 256
#define LIST_PAGE_MAX 64

struct list_row {
	char cells[LIST_MAX_COLS][LIST_CELL];   /* UTF-8, sanitised when drawn */
};

struct list_column {
	const char *title;   /* msgid */
	int width;           /* columns; 0 = the rest of the line */
	bool sensitive;      /* a name: masked in privacy mode */
};

/* Fills rows[0..limit) with the rows from offset on; returns how many it
 * filled (fewer than limit at the end), or -1 on error. */
typedef int (*list_fetch_fn)(void *ctx, int offset, int limit, struct list_row *rows);

struct list {
	const struct list_column *columns;
	int ncolumns;
	list_fetch_fn fetch;
	void *ctx;
	struct list_row page[LIST_PAGE_MAX];
	int page_offset;     /* offset of page[0] */
	int page_len;        /* rows in page */
	bool at_end;         /* the source has nothing after the page */
	int cur;             /* absolute index of the selected row */
	int top;             /* absolute index of the first row shown */
	int rows_shown;      /* rows that fit, set by list_draw */
	bool failed;
	bool privacy;        /* mask sensitive columns except on the selected row */
};

/* Sets up a list over a source; loads nothing until drawn. */
void list_init(struct list *l, const struct list_column *cols, int ncols,
               list_fetch_fn fetch, void *ctx);

/* Forgets the loaded page (after the source changed) and goes to the top. */
void list_reload(struct list *l);

/* Handles Up, Down, PgUp, PgDn, Home, End; true when the key was used. */
bool list_key(struct list *l, int key);

/* The selected row, or NULL when the list is empty. */
const struct list_row *list_current(struct list *l);

/* Draws a header row and as many rows as fit from row y in rows rows. */
void list_draw(struct list *l, WINDOW *win, int y, int rows);

/* True when the list has no rows at all. */
bool list_empty(struct list *l);

#endif
