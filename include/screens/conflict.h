#ifndef TAIMAKO_SCREENS_CONFLICT_H
#define TAIMAKO_SCREENS_CONFLICT_H
/* After two sessions changed the same fields of one record: both values of
 * each such field, and the user's choice of the one to keep. */
#include <stdbool.h>
#include "ui/app.h"

#define CONFLICT_MAX 24
#define CONFLICT_VALUE 1024

/* One field changed differently on both sides. */
struct conflict_field {
	const char *label;               /* msgid */
	char mine[CONFLICT_VALUE];       /* as shown to the user (labels, dates) */
	char theirs[CONFLICT_VALUE];
	bool keep_theirs;                /* the choice; false (keep mine) at first */
};

/* What the screen shows and fills; owned by the caller, which must outlive
 * the screen (the form below it). */
struct conflict_choice {
	int n;
	struct conflict_field fields[CONFLICT_MAX];
};

/* Opens the chooser over c; the caller reads the choices when it resumes. */
enum status conflict_open(struct app *app, struct conflict_choice *c);

#endif
