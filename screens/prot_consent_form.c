/* The form of one consent of a protection case: given or refused, and the
 * day the person answered. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/prot_traffic.h"
#include "screens/prot_traffic_screens.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"

enum { F_GIVEN, F_DAY, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the person's answer (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_GIVEN] = { .label = N_("Consent given"), .type = FIELD_YESNO, .required = true, .name = "given" },
	[F_DAY] = { .label = N_("Day of the answer"), .type = FIELD_DATE, .required = true, .full_date = true,
	            .past_only = true, .name = "date" },
};

struct consent_form {
	struct prot_consent c;
	struct form form;
};

struct consent_arg {
	long long case_id;
	const char *use;
};

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct consent_form *f = state;
	const struct consent_arg *a = arg;
	enum status st = prot_consent_of(app_db(app), a->case_id, a->use, &f->c);
	if (st == ST_NOT_FOUND) {
		memset(&f->c, 0, sizeof f->c);
		f->c.case_id = a->case_id;
		snprintf(f->c.use, sizeof f->c.use, "%s", a->use);
		clock_today_iso(f->c.date, sizeof f->c.date);
	} else if (st != ST_OK) {
		return st;
	}
	form_init(&f->form, templates, F_COUNT);
	if (f->c.id)
		form_set(&f->form, F_GIVEN, f->c.given ? "1" : "0");
	form_set(&f->form, F_DAY, f->c.date);
	return ST_OK;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct consent_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct prot_consent c = f->c;
	char given[4];
	form_get(&f->form, F_GIVEN, given, sizeof given);
	c.given = strcmp(given, "1") == 0;
	form_get(&f->form, F_DAY, c.date, sizeof c.date);
	const char *why = NULL;
	enum status st = prot_consent_save(app_db(app), &c, &why);
	if (st != ST_OK) {
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this consent meanwhile: open it again.")
		                                 : _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, _("Consent recorded."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct consent_form *f = state;
	const char *use = vocab_label(VOCAB_PROT_CONSENT_USE, f->c.use);
	char line[300];
	snprintf(line, sizeof line, _("Consent to: %s"), use ? _(use) : f->c.use);
	ui_put_wrapped(win, 1, 2, getmaxx(win) - 4, 2, A_BOLD, line);
	form_draw(&f->form, win, 4, getmaxy(win) - 4);
}

static struct form *form_of(void *state)
{
	return &((struct consent_form *)state)->form;
}

static const struct screen screen_consent_form = {
	.name = "prot_consent_form",
	.title = N_("Consents"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct consent_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
};

enum status prot_consent_form_open(struct app *app, long long case_id, const char *use)
{
	struct consent_arg a = { case_id, use };
	return app_push(app, &screen_consent_form, &a);
}
