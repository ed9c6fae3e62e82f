/* An item of a draft reintegration plan: its category, provided directly
 * or by referral (and to whom), what it is, and its planned value in the
 * plan's currency. The data layer's check decides; its message shows
 * beside the field it is about. */
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

enum { F_CATEGORY, F_PROVISION, F_REFERRED, F_DESCRIPTION, F_VALUE, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the item (Enter on the last field too). A small business item then needs its business plan (b)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_CATEGORY] = { .label = N_("Category"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	                 .name = "category" },
	[F_PROVISION] = { .label = N_("Provided"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	                  .name = "provision" },
	[F_REFERRED] = { .label = N_("Referred to"), .type = FIELD_TEXT, .maxlen = REINT_REFERRED_MAX,
	                 .name = "referred_to" },
	[F_DESCRIPTION] = { .label = N_("Description"), .type = FIELD_TEXT, .maxlen = REINT_DESCRIPTION_MAX,
	                    .name = "description" },
	[F_VALUE] = { .label = N_("Planned value"), .type = FIELD_NUMBER, .required = true, .min = 0,
	              .max = REINT_AMOUNT_MAX, .name = "planned_value" },
};

static const char *const names[F_COUNT] = { "category", "provision", "referred_to", "description", "planned_value" };

struct item_form {
	struct reint_item it;
	struct reint_plan plan;
	struct field_def defs[F_COUNT];
	struct form form;
};

/* arg: the item's id, or minus the plan for a new item. */
static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct item_form *f = state;
	long long ref = *(const long long *)arg;
	enum status st;
	if (ref > 0) {
		st = reint_item_get(app_db(app), ref, &f->it);
	} else {
		memset(&f->it, 0, sizeof f->it);
		f->it.plan_id = -ref;
		snprintf(f->it.provision, sizeof f->it.provision, "direct");
		st = ST_OK;
	}
	if (st == ST_OK)
		st = reint_plan_get(app_db(app), f->it.plan_id, &f->plan);
	if (st != ST_OK)
		return st;
	memcpy(f->defs, templates, sizeof f->defs);
	f->defs[F_CATEGORY].choices = vocab_choices(VOCAB_REINT_ITEM_CATEGORY, false, &f->defs[F_CATEGORY].nchoices);
	f->defs[F_PROVISION].choices = vocab_choices(VOCAB_REINT_PROVISION, false, &f->defs[F_PROVISION].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	form_set(&f->form, F_CATEGORY, f->it.category);
	form_set(&f->form, F_PROVISION, f->it.provision);
	form_set(&f->form, F_REFERRED, f->it.referred_to);
	form_set(&f->form, F_DESCRIPTION, f->it.description);
	char v[24] = "";
	if (f->it.id)
		snprintf(v, sizeof v, "%lld", f->it.planned_value);
	form_set(&f->form, F_VALUE, v);
	f->form.changed = false;
	return ST_OK;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct item_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct reint_item it = f->it;
	char v[24];
	form_get(&f->form, F_CATEGORY, it.category, sizeof it.category);
	form_get(&f->form, F_PROVISION, it.provision, sizeof it.provision);
	form_get(&f->form, F_REFERRED, it.referred_to, sizeof it.referred_to);
	form_get(&f->form, F_DESCRIPTION, it.description, sizeof it.description);
	form_get(&f->form, F_VALUE, v, sizeof v);
	it.planned_value = strtoll(v, NULL, 10);
	const char *why = NULL, *field = NULL;
	bool is_new = it.id == 0;
	enum status st = reint_item_check(app_db(app), &it, &why, &field);
	if (st == ST_OK)
		st = reint_item_save(app_db(app), &it, &why, &field);
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
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this item meanwhile: open it again.")
		                                 : _(status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	if (is_new && strcmp(it.category, "small_business") == 0)
		app_message(app, _("Item added: b gives its business plan."));
	else
		app_message(app, is_new ? _("Item added.") : _("Changes saved."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct item_form *f = state;
	char line[200];
	snprintf(line, sizeof line, f->it.id ? _("Item of the plan (amounts in %s)") : _("New item of the plan (amounts in %s)"),
	         f->plan.currency);
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, line);
	form_draw(&f->form, win, 3, getmaxy(win) - 3);
}

static struct form *form_of(void *state)
{
	return &((struct item_form *)state)->form;
}

static long long draft_ref(void *state)
{
	struct item_form *f = state;
	return f->it.id ? f->it.id : -f->it.plan_id;
}

static const struct screen screen_item_form = {
	.name = "reint_item_form",
	.title = N_("Item of a reintegration plan"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_WRITE),
	.state_size = sizeof(struct item_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "reint_plan_item",
	.draft_ref = draft_ref,
};

enum status reint_item_form_open(struct app *app, long long plan, long long id)
{
	long long ref = id ? id : -plan;
	return app_push(app, &screen_item_form, &ref);
}

enum status reint_item_open_draft(struct app *app, long long ref, const char *json)
{
	return app_push_draft(app, &screen_item_form, &ref, json);
}
