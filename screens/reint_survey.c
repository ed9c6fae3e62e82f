/* The sustainability survey of one visit. Not answered yet: the questions
 * of the version in force on the visit's day, each a choice among its
 * answers (Up and Down go through the questions, the answer's number or
 * Left and Right choose), saved with F2. Answered: the economic, social,
 * psychosocial and composite scores under the version it was answered
 * with, and under the newest version when that is another; e explains
 * them question by question, a answers again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "core/vocab.h"
#include "db/reint_survey.h"
#include "screens/reint_survey.h"
#include "screens/reint_survey_text.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/textpage.h"

enum { ACT_SAVE = 1, ACT_CHOOSE, ACT_EXPLAIN, ACT_ANSWER };

static const struct binding bindings[] = {
	{ ACT_SAVE, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the answers: every question needs one; then the scores show") },
	{ ACT_CHOOSE, { '1', '2', '3', '4' }, NULL,
	  N_("Choose the answer by its number (Left and Right go through them, Up and Down through the questions)") },
	{ ACT_EXPLAIN, { 'e', 0, 0, 0 }, N_("Explain"),
	  N_("Show or hide why: each question's answer, its score and its weight") },
	{ ACT_ANSWER, { 'a', 0, 0, 0 }, N_("Answer"), N_("Change the answers of this visit") },
	{ 0, { 0 }, NULL, NULL },
};

struct survey_screen {
	struct app *app;
	long long visit_id;
	char lang[8];                    /* of the texts read */
	struct reint_visit_survey visit;
	struct reint_survey survey;      /* the version it is answered with */
	int choice[REINT_SURVEY_QUESTIONS_MAX];   /* answer index, -1 none */
	int cur, top;
	bool answering, changed, explain;
	bool text_ready;                 /* text holds the scores */
	struct textpage text;
	struct reint_scores scores;      /* scratch for the text */
};

/* Reads the visit, its version and its answers. */
static enum status load(struct survey_screen *s)
{
	struct db *db = app_db(s->app);
	enum status st = reint_visit_survey_get(db, s->visit_id, &s->visit);
	if (st == ST_OK)
		st = reint_survey_get(db, s->visit.answer_with, lang_get(), &s->survey);
	if (st != ST_OK)
		return st;
	snprintf(s->lang, sizeof s->lang, "%s", lang_get());
	for (int i = 0; i < s->survey.n; i++) {
		s->choice[i] = -1;
		for (int a = 0; a < s->visit.n; a++)
			if (strcmp(s->visit.answer[a].question, s->survey.q[i].code) == 0)
				for (int k = 0; k < s->survey.q[i].n_options; k++)
					if (strcmp(s->survey.q[i].option[k].code, s->visit.answer[a].option) == 0)
						s->choice[i] = k;
	}
	s->text_ready = false;
	return ST_OK;
}

static bool may_answer(struct app *app)
{
	return perm_allows((int)app_user(app)->role, PERM_REINTEGRATION_WRITE);
}

static enum status survey_enter(struct app *app, void *state, const void *arg)
{
	struct survey_screen *s = state;
	s->app = app;
	s->visit_id = *(const long long *)arg;
	enum status st = load(s);
	if (st != ST_OK)
		return st;
	s->answering = !s->visit.survey_id && may_answer(app) && strcmp(s->visit.status, "done") == 0;
	return ST_OK;
}

