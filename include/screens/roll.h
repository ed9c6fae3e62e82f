#ifndef TAIMAKO_SCREENS_ROLL_H
#define TAIMAKO_SCREENS_ROLL_H
/* The attendance roll screen, one for both kinds of roll (db/roll.h): a
 * psychosocial session (psych_roll_open) and a course day. */
#include "core/status.h"

struct app;
struct roll_ref;

/* Opens the roll ref (the arg is copied). */
enum status roll_open(struct app *app, const struct roll_ref *ref);

/* Closes the current screen and opens the roll ref in its place. */
enum status roll_instead(struct app *app, const struct roll_ref *ref);

#endif
