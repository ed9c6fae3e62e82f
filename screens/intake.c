/* Registration of a new person, and editing of a registered one: identity,
 * documents, arrival, consent and vulnerability screening, in one form.
 * Before a new person is saved, the people probably the same are shown. A
 * form interrupted by a lost connection is kept as a draft (by the loop). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/casenum.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "core/jsonread.h"
#include "core/person_merge.h"
#include "db/person.h"
#include "db/refdata.h"
#include "screens/community.h"
#include "screens/screens.h"
#include "screens/registration.h"
#include "screens/conflict.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"
#include "ui/vocab_choices.h"

enum {
	F_FAMILY, F_GIVEN, F_OTHER, F_SEX, F_BIRTH, F_AGE, F_NATIONALITY, F_LANG1, F_LANG2, F_PHONE,
	F_DOC_TYPE, F_DOC_NUMBER, F_DOC_ISSUER, F_DOC_EXPIRY, F_ARRIVAL, F_CENTRE, F_MODE,
	F_CONSENT_DATA, F_CONSENT_SHARE, F_CONSENT_DATE, F_FLAGS,
	F_FLAG_OTHER_TEXT = F_FLAGS + FLAG_COUNT_,
	F_COUNT
};
enum { ACT_SAVE = 1 };

static const struct binding bindings[] = {
	{ ACT_SAVE, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Check and save the form (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

struct intake {
	struct app *app;
	long long id;                /* 0 for a new person */
	struct person orig;          /* as read, for edits */
	struct person shown;         /* the form read back as filled from orig */
	bool have_shown;
	char shown_age[8];           /* the estimated age the form showed, "" none */
	struct field_def defs[F_COUNT];
	struct form form;
	struct ref_choices *countries, *languages, *centres;
	bool resolving;              /* the conflict chooser is open over the form */
	struct person merged;        /* after a conflict: the form's values merged with the saved ones */
	const struct person_field *both[CONFLICT_MAX];   /* the fields of choice.fields */
	struct conflict_choice choice;
	bool confirmed_new;          /* the clerk saw the duplicates and goes on */
	bool saved;
	/* An edit's form as filled from orig, and its base as drafts keep it
	 * (form_keep_base): they differ when a draft resumed began on an
	 * older record than orig. */
	char filled[FORM_MAX_FIELDS][FORM_VALUE_MAX];
	char base[FORM_MAX_FIELDS][FORM_VALUE_MAX];
};

/* What each field of the form edits: a field of the person, whose name
 * (the key of the audit trail and of drafts) and label come from the one
 * field table (core/person.h), or, where the form splits a field or adds
 * one, its own name and label. The vulnerability flags are named and
 * labelled by the code list. */
static const struct {
	const char *name;
	const char *label;    /* msgid, or NULL: the field table's */
} form_fields[F_COUNT] = {
	[F_FAMILY] = { "family_name", NULL }, [F_GIVEN] = { "given_names", NULL },
	[F_OTHER] = { "other_names", NULL }, [F_SEX] = { "sex", NULL }, [F_BIRTH] = { "birth_date", NULL },
	[F_AGE] = { "estimated_age", N_("Or estimated age") }, [F_NATIONALITY] = { "nationality", NULL },
	[F_LANG1] = { "language_1", N_("Language spoken") }, [F_LANG2] = { "language_2", N_("Other language") },
	[F_PHONE] = { "phone", NULL }, [F_DOC_TYPE] = { "document_type", N_("Document held") },
	[F_DOC_NUMBER] = { "document_number", N_("Document number") },
	[F_DOC_ISSUER] = { "document_issued_by", N_("Issued by") },
	[F_DOC_EXPIRY] = { "document_expiry", N_("Expiry date") }, [F_ARRIVAL] = { "arrival_date", NULL },
	[F_CENTRE] = { "centre", NULL }, [F_MODE] = { "arrival_mode", NULL },
	[F_CONSENT_DATA] = { "consent_data", NULL }, [F_CONSENT_SHARE] = { "consent_share", NULL },
	[F_CONSENT_DATE] = { "consent_date", NULL }, [F_FLAG_OTHER_TEXT] = { "flag_other", NULL },
};

