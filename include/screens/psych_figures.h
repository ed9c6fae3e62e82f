#ifndef TAIMAKO_SCREENS_PSYCH_FIGURES_H
#define TAIMAKO_SCREENS_PSYCH_FIGURES_H
/* The psychosocial figures of a month or a year, for a centre or all. */
#include "core/status.h"

struct app;

/* Opens the figures (the user's centre and the current month first). */
enum status psych_figures_open(struct app *app);

#endif
