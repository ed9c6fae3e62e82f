/* Key names and binding lookup. */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <term.h>
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

bool keys_can_send(int key)
{
	if (key < UI_KEYCODE(0))
		return true;
	/* No terminal set up (tests): every key. */
	if (!cur_term)
		return true;
	int k = key - UI_KEYCODE(0);
	if (k >= KEY_F(1) && k <= KEY_F(63)) {
		/* The vt100's description names its numeric keypad (ESC O l..y)
		 * F5-F10: no key of that name is there to press. */
		char cap[8];
		snprintf(cap, sizeof cap, "kf%d", k - KEY_F(0));
		const char *seq = tigetstr(cap);
		if (!seq || seq == (char *)-1 || !*seq)
			return false;
		return !(strlen(seq) == 3 && seq[0] == '\033' && seq[1] == 'O' && seq[2] >= 'l' && seq[2] <= 'y');
	}
	return has_key(k) == TRUE;
}

int keys_hint(const struct binding *b, bool typing)
{
	for (int i = 0; i < UI_MAX_KEYS && b->keys[i]; i++)
		if (keys_can_send(b->keys[i]) && !(typing && keys_is_text(b->keys[i])))
			return b->keys[i];
	return 0;
}

int keys_from_escape(const char *seq)
{
	static const struct {
		const char *seq;
		int key;
	} known[] = {
		{ "[A", KEY_UP }, { "[B", KEY_DOWN }, { "[C", KEY_RIGHT }, { "[D", KEY_LEFT },
		{ "OA", KEY_UP }, { "OB", KEY_DOWN }, { "OC", KEY_RIGHT }, { "OD", KEY_LEFT },
		{ "[H", KEY_HOME }, { "[F", KEY_END }, { "OH", KEY_HOME }, { "OF", KEY_END },
		{ "[1~", KEY_HOME }, { "[7~", KEY_HOME }, { "[4~", KEY_END }, { "[8~", KEY_END },
		{ "[2~", KEY_IC }, { "[3~", KEY_DC }, { "[5~", KEY_PPAGE }, { "[6~", KEY_NPAGE },
		{ "[Z", KEY_BTAB }, { "OM", KEY_ENTER },
		{ "OP", KEY_F(1) }, { "OQ", KEY_F(2) }, { "OR", KEY_F(3) }, { "OS", KEY_F(4) },
		{ "[11~", KEY_F(1) }, { "[12~", KEY_F(2) }, { "[13~", KEY_F(3) }, { "[14~", KEY_F(4) },
		{ "[[A", KEY_F(1) }, { "[[B", KEY_F(2) }, { "[[C", KEY_F(3) }, { "[[D", KEY_F(4) },
		{ "[[E", KEY_F(5) }, { "[15~", KEY_F(5) }, { "[17~", KEY_F(6) }, { "[18~", KEY_F(7) },
		{ "[19~", KEY_F(8) }, { "[20~", KEY_F(9) }, { "[21~", KEY_F(10) }, { "[23~", KEY_F(11) },
		{ "[24~", KEY_F(12) },
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(seq, known[i].seq) == 0)
			return known[i].key == KEY_ENTER ? '\n' : UI_KEYCODE(known[i].key);
	return 0;
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
	case UI_KEYCODE(KEY_DC): snprintf(out, size, "%s", _("Del")); return;
	case UI_KEYCODE(KEY_IC): snprintf(out, size, "%s", _("Ins")); return;
	case UI_KEYCODE(KEY_BACKSPACE): snprintf(out, size, "%s", _("Backspace")); return;
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