/* The label msgid of form field i. */
static const char *label_of(int i)
{
	if (form_fields[i].label)
		return form_fields[i].label;
	const struct person_field *pf = person_field_find(form_fields[i].name);
	return pf ? pf->label : form_fields[i].name;
}

/* Lays out the fields. */
static void build(struct intake *s)
{
	const char *labels[F_COUNT];
	for (int i = 0; i < F_COUNT; i++)
		labels[i] = i >= F_FLAGS && i < F_FLAGS + FLAG_COUNT_ ? NULL : label_of(i);
	struct field_def *d = s->defs;
	for (int i = 0; i < F_COUNT; i++)
		d[i] = (struct field_def){ .label = labels[i], .type = FIELD_TEXT, .maxlen = 60 };
	d[F_FAMILY].required = d[F_GIVEN].required = true;
	d[F_OTHER].maxlen = 100;
	d[F_SEX] = (struct field_def){ .label = labels[F_SEX], .type = FIELD_CHOICE, .required = true,
	                               .labels_are_msgids = true };
	d[F_SEX].choices = vocab_choices(VOCAB_SEX, false, &d[F_SEX].nchoices);
	d[F_BIRTH].type = FIELD_DATE;
	d[F_BIRTH].past_only = true;
	d[F_AGE] = (struct field_def){ .label = labels[F_AGE], .type = FIELD_NUMBER, .maxlen = 3, .max = 110 };
	d[F_NATIONALITY] = (struct field_def){ .label = labels[F_NATIONALITY], .type = FIELD_CHOICE,
	                                       .choices = s->countries->items, .nchoices = s->countries->n };
	d[F_LANG1] = (struct field_def){ .label = labels[F_LANG1], .type = FIELD_CHOICE,
	                                 .choices = s->languages->items, .nchoices = s->languages->n };
	d[F_LANG2] = d[F_LANG1];
	d[F_LANG2].label = labels[F_LANG2];
	d[F_PHONE].maxlen = 30;
	d[F_PHONE].check = person_phone_problem;
	d[F_DOC_TYPE] = (struct field_def){ .label = labels[F_DOC_TYPE], .type = FIELD_CHOICE,
	                                    .labels_are_msgids = true };
	d[F_DOC_TYPE].choices = vocab_choices(VOCAB_DOC_TYPE, true, &d[F_DOC_TYPE].nchoices);
	d[F_DOC_NUMBER].maxlen = 40;
	d[F_DOC_ISSUER] = d[F_NATIONALITY];
	d[F_DOC_ISSUER].label = labels[F_DOC_ISSUER];
	d[F_DOC_EXPIRY].type = FIELD_DATE;
	d[F_ARRIVAL].type = FIELD_DATE;
	d[F_ARRIVAL].required = d[F_ARRIVAL].past_only = true;
	d[F_CENTRE] = (struct field_def){ .label = labels[F_CENTRE], .type = FIELD_CHOICE, .required = true,
	                                  .choices = s->centres->items, .nchoices = s->centres->n };
	d[F_MODE] = (struct field_def){ .label = labels[F_MODE], .type = FIELD_CHOICE, .required = true,
	                                .labels_are_msgids = true };
	d[F_MODE].choices = vocab_choices(VOCAB_ARRIVAL_MODE, false, &d[F_MODE].nchoices);
	d[F_CONSENT_DATA] = (struct field_def){ .label = labels[F_CONSENT_DATA], .type = FIELD_YESNO,
	                                        .required = true };
	d[F_CONSENT_SHARE] = d[F_CONSENT_DATA];
	d[F_CONSENT_SHARE].label = labels[F_CONSENT_SHARE];
	d[F_CONSENT_DATE].type = FIELD_DATE;
	d[F_CONSENT_DATE].required = d[F_CONSENT_DATE].past_only = true;
	for (int f = 0; f < FLAG_COUNT_; f++)
		d[F_FLAGS + f] = (struct field_def){ .label = person_flag_label((enum person_flag)f),
	                                             .type = FIELD_YESNO };
	d[F_FLAG_OTHER_TEXT].maxlen = 100;
	for (int i = 0; i < F_COUNT; i++)
		d[i].name = i >= F_FLAGS && i < F_FLAGS + FLAG_COUNT_ ? person_flag_name((enum person_flag)(i - F_FLAGS))
		                                                      : form_fields[i].name;
	form_init(&s->form, s->defs, F_COUNT);
}