static void day_text(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

/* "Monitoring visit of 15/04/2026". */
static void visit_heading(struct survey_screen *s, char *out, size_t size)
{
	char day[16];
	day_text(s->visit.day, day, sizeof day);
	const char *kind = vocab_label(VOCAB_REINT_VISIT_KIND, s->visit.kind);
	snprintf(out, size, _("%s of %s"), kind ? _(kind) : "", day);
}

/* The scores under the version answered with, and the newest one. */
static void build_scores(struct survey_screen *s, int cols)
{
	struct db *db = app_db(s->app);
	char heading[TEXTPAGE_BYTES];
	textpage_clear(&s->text);
	s->text_ready = true;
	if (!s->visit.survey_id) {
		textpage_add(&s->text, 0, strcmp(s->visit.status, "done") == 0
		                            ? _("The survey of this visit is not answered yet.")
		                            : _("Record the visit as done before its survey."));
		return;
	}
	long long latest = 0;
	if (reint_visit_scores(db, s->visit_id, 0, lang_get(), &s->scores) != ST_OK) {
		textpage_add(&s->text, 0, _(status_msgid(ST_INTERNAL)));
		return;
	}
	snprintf(heading, sizeof heading, _("Scores under version %d, the one it was answered with"), s->scores.version);
	reint_scores_text(&s->text, heading, &s->scores, s->explain, cols);
	if (reint_survey_latest(db, &latest) == ST_OK && latest != s->visit.survey_id
	    && reint_visit_scores(db, s->visit_id, latest, lang_get(), &s->scores) == ST_OK) {
		textpage_add(&s->text, 0, "");
		snprintf(heading, sizeof heading, _("Scores under the newest version, %d"), s->scores.version);
		reint_scores_text(&s->text, heading, &s->scores, s->explain, cols);
	}
}

/* Question i as shown: its number and text, then its answer. */
static void item_text(struct survey_screen *s, int i, char *question, char *answer, size_t size)
{
	const struct reint_survey_question *q = &s->survey.q[i];
	snprintf(question, size, "%2d. %s", i + 1, q->text);
	if (s->choice[i] >= 0)
		snprintf(answer, size, "→ %s", q->option[s->choice[i]].text);
	else
		snprintf(answer, size, "%s", _("(not answered)"));
}

/* Rows question i takes at cols columns (nothing drawn). */
static int item_rows(struct survey_screen *s, WINDOW *win, int i, int cols)
{
	char question[900], answer[900];
	item_text(s, i, question, answer, sizeof question);
	return ui_put_wrapped(win, 0, 2, cols, 0, 0, question) + ui_put_wrapped(win, 0, 6, cols - 4, 0, 0, answer);
}

static void draw_questions(struct survey_screen *s, WINDOW *win, int y, int rows, int cols)
{
	if (s->cur < s->top)
		s->top = s->cur;
	for (;;) {
		int need = 0;
		for (int i = s->top; i <= s->cur; i++)
			need += item_rows(s, win, i, cols);
		if (need <= rows || s->top == s->cur)
			break;
		s->top++;
	}
	int row = y;
	for (int i = s->top; i < s->survey.n && row < y + rows; i++) {
		char question[900], answer[900];
		item_text(s, i, question, answer, sizeof question);
		row += ui_put_wrapped(win, row, 2, cols, y + rows - row, i == s->cur ? A_REVERSE : 0, question);
		if (row < y + rows)
			row += ui_put_wrapped(win, row, 6, cols - 4, y + rows - row, i == s->cur ? A_BOLD : 0, answer);
	}
}

static void draw_answering(struct survey_screen *s, WINDOW *win)
{
	int rows = getmaxy(win), cols = getmaxx(win);
	char line[1200], head[200];
	visit_heading(s, head, sizeof head);
	int answered = 0;
	for (int i = 0; i < s->survey.n; i++)
		answered += s->choice[i] >= 0;
	snprintf(line, sizeof line, _("%s · survey version %d · answered %d of %d"), head, s->survey.v.version,
	         answered, s->survey.n);
	ui_put_wrapped(win, 0, 2, cols - 4, 2, A_BOLD, line);
	if (s->survey.n == 0)
		return;
	draw_questions(s, win, 2, rows - 7, cols - 4);
	/* The answers of the current question, numbered, whole. */
	const struct reint_survey_question *q = &s->survey.q[s->cur];
	const char *dim = vocab_label(VOCAB_REINT_DIMENSION, reint_dim_code(q->dim));
	snprintf(line, sizeof line, _("Answers to question %d (%s):"), s->cur + 1, dim ? _(dim) : "");
	ui_put(win, rows - 5, 2, cols - 4, A_UNDERLINE, line);
	line[0] = '\0';
	for (int k = 0; k < q->n_options; k++) {
		size_t len = strlen(line);
		bool chosen = s->choice[s->cur] == k;   /* the chosen one in brackets */
		snprintf(line + len, sizeof line - len, "%s%d %s%s%s", k ? "   " : "", k + 1, chosen ? "[" : "",
		         q->option[k].text, chosen ? "]" : "");
	}
	ui_put_wrapped(win, rows - 4, 4, cols - 6, 4, 0, line);
}

static void survey_draw(struct app *app, void *state, WINDOW *win)
{
	struct survey_screen *s = state;
	if (strcmp(s->lang, lang_get()) != 0) {
		int keep[REINT_SURVEY_QUESTIONS_MAX];
		memcpy(keep, s->choice, sizeof keep);
		if (load(s) == ST_OK && s->changed)
			memcpy(s->choice, keep, sizeof keep);
	}
	if (s->answering) {
		draw_answering(s, win);
		return;
	}
	if (!s->text_ready)
		build_scores(s, getmaxx(win) - 4);
	char head[200], line[300];
	visit_heading(s, head, sizeof head);
	snprintf(line, sizeof line, _("Sustainability: %s"), head);
	ui_put_wrapped(win, 0, 2, getmaxx(win) - 4, 2, A_BOLD, line);
	(void)app;
	textpage_draw(&s->text, win, 2);
}

/* Chooses answer k of the current question, then goes to the next one. */
static void choose(struct survey_screen *s, int k)
{
	if (s->cur >= s->survey.n || k < 0 || k >= s->survey.q[s->cur].n_options)
		return;
	s->choice[s->cur] = k;
	s->changed = true;
	if (s->cur + 1 < s->survey.n)
		s->cur++;
}

static enum ui_result survey_input(struct app *app, void *state, int key)
{
	(void)app;
	struct survey_screen *s = state;
	if (!s->answering)
		return textpage_key(&s->text, key) ? UI_HANDLED : UI_IGNORED;
	int n = s->survey.n;
	if (n == 0)
		return UI_IGNORED;
	const struct reint_survey_question *q = &s->survey.q[s->cur];
	if (key == UI_KEYCODE(KEY_UP) && s->cur > 0)
		s->cur--;
	else if ((key == UI_KEYCODE(KEY_DOWN) || key == '\t') && s->cur + 1 < n)
		s->cur++;
	else if (key == UI_KEYCODE(KEY_HOME))
		s->cur = 0;
	else if (key == UI_KEYCODE(KEY_END))
		s->cur = n - 1;
	else if (key >= '1' && key <= '0' + q->n_options)
		choose(s, key - '1');
	else if (key == UI_KEYCODE(KEY_RIGHT) || key == UI_KEYCODE(KEY_LEFT)) {
		int k = s->choice[s->cur] + (key == UI_KEYCODE(KEY_RIGHT) ? 1 : -1);
		if (s->choice[s->cur] < 0)
			k = key == UI_KEYCODE(KEY_RIGHT) ? 0 : q->n_options - 1;
		if (k >= 0 && k < q->n_options) {
			s->choice[s->cur] = k;
			s->changed = true;
		}
	} else
		return UI_IGNORED;
	return UI_HANDLED;
}

static enum ui_result save(struct app *app, struct survey_screen *s)
{
	struct reint_answer answer[REINT_SURVEY_QUESTIONS_MAX];
	int n = 0;
	memset(answer, 0, sizeof answer);
	for (int i = 0; i < s->survey.n; i++) {
		if (s->choice[i] < 0)
			continue;
		snprintf(answer[n].question, sizeof answer[n].question, "%s", s->survey.q[i].code);
		snprintf(answer[n].option, sizeof answer[n].option, "%s", s->survey.q[i].option[s->choice[i]].code);
		n++;
	}
	const char *m = NULL;
	int missing = -1;
	enum status st = reint_visit_answers_save(app_db(app), s->visit_id, &s->visit.version, s->visit.answer_with,
	                                          answer, n, &m, &missing);
	if (st == ST_INVALID && missing >= 0 && missing < s->survey.n) {
		char text[400];
		s->cur = missing;
		if (s->choice[missing] < 0)
			snprintf(text, sizeof text, _("Question %d is not answered."), missing + 1);
		else
			snprintf(text, sizeof text, _("Question %d: %s"), missing + 1, m ? _(m) : "");
		app_error(app, text);
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		app_error(app, m ? _(m) : _(status_msgid(st)));
		return UI_HANDLED;
	}
	s->changed = false;
	s->answering = false;
	if (load(s) == ST_OK)
		app_message(app, _("Survey saved."));
	return UI_HANDLED;
}

static enum ui_result survey_action(struct app *app, void *state, int action)
{
	struct survey_screen *s = state;
	switch (action) {
	case ACT_SAVE:
		if (s->answering)
			return save(app, s);
		return UI_HANDLED;
	case ACT_CHOOSE: return UI_HANDLED;
	case ACT_EXPLAIN:
		if (!s->answering) {
			s->explain = !s->explain;
			s->text_ready = false;
		}
		return UI_HANDLED;
	case ACT_ANSWER:
		if (s->answering)
			return UI_HANDLED;
		if (!may_answer(app)) {
			app_error(app, _(status_msgid(ST_DENIED)));
		} else if (strcmp(s->visit.status, "done") != 0) {
			app_error(app, _("Record the visit as done before its survey."));
		} else {
			s->answering = true;
			s->cur = s->top = 0;
		}
		return UI_HANDLED;
	default: return UI_IGNORED;
	}
}

static bool survey_unsaved(struct app *app, void *state)
{
	(void)app;
	const struct survey_screen *s = state;
	return s->answering && s->changed;
}

static const struct screen screen_survey = {
	.name = "reint_survey",
	.title = N_("Sustainability survey"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_READ),
	.state_size = sizeof(struct survey_screen),
	.bindings = bindings,
	.enter = survey_enter,
	.draw = survey_draw,
	.input = survey_input,
	.action = survey_action,
	.unsaved = survey_unsaved,
};

enum status reint_survey_open(struct app *app, long long visit_id)
{
	return app_push(app, &screen_survey, &visit_id);
}
