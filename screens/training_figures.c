/* The vocational training figures: for a year or a month, at one centre or
 * all, for one trade or all, the year's table in the shape of the domain
 * documents ("623 participants, 342 of them community members; 3
 * courses"), the people by group, migrants apart from community members,
 * the same by trade, and what became of the enrolments. Each figure says
 * whether it counts people or enrolments; the lines scroll when longer
 * than the screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "core/training_vocab.h"
#include "db/reflist.h"
#include "db/training_report.h"
#include "screens/training_figures.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/textpage.h"
#include "ui/refchoice.h"

enum { F_PERIOD, F_CENTRE, F_TRADE, F_COUNT };

static const struct binding bindings[] = {
	{ 1, { '\n', UI_KEYCODE(KEY_F(5)), 0, 0 }, N_("Show"),
	  N_("Show the figures of the period, centre and trade given") },
	{ 2, { UI_KEYCODE(KEY_NPAGE), UI_KEYCODE(KEY_PPAGE), 0, 0 }, N_("Scroll"),
	  N_("Page Down and Page Up scroll the figures when they are longer than the screen") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def field_defs[F_COUNT] = {
	[F_PERIOD] = { .label = N_("Month or year (MM/YYYY or YYYY)"), .type = FIELD_DATE, .required = true },
	[F_CENTRE] = { .label = N_("Centre"), .type = FIELD_CHOICE },
	[F_TRADE] = { .label = N_("Trade"), .type = FIELD_CHOICE },
};

#define LABEL_COLS 30   /* the label column of the tables */
#define YEAR_COLS 16    /* the label column of the year's table */

struct figures_screen {
	struct app *app;
	struct field_def defs[F_COUNT];
	struct form form;
	struct ref_choices *centres;   /* first item: all centres */
	struct ref_choices *trades;    /* first item: all trades */
	struct textpage text;          /* the figures, once shown */
	bool shown;
};

/* A table's head: the label column, then each head right-aligned in its
 * width (cut with … when a translation is longer). */
static void add_heads(struct figures_screen *s, const char *label, int label_cols, const char *const *heads,
                      const int *widths, int n)
{
	char l[TEXTPAGE_BYTES], cell[64], padded[TEXTPAGE_BYTES / 2];
	ui_pad(label, label_cols, padded, sizeof padded);
	snprintf(l, sizeof l, "  %s", padded);
	for (int i = 0; i < n; i++) {
		text_fit(heads[i], widths[i] - 1, cell, sizeof cell);
		size_t len = strlen(l);
		snprintf(l + len, sizeof l - len, "%*s%s", widths[i] - text_width(cell), "", cell);
	}
	textpage_add(&s->text, A_BOLD | A_UNDERLINE, l);
}

/* "63%", or "-" when nothing to divide by. */
static void percent(long part, long whole, char *out, size_t size)
{
	int p = training_percent(part, whole);
	if (p < 0)
		snprintf(out, size, "-");
	else
		snprintf(out, size, "%d%%", p);
}

static const int group_widths[] = { 7, 7, 7, 7, 5, 8 };

static void add_group_row(struct figures_screen *s, const char *label, const long *g)
{
	char nums[120] = "";
	long total = 0;
	for (int i = 0; i < TRAINING_GROUP_COUNT_; i++) {
		size_t len = strlen(nums);
		snprintf(nums + len, sizeof nums - len, "%*ld", group_widths[i], g[i]);
		total += g[i];
	}
	size_t len = strlen(nums);
	snprintf(nums + len, sizeof nums - len, "%*ld", group_widths[TRAINING_GROUP_COUNT_], total);
	textpage_add_wrapped(&s->text, 0, 2, LABEL_COLS + 2, label, nums);
}

#define TRADE_COLS 22   /* the label column of the trades */
static const int trade_widths[] = { 11, 11, 11, 10, 10 };

