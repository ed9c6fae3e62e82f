/* Scrolling lists over sources paged by key. The page is a window of the
 * source that slides: moving past its end keeps the rows next to the
 * selection and fetches the rest after them (or before, going up). */
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/list.h"

static int min_int(int a, int b)
{
	return a < b ? a : b;
}

static bool every_list_private;   /* privacy mode, for every list */

void list_set_privacy(bool on)
{
	every_list_private = on;
}

void list_init(struct list *l, const struct list_column *cols, int ncols,
               list_fetch_fn fetch, void *ctx)
{
	memset(l, 0, sizeof *l);
	l->columns = cols;
	l->ncolumns = ncols > LIST_MAX_COLS ? LIST_MAX_COLS : ncols;
	l->fetch = fetch;
	l->ctx = ctx;
	l->len = -1;   /* nothing loaded */
}

void list_reload(struct list *l)
{
	l->len = -1;
	l->cur = l->top = 0;
	l->failed = l->more_before = l->more_after = false;
}

/* Loads the first page (PAGE_AFTER) or the last one (PAGE_BEFORE). */
static void load_end(struct list *l, enum page_dir dir)
{
	bool more = false;
	int n = l->fetch(l->ctx, dir, NULL, LIST_PAGE_MAX, l->page, &more);
	l->failed = n < 0;
	l->len = n < 0 ? 0 : n;
	more = more && n > 0;
	l->more_before = dir == PAGE_BEFORE && more;
	l->more_after = dir == PAGE_AFTER && more;
	if (dir == PAGE_AFTER) {
		l->cur = l->top = 0;
	} else {
		l->cur = l->len > 0 ? l->len - 1 : 0;
		l->top = l->len - (l->rows_shown > 0 ? l->rows_shown : 1);
		if (l->top < 0)
			l->top = 0;
	}
}

/* Loads the first page if nothing is loaded. */
static void ensure(struct list *l)
{
	if (l->len < 0)
		load_end(l, PAGE_AFTER);
}

/* Slides the page forward: drops rows from its start (never row keep_from
 * or any after it), fetches rows after its last one. True when rows came. */
static bool slide_after(struct list *l, int keep_from)
{
	if (!l->more_after || l->len <= 0)
		return false;
	int drop = min_int(l->len - min_int(l->len, LIST_VIEW_MAX), keep_from);
	int keep = l->len - drop;
	if (keep >= LIST_PAGE_MAX)
		return false;
	memmove(l->page, l->page + drop, (size_t)keep * sizeof *l->page);
	bool more = false;
	int n = l->fetch(l->ctx, PAGE_AFTER, &l->page[keep - 1].key, LIST_PAGE_MAX - keep, l->page + keep, &more);
	if (n < 0) {
		l->failed = true;
		n = 0;
		more = false;
	}
	l->len = keep + n;
	l->more_after = more && n > 0;
	l->more_before = l->more_before || drop > 0;
	l->cur -= drop;
	l->top -= drop;
	if (l->top < 0)
		l->top = 0;
	return n > 0;
}

/* Slides the page back: drops rows from its end (never row keep_to or any
 * before it), fetches rows before its first one. True when rows came. */
static bool slide_before(struct list *l, int keep_to)
{
	if (!l->more_before || l->len <= 0)
		return false;
	int keep = min_int(l->len, LIST_VIEW_MAX);
	if (keep < keep_to + 1)
		keep = min_int(l->len, keep_to + 1);
	int room = LIST_PAGE_MAX - keep;
	if (room <= 0)
		return false;
	struct list_key key = l->page[0].key;
	memmove(l->page + room, l->page, (size_t)keep * sizeof *l->page);
	bool more = false;
	int n = l->fetch(l->ctx, PAGE_BEFORE, &key, room, l->page, &more);
	if (n < 0) {
		l->failed = true;
		n = 0;
		more = false;
	}
	if (n < room)
		memmove(l->page + n, l->page + room, (size_t)keep * sizeof *l->page);
	l->more_after = l->more_after || keep < l->len;
	l->more_before = more && n > 0;
	l->len = n + keep;
	l->cur += n;
	l->top += n;
	return n > 0;
}

/* Moves the selection by delta rows, as far as the source goes. */
static void move_by(struct list *l, int delta)
{
	ensure(l);
	if (l->len <= 0)
		return;
	while (delta > 0) {
		if (l->cur + 1 < l->len) {
			int step = min_int(delta, l->len - 1 - l->cur);
			l->cur += step;
			delta -= step;
		} else if (!slide_after(l, l->cur)) {
			break;
		}
	}
	while (delta < 0) {
		if (l->cur > 0) {
			int step = min_int(-delta, l->cur);
			l->cur -= step;
			delta += step;
		} else if (!slide_before(l, l->cur)) {
			break;
		}
	}
}

