/* Safe, width-aware text drawing. */
#include <string.h>
#include "core/text.h"
#include "ui/draw.h"

#define DRAW_MAX 2048

int ui_put(WINDOW *win, int y, int x, int cols, attr_t attr, const char *s)
{
	if (cols <= 0 || !s)
		return 0;
	char buf[DRAW_MAX];
	int used = text_fit(s, cols, buf, sizeof buf);
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
