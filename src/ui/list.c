/* Scrolling lists over paged sources. */
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/list.h"

void list_init(struct list *l, const struct list_column *cols, int ncols,
               list_fetch_fn fetch, void *ctx)
{
	memset(l, 0, sizeof *l);
	l->columns = cols;
	l->ncolumns = ncols > LIST_MAX_COLS ? LIST_MAX_COLS : ncols;
	l->fetch = fetch;
	l->ctx = ctx;
	l->page_len = -1;   /* nothing loaded */
}

void list_reload(struct list *l)
{
	l->page_len = -1;
	l->cur = l->top = 0;
	l->failed = false;
}

/* Loads the page that starts at offset. */
static void load(struct list *l, int offset)
{
	if (offset < 0)
		offset = 0;
	int n = l->fetch(l->ctx, offset, LIST_PAGE_MAX, l->page);
	l->failed = n < 0;
	l->page_offset = offset;
	l->page_len = n < 0 ? 0 : n;
	l->at_end = n < LIST_PAGE_MAX;
}

/* True when row idx is loaded. */
static bool loaded(const struct list *l, int idx)
{
	return l->page_len >= 0 && idx >= l->page_offset && idx < l->page_offset + l->page_len;
}

/* True when row idx exists, loading a page around it if needed. */
static bool exists(struct list *l, int idx)
{
	if (idx < 0)
		return false;
	if (loaded(l, idx))
		return true;
	if (l->page_len >= 0 && l->at_end && idx >= l->page_offset + l->page_len
	    && l->page_offset <= idx)
		return false;
	load(l, idx - LIST_PAGE_MAX / 4);
	return loaded(l, idx);
}

/* Moves the selection to idx if it exists, else as far as it can. */
static void move_to(struct list *l, int idx)
{
	if (idx < 0)
		idx = 0;
	while (idx > l->cur && !exists(l, idx))
		idx = idx - 1 > l->cur ? l->cur + (idx - l->cur) / 2 : l->cur;
	if (exists(l, idx))
		l->cur = idx;
}

bool list_key(struct list *l, int key)
{
	int page = l->rows_shown > 1 ? l->rows_shown - 1 : 1;
	switch (key) {
	case UI_KEYCODE(KEY_UP):
		move_to(l, l->cur - 1);
		return true;
	case UI_KEYCODE(KEY_DOWN):
		move_to(l, l->cur + 1);
		return true;
	case UI_KEYCODE(KEY_PPAGE):
		move_to(l, l->cur - page);
		return true;
	case UI_KEYCODE(KEY_NPAGE):
		move_to(l, l->cur + page);
		return true;
	case UI_KEYCODE(KEY_HOME):
		move_to(l, 0);
		return true;
	case UI_KEYCODE(KEY_END):
		/* The length is not known without counting: walk page by page. */
		for (int guard = 0; guard < 100000; guard++) {
			int before = l->cur;
			move_to(l, l->cur + LIST_PAGE_MAX);
			if (l->cur == before)
				break;
		}
		return true;
	default:
		return false;
	}
}

const struct list_row *list_current(struct list *l)
{
	return exists(l, l->cur) ? &l->page[l->cur - l->page_offset] : NULL;
}

bool list_empty(struct list *l)
{
	return !exists(l, 0);
}

void list_draw(struct list *l, WINDOW *win, int y, int rows)
{
	int cols = getmaxx(win);
	l->rows_shown = rows - 1;
	if (l->rows_shown < 1)
		return;
	/* Past an edge the view jumps by half a screen rather than one row:
	 * scrolling by one row resends a whole row at every key (about 110
	 * bytes over SSH), a jump once in half a screen. */
	if (l->cur < l->top) {
		l->top = l->cur - l->rows_shown / 2;
		if (l->top < 0)
			l->top = 0;
	}
	if (l->cur >= l->top + l->rows_shown)
		l->top = l->cur - l->rows_shown / 2;
	/* One fetch covers the whole visible window. */
	if (!loaded(l, l->top) || (!loaded(l, l->top + l->rows_shown - 1) && !l->at_end))
		load(l, l->top - (LIST_PAGE_MAX - l->rows_shown) / 2);

	int x = 1;
	for (int c = 0; c < l->ncolumns; c++) {
		int w = l->columns[c].width ? l->columns[c].width : cols - x - 1;
		ui_put(win, y, x, w, A_BOLD | A_UNDERLINE, _(l->columns[c].title));
		x += w + 1;
	}
	if (l->failed) {
		ui_put(win, y + 1, 1, cols - 2, UI_ATTR_ERROR, _("The list could not be read."));
		return;
	}
	if (l->page_len == 0 && l->page_offset == 0) {
		ui_put(win, y + 1, 1, cols - 2, 0, _("Nothing to show."));
		return;
	}
	for (int r = 0; r < l->rows_shown; r++) {
		int idx = l->top + r;
		if (!loaded(l, idx))
			break;
		const struct list_row *row = &l->page[idx - l->page_offset];
		/* The selection is an arrow in the margin, as mutt's arrow_cursor
		 * for slow links: moving it rewrites two characters, where a
		 * highlighted row rewrites two whole rows (about 200 bytes). */
		bool selected = idx == l->cur;
		if (selected)
			wattron(win, UI_ATTR_SELECTED);
		mvwaddch(win, y + 1 + r, 0, selected ? '>' : ' ');
		if (selected)
			wattroff(win, UI_ATTR_SELECTED);
		x = 1;
		for (int c = 0; c < l->ncolumns; c++) {
			int w = l->columns[c].width ? l->columns[c].width : cols - x - 1;
			bool mask = l->privacy && l->columns[c].sensitive && !selected;
			ui_put(win, y + 1 + r, x, w, 0, mask ? "*****" : row->cells[c]);
			x += w + 1;
		}
	}
}
