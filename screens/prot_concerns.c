/* The protection concerns of a case (list "prot_concern"), each with its
 * note: a adds one, x removes the selected one. A case holds at most the
 * list's items, so they are read whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "db/prot_case.h"
#include "db/reflist.h"
#include "db/user.h"
#include "prot_case_private.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"

#define MAX_CONCERNS 64

enum { ACT_ADD = 1, ACT_REMOVE };

static const struct binding bindings[] = {
	{ ACT_ADD, { 'a', UI_KEYCODE(KEY_F(2)), 0, 0 }, N_("Add"), N_("Add a protection concern to the case, with a note") },
	{ ACT_REMOVE, { 'x', UI_KEYCODE(KEY_DC), 0, 0 }, N_("Remove"), N_("Remove the selected concern from the case") },
	{ 0, { 0 }, NULL, NULL },
};

struct concerns_screen {
	long long id;
	struct prot_concern items[MAX_CONCERNS];
	int n, cur;
};

static void collect(const struct prot_concern *c, void *ctx)
{
	struct concerns_screen *s = ctx;
	if (s->n < MAX_CONCERNS)
		s->items[s->n++] = *c;
}

static enum status load(struct app *app, struct concerns_screen *s)
{
	s->n = 0;
	enum status st = prot_concern_each(app_db(app), s->id, lang_get(), collect, s);
	if (s->cur >= s->n)
		s->cur = s->n ? s->n - 1 : 0;
	return st;
}

static enum status concerns_enter(struct app *app, void *state, const void *arg)
{
	struct concerns_screen *s = state;
	s->id = *(const long long *)arg;
	return load(app, s);
}

static void concerns_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct concerns_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win), y = 2;
	ui_put(win, 0, 2, cols - 4, A_BOLD, _("Protection concerns of the case"));
	if (!s->n)
		ui_put_wrapped(win, y, 2, cols - 4, 2, 0, _("No concern yet: a adds one."));
	for (int i = 0; i < s->n && y < rows - 1; i++) {
		char line[1200];
		snprintf(line, sizeof line, s->items[i].note[0] ? "%s: %s" : "%s", s->items[i].name, s->items[i].note);
		y += ui_put_wrapped(win, y, 2, cols - 4, 3, i == s->cur ? A_REVERSE : 0, line);
	}
}

static enum ui_result concerns_input(struct app *app, void *state, int key)
{
	(void)app;
	struct concerns_screen *s = state;
	if (key == UI_KEYCODE(KEY_UP) && s->cur > 0) {
		s->cur--;
		return UI_HANDLED;
	}
	if (key == UI_KEYCODE(KEY_DOWN) && s->cur + 1 < s->n) {
		s->cur++;
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

static enum status add_open(struct app *app, long long id);

static enum ui_result concerns_action(struct app *app, void *state, int action)
{
	struct concerns_screen *s = state;
	if (!perm_allows((int)app_user(app)->role, PERM_PROTECTION_WRITE)) {
		app_error(app, _(status_msgid(ST_DENIED)));
		return UI_HANDLED;
	}
	if (action == ACT_ADD) {
		add_open(app, s->id);
		return UI_HANDLED;
	}
	if (action == ACT_REMOVE && s->n && app_confirm(app, _("Remove this concern from the case?"))) {
		const char *why = NULL;
		enum status st = prot_concern_remove(app_db(app), s->items[s->cur].id, &why);
		if (st == ST_OK)
			app_message(app, _("Concern removed."));
		else
			app_error(app, _(why ? why : status_msgid(st)));
		load(app, s);
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

static void concerns_resume(struct app *app, void *state)
{
	load(app, state);
}

static const struct screen screen_concerns = {
	.name = "prot_concerns",
	.title = N_("Protection concerns"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct concerns_screen),
	.bindings = bindings,
	.enter = concerns_enter,
	.draw = concerns_draw,
	.input = concerns_input,
	.action = concerns_action,
	.resume = concerns_resume,
};

enum status prot_concerns_open(struct app *app, long long id)
{
	return app_push(app, &screen_concerns, &id);
}

/* ---- adding one ---- */

enum { C_CONCERN, C_NOTE, C_COUNT };

static const struct binding add_bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Add the concern (Enter on the last field too); Esc leaves without it") },
	{ 0, { 0 }, NULL, NULL },
};

struct add_form {
	long long id;
	struct ref_choices *concerns;
	struct field_def defs[C_COUNT];
	struct form form;
};

static enum status add_enter(struct app *app, void *state, const void *arg)
{
	struct add_form *f = state;
	f->id = *(const long long *)arg;
	f->concerns = reflist_choices_load(app_db(app), REFLIST_PROT_CONCERN, lang_get(), 0, 0);
	if (!f->concerns)
		return ST_INTERNAL;
	f->defs[C_CONCERN] = (struct field_def){ .label = N_("Concern"), .type = FIELD_CHOICE, .required = true,
	                                         .choices = f->concerns->items, .nchoices = f->concerns->n,
	                                         .name = "concern_id" };
	f->defs[C_NOTE] = (struct field_def){ .label = N_("Note"), .type = FIELD_TEXT, .maxlen = PROT_CONCERN_NOTE_MAX,
	                                      .name = "note" };
	form_init(&f->form, f->defs, C_COUNT);
	return ST_OK;
}

static void add_leave(struct app *app, void *state)
{
	(void)app;
	ref_choices_free(&((struct add_form *)state)->concerns);
}

static enum ui_result add_submit(struct app *app, void *state)
{
	struct add_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char v[24], note[PROT_CONCERN_NOTE_MAX * 4 + 4];
	form_get(&f->form, C_CONCERN, v, sizeof v);
	form_get(&f->form, C_NOTE, note, sizeof note);
	const char *why = prot_concern_problem(note);
	enum status st = why ? ST_INVALID : prot_concern_add(app_db(app), f->id, strtoll(v, NULL, 10), note, &why);
	if (st != ST_OK) {
		app_error(app, _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, _("Concern added."));
	return UI_LEAVE;
}

static void add_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct add_form *f = state;
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, _("Add a protection concern"));
	form_draw(&f->form, win, 3, getmaxy(win) - 3);
}

static struct form *add_form_of(void *state)
{
	return &((struct add_form *)state)->form;
}

static const struct screen screen_add = {
	.name = "prot_concern_add",
	.title = N_("Add a protection concern"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct add_form),
	.bindings = add_bindings,
	.enter = add_enter,
	.leave = add_leave,
	.draw = add_draw,
	.form = add_form_of,
	.submit = add_submit,
};

static enum status add_open(struct app *app, long long id)
{
	return app_push(app, &screen_add, &id);
}
