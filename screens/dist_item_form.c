/* The form of a distribution item: its names, kind and rule (per person or
 * household, how often, who may receive it), the quantity per serving and
 * the stock warning level (administrators). The rules are the data
 * layer's (db/dist_item_edit.h); a broken one is shown beside its field;
 * the rule in words under the form follows what is typed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dist_vocab.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/dist_item_edit.h"
#include "screens/conflict.h"
#include "screens/dist_item_form.h"
#include "screens/dist_item_text.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

enum {
	F_NAME_EN, F_NAME_FR, F_KIND, F_UNIT, F_FREQ, F_EVERY, F_QTY, F_SEX, F_AGE_MIN, F_AGE_MAX, F_REQUIRES,
	F_STAYING, F_LOW, F_COUNT
};

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the item (Enter on the last field too). Both names are needed; every N days needs N from 2 to "
	     "366; an age group from 0 to 120, the lowest not above the highest; a household item has no sex or "
	     "age condition; a meal is served per person. The rule in words under the form shows what the "
	     "counter will apply") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_NAME_EN] = { .label = N_("English name"), .type = FIELD_TEXT, .required = true, .maxlen = 80,
	                .name = "name_en" },
	[F_NAME_FR] = { .label = N_("French name"), .type = FIELD_TEXT, .required = true, .maxlen = 80,
	                .name = "name_fr" },
	[F_KIND] = { .label = N_("Kind"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	             .name = "kind" },
	[F_UNIT] = { .label = N_("Given"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	             .name = "unit" },
	[F_FREQ] = { .label = N_("How often"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	             .name = "frequency" },
	[F_EVERY] = { .label = N_("Every how many days"), .type = FIELD_NUMBER, .min = 2, .max = 366, .maxlen = 3,
	              .name = "every_days" },
	[F_QTY] = { .label = N_("Quantity each time"), .type = FIELD_NUMBER, .required = true, .min = 1, .max = 100,
	            .maxlen = 3, .name = "quantity" },
	[F_SEX] = { .label = N_("For"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	            .name = "sex" },
	[F_AGE_MIN] = { .label = N_("From age"), .type = FIELD_NUMBER, .min = 0, .max = 120, .maxlen = 3,
	                .name = "age_min" },
	[F_AGE_MAX] = { .label = N_("Up to age"), .type = FIELD_NUMBER, .min = 0, .max = 120, .maxlen = 3,
	                .name = "age_max" },
	[F_REQUIRES] = { .label = N_("Only for"), .type = FIELD_CHOICE, .labels_are_msgids = true,
	                 .name = "requires" },
	[F_STAYING] = { .label = N_("Staying here only"), .type = FIELD_YESNO, .required = true,
	                .name = "staying_only" },
	[F_LOW] = { .label = N_("Warn at or below"), .type = FIELD_NUMBER, .min = 0, .max = 1000000,
	            .maxlen = 7, .name = "low_stock" },
};

struct item_form {
	struct dist_item item;   /* as read (or new) */
	struct field_def defs[F_COUNT];
	struct form form;
	bool resolving;
	int both[F_COUNT];
	struct conflict_choice choice;
};

/* Field f of it as the form holds it. */
static void value_of(const struct dist_item *it, int f, char *out, size_t size)
{
	const struct dist_rule *r = &it->rule;
	switch (f) {
	case F_NAME_EN: snprintf(out, size, "%s", it->name_en); break;
	case F_NAME_FR: snprintf(out, size, "%s", it->name_fr); break;
	case F_KIND: snprintf(out, size, "%s", it->kind); break;
	case F_UNIT: snprintf(out, size, "%s", r->unit); break;
	case F_FREQ: snprintf(out, size, "%s", r->frequency); break;
	case F_EVERY: r->every_days ? snprintf(out, size, "%d", r->every_days) : snprintf(out, size, "%s", ""); break;
	case F_QTY: snprintf(out, size, "%d", it->quantity); break;
	case F_SEX: snprintf(out, size, "%s", r->sex); break;
	case F_AGE_MIN: r->age_min >= 0 ? snprintf(out, size, "%d", r->age_min) : snprintf(out, size, "%s", ""); break;
	case F_AGE_MAX: r->age_max >= 0 ? snprintf(out, size, "%d", r->age_max) : snprintf(out, size, "%s", ""); break;
	case F_REQUIRES: snprintf(out, size, "%s", r->requires); break;
	case F_STAYING: snprintf(out, size, "%s", r->staying_only ? "1" : "0"); break;
	default: snprintf(out, size, "%d", it->low_stock); break;
	}
}