static void add_trade_row(const struct training_trade_row *r, void *ctx)
{
	struct figures_screen *s = ctx;
	char nums[96], done[16], dropped[16];
	percent(r->completed, r->enrolments, done, sizeof done);
	percent(r->dropped, r->enrolments, dropped, sizeof dropped);
	snprintf(nums, sizeof nums, "%*ld%*ld%*ld%*s%*s", trade_widths[0], r->courses, trade_widths[1], r->people,
	         trade_widths[2], r->community, trade_widths[3], done, trade_widths[4], dropped);
	textpage_add_wrapped(&s->text, 0, 2, TRADE_COLS + 2, r->label, nums);
}

/* "623 participants, 342 of them community members; 3 courses." */
static void sentence(const struct training_figures *fig, char *out, size_t size)
{
	char a[128], b[128], c[128];
	snprintf(a, sizeof a, fig->participants == 1 ? _("%ld participant") : _("%ld participants"), fig->participants);
	snprintf(b, sizeof b, fig->community == 1 ? _("%ld of them a community member") : _("%ld of them community members"),
	         fig->community);
	snprintf(c, sizeof c, fig->courses == 1 ? _("%ld course") : _("%ld courses"), fig->courses);
	snprintf(out, size, _("%s, %s; %s."), a, b, c);
}

/* The label of the choice whose value is value, "" when none. */
static const char *choice_label(const struct ref_choices *c, const char *value)
{
	for (int i = 0; c && i < c->n; i++)
		if (strcmp(c->items[i].value, value) == 0)
			return c->items[i].label;
	return "";
}

static void add_outcomes(struct figures_screen *s, const struct training_figures *fig)
{
	char line[TEXTPAGE_BYTES], pct[16], nums[32];
	textpage_add(&s->text, A_BOLD, _("Enrolments: one per person and course"));
	snprintf(line, sizeof line, _("Enrolments holding a place: %ld, of which community members: %ld"), fig->enrolments,
	         fig->enrolments_community);
	textpage_add_wrapped(&s->text, 0, 2, 78, line, NULL);
	percent(fig->completed, fig->enrolments, pct, sizeof pct);
	snprintf(line, sizeof line, _("Completed or certified: %ld (completion rate %s)"), fig->completed, pct);
	textpage_add_wrapped(&s->text, 0, 2, 78, line, NULL);
	percent(fig->dropped, fig->enrolments, pct, sizeof pct);
	snprintf(line, sizeof line, _("Dropped out: %ld (drop-out rate %s), by reason:"), fig->dropped, pct);
	textpage_add_wrapped(&s->text, 0, 2, 78, line, NULL);
	for (int i = 0; i < TRAINING_DROPOUT_REASONS; i++) {
		if (!fig->dropout[i])
			continue;
		snprintf(nums, sizeof nums, "%8ld", fig->dropout[i]);
		textpage_add_wrapped(&s->text, 0, 4, LABEL_COLS + 10, _(vocab_item(VOCAB_TRAINING_DROPOUT, i)->label), nums);
	}
	snprintf(line, sizeof line, _("Still in the course: %ld"), fig->enrolments - fig->completed - fig->dropped);
	textpage_add_wrapped(&s->text, 0, 2, 78, line, NULL);
	snprintf(line, sizeof line, _("Certificates given: official %ld, attendance %ld"), fig->cert_official,
	         fig->cert_attendance);
	textpage_add_wrapped(&s->text, 0, 2, 78, line, NULL);
	snprintf(line, sizeof line, _("Toolkits given: %ld"), fig->toolkits);
	textpage_add_wrapped(&s->text, 0, 2, 78, line, NULL);
	textpage_add_wrapped(&s->text, 0, 2, 78, _("Follow-up three months later:"), NULL);
	for (int i = 0; i < TRAINING_FOLLOWUPS; i++) {
		snprintf(nums, sizeof nums, "%8ld", fig->followup[i]);
		textpage_add_wrapped(&s->text, 0, 4, LABEL_COLS + 10, _(vocab_item(VOCAB_TRAINING_FOLLOWUP, i)->label), nums);
	}
}

