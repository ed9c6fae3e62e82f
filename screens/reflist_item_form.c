/* One item of an editable reference list: its French and English names,
 * and its kind when the list has one (administrators). The rules are the
 * data layer's (db/reflist.h); a broken one is shown beside its field. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/reflist.h"
#include "screens/admin.h"
#include "screens/conflict.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/module.h"
#include "ui/refchoice.h"
#include "ui/vocab_choices.h"

enum { F_FR, F_EN, F_KIND, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the item (Enter on the last field too). Both names are needed, at most 80 characters each, "
	     "each different from the other items' names in its language") },
	{ 0, { 0 }, NULL, NULL },
};

/* What the form is opened with. */
struct item_arg {
	const struct reflist_def *def;
	long long id;            /* 0: a new item */
};

struct item_form {
	const struct reflist_def *def;
	struct ref_item item;    /* as read, when editing */
	struct field_def defs[F_COUNT];
	int nfields;
	struct form form;
	bool resolving;          /* the conflict chooser is open over the form */
	int both[F_COUNT];       /* the F_ field of each choice.fields */
	struct conflict_choice choice;
	struct ref_choices *countries;   /* the kinds offered when the kind is a country */
};

/* The value of field f of item, as the form holds it. */
static const char *value_of(const struct ref_item *it, int f)
{
	return f == F_FR ? it->name_fr : f == F_EN ? it->name_en : it->kind;
}

/* The form's values into it (names and kind). */
static void read_form(const struct item_form *s, struct ref_item *it)
{
	form_get(&s->form, F_FR, it->name_fr, sizeof it->name_fr);
	form_get(&s->form, F_EN, it->name_en, sizeof it->name_en);
	it->kind[0] = '\0';
	if (s->nfields > F_KIND)
		form_get(&s->form, F_KIND, it->kind, sizeof it->kind);
}

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct item_form *s = state;
	const struct item_arg *a = arg;
	if (!a || !a->def)
		return ST_NOT_FOUND;
	s->def = a->def;
	if (a->id) {
		enum status st = reflist_get(app_db(app), a->id, &s->item);
		if (st != ST_OK)
			return st;
		if (strcmp(s->item.list, s->def->list) != 0)
			return ST_NOT_FOUND;
	}
	s->defs[F_FR] = (struct field_def){ .label = N_("French name"), .type = FIELD_TEXT, .required = true,
	                                    .maxlen = REFLIST_NAME_MAX, .name = "name_fr" };
	s->defs[F_EN] = (struct field_def){ .label = N_("English name"), .type = FIELD_TEXT, .required = true,
	                                    .maxlen = REFLIST_NAME_MAX, .name = "name_en" };
	s->nfields = 2;
	if (s->def->kinds && s->def->kinds != REFLIST_KIND_COUNTRY) {
		s->defs[F_KIND] = (struct field_def){ .label = s->def->kind_label, .type = FIELD_CHOICE, .required = true,
		                                      .labels_are_msgids = true, .name = "kind" };
		s->defs[F_KIND].choices = vocab_choices(s->def->kinds, false, &s->defs[F_KIND].nchoices);
		s->nfields = 3;
	} else if (s->def->kinds == REFLIST_KIND_COUNTRY) {
		s->countries = ref_choices_load(app_db(app), REF_COUNTRY, lang_get(), REFCHOICE_SHOW_CODE);
		if (!s->countries)
			return ST_INTERNAL;
		s->defs[F_KIND] = (struct field_def){ .label = s->def->kind_label,
		                                      .type = FIELD_CHOICE, .required = true, .name = "kind",
		                                      .choices = s->countries->items, .nchoices = s->countries->n };
		s->nfields = 3;
	}
	form_init(&s->form, s->defs, s->nfields);
	if (a->id)
		for (int f = 0; f < s->nfields; f++)
			form_set(&s->form, f, value_of(&s->item, f));
	s->form.changed = false;
	return ST_OK;
}

/* Shows the problem msgid beside the field named name (the cursor goes
 * there), with the field's label on the message line when it fits. */
