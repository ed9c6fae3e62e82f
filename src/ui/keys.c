/* Key names and binding lookup. */
#include <curses.h>
#include <stdio.h>
#include <wchar.h>
#include "core/i18n.h"
#include "ui/keys.h"

const struct binding ui_global_bindings[] = {
	{ ACT_HELP, { UI_KEYCODE(KEY_F(1)), '?', UI_CTRL('G'), 0 }, N_("Help"),
	  N_("Show the keys of this screen") },
	{ ACT_BACK, { UI_ESC, UI_KEYCODE(KEY_LEFT), 0, 0 }, N_("Back"),
	  N_("Go back to the previous screen") },
	{ ACT_LANG, { UI_KEYCODE(KEY_F(9)), UI_CTRL('T'), 0, 0 }, N_("Language"),
	  N_("Switch between French and English") },
	{ ACT_QUIT, { UI_KEYCODE(KEY_F(10)), 'q', UI_CTRL('X'), 0 }, N_("Quit"),
	  N_("Quit Taimako") },
	{ ACT_LOOKUP, { '/', UI_KEYCODE(KEY_F(4)), UI_CTRL('F'), 0 }, N_("Find"),
	  N_("Find a person by name, case number or phone, from anywhere") },
	{ ACT_PRIVACY, { UI_KEYCODE(KEY_F(8)), UI_CTRL('P'), 0, 0 }, NULL,
	  N_("Privacy: hide names in lists except on the selected row") },
	{ ACT_REDRAW, { UI_CTRL('L'), 0, 0, 0 }, NULL,
	  N_("Redraw the whole screen") },
	{ 0, { 0 }, NULL, NULL },
};

bool keys_is_text(int key)
{
	return key >= 0x20 && key < 0x110000 && key != 0x7f && !(key >= 0x80 && key < 0xa0);
}

int keys_lookup(const struct binding *table, int key, bool typing)
{
	if (typing && keys_is_text(key))
		return 0;
	/* While typing, arrows and Esc belong to the field too, except Esc. */
	if (typing && key == UI_KEYCODE(KEY_LEFT))
		return 0;
	for (const struct binding *b = table; b && b->action; b++)
		for (int i = 0; i < UI_MAX_KEYS && b->keys[i]; i++)
			if (b->keys[i] == key)
				return b->action;
	return 0;
}

void keys_name(int key, char *out, size_t size)
{
	if (key >= UI_KEYCODE(KEY_F(1)) && key <= UI_KEYCODE(KEY_F(12))) {
		snprintf(out, size, "F%d", key - UI_KEYCODE(KEY_F(0)));
		return;
	}
	switch (key) {
	case UI_ESC: snprintf(out, size, "%s", _("Esc")); return;
	case '\n': snprintf(out, size, "%s", _("Enter")); return;
	case '\t': snprintf(out, size, "%s", _("Tab")); return;
	case ' ': snprintf(out, size, "%s", _("Space")); return;
	case UI_KEYCODE(KEY_UP): snprintf(out, size, "%s", "↑"); return;
	case UI_KEYCODE(KEY_DOWN): snprintf(out, size, "%s", "↓"); return;
	case UI_KEYCODE(KEY_LEFT): snprintf(out, size, "%s", "←"); return;
	case UI_KEYCODE(KEY_RIGHT): snprintf(out, size, "%s", "→"); return;
	case UI_KEYCODE(KEY_PPAGE): snprintf(out, size, "%s", _("PgUp")); return;
	case UI_KEYCODE(KEY_NPAGE): snprintf(out, size, "%s", _("PgDn")); return;
	case UI_KEYCODE(KEY_HOME): snprintf(out, size, "%s", _("Home")); return;
	case UI_KEYCODE(KEY_END): snprintf(out, size, "%s", _("End")); return;
	case UI_KEYCODE(KEY_BTAB): snprintf(out, size, "%s", _("Shift-Tab")); return;
	default: break;
	}
	if (key > 0 && key < 0x20) {
		snprintf(out, size, "%s-%c", _("Ctrl"), key + '@');
	} else if (keys_is_text(key)) {
		char mb[8] = "";
		mbstate_t ps = { 0 };
		size_t n = wcrtomb(mb, (wchar_t)key, &ps);
		snprintf(out, size, "%s", n == (size_t)-1 ? "?" : mb);
		if (n != (size_t)-1 && n < size)
			out[n] = '\0';
	} else {
		snprintf(out, size, "%s", "?");
	}
}
