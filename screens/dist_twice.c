/* Served twice at two sites: after the sites' data have merged, the
 * servings that repeat one made at another site within the item's rule
 * (db/dist_twice.h), for a period of days (the last 30 by default) and one
 * centre or all (managers). A row per serving that was one too many: the
 * person, the item and its rule, both servings by day and centre; the
 * selected row whole under the list (each serving's centre, who served it
 * and, for a household item, who collected the first). Names are masked in privacy mode except on the selected row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/casenum.h"
#include "core/date.h"
#include "core/dist_vocab.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/dist_twice.h"
#include "db/user.h"
#include "screens/dist_twice.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/list.h"
#include "ui/refchoice.h"

enum { F_FROM, F_TO, F_CENTRE, F_COUNT };

static const struct binding bindings[] = {
	{ 1, { '\n', UI_KEYCODE(KEY_F(5)), 0, 0 }, N_("Show"),
	  N_("Show the servings made twice at two sites, the second one in the days given, at the centre given "
	     "(either serving) or every centre: a person served an item at one site while another site, out of "
	     "touch, had already served it to them within the item's rule (the same day, the same meal, the same "
	     "number of days, the same stay). Reversed servings are left out; two servings at one site are the "
	     "counter's own check") },
	{ 2, { UI_KEYCODE(KEY_DOWN), UI_KEYCODE(KEY_UP), UI_KEYCODE(KEY_NPAGE), UI_KEYCODE(KEY_PPAGE) }, NULL,
	  N_("Move in the list; the row chosen is shown whole under it: who served each serving, where and when. "
	     "Tab moves between the days and the centre") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def field_defs[F_COUNT] = {
	[F_FROM] = { .label = N_("From"), .type = FIELD_DATE, .required = true, .full_date = true },
	[F_TO] = { .label = N_("To"), .type = FIELD_DATE, .required = true, .full_date = true },
	[F_CENTRE] = { .label = N_("Centre"), .type = FIELD_CHOICE },
};

static const struct list_column columns[] = {
	{ N_("Case number"), 14, false },
	{ N_("Name"), 15, true },
	{ N_("Item"), 15, false },
	{ N_("First"), 15, false },
	{ N_("Second"), 0, false },
};
/* Cells 5 and 6 of a row (not drawn as columns): each serving whole. */
#define NCOLUMNS 5

struct twice_screen {
	struct app *app;
	struct field_def defs[F_COUNT];
	struct form form;
	struct ref_choices *centres;   /* first item: all centres */
	struct dist_twice_filter filter;
	struct list list;
	enum status read;              /* how the last page was read */
	bool shown;
};

static const char *choice_label(const struct ref_choices *c, const char *value)
{
	for (int i = 0; c && i < c->n; i++)
		if (strcmp(c->items[i].value, value) == 0)
			return c->items[i].label;
	return "";
}

static void label_all(struct twice_screen *s)
{
	if (s->centres && s->centres->n > 0) {
		s->centres->items[0].label = _("All centres");
		s->centres->items[0].alt = NULL;
	}
}