static void show_problem(struct app *app, struct item_form *s, const char *name, const char *msgid)
{
	for (int i = 0; name && i < s->nfields; i++)
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

/* A value of field f as the user reads it: the kind's label, not its code. */
static void shown_value(const struct item_form *s, int f, const char *v, char *out, size_t size)
{
	const char *label = f == F_KIND && s->def->kinds && !s->countries ? vocab_label(s->def->kinds, v) : NULL;
	for (int i = 0; f == F_KIND && s->countries && i < s->countries->n; i++)
		if (strcmp(s->countries->items[i].value, v) == 0) {
			snprintf(out, size, "%s", s->countries->items[i].label);
			return;
		}
	snprintf(out, size, "%s", label ? _(label) : v);
}

/* Someone saved the item while this form was filled: their changes to
 * other fields come into the form, and for each field both changed the
 * user chooses. */
static void resolve_conflict(struct app *app, struct item_form *s)
{
	struct ref_item theirs, mine = s->item;
	enum status st = reflist_get(app_db(app), s->item.id, &theirs);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return;
	}
	read_form(s, &mine);
	s->choice.n = 0;
	for (int f = 0; f < s->nfields; f++) {
		const char *base = value_of(&s->item, f), *their = value_of(&theirs, f), *my = value_of(&mine, f);
		if (strcmp(their, base) == 0 || strcmp(their, my) == 0)
			continue;
		if (strcmp(my, base) == 0) {
			form_set(&s->form, f, their);
			continue;
		}
		struct conflict_field *c = &s->choice.fields[s->choice.n];
		s->both[s->choice.n++] = f;
		c->label = s->defs[f].label;
		shown_value(s, f, my, c->mine, sizeof c->mine);
		shown_value(s, f, their, c->theirs, sizeof c->theirs);
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

/* Back from the conflict chooser: the values chosen go into the form. */
static void form_resume(struct app *app, void *state)
{
	struct item_form *s = state;
	if (!s->resolving)
		return;
	s->resolving = false;
	for (int i = 0; i < s->choice.n; i++)
		if (s->choice.fields[i].keep_theirs)
			form_set(&s->form, s->both[i], value_of(&s->item, s->both[i]));
	s->form.changed = true;
	app_message(app, _("The values chosen are in the form: check, then F2 saves."));
}

/* Validates, then adds or saves the item. */
static enum ui_result save(struct app *app, struct item_form *s)
{
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct ref_item it = s->item;
	read_form(s, &it);
	const char *why = NULL, *field = NULL;
	enum status st = it.id ? reflist_edit(app_db(app), s->def, &it, &why, &field)
	                       : reflist_add(app_db(app), s->def, &it, &why, &field);
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
	char line[512];
	int cols = getmaxx(win);
	if (s->item.id)
		snprintf(line, sizeof line, _("%s: %s"), _(s->def->title), _("edit an item"));
	else
		snprintf(line, sizeof line, _("%s: %s"), _(s->def->title), _("new item"));
	ui_put(win, 1, 2, cols - 4, A_BOLD, line);
	if (s->item.id && !s->item.active)
		ui_put(win, 2, 2, cols - 4, 0, _("This item is retired: forms do not offer it."));
	form_draw(&s->form, win, 4, getmaxy(win) - 4);
}

static void form_leave(struct app *app, void *state)
{
	(void)app;
	ref_choices_free(&((struct item_form *)state)->countries);
}

/* The form, for the loop's shared form behaviour. */
static struct form *form_of(void *state)
{
	return &((struct item_form *)state)->form;
}

/* Enter on the last field, or the save key. */
static enum ui_result form_submit(struct app *app, void *state)
{
	return save(app, state);
}

/* The draft of a new item names its list by a number made from the
 * list's name (FNV-1a), the same from one run of the program to the next
 * whatever the order of the modules. */
static long long list_ref(const char *list)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)list; *p; p++)
		h = (h ^ *p) * 16777619u;
	return (long long)h + 1;
}

static long long new_item_ref(void *state)
{
	return list_ref(((struct item_form *)state)->def->list);
}

/* An edit's draft is about the item. */
static long long item_ref(void *state)
{
	return ((struct item_form *)state)->item.id;
}

/* Two screens of one form, for the two kinds of draft it keeps. */
#define ITEM_FORM_SCREEN(kind, ref)                                                                            \
	{                                                                                                      \
		.name = "reflist_item_form", .title = N_("Reference list item"), .needs_login = true,          \
		.perms = PERM_BIT(PERM_REFDATA), .state_size = sizeof(struct item_form), .bindings = bindings, \
		.enter = form_enter, .leave = form_leave, .draw = form_draw_screen, .form = form_of, .submit = form_submit,         \
		.resume = form_resume, .draft_kind = kind, .draft_ref = ref,                                   \
	}
static const struct screen screen_new_item = ITEM_FORM_SCREEN("ref_item_new", new_item_ref);
static const struct screen screen_item = ITEM_FORM_SCREEN("ref_item", item_ref);

enum status reflist_item_form_open(struct app *app, const struct reflist_def *def, long long item_id)
{
	struct item_arg a = { def, item_id };
	return app_push(app, item_id ? &screen_item : &screen_new_item, &a);
}

enum status reflist_item_open_draft(struct app *app, long long item_id, const char *json)
{
	struct ref_item it;
	enum status st = reflist_get(app_db(app), item_id, &it);
	struct item_arg a = { st == ST_OK ? module_reflist(app_modules(app), it.list) : NULL, item_id };
	if (st == ST_OK && !a.def)
		st = ST_NOT_FOUND;
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return st;
	}
	return app_push_draft(app, &screen_item, &a, json);
}

enum status reflist_item_new_open_draft(struct app *app, long long list_ref_id, const char *json)
{
	struct item_arg a = { NULL, 0 };
	for (const struct module *const *m = app_modules(app); m && *m && !a.def; m++)
		for (const struct reflist_def *const *d = (*m)->reflists; d && *d && !a.def; d++)
			if (list_ref((*d)->list) == list_ref_id)
				a.def = *d;
	if (!a.def) {
		app_error(app, _(status_msgid(ST_NOT_FOUND)));
		return ST_NOT_FOUND;
	}
	return app_push_draft(app, &screen_new_item, &a, json);
}
