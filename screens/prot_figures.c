/* The protection figures: for a year (or a month), one centre or all, the
 * children assisted (unaccompanied or separated, accompanied) by sex; the
 * victims of trafficking in the shape of the domain documents ("220
 * victims, 157 male and 63 female, 138 boys and 58 girls; 28 with
 * reintegration support") with a table by sex and age; referrals by
 * destination and by status; the returns that left, by sex and age group
 * and by country of destination. The lines scroll when longer than the
 * screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/prot_report.h"
#include "db/refdata.h"
#include "screens/prot_figures.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"
#include "ui/textpage.h"

enum { F_PERIOD, F_CENTRE, F_COUNT };

static const struct binding bindings[] = {
	{ 1, { '\n', UI_KEYCODE(KEY_F(5)), 0, 0 }, N_("Show"), N_("Show the protection figures of the period and centre given") },
	{ 2, { UI_KEYCODE(KEY_NPAGE), UI_KEYCODE(KEY_PPAGE), 0, 0 }, N_("Scroll"),
	  N_("Page Down and Page Up scroll the figures when they are longer than the screen") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def field_defs[F_COUNT] = {
	[F_PERIOD] = { .label = N_("Year (YYYY) or month (MM/YYYY)"), .type = FIELD_DATE, .required = true },
	[F_CENTRE] = { .label = N_("Centre"), .type = FIELD_CHOICE },
};

#define LABEL_COLS 30

struct figures_screen {
	struct app *app;
	struct field_def defs[F_COUNT];
	struct form form;
	struct ref_choices *centres;   /* first item: all centres */
	struct textpage text;
	bool shown;
};

/* A table's head: the label column, then each head right-aligned in its
 * width (cut with … when a translation is longer). */
static void add_heads(struct figures_screen *s, const char *label, const char *const *heads, const int *widths, int n)
{
	char l[TEXTPAGE_BYTES], cell[64], padded[TEXTPAGE_BYTES / 2];
	ui_pad(label, LABEL_COLS, padded, sizeof padded);
	snprintf(l, sizeof l, "  %s", padded);
	for (int i = 0; i < n; i++) {
		text_fit(heads[i], widths[i] - 1, cell, sizeof cell);
		size_t len = strlen(l);
		snprintf(l + len, sizeof l - len, "%*s%s", widths[i] - text_width(cell), "", cell);
	}
	textpage_add(&s->text, A_BOLD | A_UNDERLINE, l);
}

/* A row of n numbers in widths, then their total in the next width. */
static void add_row(struct figures_screen *s, const char *label, const long *v, const int *widths, int n)
{
	char nums[160] = "";
	long total = 0;
	for (int i = 0; i < n; i++) {
		size_t len = strlen(nums);
		snprintf(nums + len, sizeof nums - len, "%*ld", widths[i], v[i]);
		total += v[i];
	}
	size_t len = strlen(nums);
	snprintf(nums + len, sizeof nums - len, "%*ld", widths[n], total);
	textpage_add_wrapped(&s->text, 0, 2, LABEL_COLS + 2, label, nums);
}

static const int sex_widths[] = { 9, 9, 6, 9 };

static void add_children(struct figures_screen *s, const struct prot_figures *fig)
{
	char line[TEXTPAGE_BYTES];
	snprintf(line, sizeof line, _("Children assisted: %ld different children"), fig->children_total);
	textpage_add_wrapped(&s->text, A_BOLD, 0, 78, line, NULL);
	textpage_add_wrapped(&s->text, 0, 0, 78,
	            _("Under 18 or flagged as children, with a protection case of the centre open for part of the "
	              "period, or flagged as children and staying at the centre for part of it. Unaccompanied or "
	              "separated: flagged so."), NULL);
	const char *heads[] = { _("Female"), _("Male"), "?", _("Total") };
	add_heads(s, "", heads, sex_widths, 4);
	add_row(s, _("Unaccompanied or separated"), fig->children[PROT_UNACCOMPANIED], sex_widths, 3);
	add_row(s, _("Accompanied"), fig->children[PROT_ACCOMPANIED], sex_widths, 3);
	long all[PROT_SEX_COUNT_];
	for (int i = 0; i < PROT_SEX_COUNT_; i++)
		all[i] = fig->children[PROT_UNACCOMPANIED][i] + fig->children[PROT_ACCOMPANIED][i];
	add_row(s, _("All children"), all, sex_widths, 3);
	textpage_add(&s->text, 0, "");
}