static void day_shown(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

/* The item's rule in words ("every 30 days", "at each meal: Lunch"). */
static void rule_words(const struct dist_twice *t, char *out, size_t size)
{
	if (strcmp(t->frequency, "every_n_days") == 0) {
		snprintf(out, size, _("every %d days"), t->every_days);
	} else if (strcmp(t->frequency, "daily") == 0) {
		snprintf(out, size, "%s", _("once a day"));
	} else if (strcmp(t->frequency, "per_meal") == 0) {
		const char *meal = t->second.meal[0] ? vocab_label(VOCAB_DIST_MEAL, t->second.meal) : NULL;
		snprintf(out, size, "%s%s%s", _("at each meal"), meal ? ": " : "", meal ? _(meal) : "");
	} else {
		snprintf(out, size, "%s", _("once per stay"));
	}
}

/* A serving short (day and town) and whole (day, centre, who; who
 * collected it when another member of the household did). */
static void serving_cells(const struct dist_twice_serving *v, const char *which, long long person, char *brief,
                          char *whole)
{
	char day[32];
	day_shown(v->day, day, sizeof day);
	const char *centre = strcmp(lang_get(), "fr") == 0 ? v->centre_fr : v->centre_en;
	char text[LIST_CELL * 4];
	snprintf(text, sizeof text, "%s %s", day, v->town[0] ? v->town : centre);
	text_fit(text, LIST_CELL - 1, brief, LIST_CELL);
	if (v->served_by[0])
		snprintf(text, sizeof text, _("%s: %s at %s, served by %s"), which, day, centre, v->served_by);
	else
		snprintf(text, sizeof text, _("%s: %s at %s, served by staff not known here"), which, day, centre);
	if (v->person_id != person) {
		char key[24];
		if (!casenum_display(v->case_key, key, sizeof key))
			snprintf(key, sizeof key, "%s", v->case_key);
		size_t len = strlen(text);
		snprintf(text + len, sizeof text - len, _(", collected by %s of the household"), key);
	}
	text_fit(text, LIST_CELL - 1, whole, LIST_CELL);
}

struct fill {
	struct list_row *rows;
	int n;
};

static void add_row(const struct dist_twice *t, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	memset(r, 0, sizeof *r);
	if (!casenum_display(t->case_key, r->cells[0], sizeof r->cells[0]))
		snprintf(r->cells[0], sizeof r->cells[0], "%s", t->case_key);
	char text[LIST_CELL * 4], rule[96];
	snprintf(text, sizeof text, "%s %s", t->family_name, t->given_names);
	text_fit(text, LIST_CELL - 1, r->cells[1], sizeof r->cells[1]);
	rule_words(t, rule, sizeof rule);
	snprintf(text, sizeof text, "%s, %s", strcmp(lang_get(), "fr") == 0 ? t->item_fr : t->item_en, rule);
	text_fit(text, LIST_CELL - 1, r->cells[2], sizeof r->cells[2]);
	serving_cells(&t->first, _("First"), t->person_id, r->cells[3], r->cells[5]);
	serving_cells(&t->second, _("Second"), t->person_id, r->cells[4], r->cells[6]);
	snprintf(r->key.text, sizeof r->key.text, "%s", t->second.day);
	r->key.id = t->second.id;
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct twice_screen *s = ctx;
	struct fill f = { rows, 0 };
	struct dist_twice *k = NULL;
	if (key) {
		k = calloc(1, sizeof *k);
		if (!k)
			return -1;
		snprintf(k->second.day, sizeof k->second.day, "%.10s", key->text);
		k->second.id = key->id;
	}
	s->read = dist_twice_list(app_db(s->app), &s->filter, dir, k, limit, add_row, &f, more);
	free(k);
	return s->read == ST_OK ? f.n : -1;
}

static enum status twice_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct twice_screen *s = state;
	s->app = app;
	memcpy(s->defs, field_defs, sizeof s->defs);
	s->centres = ref_choices_load(app_db(app), REF_CENTRE, lang_get(), REFCHOICE_WITH_NONE);
	if (!s->centres)
		return ST_NOMEM;
	label_all(s);
	s->defs[F_CENTRE].choices = s->centres->items;
	s->defs[F_CENTRE].nchoices = s->centres->n;
	form_init(&s->form, s->defs, F_COUNT);
	dist_twice_default(&s->filter);
	const struct user *u = app_user(app);
	/* The distribution staff read their own centre's; managers every one. */
	bool any = perm_allows(u->role, PERM_REPORTS) || perm_allows(u->role, PERM_DISTRIBUTION_OVERRIDE);
	if (!any)
		snprintf(s->filter.centre_code, sizeof s->filter.centre_code, "%s", u->centre_code);
	form_set(&s->form, F_FROM, s->filter.from);
	form_set(&s->form, F_TO, s->filter.to);
	form_set(&s->form, F_CENTRE, s->filter.centre_code);
	s->form.changed = false;
	list_init(&s->list, columns, NCOLUMNS, fetch, s);
	return ST_OK;
}

static void twice_leave(struct app *app, void *state)
{
	(void)app;
	ref_choices_free(&((struct twice_screen *)state)->centres);
}

