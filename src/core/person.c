/* The fields of a person, their text form, and the rules that need no
 * database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/date.h"
#include "core/i18n.h"
#include "core/person.h"
#include "core/vocab.h"

const char *person_flag_name(enum person_flag f)
{
	return vocab_code(VOCAB_FLAG, (int)f);
}

const char *person_flag_label(enum person_flag f)
{
	const struct vocab_item *it = vocab_item(VOCAB_FLAG, (int)f);
	return it ? it->label : "";
}

const char *person_flag_short(enum person_flag f)
{
	const struct vocab_item *it = vocab_item(VOCAB_FLAG, (int)f);
	return it ? it->short_label : "";
}

/* Appends sep (unless out is empty) and s to out, cut to size. */
static void append(char *out, size_t size, char sep, const char *s)
{
	size_t len = strlen(out);
	if (len + 1 < size)
		snprintf(out + len, size - len, "%s%s", len ? (char[]){ sep, '\0' } : "", s);
}

/* Copies the n bytes of s into out[size]; false when they do not fit. */
static bool copy_n(char *out, size_t size, const char *s, size_t n)
{
	if (n >= size)
		return false;
	memcpy(out, s, n);
	out[n] = '\0';
	return true;
}

static void get_sex(const struct person *p, char *out, size_t size)
{
	snprintf(out, size, "%s", p->sex ? (char[]){ p->sex, '\0' } : "");
}

static bool set_sex(struct person *p, const char *v)
{
	if (strlen(v) > 1)
		return false;
	p->sex = v[0];
	return true;
}

static void get_languages(const struct person *p, char *out, size_t size)
{
	out[0] = '\0';
	for (int i = 0; i < PERSON_MAX_LANGS && p->languages[i][0]; i++)
		append(out, size, ';', p->languages[i]);
}

static bool set_languages(struct person *p, const char *v)
{
	char langs[PERSON_MAX_LANGS][4] = { { 0 } };
	int n = 0;
	for (const char *s = v; *s;) {
		size_t len = strcspn(s, ";");
		if (len && (n == PERSON_MAX_LANGS || !copy_n(langs[n++], sizeof langs[0], s, len)))
			return false;
		s += len + (s[len] == ';');
	}
	memcpy(p->languages, langs, sizeof langs);
	return true;
}

static void get_documents(const struct person *p, char *out, size_t size)
{
	out[0] = '\0';
	for (int i = 0; i < PERSON_MAX_DOCS && p->docs[i].type[0]; i++) {
		const struct person_doc *d = &p->docs[i];
		char one[sizeof *d + 4];
		snprintf(one, sizeof one, "%s:%s:%s:%s", d->type, d->number, d->issued_by, d->expiry);
		append(out, size, ';', one);
	}
}

/* Reads one "type:number:issued_by:expiry" of len bytes; the number may
 * hold ':' (the type, issuer and expiry never do). */
static bool read_document(const char *s, size_t len, struct person_doc *d)
{
	const char *end = s + len, *c1 = memchr(s, ':', len), *c2 = NULL, *c3 = NULL;
	for (const char *c = s; c < end; c++)
		if (*c == ':') {
			c2 = c3;
			c3 = c;
		}
	if (!c1 || !c2 || c2 == c1)
		return false;   /* fewer than four parts */
	return copy_n(d->type, sizeof d->type, s, (size_t)(c1 - s))
	       && copy_n(d->number, sizeof d->number, c1 + 1, (size_t)(c2 - c1 - 1))
	       && copy_n(d->issued_by, sizeof d->issued_by, c2 + 1, (size_t)(c3 - c2 - 1))
	       && copy_n(d->expiry, sizeof d->expiry, c3 + 1, (size_t)(end - c3 - 1));
}

static bool set_documents(struct person *p, const char *v)
{
	struct person_doc docs[PERSON_MAX_DOCS];
	memset(docs, 0, sizeof docs);
	int n = 0;
	for (const char *s = v; *s;) {
		size_t len = strcspn(s, ";");
		if (len && (n == PERSON_MAX_DOCS || !read_document(s, len, &docs[n++])))
			return false;
		s += len + (s[len] == ';');
	}
	memcpy(p->docs, docs, sizeof docs);
	return true;
}

static void get_flags(const struct person *p, char *out, size_t size)
{
	out[0] = '\0';
	for (int f = 0; f < FLAG_COUNT_; f++)
		if (p->flags[f])
			append(out, size, ';', person_flag_name((enum person_flag)f));
}

static bool set_flags(struct person *p, const char *v)
{
	bool flags[FLAG_COUNT_] = { false };
	for (const char *s = v; *s;) {
		size_t len = strcspn(s, ";");
		char code[40];
		if (len && !copy_n(code, sizeof code, s, len))
			return false;
		int f = len ? vocab_index(VOCAB_FLAG, code) : -2;
		if (f == -1 || f >= FLAG_COUNT_)
			return false;
		if (f >= 0)
			flags[f] = true;
		s += len + (s[len] == ';');
	}
	memcpy(p->flags, flags, sizeof flags);
	return true;
}

