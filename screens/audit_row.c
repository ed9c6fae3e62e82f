/* One row of the audit trail in full (administrators): when, who, from
 * where, what and on which record, and what it says, in words, wrapped
 * and scrolled rather than cut. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "db/audit.h"
#include "db/audit_text.h"
#include "screens/admin.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/lang.h"

static const struct binding bindings[] = {
	{ 1, { UI_KEYCODE(KEY_DOWN), 0, 0, 0 }, NULL, N_("Up and Down scroll a long text") },
	{ 0, { 0 }, NULL, NULL },
};

struct audit_row_screen {
	struct audit_row row;
	int top;      /* first line of the text shown */
	int lines;    /* lines the text needs, at the last drawing */
	int room;     /* lines it had */
};

static enum status row_enter(struct app *app, void *state, const void *arg)
{
	struct audit_row_screen *s = state;
	return arg ? audit_get(app_db(app), *(const long long *)arg, &s->row) : ST_NOT_FOUND;
}

/* "Label: value" on row y; returns the next row. */
static int labelled(WINDOW *win, int y, const char *label, const char *value)
{
	char line[600];
	snprintf(line, sizeof line, _("%s: %s"), label, value);
	return y + ui_put_wrapped(win, y, 2, getmaxx(win) - 4, 2, 0, line);
}

static void row_draw(struct app *app, void *state, WINDOW *win)
{
	struct audit_row_screen *s = state;
	const struct audit_row *r = &s->row;
	int y = 1, rows = getmaxy(win), cols = getmaxx(win);
	char when[40], record[64] = "", who[200];
	snprintf(when, sizeof when, "%.2s/%.2s/%.4s %.8s UTC", strlen(r->at) >= 10 ? r->at + 8 : "",
	         strlen(r->at) >= 10 ? r->at + 5 : "", r->at, strlen(r->at) > 11 ? r->at + 11 : "");
	y = labelled(win, y, _("When"), when);
	snprintf(who, sizeof who, "%s (%s)", r->user_name, r->origin);
	y = labelled(win, y, _("Account"), who);
	y = labelled(win, y, _("Action"), _(audit_action_label(r->action)));
	audit_record_text(app_db(app), r->entity, r->entity_id, record, sizeof record);
	if (record[0])
		y = labelled(win, y, _("Record"), record);
	y++;
	char text[4096];
	audit_describe(app_db(app), lang_get(), r->action, r->entity, r->entity_id, r->changes, "\n", text,
	               sizeof text);
	/* Each part on its own lines, wrapped; Up and Down scroll. */
	s->room = rows - y - 1;
	if (s->room < 1)
		return;
	WINDOW *area = derwin(win, s->room, cols, y, 0);
	if (!area)
		return;
	int line = 0;
	for (char *save = NULL, *part = strtok_r(text, "\n", &save); part; part = strtok_r(NULL, "\n", &save)) {
		int first = line - s->top;   /* rows above the area are skipped */
		line += ui_put_wrapped(area, first, 2, cols - 4, s->room - first, 0, part);
	}
	delwin(area);
	s->lines = line;
	if (s->top + s->room < s->lines)
		ui_put(win, rows - 1, 2, cols - 4, A_BOLD, _("... more below: Down"));
}

static enum ui_result row_input(struct app *app, void *state, int key)
{
	(void)app;
	struct audit_row_screen *s = state;
	if (key == UI_KEYCODE(KEY_DOWN) && s->top + s->room < s->lines)
		s->top++;
	else if (key == UI_KEYCODE(KEY_UP) && s->top > 0)
		s->top--;
	else
		return UI_IGNORED;
	return UI_HANDLED;
}

static const struct screen screen_audit_row = {
	.name = "audit_row",
	.title = N_("Audit trail entry"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_AUDIT_READ),
	.state_size = sizeof(struct audit_row_screen),
	.bindings = bindings,
	.enter = row_enter,
	.draw = row_draw,
	.input = row_input,
};

enum status audit_row_open(struct app *app, long long id)
{
	return app_push(app, &screen_audit_row, &id);
}
