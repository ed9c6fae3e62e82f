/* The moves of one item at the user's centre, newest first: the day, what
 * it was (received, issued, a count), the quantity with its sign, who
 * recorded it and the note; the balance above. Servings are not moves:
 * the balance counts them. */
#include <stdio.h>
#include <string.h>

#include "core/dist_vocab.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/dist_stock.h"
#include "db/dist_stock_move.h"
#include "db/user.h"
#include "screens/dist_stock_screens.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/list.h"

enum { ACT_RECEIPT = 1, ACT_ISSUE, ACT_COUNT };

static const struct binding bindings[] = {
	{ ACT_RECEIPT, { 'r', 0, 0, 0 }, N_("Receipt"), N_("Record items received of this item") },
	{ ACT_ISSUE, { 'o', 0, 0, 0 }, N_("Issue"), N_("Record items that went out other than at the counter") },
	{ ACT_COUNT, { 'c', 0, 0, 0 }, N_("Count"), N_("Record a physical count of this item") },
	{ 0, { 0 }, NULL, NULL },
};

enum { C_DAY, C_KIND, C_QTY, C_BY, C_NOTE };

static const struct list_column columns[] = {
	{ N_("Day"), 11, false },
	{ N_("Move"), 12, false },
	{ N_("Quantity"), 9, false },
	{ N_("By"), 18, false },
	{ N_("Note"), 0, false },
};

struct stock_moves {
	struct app *app;
	char centre[8];
	struct dist_item item;
	long long balance;
	bool low;
	struct list list;
	char lang[4];
};

struct fill {
	struct list_row *rows;
	int n;
};

static void add_move(const struct dist_stock_move *m, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	memset(r, 0, sizeof *r);
	/* DD/MM/YYYY, as the forms show days. */
	snprintf(r->cells[C_DAY], sizeof r->cells[C_DAY], "%.2s/%.2s/%.4s", m->day + 8, m->day + 5, m->day);
	const char *label = vocab_label(VOCAB_DIST_MOVE_KIND, m->kind);
	snprintf(r->cells[C_KIND], sizeof r->cells[C_KIND], "%s", label ? _(label) : "?");
	snprintf(r->cells[C_QTY], sizeof r->cells[C_QTY], "%+lld", m->quantity);
	snprintf(r->cells[C_BY], sizeof r->cells[C_BY], "%s", m->recorded_by);
	/* Cut at a character when long: the selected move's note shows whole. */
	text_fit(m->note, LIST_CELL / 4, r->cells[C_NOTE], sizeof r->cells[C_NOTE]);
	r->key.id = m->id;
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct stock_moves *s = ctx;
	struct fill f = { rows, 0 };
	enum status st = dist_stock_moves(app_db(s->app), s->centre, s->item.id, dir, key ? key->id : 0, limit,
	                                  add_move, &f, more);
	return st == ST_OK ? f.n : -1;
}

static void read_balance(struct stock_moves *s)
{
	if (dist_stock_balance(app_db(s->app), s->centre, s->item.id, &s->balance, &s->low) != ST_OK) {
		s->balance = 0;
		s->low = false;
	}
}

static void keep(const struct dist_stock_move *m, void *ctx)
{
	*(struct dist_stock_move *)ctx = *m;
}

/* The move id (of this list) whole into *m. */
static bool whole(struct stock_moves *s, long long id, struct dist_stock_move *m)
{
	m->id = 0;
	return dist_stock_moves(app_db(s->app), s->centre, s->item.id, PAGE_AFTER, id + 1, 1, keep, m, NULL) == ST_OK
	       && m->id == id;
}

static enum status moves_enter(struct app *app, void *state, const void *arg)
{
	struct stock_moves *s = state;
	s->app = app;
	const struct user *u = app_user(app);
	snprintf(s->centre, sizeof s->centre, "%s", u ? u->centre_code : "");
	enum status st = dist_item_get(app_db(app), arg ? *(const long long *)arg : 0, &s->item);
	if (st != ST_OK)
		return st;
	read_balance(s);
	list_init(&s->list, columns, 5, fetch, s);
	return ST_OK;
}

static enum ui_result moves_input(struct app *app, void *state, int key)
{
	(void)app;
	struct stock_moves *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result moves_action(struct app *app, void *state, int action)
{
	struct stock_moves *s = state;
	if (action < ACT_RECEIPT || action > ACT_COUNT)
		return UI_IGNORED;
	dist_stock_form_open(app, s->item.id, action == ACT_RECEIPT ? "receipt" : action == ACT_ISSUE ? "issue" : "count");
	return UI_HANDLED;
}

static void moves_resume(struct app *app, void *state)
{
	(void)app;
	struct stock_moves *s = state;
	read_balance(s);
	list_reload(&s->list);
}

static void moves_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct stock_moves *s = state;
	if (strcmp(s->lang, lang_get()) != 0) {
		snprintf(s->lang, sizeof s->lang, "%s", lang_get());
		list_refresh(&s->list);
	}
	int rows = getmaxy(win), cols = getmaxx(win);
	char line[4 * LIST_CELL + sizeof ((struct dist_stock_move *)0)->note + 16];
	snprintf(line, sizeof line, _("%s at %s: balance %lld"), dist_item_name(&s->item, lang_get()), s->centre,
	         s->balance);
	if (s->low) {
		size_t n = strlen(line);
		snprintf(line + n, sizeof line - n, " · %s", _("Low stock"));
	}
	ui_put(win, 0, 1, cols - 2, A_BOLD, line);
	list_draw(&s->list, win, 1, rows - 6);
	if (list_empty(&s->list))
		ui_put(win, 3, 2, cols - 4, 0, _("No move recorded here yet: r records a receipt."));
	/* The selected move whole, its note too (up to 200 characters). */
	const struct list_row *row = list_current(&s->list);
	struct dist_stock_move m;
	if (row && whole(s, row->key.id, &m)) {
		snprintf(line, sizeof line, "%s · %s · %s · %s%s%s", row->cells[C_DAY], row->cells[C_KIND],
		         row->cells[C_QTY], row->cells[C_BY], m.note[0] ? " · " : "", m.note);
		ui_put_wrapped(win, rows - 4, 1, cols - 2, 3, 0, line);
	}
	ui_put(win, rows - 1, 1, cols - 2, A_BOLD, _("r receipt   o issue   c count   Esc back"));
}

static const struct screen screen_moves = {
	.name = "dist_stock_moves",
	.title = N_("Stock moves"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_DISTRIBUTION_WRITE) | PERM_BIT(PERM_DISTRIBUTION_OVERRIDE) | PERM_BIT(PERM_REPORTS),
	.state_size = sizeof(struct stock_moves),
	.bindings = bindings,
	.enter = moves_enter,
	.draw = moves_draw,
	.input = moves_input,
	.action = moves_action,
	.resume = moves_resume,
};

enum status dist_stock_moves_open(struct app *app, long long item)
{
	return app_push(app, &screen_moves, &item);
}
