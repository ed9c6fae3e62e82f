#ifndef TAIMAKO_UI_FORM_H
#define TAIMAKO_UI_FORM_H
/* Forms: labelled fields of several types, required marks, a validation
 * message beside each invalid field, and a changed flag for the
 * unsaved-changes question. Values go in and out as UTF-8 strings. */
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include "core/date.h"
#include "core/jsonbuf.h"
#include "ui/lineedit.h"

#define FORM_MAX_FIELDS 40
#define FORM_VALUE_MAX (LINEEDIT_MAX * 4 + 1)

enum field_type {
	FIELD_TEXT,
	FIELD_PASSWORD,   /* text shown as stars */
	FIELD_DATE,       /* DD/MM/YYYY, MM/YYYY or YYYY; value in ISO form */
	FIELD_NUMBER,     /* whole number within [min, max] */
	FIELD_CHOICE,     /* one of choices: typed part of a name in either
	                     language (best match first) or arrows */
	FIELD_YESNO,      /* value "1", "0", or "" when not answered */
	FIELD_MONTH,      /* MM/YYYY only; value "YYYY-MM" */
};

struct choice {
	const char *value;   /* stored value */
	const char *label;   /* shown; a msgid when the field's labels_are_msgids */
	const char *alt;     /* the label in the other language, or NULL; with
	                        msgids, the French label (the msgid is English) */
};

struct field_def {
	const char *label;             /* msgid */
	enum field_type type;
	bool required;
	int maxlen;                    /* characters, for text fields */
	long min, max;                 /* for numbers */
	bool past_only;                /* for dates: not after today */
	const struct choice *choices;  /* for choices */
	int nchoices;
	bool labels_are_msgids;        /* translate choice labels when drawn */
	/* Extra rule: a msgid explaining why value is wrong, or NULL. */
	const char *(*check)(const char *value);
	/* Stable snake_case name: the key of the value in drafts, the same as
	 * the audit trail's for the same value. NULL: never kept in a draft. */
	const char *name;
	bool full_date;                /* for dates: a day, not a month or a year alone */
};

struct field {
	const struct field_def *def;
	struct lineedit ed;            /* text, password, date, number */
	int choice;                    /* index, -1 when none */
	int yesno;                     /* 1, 0, -1 when not answered */
	char typed[64];                /* type-ahead of a choice field */
	const char *error;             /* msgid of the current problem, or NULL */
};

struct form {
	struct field fields[FORM_MAX_FIELDS];
	int n;
	int cur;
	int top;                       /* first field shown when scrolled */
	bool changed;
	struct pdate today;            /* for past-only dates; set by form_init */
	/* The values the form was first filled with (form_keep_base), kept by
	 * drafts so that a resumed edit knows what the user changed; NULL when
	 * not kept. Owned by the screen. */
	char (*base)[FORM_VALUE_MAX];
};

enum form_result { FORM_IGNORED = 0, FORM_HANDLED, FORM_SUBMIT };

/* Sets up a form over n field definitions (which must outlive it), empty,
 * today taken from the clock. */
void form_init(struct form *f, const struct field_def *defs, int n);

/* Handles a key: editing in the current field, Tab/Down/Enter to the next
 * field, Shift-Tab/Up to the previous. Enter on the last field gives
 * FORM_SUBMIT. */
enum form_result form_key(struct form *f, int key);

/* Checks every field, records a message on each invalid one and moves to
 * the first. True when all are valid. */
bool form_validate(struct form *f);

/* Checks one field; returns and records its message id, or NULL. */
const char *form_check_field(struct form *f, int i);

/* The value of field i: text as typed (blanks trimmed), date in ISO form,
 * choice value, "1"/"0"/"" for yes/no. */
void form_get(const struct form *f, int i, char *out, size_t size);

/* Sets field i from a value in the form_get form; does not mark changed. */
void form_set(struct form *f, int i, const char *value);

/* Draws the fields from row y in rows rows of win, scrolled to keep the
 * current one visible; the last row shows the current field's message.
 * Leaves the window cursor in the current field. */
void form_draw(struct form *f, WINDOW *win, int y, int rows);

/* True while the current field takes typed letters. */
bool form_typing(const struct form *f);

/* Adds {name: value} (the form_get value) for every named field to j, never
 * a password field. False when something did not fit in j. */
bool form_to_json(const struct form *f, struct jsonbuf *j);

/* Sets the fields named in the JSON object json (as form_to_json writes
 * it): unknown names and password fields are ignored, fields not named are
 * left alone; the form is marked changed when a field was set. False (and
 * nothing set) when json is not such an object. */
bool form_from_json(struct form *f, const char *json);

/* Copies the form's values into store (FORM_MAX_FIELDS values) as its
 * base: form_to_json then also writes "base:NAME" for each field the user
 * changed and a "base:" marker, and form_from_json reads them back, the
 * fields without one taking their draft value as base. */
void form_keep_base(struct form *f, char (*store)[FORM_VALUE_MAX]);

#endif
