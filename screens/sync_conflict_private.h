#ifndef TAIMAKO_SCREENS_SYNC_CONFLICT_PRIVATE_H
#define TAIMAKO_SCREENS_SYNC_CONFLICT_PRIVATE_H
/* What the conflicts screens share. Private to screens/. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct app;
struct sync_conflict;

/* The record as users know it into out: the kind of record and the case
 * number of its person ("Consultation AGZ-26-00123-K"), or the kind
 * alone. short_form: the case number alone when there is one. */
void sync_conflict_record(const struct sync_conflict *c, bool short_form, char *out, size_t size);

/* The detail of the conflict as users read it: the label of the column
 * (or "The whole record" for a deletion). Static storage or translated. */
const char *sync_conflict_field(const struct sync_conflict *c);

/* One side's value in words into out (there: the other site's): labels of
 * codes, names of countries and languages, "(deleted)" for a record
 * deleted on that side; "*****" when masked. */
void sync_conflict_value(struct app *app, const struct sync_conflict *c, bool there, bool masked, char *out,
                         size_t size);

/* Where the conflict stands, in words into out: who decides an open one,
 * who chose and what for a decided one. */
void sync_conflict_state(const struct sync_conflict *c, char *out, size_t size);

/* The manager's choice on conflict c (take: the other site's value), asked
 * first and said on the message line. ST_OK decided; ST_CONFLICT the
 * record changed again (read it again); ST_DENIED not this site's to
 * decide; ST_INVALID not asked (decided already, or the user said no). */
enum status sync_conflict_choose(struct app *app, const struct sync_conflict *c, bool take);

/* The detail screen of conflict c (a copy is kept). */
enum status sync_conflict_open(struct app *app, const struct sync_conflict *c);

#endif
