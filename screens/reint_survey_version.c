/* One version of the sustainability survey: from when it is in force, the
 * weights of the three dimensions in the composite, and each question with
 * its weight and its answers' scores, a page at a time. n makes a new
 * version from it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "db/reint_survey.h"
#include "screens/reint_survey_text.h"
#include "screens/reint_survey_versions.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/textpage.h"

enum { ACT_NEW = 1 };

static const struct binding bindings[] = {
	{ ACT_NEW, { 'n', UI_KEYCODE(KEY_F(2)), 0, 0 }, N_("New version"),
	  N_("Make a new version from this one, with other weights and scores (administrators); Page Down and "
	     "Page Up go through the questions") },
	{ 0, { 0 }, NULL, NULL },
};

struct version_screen {
	struct app *app;
	long long id;
	char lang[8];
	int cols;
	struct textpage text;
};

/* Reads the version and lays it out for cols columns. */
static enum status build(struct version_screen *s, int cols)
{
	struct reint_survey *sv = malloc(sizeof *sv);
	if (!sv)
		return ST_INTERNAL;
	enum status st = reint_survey_get(app_db(s->app), s->id, lang_get(), sv);
	if (st == ST_OK) {
		int top = s->text.top;
		textpage_clear(&s->text);
		reint_version_text(&s->text, sv, cols);
		if (top < s->text.n)
			s->text.top = top;
		snprintf(s->lang, sizeof s->lang, "%s", lang_get());
		s->cols = cols;
	}
	free(sv);
	return st;
}

static enum status version_enter(struct app *app, void *state, const void *arg)
{
	struct version_screen *s = state;
	s->app = app;
	s->id = *(const long long *)arg;
	return build(s, UI_MIN_COLS - 4);
}

static void version_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct version_screen *s = state;
	int cols = getmaxx(win) - 4;
	if (cols != s->cols || strcmp(s->lang, lang_get()) != 0)
		build(s, cols);
	textpage_draw(&s->text, win, 0);
}

static enum ui_result version_input(struct app *app, void *state, int key)
{
	(void)app;
	struct version_screen *s = state;
	return textpage_key(&s->text, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result version_action(struct app *app, void *state, int action)
{
	struct version_screen *s = state;
	if (action != ACT_NEW)
		return UI_IGNORED;
	if (!perm_allows((int)app_user(app)->role, PERM_REFDATA))
		app_error(app, _("Only an administrator makes a new version of the survey."));
	else
		reint_survey_form_open(app, s->id);
	return UI_HANDLED;
}

static void version_resume(struct app *app, void *state)
{
	(void)app;
	struct version_screen *s = state;
	s->cols = 0;   /* read again: visits may have used it since */
}

static const struct screen screen_version = {
	.name = "reint_survey_version",
	.title = N_("Survey version"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REFDATA) | PERM_BIT(PERM_REINTEGRATION_READ),
	.state_size = sizeof(struct version_screen),
	.bindings = bindings,
	.enter = version_enter,
	.draw = version_draw,
	.input = version_input,
	.action = version_action,
	.resume = version_resume,
};

enum status reint_survey_version_open(struct app *app, long long id)
{
	return app_push(app, &screen_version, &id);
}
