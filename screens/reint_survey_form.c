/* A new version of the sustainability survey, made from another: the day
 * from which it is in force, a description and the weights of the three
 * dimensions on the first page, then a page per dimension with the weight
 * of each question and the score of each answer. Page Down and Page Up go
 * from page to page (Enter on a page's last field too); F2 saves. The
 * questions and answers stay those of the version it comes from. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/reint_survey.h"
#include "screens/reint_survey_text.h"
#include "screens/reint_survey_versions.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"

enum { ACT_NEXT = 1, ACT_PREV };
enum { F_FROM, F_DESC, F_WEIGHT };   /* page 0; F_WEIGHT + d the dimensions */
#define PAGES 4
#define LABEL_MAX 44

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the new version (every page: the weights and scores not changed are copied)") },
	{ ACT_NEXT, { UI_KEYCODE(KEY_NPAGE), 0, 0, 0 }, N_("Next page"),
	  N_("The next page: the questions of the next dimension (Enter on a page's last field too)") },
	{ ACT_PREV, { UI_KEYCODE(KEY_PPAGE), 0, 0, 0 }, N_("Previous page"), N_("The previous page") },
	{ 0, { 0 }, NULL, NULL },
};

static long long last_saved;

long long reint_survey_form_take_saved(void)
{
	long long id = last_saved;
	last_saved = 0;
	return id;
}

/* A decimal number with a point or a comma ("0.5", "0,5", "2"); false
 * when value is not one. */
static bool parse_number(const char *value, double *out)
{
	double v = 0, scale = 0;
	bool digits = false;
	for (const char *c = value; *c; c++) {
		if (*c >= '0' && *c <= '9') {
			digits = true;
			if (scale > 0) {
				v += (*c - '0') * scale;
				scale /= 10;
			} else {
				v = v * 10 + (*c - '0');
			}
		} else if ((*c == '.' || *c == ',') && scale == 0) {
			scale = 0.1;
		} else {
			return false;
		}
		if (v > 1e6)
			return false;
	}
	*out = v;
	return digits;
}

static const char *check_dim_weight(const char *value)
{
	double v;
	return parse_number(value, &v) && v <= REINT_SURVEY_WEIGHT_MAX ? NULL
	                                                               : N_("A dimension's weight is a number from 0 to 100.");
}

static const char *check_weight(const char *value)
{
	double v;
	return parse_number(value, &v) && v > 0 && v <= REINT_SURVEY_WEIGHT_MAX
	           ? NULL
	           : N_("A question's weight is a number above 0, up to 100.");
}

static const char *check_score(const char *value)
{
	double v;
	return parse_number(value, &v) && v <= 1 ? NULL : N_("An answer's score is a number from 0 to 1.");
}

struct version_form {
	struct app *app;
	long long from_id;
	struct reint_survey sv;          /* the version it comes from, then the new one */
	int page;
	int n[PAGES];                    /* fields of each page */
	int q[PAGES][FORM_MAX_FIELDS];   /* the question of a field, -1 on page 0 */
	int o[PAGES][FORM_MAX_FIELDS];   /* its answer, -1 for the question's weight */
	char label[PAGES][FORM_MAX_FIELDS][LABEL_MAX * 4 + 8];
	struct field_def defs[PAGES][FORM_MAX_FIELDS];
	struct form form[PAGES];
};

static void number_field(struct version_form *f, int page, int i, const char *label,
                         const char *(*check)(const char *))
{
	struct field_def *d = &f->defs[page][i];
	/* A column of its own, cut with "…" when longer (the whole text shows
	 * under the form), so that the values line up. */
	ui_pad(label, LABEL_MAX, f->label[page][i], sizeof f->label[page][i]);
	d->label = f->label[page][i];
	d->type = FIELD_TEXT;
	d->required = true;
	d->maxlen = 8;
	d->check = check;
	f->q[page][i] = f->o[page][i] = -1;
}

