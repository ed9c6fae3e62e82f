#ifndef TAIMAKO_CORE_PERSON_H
#define TAIMAKO_CORE_PERSON_H
/* A person as registered, and the one description of its fields: each
 * field's stable name (the key of the audit trail and of drafts), label,
 * kind and how to read and write it as text (as htop's ProcessFieldData).
 * The rules a record must satisfy that need no database are here too;
 * person_check (db/person.h) applies them all before every save. */
#include <stdbool.h>
#include <stddef.h>

struct vocab;

#define PERSON_NAME_MAX 200
#define PERSON_MAX_LANGS 6
#define PERSON_MAX_DOCS 4
#define PERSON_MAX_FLAGS 12

enum person_flag {
	FLAG_UNACCOMPANIED_CHILD, FLAG_SEPARATED_CHILD, FLAG_ACCOMPANIED_CHILD, FLAG_PREGNANT,
	FLAG_TRAFFICKING_PRESUMED, FLAG_TRAFFICKING_IDENTIFIED, FLAG_VIOLENCE_VICTIM,
	FLAG_OLDER_PERSON, FLAG_SERIOUS_MEDICAL, FLAG_DISABILITY, FLAG_ASYLUM_SEEKER, FLAG_OTHER,
	FLAG_COUNT_
};

/* The name stored for a flag ("unaccompanied_child"), and its label msgid
 * (VOCAB_FLAG in core/vocab.h, in this order). */
const char *person_flag_name(enum person_flag f);
const char *person_flag_label(enum person_flag f);
/* A short code for lists ("UAC", "VoT"...), a msgid too. */
const char *person_flag_short(enum person_flag f);

struct person_doc {
	char type[24];          /* a VOCAB_DOC_TYPE code */
	char number[64];
	char issued_by[4];      /* ISO 3166-1 alpha-3, "" unknown */
	char expiry[11];        /* ISO date, "" unknown */
};

struct person {
	long long id;           /* 0 before the first save */
	char case_key[20];      /* set at the first save */
	char family_name[PERSON_NAME_MAX + 1];
	char given_names[PERSON_NAME_MAX + 1];
	char other_names[PERSON_NAME_MAX + 1];   /* aliases, ';'-separated */
	char sex;                                /* 'f', 'm', 'x' (VOCAB_SEX) */
	char birth_date[11];                     /* ISO, partial allowed, "" unknown */
	bool birth_estimated;                    /* an estimated age: birth_date is a year */
	char nationality[4];                     /* alpha-3, "" unknown */
	char phone[32];
	char arrival_date[11];
	char centre_code[8];
	char arrival_mode[12];                   /* a VOCAB_ARRIVAL_MODE code */
	bool consent_data, consent_share;
	char consent_date[11];
	char languages[PERSON_MAX_LANGS][4];     /* ISO 639-3; "" ends */
	struct person_doc docs[PERSON_MAX_DOCS]; /* type "" ends */
	bool flags[FLAG_COUNT_];
	char flag_other[120];                    /* the text of FLAG_OTHER */
	int version;
	char staying_at[8];                      /* read only: the centre of the open stay, "" */
	/* Community members (db/community.h): written by their own calls,
	 * never by person_save. */
	char kind[12];                           /* "migrant" or "community" (VOCAB_PERSON_KIND); "" migrant */
	char locality[80 * 4 + 1];               /* where a community member lives: 80 characters */
	char community_since[11];                /* day first registered as a community member, "" never */
};

/* True when p is a community member now (not, or no longer, a migrant). */
bool person_is_community(const struct person *p);

enum person_field_kind {
	PF_TEXT,     /* free text */
	PF_DATE,     /* ISO date, partial allowed for the birth date; "" unknown */
	PF_BOOL,     /* "1" or "0" */
	PF_CODE,     /* one code: of the field's vocabulary, or of reference data
	              * (countries, centres) when vocab is -1 */
	PF_LIST,     /* several values in one text, see below */
};