static const int group_widths[] = { 7, 7, 7, 7, 5, 8 };

static void add_victims(struct figures_screen *s, const struct prot_figures *fig)
{
	char line[TEXTPAGE_BYTES];
	textpage_add(&s->text, A_BOLD, _("Victims of trafficking"));
	snprintf(line, sizeof line,
	         ngettext("%ld victim, %ld male and %ld female, %ld boys and %ld girls; %ld with reintegration support.",
	                  "%ld victims, %ld male and %ld female, %ld boys and %ld girls; %ld with reintegration support.",
	                  (unsigned long)fig->victims_total),
	         fig->victims_total, fig->victims_male, fig->victims_female, fig->victims[PROT_BOYS],
	         fig->victims[PROT_GIRLS], fig->victims_reintegration);
	textpage_add_wrapped(&s->text, 0, 2, 78, line, NULL);
	textpage_add_wrapped(&s->text, 0, 0, 78,
	            _("Different people with a victim's record whose case was open for part of the period; boys and "
	              "girls are under 18 on the day they were identified. Reintegration support: reintegration "
	              "assistance given by the end of the period, or a reintegration case."), NULL);
	const char *heads[] = { _("Boys"), _("Girls"), _("Men"), _("Women"), "?", _("Total") };
	add_heads(s, "", heads, group_widths, 6);
	add_row(s, _("Victims"), fig->victims, group_widths, PROT_GROUP_COUNT_);
	textpage_add(&s->text, 0, "");
}

static const int ref_widths[] = { 8, 8, 8 };

static void add_referrals(struct figures_screen *s, const struct prot_figures *fig)
{
	char line[TEXTPAGE_BYTES];
	snprintf(line, sizeof line, _("Referrals: %ld (%ld different people)"), fig->referrals_total,
	         fig->referrals_people);
	textpage_add_wrapped(&s->text, A_BOLD, 0, 78, line, NULL);
	textpage_add_wrapped(&s->text, 0, 0, 78,
	            _("Referrals sent out or received in the period, of the centre's cases, by their status today."),
	            NULL);
	const char *heads[] = { _("Out"), _("In"), _("Total") };
	add_heads(s, _("Destination"), heads, ref_widths, 3);
	for (int d = 0; d < PROT_DESTINATIONS; d++) {
		long v[2] = { fig->referrals_out[d], fig->referrals_in[d] };
		const char *code = vocab_code(VOCAB_PROT_REFERRAL_DESTINATION, d);
		add_row(s, _(vocab_label(VOCAB_PROT_REFERRAL_DESTINATION, code)), v, ref_widths, 2);
	}
	const char *status_heads[] = { _("Referrals") };
	add_heads(s, _("Status"), status_heads, ref_widths, 1);
	for (int k = 0; k < PROT_REF_STATUSES; k++) {
		const char *code = vocab_code(VOCAB_PROT_REFERRAL_STATUS, k);
		if (strcmp(code, "draft") == 0)
			continue;   /* never counted: not sent */
		snprintf(line, sizeof line, "%*ld", ref_widths[0], fig->referrals_status[k]);
		textpage_add_wrapped(&s->text, 0, 2, LABEL_COLS + 2, _(vocab_label(VOCAB_PROT_REFERRAL_STATUS, code)), line);
	}
	textpage_add(&s->text, 0, "");
}

static void add_country_row(const struct prot_country_row *r, void *ctx)
{
	struct figures_screen *s = ctx;
	long v[3] = { r->female, r->male, r->people - r->female - r->male };
	add_row(s, r->label, v, sex_widths, 3);
}

