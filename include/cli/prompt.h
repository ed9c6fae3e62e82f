#ifndef TAIMAKO_CLI_PROMPT_H
#define TAIMAKO_CLI_PROMPT_H
/* Reading a new password on the command line. */
#include <stddef.h>
#include "core/status.h"

/* On a terminal: asks for the password twice without echo, and fails with
 * ST_INVALID when the two differ. Otherwise reads one line from standard
 * input. Checks the password rules. The caller wipes out after use. */
enum status prompt_new_password(char *out, size_t size);

#endif
