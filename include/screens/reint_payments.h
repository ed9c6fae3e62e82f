#ifndef TAIMAKO_SCREENS_REINT_PAYMENTS_H
#define TAIMAKO_SCREENS_REINT_PAYMENTS_H
/* The grant of a plan or the budget of a project: planned tranches,
 * payments and reversals, planned, paid and left. */
#include "core/status.h"
#include "db/reint.h"

struct app;

/* Opens the tranches and payments of ref (REINT_PLAN or REINT_PROJECT). */
enum status reint_payments_open(struct app *app, struct reint_ref ref);

#endif