void list_refresh(struct list *l)
{
	if (l->len <= 0) {
		list_reload(l);
		return;
	}
	struct list_key key = l->page[l->cur].key;
	int above = l->cur - l->top;
	/* The rows above the selection, at least one (to learn what is before). */
	int want = min_int(l->cur, LIST_VIEW_MAX);
	if (want < 1)
		want = 1;
	bool more_before = false, more_after = false;
	int n = l->fetch(l->ctx, PAGE_BEFORE, &key, want, l->page, &more_before);
	if (n < 0) {
		list_reload(l);
		return;
	}
	int m = l->fetch(l->ctx, PAGE_AFTER, n > 0 ? &l->page[n - 1].key : NULL, LIST_PAGE_MAX - n,
	                 l->page + n, &more_after);
	l->failed = m < 0;
	l->len = n + (m < 0 ? 0 : m);
	l->more_before = more_before && n > 0;
	l->more_after = more_after && m > 0;
	l->cur = n < l->len ? n : l->len - 1;
	if (l->cur < 0)
		l->cur = 0;
	l->top = l->cur - above;
	if (l->top < 0)
		l->top = 0;
}

void list_refresh_at(struct list *l, const struct list_key *key)
{
	if (l->len <= 0) {
		l->len = 1;
		l->cur = l->top = 0;
	}
	l->page[l->cur].key = *key;
	list_refresh(l);
}

bool list_key(struct list *l, int key)
{
	int page = l->rows_shown > 1 ? l->rows_shown - 1 : 1;
	switch (key) {
	case UI_KEYCODE(KEY_UP):
		move_by(l, -1);
		return true;
	case UI_KEYCODE(KEY_DOWN):
		move_by(l, 1);
		return true;
	case UI_KEYCODE(KEY_PPAGE):
		move_by(l, -page);
		return true;
	case UI_KEYCODE(KEY_NPAGE):
		move_by(l, page);
		return true;
	case UI_KEYCODE(KEY_HOME):
		load_end(l, PAGE_AFTER);
		return true;
	case UI_KEYCODE(KEY_END):
		/* The last page directly: the length is never counted. */
		load_end(l, PAGE_BEFORE);
		return true;
	default:
		return false;
	}
}

void list_current_whole(struct list *l, bool hide_sensitive, char *out, size_t size)
{
	out[0] = '\0';
	const struct list_row *row = list_current(l);
	for (int c = 0; row && c < l->ncolumns; c++) {
		if (!row->cells[c][0] || (hide_sensitive && l->columns[c].sensitive))
			continue;
		size_t len = strlen(out);
		if (len + 1 < size)
			snprintf(out + len, size - len, "%s%s", len ? " · " : "", row->cells[c]);
	}
}

const struct list_row *list_current(struct list *l)
{
	ensure(l);
	return l->cur >= 0 && l->cur < l->len ? &l->page[l->cur] : NULL;
}

bool list_empty(struct list *l)
{
	ensure(l);
	return l->len == 0 && !l->more_before && !l->more_after;
}

void list_draw(struct list *l, WINDOW *win, int y, int rows)
{
	int cols = getmaxx(win);
	l->rows_shown = min_int(rows - 1, LIST_VIEW_MAX);
	if (l->rows_shown < 1)
		return;
	ensure(l);
	/* Past an edge the view jumps by half a screen. Curses' scroll
	 * optimisation (on whenever the terminal can scroll a region, as
	 * xterm, vt100, linux and screen can; idlok is not needed) has the
	 * terminal move the rows kept, and only the new half is sent: about 65
	 * bytes a row, which no way of moving saves, since every row shown is
	 * sent once. Scrolling by one row costs more: the scroll region is set
	 * and reset at every key (about 100 bytes a Down where the jump costs
	 * 80 on average, tests/bench/bench_term.c). */
	if (l->cur < l->top || l->cur >= l->top + l->rows_shown)
		l->top = l->cur - l->rows_shown / 2;
	if (l->top < 0 && slide_before(l, l->cur))
		l->top = l->cur - l->rows_shown / 2;
	if (l->top < 0)
		l->top = 0;
	if (l->top + l->rows_shown > l->len)
		slide_after(l, l->top);

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
	if (l->len == 0) {
		ui_put(win, y + 1, 1, cols - 2, 0, _("Nothing to show."));
		return;
	}
	for (int r = 0; r < l->rows_shown && l->top + r < l->len; r++) {
		int idx = l->top + r;
		const struct list_row *row = &l->page[idx];
		/* The selection is an arrow in the margin, as tin's draw_arrow
		 * for slow links: moving it rewrites two characters (21 bytes
		 * with the cursor's way there and back to the field), where a
		 * highlighted row rewrites two whole rows (about 200 bytes). It
		 * has no attribute: reverse video cost 15 bytes more at every
		 * move, turning it on and off. */
		bool selected = idx == l->cur;
		mvwaddch(win, y + 1 + r, 0, selected ? '>' : ' ');
		x = 1;
		for (int c = 0; c < l->ncolumns; c++) {
			int w = l->columns[c].width ? l->columns[c].width : cols - x - 1;
			bool mask = (l->privacy || every_list_private) && l->columns[c].sensitive && !selected;
			ui_put(win, y + 1 + r, x, w, 0, mask ? "*****" : row->cells[c]);
			x += w + 1;
		}
	}
}
