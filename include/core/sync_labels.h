#ifndef TAIMAKO_CORE_SYNC_LABELS_H
#define TAIMAKO_CORE_SYNC_LABELS_H
/* What the screens of the exchanges between sites show instead of the
 * internal names that a change log holds: the label of a column, the
 * label of a coded value, a date and time in the form users write. */
#include <stdbool.h>
#include <stddef.h>

/* The translated label of the column field of table ("person",
 * "family_name": "Family name"); "Another detail of the record" for a
 * column users never edit or an unknown one. Static storage. */
const char *sync_field_label(const char *table, const char *field);

/* The translated name of the kind of record a table holds ("person":
 * "Person", "consultation": "Consultation"); "Record" for an unknown one.
 * Static storage. */
const char *sync_table_label(const char *table);

/* True when sync_field_label gives the column its own label (not the
 * generic one). */
bool sync_field_known(const char *table, const char *field);

/* The value of a column as users read it, translated, into out: the label
 * of a code where the column has a code list (sex "f": "Female"), "yes" or
 * "no" for a yes/no column, a day as DD/MM/YYYY, a role's name; "(empty)"
 * for ""; other text as it is. */
void sync_value_label(const char *table, const char *field, const char *value, char *out, size_t size);

/* A moment stored in UTC ("2026-11-30 14:05:33", "2026-11-30T14:05:33Z")
 * as "30/11/2026 14:05" into out; "" for ""; an unreadable one as it is. */
void sync_when_text(const char *at, char *out, size_t size);

#endif