#define TEXT(name, label, kind, vocab, member) \
	{ name, label, kind, vocab, offsetof(struct person, member), sizeof((struct person *)0)->member, NULL, NULL }
#define BOOL(name, label, member) \
	{ name, label, PF_BOOL, NULL, offsetof(struct person, member), sizeof(bool), NULL, NULL }
#define BY(name, label, kind, vocab, what) { name, label, kind, vocab, 0, 0, get_##what, set_##what }

const struct person_field person_fields[] = {
	TEXT("family_name", N_("Family name"), PF_TEXT, NULL, family_name),
	TEXT("given_names", N_("Given names"), PF_TEXT, NULL, given_names),
	TEXT("other_names", N_("Other names (a; b)"), PF_TEXT, NULL, other_names),
	BY("sex", N_("Sex"), PF_CODE, VOCAB_SEX, sex),
	TEXT("birth_date", N_("Date of birth"), PF_DATE, NULL, birth_date),
	BOOL("birth_estimated", N_("Date of birth estimated"), birth_estimated),
	TEXT("nationality", N_("Nationality"), PF_CODE, NULL, nationality),
	BY("languages", N_("Languages"), PF_LIST, NULL, languages),
	TEXT("phone", N_("Phone"), PF_TEXT, NULL, phone),
	BY("documents", N_("Documents"), PF_LIST, VOCAB_DOC_TYPE, documents),
	TEXT("arrival_date", N_("Arrival date"), PF_DATE, NULL, arrival_date),
	TEXT("centre", N_("Centre"), PF_CODE, NULL, centre_code),
	TEXT("arrival_mode", N_("How the person came"), PF_CODE, VOCAB_ARRIVAL_MODE, arrival_mode),
	BOOL("consent_data", N_("Consents to data"), consent_data),
	BOOL("consent_share", N_("Consents to sharing"), consent_share),
	TEXT("consent_date", N_("Date of consent"), PF_DATE, NULL, consent_date),
	BY("flags", N_("Vulnerabilities"), PF_LIST, VOCAB_FLAG, flags),
	TEXT("flag_other", N_("Other vulnerability"), PF_TEXT, NULL, flag_other),
};
const int person_field_count = (int)(sizeof person_fields / sizeof person_fields[0]);

const struct person_field *person_field_find(const char *name)
{
	for (int i = 0; name && i < person_field_count; i++)
		if (strcmp(person_fields[i].name, name) == 0)
			return &person_fields[i];
	return NULL;
}

void person_field_get(const struct person_field *f, const struct person *p, char *out, size_t size)
{
	if (!size)
		return;
	const char *at = (const char *)p + f->offset;
	if (f->get)
		f->get(p, out, size);
	else if (f->kind == PF_BOOL)
		snprintf(out, size, "%s", *(const bool *)(const void *)at ? "1" : "0");
	else
		snprintf(out, size, "%.*s", (int)f->size, at);
}

bool person_field_set(const struct person_field *f, struct person *p, const char *value)
{
	char *at = (char *)p + f->offset;
	if (f->set)
		return f->set(p, value);
	if (f->kind == PF_BOOL) {
		if (strcmp(value, "1") != 0 && strcmp(value, "0") != 0)
			return false;
		*(bool *)(void *)at = value[0] == '1';
		return true;
	}
	return copy_n(at, f->size, value, strlen(value));
}

void person_apply_edit(struct person *p, const struct person *shown, const struct person *edited)
{
	for (int i = 0; i < person_field_count; i++) {
		const struct person_field *f = &person_fields[i];
		char before[2048], after[2048];
		person_field_get(f, shown, before, sizeof before);
		person_field_get(f, edited, after, sizeof after);
		if (strcmp(before, after) != 0)
			person_field_set(f, p, after);
	}
}

bool person_is_community(const struct person *p)
{
	return strcmp(p->kind, "community") == 0;
}

const char *person_phone_problem(const char *phone)
{
	for (const char *c = phone; *c; c++)
		if (!strchr("0123456789 +-.()", *c))
			return N_("Only digits, spaces and + - . ( ).");
	return NULL;
}

const char *person_birth_problem(const struct person *p)
{
	struct pdate d;
	if (!p->birth_estimated)
		return NULL;
	if (!p->birth_date[0])
		return N_("An estimated age needs its year of birth.");
	if (date_from_iso(p->birth_date, &d) == DATE_OK && d.prec != DATE_YEAR)
		return N_("Give a date of birth or an age, not both.");
	return NULL;
}