/* Today as ISO. */
static void today_iso(char *out, size_t size)
{
	struct pdate t = clock_today();
	date_to_iso(&t, out, size);
}

static bool collect(struct intake *s, struct person *p);

/* Fills the form from a person. */
static void fill(struct intake *s, const struct person *p)
{
	struct form *f = &s->form;
	char sex[2] = { p->sex, 0 };
	form_set(f, F_FAMILY, p->family_name);
	form_set(f, F_GIVEN, p->given_names);
	form_set(f, F_OTHER, p->other_names);
	form_set(f, F_SEX, sex);
	/* An estimated age shows as the age it gives today, as typed; the
	 * year of birth it was kept as is no date anyone gave. */
	int years;
	bool approx, child;
	struct pdate today = clock_today();
	if (p->birth_estimated && person_age(p->birth_date, true, &today, &years, &approx, &child)) {
		char age[8];
		snprintf(age, sizeof age, "%d", years);
		form_set(f, F_BIRTH, "");
		form_set(f, F_AGE, age);
	} else {
		form_set(f, F_BIRTH, p->birth_date);
		form_set(f, F_AGE, "");
	}
	form_get(f, F_AGE, s->shown_age, sizeof s->shown_age);
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
	/* What the untouched form gives: a field the same at saving was not
	 * touched and keeps its stored value. */
	s->have_shown = collect(s, &s->shown);
	f->cur = 0;
	f->fields[F_AGE].error = f->fields[F_FLAG_OTHER_TEXT].error = NULL;
}

/* What the form is opened with. */
struct intake_arg {
	long long person_id;   /* 0: a new person */
};

/* The form as filled now is what the edit begins from, and its base. */
static void keep_filled(struct intake *s)
{
	form_keep_base(&s->form, s->base);
	memcpy(s->filled, s->base, sizeof s->filled);
}

