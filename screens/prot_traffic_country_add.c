/* The form adding a country to a victim's record: the country and its
 * role (origin, transit, exploitation), saved with the record's version. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "db/prot_traffic.h"
#include "db/refdata.h"
#include "screens/prot_traffic_screens.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"
#include "ui/vocab_choices.h"

enum { F_COUNTRY, F_ROLE, F_COUNT };

static const struct binding add_bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Add the country with its role (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def add_templates[F_COUNT] = {
	[F_COUNTRY] = { .label = N_("Country"), .type = FIELD_CHOICE, .required = true, .name = "country" },
	[F_ROLE] = { .label = N_("Role"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	             .name = "role" },
};

struct add_form {
	long long case_id;
	struct ref_choices *countries;
	struct field_def defs[F_COUNT];
	struct form form;
};

static enum status add_enter(struct app *app, void *state, const void *arg)
{
	struct add_form *f = state;
	f->case_id = *(const long long *)arg;
	f->countries = ref_choices_load(app_db(app), REF_COUNTRY, lang_get(), 0);
	if (!f->countries)
		return ST_INTERNAL;
	memcpy(f->defs, add_templates, sizeof f->defs);
	f->defs[F_COUNTRY].choices = f->countries->items;
	f->defs[F_COUNTRY].nchoices = f->countries->n;
	f->defs[F_ROLE].choices = vocab_choices(VOCAB_PROT_COUNTRY_ROLE, false, &f->defs[F_ROLE].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	return ST_OK;
}

static void add_leave(struct app *app, void *state)
{
	(void)app;
	ref_choices_free(&((struct add_form *)state)->countries);
}

static enum ui_result add_submit(struct app *app, void *state)
{
	struct add_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	static struct prot_traf t;
	enum status st = prot_traf_get(app_db(app), f->case_id, &t);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	if (t.n_country == PROT_TRAF_COUNTRY_MAX) {
		app_error(app, _("Too many countries (24 at most)."));
		return UI_HANDLED;
	}
	struct prot_traf_country *c = &t.country[t.n_country++];
	form_get(&f->form, F_COUNTRY, c->country, sizeof c->country);
	form_get(&f->form, F_ROLE, c->role, sizeof c->role);
	const char *why = NULL;
	if ((st = prot_traf_save(app_db(app), &t, &why, NULL)) != ST_OK) {
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this record meanwhile: open it again.")
		                                 : _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, _("Country added."));
	return UI_LEAVE;
}

static void add_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct add_form *f = state;
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, _("A country of the victim's journey"));
	form_draw(&f->form, win, 3, getmaxy(win) - 3);
}

static struct form *add_form_of(void *state)
{
	return &((struct add_form *)state)->form;
}

static const struct screen screen_add = {
	.name = "prot_traffic_country_add",
	.title = N_("Victim of trafficking"),
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

enum status prot_traffic_country_add_open(struct app *app, long long case_id)
{
	return app_push(app, &screen_add, &case_id);
}
