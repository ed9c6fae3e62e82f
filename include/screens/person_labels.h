#ifndef TAIMAKO_SCREENS_PERSON_LABELS_H
#define TAIMAKO_SCREENS_PERSON_LABELS_H
/* What screens show of a person instead of the codes stored: country and
 * language names in the user's language, vulnerability abbreviations in
 * that language and their whole labels. */
#include <stddef.h>
#include "db/refdata.h"
#include "ui/app.h"

/* The name of the country, language or centre code in the user's language
 * into out; "" for ""; the code itself only when the list has no such row. */
void label_ref(struct app *app, enum ref_kind kind, const char *code, char *out, size_t size);

/* The flags' abbreviations of a lookup hit ("UAC VoT", msgids) in the
 * user's language, space-separated. */
void label_flags_short(const char *shorts, char *out, size_t size);

/* The whole labels of the same flags, translated, joined by " · ". */
void label_flags_long(const char *shorts, char *out, size_t size);

/* Copies in into out fitted to cols columns, ending with "…" when cut. */
void label_fit(const char *in, int cols, char *out, size_t size);

/* Puts the community member's marker before text (flags, short or whole
 * labels): "COMM." when short, the words when whole. */
void label_community(bool whole, char *text, size_t size);

#endif
