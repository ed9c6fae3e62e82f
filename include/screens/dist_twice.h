#ifndef TAIMAKO_SCREENS_DIST_TWICE_H
#define TAIMAKO_SCREENS_DIST_TWICE_H
/* The servings made twice at two sites while they were apart, found once
 * their data have merged (db/dist_twice.h). */
#include "core/status.h"

struct app;

/* Opens the list (distribution menu '8'). */
enum status dist_twice_open(struct app *app);

#endif
