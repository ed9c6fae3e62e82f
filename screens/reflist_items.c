/* The items of one editable reference list, in their order, with both
 * names, the kind when the list has one, and the retired ones marked: a
 * adds, Enter edits, d retires or restores, - and + move. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/refdata.h"
#include "db/reflist.h"
#include "screens/admin.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/list.h"

enum { ACT_ADD = 1, ACT_EDIT, ACT_RETIRE, ACT_UP, ACT_DOWN };

static const struct binding bindings[] = {
	{ ACT_EDIT, { '\n', 'e', 0, 0 }, N_("Edit"), N_("Edit the names (and kind) of the selected item") },
	{ ACT_ADD, { 'a', UI_KEYCODE(KEY_F(3)), 0, 0 }, N_("Add"), N_("Add an item at the end of the list") },
	{ ACT_RETIRE, { 'd', 0, 0, 0 }, NULL,
	  N_("Retire the selected item, or restore a retired one, after a confirmation. A retired item is "
	     "never deleted: the records that use it keep it, but forms no longer offer it") },
	{ ACT_UP, { '-', 0, 0, 0 }, NULL, N_("Move the selected item up (earlier in the list and in forms)") },
	{ ACT_DOWN, { '+', 0, 0, 0 }, NULL, N_("Move the selected item down (later in the list and in forms)") },
	{ 0, { 0 }, NULL, NULL },
};

enum { C_FR, C_EN, C_KIND, C_STATE };

struct reflist_items {
	struct app *app;
	const struct reflist_def *def;
	struct list_column columns[4];
	struct list list;
	char lang[4];            /* the language its rows were read in */
};

struct fill {
	struct app *app;
	const struct reflist_def *def;
	struct list_row *rows;
	int n;
};

/* Copies one item into the next list row; the key carries its id and,
 * in text, its version for the writes. */
static void add_row(const struct ref_item *it, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	memset(r, 0, sizeof *r);
	text_fit(it->name_fr, LIST_CELL - 1, r->cells[C_FR], sizeof r->cells[C_FR]);
	text_fit(it->name_en, LIST_CELL - 1, r->cells[C_EN], sizeof r->cells[C_EN]);
	int state = C_STATE;
	if (f->def->kinds && f->def->kinds != REFLIST_KIND_COUNTRY) {
		const char *label = vocab_label(f->def->kinds, it->kind);
		snprintf(r->cells[C_KIND], sizeof r->cells[C_KIND], "%s", label ? _(label) : "?");
	} else if (f->def->kinds == REFLIST_KIND_COUNTRY) {
		char name[324];
		if (ref_name(app_db(f->app), REF_COUNTRY, it->kind, lang_get(), name, sizeof name) != ST_OK)
			snprintf(name, sizeof name, "%s", it->kind);
		text_fit(name, LIST_CELL - 1, r->cells[C_KIND], sizeof r->cells[C_KIND]);
	} else {
		state = C_KIND;
	}
	snprintf(r->cells[state], sizeof r->cells[state], "%s", it->active ? "" : _("retired"));
	r->key.id = it->id;
	snprintf(r->key.text, sizeof r->key.text, "%d %d", it->version, it->active);
}

