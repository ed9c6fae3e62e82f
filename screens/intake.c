/* Registration of a new person, and editing of a registered one: identity,
 * documents, arrival, consent and vulnerability screening, in one form.
 * Before a new person is saved, the people probably the same are shown. A
 * form interrupted by a lost connection is kept as a draft. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/casenum.h"
#include "core/date.h"
#include "core/i18n.h"
#include "db/draft.h"
#include "db/person.h"
#include "db/refdata.h"
#include "screens/screens.h"
#include "screens/intake_arg.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"

enum {
	F_FAMILY, F_GIVEN, F_OTHER, F_SEX, F_BIRTH, F_AGE, F_NATIONALITY, F_LANG1, F_LANG2, F_PHONE,
	F_DOC_TYPE, F_DOC_NUMBER, F_DOC_ISSUER, F_DOC_EXPIRY, F_ARRIVAL, F_CENTRE, F_MODE,
	F_CONSENT_DATA, F_CONSENT_SHARE, F_CONSENT_DATE, F_FLAGS,
	F_FLAG_OTHER_TEXT = F_FLAGS + FLAG_COUNT_,
	F_COUNT
};
enum { ACT_SAVE = 1, ACT_RELOAD };

static const struct binding bindings[] = {
	{ ACT_SAVE, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Check and save the form (Enter on the last field too)") },
	{ ACT_RELOAD, { UI_KEYCODE(KEY_F(5)), UI_CTRL('R'), 0, 0 }, NULL,
	  N_("After a conflict: show the record as saved by the other session") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct choice sexes[] = {
	{ "f", N_("Female") }, { "m", N_("Male") }, { "x", N_("Other or not known") },
};
static const struct choice modes[] = {
	{ "self", N_("Came by themselves") }, { "rescue", N_("Desert rescue") },
	{ "police", N_("Intercepted by police") }, { "transfer", N_("Transferred from another centre") },
	{ "other", N_("Other") },
};
static const struct choice doc_types[] = {
	{ "", N_("None") }, { "passport", N_("Passport") }, { "id_card", N_("Identity card") },
	{ "birth_certificate", N_("Birth certificate") }, { "laissez_passer", N_("Laissez-passer") },
	{ "other", N_("Other document") },
};

struct intake {
	struct app *app;
	long long id;                /* 0 for a new person */
	bool from_draft;
	struct person orig;          /* as read, for edits */
	struct field_def defs[F_COUNT];
	struct form form;
	struct ref_choices *countries, *languages, *centres;
	bool conflict;
	bool confirmed_new;          /* the clerk saw the duplicates and goes on */
	bool saved;
};

/* A phone number: digits, spaces, and + - . ( ) only. */
static const char *check_phone(const char *v)
{
	for (; *v; v++)
		if (!strchr("0123456789 +-.()", *v))
			return N_("Only digits, spaces and + - . ( ).");
	return NULL;
}

