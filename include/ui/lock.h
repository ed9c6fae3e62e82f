#ifndef TAIMAKO_UI_LOCK_H
#define TAIMAKO_UI_LOCK_H
/* The idle lock: a blank screen that asks the signed-in user's password
 * before showing anything again. */
#include <stdbool.h>

struct app;

/* Blanks the terminal and asks for the password until it is right (true:
 * the caller redraws what was there) or the user chooses to sign out, the
 * account gets locked, or the line hangs up (false: the caller signs out). */
bool lock_run(struct app *app);

#endif
