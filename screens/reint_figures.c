/* The reintegration figures: for a year (or a month), one country of
 * return or all, the beneficiaries of individual reintegration, of
 * collective and of community projects (each kind different people, and
 * the total with a person in two kinds once), returnees apart from
 * community members, by sex and age group; the projects by country in the
 * shape of the domain documents ("77 community projects (Senegal 1,
 * Gambia 12...)"); payments planned and paid by currency. The lines
 * scroll when longer than the screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/amount_group.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/refdata.h"
#include "db/reint_report.h"
#include "db/reint_survey.h"
#include "screens/reint_figures.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"
#include "ui/textpage.h"

enum { F_PERIOD, F_COUNTRY, F_COUNT };

static const struct binding bindings[] = {
	{ 1, { '\n', UI_KEYCODE(KEY_F(5)), 0, 0 }, N_("Show"), N_("Show the figures of the year and country given") },
	{ 2, { UI_KEYCODE(KEY_NPAGE), UI_KEYCODE(KEY_PPAGE), 0, 0 }, N_("Scroll"),
	  N_("Page Down and Page Up scroll the figures when they are longer than the screen") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def field_defs[F_COUNT] = {
	[F_PERIOD] = { .label = N_("Year (YYYY) or month (MM/YYYY)"), .type = FIELD_DATE, .required = true },
	[F_COUNTRY] = { .label = N_("Country of return"), .type = FIELD_CHOICE },
};

#define LABEL_COLS 30

struct figures_screen {
	struct app *app;
	struct field_def defs[F_COUNT];
	struct form form;
	struct ref_choices *countries;   /* first item: all countries */
	struct textpage text;
	bool shown;
	/* The countries' sentence being built. */
	char list[TEXTPAGE_BYTES];
};

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

static const int group_widths[] = { 7, 7, 7, 7, 5, 8 };

static void add_group_row(struct figures_screen *s, const char *label, const long *g)
{
	char nums[120] = "";
	long total = 0;
	for (int i = 0; i < REINT_GROUP_COUNT_; i++) {
		size_t len = strlen(nums);
		snprintf(nums + len, sizeof nums - len, "%*ld", group_widths[i], g[i]);
		total += g[i];
	}
	size_t len = strlen(nums);
	snprintf(nums + len, sizeof nums - len, "%*ld", group_widths[REINT_GROUP_COUNT_], total);
	textpage_add_wrapped(&s->text, 0, 2, LABEL_COLS + 2, label, nums);
}

#define COUNTRY_COLS 24
static const int country_widths[] = { 12, 12, 14 };

static void add_country_row(const struct reint_country_row *r, void *ctx)
{
	struct figures_screen *s = ctx;
	char nums[96];
	snprintf(nums, sizeof nums, "%*ld%*ld%*ld", country_widths[0], r->collective, country_widths[1], r->community,
	         country_widths[2], r->members);
	textpage_add_wrapped(&s->text, 0, 2, COUNTRY_COLS + 2, r->label, nums);
	if (r->community) {
		size_t len = strlen(s->list);
		snprintf(s->list + len, sizeof s->list - len, "%s%s %ld", len ? ", " : "", r->label, r->community);
	}
}

static void add_money_row(const struct reint_money_row *r, void *ctx)
{
	struct figures_screen *s = ctx;
	char planned[64], paid[64], line[TEXTPAGE_BYTES];
	amount_grouped(r->planned, r->currency, planned, sizeof planned);
	amount_grouped(r->paid, r->currency, paid, sizeof paid);
	snprintf(line, sizeof line, ngettext("Planned %s · paid %s (%ld payment)", "Planned %s · paid %s (%ld payments)",
	                                     (unsigned long)r->payments),
	         planned, paid, r->payments);
	textpage_add_wrapped(&s->text, 0, 2, 78, line, NULL);
}

static const char *choice_label(const struct ref_choices *c, const char *value)
{
	for (int i = 0; c && i < c->n; i++)
		if (strcmp(c->items[i].value, value) == 0)
			return c->items[i].label;
	return "";
}

static void add_groups(struct figures_screen *s, const char *title, const struct reint_figures *fig, int kind)
{
	char line[TEXTPAGE_BYTES];
	snprintf(line, sizeof line, _("%s: %ld people, %ld of them community members"), title, fig->total[kind],
	         fig->community[kind]);
	textpage_add_wrapped(&s->text, A_BOLD, 0, 78, line, NULL);
	add_group_row(s, _("Returnees"), fig->people[kind][REINT_RETURNEES]);
	add_group_row(s, _("Community members"), fig->people[kind][REINT_COMMUNITY_MEMBERS]);
}

/* The day before iso into out (11 bytes): the period's last day. */
static void day_before(const char *iso, char *out, size_t size)
{
	struct pdate d;
	snprintf(out, size, "%s", iso);
	if (date_from_iso(iso, &d) != DATE_OK || d.prec != DATE_DAY)
		return;
	if (--d.day == 0) {
		if (--d.month == 0) {
			d.month = 12;
			d.year--;
		}
		d.day = date_days_in_month(d.year, d.month);
	}
	date_to_iso(&d, out, size);
}

