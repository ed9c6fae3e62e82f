/* The psychosocial figures: for a month or a year, at one centre or all,
 * the sessions held by activity type and by partner, the different people
 * who took part (by group and nationality), their attendances, the people
 * with at least N sessions, and the head counts, kept apart. Each figure
 * says what it counts; the table scrolls when longer than the screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/psych_report.h"
#include "screens/psych_figures.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/textpage.h"
#include "ui/refchoice.h"

enum { F_PERIOD, F_CENTRE, F_MIN, F_COUNT };
enum { ACT_SHOW = 1, ACT_SCROLL };

static const struct binding bindings[] = {
	{ ACT_SHOW, { '\n', UI_KEYCODE(KEY_F(5)), 0, 0 }, N_("Show"),
	  N_("Show the figures of the period, centre and N given") },
	{ ACT_SCROLL, { UI_KEYCODE(KEY_NPAGE), UI_KEYCODE(KEY_PPAGE), 0, 0 }, N_("Scroll"),
	  N_("Page Down and Page Up scroll the figures when they are longer than the screen") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def field_defs[F_COUNT] = {
	[F_PERIOD] = { .label = N_("Month or year (MM/YYYY or YYYY)"), .type = FIELD_DATE, .required = true },
	[F_CENTRE] = { .label = N_("Centre"), .type = FIELD_CHOICE },
	[F_MIN] = { .label = N_("At least N sessions, N"), .type = FIELD_NUMBER, .required = true, .min = 1, .max = 99 },
};

#define LABEL_COLS 44   /* the label column of the tables */
#define TOP_NATIONALITIES 10

struct figures_screen {
	struct app *app;
	struct field_def defs[F_COUNT];
	struct form form;
	struct ref_choices *centres;   /* first item: all centres */
	struct textpage text;          /* the figures, once shown */
	bool shown;
};

struct rows_ctx {
	struct figures_screen *s;
	int n;
};

static void add_session_row(const struct psych_session_row *r, void *ctx)
{
	struct rows_ctx *c = ctx;
	char nums[64];
	snprintf(nums, sizeof nums, "%10ld%12ld", r->held, r->cancelled);
	textpage_add_wrapped(&c->s->text, 0, 2, LABEL_COLS, r->id ? r->label : _("No partner"), nums);
	c->n++;
}

/* Boys, girls, men, women (and unknown) with their total, as one row. */
static void add_groups(struct figures_screen *s, const char *label, const long *g, int ng, long total)
{
	char nums[120] = "";
	for (int i = 0; i < ng; i++) {
		size_t len = strlen(nums);
		snprintf(nums + len, sizeof nums - len, "%6ld", g[i]);
	}
	size_t len = strlen(nums);
	snprintf(nums + len, sizeof nums - len, "%7ld", total);
	textpage_add_wrapped(&s->text, 0, 2, LABEL_COLS - 8, label, nums);
}

/* The heads of add_groups' columns, with the unknown group or without. */
static void add_group_heads(struct figures_screen *s, bool unknown)
{
	const char *heads[] = { _("Boys"), _("Girls"), _("Men"), _("Women"), "?", _("Total") };
	char l[TEXTPAGE_BYTES], cell[32];
	ui_pad("", LABEL_COLS - 8, l, sizeof l);
	for (int i = 0; i < 6; i++) {
		if (i == 4 && !unknown)
			continue;
		int w = i == 5 ? 7 : 6;
		text_fit(heads[i], w - 1, cell, sizeof cell);
		size_t len = strlen(l);
		snprintf(l + len, sizeof l - len, "%*s%s", w - text_width(cell), "", cell);
	}
	textpage_add(&s->text, A_BOLD | A_UNDERLINE, l);
}

static enum status build(struct figures_screen *s, const char *centre, const struct psych_period *p, int min)
{
	struct db *db = app_db(s->app);
	const char *lang = lang_get();
	struct psych_figures fig;
	enum status st = psych_figures_get(db, centre, p, min, TOP_NATIONALITIES, lang, &fig);
	if (st != ST_OK)
		return st;
	char line[TEXTPAGE_BYTES];
	textpage_clear(&s->text);

	snprintf(line, sizeof line, _("Sessions held: %ld (roll by name %ld, head count %ld). Cancelled, not counted as held: %ld."),
	         fig.held, fig.held_names, fig.held_count, fig.cancelled);
	textpage_add_wrapped(&s->text, A_BOLD, 0, 78, line, NULL);
	const char *sheads[] = { _("Held"), _("Cancelled") };
	struct rows_ctx c = { s, 0 };
	char cell1[64], cell2[64], head[TEXTPAGE_BYTES * 2];
	text_fit(sheads[0], 9, cell1, sizeof cell1);
	text_fit(sheads[1], 11, cell2, sizeof cell2);
	for (int by = 0; by < 2; by++) {
		char label[TEXTPAGE_BYTES];
		ui_pad(by == 0 ? _("Activity type") : _("Partner"), LABEL_COLS - 2, label, sizeof label);
		snprintf(head, sizeof head, "  %s%*s%s%*s%s", label, 10 - text_width(cell1), "", cell1,
		         12 - text_width(cell2), "", cell2);
		textpage_add(&s->text, A_BOLD | A_UNDERLINE, head);
		c.n = 0;
		st = psych_figures_sessions(db, centre, p, by == 0 ? PSYCH_BY_ACTIVITY : PSYCH_BY_PARTNER, lang,
		                            add_session_row, &c);
		if (st != ST_OK)
			return st;
		if (!c.n)
			textpage_add(&s->text, 0, _("  No session in this period."));
		textpage_add(&s->text, 0, "");
	}

