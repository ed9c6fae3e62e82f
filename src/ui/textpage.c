/* A page of computed text, scrolled a page at a time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/textpage.h"

void textpage_clear(struct textpage *p)
{
	p->n = p->top = 0;
}

void textpage_add(struct textpage *p, attr_t attr, const char *text)
{
	if (p->n == TEXTPAGE_LINES)
		return;
	struct textpage_line *l = &p->lines[p->n++];
	text_fit(text, 160, l->text, sizeof l->text);
	l->attr = attr;
}

void textpage_add_wrapped(struct textpage *p, attr_t attr, int indent, int cols, const char *text,
                          const char *tail)
{
	/* A paragraph may be longer than a line's bytes: wrapped whole. */
	size_t size = strlen(text) + 1;
	char *clean = malloc(size), cur[TEXTPAGE_BYTES] = "", out[TEXTPAGE_BYTES * 2];
	if (!clean)
		return;
	text_sanitize(text, clean, size);
	bool first = true;
	char *save = NULL;
	for (char *w = strtok_r(clean, " ", &save);; w = strtok_r(NULL, " ", &save)) {
		char next[TEXTPAGE_BYTES];
		if (w) {
			/* cur, a blank and the word; cur alone when that does not fit. */
			size_t cl = strlen(cur), wl = strlen(w);
			memcpy(next, cur, cl + 1);
			if (cl + 1 + wl < sizeof next) {
				if (cl)
					next[cl++] = ' ';
				memcpy(next + cl, w, wl + 1);
			}
		}
		if (!w || (cur[0] && text_width(next) > cols - indent)) {
			char padded[TEXTPAGE_BYTES];
			ui_pad(cur, cols - indent, padded, sizeof padded);
			snprintf(out, sizeof out, "%*s%s%s", indent, "", first && tail ? padded : cur, first && tail ? tail : "");
			textpage_add(p, attr, out);
			first = false;
			if (!w) {
				free(clean);
				return;
			}
			snprintf(cur, sizeof cur, "%s", w);
		} else {
			memcpy(cur, next, sizeof cur);
		}
	}
}

bool textpage_key(struct textpage *p, int key)
{
	if (key != UI_KEYCODE(KEY_NPAGE) && key != UI_KEYCODE(KEY_PPAGE))
		return false;
	/* A page less a line, so that the last line read stays in view. */
	int page = p->page > 2 ? p->page - 1 : 1;
	p->top += key == UI_KEYCODE(KEY_NPAGE) ? page : -page;
	if (p->top > p->n - page)
		p->top = p->n - page;
	if (p->top < 0)
		p->top = 0;
	return true;
}

void textpage_draw(struct textpage *p, WINDOW *win, int y)
{
	int cols = getmaxx(win), rows = getmaxy(win);
	int avail = rows - y;
	if (p->top > 0 || p->n - p->top > avail)
		avail--;   /* a line saying where we are */
	p->page = avail;
	for (int i = 0; i < avail && p->top + i < p->n; i++)
		ui_put(win, y + i, 1, cols - 2, p->lines[p->top + i].attr, p->lines[p->top + i].text);
	if (p->top > 0 || p->n - p->top > avail) {
		char where[160];
		int last = p->top + avail < p->n ? p->top + avail : p->n;
		snprintf(where, sizeof where, _("Lines %d-%d of %d: Page Down / Page Up to scroll"), p->top + 1, last, p->n);
		ui_put(win, rows - 1, 1, cols - 2, A_REVERSE, where);
	}
}