static enum status intake_enter(struct app *app, void *state, const void *arg)
{
	struct intake *s = state;
	const struct intake_arg *a = arg;
	s->app = app;
	s->id = a ? a->person_id : 0;
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
		keep_filled(s);
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
	char birth[11], age[8], arrival[11], today[11];
	get(s, F_BIRTH, birth, sizeof birth);
	get(s, F_AGE, age, sizeof age);
	get(s, F_ARRIVAL, arrival, sizeof arrival);
	/* An edit shows the saved date: an age typed beside it replaces it;
	 * it shows an estimated age: a date typed beside it replaces it. */
	if (s->id && age[0] && strcmp(birth, s->orig.birth_date) == 0)
		birth[0] = '\0';
	else if (s->id && birth[0] && age[0] && strcmp(age, s->shown_age) == 0)
		age[0] = '\0';
	/* The age is the one said today, as every screen shows it. */
	today_iso(today, sizeof today);
	const char *why = person_set_birth(p, birth, age, today);
	if (why) {
		s->form.fields[F_AGE].error = why;
		s->form.cur = F_AGE;
		return false;
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
	if ((why = person_flags_problem(p))) {
		s->form.fields[F_FLAG_OTHER_TEXT].error = why;
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

/* The translated labels of the comma-separated field names in names. */
static void changed_labels(const char *names, char *out, size_t size)
{
	out[0] = '\0';
	for (const char *w = names; *w;) {
		size_t n = strcspn(w, ",");
		char name[40];
		snprintf(name, sizeof name, "%.*s", (int)n, w);
		const struct person_field *f = person_field_find(name);
		size_t len = strlen(out);
		snprintf(out + len, size - len, "%s%s", len ? ", " : "", f ? _(f->label) : name);
		w += n + (w[n] == ',');
	}
}

/* Shows the problem msgid with the label of the form field named name (the
 * field gets it too, and the cursor), or alone. */
static void show_problem(struct app *app, struct intake *s, const char *name, const char *msgid)
{
	if (name && strcmp(name, "documents") == 0)
		name = "document_type";   /* the form shows the first document */
	for (int i = 0; name && i < F_COUNT; i++)
		if (s->defs[i].name && strcmp(s->defs[i].name, name) == 0) {
			char msg[400];
			s->form.fields[i].error = msgid;
			s->form.cur = i;
			snprintf(msg, sizeof msg, _("%s: %s"), _(s->defs[i].label), _(msgid));
			/* Too wide for the message line: the message alone, the
			 * cursor being on the field. */
			app_error(app, text_width(msg) <= COLS - 2 ? msg : _(msgid));
			return;
		}
	app_error(app, _(msgid));
}

/* The label of value in a reference choice list, or value. */
static const char *choice_label(const struct ref_choices *c, const char *value)
{
	for (int i = 0; c && i < c->n; i++)
		if (strcmp(c->items[i].value, value) == 0)
			return c->items[i].label;
	return value;
}

/* Appends text to out, after a comma when out is not empty. */
static void append(char *out, size_t size, const char *text)
{
	size_t len = strlen(out);
	snprintf(out + len, size - len, "%s%s", len ? ", " : "", text);
}

/* Field f of p as the user reads it: labels, not codes; dates as typed. */
static void shown_value(const struct intake *s, const struct person_field *f, const struct person *p, char *out,
                        size_t size)
{
	char v[1024];
	person_field_get(f, p, v, sizeof v);
	out[0] = '\0';
	if (strcmp(f->name, "nationality") == 0) {
		snprintf(out, size, "%s", v[0] ? choice_label(s->countries, v) : "");
	} else if (strcmp(f->name, "centre") == 0) {
		snprintf(out, size, "%s", choice_label(s->centres, v));
	} else if (strcmp(f->name, "languages") == 0) {
		for (int i = 0; i < PERSON_MAX_LANGS && p->languages[i][0]; i++)
			append(out, size, choice_label(s->languages, p->languages[i]));
	} else if (strcmp(f->name, "documents") == 0) {
		for (int i = 0; i < PERSON_MAX_DOCS && p->docs[i].type[0]; i++) {
			const char *type = vocab_label(VOCAB_DOC_TYPE, p->docs[i].type);
			char doc[200];
			snprintf(doc, sizeof doc, "%s %s", type ? _(type) : p->docs[i].type, p->docs[i].number);
			append(out, size, doc);
		}
	} else if (strcmp(f->name, "flags") == 0) {
		for (int i = 0; i < FLAG_COUNT_; i++)
			if (p->flags[i])
				append(out, size, _(person_flag_label((enum person_flag)i)));
	} else if (f->kind == PF_BOOL) {
		snprintf(out, size, "%s", v[0] == '1' ? _("yes") : _("no"));
	} else if (f->kind == PF_DATE && v[0]) {
		struct pdate d;
		if (date_from_iso(v, &d) == DATE_OK)
			date_format(&d, out, size);
		else
			snprintf(out, size, "%s", v);
		if (strcmp(f->name, "birth_date") == 0 && p->birth_estimated)
			append(out, size, _("estimated"));
	} else if (f->kind == PF_CODE && f->vocab && v[0]) {
		const char *label = vocab_label(f->vocab, v);
		snprintf(out, size, "%s", label ? _(label) : v);
	} else {
		snprintf(out, size, "%s", v);
	}
	if (!out[0])
		snprintf(out, size, "%s", _("(empty)"));
}

/* Shows s->merged in the form, as unsaved changes over s->orig (the record
 * as saved now, which an edit is compared with). */
static void show_merged(struct intake *s)
{
	fill(s, &s->orig);
	keep_filled(s);
	struct person shown = s->shown;
	bool have = s->have_shown;
	char age[sizeof s->shown_age];
	memcpy(age, s->shown_age, sizeof age);
	fill(s, &s->merged);
	s->shown = shown;
	s->have_shown = have;
	memcpy(s->shown_age, age, sizeof age);
	form_set(&s->form, F_AGE, "");   /* an age typed is in the merged birth date */
	s->form.changed = true;
}

/* True when the form's base differs from the form as filled from orig: a
 * draft resumed that began on an older version of the record. Then *base
 * gets what the base values give. */
static bool began_on_older(struct intake *s, struct person *base)
{
	bool older = false;
	for (int i = 0; i < s->form.n && !older; i++)
		older = strcmp(s->base[i], s->filled[i]) != 0;
	if (!older)
		return false;
	/* The base values read as the form reads them, the typed ones put back. */
	static char typed[FORM_MAX_FIELDS][FORM_VALUE_MAX];
	bool changed = s->form.changed;
	for (int i = 0; i < s->form.n; i++) {
		form_get(&s->form, i, typed[i], FORM_VALUE_MAX);
		form_set(&s->form, i, s->base[i]);
	}
	char age[sizeof s->shown_age];
	memcpy(age, s->shown_age, sizeof age);
	form_get(&s->form, F_AGE, s->shown_age, sizeof s->shown_age);
	bool ok = collect(s, base);
	memcpy(s->shown_age, age, sizeof age);
	for (int i = 0; i < s->form.n; i++)
		form_set(&s->form, i, typed[i]);
	s->form.changed = changed;
	return ok;
}

/* Another session saved the person while mine (the form's values) was
 * typed: its changes to other fields go into the form, the record as saved
 * becomes the one this edit is based on, and for each field both changed
 * the user chooses the value to keep. */
static void resolve_conflict(struct app *app, struct intake *s, struct person *mine)
{
	struct person theirs;
	enum status st = person_current(app_db(app), s->id, &theirs);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return;
	}
	char taken[256], both[256];
	person_merge(&s->orig, &theirs, mine, taken, sizeof taken, both, sizeof both);
	s->orig = theirs;
	s->merged = *mine;
	s->choice.n = 0;
	for (const char *w = both; *w && s->choice.n < CONFLICT_MAX;) {
		size_t n = strcspn(w, ",");
		char name[40];
		snprintf(name, sizeof name, "%.*s", (int)n, w);
		w += n + (w[n] == ',');
		const struct person_field *f = person_field_find(name);
		if (!f)
			continue;
		struct conflict_field *c = &s->choice.fields[s->choice.n];
		s->both[s->choice.n++] = f;
		c->label = f->label;
		shown_value(s, f, mine, c->mine, sizeof c->mine);
		shown_value(s, f, &theirs, c->theirs, sizeof c->theirs);
		c->keep_theirs = false;
	}
	show_merged(s);
	if (s->choice.n == 0) {
		char msg[600], labels[400];
		changed_labels(taken, labels, sizeof labels);
		snprintf(msg, sizeof msg, _("Another session saved this person meanwhile; its changes (%s) are now in the "
		                            "form with yours. Check, then F2 saves."),
		         labels);
		app_message(app, msg);
		return;
	}
	s->resolving = true;
	conflict_open(app, &s->choice);
}

/* Back from the conflict chooser: the values chosen go into the form. */
static void apply_choices(struct app *app, struct intake *s)
{
	s->resolving = false;
	for (int i = 0; i < s->choice.n; i++) {
		if (!s->choice.fields[i].keep_theirs)
			continue;
		char v[1024];
		person_field_get(s->both[i], &s->orig, v, sizeof v);
		person_field_set(s->both[i], &s->merged, v);
		if (strcmp(s->both[i]->name, "birth_date") == 0)
			s->merged.birth_estimated = s->orig.birth_estimated;
	}
	show_merged(s);
	app_message(app, _("The values chosen are in the form: check, then F2 saves."));
}

/* Checks, looks for duplicates, saves. */
static enum ui_result save(struct app *app, struct intake *s)
{
	struct person p;
	if (!form_validate(&s->form) || !collect(s, &p)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	if (s->id && s->have_shown) {
		struct person edited = p, base;
		if (began_on_older(s, &base)) {
			/* The record as the draft began on it, and the draft's
			 * changes over it: merged with what was saved since, as two
			 * sessions editing at once are. */
			struct person then = s->orig, mine;
			person_apply_edit(&then, &s->shown, &base);
			mine = then;
			person_apply_edit(&mine, &base, &edited);
			s->orig = then;
			resolve_conflict(app, s, &mine);
			return UI_HANDLED;
		}
		p = s->orig;
		person_apply_edit(&p, &s->shown, &edited);
	}
	char today[11];
	const char *why;
	today_iso(today, sizeof today);
	const char *field;
	if ((why = person_consistency_problem(&p, today, &field))) {
		show_problem(app, s, field, why);
		return UI_HANDLED;
	}
	if (person_check(&p, today, &why) != ST_OK) {
		app_error(app, _(why));
		return UI_HANDLED;
	}
	if (!s->id && !s->confirmed_new) {
		int n = 0;
		person_duplicates(app_db(app), &p, 5, count_dup, &n);
		if (n > 0) {
			duplicates_open(app, &p, &s->confirmed_new);
			return UI_HANDLED;
		}
	}
	char changed[256];
	enum status st = person_save(app_db(app), &p, s->id ? &s->orig : NULL, changed, sizeof changed);
	if (st == ST_CONFLICT && collect(s, &p)) {
		/* Mine: the fields typed, over the record as it was read. */
		if (s->have_shown) {
			struct person edited = p;
			p = s->orig;
			person_apply_edit(&p, &s->shown, &edited);
		}
		resolve_conflict(app, s, &p);
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	s->form.changed = false;
	s->saved = true;
	char number[CASENUM_MAX], msg[600];
	if (!casenum_display(p.case_key, number, sizeof number))
		snprintf(number, sizeof number, "%s", p.case_key);
	snprintf(msg, sizeof msg, s->id ? _("Saved: %s.") : _("Registered with case number %s."), number);
	if (s->id && changed[0]) {
		/* Another session saved other fields meanwhile: both are kept. */
		char labels[400];
		changed_labels(changed, labels, sizeof labels);
		snprintf(msg, sizeof msg, _("Saved: %s, with what another session saved meanwhile (%s)."), number, labels);
	}
	app_message(app, msg);
	if (s->id)
		return UI_LEAVE;
	casefile_instead(app, p.id);
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
	return UI_IGNORED;
}

/* Back from the duplicates: the clerk chose to register anyway. */
static void intake_resume(struct app *app, void *state)
{
	struct intake *s = state;
	if (s->resolving)
		apply_choices(app, s);
	else if (s->confirmed_new && !s->saved)
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

/* The form, for the loop's drafts. */
static struct form *intake_form(void *state)
{
	return &((struct intake *)state)->form;
}

/* A draft is about the person edited, 0 for a new one. */
static long long intake_draft_ref(void *state)
{
	return ((struct intake *)state)->id;
}

/* Drafts kept before fields had names held them by position, in this
 * order (the vulnerability flags in enum person_flag order, then the
 * text of the other one). Never change it. */
static const char *const by_position[] = {
	"family_name", "given_names", "other_names", "sex", "birth_date", "estimated_age", "nationality",
	"language_1", "language_2", "phone", "document_type", "document_number", "document_issued_by",
	"document_expiry", "arrival_date", "centre", "arrival_mode", "consent_data", "consent_share",
	"consent_date", "unaccompanied_child", "separated_child", "accompanied_child", "pregnant",
	"trafficking_presumed", "trafficking_identified", "violence_victim", "older_person",
	"serious_medical", "disability", "asylum_seeker", "other", "flag_other",
};

/* Renames a member "fN" of a draft by position to its field's name. */
static void rename_positional(const char *key, const char *value, void *ctx)
{
	struct jsonbuf *j = ctx;
	char *end;
	long i = key[0] == 'f' && key[1] >= '0' && key[1] <= '9' ? strtol(key + 1, &end, 10) : -1;
	if (i >= 0 && !*end && i < (long)(sizeof by_position / sizeof by_position[0]))
		jsonbuf_put_str(j, by_position[i], value);
	else
		jsonbuf_put_str(j, key, value);
}

/* Defined below; the draft opener needs it. */
static const struct screen screen_intake;

enum status intake_open_draft(struct app *app, long long person_id, const char *json)
{
	static struct jsonbuf named;
	jsonbuf_init(&named);
	if (strstr(json, "\"f0\"") && jsonread_object(json, rename_positional, &named))
		json = jsonbuf_text(&named);
	struct intake_arg arg = { person_id };
	return app_push_draft(app, &screen_intake, &arg, json);
}

static const struct screen screen_intake = {
	.name = "intake",
	.title = N_("Registration"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PERSON_WRITE),
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
	.form = intake_form,
	.draft_kind = "intake",
	.draft_ref = intake_draft_ref,
};

enum status intake_open(struct app *app, long long person_id)
{
	/* A community member has the short registration, without arrival. */
	struct person p;
	if (person_id && person_current(app_db(app), person_id, &p) == ST_OK && person_is_community(&p))
		return community_edit_open(app, person_id);
	struct intake_arg a = { person_id };
	return app_push(app, &screen_intake, &a);
}
