/* The conflicts between sites, newest first: open ones, or every one with
 * a toggle. Each row gives the record, the detail (its label), the value
 * here and the other site's, and the site; the selected one is described
 * whole below the list. A manager keeps this site's value or takes the
 * other's when this site owns the record; otherwise the owner decides.
 * Paged by id (db/sync.h): a page at a time, the earlier pages' starts
 * kept to go back. Values are masked in privacy mode but on the selected
 * row. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/sync_labels.h"
#include "db/sync.h"
#include "screens/sync.h"
#include "sync_conflict_private.h"
#include "ui/app.h"
#include "ui/draw.h"

enum { ACT_OPEN = 1, ACT_KEEP, ACT_TAKE, ACT_ALL };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Open"), N_("Show the selected conflict whole") },
	{ ACT_KEEP, { 'k', 0, 0, 0 }, N_("Keep ours"), N_("Keep the value of this site (asked first)") },
	{ ACT_TAKE, { 't', 0, 0, 0 }, N_("Take theirs"), N_("Take the value of the other site (asked first)") },
	{ ACT_ALL, { 'a', 0, 0, 0 }, N_("Decided too"), N_("Show the decided conflicts too, or the open ones only") },
	{ 0, { 0 }, NULL, NULL },
};

#define PAGE 8          /* rows of a page: the lines below describe the selected one */
#define BACK_MAX 256    /* earlier pages remembered */

/* Columns: record, detail, here, there, site (the rest). */
static const int widths[] = { 16, 16, 16, 16, 0 };

struct conflicts_screen {
	struct app *app;
	bool all;
	struct sync_conflict page[PAGE];
	int n, cur;
	bool more, failed;
	long long start;             /* the page's "after" */
	long long back[BACK_MAX];    /* the starts of the pages before it */
	int depth;
	long long open;              /* open conflicts, -1 unknown */
};

struct fill {
	struct conflicts_screen *s;
};

static enum status add(const struct sync_conflict *c, void *ctx)
{
	struct conflicts_screen *s = ((struct fill *)ctx)->s;
	if (s->n < PAGE)
		s->page[s->n++] = *c;
	return ST_OK;
}

/* Reads the page starting after id start; the selection stays at cur when
 * it can. */
static void load(struct conflicts_screen *s, long long start, int cur)
{
	struct fill f = { s };
	s->start = start;
	s->n = 0;
	s->more = false;
	s->failed = sync_conflicts_each(app_db(s->app), s->all, start, PAGE, add, &f, &s->more) != ST_OK;
	if (!s->n && !s->failed && s->depth) {   /* its last ones decided: the page before */
		load(s, s->back[--s->depth], PAGE - 1);
		return;
	}
	s->cur = cur < s->n ? cur : s->n - 1;
	if (s->cur < 0)
		s->cur = 0;
	if (sync_conflicts_open(app_db(s->app), &s->open) != ST_OK)
		s->open = -1;
}

static void next_page(struct conflicts_screen *s)
{
	if (!s->more || !s->n)
		return;
	if (s->depth < BACK_MAX)
		s->back[s->depth++] = s->start;
	else
		s->depth = 0;   /* very far down: Up goes back to the top */
	load(s, s->page[s->n - 1].id, 0);
}

static void previous_page(struct conflicts_screen *s, bool to_end)
{
	if (!s->depth)
		return;
	load(s, s->back[--s->depth], to_end ? PAGE - 1 : 0);
}

static enum status conflicts_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct conflicts_screen *s = state;
	s->app = app;
	load(s, 0, 0);
	return ST_OK;
}

static enum ui_result conflicts_input(struct app *app, void *state, int key)
{
	(void)app;
	struct conflicts_screen *s = state;
	switch (key) {
	case UI_KEYCODE(KEY_UP):
		if (s->cur > 0)
			s->cur--;
		else
			previous_page(s, true);
		return UI_HANDLED;
	case UI_KEYCODE(KEY_DOWN):
		if (s->cur + 1 < s->n)
			s->cur++;
		else
			next_page(s);
		return UI_HANDLED;
	case UI_KEYCODE(KEY_NPAGE):
		next_page(s);
		return UI_HANDLED;
	case UI_KEYCODE(KEY_PPAGE):
		previous_page(s, false);
		return UI_HANDLED;
	case UI_KEYCODE(KEY_HOME):
		s->depth = 0;
		load(s, 0, 0);
		return UI_HANDLED;
	default:
		return UI_IGNORED;
	}
}

static enum ui_result conflicts_action(struct app *app, void *state, int action)
{
	struct conflicts_screen *s = state;
	const struct sync_conflict *c = s->n ? &s->page[s->cur] : NULL;
	switch (action) {
	case ACT_ALL:
		s->all = !s->all;
		s->depth = 0;
		load(s, 0, 0);
		app_message(app, s->all ? _("Every conflict, the decided ones too.") : _("The open conflicts only."));
		return UI_HANDLED;
	case ACT_OPEN:
		if (c)
			sync_conflict_open(app, c);
		return UI_HANDLED;
	case ACT_KEEP:
	case ACT_TAKE:
		if (!c)
			return UI_HANDLED;
		enum status st = sync_conflict_choose(app, c, action == ACT_TAKE);
		if (st == ST_OK || st == ST_CONFLICT)
			load(s, s->start, s->cur);   /* decided, or changed again: read again */
		return UI_HANDLED;
	default:
		return UI_IGNORED;
	}
}

static void conflicts_resume(struct app *app, void *state)
{
	(void)app;
	struct conflicts_screen *s = state;
	load(s, s->start, s->cur);
}