static enum status add_returns(struct figures_screen *s, const char *centre, const struct prot_period *p,
                               const struct prot_figures *fig)
{
	static const char *const groups[PROT_AGE_COUNT_] = { N_("0 to 4 years"), N_("5 to 11 years"),
		                                            N_("12 to 14 years"), N_("15 to 17 years"),
		                                            N_("18 to 24 years"), N_("25 to 59 years"),
		                                            N_("60 years and over"), N_("Age unknown") };
	char line[TEXTPAGE_BYTES];
	snprintf(line, sizeof line, _("Assisted returns: %ld different people left"), fig->returns_total);
	textpage_add_wrapped(&s->text, A_BOLD, 0, 78, line, NULL);
	textpage_add_wrapped(&s->text, 0, 0, 78,
	            _("People who left from the centre in the period (departed or arrived), each once, by their age "
	              "on the day of their first departure in it."), NULL);
	const char *heads[] = { _("Female"), _("Male"), "?", _("Total") };
	add_heads(s, _("Age"), heads, sex_widths, 4);
	for (int g = 0; g < PROT_AGE_COUNT_; g++) {
		long v[3] = { fig->returns[PROT_FEMALE][g], fig->returns[PROT_MALE][g], fig->returns[PROT_SEX_UNKNOWN][g] };
		add_row(s, _(groups[g]), v, sex_widths, 3);
	}
	textpage_add(&s->text, 0, "");
	textpage_add(&s->text, A_BOLD, _("Returns by country of destination"));
	add_heads(s, _("Country"), heads, sex_widths, 4);
	int before = s->text.n;
	enum status st = prot_figures_countries(app_db(s->app), centre, p, lang_get(), add_country_row, s);
	if (st == ST_OK && s->text.n == before)
		textpage_add(&s->text, 0, _("  No return in this period."));
	return st;
}

static const char *choice_label(const struct ref_choices *c, const char *value)
{
	for (int i = 0; c && i < c->n; i++)
		if (strcmp(c->items[i].value, value) == 0)
			return c->items[i].label;
	return "";
}

static enum status build(struct figures_screen *s, const char *period_text, const char *centre,
                         const struct prot_period *p)
{
	struct prot_figures fig;
	enum status st = prot_figures_get(app_db(s->app), centre, p, &fig);
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
	textpage_add(&s->text, 0, "");
	add_children(s, &fig);
	add_victims(s, &fig);
	add_referrals(s, &fig);
	return add_returns(s, centre, p, &fig);
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
	s->centres = ref_choices_load(app_db(app), REF_CENTRE, lang_get(), REFCHOICE_WITH_NONE);
	if (!s->centres)
		return ST_NOMEM;
	label_all(s);
	s->defs[F_CENTRE].choices = s->centres->items;
	s->defs[F_CENTRE].nchoices = s->centres->n;
	form_init(&s->form, s->defs, F_COUNT);
	char today[11], year[5];
	struct pdate t = clock_today();
	date_to_iso(&t, today, sizeof today);
	snprintf(year, sizeof year, "%.4s", today);
	form_set(&s->form, F_PERIOD, year);
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
	struct prot_period p;
	if (!prot_period_parse(period, &p)) {
		s->form.fields[F_PERIOD].error = N_("Give a year (YYYY) or a month (MM/YYYY).");
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
	ui_put(win, 0, 2, cols - 4, A_BOLD, _("Protection figures"));
	form_draw(&s->form, win, 1, F_COUNT + 2);
	int y = F_COUNT + 3;
	if (!s->shown) {
		ui_put_wrapped(win, y, 2, cols - 4, rows - y, 0,
		               _("Give a year (or a month) and a centre (or all centres), then press Enter."));
		return;
	}
	textpage_draw(&s->text, win, y);
}

static bool figures_typing(struct app *app, void *state)
{
	(void)app;
	return form_typing(&((struct figures_screen *)state)->form);
}

static const struct screen screen_prot_figures = {
	.name = "prot_figures",
	.title = N_("Protection figures"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ) | PERM_BIT(PERM_REPORTS),
	.state_size = sizeof(struct figures_screen),
	.bindings = bindings,
	.enter = figures_enter,
	.leave = figures_leave,
	.draw = figures_draw,
	.input = figures_input,
	.typing = figures_typing,
};

enum status prot_figures_open(struct app *app)
{
	return app_push(app, &screen_prot_figures, NULL);
}