	textpage_add(&s->text, A_BOLD, _("Different people who took part"));
	textpage_add_wrapped(&s->text, 0, 0, 78,
	            _("Each person counts once in the period, marked present or left early in a session held "
	              "with a roll by name; boys and girls are under 18 at their first attendance in the period "
	              "(an estimated year of birth counts from 1 January, a known year from 1 July)."), NULL);
	add_group_heads(s, true);
	add_groups(s, _("People"), fig.people, PSYCH_GROUP_COUNT_, fig.people_total);
	long migrants[PSYCH_GROUP_COUNT_];
	for (int i = 0; i < PSYCH_GROUP_COUNT_; i++)
		migrants[i] = fig.people[i] - fig.community[i];
	add_groups(s, _("  of whom migrants"), migrants, PSYCH_GROUP_COUNT_, fig.people_total - fig.community_total);
	add_groups(s, _("  of whom community members"), fig.community, PSYCH_GROUP_COUNT_, fig.community_total);
	textpage_add(&s->text, 0, "");
	snprintf(line, sizeof line, _("Attendances (events: one per person and session attended): %ld"), fig.attendances);
	textpage_add_wrapped(&s->text, A_BOLD, 0, 78, line, NULL);
	snprintf(line, sizeof line, _("Different people with at least %d sessions in the period: %ld"), fig.min_sessions,
	         fig.people_min_sessions);
	textpage_add_wrapped(&s->text, A_BOLD, 0, 78, line, NULL);
	textpage_add(&s->text, 0, "");

	textpage_add(&s->text, A_BOLD, _("Different people by nationality"));
	for (int i = 0; i < fig.nat_n; i++) {
		char nums[32];
		snprintf(nums, sizeof nums, "%10ld", fig.nat[i].people);
		textpage_add_wrapped(&s->text, 0, 2, LABEL_COLS,
		                     fig.nat[i].code[0] ? fig.nat[i].name : _("Nationality not known"), nums);
	}
	if (fig.nat_others) {
		char nums[32];
		snprintf(nums, sizeof nums, "%10ld", fig.nat_others);
		textpage_add_wrapped(&s->text, 0, 2, LABEL_COLS, _("Other nationalities"), nums);
	}
	if (!fig.nat_n)
		textpage_add(&s->text, 0, _("  Nobody took part in this period."));
	textpage_add(&s->text, 0, "");

	textpage_add(&s->text, A_BOLD, _("Head counts"));
	textpage_add_wrapped(&s->text, 0, 0, 78,
	            _("Counted at open activities without names: people may be counted more than once, and these "
	              "counts are never added to the different people or attendances above."), NULL);
	snprintf(line, sizeof line, _("Sessions held with a head count: %ld"), fig.held_count);
	textpage_add(&s->text, 0, line);
	add_group_heads(s, false);
	add_groups(s, _("Heads counted"), fig.heads, 4, fig.heads_total);
	return ST_OK;
}

/* The label of the first centre choice, in the language of the moment. */
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
	s->centres = ref_choices_load(app_db(app), REF_CENTRE, lang_get(), REFCHOICE_WITH_NONE);
	if (!s->centres)
		return ST_NOMEM;
	label_all(s);
	s->defs[F_CENTRE].choices = s->centres->items;
	s->defs[F_CENTRE].nchoices = s->centres->n;
	form_init(&s->form, s->defs, F_COUNT);
	char today[11], month[8];
	struct pdate t = clock_today();
	date_to_iso(&t, today, sizeof today);
	snprintf(month, sizeof month, "%.7s", today);
	form_set(&s->form, F_PERIOD, month);
	form_set(&s->form, F_CENTRE, app_user(app)->centre_code);
	form_set(&s->form, F_MIN, "3");
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
	char period[16], centre[8], min[8];
	form_get(&s->form, F_PERIOD, period, sizeof period);
	form_get(&s->form, F_CENTRE, centre, sizeof centre);
	form_get(&s->form, F_MIN, min, sizeof min);
	struct psych_period p;
	if (!psych_period_parse(period, &p)) {
		s->form.fields[F_PERIOD].error = N_("Give a month (MM/YYYY) or a year (YYYY).");
		s->form.cur = F_PERIOD;
		return UI_HANDLED;
	}
	enum status st = build(s, centre, &p, atoi(min));
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
	ui_put(win, 0, 2, cols - 4, A_BOLD, _("Psychosocial figures"));
	form_draw(&s->form, win, 1, F_COUNT + 2);   /* the fields, a blank row, the message row */
	int y = F_COUNT + 3;
	if (!s->shown) {
		ui_put_wrapped(win, y, 2, cols - 4, rows - y, 0,
		               _("Give a month or a year, a centre (or all centres) and N, then press Enter."));
		return;
	}
	textpage_draw(&s->text, win, y);
}

static bool figures_typing(struct app *app, void *state)
{
	(void)app;
	return form_typing(&((struct figures_screen *)state)->form);
}

static const struct screen screen_psych_figures = {
	.name = "psych_figures",
	.title = N_("Psychosocial figures"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PSYCH_READ) | PERM_BIT(PERM_REPORTS),
	.state_size = sizeof(struct figures_screen),
	.bindings = bindings,
	.enter = figures_enter,
	.leave = figures_leave,
	.draw = figures_draw,
	.input = figures_input,
	.typing = figures_typing,
};

enum status psych_figures_open(struct app *app)
{
	return app_push(app, &screen_psych_figures, NULL);
}
