/* The outcome of a counselling or monitoring visit: done (the day, in
 * person, by phone or by a partner, whether the business runs, the monthly
 * income, satisfaction, the intention to migrate again, notes), missed,
 * unreachable or cancelled. The data layer's rules decide; their message
 * shows beside the field. Kept as a draft (kind "reint_visit") when the
 * line drops. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "db/reint_visit.h"
#include "screens/reint_money.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

enum { F_STATUS, F_DAY, F_MODE, F_RUNNING, F_INCOME, F_SATISFACTION, F_REMIGRATION, F_NOTES, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the outcome of the visit (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_STATUS] = { .label = N_("Outcome"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	               .name = "status" },
	[F_DAY] = { .label = N_("Day of the visit"), .type = FIELD_DATE, .full_date = true, .past_only = true,
	            .name = "done_date" },
	[F_MODE] = { .label = N_("How"), .type = FIELD_CHOICE, .labels_are_msgids = true, .name = "mode" },
	[F_RUNNING] = { .label = N_("Business running"), .type = FIELD_YESNO, .name = "business_running" },
	[F_INCOME] = { .label = N_("Monthly income"), .type = FIELD_NUMBER, .min = 0, .max = REINT_INCOME_MAX,
	               .name = "monthly_income" },
	[F_SATISFACTION] = { .label = N_("Satisfaction"), .type = FIELD_CHOICE, .labels_are_msgids = true,
	                     .name = "satisfaction" },
	[F_REMIGRATION] = { .label = N_("Intends to migrate again"), .type = FIELD_CHOICE, .labels_are_msgids = true,
	                    .name = "remigration" },
	[F_NOTES] = { .label = N_("Notes"), .type = FIELD_TEXT, .maxlen = 256, .name = "notes" },
};

struct visit_form {
	struct reint_visit v;
	struct field_def defs[F_COUNT];
	struct form form;
};

static void day_text(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct visit_form *f = state;
	long long id = arg ? *(const long long *)arg : 0;
	enum status st = reint_visit_get(app_db(app), id, &f->v);
	if (st != ST_OK)
		return st;
	memcpy(f->defs, templates, sizeof f->defs);
	/* The outcomes: every status but "scheduled", the first of the list. */
	int n;
	const struct choice *c = vocab_choices(VOCAB_REINT_VISIT_STATUS, false, &n);
	f->defs[F_STATUS].choices = c + 1;
	f->defs[F_STATUS].nchoices = n - 1;
	f->defs[F_MODE].choices = vocab_choices(VOCAB_REINT_VISIT_MODE, true, &f->defs[F_MODE].nchoices);
	f->defs[F_SATISFACTION].choices =
		vocab_choices(VOCAB_REINT_SATISFACTION, true, &f->defs[F_SATISFACTION].nchoices);
	f->defs[F_REMIGRATION].choices =
		vocab_choices(VOCAB_REINT_REMIGRATION, true, &f->defs[F_REMIGRATION].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	const struct reint_visit *v = &f->v;
	char num[32] = "";
	if (strcmp(v->status, "scheduled") == 0) {
		char today[11];
		clock_today_iso(today, sizeof today);
		form_set(&f->form, F_STATUS, "done");
		form_set(&f->form, F_DAY, today);
	} else {
		form_set(&f->form, F_STATUS, v->status);
		form_set(&f->form, F_DAY, v->done_date);
	}
	form_set(&f->form, F_MODE, v->mode);
	form_set(&f->form, F_RUNNING, v->business_running < 0 ? "" : v->business_running ? "1" : "0");
	if (v->monthly_income >= 0)
		snprintf(num, sizeof num, "%lld", v->monthly_income);
	form_set(&f->form, F_INCOME, num);
	form_set(&f->form, F_SATISFACTION, v->satisfaction);
	form_set(&f->form, F_REMIGRATION, v->remigration);
	form_set(&f->form, F_NOTES, v->notes);
	f->form.changed = false;
	return ST_OK;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct visit_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct reint_visit v = f->v;
	char num[32];
	form_get(&f->form, F_STATUS, v.status, sizeof v.status);
	form_get(&f->form, F_DAY, v.done_date, sizeof v.done_date);
	form_get(&f->form, F_MODE, v.mode, sizeof v.mode);
	form_get(&f->form, F_RUNNING, num, sizeof num);
	v.business_running = num[0] ? atoi(num) : -1;
	form_get(&f->form, F_INCOME, num, sizeof num);
	v.monthly_income = num[0] ? strtoll(num, NULL, 10) : -1;
	form_get(&f->form, F_SATISFACTION, v.satisfaction, sizeof v.satisfaction);
	form_get(&f->form, F_REMIGRATION, v.remigration, sizeof v.remigration);
	form_get(&f->form, F_NOTES, v.notes, sizeof v.notes);
	if (strcmp(v.status, "done") != 0) {
		/* Not done: the answers of a visit done do not apply. */
		v.done_date[0] = v.mode[0] = v.satisfaction[0] = v.remigration[0] = '\0';
		v.business_running = -1;
		v.monthly_income = -1;
	}
	const char *why = NULL, *field = NULL;
	enum status st = reint_visit_record(app_db(app), &v, &why, &field);
	if (st != ST_OK) {
		for (int i = 0; field && i < F_COUNT; i++)
			if (strcmp(templates[i].name, field) == 0) {
				f->form.fields[i].error = why;
				f->form.cur = i;
			}
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this visit meanwhile: open it again.")
		                                 : _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, _("Visit saved."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct visit_form *f = state;
	char line[200], due[16];
	day_text(f->v.due_date, due, sizeof due);
	const char *kind = vocab_label(VOCAB_REINT_VISIT_KIND, f->v.kind);
	snprintf(line, sizeof line, _("%s due on %s (missed, unreachable, cancelled: no answers)"), kind ? _(kind) : "",
	         due);
	ui_put_wrapped(win, 1, 2, getmaxx(win) - 4, 2, A_BOLD, line);
	form_draw(&f->form, win, 4, getmaxy(win) - 4);
}

static struct form *form_of(void *state)
{
	return &((struct visit_form *)state)->form;
}

static long long draft_ref(void *state)
{
	return ((struct visit_form *)state)->v.id;
}

static const struct screen screen_visit_form = {
	.name = "reint_visit_form",
	.title = N_("Visit outcome"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_WRITE),
	.state_size = sizeof(struct visit_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "reint_visit",
	.draft_ref = draft_ref,
};

enum status reint_visit_form_open(struct app *app, long long visit_id)
{
	return app_push(app, &screen_visit_form, &visit_id);
}

enum status reint_visit_form_open_draft(struct app *app, long long ref, const char *json)
{
	return app_push_draft(app, &screen_visit_form, &ref, json);
}