/* Lays out the fields. */
static void build(struct intake *s)
{
	static const char *const labels[] = {
		[F_FAMILY] = N_("Family name"), [F_GIVEN] = N_("Given names"), [F_OTHER] = N_("Other names (a; b)"),
		[F_SEX] = N_("Sex"), [F_BIRTH] = N_("Date of birth"), [F_AGE] = N_("Or estimated age"),
		[F_NATIONALITY] = N_("Nationality"), [F_LANG1] = N_("Language spoken"),
		[F_LANG2] = N_("Other language"), [F_PHONE] = N_("Phone"), [F_DOC_TYPE] = N_("Document held"),
		[F_DOC_NUMBER] = N_("Document number"), [F_DOC_ISSUER] = N_("Issued by"),
		[F_DOC_EXPIRY] = N_("Expiry date"), [F_ARRIVAL] = N_("Arrival date"), [F_CENTRE] = N_("Centre"),
		[F_MODE] = N_("How the person came"), [F_CONSENT_DATA] = N_("Consents to data"),
		[F_CONSENT_SHARE] = N_("Consents to sharing"), [F_CONSENT_DATE] = N_("Date of consent"),
		[F_FLAG_OTHER_TEXT] = N_("Other vulnerability"),
	};
	struct field_def *d = s->defs;
	for (int i = 0; i < F_COUNT; i++)
		d[i] = (struct field_def){ .label = labels[i], .type = FIELD_TEXT, .maxlen = 60 };
	d[F_FAMILY].required = d[F_GIVEN].required = true;
	d[F_OTHER].maxlen = 100;
	d[F_SEX] = (struct field_def){ labels[F_SEX], FIELD_CHOICE, true, 0, 0, 0, false, sexes, 3, true, NULL };
	d[F_BIRTH].type = FIELD_DATE;
	d[F_BIRTH].past_only = true;
	d[F_AGE] = (struct field_def){ labels[F_AGE], FIELD_NUMBER, false, 3, 0, 110, false, NULL, 0, false, NULL };
	d[F_NATIONALITY] = (struct field_def){ labels[F_NATIONALITY], FIELD_CHOICE, false, 0, 0, 0, false,
	                                       s->countries->items, s->countries->n, false, NULL };
	d[F_LANG1] = (struct field_def){ labels[F_LANG1], FIELD_CHOICE, false, 0, 0, 0, false,
	                                 s->languages->items, s->languages->n, false, NULL };
	d[F_LANG2] = d[F_LANG1];
	d[F_LANG2].label = labels[F_LANG2];
	d[F_PHONE].maxlen = 30;
	d[F_PHONE].check = check_phone;
	d[F_DOC_TYPE] = (struct field_def){ labels[F_DOC_TYPE], FIELD_CHOICE, false, 0, 0, 0, false, doc_types, 6,
	                                    true, NULL };
	d[F_DOC_NUMBER].maxlen = 40;
	d[F_DOC_ISSUER] = d[F_NATIONALITY];
	d[F_DOC_ISSUER].label = labels[F_DOC_ISSUER];
	d[F_DOC_EXPIRY].type = FIELD_DATE;
	d[F_ARRIVAL].type = FIELD_DATE;
	d[F_ARRIVAL].required = d[F_ARRIVAL].past_only = true;
	d[F_CENTRE] = (struct field_def){ labels[F_CENTRE], FIELD_CHOICE, true, 0, 0, 0, false,
	                                  s->centres->items, s->centres->n, false, NULL };
	d[F_MODE] = (struct field_def){ labels[F_MODE], FIELD_CHOICE, true, 0, 0, 0, false, modes, 5, true, NULL };
	d[F_CONSENT_DATA] = (struct field_def){ labels[F_CONSENT_DATA], FIELD_YESNO, true, 0, 0, 0, false, NULL, 0,
	                                        false, NULL };
	d[F_CONSENT_SHARE] = d[F_CONSENT_DATA];
	d[F_CONSENT_SHARE].label = labels[F_CONSENT_SHARE];
	d[F_CONSENT_DATE].type = FIELD_DATE;
	d[F_CONSENT_DATE].required = d[F_CONSENT_DATE].past_only = true;
	for (int f = 0; f < FLAG_COUNT_; f++)
		d[F_FLAGS + f] = (struct field_def){ person_flag_label((enum person_flag)f), FIELD_YESNO, false, 0, 0,
		                                     0, false, NULL, 0, false, NULL };
	d[F_FLAG_OTHER_TEXT].maxlen = 100;
	form_init(&s->form, s->defs, F_COUNT);
}

