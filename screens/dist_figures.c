/* The distribution figures: for a day, a month or a year, one centre or
 * all, the items handed out (net of reversals) by item, the different
 * people reached by sex and age group (each once in the period), and the
 * overrides: their count, and for managers who may override their list
 * with the reasons. The lines scroll when longer than the screen. */
#include <stdio.h>
#include <string.h>

#include "core/casenum.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/dist_item.h"
#include "db/dist_report.h"
#include "db/user.h"
#include "screens/dist_lists.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"
#include "ui/textpage.h"

#define MAX_ITEMS 32
#define LABEL_COLS 30
#define OVERRIDES_SHOWN 60

enum { F_PERIOD, F_CENTRE, F_COUNT };

static const struct binding bindings[] = {
	{ 1, { '\n', UI_KEYCODE(KEY_F(5)), 0, 0 }, N_("Show"), N_("Show the figures of the period and centre given") },
	{ 2, { UI_KEYCODE(KEY_NPAGE), UI_KEYCODE(KEY_PPAGE), 0, 0 }, N_("Scroll"),
	  N_("Page Down and Page Up scroll the figures when they are longer than the screen") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def field_defs[F_COUNT] = {
	[F_PERIOD] = { .label = N_("Day, month (MM/YYYY) or year"), .type = FIELD_DATE, .required = true },
	[F_CENTRE] = { .label = N_("Centre"), .type = FIELD_CHOICE },
};

struct figures_screen {
	struct app *app;
	struct field_def defs[F_COUNT];
	struct form form;
	struct ref_choices *centres;   /* first item: all centres */
	struct dist_item items[MAX_ITEMS];
	int nitems;
	struct textpage text;
	bool shown;
	int overrides;                 /* listed so far */
	long long last;                /* the last override listed */
};

static void take_item(const struct dist_item *it, void *ctx)
{
	struct figures_screen *s = ctx;
	if (s->nitems < MAX_ITEMS)
		s->items[s->nitems++] = *it;
}

static const char *item_name(const struct figures_screen *s, long long id)
{
	for (int k = 0; k < s->nitems; k++)
		if (s->items[k].id == id)
			return dist_item_name(&s->items[k], lang_get());
	return "";
}

static const char *choice_label(const struct ref_choices *c, const char *value)
{
	for (int i = 0; c && i < c->n; i++)
		if (strcmp(c->items[i].value, value) == 0)
			return c->items[i].label;
	return "";
}

static void add_heads(struct figures_screen *s, const char *label, const char *const *heads, int n, int width)
{
	char l[TEXTPAGE_BYTES], cell[64], padded[TEXTPAGE_BYTES / 2];
	ui_pad(label, LABEL_COLS, padded, sizeof padded);
	snprintf(l, sizeof l, "  %s", padded);
	for (int i = 0; i < n; i++) {
		text_fit(heads[i], width - 1, cell, sizeof cell);
		size_t len = strlen(l);
		snprintf(l + len, sizeof l - len, "%*s%s", width - text_width(cell), "", cell);
	}
	textpage_add(&s->text, A_BOLD | A_UNDERLINE, l);
}

static void add_item_row(const struct dist_item_total *t, void *ctx)
{
	struct figures_screen *s = ctx;
	char nums[64];
	snprintf(nums, sizeof nums, "%10lld%10ld%10ld", t->net, t->servings, t->reversals);
	textpage_add_wrapped(&s->text, 0, 2, LABEL_COLS + 2, item_name(s, t->item_id), nums);
}

static void add_override(const struct dist_override_row *o, void *ctx)
{
	struct figures_screen *s = ctx;
	char line[TEXTPAGE_BYTES * 3], shown[16] = "", key[24];
	struct pdate d;
	if (date_from_iso(o->day, &d) == DATE_OK)
		date_format(&d, shown, sizeof shown);
	if (!casenum_display(o->case_key, key, sizeof key))
		snprintf(key, sizeof key, "%s", o->case_key);
	snprintf(line, sizeof line, _("%s %s, %s, %s: %s (by %s)%s"), shown, o->centre, key, item_name(s, o->item_id),
	         o->reason, o->served_by, o->reversed ? _(", reversed") : "");
	textpage_add_wrapped(&s->text, 0, 2, 78, line, NULL);
	s->overrides++;
	s->last = o->id;
}

static enum status build(struct figures_screen *s, const char *period_text, const char *centre,
                         const struct dist_period *p)
{
	struct db *db = app_db(s->app);
	struct dist_figures fig;
	enum status st = dist_figures_get(db, centre, p, &fig);
	if (st != ST_OK)
		return st;
	char line[TEXTPAGE_BYTES], shown[16];
	struct pdate d;
	textpage_clear(&s->text);
	if (strlen(period_text) > 4 && date_from_iso(period_text, &d) == DATE_OK)
		date_format(&d, shown, sizeof shown);
	else
		snprintf(shown, sizeof shown, "%s", period_text);
	snprintf(line, sizeof line, "%s · %s", shown, *centre ? choice_label(s->centres, centre) : _("All centres"));
	textpage_add_wrapped(&s->text, A_BOLD, 0, 78, line, NULL);
	snprintf(line, sizeof line, _("%ld servings, %ld reversals, %ld overrides; %ld different people reached."),
	         fig.servings, fig.reversals, fig.overrides, fig.people_total);
	textpage_add_wrapped(&s->text, A_BOLD, 0, 78, line, NULL);
	textpage_add(&s->text, 0, "");

	textpage_add(&s->text, A_BOLD, _("Items handed out, net of reversals"));
	const char *item_heads[] = { _("Quantity"), _("Servings"), _("Reversed") };
	add_heads(s, _("Item"), item_heads, 3, 10);
	int before = s->text.n;
	if ((st = dist_figures_items(db, centre, p, add_item_row, s)) != ST_OK)
		return st;
	if (s->text.n == before)
		textpage_add(&s->text, 0, _("  Nothing handed out in this period."));
	textpage_add(&s->text, 0, "");

	textpage_add(&s->text, A_BOLD, _("Different people reached, by sex and age"));
	textpage_add_wrapped(&s->text, 0, 0, 78,
	            _("Each person once in the period, by their age on the first day they were served in it; a household "
	              "item counts the member who collected it."), NULL);
	const char *sex_heads[] = { _("Female"), _("Male"), _("Other"), _("Total") };
	add_heads(s, _("Age"), sex_heads, 4, 10);
	long col[DIST_SEXES_] = { 0 };
	for (int g = 0; g < DIST_AGE_GROUPS_; g++) {
		char nums[64];
		long total = 0;
		for (int x = 0; x < DIST_SEXES_; x++) {
			total += fig.people[x][g];
			col[x] += fig.people[x][g];
		}
		snprintf(nums, sizeof nums, "%10ld%10ld%10ld%10ld", fig.people[DIST_FEMALE][g], fig.people[DIST_MALE][g],
		         fig.people[DIST_OTHER_SEX][g], total);
		textpage_add_wrapped(&s->text, 0, 2, LABEL_COLS + 2, _(dist_age_group_msgid((enum dist_age_group)g)), nums);
	}
	char nums[64];
	snprintf(nums, sizeof nums, "%10ld%10ld%10ld%10ld", col[0], col[1], col[2], fig.people_total);
	textpage_add_wrapped(&s->text, A_BOLD, 2, LABEL_COLS + 2, _("Total"), nums);
	textpage_add(&s->text, 0, "");

	snprintf(line, sizeof line, _("Overrides: %ld"), fig.overrides);
	textpage_add(&s->text, A_BOLD, line);
	if (!perm_allows(app_user(s->app)->role, PERM_DISTRIBUTION_OVERRIDE))
		return ST_OK;
	s->overrides = 0;
	s->last = 0;
	bool more = true;
	while (st == ST_OK && more && s->overrides < OVERRIDES_SHOWN && s->text.n < TEXTPAGE_LINES - 8) {
		int had = s->overrides;
		st = dist_figures_overrides(db, centre, p, s->last, 10, add_override, s, &more);
		if (s->overrides == had)
			break;
	}
	if (st == ST_OK && more)
		textpage_add(&s->text, 0, _("  More overrides: give a shorter period to see them all."));
	return st;
}

static void label_all(struct figures_screen *s)
{
	if (s->centres && s->centres->n > 0) {
		s->centres->items[0].label = _("All centres");
		s->centres->items[0].alt = NULL;
	}
}

static enum status figures_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct figures_screen *s = state;
	s->app = app;
	memcpy(s->defs, field_defs, sizeof s->defs);
	enum status st = dist_items_each(app_db(app), true, take_item, s);
	if (st != ST_OK)
		return st;
	s->centres = ref_choices_load(app_db(app), REF_CENTRE, lang_get(), REFCHOICE_WITH_NONE);
	if (!s->centres)
		return ST_NOMEM;
	label_all(s);
	s->defs[F_CENTRE].choices = s->centres->items;
	s->defs[F_CENTRE].nchoices = s->centres->n;
	form_init(&s->form, s->defs, F_COUNT);
	char today[11], month[8];
	clock_today_iso(today, sizeof today);
	snprintf(month, sizeof month, "%.7s", today);
	form_set(&s->form, F_PERIOD, month);
	form_set(&s->form, F_CENTRE, "");
	s->form.changed = false;
	return ST_OK;
}

static void figures_leave(struct app *app, void *state)
{
	(void)app;
	ref_choices_free(&((struct figures_screen *)state)->centres);
}

static enum ui_result show(struct app *app, struct figures_screen *s)
{
	if (!form_validate(&s->form))
		return UI_HANDLED;
	char period[16], centre[8];
	form_get(&s->form, F_PERIOD, period, sizeof period);
	form_get(&s->form, F_CENTRE, centre, sizeof centre);
	struct dist_period p;
	if (!dist_period_parse(period, &p)) {
		s->form.fields[F_PERIOD].error = N_("Give a day, a month (MM/YYYY) or a year (YYYY).");
		s->form.cur = F_PERIOD;
		return UI_HANDLED;
	}
	enum status st = build(s, period, centre, &p);
	s->shown = st == ST_OK;
	if (st != ST_OK)
		app_error(app, _(status_msgid(st)));
	return UI_HANDLED;
}

static enum ui_result figures_input(struct app *app, void *state, int key)
{
	struct figures_screen *s = state;
	if (key == '\n' || key == UI_KEYCODE(KEY_F(5)))
		return show(app, s);
	if (s->shown && textpage_key(&s->text, key))
		return UI_HANDLED;
	enum form_result r = form_key(&s->form, key);
	if (r != FORM_IGNORED && s->form.changed)
		s->shown = false;
	return r == FORM_IGNORED ? UI_IGNORED : UI_HANDLED;
}

static void figures_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct figures_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	label_all(s);
	ui_put(win, 0, 2, cols - 4, A_BOLD, _("Distribution figures"));
	form_draw(&s->form, win, 1, F_COUNT + 2);
	int y = F_COUNT + 3;
	if (!s->shown) {
		ui_put_wrapped(win, y, 2, cols - 4, rows - y, 0,
		               _("Give a day, a month or a year and a centre (or all centres), then press Enter."));
		return;
	}
	textpage_draw(&s->text, win, y);
}

static bool figures_typing(struct app *app, void *state)
{
	(void)app;
	return form_typing(&((struct figures_screen *)state)->form);
}

static const struct screen screen_dist_figures = {
	.name = "dist_figures",
	.title = N_("Distribution figures"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REPORTS),
	.state_size = sizeof(struct figures_screen),
	.bindings = bindings,
	.enter = figures_enter,
	.leave = figures_leave,
	.draw = figures_draw,
	.input = figures_input,
	.typing = figures_typing,
};

enum status dist_figures_open(struct app *app)
{
	return app_push(app, &screen_dist_figures, NULL);
}
