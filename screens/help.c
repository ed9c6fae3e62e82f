/* F1 help: the keys of the screen below, generated from its key table and
 * the global one, so it can never disagree with what the keys do. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/vocab.h"
#include "screens/screens.h"
#include "ui/draw.h"

#define KEYS_COLS 24

struct help {
	const struct screen *about;
	int top;
	int lines;    /* rows of text, set when drawn */
};

static enum status help_enter(struct app *app, void *state, const void *arg)
{
	(void)app;
	struct help *s = state;
	s->about = arg;
	return ST_OK;
}

/* Writes "F1, ?, Ctrl-G" for the keys of b the terminal can send into out. */
static void key_list(const struct binding *b, char *out, size_t size)
{
	out[0] = '\0';
	for (int i = 0; i < UI_MAX_KEYS && b->keys[i]; i++) {
		if (!keys_can_send(b->keys[i]))
			continue;
		char name[32];
		size_t len = strlen(out);
		keys_name(b->keys[i], name, sizeof name);
		snprintf(out + len, size - len, "%s%s", len ? ", " : "", name);
	}
}

/* Draws the bindings of table from text row *line on, scrolled by top;
 * long descriptions wrap onto the rows below. */
static void draw_table(struct app *app, struct help *s, WINDOW *win, const struct binding *table, int *line)
{
	int rows = getmaxy(win), cols = getmaxx(win);
	for (const struct binding *b = table; b && b->action; b++) {
		if (!app_action_offered(app, b->action))
			continue;
		int y = *line - s->top + 3;
		int room = y < 3 ? 0 : rows - y;
		char keys[128];
		key_list(b, keys, sizeof keys);
		if (room > 0)
			ui_put(win, y, 2, KEYS_COLS - 1, A_BOLD, keys);
		*line += ui_put_wrapped(win, y, 2 + KEYS_COLS, cols - KEYS_COLS - 4, room, 0, _(b->help));
	}
}

/* The abbreviations of the vulnerabilities the screen's lists show, each
 * with its whole label, in the user's language. */
static void draw_legend(struct help *s, WINDOW *win, int *line)
{
	int rows = getmaxy(win), cols = getmaxx(win);
	(*line)++;
	int y = *line - s->top + 3;
	if (y >= 3 && y < rows)
		ui_put(win, y, 2, cols - 4, A_BOLD, _("Abbreviations of vulnerabilities:"));
	(*line)++;
	for (int i = 0; i < vocab_count(VOCAB_FLAG); i++) {
		const struct vocab_item *it = vocab_item(VOCAB_FLAG, i);
		y = *line - s->top + 3;
		int room = y < 3 ? 0 : rows - y;
		if (room > 0)
			ui_put(win, y, 4, 8, A_BOLD, _(it->short_label ? it->short_label : it->label));
		*line += ui_put_wrapped(win, y, 12, cols - 14, room, 0, _(it->label));
	}
}

/* Draws text from text row *line on, each line of it ('\n') wrapped. */
static void draw_paragraphs(struct help *s, WINDOW *win, const char *text, int *line)
{
	char part[1024];
	while (*text) {
		size_t n = strcspn(text, "\n");
		size_t indent = strspn(text, " ");   /* a line of a list: kept indented */
		indent = indent < n && indent < 8 ? indent : 0;
		snprintf(part, sizeof part, "%.*s", (int)(n - indent), text + indent);
		int y = *line - s->top + 3, rows = getmaxy(win);
		*line += ui_put_wrapped(win, y, 2 + (int)indent, getmaxx(win) - 4 - (int)indent, y < 3 ? 0 : rows - y, 0,
		                        part);
		text += n + (text[n] == '\n');
	}
}

static void help_draw(struct app *app, void *state, WINDOW *win)
{
	struct help *s = state;
	char title[256];
	snprintf(title, sizeof title, _("Keys of the screen: %s"), s->about ? _(s->about->title) : "");
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, title);
	int line = 0;
	if (s->about && s->about->help_text) {
		draw_paragraphs(s, win, _(s->about->help_text), &line);
		line++;
	}
	if (s->about)
		draw_table(app, s, win, s->about->bindings, &line);
	line++;   /* a blank row between this screen's keys and the shared ones */
	draw_table(app, s, win, ui_global_bindings, &line);
	line++;
	int y = line - s->top + 3, rows = getmaxy(win);
	line += ui_put_wrapped(win, y, 2, getmaxx(win) - 4, y < 3 ? 0 : rows - y, 0,
	                       _("In a text field, letters are typed as text: use the function keys "
	                         "or their Ctrl- alternatives there."));
	if (s->about && s->about->flag_legend)
		draw_legend(s, win, &line);
	s->lines = line;
}

static enum ui_result help_input(struct app *app, void *state, int key)
{
	(void)app;
	struct help *s = state;
	if (key == UI_KEYCODE(KEY_DOWN) && s->top + 1 < s->lines)
		s->top++;
	else if (key == UI_KEYCODE(KEY_UP) && s->top > 0)
		s->top--;
	else if (key == '\n' || key == ' ')
		return UI_LEAVE;
	else
		return UI_IGNORED;
	return UI_HANDLED;
}

static const struct binding bindings[] = {
	{ 1, { '\n', ' ', 0, 0 }, N_("Close"), N_("Close the help") },
	{ 0, { 0 }, NULL, NULL },
};

const struct screen screen_help = {
	.name = "help",
	.title = N_("Help"),
	.needs_login = false,
	.state_size = sizeof(struct help),
	.bindings = bindings,
	.enter = help_enter,
	.draw = help_draw,
	.input = help_input,
};
