/* The business plan of a small business item: activity and sector, place,
 * starting capital, expected monthly income (in the plan's currency) and
 * partners. Needed before the plan is submitted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "db/reint_plan.h"
#include "screens/reint_cases.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

enum { F_ACTIVITY, F_SECTOR, F_PLACE, F_CAPITAL, F_INCOME, F_PARTNERS, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the business plan (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_ACTIVITY] = { .label = N_("Activity"), .type = FIELD_TEXT, .required = true, .maxlen = REINT_ACTIVITY_MAX,
	                 .name = "activity" },
	[F_SECTOR] = { .label = N_("Sector"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	               .name = "sector" },
	[F_PLACE] = { .label = N_("Place"), .type = FIELD_TEXT, .maxlen = REINT_PLACE_MAX, .name = "place" },
	[F_CAPITAL] = { .label = N_("Starting capital"), .type = FIELD_NUMBER, .required = true, .min = 0,
	                .max = REINT_AMOUNT_MAX, .name = "starting_capital" },
	[F_INCOME] = { .label = N_("Expected monthly income"), .type = FIELD_NUMBER, .min = 0, .max = REINT_AMOUNT_MAX,
	               .name = "expected_income" },
	[F_PARTNERS] = { .label = N_("Partners"), .type = FIELD_TEXT, .maxlen = REINT_PARTNERS_MAX, .name = "partners" },
};

static const char *const names[F_COUNT] = {
	"activity", "sector", "place", "starting_capital", "expected_income", "partners",
};

struct business_form {
	struct reint_business b;
	struct reint_plan plan;
	struct field_def defs[F_COUNT];
	struct form form;
};

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct business_form *f = state;
	long long item = *(const long long *)arg;
	struct reint_item it;
	enum status st = reint_item_get(app_db(app), item, &it);
	if (st == ST_OK)
		st = reint_plan_get(app_db(app), it.plan_id, &f->plan);
	if (st != ST_OK)
		return st;
	st = reint_business_get(app_db(app), item, &f->b);
	if (st == ST_NOT_FOUND) {
		memset(&f->b, 0, sizeof f->b);
		f->b.item_id = item;
		f->b.expected_income = -1;
	} else if (st != ST_OK) {
		return st;
	}
	memcpy(f->defs, templates, sizeof f->defs);
	f->defs[F_SECTOR].choices = vocab_choices(VOCAB_REINT_SECTOR, false, &f->defs[F_SECTOR].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	char v[24] = "";
	form_set(&f->form, F_ACTIVITY, f->b.activity);
	form_set(&f->form, F_SECTOR, f->b.sector);
	form_set(&f->form, F_PLACE, f->b.place);
	if (f->b.id)
		snprintf(v, sizeof v, "%lld", f->b.starting_capital);
	form_set(&f->form, F_CAPITAL, v);
	v[0] = '\0';
	if (f->b.expected_income >= 0)
		snprintf(v, sizeof v, "%lld", f->b.expected_income);
	form_set(&f->form, F_INCOME, v);
	form_set(&f->form, F_PARTNERS, f->b.partners);
	f->form.changed = false;
	return ST_OK;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct business_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct reint_business b = f->b;
	char v[24];
	form_get(&f->form, F_ACTIVITY, b.activity, sizeof b.activity);
	form_get(&f->form, F_SECTOR, b.sector, sizeof b.sector);
	form_get(&f->form, F_PLACE, b.place, sizeof b.place);
	form_get(&f->form, F_CAPITAL, v, sizeof v);
	b.starting_capital = strtoll(v, NULL, 10);
	form_get(&f->form, F_INCOME, v, sizeof v);
	b.expected_income = v[0] ? strtoll(v, NULL, 10) : -1;
	form_get(&f->form, F_PARTNERS, b.partners, sizeof b.partners);
	const char *why = NULL, *field = NULL;
	enum status st = reint_business_check(app_db(app), &b, &why, &field);
	if (st == ST_OK)
		st = reint_business_save(app_db(app), &b, &why, &field);
	if (st == ST_INVALID) {
		for (int i = 0; field && i < F_COUNT; i++)
			if (strcmp(names[i], field) == 0) {
				f->form.fields[i].error = why;
				f->form.cur = i;
			}
		app_error(app, _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this business plan meanwhile: open it again.")
		                                 : _(status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, _("Business plan saved."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct business_form *f = state;
	char line[200];
	snprintf(line, sizeof line, _("Business plan of the small business (amounts in %s)"), f->plan.currency);
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, line);
	form_draw(&f->form, win, 3, getmaxy(win) - 3);
}

static struct form *form_of(void *state)
{
	return &((struct business_form *)state)->form;
}

static const struct screen screen_business = {
	.name = "reint_business_form",
	.title = N_("Business plan"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_WRITE),
	.state_size = sizeof(struct business_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
};

enum status reint_business_form_open(struct app *app, long long item)
{
	return app_push(app, &screen_business, &item);
}
