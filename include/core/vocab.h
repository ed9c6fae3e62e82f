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

struct vocab_item {
	const char *code;        /* as stored */
	const char *label;       /* msgid for forms and menus ("Desert rescue") */
	const char *short_label; /* msgid inside a line or a list column ("desert rescue",
	                          * "UAC"), NULL when the label serves */
};

/* A code list: its name, the table and column of the schema whose CHECK
 * holds the same codes, and its items. A module defines its lists in its
 * own files (const struct vocab vocab_x = VOCAB_LIST(...)) and names them in
 * its struct module, which the test against the schema goes through. */
struct vocab {
	const char *name;        /* "arrival_mode" */
	const char *table;       /* "person" */
	const char *column;      /* "arrival_mode" */
	const struct vocab_item *items;
	int n;
};

#define VOCAB_LIST(name, table, column, items) \
	{ name, table, column, items, (int)(sizeof items / sizeof items[0]) }

/* The lists of registration and medical follow-up. */
extern const struct vocab vocab_sex;
#define VOCAB_SEX (&vocab_sex)   /* person.sex */
extern const struct vocab vocab_arrival_mode;
#define VOCAB_ARRIVAL_MODE (&vocab_arrival_mode)   /* person.arrival_mode */
extern const struct vocab vocab_doc_type;
#define VOCAB_DOC_TYPE (&vocab_doc_type)   /* person_document.doc_type */
extern const struct vocab vocab_flag;
#define VOCAB_FLAG (&vocab_flag)   /* person_flag.flag: vulnerabilities, in enum person_flag order */
extern const struct vocab vocab_relation;
#define VOCAB_RELATION (&vocab_relation)   /* family_link.relation */
extern const struct vocab vocab_departure_reason;
#define VOCAB_DEPARTURE_REASON (&vocab_departure_reason)   /* stay.departure_reason */
extern const struct vocab vocab_service;
#define VOCAB_SERVICE (&vocab_service)   /* stay_service.service, in enum stay_service order */
extern const struct vocab vocab_consult_reason;
#define VOCAB_CONSULT_REASON (&vocab_consult_reason)   /* consultation.reason, in enum med_reason order */
extern const struct vocab vocab_referral_status;
#define VOCAB_REFERRAL_STATUS (&vocab_referral_status)   /* consultation.referral_status */
extern const struct vocab vocab_condition;
#define VOCAB_CONDITION (&vocab_condition)   /* medical_case.condition, in enum med_condition order */
extern const struct vocab vocab_fitness;
#define VOCAB_FITNESS (&vocab_fitness)   /* fitness.status */

/* The list's name ("arrival_mode"), its table and column in the schema. */
const char *vocab_name(const struct vocab *v);
const char *vocab_table(const struct vocab *v);
const char *vocab_column(const struct vocab *v);

/* The number of codes in v (0 for NULL). */
int vocab_count(const struct vocab *v);

/* Item i of v in its order, or NULL out of range. Static storage. */
const struct vocab_item *vocab_item(const struct vocab *v, int i);

/* The code of item i, "" out of range. */
const char *vocab_code(const struct vocab *v, int i);

/* The position of code in v, -1 when it is not one of its codes (or NULL). */
int vocab_index(const struct vocab *v, const char *code);

/* True when code is one of v's codes. */
bool vocab_has(const struct vocab *v, const char *code);

/* The label msgid of code, NULL when unknown; translate it with _(). */
const char *vocab_label(const struct vocab *v, const char *code);

/* The short msgid of code (its label when it has none), NULL when unknown. */
const char *vocab_short(const struct vocab *v, const char *code);

#endif
