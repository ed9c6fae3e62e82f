/* The one-line wide-character editor. */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>
#include "core/text.h"
#include "ui/keys.h"
#include "ui/lineedit.h"

void le_init(struct lineedit *le, int max)
{
	memset(le, 0, sizeof *le);
	le->max = max < 1 ? 1 : max > LINEEDIT_MAX ? LINEEDIT_MAX : max;
}

void le_set(struct lineedit *le, const char *utf8)
{
	int max = le->max;
	le_init(le, max);
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(utf8 ? utf8 : "");
	while (*p && le->len < le->max) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
		if (n <= 0) {
			p++;
			continue;
		}
		p += n;
		if (keys_is_text(cp))
			le->buf[le->len++] = (wchar_t)cp;
	}
	le->cur = le->len;
}

void le_get(const struct lineedit *le, char *out, size_t size)
{
	size_t o = 0;
	for (int i = 0; i < le->len; i++) {
		utf8proc_uint8_t tmp[4];
		utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)le->buf[i], tmp);
		if (n <= 0 || o + (size_t)n + 1 > size)
			break;
		memcpy(out + o, tmp, (size_t)n);
		o += (size_t)n;
	}
	if (size)
		out[o] = '\0';
}

enum le_result le_key(struct lineedit *le, int key)
{
	switch (key) {
	case UI_KEYCODE(KEY_LEFT):
		if (le->cur > 0)
			le->cur--;
		return LE_MOVED;
	case UI_KEYCODE(KEY_RIGHT):
		if (le->cur < le->len)
			le->cur++;
		return LE_MOVED;
	case UI_KEYCODE(KEY_HOME):
	case UI_CTRL('A'):
		le->cur = 0;
		return LE_MOVED;
	case UI_KEYCODE(KEY_END):
	case UI_CTRL('E'):
		le->cur = le->len;
		return LE_MOVED;
	case UI_KEYCODE(KEY_BACKSPACE):
		if (le->cur == 0)
			return LE_MOVED;
		memmove(&le->buf[le->cur - 1], &le->buf[le->cur], (size_t)(le->len - le->cur) * sizeof(wchar_t));
		le->cur--;
		le->len--;
		le->buf[le->len] = 0;
		return LE_CHANGED;
	case UI_KEYCODE(KEY_DC):
		if (le->cur == le->len)
			return LE_MOVED;
		memmove(&le->buf[le->cur], &le->buf[le->cur + 1], (size_t)(le->len - le->cur - 1) * sizeof(wchar_t));
		le->len--;
		le->buf[le->len] = 0;
		return LE_CHANGED;
	case UI_CTRL('U'):
		if (le->len == 0)
			return LE_MOVED;
		le->len = le->cur = le->scroll = 0;
		le->buf[0] = 0;
		return LE_CHANGED;
	case UI_CTRL('K'):
		if (le->cur == le->len)
			return LE_MOVED;
		le->len = le->cur;
		le->buf[le->len] = 0;
		return LE_CHANGED;
	default:
		break;
	}
	if (!keys_is_text(key))
		return LE_IGNORED;
	if (le->len >= le->max)
		return LE_FULL;
	memmove(&le->buf[le->cur + 1], &le->buf[le->cur], (size_t)(le->len - le->cur) * sizeof(wchar_t));
	le->buf[le->cur++] = (wchar_t)key;
	le->len++;
	le->buf[le->len] = 0;
	return LE_CHANGED;
}

/* Columns taken by characters [from, to) of the buffer. */
static int span_width(const struct lineedit *le, int from, int to, bool masked)
{
	int w = 0;
	for (int i = from; i < to; i++)
		w += masked ? 1 : utf8proc_charwidth((utf8proc_int32_t)le->buf[i]);
	return w;
}

void le_draw(struct lineedit *le, WINDOW *win, int y, int x, int cols, attr_t attr, bool masked)
{
	if (cols < 2)
		return;
	if (le->scroll > le->cur)
		le->scroll = le->cur;
	/* Keep the cursor inside the field, with one column for it at the end. */
	while (le->scroll < le->cur && span_width(le, le->scroll, le->cur, masked) > cols - 1)
		le->scroll++;
	char shown[LINEEDIT_MAX * 4 + 1];
	size_t o = 0;
	int used = 0, cursor_col = 0;
	for (int i = le->scroll; i < le->len; i++) {
		int w = masked ? 1 : utf8proc_charwidth((utf8proc_int32_t)le->buf[i]);
		if (used + w > cols)
			break;
		if (i == le->cur)
			cursor_col = used;
		utf8proc_uint8_t tmp[4];
		utf8proc_ssize_t n = masked ? (tmp[0] = '*', 1)
		                            : utf8proc_encode_char((utf8proc_int32_t)le->buf[i], tmp);
		memcpy(shown + o, tmp, (size_t)n);
		o += (size_t)n;
		used += w;
	}
	shown[o] = '\0';
	if (le->cur >= le->len)
		cursor_col = span_width(le, le->scroll, le->len, masked);
	char safe[sizeof shown];
	text_sanitize(shown, safe, sizeof safe);
	wattron(win, attr);
	mvwaddstr(win, y, x, safe);
	for (int i = used; i < cols; i++)
		waddch(win, ' ');
	wattroff(win, attr);
	wmove(win, y, x + (cursor_col < cols ? cursor_col : cols - 1));
}