static enum status build(struct figures_screen *s, const char *period_text, const char *centre, const char *trade,
                         const struct training_period *p)
{
	struct db *db = app_db(s->app);
	long long trade_id = *trade ? strtoll(trade, NULL, 10) : 0;
	struct training_figures fig;
	enum status st = training_figures_get(db, centre, p, trade_id, &fig);
	if (st != ST_OK)
		return st;
	char line[TEXTPAGE_BYTES], text[TEXTPAGE_BYTES], shown[16];
	struct pdate d;
	textpage_clear(&s->text);
	if (date_from_iso(period_text, &d) == DATE_OK)
		date_format(&d, shown, sizeof shown);
	else
		snprintf(shown, sizeof shown, "%s", period_text);

	/* The year's table, as a sentence and as a table. */
	snprintf(line, sizeof line, "%s · %s · %s", shown, *centre ? choice_label(s->centres, centre) : _("All centres"),
	         *trade ? choice_label(s->trades, trade) : _("All trades"));
	textpage_add_wrapped(&s->text, A_BOLD, 0, 78, line, NULL);
	sentence(&fig, text, sizeof text);
	textpage_add_wrapped(&s->text, A_BOLD, 0, 78, text, NULL);
	const char *year_heads[] = { _("Participants"), _("Community members"), _("Courses") };
	const int year_widths[] = { 14, 28, 12 };
	add_heads(s, _("Period"), YEAR_COLS, year_heads, year_widths, 3);
	char nums[120];
	snprintf(nums, sizeof nums, "%14ld%28ld%12ld", fig.participants, fig.community, fig.courses);
	textpage_add_wrapped(&s->text, 0, 2, YEAR_COLS + 2, shown, nums);
	textpage_add_wrapped(&s->text, 0, 0, 78,
	            _("Participants are different people, each counted once: selected, enrolled, completed, certified "
	              "or dropped out in a course that ran in the period (the waiting list and applications apart). "
	              "Community members are the people registered as community members, even if they migrated "
	              "since."), NULL);
	textpage_add(&s->text, 0, "");

	/* People by group. */
	textpage_add(&s->text, A_BOLD, _("Participants (people) by sex and age"));
	textpage_add_wrapped(&s->text, 0, 0, 78,
	            _("Boys and girls are under 18 at the start of their first course in the period (an estimated "
	              "year of birth counts from 1 January, a known year from 1 July)."), NULL);
	const char *group_heads[] = { _("Boys"), _("Girls"), _("Men"), _("Women"), "?", _("Total") };
	add_heads(s, "", LABEL_COLS, group_heads, group_widths, 6);
	add_group_row(s, _("Migrants"), fig.people[TRAINING_MIGRANTS]);
	add_group_row(s, _("Community members"), fig.people[TRAINING_COMMUNITY]);
	long all[TRAINING_GROUP_COUNT_];
	for (int g = 0; g < TRAINING_GROUP_COUNT_; g++)
		all[g] = fig.people[TRAINING_MIGRANTS][g] + fig.people[TRAINING_COMMUNITY][g];
	add_group_row(s, _("All participants"), all);
	textpage_add(&s->text, 0, "");

	/* By trade. */
	textpage_add(&s->text, A_BOLD, _("By trade"));
	textpage_add_wrapped(&s->text, 0, 0, 78,
	            _("People once per trade (a person in two trades counts in each); the rates are of the "
	              "enrolments."), NULL);
	const char *trade_heads[] = { _("Courses"), _("People"), _("Community"), _("Completed"), _("Dropped") };
	add_heads(s, _("Trade"), TRADE_COLS, trade_heads, trade_widths, 5);
	int before = s->text.n;
	st = training_figures_trades(db, centre, p, trade_id, lang_get(), add_trade_row, s);
	if (st != ST_OK)
		return st;
	if (s->text.n == before)
		textpage_add(&s->text, 0, _("  No course ran in this period."));
	textpage_add(&s->text, 0, "");

	add_outcomes(s, &fig);
	return ST_OK;
}

