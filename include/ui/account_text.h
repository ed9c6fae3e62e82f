#ifndef TAIMAKO_UI_ACCOUNT_TEXT_H
#define TAIMAKO_UI_ACCOUNT_TEXT_H
/* Sentences about accounts shared by the screens and the command line. */
#include <stddef.h>
#include <time.h>
#include "db/user.h"

/* "active", "disabled" or "locked until 14:05" (translated) into out. */
void account_state_text(const struct user *u, time_t now, char *out, size_t size);

/* "This account is locked until 14:05 after too many failed sign-ins."
 * (translated, local time) into out. */
void account_locked_message(time_t until, char *out, size_t size);

#endif
