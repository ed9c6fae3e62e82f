/* One staff account: create it, or change its name, role, centre,
 * language and whether it may sign in (administrators). */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/password.h"
#include "db/refdata.h"
#include "db/user.h"
#include "screens/admin.h"
#include "screens/conflict.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"


enum { F_NAME, F_DISPLAY, F_ROLE, F_CENTRE, F_LANG, F_ACTIVE, F_PASSWORD, F_AGAIN, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the account (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct choice languages[] = { { "fr", "Français", NULL }, { "en", "English", NULL } };

static struct choice roles[ROLE_COUNT_];

/* A user name rule, for the form. */
static const char *check_name(const char *value)
{
	return user_check_name(value) == ST_OK ? NULL : N_("2 to 32 of a-z, 0-9, '.', '_', '-'.");
}

/* The password rule, for the form. */
static const char *check_password(const char *value)
{
	return password_check_rules(value) == ST_OK ? NULL : N_("At least 10 characters.");
}

struct user_form {
	bool editing;
	struct user user;                      /* the account as read, when editing */
	struct field_def defs[F_COUNT];
	int map[F_COUNT];                      /* form index of each F_ field, -1 if absent */
	struct ref_choices *centres;
	struct form form;
	bool resolving;                        /* the conflict chooser is open over the form */
	int both[F_COUNT];                     /* the F_ field of each choice.fields */
	struct conflict_choice choice;
};

/* Lays out the fields for creating or editing. */
static void build(struct user_form *s)
{
	for (int r = 0; r < ROLE_COUNT_; r++)
		roles[r] = (struct choice){ role_name((enum role)r), role_label_msgid((enum role)r), NULL };
	const struct field_def all[F_COUNT] = {
		[F_NAME] = { .label = N_("Account name"), .type = FIELD_TEXT, .required = true,
		             .maxlen = USER_NAME_MAX, .check = check_name, .name = "name" },
		[F_DISPLAY] = { .label = N_("Full name"), .type = FIELD_TEXT, .required = true,
		                .maxlen = USER_DISPLAY_MAX, .name = "display_name" },
		[F_ROLE] = { .label = N_("Role"), .type = FIELD_CHOICE, .required = true, .choices = roles,
		             .nchoices = ROLE_COUNT_, .labels_are_msgids = true, .name = "role" },
		[F_CENTRE] = { .label = N_("Centre"), .type = FIELD_CHOICE, .required = true,
		               .choices = s->centres->items, .nchoices = s->centres->n, .name = "centre" },
		[F_LANG] = { .label = N_("Language"), .type = FIELD_CHOICE, .required = true,
		             .choices = languages, .nchoices = 2, .name = "lang" },
		[F_ACTIVE] = { .label = N_("May sign in"), .type = FIELD_YESNO, .required = true, .name = "active" },
		/* Passwords have no name: never kept in a draft. */
		[F_PASSWORD] = { .label = N_("Password"), .type = FIELD_PASSWORD, .required = true,
		                 .maxlen = 128, .check = check_password },
		[F_AGAIN] = { .label = N_("Password again"), .type = FIELD_PASSWORD, .required = true,
		              .maxlen = 128 },
	};
	int n = 0;
	for (int f = 0; f < F_COUNT; f++) {
		bool shown = s->editing ? (f != F_NAME && f != F_PASSWORD && f != F_AGAIN) : f != F_ACTIVE;
		s->map[f] = shown ? n : -1;
		if (shown)
			s->defs[n++] = all[f];
	}
	form_init(&s->form, s->defs, n);
}

/* Reads field f of the form into out. */
static void get(struct user_form *s, int f, char *out, size_t size)
{
	form_get(&s->form, s->map[f], out, size);
}

/* Fills the form from the account. */
static void load(struct user_form *s)
{
	form_set(&s->form, s->map[F_DISPLAY], s->user.display_name);
	form_set(&s->form, s->map[F_ROLE], role_name(s->user.role));
	form_set(&s->form, s->map[F_CENTRE], s->user.centre_code);
	form_set(&s->form, s->map[F_LANG], s->user.lang);
	form_set(&s->form, s->map[F_ACTIVE], s->user.active ? "1" : "0");
	s->form.changed = false;
}

static enum status user_form_enter(struct app *app, void *state, const void *arg)
{
	struct user_form *s = state;
	enum status st;
	s->centres = ref_choices_load(app_db(app), REF_CENTRE, lang_get(), REFCHOICE_SHOW_CODE);
	if (!s->centres)
		return ST_NOMEM;
	s->editing = arg != NULL;
	if (s->editing && (st = user_find(app_db(app), arg, &s->user)) != ST_OK) {
		ref_choices_free(&s->centres);
		return st;
	}
	build(s);
	if (s->editing) {
		load(s);
	} else {
		form_set(&s->form, s->map[F_LANG], "fr");
		form_set(&s->form, s->map[F_CENTRE], app_user(app)->centre_code);
	}
	return ST_OK;
}

/* Field f of the account u as the form holds it. */
static void value_of(const struct user *u, int f, char *out, size_t size)
{
	switch (f) {
	case F_DISPLAY: snprintf(out, size, "%s", u->display_name); break;
	case F_ROLE: snprintf(out, size, "%s", role_name(u->role)); break;
	case F_CENTRE: snprintf(out, size, "%s", u->centre_code); break;
	case F_LANG: snprintf(out, size, "%s", u->lang); break;
	default: snprintf(out, size, "%s", u->active ? "1" : "0"); break;
	}
}

/* A value of field f as the user reads it: labels, not codes. */
static void shown_value(const struct user_form *s, int f, const char *v, char *out, size_t size)
{
	const struct field_def *d = &s->defs[s->map[f]];
	snprintf(out, size, "%s", v);
	if (d->type == FIELD_YESNO)
		snprintf(out, size, "%s", strcmp(v, "1") == 0 ? _("yes") : _("no"));
	for (int i = 0; d->type == FIELD_CHOICE && i < d->nchoices; i++)
		if (strcmp(d->choices[i].value, v) == 0)
			snprintf(out, size, "%s", d->labels_are_msgids ? _(d->choices[i].label) : d->choices[i].label);
}

/* Someone saved the account while this form was filled: their changes to
 * other fields go into the form, the account as saved becomes the one this
 * edit is based on, and for each field both changed the user chooses. */
static void resolve_conflict(struct app *app, struct user_form *s)
{
	struct user theirs;
	enum status st = user_get(app_db(app), s->user.id, &theirs);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return;
	}
	static const int editable[] = { F_DISPLAY, F_ROLE, F_CENTRE, F_LANG, F_ACTIVE };
	s->choice.n = 0;
	for (size_t i = 0; i < sizeof editable / sizeof editable[0]; i++) {
		int f = editable[i];
		char base[FORM_VALUE_MAX], their[FORM_VALUE_MAX], mine[FORM_VALUE_MAX];
		value_of(&s->user, f, base, sizeof base);
		value_of(&theirs, f, their, sizeof their);
		get(s, f, mine, sizeof mine);
		if (strcmp(their, base) == 0 || strcmp(their, mine) == 0)
			continue;
		if (strcmp(mine, base) == 0) {
			form_set(&s->form, s->map[f], their);
			continue;
		}
		struct conflict_field *c = &s->choice.fields[s->choice.n];
		s->both[s->choice.n++] = f;
		c->label = s->defs[s->map[f]].label;
		shown_value(s, f, mine, c->mine, sizeof c->mine);
		shown_value(s, f, their, c->theirs, sizeof c->theirs);
		c->keep_theirs = false;
	}
	s->user = theirs;
	s->form.changed = true;
	if (s->choice.n == 0) {
		app_message(app, _("Someone saved this account meanwhile; their changes are now in the form with yours. "
		                   "Check, then F2 saves."));
		return;
	}
	s->resolving = true;
	conflict_open(app, &s->choice);
}

/* Back from the conflict chooser: the values chosen go into the form. */
static void user_form_resume(struct app *app, void *state)
{
	struct user_form *s = state;
	if (!s->resolving)
		return;
	s->resolving = false;
	for (int i = 0; i < s->choice.n; i++)
		if (s->choice.fields[i].keep_theirs) {
			char v[FORM_VALUE_MAX];
			value_of(&s->user, s->both[i], v, sizeof v);
			form_set(&s->form, s->map[s->both[i]], v);
		}
	s->form.changed = true;
	app_message(app, _("The values chosen are in the form: check, then F2 saves."));
}

/* Validates, then creates or saves the account. */
static enum ui_result save(struct app *app, struct user_form *s)
{
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char display[FORM_VALUE_MAX], role[32], centre[8], lang[4];
	get(s, F_DISPLAY, display, sizeof display);
	get(s, F_ROLE, role, sizeof role);
	get(s, F_CENTRE, centre, sizeof centre);
	get(s, F_LANG, lang, sizeof lang);
	enum status st;
	if (s->editing) {
		char active[4];
		get(s, F_ACTIVE, active, sizeof active);
		struct user_changes c = { display, (enum role)role_from_name(role), centre, lang,
		                          strcmp(active, "1") == 0 };
		st = user_admin_save(app_db(app), &s->user, &c);
		if (st == ST_CONFLICT) {
			resolve_conflict(app, s);
			return UI_HANDLED;
		}
	} else {
		char name[64], pw[FORM_VALUE_MAX], again[FORM_VALUE_MAX];
		get(s, F_NAME, name, sizeof name);
		get(s, F_PASSWORD, pw, sizeof pw);
		get(s, F_AGAIN, again, sizeof again);
		if (strcmp(pw, again) != 0) {
			s->form.fields[s->map[F_AGAIN]].error = N_("The two passwords differ.");
			s->form.cur = s->map[F_AGAIN];
			explicit_bzero(pw, sizeof pw);
			explicit_bzero(again, sizeof again);
			return UI_HANDLED;
		}
		st = user_add(app_db(app), name, display, (enum role)role_from_name(role), centre, lang, pw, NULL);
		explicit_bzero(pw, sizeof pw);
		explicit_bzero(again, sizeof again);
		if (st == ST_DUPLICATE) {
			s->form.fields[s->map[F_NAME]].error = N_("This account name is taken.");
			s->form.cur = s->map[F_NAME];
			return UI_HANDLED;
		}
	}
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	s->form.changed = false;
	app_message(app, _("Saved."));
	return UI_LEAVE;
}

static void user_form_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct user_form *s = state;
	char line[256];
	if (s->editing)
		snprintf(line, sizeof line, _("Account: %s"), s->user.name);
	else
		snprintf(line, sizeof line, "%s", _("New account"));
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, line);
	form_draw(&s->form, win, 3, getmaxy(win) - 3);
}

