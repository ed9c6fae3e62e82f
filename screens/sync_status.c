/* The sites this one exchanges bundles with (db/sync.h): one row per site,
 * this one first, with the last bundle sent to it and received from it,
 * the changes waiting to be sent, the bundles held until earlier ones come
 * and its open conflicts; the selected site's whole state below the list.
 * Bundles are made on the command line (the help says how). */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/sync_labels.h"
#include "db/sync.h"
#include "screens/sync.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/list.h"

enum { ACT_CONFLICTS = 1, ACT_REFRESH };

static const struct binding bindings[] = {
	{ ACT_CONFLICTS, { 'c', 0, 0, 0 }, N_("Conflicts"), N_("Open the conflicts between sites (managers decide them)") },
	{ ACT_REFRESH, { UI_KEYCODE(KEY_F(5)), 'u', 0, 0 }, N_("Refresh"), N_("Read the state of the sites again") },
	{ 0, { 0 }, NULL, NULL },
};

enum { C_SITE, C_SENT, C_RECEIVED, C_WAITING, C_HELD, C_CONFLICTS, C_COUNT };

static const struct list_column columns[C_COUNT] = {
	[C_SITE] = { N_("Site"), 16, false },
	[C_SENT] = { N_("Last sent"), 16, false },
	[C_RECEIVED] = { N_("Last received"), 16, false },
	[C_WAITING] = { N_("To send"), 9, false },
	[C_HELD] = { N_("On hold"), 7, false },
	[C_CONFLICTS] = { N_("Conflicts"), 0, false },
};

#define DETAIL_ROWS 6

struct status_screen {
	struct app *app;
	struct list list;
	long long open;           /* open conflicts, -1 unknown */
	struct sync_site cur;     /* the selected site, for the lines below */
	long long cur_index;      /* its place, -1 none read */
};

/* A page of the sites: [from, to) of their order (a handful of rows, read
 * twice: once to count them when paging backwards). */
struct fill {
	struct status_screen *s;
	struct list_row *rows;
	long long index, from, to;
	int n;
	long long want;           /* the site to copy into s->cur, -1 none */
};

/* "12 · 30/11 14:05": a bundle's number and when, short for a column. */
static void bundle_cell(long long n, const char *at, char *out, size_t size)
{
	char when[32];
	sync_when_text(at, when, sizeof when);
	if (n <= 0)
		snprintf(out, size, "%s", _("never"));
	else if (strlen(when) >= 16)   /* DD/MM/YYYY HH:MM: the year in the lines below */
		snprintf(out, size, "%lld · %.5s %s", n, when, when + 11);
	else
		snprintf(out, size, "%lld · %s", n, when);
}

static void site_name(const struct sync_site *site, char *out, size_t size)
{
	if (site->self)
		snprintf(out, size, "%s %s", site->name[0] ? site->name : _("(no name)"), _("(here)"));
	else
		snprintf(out, size, "%s", site->name[0] ? site->name : site->site);
}

static enum status add_site(const struct sync_site *site, void *ctx)
{
	struct fill *f = ctx;
	long long i = f->index++;
	if (i == f->want)
		f->s->cur = *site;
	if (!f->rows || i < f->from || i >= f->to)
		return ST_OK;
	struct list_row *r = &f->rows[f->n++];
	memset(r, 0, sizeof *r);
	r->key.id = i;
	site_name(site, r->cells[C_SITE], sizeof r->cells[C_SITE]);
	if (site->self) {
		snprintf(r->cells[C_SENT], LIST_CELL, "-");
		snprintf(r->cells[C_RECEIVED], LIST_CELL, "-");
		snprintf(r->cells[C_WAITING], LIST_CELL, "-");
		snprintf(r->cells[C_HELD], LIST_CELL, "-");
	} else {
		bundle_cell(site->sent_n, site->sent_at, r->cells[C_SENT], LIST_CELL);
		bundle_cell(site->recv_n, site->recv_at, r->cells[C_RECEIVED], LIST_CELL);
		snprintf(r->cells[C_WAITING], LIST_CELL, "%lld", site->waiting);
		snprintf(r->cells[C_HELD], LIST_CELL, "%lld", site->held);
	}
	snprintf(r->cells[C_CONFLICTS], LIST_CELL, "%lld", site->conflicts);
	return ST_OK;
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct status_screen *s = ctx;
	struct db *db = app_db(s->app);
	struct fill f = { s, NULL, 0, 0, 0, 0, -1 };
	/* Counted first: the rows before a key, or the last ones. */
	if (sync_sites_each(db, add_site, &f) != ST_OK)
		return -1;
	long long total = f.index;
	if (dir == PAGE_AFTER) {
		f.from = key ? key->id + 1 : 0;
		f.to = f.from + limit;
	} else {
		f.to = key ? key->id : total;
		f.from = f.to - limit > 0 ? f.to - limit : 0;
	}
	*more = dir == PAGE_AFTER ? f.to < total : f.from > 0;
	f.rows = rows;
	f.index = 0;
	return sync_sites_each(db, add_site, &f) == ST_OK ? f.n : -1;
}

/* Reads the selected site again for the lines below the list. */
static void read_current(struct status_screen *s)
{
	const struct list_row *row = list_current(&s->list);
	if (!row) {
		s->cur_index = -1;
		return;
	}
	if (row->key.id == s->cur_index)
		return;
	struct fill f = { s, NULL, 0, 0, 0, 0, row->key.id };
	s->cur_index = sync_sites_each(app_db(s->app), add_site, &f) == ST_OK ? row->key.id : -1;
}

static void read_again(struct status_screen *s)
{
	if (sync_conflicts_open(app_db(s->app), &s->open) != ST_OK)
		s->open = -1;
	s->cur_index = -1;
	list_refresh(&s->list);
}

