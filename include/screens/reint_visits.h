#ifndef TAIMAKO_SCREENS_REINT_VISITS_H
#define TAIMAKO_SCREENS_REINT_VISITS_H
/* The counselling and monitoring visits of a case or a project: those
 * scheduled, done, missed; record one. */
#include "core/status.h"
#include "db/reint.h"

struct app;

/* Opens the visits of ref (REINT_CASE or REINT_PROJECT). */
enum status reint_visits_open(struct app *app, struct reint_ref ref);

#endif