/* The list's source: the data layer, a page by key either way. */
static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct reflist_items *s = ctx;
	struct fill f = { s->app, s->def, rows, 0 };
	enum status st = reflist_page(app_db(s->app), s->def->list, dir, key ? key->id : 0, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status items_enter(struct app *app, void *state, const void *arg)
{
	struct reflist_items *s = state;
	if (!arg)
		return ST_NOT_FOUND;
	s->app = app;
	s->def = arg;
	int n = 0;
	bool kind = s->def->kinds != NULL;
	s->columns[n++] = (struct list_column){ N_("French name"), kind ? 22 : 34, false };
	s->columns[n++] = (struct list_column){ N_("English name"), kind ? 22 : 34, false };
	if (kind)
		s->columns[n++] = (struct list_column){ s->def->kind_label, 21, false };
	s->columns[n++] = (struct list_column){ N_("State"), 0, false };
	list_init(&s->list, s->columns, n, fetch, s);
	return ST_OK;
}

static enum ui_result items_input(struct app *app, void *state, int key)
{
	(void)app;
	struct reflist_items *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

/* Reports how a write went; the list shows it at once. */
static void done(struct app *app, struct reflist_items *s, enum status st, const char *ok)
{
	if (st == ST_CONFLICT) {
		app_error(app, _("Someone changed this item meanwhile: the list shows it now. Try again."));
	} else if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return;
	} else if (ok) {
		app_message(app, _(ok));
	}
	list_refresh(&s->list);
}

static enum ui_result items_action(struct app *app, void *state, int action)
{
	struct reflist_items *s = state;
	const struct list_row *row = list_current(&s->list);
	if (action == ACT_ADD) {
		reflist_item_form_open(app, s->def, 0);
		return UI_HANDLED;
	}
	if (action < ACT_ADD || action > ACT_DOWN)
		return UI_IGNORED;
	if (!row) {
		app_message(app, _("The list is empty: a adds an item."));
		return UI_HANDLED;
	}
	long long id = row->key.id;
	int version = 0, active = 1;
	sscanf(row->key.text, "%d %d", &version, &active);
	switch (action) {
	case ACT_EDIT:
		reflist_item_form_open(app, s->def, id);
		break;
	case ACT_RETIRE:
		if (!app_confirm(app, active ? _("Retire the selected item? Forms will no longer offer it.")
		                             : _("Restore the selected item? Forms will offer it again."))) {
			app_message(app, _("Nothing changed."));
			break;
		}
		done(app, s, reflist_set_active(app_db(app), s->def, id, version, !active),
		     active ? N_("Retired: records keep it, forms no longer offer it.") : N_("Restored."));
		break;
	default: {
		int delta = action == ACT_UP ? -1 : 1;
		done(app, s, reflist_move(app_db(app), s->def, id, version, delta), NULL);
		/* The selection follows the item on the screen too: one row up or
		 * down, the rows around it staying where they were. */
		int top = s->list.top - delta;
		s->list.top = top < 0 ? 0 : top > s->list.cur ? s->list.cur : top;
		break;
	}
	}
	return UI_HANDLED;
}

/* Back from the form: the list shows what changed. */
static void items_resume(struct app *app, void *state)
{
	(void)app;
	list_refresh(&((struct reflist_items *)state)->list);
}

static void items_draw(struct app *app, void *state, WINDOW *win)
{
	struct reflist_items *s = state;
	s->list.privacy = app_privacy(app);
	/* Labels in the rows (kind, state) follow a switch of language. */
	if (strcmp(s->lang, lang_get()) != 0) {
		snprintf(s->lang, sizeof s->lang, "%s", lang_get());
		list_refresh(&s->list);
	}
	int rows = getmaxy(win), cols = getmaxx(win);
	ui_put(win, 0, 1, cols - 2, A_BOLD, _(s->def->title));
	list_draw(&s->list, win, 1, rows - 7);
	/* The selected item whole: names are up to 80 characters. */
	const struct list_row *row = list_current(&s->list);
	if (row) {
		char line[LIST_CELL + 64];
		int y = rows - 5;
		snprintf(line, sizeof line, _("%s: %s"), _("French name"), row->cells[C_FR]);
		y += ui_put_wrapped(win, y, 1, cols - 2, 2, 0, line) > 1 ? 2 : 1;
		snprintf(line, sizeof line, _("%s: %s"), _("English name"), row->cells[C_EN]);
		ui_put_wrapped(win, y, 1, cols - 2, rows - 1 - y, 0, line);
	} else if (list_empty(&s->list)) {
		ui_put(win, 3, 2, cols - 4, 0, _("No item yet: a adds one."));
	}
	ui_put(win, rows - 1, 1, cols - 2, A_BOLD, _("a add   d retire / restore   - up   + down"));
}

static const struct screen screen_reflist_items = {
	.name = "reflist_items",
	.title = N_("Reference list"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REFDATA),
	.state_size = sizeof(struct reflist_items),
	.bindings = bindings,
	.enter = items_enter,
	.draw = items_draw,
	.input = items_input,
	.action = items_action,
	.resume = items_resume,
};

enum status reflist_items_open(struct app *app, const struct reflist_def *def)
{
	return app_push(app, &screen_reflist_items, def);
}