/* The form, for the loop's shared form behaviour. */
static struct form *user_form_form(void *state)
{
	return &((struct user_form *)state)->form;
}

static void user_form_leave(struct app *app, void *state)
{
	(void)app;
	ref_choices_free(&((struct user_form *)state)->centres);
}

/* Enter on the last field, or the save key. */
static enum ui_result user_form_submit(struct app *app, void *state)
{
	return save(app, state);
}

/* A draft is about the account edited (0: a new one). */
static long long user_form_ref(void *state)
{
	const struct user_form *s = state;
	return s->editing ? s->user.id : 0;
}

static const struct screen screen_user_form = {
	.name = "user_form",
	.title = N_("Staff account"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_ACCOUNTS),
	.state_size = sizeof(struct user_form),
	.bindings = bindings,
	.enter = user_form_enter,
	.leave = user_form_leave,
	.draw = user_form_draw,
	.form = user_form_form,
	.submit = user_form_submit,
	.resume = user_form_resume,
	.draft_kind = "account",
	.draft_ref = user_form_ref,
};

enum status user_form_open(struct app *app, const char *account)
{
	return app_push(app, &screen_user_form, account);
}

enum status user_form_open_draft(struct app *app, long long user_id, const char *json)
{
	struct user u;
	if (!user_id)
		return app_push_draft(app, &screen_user_form, NULL, json);
	enum status st = user_get(app_db(app), user_id, &u);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return st;
	}
	return app_push_draft(app, &screen_user_form, u.name, json);
}
