/* The distribution items with their rules in words, in the order of the
 * counter; the retired ones apart at the end (administrators): a adds,
 * Enter edits, d retires or brings back, - and + move. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/dist_item_edit.h"
#include "screens/dist_item_form.h"
#include "screens/dist_item_text.h"
#include "screens/dist_items.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/list.h"

enum { ACT_ADD = 1, ACT_EDIT, ACT_RETIRE, ACT_UP, ACT_DOWN };

static const struct binding bindings[] = {
	{ ACT_EDIT, { '\n', 'e', 0, 0 }, N_("Edit"), N_("Edit the selected item: its names and its rule") },
	{ ACT_ADD, { 'a', UI_KEYCODE(KEY_F(3)), 0, 0 }, N_("Add"), N_("Add an item at the end of the list") },
	{ ACT_RETIRE, { 'd', 0, 0, 0 }, NULL,
	  N_("Retire the selected item, or bring back a retired one, after a confirmation. A retired item is "
	     "never deleted: its servings keep it, but the counter no longer offers it") },
	{ ACT_UP, { '-', 0, 0, 0 }, NULL, N_("Move the selected item up (earlier at the counter)") },
	{ ACT_DOWN, { '+', 0, 0, 0 }, NULL, N_("Move the selected item down (later at the counter)") },
	{ 0, { 0 }, NULL, NULL },
};

enum { C_NAME, C_QTY, C_RULE };

/* The id of the row that parts the retired items from the others. */
#define APART (-1)

static const struct list_column columns[] = {
	{ N_("Item"), 26, false },
	{ N_("Qty"), 4, false },
	{ N_("Rule"), 0, false },
};

struct dist_items {
	struct app *app;
	struct list list;
	char lang[4];
};

/* Every item (a few dozen) as rows, the retired ones after a row of their
 * own. */
struct all {
	struct list_row rows[LIST_PAGE_MAX * 2];
	int n;
	bool retired;
};

static void add_item(const struct dist_item *it, void *ctx)
{
	struct all *a = ctx;
	if (a->n + 2 > (int)(sizeof a->rows / sizeof a->rows[0]))
		return;
	if (!it->active && !a->retired) {
		struct list_row *r = &a->rows[a->n++];
		memset(r, 0, sizeof *r);
		snprintf(r->cells[C_NAME], sizeof r->cells[C_NAME], "%s", _("-- Retired items --"));
		r->key.id = APART;
		a->retired = true;
	}
	struct list_row *r = &a->rows[a->n++];
	memset(r, 0, sizeof *r);
	snprintf(r->cells[C_NAME], sizeof r->cells[C_NAME], "%s", dist_item_name(it, lang_get()));
	snprintf(r->cells[C_QTY], sizeof r->cells[C_QTY], "%d", it->quantity);
	dist_rule_words(it, r->cells[C_RULE], sizeof r->cells[C_RULE]);
	r->key.id = it->id;
	snprintf(r->key.text, sizeof r->key.text, "%d %d", it->version, it->active);
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct dist_items *s = ctx;
	static struct all a;
	memset(&a, 0, sizeof a);
	if (dist_items_each(app_db(s->app), true, add_item, &a) != ST_OK)
		return -1;
	int at = dir == PAGE_AFTER ? -1 : a.n;
	for (int i = 0; key && i < a.n; i++)
		if (a.rows[i].key.id == key->id)
			at = i;
	int from = dir == PAGE_AFTER ? at + 1 : at - limit;
	if (from < 0)
		from = 0;
	int to = dir == PAGE_AFTER ? at + 1 + limit : at;
	if (to > a.n)
		to = a.n;
	*more = dir == PAGE_AFTER ? to < a.n : from > 0;
	int n = 0;
	for (int i = from; i < to; i++)
		rows[n++] = a.rows[i];
	return n;
}

static enum status items_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct dist_items *s = state;
	s->app = app;
	list_init(&s->list, columns, 3, fetch, s);
	return ST_OK;
}

static enum ui_result items_input(struct app *app, void *state, int key)
{
	(void)app;
	struct dist_items *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static void done(struct app *app, struct dist_items *s, enum status st, const char *ok)
{
	if (st == ST_CONFLICT)
		app_error(app, _("Someone changed this item meanwhile: the list shows it now. Try again."));
	else if (st != ST_OK)
		app_error(app, _(status_msgid(st)));
	else if (ok)
		app_message(app, _(ok));
	list_refresh(&s->list);
}

static enum ui_result items_action(struct app *app, void *state, int action)
{
	struct dist_items *s = state;
	const struct list_row *row = list_current(&s->list);
	if (action == ACT_ADD) {
		dist_item_form_open(app, 0);
		return UI_HANDLED;
	}
	if (action < ACT_ADD || action > ACT_DOWN)
		return UI_IGNORED;
	if (!row || row->key.id == APART) {
		app_message(app, _("Choose an item first."));
		return UI_HANDLED;
	}
	long long id = row->key.id;
	int version = 0, active = 1;
	sscanf(row->key.text, "%d %d", &version, &active);
	switch (action) {
	case ACT_EDIT:
		dist_item_form_open(app, id);
		break;
	case ACT_RETIRE:
		if (!app_confirm(app, active ? _("Retire the selected item? The counter will no longer offer it.")
		                             : _("Bring back the selected item? The counter will offer it again."))) {
			app_message(app, _("Nothing changed."));
			break;
		}
		done(app, s, dist_item_set_active(app_db(app), id, &version, !active),
		     active ? N_("Retired: its servings keep it, the counter no longer offers it.") : N_("Brought back."));
		break;
	default: {
		int delta = action == ACT_UP ? -1 : 1;
		done(app, s, dist_item_move(app_db(app), id, &version, delta), NULL);
		struct list_key k = { id, "" };
		list_refresh_at(&s->list, &k);
		break;
	}
	}
	return UI_HANDLED;
}

static void items_resume(struct app *app, void *state)
{
	(void)app;
	list_refresh(&((struct dist_items *)state)->list);
}

static void items_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct dist_items *s = state;
	if (strcmp(s->lang, lang_get()) != 0) {
		snprintf(s->lang, sizeof s->lang, "%s", lang_get());
		list_refresh(&s->list);
	}
	int rows = getmaxy(win), cols = getmaxx(win);
	ui_put(win, 0, 1, cols - 2, A_BOLD, _("Distribution items and their rules"));
	list_draw(&s->list, win, 1, rows - 6);
	/* The selected item whole: its rule is cut in the column. */
	const struct list_row *row = list_current(&s->list);
	if (row && row->key.id != APART) {
		char line[3 * LIST_CELL];
		snprintf(line, sizeof line, _("%s: %s"), row->cells[C_NAME], row->cells[C_RULE]);
		int sz = strlen(line);
		int qty = atoi(row->cells[C_QTY]);
		if (qty > 1 && sz + 40 < (int)sizeof line)
			snprintf(line + sz, sizeof line - sz, _(" (%d each time)"), qty);
		ui_put_wrapped(win, rows - 4, 1, cols - 2, 3, 0, line);
	}
	ui_put(win, rows - 1, 1, cols - 2, A_BOLD, _("Enter edit   a add   d retire / bring back   - up   + down"));
}

static const struct screen screen_dist_items = {
	.name = "dist_items",
	.title = N_("Distribution items"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REFDATA),
	.state_size = sizeof(struct dist_items),
	.bindings = bindings,
	.enter = items_enter,
	.draw = items_draw,
	.input = items_input,
	.action = items_action,
	.resume = items_resume,
};

enum status dist_items_open(struct app *app)
{
	return app_push(app, &screen_dist_items, NULL);
}
