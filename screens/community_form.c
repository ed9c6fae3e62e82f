/* The short registration of a community member, new or edited: names, sex, date of birth
 * or estimated age, phone, locality, consent and the centre registering
 * them. Before saving, the people probably the same (migrants or community
 * members) are shown, as at intake. */
#include <stdio.h>
#include <string.h>

#include "core/casenum.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/community.h"
#include "db/person.h"
#include "db/refdata.h"
#include "screens/community.h"
#include "screens/registration.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"
#include "ui/vocab_choices.h"

enum {
	F_FAMILY, F_GIVEN, F_SEX, F_BIRTH, F_AGE, F_PHONE, F_LOCALITY, F_CENTRE, F_CONSENT_DATA, F_CONSENT_SHARE,
	F_CONSENT_DATE, F_COUNT
};
enum { ACT_SAVE = 1 };

static const struct binding bindings[] = {
	{ ACT_SAVE, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Register the community member (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

struct community_form {
	long long id;                /* the member edited, 0 for a new one */
	struct person orig;          /* as read before editing */
	struct form form;
	struct field_def defs[F_COUNT];
	struct ref_choices *centres;
	bool confirmed_new;          /* the duplicates were seen: register anyway */
	bool saved;
};

/* The fields, named as the audit trail names the same values. */
static void build(struct community_form *s)
{
	struct field_def *d = s->defs;
	d[F_FAMILY] = (struct field_def){ .label = N_("Family name"), .type = FIELD_TEXT, .required = true,
	                                  .maxlen = 60, .name = "family_name" };
	d[F_GIVEN] = (struct field_def){ .label = N_("Given names"), .type = FIELD_TEXT, .required = true,
	                                 .maxlen = 60, .name = "given_names" };
	d[F_SEX] = (struct field_def){ .label = N_("Sex"), .type = FIELD_CHOICE, .required = true,
	                               .labels_are_msgids = true, .name = "sex" };
	d[F_SEX].choices = vocab_choices(VOCAB_SEX, false, &d[F_SEX].nchoices);
	d[F_BIRTH] = (struct field_def){ .label = N_("Date of birth"), .type = FIELD_DATE, .past_only = true,
	                                 .name = "birth_date" };
	d[F_AGE] = (struct field_def){ .label = N_("Or estimated age"), .type = FIELD_NUMBER, .maxlen = 3,
	                               .max = 110, .name = "estimated_age" };
	d[F_PHONE] = (struct field_def){ .label = N_("Phone"), .type = FIELD_TEXT, .maxlen = 30,
	                                 .check = person_phone_problem, .name = "phone" };
	d[F_LOCALITY] = (struct field_def){ .label = N_("Locality"), .type = FIELD_TEXT, .required = true,
	                                    .maxlen = 80, .name = "locality" };
	d[F_CENTRE] = (struct field_def){ .label = N_("Registering centre"), .type = FIELD_CHOICE, .required = true,
	                                  .choices = s->centres->items, .nchoices = s->centres->n,
	                                  .name = "centre" };
	d[F_CONSENT_DATA] = (struct field_def){ .label = N_("Consents to data"), .type = FIELD_YESNO,
	                                        .required = true, .name = "consent_data" };
	d[F_CONSENT_SHARE] = (struct field_def){ .label = N_("Consents to sharing"), .type = FIELD_YESNO,
	                                         .required = true, .name = "consent_share" };
	d[F_CONSENT_DATE] = (struct field_def){ .label = N_("Date of consent"), .type = FIELD_DATE, .required = true,
	                                        .past_only = true, .full_date = true, .name = "consent_date" };
	form_init(&s->form, s->defs, F_COUNT);
}

/* Today as ISO. */
static void today_iso(char *out, size_t size)
{
	struct pdate t = clock_today();
	date_to_iso(&t, out, size);
}

/* Fills the form from the member as saved: an estimated age shows as the
 * age it gives today, as at intake. */
static void fill(struct community_form *s, const struct person *p)
{
	struct form *f = &s->form;
	char sex[2] = { p->sex, '\0' };
	form_set(f, F_FAMILY, p->family_name);
	form_set(f, F_GIVEN, p->given_names);
	form_set(f, F_SEX, sex);
	int years;
	bool approx, child;
	struct pdate today = clock_today();
	if (p->birth_estimated && person_age(p->birth_date, true, &today, &years, &approx, &child)) {
		char age[8];
		snprintf(age, sizeof age, "%d", years);
		form_set(f, F_AGE, age);
	} else {
		form_set(f, F_BIRTH, p->birth_date);
	}
	form_set(f, F_PHONE, p->phone);
	form_set(f, F_LOCALITY, p->locality);
	form_set(f, F_CENTRE, p->centre_code);
	form_set(f, F_CONSENT_DATA, p->consent_data ? "1" : "0");
	form_set(f, F_CONSENT_SHARE, p->consent_share ? "1" : "0");
	form_set(f, F_CONSENT_DATE, p->consent_date);
}

static enum status community_enter(struct app *app, void *state, const void *arg)
{
	struct community_form *s = state;
	s->id = arg ? *(const long long *)arg : 0;
	s->centres = ref_choices_load(app_db(app), REF_CENTRE, lang_get(), 0);
	if (!s->centres)
		return ST_NOMEM;
	build(s);
	if (s->id) {
		enum status st = person_get(app_db(app), s->id, &s->orig);
		if (st != ST_OK)
			return st;
		if (!person_is_community(&s->orig))
			return ST_INVALID;
		fill(s, &s->orig);
	} else {
		char today[11];
		today_iso(today, sizeof today);
		form_set(&s->form, F_CONSENT_DATE, today);
		form_set(&s->form, F_CENTRE, app_user(app)->centre_code);
	}
	s->form.changed = false;
	return ST_OK;
}

static void community_leave(struct app *app, void *state)
{
	(void)app;
	ref_choices_free(&((struct community_form *)state)->centres);
}

/* The field named name, or -1. */
static int field_named(const char *name)
{
	static const char *const names[F_COUNT] = {
		"family_name", "given_names", "sex", "birth_date", "estimated_age", "phone", "locality", "centre",
		"consent_data", "consent_share", "consent_date",
	};
	for (int i = 0; name && i < F_COUNT; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

/* Shows msgid beside field i (or under the form when there is none). */
static void show_problem(struct app *app, struct community_form *s, int i, const char *msgid)
{
	if (i >= 0) {
		s->form.fields[i].error = msgid;
		s->form.cur = i;
	}
	app_error(app, _(msgid));
}

/* Builds the person from the form; false (with the problem shown) when the
 * birth cannot be read. */
static bool collect(struct app *app, struct community_form *s, struct person *p)
{
	memset(p, 0, sizeof *p);
	char v[FORM_VALUE_MAX], birth[11], age[8], today[11];
	form_get(&s->form, F_FAMILY, p->family_name, sizeof p->family_name);
	form_get(&s->form, F_GIVEN, p->given_names, sizeof p->given_names);
	form_get(&s->form, F_SEX, v, sizeof v);
	p->sex = v[0] ? v[0] : 'x';
	form_get(&s->form, F_BIRTH, birth, sizeof birth);
	form_get(&s->form, F_AGE, age, sizeof age);
	today_iso(today, sizeof today);
	const char *why = person_set_birth(p, birth, age, today);
	if (why) {
		show_problem(app, s, F_AGE, why);
		return false;
	}
	form_get(&s->form, F_PHONE, p->phone, sizeof p->phone);
	form_get(&s->form, F_LOCALITY, p->locality, sizeof p->locality);
	form_get(&s->form, F_CENTRE, p->centre_code, sizeof p->centre_code);
	form_get(&s->form, F_CONSENT_DATA, v, sizeof v);
	p->consent_data = strcmp(v, "1") == 0;
	form_get(&s->form, F_CONSENT_SHARE, v, sizeof v);
	p->consent_share = strcmp(v, "1") == 0;
	form_get(&s->form, F_CONSENT_DATE, p->consent_date, sizeof p->consent_date);
	return true;
}

/* Counts the probable duplicates (callback). */
static void count_dup(const struct person_hit *h, int score, void *ctx)
{
	(void)h;
	(void)score;
	++*(int *)ctx;
}

/* Checks, shows the probable duplicates once, registers. */
static enum ui_result save(struct app *app, struct community_form *s)
{
	struct person p;
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	if (!collect(app, s, &p))
		return UI_HANDLED;
	char today[11];
	today_iso(today, sizeof today);
	const char *why, *field;
	if (community_check(&p, today, &why, &field) != ST_OK) {
		show_problem(app, s, field_named(field), why);
		return UI_HANDLED;
	}
	if (s->id) {   /* an edit: no duplicates to look for, as at intake */
		p.id = s->id;
		p.version = s->orig.version;
		enum status st = community_update(app_db(app), &p, &s->orig, &why);
		if (st != ST_OK) {
			app_error(app, _(why ? why : status_msgid(st)));
			return UI_HANDLED;
		}
		s->form.changed = false;
		app_message(app, _("Saved."));
		return UI_LEAVE;
	}
	if (!s->confirmed_new) {
		int n = 0;
		person_duplicates(app_db(app), &p, 5, count_dup, &n);
		if (n > 0) {
			duplicates_open(app, &p, &s->confirmed_new);
			return UI_HANDLED;
		}
	}
	enum status st = community_register(app_db(app), &p);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	s->form.changed = false;
	s->saved = true;
	char number[CASENUM_MAX], msg[300];
	if (!casenum_display(p.case_key, number, sizeof number))
		snprintf(number, sizeof number, "%s", p.case_key);
	snprintf(msg, sizeof msg, _("Registered as a community member with number %s."), number);
	app_message(app, msg);
	casefile_instead(app, p.id);
	return UI_HANDLED;
}

static enum ui_result community_action(struct app *app, void *state, int action)
{
	return action == ACT_SAVE ? save(app, state) : UI_IGNORED;
}

/* Enter on the last field. */
static enum ui_result community_submit(struct app *app, void *state)
{
	return save(app, state);
}

/* Back from the duplicates: the user chose to register anyway. */
static void community_resume(struct app *app, void *state)
{
	struct community_form *s = state;
	if (s->confirmed_new && !s->saved)
		save(app, s);
}

static void community_draw(struct app *app, void *state, WINDOW *win)
{
	struct community_form *s = state;
	char line[600];
	if (s->id) {
		char number[CASENUM_MAX];
		if (!casenum_display(s->orig.case_key, number, sizeof number))
			snprintf(number, sizeof number, "%s", s->orig.case_key);
		snprintf(line, sizeof line, _("Editing %s %s %s"), number, app_privacy(app) ? "*****" : s->orig.family_name,
		         app_privacy(app) ? "" : s->orig.given_names);
	} else {
		snprintf(line, sizeof line, "%s", _("New community member (no stay in a centre): fields with * are required."));
	}
	/* Wrapped, never cut: the first line says which fields are required. */
	int y = ui_put_wrapped(win, 0, 2, getmaxx(win) - 4, 2, A_BOLD, line) > 1 ? 3 : 2;
	form_draw(&s->form, win, y, getmaxy(win) - y);
}

static struct form *community_form(void *state)
{
	return &((struct community_form *)state)->form;
}

/* Defined below; the draft opener needs it. */
static const struct screen screen_community;

/* A draft is about the member edited, 0 for a new one. */
static long long community_draft_ref(void *state)
{
	return ((struct community_form *)state)->id;
}

enum status community_form_open_draft(struct app *app, long long ref, const char *json)
{
	return app_push_draft(app, &screen_community, &ref, json);
}

static const struct screen screen_community = {
	.name = "community_form",
	.title = N_("Community member"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_COMMUNITY_WRITE),
	.state_size = sizeof(struct community_form),
	.bindings = bindings,
	.enter = community_enter,
	.leave = community_leave,
	.draw = community_draw,
	.action = community_action,
	.form = community_form,
	.submit = community_submit,
	.resume = community_resume,
	.draft_kind = "community_member",
	.draft_ref = community_draft_ref,
};

enum status community_form_open(struct app *app)
{
	return app_push(app, &screen_community, NULL);
}

enum status community_edit_open(struct app *app, long long person_id)
{
	struct person p;
	if (perm_allows((int)app_user(app)->role, PERM_PERSON_READ)
	    && person_current(app_db(app), person_id, &p) == ST_OK && !person_is_community(&p)) {
		app_error(app, _("This person is registered as a migrant already."));
		return ST_OK;
	}
	return app_push(app, &screen_community, &person_id);
}
