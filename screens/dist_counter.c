/* The distribution counter, first its setting: the centre (the user's by
 * default), the counter's name, the meal (from the time of day) when a
 * per-meal item is chosen, and the items being handed out, ticked in a
 * list. Enter starts serving (screens/dist_counter_serve.c). The setting
 * is remembered for the session. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/dist_vocab.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/vocab.h"
#include "db/dist_item.h"
#include "db/refdata.h"
#include "dist_counter_private.h"
#include "screens/dist_counter.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/lineedit.h"

#define MAX_CENTRES 32
#define MAX_ITEMS 40

enum { ROW_CENTRE, ROW_COUNTER, ROW_MEAL, ROW_ITEMS };
enum { ACT_START = 1, ACT_TOGGLE };

static const struct binding bindings[] = {
	{ ACT_START, { '\n', UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0 }, N_("Start serving"),
	  N_("Start serving the items ticked") },
	{ ACT_TOGGLE, { ' ', 0, 0, 0 }, N_("Tick"),
	  N_("Tick or untick the item selected; on the centre or the meal, the next one (Left and Right too)") },
	{ 0, { 0 }, NULL, NULL },
};

struct setup {
	char centres[MAX_CENTRES][8];
	int ncentres, centre;
	int meal;                                 /* index in VOCAB_DIST_MEAL */
	struct lineedit counter;
	struct dist_item items[MAX_ITEMS];
	bool chosen[MAX_ITEMS];
	int nitems;
	int row;                                  /* the row selected */
};

/* The last setting of this session (each session is its own process). */
static struct counter_setting last;
static bool have_last;

static void add_centre(const struct ref_row *row, void *ctx)
{
	struct setup *s = ctx;
	if (s->ncentres < MAX_CENTRES)
		snprintf(s->centres[s->ncentres++], sizeof s->centres[0], "%s", row->code);
}

static void add_item(const struct dist_item *it, void *ctx)
{
	struct setup *s = ctx;
	if (s->nitems < MAX_ITEMS)
		s->items[s->nitems++] = *it;
}

static bool was_chosen(long long id)
{
	for (int i = 0; have_last && i < last.n; i++)
		if (last.items[i] == id)
			return true;
	return false;
}

static enum status setup_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct setup *s = state;
	struct db *db = app_db(app);
	bool more;
	enum status st = ref_page(db, REF_CENTRE, lang_get(), "", PAGE_AFTER, NULL, INT_MAX, add_centre, s, &more);
	if (st == ST_OK)
		st = dist_items_each(db, false, add_item, s);
	if (st != ST_OK)
		return st;
	const char *want = have_last ? last.c.centre_code : app_user(app)->centre_code;
	for (int i = 0; i < s->ncentres; i++)
		if (strcmp(s->centres[i], want) == 0)
			s->centre = i;
	le_init(&s->counter, 20);
	le_set(&s->counter, have_last ? last.c.counter : "1");
	s->meal = vocab_index(VOCAB_DIST_MEAL, dist_meal_of(clock_now()));
	if (s->meal < 0)
		s->meal = 0;
	for (int i = 0; i < s->nitems; i++)
		s->chosen[i] = was_chosen(s->items[i].id);
	s->row = ROW_ITEMS;
	return ST_OK;
}

static int rows_count(const struct setup *s)
{
	return ROW_ITEMS + s->nitems;
}

static enum ui_result start(struct app *app, struct setup *s)
{
	struct counter_setting set;
	memset(&set, 0, sizeof set);
	for (int i = 0; i < s->nitems; i++)
		if (s->chosen[i] && set.n < DIST_SERVE_MAX_ITEMS)
			set.items[set.n++] = s->items[i].id;
	if (set.n == 0) {
		app_error(app, _("Tick the items being handed out (Space)."));
		return UI_HANDLED;
	}
	if (s->ncentres == 0)
		return UI_HANDLED;
	snprintf(set.c.centre_code, sizeof set.c.centre_code, "%s", s->centres[s->centre]);
	le_get(&s->counter, set.c.counter, sizeof set.c.counter);
	snprintf(set.c.meal, sizeof set.c.meal, "%s", vocab_code(VOCAB_DIST_MEAL, s->meal));
	last = set;
	have_last = true;
	app_push(app, &screen_dist_serve, &set);
	return UI_HANDLED;
}

static int count_chosen(const struct setup *s)
{
	int n = 0;
	for (int i = 0; i < s->nitems; i++)
		n += s->chosen[i];
	return n;
}

static void step(struct setup *s, int by)
{
	if (s->row == ROW_CENTRE && s->ncentres > 0)
		s->centre = (s->centre + by + s->ncentres) % s->ncentres;
	else if (s->row == ROW_MEAL)
		s->meal = (s->meal + by + vocab_count(VOCAB_DIST_MEAL)) % vocab_count(VOCAB_DIST_MEAL);
}