static void draw_row(struct conflicts_screen *s, WINDOW *win, int y, const struct sync_conflict *c, bool selected)
{
	char cells[5][SYNC_VALUE_MAX * 2];
	bool masked = app_privacy(s->app) && !selected;
	sync_conflict_record(c, true, cells[0], sizeof cells[0]);
	snprintf(cells[1], sizeof cells[1], "%s", sync_conflict_field(c));
	sync_conflict_value(s->app, c, false, masked, cells[2], sizeof cells[2]);
	sync_conflict_value(s->app, c, true, masked, cells[3], sizeof cells[3]);
	if (c->open)
		snprintf(cells[4], sizeof cells[4], "%s", c->there_site);
	else
		snprintf(cells[4], sizeof cells[4], "%s %s", c->there_site, _("(decided)"));
	mvwaddch(win, y, 0, selected ? '>' : ' ');
	int x = 1, cols = getmaxx(win);
	for (int i = 0; i < 5; i++) {
		int w = widths[i] ? widths[i] : cols - x - 1;
		ui_put(win, y, x, w, c->open ? 0 : A_DIM, cells[i]);
		x += w + 1;
	}
}

/* Draws text wrapped in at most max_rows rows from row y; a text longer
 * than that is shortened to end with "…" (never cut silently). Returns
 * the rows used. */
static int put_at_most(WINDOW *win, int y, int cols, int max_rows, const char *text)
{
	char cut[1100];
	snprintf(cut, sizeof cut, "%s", text);
	size_t len = strlen(cut);
	while (len > 0 && ui_put_wrapped(win, y, 2, cols - 4, 0, 0, cut) > max_rows) {
		do   /* back one whole UTF-8 character */
			len--;
		while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80);
		snprintf(cut, sizeof cut, "%.*s…", (int)len, text);
	}
	return ui_put_wrapped(win, y, 2, cols - 4, max_rows, 0, cut);
}

static void draw_detail(struct conflicts_screen *s, WINDOW *win, int y, int rows)
{
	const struct sync_conflict *c = &s->page[s->cur];
	int cols = getmaxx(win);
	char line[1024], here[SYNC_VALUE_MAX * 2], there[SYNC_VALUE_MAX * 2], when[32];
	bool masked = app_privacy(s->app);
	char record[200];
	sync_conflict_record(c, false, record, sizeof record);
	snprintf(line, sizeof line, "%s · %s", record, sync_conflict_field(c));
	ui_put(win, y++, 2, cols - 4, A_BOLD, line);
	sync_conflict_value(s->app, c, false, masked, here, sizeof here);
	sync_conflict_value(s->app, c, true, masked, there, sizeof there);
	/* Long values end with "…" here; Enter shows them whole. */
	snprintf(line, sizeof line, "%s %s", _("Here:"), here);
	y += put_at_most(win, y, cols, 2, line);
	sync_when_text(c->there_at, when, sizeof when);
	snprintf(line, sizeof line, _("At %s (%s, %s UTC): %s"), c->there_site, c->there_user, when, there);
	y += put_at_most(win, y, cols, 3, line);
	sync_conflict_state(c, line, sizeof line);
	if (y < rows)
		ui_put(win, y, 2, cols - 4, 0, line);
}

static void conflicts_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct conflicts_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	char line[256];
	if (s->open < 0)
		snprintf(line, sizeof line, "%s", _("The conflicts could not be counted."));
	else
		snprintf(line, sizeof line,
		         ngettext("%lld conflict open", "%lld conflicts open", (unsigned long)s->open), s->open);
	if (s->all) {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, " · %s", _("the decided ones shown too"));
	}
	ui_put(win, 0, 2, cols - 4, A_BOLD, line);
	static const char *const titles[] = { N_("Record"), N_("Detail"), N_("Value here"), N_("Their value"),
	                                      N_("Site") };
	int x = 1;
	for (int i = 0; i < 5; i++) {
		int w = widths[i] ? widths[i] : cols - x - 1;
		ui_put(win, 2, x, w, A_BOLD | A_UNDERLINE, _(titles[i]));
		x += w + 1;
	}
	if (s->failed) {
		ui_put(win, 3, 1, cols - 2, UI_ATTR_ERROR, _("The list could not be read."));
		return;
	}
	if (!s->n) {
		ui_put(win, 3, 1, cols - 2, 0, s->all ? _("No conflict between sites.") : _("No conflict is open."));
		return;
	}
	for (int i = 0; i < s->n; i++)
		draw_row(s, win, 3 + i, &s->page[i], i == s->cur);
	int y = 3 + PAGE;
	if (s->depth || s->more) {
		snprintf(line, sizeof line, "%s%s%s", s->depth ? _("PgUp: newer") : "", s->depth && s->more ? " · " : "",
		         s->more ? _("PgDn: older") : "");
		ui_put(win, y, 2, cols - 4, A_DIM, line);
	}
	draw_detail(s, win, y + 1, rows);
}

static const struct screen screen_sync_conflicts = {
	.name = "sync_conflicts",
	.title = N_("Conflicts between sites"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_SYNC_DECIDE),
	.state_size = sizeof(struct conflicts_screen),
	.bindings = bindings,
	.help_text = N_("The same detail of a record changed at this site and at another one while they were "
	                "apart: nothing was overwritten. When this site owns the record, its manager keeps this "
	                "site's value (k) or takes the other's (t), and the choice goes to the other sites with "
	                "the next bundles; otherwise the owning site decides and its choice comes with its "
	                "bundles."),
	.enter = conflicts_enter,
	.draw = conflicts_draw,
	.input = conflicts_input,
	.action = conflicts_action,
	.resume = conflicts_resume,
};

enum status sync_conflicts_open_screen(struct app *app)
{
	return app_push(app, &screen_sync_conflicts, NULL);
}
