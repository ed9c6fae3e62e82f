#ifndef TAIMAKO_SCREENS_DIST_HOME_H
#define TAIMAKO_SCREENS_DIST_HOME_H
/* The distribution menu (home 'x'): the counter, the day's lists, the
 * stock, the figures and the items, each for the roles that may open it. */
#include "core/status.h"

struct app;

/* Opens the distribution menu. */
enum status dist_home_open(struct app *app);

#endif
