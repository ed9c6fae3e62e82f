#ifndef TAIMAKO_SCREENS_DIST_LISTS_H
#define TAIMAKO_SCREENS_DIST_LISTS_H
/* The day's distribution lists (who was served, who is due and not served)
 * and the distribution figures of a day, month or year. */
#include "core/status.h"

struct app;

/* The day's lists (distribution menu 'l'). */
enum status dist_day_open(struct app *app);

/* The figures (distribution menu 'f'). */
enum status dist_figures_open(struct app *app);

#endif