static enum status status_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct status_screen *s = state;
	s->app = app;
	s->cur_index = -1;
	list_init(&s->list, columns, C_COUNT, fetch, s);
	if (sync_conflicts_open(app_db(app), &s->open) != ST_OK)
		s->open = -1;
	return ST_OK;
}

static enum ui_result status_input(struct app *app, void *state, int key)
{
	(void)app;
	struct status_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result status_action(struct app *app, void *state, int action)
{
	struct status_screen *s = state;
	if (action == ACT_REFRESH) {
		read_again(s);
		app_message(app, _("The state of the sites is read again."));
		return UI_HANDLED;
	}
	if (action == ACT_CONFLICTS) {
		if (perm_allows((int)app_user(app)->role, PERM_SYNC_DECIDE))
			sync_conflicts_open_screen(app);
		else
			app_error(app, _("Only a manager sees and decides the conflicts between sites."));
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

static void status_resume(struct app *app, void *state)
{
	(void)app;
	read_again(state);
}

static void draw_detail(struct status_screen *s, WINDOW *win, int y, int cols)
{
	const struct sync_site *site = &s->cur;
	char line[512], name[80];
	if (s->cur_index < 0)
		return;
	site_name(site, name, sizeof name);
	ui_put(win, y++, 2, cols - 4, A_BOLD, name);
	if (site->self) {
		ui_put_wrapped(win, y, 2, cols - 4, 2, 0,
		               _("This site: its changes go to the other sites in bundles made with the command "
		                 "line (F1 says how)."));
		y += 2;
		snprintf(line, sizeof line, _("Changes made here: %lld"), site->have);
		ui_put(win, y++, 2, cols - 4, 0, line);
		snprintf(line, sizeof line, _("Open conflicts with changes made here: %lld"), site->conflicts);
		ui_put(win, y, 2, cols - 4, 0, line);
		return;
	}
	char when[32];
	sync_when_text(site->sent_at, when, sizeof when);
	if (site->sent_n > 0)
		snprintf(line, sizeof line, _("Last bundle sent to it: no. %lld, %s UTC"), site->sent_n, when);
	else
		snprintf(line, sizeof line, "%s", _("No bundle sent to it yet."));
	ui_put(win, y++, 2, cols - 4, 0, line);
	sync_when_text(site->recv_at, when, sizeof when);
	if (site->recv_n > 0)
		snprintf(line, sizeof line, _("Last bundle received from it: no. %lld, %s UTC"), site->recv_n, when);
	else
		snprintf(line, sizeof line, "%s", _("No bundle received from it yet."));
	ui_put(win, y++, 2, cols - 4, 0, line);
	snprintf(line, sizeof line, _("Changes waiting to be sent to it: %lld"), site->waiting);
	ui_put(win, y++, 2, cols - 4, 0, line);
	snprintf(line, sizeof line, _("Bundles from it held until earlier ones come: %lld"), site->held);
	ui_put(win, y++, 2, cols - 4, 0, line);
	snprintf(line, sizeof line, _("Open conflicts with its changes: %lld"), site->conflicts);
	ui_put(win, y, 2, cols - 4, 0, line);
}

static void status_draw(struct app *app, void *state, WINDOW *win)
{
	struct status_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	char line[256];
	if (s->open < 0)
		snprintf(line, sizeof line, "%s", _("The conflicts between sites could not be counted."));
	else if (s->open == 0)
		snprintf(line, sizeof line, "%s", _("No conflict between sites is open."));
	else if (perm_allows((int)app_user(app)->role, PERM_SYNC_DECIDE))
		snprintf(line, sizeof line, ngettext("%lld conflict between sites is open: c shows it.",
		                                     "%lld conflicts between sites are open: c shows them.",
		                                     (unsigned long)s->open),
		         s->open);
	else
		snprintf(line, sizeof line, ngettext("%lld conflict between sites is open: a manager decides it.",
		                                     "%lld conflicts between sites are open: a manager decides them.",
		                                     (unsigned long)s->open),
		         s->open);
	ui_put(win, 0, 2, cols - 4, A_BOLD, line);
	list_draw(&s->list, win, 2, rows - 3 - DETAIL_ROWS);
	read_current(s);
	if (list_empty(&s->list)) {
		ui_put_wrapped(win, rows - DETAIL_ROWS, 2, cols - 4, DETAIL_ROWS, 0,
		               _("This site does not exchange with other sites yet: an administrator gives it a "
		                 "name first, with \"taimako sync init --name NAME\" (F1 says more)."));
		return;
	}
	draw_detail(s, win, rows - DETAIL_ROWS, cols);
}

static const struct screen screen_sync_status = {
	.name = "sync_status",
	.title = N_("Sites and exchanges"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_SYNC),
	.state_size = sizeof(struct status_screen),
	.bindings = bindings,
	.help_text = N_("Each site works on its own database and sends its changes to the others in bundles, "
	                "files carried on a USB stick or sent over SSH, made on the command line:\n"
	                "  taimako sync export --to SITE FILE   what SITE has not received yet\n"
	                "  taimako sync import FILE   applies a bundle received\n"
	                "  taimako sync push HOST   sends one over SSH when the link is up\n"
	                "The same detail changed at two sites is never overwritten: it waits on the conflicts "
	                "screen (Conflicts between sites, key c here), where a manager chooses."),
	.enter = status_enter,
	.draw = status_draw,
	.input = status_input,
	.action = status_action,
	.resume = status_resume,
};

enum status sync_status_open(struct app *app)
{
	return app_push(app, &screen_sync_status, NULL);
}