/* Lays out the pages from f->sv. */
static void layout(struct version_form *f)
{
	static const struct field_def first[F_WEIGHT] = {
		[F_FROM] = { .label = N_("In force from"), .type = FIELD_DATE, .required = true, .full_date = true,
		             .name = "valid_from" },
		[F_DESC] = { .label = N_("Description"), .type = FIELD_TEXT, .maxlen = 200, .name = "description" },
	};
	static const char *const weight_names[3] = { "w_economic", "w_social", "w_psychosocial" };
	static const char *const weight_labels[3] = { N_("Weight of economic"), N_("Weight of social"),
		                                      N_("Weight of psychosocial") };
	memcpy(f->defs[0], first, sizeof first);
	for (int d = 0; d < 3; d++) {
		struct field_def *def = &f->defs[0][F_WEIGHT + d];
		*def = (struct field_def){ .label = weight_labels[d], .type = FIELD_TEXT, .required = true, .maxlen = 8,
			                   .check = check_dim_weight, .name = weight_names[d] };
	}
	f->n[0] = F_WEIGHT + 3;
	for (int i = 0; i < f->n[0]; i++)
		f->q[0][i] = f->o[0][i] = -1;
	for (int d = 0; d < 3; d++) {
		int page = d + 1, n = 0;
		for (int i = 0; i < f->sv.n && n < FORM_MAX_FIELDS; i++) {
			const struct reint_survey_question *q = &f->sv.q[i];
			if (q->dim != d)
				continue;
			char label[900];
			snprintf(label, sizeof label, _("Weight · %s"), q->text);
			number_field(f, page, n, label, check_weight);
			f->q[page][n++] = i;
			for (int k = 0; k < q->n_options && n < FORM_MAX_FIELDS; k++) {
				snprintf(label, sizeof label, _("  Score · %s"), q->option[k].text);
				number_field(f, page, n, label, check_score);
				f->q[page][n] = i;
				f->o[page][n++] = k;
			}
		}
		f->n[page] = n;
	}
}

/* Sets the fields from f->sv. */
static void fill(struct version_form *f)
{
	char v[32];
	for (int p = 0; p < PAGES; p++) {
		form_init(&f->form[p], f->defs[p], f->n[p]);
		for (int i = 0; i < f->n[p]; i++) {
			int q = f->q[p][i], o = f->o[p][i];
			if (q < 0)
				continue;
			reint_number_text(o < 0 ? f->sv.q[q].weight : f->sv.q[q].option[o].score, v, sizeof v);
			form_set(&f->form[p], i, v);
		}
	}
	form_set(&f->form[0], F_FROM, f->sv.v.valid_from);
	form_set(&f->form[0], F_DESC, f->sv.v.description);
	for (int d = 0; d < 3; d++) {
		reint_number_text(f->sv.v.weight[d], v, sizeof v);
		form_set(&f->form[0], F_WEIGHT + d, v);
	}
}

static void keep_version(const struct reint_survey_version *v, void *ctx)
{
	*(struct reint_survey_version *)ctx = *v;
}

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct version_form *f = state;
	f->app = app;
	f->from_id = *(const long long *)arg;
	enum status st = reint_survey_get(app_db(app), f->from_id, lang_get(), &f->sv);
	if (st != ST_OK)
		return st;
	/* A new version starts today, unless the newest starts later. */
	struct reint_survey_version newest;
	memset(&newest, 0, sizeof newest);
	reint_survey_list(app_db(app), PAGE_AFTER, 0, 1, keep_version, &newest, NULL);
	struct reint_survey_version *v = &f->sv.v;
	clock_today_iso(v->valid_from, sizeof v->valid_from);
	if (strcmp(newest.valid_from, v->valid_from) > 0)
		snprintf(v->valid_from, sizeof v->valid_from, "%s", newest.valid_from);
	v->description[0] = '\0';
	layout(f);
	fill(f);
	return ST_OK;
}

static struct form *form_of(void *state)
{
	struct version_form *f = state;
	return &f->form[f->page];
}

/* Reads every page into f->sv; false (the page and field shown) when a
 * field is wrong. */
static bool read_back(struct version_form *f)
{
	for (int p = 0; p < PAGES; p++)
		if (!form_validate(&f->form[p])) {
			f->page = p;
			return false;
		}
	char v[FORM_VALUE_MAX];
	form_get(&f->form[0], F_FROM, f->sv.v.valid_from, sizeof f->sv.v.valid_from);
	form_get(&f->form[0], F_DESC, f->sv.v.description, sizeof f->sv.v.description);
	for (int d = 0; d < 3; d++) {
		form_get(&f->form[0], F_WEIGHT + d, v, sizeof v);
		parse_number(v, &f->sv.v.weight[d]);
	}
	for (int p = 1; p < PAGES; p++)
		for (int i = 0; i < f->n[p]; i++) {
			int q = f->q[p][i], o = f->o[p][i];
			form_get(&f->form[p], i, v, sizeof v);
			parse_number(v, o < 0 ? &f->sv.q[q].weight : &f->sv.q[q].option[o].score);
		}
	return true;
}

