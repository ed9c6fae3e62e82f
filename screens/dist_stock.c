/* The stock of the user's centre: each item with its balance and, when it
 * is at or below the item's warning level, the words "Low stock"; Enter
 * shows the item's moves; r records a receipt, o an issue (loss, damage,
 * transfer), c a count. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "db/dist_stock_move.h"
#include "db/user.h"
#include "screens/dist_items.h"
#include "screens/dist_stock_screens.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/list.h"

enum { ACT_MOVES = 1, ACT_RECEIPT, ACT_ISSUE, ACT_COUNT };

static const struct binding bindings[] = {
	{ ACT_MOVES, { '\n', 0, 0, 0 }, N_("Moves"), N_("Show the moves of the selected item at this centre, newest first") },
	{ ACT_RECEIPT, { 'r', 0, 0, 0 }, N_("Receipt"),
	  N_("Record items received for the selected item (a supplier, a waybill in the note)") },
	{ ACT_ISSUE, { 'o', 0, 0, 0 }, N_("Issue"),
	  N_("Record items that went out other than at the counter: loss, damage, transfer (say why in the note)") },
	{ ACT_COUNT, { 'c', 0, 0, 0 }, N_("Count"),
	  N_("Record a physical count of the selected item: the balance becomes the quantity counted, the "
	     "difference is recorded") },
	{ 0, { 0 }, NULL, NULL },
};

enum { C_NAME, C_BALANCE, C_WARN };

static const struct list_column columns[] = {
	{ N_("Item"), 30, false },
	{ N_("Balance"), 10, false },
	{ N_("Warning"), 0, false },
};

struct dist_stock {
	struct app *app;
	char centre[8];
	struct list list;
	char lang[4];
};

struct all {
	struct list_row rows[LIST_PAGE_MAX * 2];
	int n;
};

static void add_line(const struct dist_stock_line *l, void *ctx)
{
	struct all *a = ctx;
	if (a->n >= (int)(sizeof a->rows / sizeof a->rows[0]))
		return;
	struct list_row *r = &a->rows[a->n++];
	memset(r, 0, sizeof *r);
	snprintf(r->cells[C_NAME], sizeof r->cells[C_NAME], "%s", dist_item_name(&l->item, lang_get()));
	snprintf(r->cells[C_BALANCE], sizeof r->cells[C_BALANCE], "%lld", l->balance);
	if (l->low)
		snprintf(r->cells[C_WARN], sizeof r->cells[C_WARN], _("Low stock (warn at %d)"), l->item.low_stock);
	if (!l->item.active) {
		size_t n = strlen(r->cells[C_WARN]);
		snprintf(r->cells[C_WARN] + n, sizeof r->cells[C_WARN] - n, "%s%s", n ? " · " : "", _("retired"));
	}
	r->key.id = l->item.id;
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct dist_stock *s = ctx;
	static struct all a;
	a.n = 0;
	if (dist_stock_lines(app_db(s->app), s->centre, add_line, &a) != ST_OK)
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

static enum status stock_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct dist_stock *s = state;
	s->app = app;
	const struct user *u = app_user(app);
	snprintf(s->centre, sizeof s->centre, "%s", u ? u->centre_code : "");
	list_init(&s->list, columns, 3, fetch, s);
	return ST_OK;
}

static enum ui_result stock_input(struct app *app, void *state, int key)
{
	(void)app;
	struct dist_stock *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result stock_action(struct app *app, void *state, int action)
{
	struct dist_stock *s = state;
	const struct list_row *row = list_current(&s->list);
	if (action < ACT_MOVES || action > ACT_COUNT)
		return UI_IGNORED;
	if (!row) {
		app_message(app, _("Choose an item first."));
		return UI_HANDLED;
	}
	if (action == ACT_MOVES)
		dist_stock_moves_open(app, row->key.id);
	else
		dist_stock_form_open(app, row->key.id,
		                     action == ACT_RECEIPT ? "receipt" : action == ACT_ISSUE ? "issue" : "count");
	return UI_HANDLED;
}

static void stock_resume(struct app *app, void *state)
{
	(void)app;
	list_refresh(&((struct dist_stock *)state)->list);
}

static void stock_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct dist_stock *s = state;
	if (strcmp(s->lang, lang_get()) != 0) {
		snprintf(s->lang, sizeof s->lang, "%s", lang_get());
		list_refresh(&s->list);
	}
	int rows = getmaxy(win), cols = getmaxx(win);
	char title[128];
	snprintf(title, sizeof title, _("Stock at %s"), s->centre);
	ui_put(win, 0, 1, cols - 2, A_BOLD, title);
	list_draw(&s->list, win, 1, rows - 5);
	char line[3 * LIST_CELL];
	list_current_whole(&s->list, false, line, sizeof line);
	ui_put_wrapped(win, rows - 3, 1, cols - 2, 2, 0, line);
	ui_put(win, rows - 1, 1, cols - 2, A_BOLD, _("Enter moves   r receipt   o issue   c count"));
}

static const struct screen screen_dist_stock = {
	.name = "dist_stock",
	.title = N_("Stock of the centre"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_DISTRIBUTION_WRITE) | PERM_BIT(PERM_DISTRIBUTION_OVERRIDE) | PERM_BIT(PERM_REPORTS),
	.state_size = sizeof(struct dist_stock),
	.bindings = bindings,
	.enter = stock_enter,
	.draw = stock_draw,
	.input = stock_input,
	.action = stock_action,
	.resume = stock_resume,
};

enum status dist_stock_open(struct app *app)
{
	return app_push(app, &screen_dist_stock, NULL);
}
