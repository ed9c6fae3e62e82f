/* A manager rejects a best-interests assessment, saying why (the comment
 * is required; the data layer checks it again). */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "db/prot_child.h"
#include "screens/prot_child_forms.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Reject"),
	  N_("Reject the assessment with this comment (Enter too); Esc leaves without deciding") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def defs[1] = {
	{ .label = N_("Why it is rejected"), .type = FIELD_TEXT, .required = true, .maxlen = LINEEDIT_MAX,
	  .name = "decision_comment" },
};

struct reject_form {
	long long id;
	int version;
	struct form form;
};

struct reject_arg {
	long long id;
	int version;
};

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	(void)app;
	struct reject_form *f = state;
	const struct reject_arg *a = arg;
	f->id = a->id;
	f->version = a->version;
	form_init(&f->form, defs, 1);
	return ST_OK;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct reject_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char comment[FORM_VALUE_MAX];
	form_get(&f->form, 0, comment, sizeof comment);
	const char *why = NULL, *field = NULL;
	enum status st = prot_bi_decide(app_db(app), f->id, f->version, false, comment, &why, &field);
	if (st != ST_OK) {
		prot_form_refused(app, &f->form, defs, 1, st, why, field);
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, _("Assessment rejected with your comment."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct reject_form *f = state;
	ui_put_wrapped(win, 1, 2, getmaxx(win) - 4, 2, A_BOLD,
	               _("Reject the assessment: say what the officer must look at again"));
	form_draw(&f->form, win, 4, getmaxy(win) - 4);
}

static struct form *form_of(void *state)
{
	return &((struct reject_form *)state)->form;
}

static const struct screen screen_reject = {
	.name = "prot_bi_reject",
	.title = N_("Reject the assessment"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_APPROVE),
	.state_size = sizeof(struct reject_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
};

enum status prot_bi_reject_open(struct app *app, long long bi_id, int version)
{
	struct reject_arg a = { bi_id, version };
	return app_push(app, &screen_reject, &a);
}