/* One line of mean scores: "Baseline (n visits): economic 0.52, ...". */
static void add_mean(struct figures_screen *s, const char *what, const struct reint_score_mean *m)
{
	static const char *const dims[REINT_SCORES] = { N_("economic"), N_("social"), N_("psychosocial"),
	                                                N_("composite") };
	char line[TEXTPAGE_BYTES];
	int len = snprintf(line, sizeof line, ngettext("%s (%d visit):", "%s (%d visits):", m->visits), what, m->visits);
	for (int d = 0; d < REINT_SCORES && len > 0 && (size_t)len < sizeof line; d++) {
		if (m->known[d])
			len += snprintf(line + len, sizeof line - (size_t)len, " %s %.2f%s", _(dims[d]), m->mean[d],
			                d + 1 < REINT_SCORES ? "," : "");
		else
			len += snprintf(line + len, sizeof line - (size_t)len, " %s %s%s", _(dims[d]), _("unknown"),
			                d + 1 < REINT_SCORES ? "," : "");
	}
	textpage_add_wrapped(&s->text, 0, 2, 78, line, NULL);
}

/* The mean scores at baseline and at each case's latest follow-up visit. */
static enum status add_scores(struct figures_screen *s, const char *country, const struct reint_period *p)
{
	struct reint_score_means means;
	char last[16];
	day_before(p->to, last, sizeof last);
	enum status st = reint_score_means(app_db(s->app), p->from, last, country, 0, &means);
	if (st != ST_OK)
		return st;
	char line[TEXTPAGE_BYTES];
	snprintf(line, sizeof line, _("Mean sustainability scores (survey version %d, from 0 to 1)"), means.version);
	textpage_add_wrapped(&s->text, A_BOLD, 0, 78, line, NULL);
	add_mean(s, _("At baseline"), &means.baseline);
	add_mean(s, _("At the latest follow-up visit"), &means.latest);
	textpage_add_wrapped(&s->text, 0, 0, 78,
	            _("Visits done in the period with the survey answered; the latest visit is each case's last one. "
	              "All visits are scored with the newest version of the survey."), NULL);
	return ST_OK;
}

static enum status build(struct figures_screen *s, const char *period_text, const char *country,
                         const struct reint_period *p)
{
	struct db *db = app_db(s->app);
	struct reint_figures fig;
	enum status st = reint_figures_get(db, country, p, &fig);
	if (st != ST_OK)
		return st;
	char line[TEXTPAGE_BYTES], shown[16];
	struct pdate d;
	textpage_clear(&s->text);
	if (strlen(period_text) > 4 && date_from_iso(period_text, &d) == DATE_OK)
		date_format(&d, shown, sizeof shown);
	else
		snprintf(shown, sizeof shown, "%s", period_text);
	snprintf(line, sizeof line, "%s · %s", shown, *country ? choice_label(s->countries, country) : _("All countries"));
	textpage_add_wrapped(&s->text, A_BOLD, 0, 78, line, NULL);
	snprintf(line, sizeof line,
	         _("Beneficiaries: %ld different people (individual %ld, collective %ld, community %ld); %ld returnees "
	           "and %ld community members."),
	         fig.total[REINT_ALL], fig.total[REINT_INDIVIDUAL], fig.total[REINT_COLLECTIVE],
	         fig.total[REINT_COMMUNITY], fig.total[REINT_ALL] - fig.community[REINT_ALL], fig.community[REINT_ALL]);
	textpage_add_wrapped(&s->text, A_BOLD, 0, 78, line, NULL);
	textpage_add_wrapped(&s->text, 0, 0, 78,
	            _("Individual: people with a case whose plan was approved in the period or who were paid in it. "
	              "Collective and community: members of such projects for part of the period. Each kind counts "
	              "different people; the total counts a person in two kinds once. Community members are the "
	              "people registered as community members."), NULL);
	textpage_add(&s->text, 0, "");

	textpage_add(&s->text, A_BOLD, _("Beneficiaries (people) by sex and age"));
	textpage_add_wrapped(&s->text, 0, 0, 78,
	            _("Boys and girls are under 18 on the day of return (individual) or the day they joined (projects); "
	              "in the total, on the earliest of these days."), NULL);
	const char *group_heads[] = { _("Boys"), _("Girls"), _("Men"), _("Women"), "?", _("Total") };
	add_heads(s, "", LABEL_COLS, group_heads, group_widths, 6);
	add_groups(s, _("Individual reintegration"), &fig, REINT_INDIVIDUAL);
	add_groups(s, _("Collective projects"), &fig, REINT_COLLECTIVE);
	add_groups(s, _("Community projects"), &fig, REINT_COMMUNITY);
	add_groups(s, _("All beneficiaries, each once"), &fig, REINT_ALL);
	textpage_add(&s->text, 0, "");

	/* Projects by country, then the domain documents' sentence. */
	textpage_add(&s->text, A_BOLD, _("Projects by country"));
	const char *country_heads[] = { _("Collective"), _("Community"), _("Members") };
	add_heads(s, _("Country"), COUNTRY_COLS, country_heads, country_widths, 3);
	int before = s->text.n;
	s->list[0] = '\0';
	if ((st = reint_figures_countries(db, country, p, lang_get(), add_country_row, s)) != ST_OK)
		return st;
	if (s->text.n == before)
		textpage_add(&s->text, 0, _("  No project in this period."));
	char sentence[2 * TEXTPAGE_BYTES];
	snprintf(sentence, sizeof sentence,
	         fig.projects[1] == 1 ? _("%ld community project") : _("%ld community projects"), fig.projects[1]);
	if (s->list[0]) {
		size_t len = strlen(sentence);
		snprintf(sentence + len, sizeof sentence - len, " (%s)", s->list);
	}
	size_t len = strlen(sentence);
	snprintf(sentence + len, sizeof sentence - len,
	         fig.projects[0] == 1 ? _("; %ld collective project.") : _("; %ld collective projects."), fig.projects[0]);
	textpage_add_wrapped(&s->text, 0, 2, 78, sentence, NULL);
	textpage_add(&s->text, 0, "");

	textpage_add(&s->text, A_BOLD, _("Payments planned and paid, by currency"));
	before = s->text.n;
	if ((st = reint_figures_money(db, country, p, add_money_row, s)) != ST_OK)
		return st;
	if (s->text.n == before)
		textpage_add(&s->text, 0, _("  Nothing planned or paid in this period."));
	textpage_add(&s->text, 0, "");

	/* The sustainability survey's mean scores, under its newest version. */
	if ((st = add_scores(s, country, p)) != ST_OK)
		return st;
	return ST_OK;
}

