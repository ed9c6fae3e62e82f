/* Safe, width-aware text drawing. */
#include <stdbool.h>
#include <string.h>
#include "core/text.h"
#include "ui/draw.h"

#define DRAW_MAX 2048

/* True when s (trailing blanks aside) needs more than cols columns. */
static bool too_wide(const char *s, int cols)
{
	char trimmed[DRAW_MAX];
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n >= sizeof trimmed)
		return true;
	memcpy(trimmed, s, n);
	trimmed[n] = '\0';
	return text_width(trimmed) > cols;
}

int ui_put(WINDOW *win, int y, int x, int cols, attr_t attr, const char *s)
{
	if (cols <= 0 || !s)
		return 0;
	char buf[DRAW_MAX];
	int used;
	/* A text cut is never cut silently: its last column says so. */
	if (cols > 1 && too_wide(s, cols)) {
		used = text_fit(s, cols - 1, buf, sizeof buf - 4);
		strcat(buf, "…");
		used++;
	} else {
		used = text_fit(s, cols, buf, sizeof buf);
	}
	if (attr)
		wattron(win, attr);
	mvwaddstr(win, y, x, buf);
	if (attr)
		wattroff(win, attr);
	return used;
}

void ui_put_padded(WINDOW *win, int y, int x, int cols, attr_t attr, const char *s)
{
	int used = ui_put(win, y, x, cols, attr, s);
	if (attr)
		wattron(win, attr);
	for (int i = used; i < cols; i++)
		mvwaddch(win, y, x + i, ' ');
	if (attr)
		wattroff(win, attr);
}

void ui_put_centred(WINDOW *win, int y, attr_t attr, const char *s)
{
	int cols = getmaxx(win);
	int w = text_width(s);
	int x = w >= cols ? 0 : (cols - w) / 2;
	ui_put(win, y, x, cols - x, attr, s);
}

void ui_pad(const char *s, int cols, char *out, size_t size)
{
	s = s ? s : "";
	int used;
	if (cols > 1 && size > 4 && too_wide(s, cols)) {
		used = text_fit(s, cols - 1, out, size - 3) + 1;
		strcat(out, "…");
	} else {
		used = text_fit(s, cols, out, size);
	}
	size_t len = strlen(out);
	while (used < cols && len + 1 < size) {
		out[len++] = ' ';
		used++;
	}
	out[len] = '\0';
}

int ui_put_wrapped(WINDOW *win, int y, int x, int cols, int max_rows, attr_t attr, const char *s)
{
	if (cols <= 0 || !s)
		return 0;
	char line[DRAW_MAX];
	int rows = 0;
	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		/* The longest prefix that fits, then back to the last space in it. */
		text_fit(s, cols, line, sizeof line);
		size_t n = strlen(line);
		if (s[n] && s[n] != ' ') {
			char *space = strrchr(line, ' ');
			if (space && space != line)
				n = (size_t)(space - line);
		}
		if (n == 0)
			n = strlen(line) ? strlen(line) : 1;
		line[n] = '\0';
		if (rows < max_rows && y + rows >= 0)
			ui_put(win, y + rows, x, cols, attr, line);
		rows++;
		s += n;
	}
	return rows;
}
