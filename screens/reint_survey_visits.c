/* The done visits, newest first: day, kind, the survey version they were
 * answered with (or none yet), country and the returnee or project. Enter
 * opens the visit's survey: its answers and scores, or the questions to
 * answer. */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/reint_survey.h"
#include "screens/reint_survey.h"
#include "screens/reint_survey_versions.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/list.h"

enum { ACT_OPEN = 1 };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Survey"),
	  N_("Open the selected visit's survey: answer it, or see its scores under each version") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Day"), 11, false },
	{ N_("Visit"), 13, false },
	{ N_("Survey"), 8, false },
	{ N_("Country"), 8, false },
	{ N_("Returnee or project"), 0, true },
};

struct visits_screen {
	struct app *app;
	struct list list;
};

struct fill {
	struct list_row *rows;
	int n;
};

static void add_row(const struct reint_survey_visit *v, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	struct pdate d;
	if (date_from_iso(v->day, &d) == DATE_OK)
		date_format(&d, r->cells[0], sizeof r->cells[0]);
	const char *kind = vocab_short(VOCAB_REINT_VISIT_KIND, v->kind);
	snprintf(r->cells[1], sizeof r->cells[1], "%s", kind ? _(kind) : "");
	if (v->version)
		snprintf(r->cells[2], sizeof r->cells[2], "%d", v->version);
	else
		snprintf(r->cells[2], sizeof r->cells[2], "%s", _("none"));
	snprintf(r->cells[3], sizeof r->cells[3], "%s", v->country);
	text_fit(v->name, LIST_CELL - 1, r->cells[4], sizeof r->cells[4]);
	r->key.id = v->visit_id;
	snprintf(r->key.text, sizeof r->key.text, "%s", v->day);
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct visits_screen *s = ctx;
	struct fill f = { rows, 0 };
	struct reint_survey_visit k;
	memset(&k, 0, sizeof k);
	if (key) {
		k.visit_id = key->id;
		snprintf(k.day, sizeof k.day, "%.10s", key->text);
	}
	enum status st = reint_survey_visit_list(app_db(s->app), dir, key ? &k : NULL, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status visits_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct visits_screen *s = state;
	s->app = app;
	list_init(&s->list, columns, 5, fetch, s);
	return ST_OK;
}

static enum ui_result visits_input(struct app *app, void *state, int key)
{
	(void)app;
	struct visits_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result visits_action(struct app *app, void *state, int action)
{
	struct visits_screen *s = state;
	if (action != ACT_OPEN)
		return UI_IGNORED;
	const struct list_row *row = list_current(&s->list);
	if (row)
		reint_survey_open(app, row->key.id);
	return UI_HANDLED;
}

static void visits_resume(struct app *app, void *state)
{
	(void)app;
	struct visits_screen *s = state;
	list_refresh(&s->list);
}

static void visits_draw(struct app *app, void *state, WINDOW *win)
{
	struct visits_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	ui_put_wrapped(win, 0, 2, cols - 4, 2, A_BOLD, _("Done visits and their sustainability survey, newest first"));
	list_draw(&s->list, win, 2, rows - 4);
	const struct list_row *row = list_current(&s->list);
	if (!row)
		ui_put(win, rows - 1, 2, cols - 4, 0, _("No visit is done yet."));
	else if (!app_privacy(app))
		ui_put(win, rows - 1, 2, cols - 4, 0, row->cells[4]);
}

static const struct screen screen_visits = {
	.name = "reint_survey_visits",
	.title = N_("Visits and their survey"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_READ),
	.state_size = sizeof(struct visits_screen),
	.bindings = bindings,
	.enter = visits_enter,
	.draw = visits_draw,
	.input = visits_input,
	.action = visits_action,
	.resume = visits_resume,
};

enum status reint_survey_visits_open(struct app *app)
{
	return app_push(app, &screen_visits, NULL);
}
