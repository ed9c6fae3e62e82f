/* The form of a project member: the role (one leader at a time), the day
 * they joined and the day they left. Opened for a person just picked in
 * the lookup (joining today by default) or for a member to change. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "db/reint_project.h"
#include "screens/reint_project.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

enum { F_ROLE, F_JOINED, F_LEFT, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the member's role and days (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_ROLE] = { .label = N_("Role"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	             .name = "role" },
	[F_JOINED] = { .label = N_("Joined on"), .type = FIELD_DATE, .required = true, .full_date = true,
	               .past_only = true, .name = "joined_date" },
	[F_LEFT] = { .label = N_("Left on (if they left)"), .type = FIELD_DATE, .full_date = true, .past_only = true,
	             .name = "left_date" },
};

struct member_form {
	struct reint_member m;
	struct reint_project p;
	struct field_def defs[F_COUNT];
	struct form form;
};

struct member_arg {
	long long member, project, person;
};

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct member_form *f = state;
	const struct member_arg *a = arg;
	enum status st;
	if (a->member) {
		if ((st = reint_member_get(app_db(app), a->member, &f->m)) != ST_OK)
			return st;
	} else {
		memset(&f->m, 0, sizeof f->m);
		f->m.project_id = a->project;
		f->m.person_id = a->person;
		snprintf(f->m.role, sizeof f->m.role, "member");
		clock_today_iso(f->m.joined_date, sizeof f->m.joined_date);
	}
	if ((st = reint_project_get(app_db(app), f->m.project_id, &f->p)) != ST_OK)
		return st;
	memcpy(f->defs, templates, sizeof f->defs);
	f->defs[F_ROLE].choices = vocab_choices(VOCAB_REINT_MEMBER_ROLE, false, &f->defs[F_ROLE].nchoices);
	form_init(&f->form, f->defs, a->member ? F_COUNT : F_LEFT);
	form_set(&f->form, F_ROLE, f->m.role);
	form_set(&f->form, F_JOINED, f->m.joined_date);
	if (a->member)
		form_set(&f->form, F_LEFT, f->m.left_date);
	f->form.changed = !a->member;
	return ST_OK;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct member_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct reint_member m = f->m;
	form_get(&f->form, F_ROLE, m.role, sizeof m.role);
	form_get(&f->form, F_JOINED, m.joined_date, sizeof m.joined_date);
	if (m.id)
		form_get(&f->form, F_LEFT, m.left_date, sizeof m.left_date);
	const char *why = NULL, *field = NULL;
	enum status st = reint_member_check(app_db(app), &m, &why, &field);
	if (st == ST_OK)
		st = m.id ? reint_member_save(app_db(app), &m, &why, &field)
		          : reint_member_add(app_db(app), m.project_id, m.person_id, m.role, m.joined_date, &m, &why);
	if (st != ST_OK) {
		int at = !field ? -1 : strcmp(field, "role") == 0 ? F_ROLE : strcmp(field, "joined_date") == 0 ? F_JOINED
		                                                : strcmp(field, "left_date") == 0 ? F_LEFT : -1;
		if (at >= 0 && at < f->form.n) {
			f->form.fields[at].error = why;
			f->form.cur = at;
		}
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this member meanwhile: open it again.")
		                                 : _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, f->m.id ? _("Changes saved.") : _("Member added."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	struct member_form *f = state;
	char line[800];
	if (f->m.id && !app_privacy(app))
		snprintf(line, sizeof line, _("%s %s in %s"), f->m.family_name, f->m.given_names, f->p.name);
	else
		snprintf(line, sizeof line, f->m.id ? _("A member of %s") : _("Joining %s"), f->p.name);
	ui_put_wrapped(win, 1, 2, getmaxx(win) - 4, 2, A_BOLD, line);
	form_draw(&f->form, win, 4, getmaxy(win) - 4);
}

static struct form *form_of(void *state)
{
	return &((struct member_form *)state)->form;
}

static const struct screen screen_member_form = {
	.name = "reint_member_form",
	.title = N_("Project member"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_WRITE),
	.state_size = sizeof(struct member_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
};

enum status reint_member_form_open(struct app *app, long long member, long long project, long long person)
{
	struct member_arg a = { member, project, person };
	return app_push(app, &screen_member_form, &a);
}