/* Fills the form from a person. */
static void fill(struct intake *s, const struct person *p)
{
	struct form *f = &s->form;
	char sex[2] = { p->sex, 0 };
	form_set(f, F_FAMILY, p->family_name);
	form_set(f, F_GIVEN, p->given_names);
	form_set(f, F_OTHER, p->other_names);
	form_set(f, F_SEX, sex);
	form_set(f, F_BIRTH, p->birth_date);
	form_set(f, F_NATIONALITY, p->nationality);
	form_set(f, F_LANG1, p->languages[0]);
	form_set(f, F_LANG2, p->languages[1]);
	form_set(f, F_PHONE, p->phone);
	form_set(f, F_DOC_TYPE, p->docs[0].type);
	form_set(f, F_DOC_NUMBER, p->docs[0].number);
	form_set(f, F_DOC_ISSUER, p->docs[0].issued_by);
	form_set(f, F_DOC_EXPIRY, p->docs[0].expiry);
	form_set(f, F_ARRIVAL, p->arrival_date);
	form_set(f, F_CENTRE, p->centre_code);
	form_set(f, F_MODE, p->arrival_mode);
	form_set(f, F_CONSENT_DATA, p->consent_data ? "1" : "0");
	form_set(f, F_CONSENT_SHARE, p->consent_share ? "1" : "0");
	form_set(f, F_CONSENT_DATE, p->consent_date);
	for (int i = 0; i < FLAG_COUNT_; i++)
		form_set(f, F_FLAGS + i, p->flags[i] ? "1" : "0");
	form_set(f, F_FLAG_OTHER_TEXT, p->flag_other);
	f->changed = false;
}

/* Today as ISO. */
static void today_iso(char *out, size_t size)
{
	struct pdate t = clock_today();
	date_to_iso(&t, out, size);
}

/* Fills the form from the user's draft. */
static void fill_from_draft(struct intake *s)
{
	struct db *db = app_db(s->app);
	for (int i = 0; i < F_COUNT; i++) {
		char v[FORM_VALUE_MAX];
		if (draft_field(db, "intake", s->id, i, v, sizeof v) == ST_OK)
			form_set(&s->form, i, v);
	}
	s->form.changed = true;
}

static enum status intake_enter(struct app *app, void *state, const void *arg)
{
	struct intake *s = state;
	const struct intake_arg *a = arg;
	s->app = app;
	s->id = a ? a->person_id : 0;
	s->from_draft = a && a->from_draft;
	s->countries = ref_choices_load(app_db(app), REF_COUNTRY, lang_get(), REFCHOICE_WITH_NONE);
	s->languages = ref_choices_load(app_db(app), REF_LANGUAGE, lang_get(), REFCHOICE_WITH_NONE);
	s->centres = ref_choices_load(app_db(app), REF_CENTRE, lang_get(), 0);
	if (!s->countries || !s->languages || !s->centres)
		return ST_NOMEM;
	build(s);
	if (s->id) {
		enum status st = person_get(app_db(app), s->id, &s->orig);
		if (st != ST_OK)
			return st;
		fill(s, &s->orig);
	} else {
		char today[11];
		today_iso(today, sizeof today);
		form_set(&s->form, F_ARRIVAL, today);
		form_set(&s->form, F_CONSENT_DATE, today);
		form_set(&s->form, F_CENTRE, app_user(app)->centre_code);
		for (int i = 0; i < FLAG_COUNT_; i++)
			form_set(&s->form, F_FLAGS + i, "0");
		s->form.changed = false;
	}
	if (s->from_draft)
		fill_from_draft(s);
	return ST_OK;
}

static void intake_leave(struct app *app, void *state)
{
	(void)app;
	struct intake *s = state;
	ref_choices_free(&s->countries);
	ref_choices_free(&s->languages);
	ref_choices_free(&s->centres);
}

/* Reads field i. */
static void get(struct intake *s, int i, char *out, size_t size)
{
	form_get(&s->form, i, out, size);
}

/* Builds the person from the form; false (with the field in error) when the
 * fields do not agree with each other. */
