/* A best-interests assessment of a child: the day, the findings, the
 * child's views, the recommendation and its note. Changes the draft when
 * there is one, else writes a new draft (after a rejected one too). Kept as
 * a draft (kind "prot_bi", ref the case) when the line drops. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "db/prot_child.h"
#include "screens/prot_child_forms.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

enum { F_DAY, F_FINDINGS, F_VIEWS, F_RECOMMENDATION, F_NOTE, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the assessment as a draft (Enter on the last field too); s on the child's page submits it") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_DAY] = { .label = N_("Assessed on"), .type = FIELD_DATE, .required = true, .full_date = true,
	            .past_only = true, .name = "assessed_date" },
	[F_FINDINGS] = { .label = N_("Findings"), .type = FIELD_TEXT, .maxlen = LINEEDIT_MAX, .name = "findings" },
	[F_VIEWS] = { .label = N_("The child's views"), .type = FIELD_TEXT, .maxlen = LINEEDIT_MAX,
	              .name = "child_views" },
	[F_RECOMMENDATION] = { .label = N_("Recommendation"), .type = FIELD_CHOICE, .required = true,
	                       .labels_are_msgids = true, .name = "recommendation" },
	[F_NOTE] = { .label = N_("Note on the recommendation"), .type = FIELD_TEXT, .maxlen = LINEEDIT_MAX,
	             .name = "recommendation_note" },
};

struct bi_form {
	long long case_id;
	bool editing;
	struct prot_bi b;
	struct field_def defs[F_COUNT];
	struct form form;
};

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct bi_form *f = state;
	f->case_id = *(const long long *)arg;
	enum status st = prot_bi_latest(app_db(app), f->case_id, &f->b);
	if (st != ST_OK && st != ST_NOT_FOUND)
		return st;
	if (st == ST_OK && strcmp(f->b.status, "submitted") == 0) {
		app_error(app, _("The assessment waits for a manager's decision: it cannot be changed."));
		return ST_INVALID;
	}
	f->editing = st == ST_OK && strcmp(f->b.status, "draft") == 0;
	memcpy(f->defs, templates, sizeof f->defs);
	f->defs[F_RECOMMENDATION].choices =
		vocab_choices(VOCAB_PROT_RECOMMENDATION, false, &f->defs[F_RECOMMENDATION].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	if (f->editing) {
		form_set(&f->form, F_DAY, f->b.assessed_date);
		form_set(&f->form, F_FINDINGS, f->b.findings);
		form_set(&f->form, F_VIEWS, f->b.child_views);
		form_set(&f->form, F_RECOMMENDATION, f->b.recommendation);
		form_set(&f->form, F_NOTE, f->b.recommendation_note);
	} else {
		char today[11];
		clock_today_iso(today, sizeof today);
		form_set(&f->form, F_DAY, today);
	}
	f->form.changed = false;
	return ST_OK;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct bi_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct prot_bi b = f->b;
	if (!f->editing) {
		memset(&b, 0, sizeof b);
		b.case_id = f->case_id;
	}
	form_get(&f->form, F_DAY, b.assessed_date, sizeof b.assessed_date);
	form_get(&f->form, F_FINDINGS, b.findings, sizeof b.findings);
	form_get(&f->form, F_VIEWS, b.child_views, sizeof b.child_views);
	form_get(&f->form, F_RECOMMENDATION, b.recommendation, sizeof b.recommendation);
	form_get(&f->form, F_NOTE, b.recommendation_note, sizeof b.recommendation_note);
	const char *why = NULL, *field = NULL;
	enum status st = f->editing ? prot_bi_edit(app_db(app), &b, &why, &field)
	                            : prot_bi_add(app_db(app), &b, &why, &field);
	if (st != ST_OK) {
		prot_form_refused(app, &f->form, templates, F_COUNT, st, why, field);
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, _("Assessment saved as a draft: s submits it to a manager."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct bi_form *f = state;
	ui_put_wrapped(win, 1, 2, getmaxx(win) - 4, 2, A_BOLD,
	               f->editing ? _("Change the draft assessment") : _("A new best-interests assessment"));
	form_draw(&f->form, win, 4, getmaxy(win) - 4);
}

static struct form *form_of(void *state)
{
	return &((struct bi_form *)state)->form;
}

static long long draft_ref(void *state)
{
	return ((struct bi_form *)state)->case_id;
}

static const struct screen screen_bi_form = {
	.name = "prot_bi_form",
	.title = N_("Best-interests assessment"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct bi_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "prot_bi",
	.draft_ref = draft_ref,
};

enum status prot_bi_form_open(struct app *app, long long case_id)
{
	return app_push(app, &screen_bi_form, &case_id);
}

enum status prot_bi_form_open_draft(struct app *app, long long ref, const char *json)
{
	return app_push_draft(app, &screen_bi_form, &ref, json);
}
