#ifndef TAIMAKO_SCREENS_TRAINING_FIGURES_H
#define TAIMAKO_SCREENS_TRAINING_FIGURES_H
/* The vocational training figures of a year or a month, for a centre or
 * all, a trade or all: participants, of whom community members, and the
 * year's table in the shape of the domain documents. */
#include "core/status.h"

struct app;

/* Opens the figures (the user's centre, all trades, the current year first). */
enum status training_figures_open(struct app *app);

#endif