/* The labels of the first choices, in the language of the moment. */
static void label_all(struct figures_screen *s)
{
	if (s->centres && s->centres->n > 0) {
		s->centres->items[0].label = _("All centres");
		s->centres->items[0].alt = NULL;
	}
	if (s->trades && s->trades->n > 0) {
		s->trades->items[0].label = _("All trades");
		s->trades->items[0].alt = NULL;
	}
}

static enum status figures_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct figures_screen *s = state;
	s->app = app;
	memcpy(s->defs, field_defs, sizeof s->defs);
	s->centres = ref_choices_load(app_db(app), REF_CENTRE, lang_get(), REFCHOICE_WITH_NONE);
	s->trades = reflist_choices_load(app_db(app), REFLIST_TRAINING_TRADE, lang_get(), REFCHOICE_WITH_NONE, 0);
	if (!s->centres || !s->trades) {
		ref_choices_free(&s->centres);
		ref_choices_free(&s->trades);
		return ST_NOMEM;
	}
	label_all(s);
	s->defs[F_CENTRE].choices = s->centres->items;
	s->defs[F_CENTRE].nchoices = s->centres->n;
	s->defs[F_TRADE].choices = s->trades->items;
	s->defs[F_TRADE].nchoices = s->trades->n;
	form_init(&s->form, s->defs, F_COUNT);
	char today[11], year[5];
	struct pdate t = clock_today();
	date_to_iso(&t, today, sizeof today);
	snprintf(year, sizeof year, "%.4s", today);
	form_set(&s->form, F_PERIOD, year);
	form_set(&s->form, F_CENTRE, app_user(app)->centre_code);
	form_set(&s->form, F_TRADE, "");
	s->form.changed = false;
	return ST_OK;
}

static void figures_leave(struct app *app, void *state)
{
	(void)app;
	struct figures_screen *s = state;
	ref_choices_free(&s->centres);
	ref_choices_free(&s->trades);
}

static enum ui_result show(struct app *app, struct figures_screen *s)
{
	if (!form_validate(&s->form))
		return UI_HANDLED;
	char period[16], centre[8], trade[24];
	form_get(&s->form, F_PERIOD, period, sizeof period);
	form_get(&s->form, F_CENTRE, centre, sizeof centre);
	form_get(&s->form, F_TRADE, trade, sizeof trade);
	struct training_period p;
	if (!training_period_parse(period, &p)) {
		s->form.fields[F_PERIOD].error = N_("Give a month (MM/YYYY) or a year (YYYY).");
		s->form.cur = F_PERIOD;
		return UI_HANDLED;
	}
	enum status st = build(s, period, centre, trade, &p);
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
	ui_put(win, 0, 2, cols - 4, A_BOLD, _("Training figures"));
	form_draw(&s->form, win, 1, F_COUNT + 2);   /* the fields, a blank row, the message row */
	int y = F_COUNT + 3;
	if (!s->shown) {
		ui_put_wrapped(win, y, 2, cols - 4, rows - y, 0,
		               _("Give a month or a year, a centre (or all centres) and a trade (or all trades), "
		                 "then press Enter."));
		return;
	}
	textpage_draw(&s->text, win, y);
}

static bool figures_typing(struct app *app, void *state)
{
	(void)app;
	return form_typing(&((struct figures_screen *)state)->form);
}

static const struct screen screen_training_figures = {
	.name = "training_figures",
	.title = N_("Training figures"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_TRAINING_READ) | PERM_BIT(PERM_REPORTS),
	.state_size = sizeof(struct figures_screen),
	.bindings = bindings,
	.enter = figures_enter,
	.leave = figures_leave,
	.draw = figures_draw,
	.input = figures_input,
	.typing = figures_typing,
};

enum status training_figures_open(struct app *app)
{
	return app_push(app, &screen_training_figures, NULL);
}