/* The text of a field, as person_field_get gives it and person_field_set
 * takes it, and as the audit trail records it:
 * - text, dates and codes as stored; booleans "1" or "0";
 * - languages: the codes joined by ';' ("hau;fra");
 * - documents: each "type:number:issued_by:expiry", joined by ';'
 *   ("passport:A123:NER:2031-05-01;birth_certificate:77::");
 * - flags: the codes of the flags set, in list order, joined by ';'
 *   ("pregnant;other"); the text of "other" is the field flag_other. */
struct person_field {
	const char *name;             /* stable snake_case key */
	const char *label;            /* msgid */
	enum person_field_kind kind;
	const struct vocab *vocab;    /* the code list of a code or of a list's codes, NULL none */
	size_t offset, size;          /* the char array in struct person; size 0 when get/set do it */
	void (*get)(const struct person *p, char *out, size_t size);
	bool (*set)(struct person *p, const char *value);
};

/* The fields of a person in form order (not the id, case key or version),
 * and their number. */
extern const struct person_field person_fields[];
extern const int person_field_count;

/* The field named name, or NULL. */
const struct person_field *person_field_find(const char *name);

struct pdate;

/* The age on today of someone born on birth (ISO, partial allowed;
 * estimated when an age was given): false when unknown. Else *years is the
 * age shown everywhere (an estimated year of birth counts as 1 January, so
 * the age typed shows all that year; a known year as 1 July, a month as
 * its 15th), *approx tells that it is estimated or partial, and *child
 * that *years is under 18 (every screen, list and count marks children
 * from this). */
bool person_age(const char *birth, bool estimated, const struct pdate *today, int *years, bool *approx,
                bool *child);

/* The text of field f of p into out (cut to size). */
void person_field_get(const struct person_field *f, const struct person *p, char *out, size_t size);

/* Sets field f of p from its text; false (p unchanged) when it does not
 * fit or cannot be read. Checks no rule: person_check does. */
bool person_field_set(const struct person_field *f, struct person *p, const char *value);

/* Copies into p (the record as read) the fields of edited (the form as
 * saved) that differ from shown (the same form read back before any
 * typing): a field the user did not touch keeps its stored value even
 * where the form could not show it as stored (control characters cleaned,
 * more languages or documents than the form holds), so it is neither
 * changed nor audited. */
void person_apply_edit(struct person *p, const struct person *shown, const struct person *edited);

/* The msgid of what is wrong with a phone number (digits, spaces and
 * + - . ( ) only), NULL when nothing. */
const char *person_phone_problem(const char *phone);

/* The msgid of what is wrong with the birth of p, NULL when nothing: an
 * estimated age is kept as an estimated year of birth, so birth_estimated
 * needs a birth date that is a year only (a day or a month with it would
 * be a date of birth and an age at once). Does not check the date itself. */
const char *person_birth_problem(const struct person *p);

/* Sets p's birth from what a form gives: a date of birth (ISO, partial
 * allowed) or an estimated age in years on the day on_day (ISO), not both
 * (the msgid of the problem is returned and p is unchanged). An age gives
 * an estimated year of birth; a date equal to p's keeps its estimated
 * mark; another date is not estimated; neither gives an unknown birth. */
const char *person_set_birth(struct person *p, const char *date, const char *age, const char *on_day);

/* The msgid of what is wrong with the vulnerability flags of p (the other
 * vulnerability needs its text), NULL when nothing. */
const char *person_flags_problem(const struct person *p);

/* The msgid of what in p does not agree with the rest, NULL when nothing,
 * and in *field (field may be NULL) the name of the field it is about: a
 * form field's name, or a flag's (person_flag_name). Without consent to
 * data collection, only what assistance needs is kept: no other names,
 * phone or documents, and no consent to sharing. The person cannot
 * arrive before being born nor consent after today (ISO); the child flags
 * (unaccompanied, separated, accompanied) are for someone under 18 on the
 * arrival date or of unknown age; a man is not pregnant; an older person
 * was not under 50 on arrival (ages are often estimated: the margin is
 * wide). The age on arrival, not today: a child who turns 18 in a centre
 * keeps the flag he was registered with until someone reviews it. */
const char *person_consistency_problem(const struct person *p, const char *today, const char **field);

#endif