static enum ui_result show(struct app *app, struct twice_screen *s)
{
	if (!form_validate(&s->form))
		return UI_HANDLED;
	struct dist_twice_filter f;
	memset(&f, 0, sizeof f);
	form_get(&s->form, F_FROM, f.from, sizeof f.from);
	form_get(&s->form, F_TO, f.to, sizeof f.to);
	form_get(&s->form, F_CENTRE, f.centre_code, sizeof f.centre_code);
	if (strcmp(f.from, f.to) > 0) {
		s->form.fields[F_TO].error = N_("The last day comes before the first.");
		s->form.cur = F_TO;
		s->shown = false;
		return UI_HANDLED;
	}
	s->filter = f;
	list_reload(&s->list);
	list_current(&s->list);   /* reads the first page */
	s->shown = s->read == ST_OK;
	if (s->read != ST_OK)
		app_error(app, _(status_msgid(s->read)));
	return UI_HANDLED;
}

static enum ui_result twice_input(struct app *app, void *state, int key)
{
	struct twice_screen *s = state;
	if (key == '\n' || key == UI_KEYCODE(KEY_F(5)))
		return show(app, s);
	if (s->shown && list_key(&s->list, key))
		return UI_HANDLED;
	enum form_result r = form_key(&s->form, key);
	if (r != FORM_IGNORED && s->form.changed)
		s->shown = false;
	return r == FORM_IGNORED ? UI_IGNORED : UI_HANDLED;
}

static void twice_draw(struct app *app, void *state, WINDOW *win)
{
	struct twice_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	label_all(s);
	ui_put(win, 0, 2, cols - 4, A_BOLD, _("Served twice at two sites"));
	form_draw(&s->form, win, 1, F_COUNT + 2);
	int y = F_COUNT + 4;
	if (!s->shown) {
		ui_put_wrapped(win, y, 2, cols - 4, rows - y, 0,
		               _("Give the days and a centre (or all centres), then press Enter."));
		return;
	}
	char from[32], to[32], line[300];
	day_shown(s->filter.from, from, sizeof from);
	day_shown(s->filter.to, to, sizeof to);
	snprintf(line, sizeof line, _("Second serving from %s to %s · %s"), from, to,
	         s->filter.centre_code[0] ? choice_label(s->centres, s->filter.centre_code) : _("All centres"));
	ui_put(win, y - 1, 2, cols - 4, 0, line);
	if (list_empty(&s->list)) {
		ui_put_wrapped(win, y + 1, 2, cols - 4, 2, 0, _("Nobody was served twice at two sites in these days."));
		return;
	}
	s->list.privacy = app_privacy(app);
	/* The selected row whole under the list, in as many rows as it needs:
	 * the person and the item, then each serving. */
	const struct list_row *r = list_current(&s->list);
	char head[LIST_CELL * 3 + 16] = "", first[LIST_CELL] = "", second[LIST_CELL] = "";
	if (r) {
		snprintf(head, sizeof head, "%s · %s · %s", r->cells[0], r->cells[1], r->cells[2]);
		snprintf(first, sizeof first, "%s", r->cells[5]);
		snprintf(second, sizeof second, "%s", r->cells[6]);
	}
	const char *whole[3] = { head, first, second };
	int need = 0;
	for (int i = 0; i < 3; i++)
		need += ui_put_wrapped(win, rows, 2, cols - 4, 0, 0, whole[i]);
	list_draw(&s->list, win, y, rows - y - need - 1);
	int at = rows - need;
	for (int i = 0; i < 3; i++)
		at += ui_put_wrapped(win, at, 2, cols - 4, rows - at, i == 0 ? A_BOLD : 0, whole[i]);
}

static bool twice_typing(struct app *app, void *state)
{
	(void)app;
	return form_typing(&((struct twice_screen *)state)->form);
}

static void twice_resume(struct app *app, void *state)
{
	(void)app;
	struct twice_screen *s = state;
	if (s->shown)
		list_refresh(&s->list);
}

static const struct screen screen_dist_twice = {
	.name = "dist_twice",
	.title = N_("Served twice at two sites"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_DISTRIBUTION_WRITE) | PERM_BIT(PERM_DISTRIBUTION_OVERRIDE) | PERM_BIT(PERM_REPORTS),
	.state_size = sizeof(struct twice_screen),
	.bindings = bindings,
	.enter = twice_enter,
	.leave = twice_leave,
	.draw = twice_draw,
	.input = twice_input,
	.typing = twice_typing,
	.resume = twice_resume,
};

enum status dist_twice_open(struct app *app)
{
	return app_push(app, &screen_dist_twice, NULL);
}