static int number(const struct form *f, int i, int none)
{
	char v[16];
	form_get(f, i, v, sizeof v);
	return v[0] ? atoi(v) : none;
}

/* The form's values into it. */
static void read_form(const struct item_form *s, struct dist_item *it)
{
	struct dist_rule *r = &it->rule;
	form_get(&s->form, F_NAME_EN, it->name_en, sizeof it->name_en);
	form_get(&s->form, F_NAME_FR, it->name_fr, sizeof it->name_fr);
	form_get(&s->form, F_KIND, it->kind, sizeof it->kind);
	form_get(&s->form, F_UNIT, r->unit, sizeof r->unit);
	form_get(&s->form, F_FREQ, r->frequency, sizeof r->frequency);
	/* A number of days counts only for an item every few days. */
	r->every_days = strcmp(r->frequency, "every_n_days") == 0 ? number(&s->form, F_EVERY, 0) : 0;
	it->quantity = number(&s->form, F_QTY, 0);
	form_get(&s->form, F_SEX, r->sex, sizeof r->sex);
	r->age_min = number(&s->form, F_AGE_MIN, -1);
	r->age_max = number(&s->form, F_AGE_MAX, -1);
	form_get(&s->form, F_REQUIRES, r->requires, sizeof r->requires);
	char yes[4];
	form_get(&s->form, F_STAYING, yes, sizeof yes);
	r->staying_only = strcmp(yes, "0") != 0;
	it->low_stock = number(&s->form, F_LOW, 0);
}

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct item_form *s = state;
	long long id = arg ? *(const long long *)arg : 0;
	if (id) {
		enum status st = dist_item_get(app_db(app), id, &s->item);
		if (st != ST_OK)
			return st;
	} else {
		dist_item_init(&s->item);
	}
	memcpy(s->defs, templates, sizeof s->defs);
	s->defs[F_KIND].choices = vocab_choices(VOCAB_DIST_KIND, false, &s->defs[F_KIND].nchoices);
	s->defs[F_UNIT].choices = vocab_choices(VOCAB_DIST_UNIT, false, &s->defs[F_UNIT].nchoices);
	s->defs[F_FREQ].choices = vocab_choices(VOCAB_DIST_FREQUENCY, false, &s->defs[F_FREQ].nchoices);
	s->defs[F_SEX].choices = vocab_choices(VOCAB_DIST_SEX, false, &s->defs[F_SEX].nchoices);
	s->defs[F_REQUIRES].choices = vocab_choices(VOCAB_DIST_REQUIRES, true, &s->defs[F_REQUIRES].nchoices);
	form_init(&s->form, s->defs, F_COUNT);
	char v[128];
	for (int f = 0; f < F_COUNT; f++) {
		value_of(&s->item, f, v, sizeof v);
		form_set(&s->form, f, v);
	}
	s->form.changed = false;
	return ST_OK;
}

static void show_problem(struct app *app, struct item_form *s, const char *name, const char *msgid)
{
	for (int i = 0; name && i < F_COUNT; i++)
		if (strcmp(s->defs[i].name, name) == 0) {
			char msg[400];
			s->form.fields[i].error = msgid;
			s->form.cur = i;
			snprintf(msg, sizeof msg, _("%s: %s"), _(s->defs[i].label), _(msgid));
			app_error(app, text_width(msg) <= COLS - 2 ? msg : _(msgid));
			return;
		}
	app_error(app, _(msgid));
}

/* A value as the user reads it: a label, not a code. */
static void shown_value(int f, const char *v, char *out, size_t size)
{
	const struct vocab *voc = f == F_KIND ? VOCAB_DIST_KIND : f == F_UNIT ? VOCAB_DIST_UNIT
	                          : f == F_FREQ ? VOCAB_DIST_FREQUENCY : f == F_SEX ? VOCAB_DIST_SEX
	                          : f == F_REQUIRES ? VOCAB_DIST_REQUIRES : NULL;
	const char *label = voc && v[0] ? vocab_label(voc, v) : NULL;
	if (f == F_STAYING)
		label = strcmp(v, "0") == 0 ? N_("No") : N_("Yes");
	snprintf(out, size, "%s", label ? _(label) : v);
}

/* Someone saved the item while this form was filled: their changes to
 * other fields come into the form; for each field both changed the user
 * chooses. */
