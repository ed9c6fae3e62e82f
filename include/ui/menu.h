#ifndef TAIMAKO_UI_MENU_H
#define TAIMAKO_UI_MENU_H
/* A vertical menu: entries with a hot key, moved with arrows, chosen with
 * Enter or the hot key. */
#include <curses.h>

struct menu_item {
	int id;              /* returned when chosen */
	int hotkey;          /* lower-case letter or digit */
	const char *label;   /* msgid */
};

#define MENU_MAX 24

struct menu {
	struct menu_item items[MENU_MAX];
	int n;
	int cur;
};

/* Empties the menu. */
void menu_init(struct menu *m);

/* Adds an entry (ignored when full). */
void menu_add(struct menu *m, int id, int hotkey, const char *label);

/* Handles a key: arrows, Home, End move; Enter or a hot key returns the id
 * of the entry chosen; -1 when the key moved only; 0 when not a menu key. */
int menu_key(struct menu *m, int key);

/* Draws the entries from (y, x), one per row, the current one highlighted. */
void menu_draw(const struct menu *m, WINDOW *win, int y, int x, int cols);

#endif