static bool collect(struct intake *s, struct person *p)
{
	*p = s->orig;
	char v[FORM_VALUE_MAX];
	get(s, F_FAMILY, p->family_name, sizeof p->family_name);
	get(s, F_GIVEN, p->given_names, sizeof p->given_names);
	get(s, F_OTHER, p->other_names, sizeof p->other_names);
	get(s, F_SEX, v, sizeof v);
	p->sex = v[0] ? v[0] : 'x';
	get(s, F_BIRTH, p->birth_date, sizeof p->birth_date);
	p->birth_estimated = s->id ? s->orig.birth_estimated : false;
	char age[8], arrival[11];
	get(s, F_AGE, age, sizeof age);
	get(s, F_ARRIVAL, arrival, sizeof arrival);
	if (age[0] && p->birth_date[0] && !(s->id && strcmp(p->birth_date, s->orig.birth_date) == 0)) {
		s->form.fields[F_AGE].error = N_("Give a date of birth or an age, not both.");
		s->form.cur = F_AGE;
		return false;
	}
	if (age[0]) {
		/* An estimated age becomes an estimated year of birth. */
		int year = atoi(arrival) - atoi(age);
		snprintf(p->birth_date, sizeof p->birth_date, "%04d", year < 1900 ? 1900 : year);
		p->birth_estimated = true;
	} else if (s->id && strcmp(p->birth_date, s->orig.birth_date) != 0) {
		p->birth_estimated = false;
	}
	get(s, F_NATIONALITY, p->nationality, sizeof p->nationality);
	memset(p->languages, 0, sizeof p->languages);
	get(s, F_LANG1, p->languages[0], sizeof p->languages[0]);
	get(s, F_LANG2, p->languages[p->languages[0][0] ? 1 : 0], sizeof p->languages[0]);
	get(s, F_PHONE, p->phone, sizeof p->phone);
	memset(p->docs, 0, sizeof p->docs);
	get(s, F_DOC_TYPE, p->docs[0].type, sizeof p->docs[0].type);
	if (p->docs[0].type[0]) {
		get(s, F_DOC_NUMBER, p->docs[0].number, sizeof p->docs[0].number);
		get(s, F_DOC_ISSUER, p->docs[0].issued_by, sizeof p->docs[0].issued_by);
		get(s, F_DOC_EXPIRY, p->docs[0].expiry, sizeof p->docs[0].expiry);
	}
	snprintf(p->arrival_date, sizeof p->arrival_date, "%s", arrival);
	get(s, F_CENTRE, p->centre_code, sizeof p->centre_code);
	get(s, F_MODE, p->arrival_mode, sizeof p->arrival_mode);
	get(s, F_CONSENT_DATA, v, sizeof v);
	p->consent_data = strcmp(v, "1") == 0;
	get(s, F_CONSENT_SHARE, v, sizeof v);
	p->consent_share = strcmp(v, "1") == 0;
	get(s, F_CONSENT_DATE, p->consent_date, sizeof p->consent_date);
	for (int i = 0; i < FLAG_COUNT_; i++) {
		get(s, F_FLAGS + i, v, sizeof v);
		p->flags[i] = strcmp(v, "1") == 0;
	}
	get(s, F_FLAG_OTHER_TEXT, p->flag_other, sizeof p->flag_other);
	if (p->flags[FLAG_OTHER] && !p->flag_other[0]) {
		s->form.fields[F_FLAG_OTHER_TEXT].error = N_("Say what the other vulnerability is.");
		s->form.cur = F_FLAG_OTHER_TEXT;
		return false;
	}
	return true;
}

/* Counts the probable duplicates (callback). */
static void count_dup(const struct person_hit *h, int score, void *ctx)
{
	(void)h;
	(void)score;
	++*(int *)ctx;
}