static void resolve_conflict(struct app *app, struct item_form *s)
{
	struct dist_item theirs, mine = s->item;
	enum status st = dist_item_get(app_db(app), s->item.id, &theirs);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return;
	}
	read_form(s, &mine);
	s->choice.n = 0;
	for (int f = 0; f < F_COUNT; f++) {
		char base[128], their[128], my[128];
		value_of(&s->item, f, base, sizeof base);
		value_of(&theirs, f, their, sizeof their);
		value_of(&mine, f, my, sizeof my);
		if (strcmp(their, base) == 0 || strcmp(their, my) == 0)
			continue;
		if (strcmp(my, base) == 0) {
			form_set(&s->form, f, their);
			continue;
		}
		struct conflict_field *c = &s->choice.fields[s->choice.n];
		s->both[s->choice.n++] = f;
		c->label = s->defs[f].label;
		shown_value(f, my, c->mine, sizeof c->mine);
		shown_value(f, their, c->theirs, sizeof c->theirs);
		c->keep_theirs = false;
	}
	s->item = theirs;
	s->form.changed = true;
	if (s->choice.n == 0) {
		app_message(app, _("Someone saved this item meanwhile; their changes are now in the form with yours. "
		                   "Check, then F2 saves."));
		return;
	}
	s->resolving = true;
	conflict_open(app, &s->choice);
}

static void form_resume(struct app *app, void *state)
{
	struct item_form *s = state;
	if (!s->resolving)
		return;
	s->resolving = false;
	char v[128];
	for (int i = 0; i < s->choice.n; i++)
		if (s->choice.fields[i].keep_theirs) {
			value_of(&s->item, s->both[i], v, sizeof v);
			form_set(&s->form, s->both[i], v);
		}
	s->form.changed = true;
	app_message(app, _("The values chosen are in the form: check, then F2 saves."));
}

static enum ui_result save(struct app *app, struct item_form *s)
{
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct dist_item it = s->item;
	read_form(s, &it);
	const char *why = NULL, *field = NULL;
	if ((why = dist_item_problem(&it, &field)) != NULL) {
		show_problem(app, s, field, why);
		return UI_HANDLED;
	}
	enum status st = dist_item_save(app_db(app), &it, &why, &field);
	if (st == ST_INVALID && why) {
		show_problem(app, s, field, why);
		return UI_HANDLED;
	}
	if (st == ST_CONFLICT) {
		resolve_conflict(app, s);
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	s->item = it;
	s->form.changed = false;
	app_message(app, _("Saved."));
	return UI_LEAVE;
}

static void form_draw_screen(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct item_form *s = state;
	int rows = getmaxy(win), cols = getmaxx(win);
	ui_put(win, 0, 2, cols - 4, A_BOLD, s->item.id ? _("Distribution item: edit") : _("Distribution item: new"));
	if (s->item.id && !s->item.active)
		ui_put(win, 1, 2, cols - 4, 0, _("This item is retired: the counter does not offer it."));
	form_draw(&s->form, win, 2, rows - 6);
	/* The rule in words, as typed so far. */
	struct dist_item it = s->item;
	read_form(s, &it);
	char words[512], line[600];
	dist_rule_words(&it, words, sizeof words);
	snprintf(line, sizeof line, _("Rule: %s"), words);
	ui_put_wrapped(win, rows - 4, 2, cols - 4, 3, 0, line);
}

static struct form *form_of(void *state)
{
	return &((struct item_form *)state)->form;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	return save(app, state);
}

static long long item_ref(void *state)
{
	return ((struct item_form *)state)->item.id;
}

#define DIST_ITEM_SCREEN(kind)                                                                                 \
	{                                                                                                      \
		.name = "dist_item_form", .title = N_("Distribution item"), .needs_login = true,               \
		.perms = PERM_BIT(PERM_REFDATA), .state_size = sizeof(struct item_form), .bindings = bindings, \
		.enter = form_enter, .draw = form_draw_screen, .form = form_of, .submit = form_submit,         \
		.resume = form_resume, .draft_kind = kind, .draft_ref = item_ref,                              \
	}
static const struct screen screen_new_item = DIST_ITEM_SCREEN("dist_item_new");
static const struct screen screen_item = DIST_ITEM_SCREEN("dist_item");

enum status dist_item_form_open(struct app *app, long long id)
{
	return app_push(app, id ? &screen_item : &screen_new_item, &id);
}

enum status dist_item_open_draft(struct app *app, long long ref, const char *json)
{
	return app_push_draft(app, &screen_item, &ref, json);
}

enum status dist_item_new_open_draft(struct app *app, long long ref, const char *json)
{
	(void)ref;
	long long none = 0;
	return app_push_draft(app, &screen_new_item, &none, json);
}