static enum ui_result setup_action(struct app *app, void *state, int action)
{
	struct setup *s = state;
	switch (action) {
	case ACT_START: return start(app, s);
	case ACT_TOGGLE:
		if (s->row >= ROW_ITEMS) {
			int i = s->row - ROW_ITEMS;
			if (!s->chosen[i] && count_chosen(s) >= DIST_SERVE_MAX_ITEMS)
				app_error(app, _("Too many items at once."));
			else
				s->chosen[i] = !s->chosen[i];
		} else {
			step(s, 1);
		}
		return UI_HANDLED;
	default: return UI_IGNORED;
	}
}

static enum ui_result setup_input(struct app *app, void *state, int key)
{
	(void)app;
	struct setup *s = state;
	if (key == UI_KEYCODE(KEY_UP) && s->row > 0) {
		s->row--;
		return UI_HANDLED;
	}
	if (key == UI_KEYCODE(KEY_DOWN) && s->row < rows_count(s) - 1) {
		s->row++;
		return UI_HANDLED;
	}
	if ((key == UI_KEYCODE(KEY_LEFT) || key == UI_KEYCODE(KEY_RIGHT)) && (s->row == ROW_CENTRE || s->row == ROW_MEAL)) {
		step(s, key == UI_KEYCODE(KEY_LEFT) ? -1 : 1);
		return UI_HANDLED;
	}
	if (s->row == ROW_COUNTER && key != '\n' && key != ' ' && le_key(&s->counter, key) != LE_IGNORED)
		return UI_HANDLED;
	return UI_IGNORED;
}

static bool setup_typing(struct app *app, void *state)
{
	(void)app;
	return ((struct setup *)state)->row == ROW_COUNTER;
}

static bool any_per_meal(const struct setup *s)
{
	for (int i = 0; i < s->nitems; i++)
		if (s->chosen[i] && strcmp(s->items[i].rule.frequency, "per_meal") == 0)
			return true;
	return false;
}

static void setup_draw(struct app *app, void *state, WINDOW *win)
{
	struct setup *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	char line[400], name[160] = "";
	ui_put_wrapped(win, 0, 2, cols - 4, 2, 0,
	               _("Choose the centre and the items being handed out (Space ticks), then Enter to start serving."));
	if (s->ncentres)
		ref_centre_name(app_db(app), s->centres[s->centre], lang_get(), name, sizeof name);
	snprintf(line, sizeof line, _("Centre:  < %s >"), name[0] ? name : s->ncentres ? s->centres[s->centre] : "");
	ui_put_padded(win, 2, 2, cols - 4, s->row == ROW_CENTRE ? UI_ATTR_SELECTED : 0, line);
	char label[40];
	snprintf(label, sizeof label, "%s", _("Counter: "));
	ui_put_padded(win, 3, 2, cols - 4, s->row == ROW_COUNTER ? UI_ATTR_SELECTED : 0, label);
	const char *meal = vocab_label(VOCAB_DIST_MEAL, vocab_code(VOCAB_DIST_MEAL, s->meal));
	snprintf(line, sizeof line, _("Meal:  < %s >%s"), meal ? _(meal) : "",
	         any_per_meal(s) ? "" : _("  (for per-meal items only)"));
	ui_put_padded(win, 4, 2, cols - 4, s->row == ROW_MEAL ? UI_ATTR_SELECTED : 0, line);
	ui_put(win, 6, 2, cols - 4, A_BOLD, _("Items being handed out:"));
	int room = rows - 8, first = 0;
	int cur = s->row - ROW_ITEMS;
	if (cur >= room)
		first = cur - room + 1;
	for (int i = first; i < s->nitems && i - first < room; i++) {
		snprintf(line, sizeof line, "[%s] %s", s->chosen[i] ? "x" : " ", dist_item_name(&s->items[i], lang_get()));
		ui_put_padded(win, 7 + i - first, 2, cols - 4, i == cur ? UI_ATTR_SELECTED : 0, line);
	}
	if (s->nitems == 0)
		ui_put(win, 7, 2, cols - 4, 0, _("No item is handed out: an administrator adds them."));
	int w = ui_put(win, 3, 2, 20, s->row == ROW_COUNTER ? UI_ATTR_SELECTED : 0, label);
	le_draw(&s->counter, win, 3, 2 + w, 21, UI_ATTR_FIELD, false);
	if (s->row != ROW_COUNTER)
		wmove(win, 2 + (s->row < ROW_ITEMS ? s->row : 7 - 2 + cur - first), 2);
}

static const struct screen screen_dist_setup = {
	.name = "dist_counter",
	.title = N_("Distribution counter"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_DISTRIBUTION_WRITE) | PERM_BIT(PERM_DISTRIBUTION_OVERRIDE),
	.state_size = sizeof(struct setup),
	.bindings = bindings,
	.enter = setup_enter,
	.draw = setup_draw,
	.input = setup_input,
	.action = setup_action,
	.typing = setup_typing,
};

enum status dist_counter_open(struct app *app)
{
	return app_push(app, &screen_dist_setup, NULL);
}