/* Checks, looks for duplicates, saves. */
static enum ui_result save(struct app *app, struct intake *s)
{
	struct person p;
	if (!form_validate(&s->form) || !collect(s, &p)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char today[11];
	const char *why;
	today_iso(today, sizeof today);
	if (person_check(&p, today, &why) != ST_OK) {
		app_error(app, _(why));
		return UI_HANDLED;
	}
	if (!s->id && !s->confirmed_new) {
		int n = 0;
		person_duplicates(app_db(app), &p, 5, count_dup, &n);
		if (n > 0) {
			static struct duplicates_arg arg;
			arg.person = p;
			arg.go_on = &s->confirmed_new;
			app_push(app, &screen_duplicates, &arg);
			return UI_HANDLED;
		}
	}
	char changed[256];
	enum status st = person_save(app_db(app), &p, s->id ? &s->orig : NULL, changed, sizeof changed);
	if (st == ST_CONFLICT) {
		char msg[400];
		snprintf(msg, sizeof msg, _("Changed meanwhile in another session (%s). F5: show it; your changes are lost."),
		         changed);
		app_error(app, msg);
		s->conflict = true;
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	draft_discard(app_db(app), "intake", s->id);
	s->form.changed = false;
	s->saved = true;
	char number[CASENUM_MAX], msg[200];
	if (!casenum_display(p.case_key, number, sizeof number))
		snprintf(number, sizeof number, "%s", p.case_key);
	snprintf(msg, sizeof msg, s->id ? _("Saved: %s.") : _("Registered with case number %s."), number);
	app_message(app, msg);
	if (s->id)
		return UI_LEAVE;
	long long id = p.id;
	app_replace(app, &screen_casefile, &id);
	return UI_HANDLED;
}

static enum ui_result intake_input(struct app *app, void *state, int key)
{
	struct intake *s = state;
	enum form_result r = form_key(&s->form, key);
	if (r == FORM_SUBMIT)
		return save(app, s);
	return r == FORM_HANDLED ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result intake_action(struct app *app, void *state, int action)
{
	struct intake *s = state;
	if (action == ACT_SAVE)
		return save(app, s);
	if (action == ACT_RELOAD && s->conflict && s->id) {
		if (person_get(app_db(app), s->id, &s->orig) == ST_OK)
			fill(s, &s->orig);
		s->conflict = false;
		app_message(app, _("This is the record as saved now."));
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

/* Back from the duplicates: the clerk chose to register anyway. */
static void intake_resume(struct app *app, void *state)
{
	struct intake *s = state;
	if (s->confirmed_new && !s->saved)
		save(app, s);
}

static void intake_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct intake *s = state;
	char line[300];
	if (s->id) {
		char number[CASENUM_MAX];
		if (!casenum_display(s->orig.case_key, number, sizeof number))
			snprintf(number, sizeof number, "%s", s->orig.case_key);
		snprintf(line, sizeof line, _("Editing %s %s %s"), number, s->orig.family_name, s->orig.given_names);
	} else {
		snprintf(line, sizeof line, "%s", _("New registration: fields with * are required."));
	}
	ui_put(win, 0, 2, getmaxx(win) - 4, A_BOLD, line);
	form_draw(&s->form, win, 1, getmaxy(win) - 1);
}

static bool intake_unsaved(struct app *app, void *state)
{
	(void)app;
	return ((struct intake *)state)->form.changed;
}

static bool intake_typing(struct app *app, void *state)
{
	(void)app;
	return form_typing(&((struct intake *)state)->form);
}

/* The line dropped: keep the form as this user's draft. */
static void intake_hangup(struct app *app, void *state)
{
	struct intake *s = state;
	if (!s->form.changed)
		return;
	static char values[F_COUNT][FORM_VALUE_MAX];
	const char *ptrs[F_COUNT];
	for (int i = 0; i < F_COUNT; i++) {
		get(s, i, values[i], sizeof values[i]);
		ptrs[i] = values[i];
	}
	draft_save(app_db(app), "intake", s->id, ptrs, F_COUNT);
}

const struct screen screen_intake = {
	.name = "intake",
	.title = N_("Registration"),
	.needs_login = true,
	.state_size = sizeof(struct intake),
	.bindings = bindings,
	.enter = intake_enter,
	.leave = intake_leave,
	.draw = intake_draw,
	.input = intake_input,
	.action = intake_action,
	.unsaved = intake_unsaved,
	.typing = intake_typing,
	.resume = intake_resume,
	.hangup = intake_hangup,
};
