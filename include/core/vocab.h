#ifndef TAIMAKO_CORE_VOCAB_H
#define TAIMAKO_CORE_VOCAB_H
/* Code lists, each defined once: the codes stored in the database (the
 * schema's CHECK (column IN (...)) holds the same set: tests/unit/
 * test_vocab.c compares them), with the label msgid shown in forms and an
 * optional short msgid for lines and lists (the case file, the lookup).
 * Validation, labels, choice lists and the demo generator all read them
 * here. Items keep their order: where an enum indexes a list (enum
 * person_flag, enum med_reason, ...), it follows this order. */
#include <stdbool.h>

enum vocab {
	VOCAB_SEX,               /* person.sex */
	VOCAB_ARRIVAL_MODE,      /* person.arrival_mode */
	VOCAB_DOC_TYPE,          /* person_document.doc_type */
	VOCAB_FLAG,              /* person_flag.flag: vulnerabilities, in enum person_flag order */
	VOCAB_RELATION,          /* family_link.relation */
	VOCAB_DEPARTURE_REASON,  /* stay.departure_reason */
	VOCAB_SERVICE,           /* stay_service.service, in enum stay_service order */
	VOCAB_CONSULT_REASON,    /* consultation.reason, in enum med_reason order */
	VOCAB_REFERRAL_STATUS,   /* consultation.referral_status */
	VOCAB_CONDITION,         /* medical_case.condition, in enum med_condition order */
	VOCAB_FITNESS,           /* fitness.status */
	VOCAB_COUNT_
};

struct vocab_item {
	const char *code;        /* as stored */
	const char *label;       /* msgid for forms and menus ("Desert rescue") */
	const char *short_label; /* msgid inside a line or a list column ("desert rescue",
	                          * "UAC"), NULL when the label serves */
};

/* The list's name ("arrival_mode"), its table and column in the schema. */
const char *vocab_name(enum vocab v);
const char *vocab_table(enum vocab v);
const char *vocab_column(enum vocab v);

/* The number of codes in v (0 for an unknown list). */
int vocab_count(enum vocab v);

/* Item i of v in its order, or NULL out of range. Static storage. */
const struct vocab_item *vocab_item(enum vocab v, int i);

/* The code of item i, "" out of range. */
const char *vocab_code(enum vocab v, int i);

/* The position of code in v, -1 when it is not one of its codes (or NULL). */
int vocab_index(enum vocab v, const char *code);

/* True when code is one of v's codes. */
bool vocab_has(enum vocab v, const char *code);

/* The label msgid of code, NULL when unknown; translate it with _(). */
const char *vocab_label(enum vocab v, const char *code);

/* The short msgid of code (its label when it has none), NULL when unknown. */
const char *vocab_short(enum vocab v, const char *code);

#endif