const char *person_set_birth(struct person *p, const char *date, const char *age, const char *on_day)
{
	if (date && date[0] && age && age[0])
		return N_("Give a date of birth or an age, not both.");
	if (age && age[0]) {
		char *end;
		long years = strtol(age, &end, 10);
		if (*end || years < 0 || years > 150)
			return N_("The age is not valid.");
		long year = strtol(on_day, NULL, 10) - years;
		snprintf(p->birth_date, sizeof p->birth_date, "%04d", year < 1900 ? 1900 : year > 9999 ? 9999 : (int)year);
		p->birth_estimated = true;
	} else if (date && date[0]) {
		if (strcmp(date, p->birth_date) != 0) {
			if (strlen(date) >= sizeof p->birth_date)
				return N_("The date of birth is not valid or is in the future.");
			snprintf(p->birth_date, sizeof p->birth_date, "%s", date);
			p->birth_estimated = false;
		}
	} else {
		p->birth_date[0] = '\0';
		p->birth_estimated = false;
	}
	return NULL;
}

const char *person_flags_problem(const struct person *p)
{
	if (p->flags[FLAG_OTHER] && !p->flag_other[0])
		return N_("Say what the other vulnerability is.");
	return NULL;
}

/* The age of p on its arrival date, -1 when unknown. */
static int age_on_arrival(const struct person *p)
{
	struct pdate on;
	int years;
	bool approx, child;
	if (date_from_iso(p->arrival_date, &on) != DATE_OK || on.prec != DATE_DAY
	    || !person_age(p->birth_date, p->birth_estimated, &on, &years, &approx, &child))
		return -1;
	return years;
}

const char *person_consistency_problem(const struct person *p, const char *today, const char **field)
{
	static const enum person_flag child_flags[] = { FLAG_UNACCOMPANIED_CHILD, FLAG_SEPARATED_CHILD,
		                                        FLAG_ACCOMPANIED_CHILD };
	int age = age_on_arrival(p);
	const char *none = NULL;
	if (!field)
		field = &none;
	*field = NULL;
	/* Without consent to data collection only what assistance needs is
	 * kept (names, sex, age, arrival, languages, vulnerabilities): no
	 * contact, document or alias, and nothing to share. */
	if (!p->consent_data) {
		static const char *const not_kept[] = { "other_names", "phone", "documents" };
		for (size_t i = 0; i < sizeof not_kept / sizeof not_kept[0]; i++) {
			char v[8];
			person_field_get(person_field_find(not_kept[i]), p, v, sizeof v);
			if (v[0]) {
				*field = not_kept[i];
				return N_("Not kept without consent to data: leave it empty.");
			}
		}
		if (p->consent_share) {
			*field = "consent_share";
			return N_("Sharing needs consent to data collection.");
		}
	}
	/* The birth span starts after the arrival day: born after arriving. */
	if (p->birth_date[0] && p->arrival_date[0] && strncmp(p->arrival_date, p->birth_date, strlen(p->birth_date)) < 0) {
		*field = "arrival_date";
		return N_("Before the date of birth.");
	}
	if (p->consent_date[0] && today && strcmp(p->consent_date, today) > 0) {
		*field = "consent_date";
		return N_("Cannot be in the future.");
	}
	for (size_t i = 0; i < sizeof child_flags / sizeof child_flags[0]; i++)
		if (p->flags[child_flags[i]] && age >= 18) {
			*field = person_flag_name(child_flags[i]);
			return N_("18 or over on arrival: check the age.");
		}
	if (p->flags[FLAG_PREGNANT] && p->sex == 'm') {
		*field = person_flag_name(FLAG_PREGNANT);
		return N_("Recorded as a man: check the sex.");
	}
	if (p->flags[FLAG_OLDER_PERSON] && age >= 0 && age < 50) {
		*field = person_flag_name(FLAG_OLDER_PERSON);
		return N_("Under 50 on arrival: check the age.");
	}
	return NULL;
}

bool person_age(const char *birth, bool estimated, const struct pdate *today, int *years, bool *approx,
                bool *child)
{
	struct pdate b;
	int min, max;
	*years = 0;
	*approx = *child = false;
	if (!birth || !birth[0] || date_from_iso(birth, &b) != DATE_OK || date_age_range(&b, today, &min, &max) != 0)
		return false;
	/* A partial date counts as one day of its span: an estimated year as
	 * 1 January (so the age typed is the age shown all that year), a known
	 * year as 1 July, a month as its 15th (the middle of what it may mean). */
	struct pdate day = b;
	if (b.prec < DATE_DAY) {
		day.month = b.prec == DATE_MONTH ? b.month : estimated ? 1 : 7;
		day.day = b.prec == DATE_MONTH ? 15 : 1;
		day.prec = DATE_DAY;
	}
	int lo, hi;
	/* Born in today's year or month but after today: the youngest it can be. */
	*years = date_age_range(&day, today, &lo, &hi) == 0 ? lo : min;
	*approx = estimated || b.prec < DATE_DAY;
	*child = *years < 18;
	return true;
}