static void label_all(struct figures_screen *s)
{
	if (s->countries && s->countries->n > 0) {
		s->countries->items[0].label = _("All countries");
		s->countries->items[0].alt = NULL;
	}
}

static enum status figures_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct figures_screen *s = state;
	s->app = app;
	memcpy(s->defs, field_defs, sizeof s->defs);
	s->countries = ref_choices_load(app_db(app), REF_COUNTRY, lang_get(), REFCHOICE_WITH_NONE);
	if (!s->countries)
		return ST_NOMEM;
	label_all(s);
	s->defs[F_COUNTRY].choices = s->countries->items;
	s->defs[F_COUNTRY].nchoices = s->countries->n;
	form_init(&s->form, s->defs, F_COUNT);
	char today[11], year[5];
	struct pdate t = clock_today();
	date_to_iso(&t, today, sizeof today);
	snprintf(year, sizeof year, "%.4s", today);
	form_set(&s->form, F_PERIOD, year);
	form_set(&s->form, F_COUNTRY, "");
	s->form.changed = false;
	return ST_OK;
}

static void figures_leave(struct app *app, void *state)
{
	(void)app;
	ref_choices_free(&((struct figures_screen *)state)->countries);
}

static enum ui_result show(struct app *app, struct figures_screen *s)
{
	if (!form_validate(&s->form))
		return UI_HANDLED;
	char period[16], country[8];
	form_get(&s->form, F_PERIOD, period, sizeof period);
	form_get(&s->form, F_COUNTRY, country, sizeof country);
	struct reint_period p;
	if (!reint_period_parse(period, &p)) {
		s->form.fields[F_PERIOD].error = N_("Give a year (YYYY) or a month (MM/YYYY).");
		s->form.cur = F_PERIOD;
		return UI_HANDLED;
	}
	enum status st = build(s, period, country, &p);
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
	ui_put(win, 0, 2, cols - 4, A_BOLD, _("Reintegration figures"));
	form_draw(&s->form, win, 1, F_COUNT + 2);
	int y = F_COUNT + 3;
	if (!s->shown) {
		ui_put_wrapped(win, y, 2, cols - 4, rows - y, 0,
		               _("Give a year (or a month) and a country of return (or all countries), then press Enter."));
		return;
	}
	textpage_draw(&s->text, win, y);
}

static bool figures_typing(struct app *app, void *state)
{
	(void)app;
	return form_typing(&((struct figures_screen *)state)->form);
}

static const struct screen screen_reint_figures = {
	.name = "reint_figures",
	.title = N_("Reintegration figures"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_READ) | PERM_BIT(PERM_REPORTS),
	.state_size = sizeof(struct figures_screen),
	.bindings = bindings,
	.enter = figures_enter,
	.leave = figures_leave,
	.draw = figures_draw,
	.input = figures_input,
	.typing = figures_typing,
};

enum status reint_figures_open(struct app *app)
{
	return app_push(app, &screen_reint_figures, NULL);
}
