/* Reference lists (centres, countries, languages) with a filter that
 * narrows the list at each key, accents and case ignored. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "db/refdata.h"
#include "screens/admin.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/lineedit.h"
#include "ui/list.h"

static const struct list_column centre_cols[] = {
	{ N_("Code"), 6, false }, { N_("P-code"), 7, false }, { N_("Name"), 0, false },
};
static const struct list_column country_cols[] = {
	{ N_("ISO3"), 5, false }, { N_("ISO2"), 5, false }, { N_("Name"), 0, false },
};
static const struct list_column language_cols[] = {
	{ N_("ISO 639-3"), 10, false }, { N_("639-1"), 6, false }, { N_("Name"), 0, false },
};

static const char *const titles[] = {
	[REF_CENTRE] = N_("Centres"),
	[REF_COUNTRY] = N_("Countries"),
	[REF_LANGUAGE] = N_("Languages"),
};

struct reflist {
	struct app *app;
	enum ref_kind kind;
	struct lineedit filter;
	struct list list;
	char filter_text[LINEEDIT_MAX * 4 + 1];
	bool browsing;   /* the last key moved in the list: no cursor in the filter */
};

struct fill {
	struct list_row *rows;
	int n;
};

/* Copies one reference row into the next list row. */
static void add_row(const struct ref_row *row, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	snprintf(r->cells[0], sizeof r->cells[0], "%s", row->code);
	snprintf(r->cells[1], sizeof r->cells[1], "%s", row->alt);
	snprintf(r->cells[2], sizeof r->cells[2], "%.*s", (int)sizeof r->cells[2] - 1, row->name);
	snprintf(r->key.text, sizeof r->key.text, "%s", row->code);
}

/* The list's page source: the data layer, filtered. */
static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct reflist *s = ctx;
	struct fill f = { rows, 0 };
	enum status st = ref_page(app_db(s->app), s->kind, lang_get(), s->filter_text,
	                          dir, key ? key->text : NULL, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status reflist_enter(struct app *app, void *state, const void *arg)
{
	struct reflist *s = state;
	s->app = app;
	s->kind = arg ? *(const enum ref_kind *)arg : REF_COUNTRY;
	le_init(&s->filter, 40);
	const struct list_column *cols = s->kind == REF_CENTRE ? centre_cols
	                                 : s->kind == REF_COUNTRY ? country_cols : language_cols;
	list_init(&s->list, cols, 3, fetch, s);
	return ST_OK;
}

static enum ui_result reflist_input(struct app *app, void *state, int key)
{
	(void)app;
	struct reflist *s = state;
	if (list_key(&s->list, key)) {
		s->browsing = true;
		return UI_HANDLED;
	}
	enum le_result r = le_key(&s->filter, key);
	if (r != LE_IGNORED)
		s->browsing = false;
	if (r == LE_CHANGED) {
		le_get(&s->filter, s->filter_text, sizeof s->filter_text);
		list_reload(&s->list);
	}
	return r == LE_IGNORED ? UI_IGNORED : UI_HANDLED;
}

static void reflist_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct reflist *s = state;
	int cols = getmaxx(win);
	char label[128];
	snprintf(label, sizeof label, _("%s: "), _("Filter"));
	int w = ui_put(win, 1, 2, 30, A_BOLD, label);
	ui_put(win, 1, 2 + w + 42, cols - w - 46, 0, _(titles[s->kind]));
	list_draw(&s->list, win, 3, getmaxy(win) - 3);
	le_draw(&s->filter, win, 1, 2 + w, 41, UI_ATTR_FIELD, false);
}

static bool reflist_typing(struct app *app, void *state)
{
	(void)app;
	(void)state;
	return true;
}

static bool reflist_cursor_hidden(struct app *app, void *state)
{
	(void)app;
	return ((struct reflist *)state)->browsing;
}

static const struct binding bindings[] = {
	{ 1, { UI_KEYCODE(KEY_UP), UI_KEYCODE(KEY_DOWN), UI_KEYCODE(KEY_NPAGE), UI_KEYCODE(KEY_PPAGE) },
	  NULL, N_("Move in the list (Home and End too)") },
	{ 2, { UI_CTRL('U'), 0, 0, 0 }, NULL, N_("Clear the filter; typing narrows the list") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct screen screen_reflist = {
	.name = "reflist",
	.title = N_("Reference lists"),
	.needs_login = true,
	.state_size = sizeof(struct reflist),
	.bindings = bindings,
	.enter = reflist_enter,
	.draw = reflist_draw,
	.input = reflist_input,
	.typing = reflist_typing,
	.cursor_hidden = reflist_cursor_hidden,
};

enum status reflist_open(struct app *app, enum ref_kind kind)
{
	return app_push(app, &screen_reflist, &kind);
}
