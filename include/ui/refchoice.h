#ifndef TAIMAKO_UI_REFCHOICE_H
#define TAIMAKO_UI_REFCHOICE_H
/* Choice lists read from the reference lists (centres, countries,
 * languages) for forms: as long as the list is, never cut at a fixed size. */
#include "core/status.h"
#include "db/refdata.h"
#include "ui/form.h"

struct db;

enum {
	REFCHOICE_WITH_NONE = 1,   /* a first entry "-" with the value "" */
	REFCHOICE_SHOW_CODE = 2,   /* labels "Name (CODE)" */
};

/* The choices, and the text they point into. */
struct ref_choices {
	struct choice *items;      /* n entries, in the list's name order */
	int n;
	struct ref_choice_text *text;
};

/* Reads every row of kind with its name in lang ("fr" or "en") and, as
 * each choice's alt, its name in the other language; flags
 * from the enum above. Returns a list the caller frees with
 * ref_choices_free, or NULL when it could not be read or out of memory. */
struct ref_choices *ref_choices_load(struct db *db, enum ref_kind kind, const char *lang, int flags);

/* The items of the editable list named list (db/reflist.h) still in use,
 * plus the retired item keep_id (a record's current value; 0: none), each
 * with its name in lang and the other language; the value of each choice is
 * the item's id as decimal text. Flags: REFCHOICE_WITH_NONE. NULL when it
 * could not be read or out of memory; free with ref_choices_free. */
struct ref_choices *reflist_choices_load(struct db *db, const char *list, const char *lang, int flags,
                                         long long keep_id);

/* As reflist_choices_load, only the items whose kind is kind (the
 * regions of one country: kind its ISO alpha-3 code); kind NULL: all. */
struct ref_choices *reflist_choices_of_kind(struct db *db, const char *list, const char *kind, const char *lang,
                                            int flags, long long keep_id);

/* Frees a list from ref_choices_load and sets *c to NULL. */
void ref_choices_free(struct ref_choices **c);

#endif
