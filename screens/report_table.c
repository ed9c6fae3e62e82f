/* One table of the reports: the period (this year by default; a quarter,
 * a month or two days too), the centre (or all) and the breakdown; Enter
 * computes it with a progress line that Esc cancels, and the page shows
 * it. Changing the breakdown shows the same counts again at once: every
 * breakdown is computed in one pass. F6 exports it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "db/report.h"
#include "report_private.h"
#include "screens/reports.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"
#include "ui/textpage.h"

enum { F_PERIOD, F_CENTRE, F_BY, F_COUNT };
enum { ACT_SHOW = 1, ACT_EXPORT, ACT_SCROLL, ACT_ABOUT };

/* The loop's wait for a key (ui/app.c), put back after polling. */
#define LOOP_KEY_TIMEOUT_MS 1000

static const struct binding bindings[] = {
	{ ACT_SHOW, { '\n', UI_KEYCODE(KEY_F(5)), 0, 0 }, N_("Compute"),
	  N_("Compute the table for the period, centre and breakdown given; Esc stops a long computation") },
	{ ACT_EXPORT, { UI_KEYCODE(KEY_F(6)), UI_CTRL('O'), 0, 0 }, N_("Export"),
	  N_("Write the table shown to a file: CSV, CSV with HXL hashtags or text, small numbers hidden for "
	     "partners") },
	{ ACT_SCROLL, { UI_KEYCODE(KEY_NPAGE), UI_KEYCODE(KEY_PPAGE), 0, 0 }, N_("Scroll"),
	  N_("Page Down and Page Up scroll the table when it is longer than the screen") },
	{ ACT_ABOUT, { 0 }, NULL,
	  N_("Period: a year (2018), a quarter (2018-Q2), a month (2018-03) or two days (01/03/2018..15/03/2018). "
	     "The breakdown can change once the table is shown: the same counts show again at once. Each line "
	     "says whether it counts different people (each once, at their first event of the period) or "
	     "events.") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def field_defs[F_COUNT] = {
	[F_PERIOD] = { .label = N_("Period"), .type = FIELD_TEXT, .required = true, .maxlen = 24 },
	[F_CENTRE] = { .label = N_("Centre"), .type = FIELD_CHOICE },
	[F_BY] = { .label = N_("Breakdown"), .type = FIELD_CHOICE, .labels_are_msgids = true, .required = true },
};

struct table_screen {
	struct app *app;
	const struct report_def *def;
	struct field_def defs[F_COUNT];
	struct form form;
	struct ref_choices *centres;   /* first item: all centres */
	struct choice by_choices[REPORT_BY_COUNT_];
	struct report_result *result;  /* the table shown, when shown */
	bool shown;
	char centre_label[324];
	struct report_view view;
	struct textpage text;
	WINDOW *win;                   /* the body, for the progress line */
	int laid_cols;                 /* the width the page was laid out for */
	double polled;
	bool cancel;
};

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Draws the progress line and reads a key without waiting: Esc cancels. */
static bool on_progress(int done, int total, void *ctx)
{
	struct table_screen *s = ctx;
	if (!s->win || done >= total)
		return !s->cancel;
	double now = seconds();
	if (now - s->polled < 0.05)
		return !s->cancel;
	s->polled = now;
	char line[200];
	snprintf(line, sizeof line, _("Computing line %d of %d... Esc to cancel"), done + 1, total);
	ui_put_padded(s->win, F_COUNT + 3, 1, getmaxx(s->win) - 2, A_BOLD, line);
	wrefresh(s->win);
	wtimeout(s->win, 0);
	int key = app_read_key(s->app);
	wtimeout(s->win, LOOP_KEY_TIMEOUT_MS);
	if (key == UI_ESC)
		s->cancel = true;
	return !s->cancel;
}

static const char *choice_label(const struct ref_choices *c, const char *value)
{
	for (int i = 0; c && i < c->n; i++)
		if (strcmp(c->items[i].value, value) == 0)
			return c->items[i].label;
	return "";
}

/* The breakdown chosen in the form. */
static enum report_by chosen_by(const struct table_screen *s)
{
	char by[16];
	form_get(&s->form, F_BY, by, sizeof by);
	int b = report_by_parse(by);
	return b < 0 ? s->def->by : (enum report_by)b;
}

/* Lays the table out again (after computing, or for another breakdown). */
static void lay_out(struct table_screen *s)
{
	s->view.result = s->result;
	s->view.by = chosen_by(s);
	s->view.centre_label = s->centre_label;
	int cols = s->win ? getmaxx(s->win) - 2 : 78;
	if (cols > 158)
		cols = 158;   /* a page's lines hold 160 columns */
	s->laid_cols = s->win ? getmaxx(s->win) : 0;
	report_text_build(&s->text, app_db(s->app), lang_get(), &s->view, cols);
}

static enum ui_result compute(struct app *app, struct table_screen *s)
{
	if (!form_validate(&s->form))
		return UI_HANDLED;
	char period[64], centre[16];
	form_get(&s->form, F_PERIOD, period, sizeof period);
	form_get(&s->form, F_CENTRE, centre, sizeof centre);
	struct report_period p;
	if (!report_period_parse(period, &p)) {
		s->form.fields[F_PERIOD].error =
		        N_("Give a year (2018), a quarter (2018-Q2), a month (2018-03) or two days (FROM..TO).");
		s->form.cur = F_PERIOD;
		s->shown = false;
		app_error(app, _("This is not a period: nothing computed."));
		return UI_HANDLED;
	}
	s->shown = false;
	s->cancel = false;
	s->polled = 0;
	enum status st = report_compute(app_db(app), s->def, &p, centre, on_progress, s, s->result);
	app_dirty(app);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	if (s->result->cancelled) {
		app_message(app, _("Cancelled: nothing shown."));
		return UI_HANDLED;
	}
	snprintf(s->centre_label, sizeof s->centre_label, "%s", *centre ? choice_label(s->centres, centre) : "");
	lay_out(s);
	s->shown = true;
	return UI_HANDLED;
}

static enum ui_result table_action(struct app *app, void *state, int action)
{
	struct table_screen *s = state;
	switch (action) {
	case ACT_SHOW:
		return compute(app, s);
	case ACT_EXPORT:
		if (!s->shown) {
			app_error(app, _("Compute the table first (Enter), then export it."));
			return UI_HANDLED;
		}
		report_export_open(app, &s->view);
		return UI_HANDLED;
	default:
		return UI_IGNORED;
	}
}

static enum ui_result table_input(struct app *app, void *state, int key)
{
	struct table_screen *s = state;
	if (key == '\n')
		return compute(app, s);
	if (s->shown && textpage_key(&s->text, key))
		return UI_HANDLED;
	int before_by = s->shown ? (int)s->view.by : -1;
	enum form_result r = form_key(&s->form, key);
	if (r == FORM_IGNORED)
		return UI_IGNORED;
	if (s->shown && s->form.changed) {
		char period[64], centre[16];
		form_get(&s->form, F_PERIOD, period, sizeof period);
		form_get(&s->form, F_CENTRE, centre, sizeof centre);
		struct report_period p;
		bool same = report_period_parse(period, &p) && strcmp(p.text, s->result->period.text) == 0
		            && strcmp(centre, s->result->centre) == 0;
		if (!same)
			s->shown = false;   /* the page would say another period or centre */
		else if ((int)chosen_by(s) != before_by)
			lay_out(s);         /* the same counts, broken down another way */
	}
	return UI_HANDLED;
}

static void table_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct table_screen *s = state;
	s->win = win;
	int cols = getmaxx(win), rows = getmaxy(win);
	if (s->centres && s->centres->n > 0)
		s->centres->items[0].label = _("All centres");
	ui_put(win, 0, 2, cols - 4, A_BOLD, _(s->def->title));
	form_draw(&s->form, win, 1, F_COUNT + 2);
	int y = F_COUNT + 3;
	if (!s->shown) {
		ui_put_wrapped(win, y, 2, cols - 4, rows - y, 0,
		               _("Period: a year (2018), a quarter (2018-Q2), a month (2018-03) or two days "
		                 "(01/03/2018..15/03/2018). Centre: one or all. Then press Enter (or F5) to compute."));
		return;
	}
	if (cols != s->laid_cols)
		lay_out(s);   /* the terminal was resized: the columns follow its width */
	textpage_draw(&s->text, win, y);
}

static bool table_typing(struct app *app, void *state)
{
	(void)app;
	return form_typing(&((struct table_screen *)state)->form);
}

static enum status table_enter(struct app *app, void *state, const void *arg)
{
	struct table_screen *s = state;
	s->app = app;
	s->def = arg;
	s->result = calloc(1, sizeof *s->result);
	if (!s->result)
		return ST_NOMEM;
	memcpy(s->defs, field_defs, sizeof s->defs);
	s->centres = ref_choices_load(app_db(app), REF_CENTRE, lang_get(), REFCHOICE_WITH_NONE);
	if (!s->centres) {
		free(s->result);
		s->result = NULL;
		return ST_NOMEM;
	}
	s->centres->items[0].label = _("All centres");
	s->centres->items[0].alt = NULL;
	s->defs[F_CENTRE].choices = s->centres->items;
	s->defs[F_CENTRE].nchoices = s->centres->n;
	for (int b = 0; b < REPORT_BY_COUNT_; b++)
		s->by_choices[b] = (struct choice){ report_by_name((enum report_by)b), report_by_label((enum report_by)b),
			                            NULL };
	s->defs[F_BY].choices = s->by_choices;
	s->defs[F_BY].nchoices = REPORT_BY_COUNT_;
	form_init(&s->form, s->defs, F_COUNT);
	char today[11], year[5];
	struct pdate t = clock_today();
	date_to_iso(&t, today, sizeof today);
	snprintf(year, sizeof year, "%.4s", today);
	form_set(&s->form, F_PERIOD, year);
	form_set(&s->form, F_CENTRE, "");
	form_set(&s->form, F_BY, report_by_name(s->def->by));
	s->form.changed = false;
	return ST_OK;
}

static void table_leave(struct app *app, void *state)
{
	(void)app;
	struct table_screen *s = state;
	ref_choices_free(&s->centres);
	free(s->result);
	s->result = NULL;
}

static bool table_unsaved(struct app *app, void *state)
{
	(void)app;
	(void)state;
	return false;   /* nothing to save: leaving loses no work */
}

static const struct screen screen_report_table = {
	.name = "report_table",
	.title = N_("Reports"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REPORTS),
	.state_size = sizeof(struct table_screen),
	.bindings = bindings,
	.enter = table_enter,
	.leave = table_leave,
	.draw = table_draw,
	.input = table_input,
	.action = table_action,
	.unsaved = table_unsaved,
	.typing = table_typing,
};

enum status report_table_open(struct app *app, const struct report_def *def)
{
	return app_push(app, &screen_report_table, def);
}