/* Shows the data layer's complaint beside its field. */
static void show_problem(struct version_form *f, const char *why, const char *field)
{
	for (int p = 0; field && p < PAGES; p++)
		for (int i = 0; i < f->n[p]; i++) {
			const char *name = f->defs[p][i].name;
			int q = f->q[p][i];
			bool here = (name && strcmp(name, field) == 0) || (strcmp(field, "weight") == 0 && i == F_WEIGHT && p == 0)
			            || (q >= 0 && strcmp(f->sv.q[q].code, field) == 0);
			if (here) {
				f->form[p].fields[i].error = why;
				f->form[p].cur = i;
				f->page = p;
				return;
			}
		}
}

static enum ui_result save(struct app *app, struct version_form *f)
{
	if (!read_back(f)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	const char *why = reint_survey_problem(&f->sv, NULL), *field = NULL;
	struct reint_survey_version before = f->sv.v;
	enum status st = reint_survey_create(app_db(app), f->from_id, &f->sv, &why, &field);
	if (st == ST_INVALID) {
		show_problem(f, why, field);
		app_error(app, _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		f->sv.v = before;
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	for (int p = 0; p < PAGES; p++)
		f->form[p].changed = false;
	last_saved = f->sv.v.id;
	char text[200];
	snprintf(text, sizeof text, _("Version %d saved."), f->sv.v.version);
	app_message(app, text);
	return UI_LEAVE;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct version_form *f = state;
	if (f->page + 1 < PAGES) {
		f->page++;
		return UI_HANDLED;
	}
	return save(app, f);
}

static enum ui_result form_action(struct app *app, void *state, int action)
{
	struct version_form *f = state;
	switch (action) {
	case ACT_SUBMIT: return save(app, f);
	case ACT_NEXT:
		if (f->page + 1 < PAGES)
			f->page++;
		return UI_HANDLED;
	case ACT_PREV:
		if (f->page > 0)
			f->page--;
		return UI_HANDLED;
	default: return UI_IGNORED;
	}
}

static bool form_unsaved(struct app *app, void *state)
{
	(void)app;
	const struct version_form *f = state;
	for (int p = 0; p < PAGES; p++)
		if (f->form[p].changed)
			return true;
	return false;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct version_form *f = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	char line[300];
	if (f->page == 0) {
		snprintf(line, sizeof line, _("New version from version %d · page 1 of %d: in force from, weights"),
		         f->sv.v.version, PAGES);
	} else {
		const char *l = vocab_label(VOCAB_REINT_DIMENSION, reint_dim_code(f->page - 1));
		snprintf(line, sizeof line, _("New version from version %d · page %d of %d: %s questions"), f->sv.v.version,
		         f->page + 1, PAGES, l ? _(l) : "");
	}
	ui_put_wrapped(win, 0, 2, cols - 4, 2, A_BOLD, line);
	form_draw(&f->form[f->page], win, 2, rows - 5);
	/* The current question or answer whole, under the form. */
	struct form *form = &f->form[f->page];
	int q = form->cur < f->n[f->page] ? f->q[f->page][form->cur] : -1;
	if (q >= 0) {
		int o = f->o[f->page][form->cur];
		snprintf(line, sizeof line, "%s%s%s", f->sv.q[q].text, o >= 0 ? " → " : "",
		         o >= 0 ? f->sv.q[q].option[o].text : "");
		ui_put_wrapped(win, rows - 3, 2, cols - 4, 3, 0, line);
	} else if (f->page == 0) {
		ui_put_wrapped(win, rows - 3, 2, cols - 4, 3, 0,
		               _("Weights from 0 to 100 (0: the dimension does not count in the composite); scores from "
		                 "0 to 1. Page Down: the questions of each dimension."));
	}
}

static const struct screen screen_version_form = {
	.name = "reint_survey_form",
	.title = N_("New survey version"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REFDATA),
	.state_size = sizeof(struct version_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.action = form_action,
	.unsaved = form_unsaved,
	.form = form_of,
	.submit = form_submit,
};

enum status reint_survey_form_open(struct app *app, long long from_id)
{
	return app_push(app, &screen_version_form, &from_id);
}
