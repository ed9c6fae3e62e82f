/* The versions of the sustainability survey, newest first: number, the
 * day from which it is in force, its questions, the visits answered with
 * it and its description (whole under the list for the selected one).
 * Enter shows its questions and weights; n makes a new version from it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/reint_survey.h"
#include "screens/reint_survey_versions.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/list.h"

enum { ACT_OPEN = 1, ACT_NEW, ACT_VISITS };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Open"), N_("Show the selected version: its questions, weights and scores") },
	{ ACT_NEW, { 'n', UI_KEYCODE(KEY_F(2)), 0, 0 }, N_("New version"),
	  N_("Make a new version from the selected one, with other weights and scores (administrators)") },
	{ ACT_VISITS, { 'v', 0, 0, 0 }, N_("Visits"),
	  N_("The done visits: answer a visit's survey, or see its scores under each version") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Version"), 8, false },
	{ N_("In force from"), 14, false },
	{ N_("Questions"), 10, false },
	{ N_("Visits"), 8, false },
	{ N_("Description"), 0, false },
};

struct versions_screen {
	struct app *app;
	struct list list;
};

struct fill {
	struct list_row *rows;
	int n;
};

static void add_row(const struct reint_survey_version *v, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	struct pdate d;
	snprintf(r->cells[0], sizeof r->cells[0], "%d", v->version);
	if (date_from_iso(v->valid_from, &d) == DATE_OK)
		date_format(&d, r->cells[1], sizeof r->cells[1]);
	snprintf(r->cells[2], sizeof r->cells[2], "%d", v->questions);
	snprintf(r->cells[3], sizeof r->cells[3], "%d", v->visits);
	text_fit(v->description, LIST_CELL - 1, r->cells[4], sizeof r->cells[4]);
	r->key.id = v->id;
	snprintf(r->key.text, sizeof r->key.text, "%d", v->version);
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct versions_screen *s = ctx;
	struct fill f = { rows, 0 };
	enum status st = reint_survey_list(app_db(s->app), dir, key ? atoi(key->text) : 0, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status versions_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct versions_screen *s = state;
	s->app = app;
	list_init(&s->list, columns, 5, fetch, s);
	return ST_OK;
}

static enum ui_result versions_input(struct app *app, void *state, int key)
{
	(void)app;
	struct versions_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result versions_action(struct app *app, void *state, int action)
{
	struct versions_screen *s = state;
	const struct list_row *row = list_current(&s->list);
	if (action == ACT_VISITS) {
		if (perm_allows((int)app_user(app)->role, PERM_REINTEGRATION_READ))
			reint_survey_visits_open(app);
		else
			app_error(app, _(status_msgid(ST_DENIED)));
		return UI_HANDLED;
	}
	if (action != ACT_OPEN && action != ACT_NEW)
		return UI_IGNORED;
	if (!row)
		return UI_HANDLED;
	if (action == ACT_OPEN)
		reint_survey_version_open(app, row->key.id);
	else if (!perm_allows((int)app_user(app)->role, PERM_REFDATA))
		app_error(app, _("Only an administrator makes a new version of the survey."));
	else
		reint_survey_form_open(app, row->key.id);
	return UI_HANDLED;
}

static void versions_resume(struct app *app, void *state)
{
	(void)app;
	struct versions_screen *s = state;
	long long saved = reint_survey_form_take_saved();
	if (saved) {
		list_reload(&s->list);   /* the new version is the newest: the first row */
	} else {
		list_refresh(&s->list);
	}
}

static void keep_version(const struct reint_survey_version *v, void *ctx)
{
	*(struct reint_survey_version *)ctx = *v;
}

static void versions_draw(struct app *app, void *state, WINDOW *win)
{
	struct versions_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	ui_put_wrapped(win, 0, 2, cols - 4, 2, A_BOLD, _("Versions of the sustainability survey, newest first"));
	list_draw(&s->list, win, 2, rows - 6);
	const struct list_row *row = list_current(&s->list);
	struct reint_survey_version v;
	memset(&v, 0, sizeof v);
	/* The selected version's description whole: the one row after the next number. */
	if (row && reint_survey_list(app_db(app), PAGE_AFTER, atoi(row->key.text) + 1, 1, keep_version, &v, NULL) == ST_OK
	    && v.id == row->key.id)
		ui_put_wrapped(win, rows - 4, 2, cols - 4, 4, 0, v.description);
	else if (!row)
		ui_put(win, rows - 4, 2, cols - 4, 0, _("No version of the survey."));
}

static const struct screen screen_versions = {
	.name = "reint_survey_versions",
	.title = N_("Sustainability survey"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REFDATA) | PERM_BIT(PERM_REINTEGRATION_READ),
	.state_size = sizeof(struct versions_screen),
	.bindings = bindings,
	.enter = versions_enter,
	.draw = versions_draw,
	.input = versions_input,
	.action = versions_action,
	.resume = versions_resume,
};

enum status reint_survey_versions_open(struct app *app)
{
	return app_push(app, &screen_versions, NULL);
}
