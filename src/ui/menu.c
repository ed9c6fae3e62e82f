/* Vertical menus. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "core/i18n.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/menu.h"

void menu_init(struct menu *m)
{
	memset(m, 0, sizeof *m);
}

void menu_add(struct menu *m, int id, int hotkey, const char *label)
{
	if (m->n == MENU_MAX)
		return;
	m->items[m->n++] = (struct menu_item){ id, hotkey, label };
}

int menu_key(struct menu *m, int key)
{
	if (m->n == 0)
		return 0;
	switch (key) {
	case UI_KEYCODE(KEY_UP):
		m->cur = m->cur == 0 ? m->n - 1 : m->cur - 1;
		return -1;
	case UI_KEYCODE(KEY_DOWN):
	case '\t':
		m->cur = (m->cur + 1) % m->n;
		return -1;
	case UI_KEYCODE(KEY_HOME):
		m->cur = 0;
		return -1;
	case UI_KEYCODE(KEY_END):
		m->cur = m->n - 1;
		return -1;
	case '\n':
	case UI_KEYCODE(KEY_RIGHT):
		return m->items[m->cur].id;
	default:
		break;
	}
	if (key > 0 && key < 128) {
		int k = tolower(key);
		for (int i = 0; i < m->n; i++)
			if (m->items[i].hotkey == k) {
				m->cur = i;
				return m->items[i].id;
			}
	}
	return 0;
}

void menu_draw(const struct menu *m, WINDOW *win, int y, int x, int cols)
{
	for (int i = 0; i < m->n; i++) {
		char line[256];
		snprintf(line, sizeof line, " %c  %s ", m->items[i].hotkey, _(m->items[i].label));
		ui_put_padded(win, y + i, x, cols, i == m->cur ? UI_ATTR_SELECTED : 0, line);
	}
}
