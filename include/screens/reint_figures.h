#ifndef TAIMAKO_SCREENS_REINT_FIGURES_H
#define TAIMAKO_SCREENS_REINT_FIGURES_H
/* The reintegration figures of a year, for a country of return or all. */
#include "core/status.h"

struct app;

/* Opens the reintegration figures (this year, all countries). */
enum status reint_figures_open(struct app *app);

#endif
