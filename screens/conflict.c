/* Choosing, field by field, between what this session typed and what
 * another session saved meanwhile in the same fields. Nothing typed is lost:
 * leaving keeps the values chosen (one's own unless changed). */
#include <stdio.h>

#include "core/i18n.h"
#include "screens/conflict.h"
#include "ui/draw.h"
#include "ui/keys.h"

enum { ACT_DONE = 1, ACT_MINE, ACT_THEIRS };

static const struct binding bindings[] = {
	{ ACT_DONE, { '\n', UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0 }, N_("Done"),
	  N_("Back to the form with the values chosen (then save it)") },
	{ ACT_MINE, { '1', 0, 0, 0 }, N_("Yours"), N_("Keep the value you typed in this field") },
	{ ACT_THEIRS, { '2', 0, 0, 0 }, N_("Theirs"), N_("Keep the value the other session saved in this field") },
	{ 0, { 0 }, NULL, NULL },
};

struct conflict {
	struct conflict_choice *c;
	int cur;
};

static enum status conflict_enter(struct app *app, void *state, const void *arg)
{
	(void)app;
	struct conflict *s = state;
	if (!arg)
		return ST_INVALID;
	s->c = (struct conflict_choice *)arg;
	return s->c->n > 0 ? ST_OK : ST_INVALID;
}

/* The rows field i takes at width cols: its label, then each value. */
static int height(const struct conflict *s, int i, WINDOW *win, int cols)
{
	char line[CONFLICT_VALUE + 80];
	const struct conflict_field *f = &s->c->fields[i];
	snprintf(line, sizeof line, _("[%c] 1 Yours:  %s"), 'x', f->mine);
	int h = 1 + ui_put_wrapped(win, -100, 0, cols, 0, 0, line);
	snprintf(line, sizeof line, _("[%c] 2 Theirs: %s"), 'x', f->theirs);
	return h + ui_put_wrapped(win, -100, 0, cols, 0, 0, line);
}

static void conflict_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct conflict *s = state;
	int cols = getmaxx(win) - 4, rows = getmaxy(win);
	int y = 1 + ui_put_wrapped(win, 1, 2, cols, 2, A_BOLD,
	                           _("Another session saved this record while you were editing it."));
	y += ui_put_wrapped(win, y, 2, cols, 3, 0,
	                    _("Its changes to other fields are in your form. Both changed the fields below: "
	                      "choose the value to keep in each (1 yours, 2 theirs), then Enter."));
	y++;
	/* From the first field that lets the current one show whole. */
	int first = 0, need = 0;
	for (int i = s->cur; i >= 0; i--) {
		need += height(s, i, win, cols - 2) + 1;
		if (y + need > rows)
			break;
		first = i;
	}
	for (int i = first; i < s->c->n && y < rows; i++) {
		const struct conflict_field *f = &s->c->fields[i];
		char line[CONFLICT_VALUE + 80];
		ui_put(win, y++, 2, cols, i == s->cur ? UI_ATTR_SELECTED | A_BOLD : A_BOLD, _(f->label));
		snprintf(line, sizeof line, _("[%c] 1 Yours:  %s"), f->keep_theirs ? ' ' : 'x', f->mine);
		y += ui_put_wrapped(win, y, 4, cols - 2, rows - y, 0, line);
		snprintf(line, sizeof line, _("[%c] 2 Theirs: %s"), f->keep_theirs ? 'x' : ' ', f->theirs);
		y += ui_put_wrapped(win, y, 4, cols - 2, rows - y, 0, line);
		y++;
	}
}

static enum ui_result conflict_input(struct app *app, void *state, int key)
{
	(void)app;
	struct conflict *s = state;
	if (key == UI_KEYCODE(KEY_UP) && s->cur > 0) {
		s->cur--;
		return UI_HANDLED;
	}
	if ((key == UI_KEYCODE(KEY_DOWN) || key == '\t') && s->cur < s->c->n - 1) {
		s->cur++;
		return UI_HANDLED;
	}
	if (key == ' ') {
		s->c->fields[s->cur].keep_theirs = !s->c->fields[s->cur].keep_theirs;
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

static enum ui_result conflict_action(struct app *app, void *state, int action)
{
	(void)app;
	struct conflict *s = state;
	switch (action) {
	case ACT_DONE:
		return UI_LEAVE;
	case ACT_MINE:
	case ACT_THEIRS:
		s->c->fields[s->cur].keep_theirs = action == ACT_THEIRS;
		if (s->cur < s->c->n - 1)
			s->cur++;
		return UI_HANDLED;
	default:
		return UI_IGNORED;
	}
}

static const struct screen screen_conflict = {
	.name = "conflict",
	.title = N_("Changed in two sessions"),
	.needs_login = true,
	.state_size = sizeof(struct conflict),
	.bindings = bindings,
	.enter = conflict_enter,
	.draw = conflict_draw,
	.input = conflict_input,
	.action = conflict_action,
};

enum status conflict_open(struct app *app, struct conflict_choice *c)
{
	return app_push(app, &screen_conflict, c);
}
