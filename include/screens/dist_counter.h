#ifndef TAIMAKO_SCREENS_DIST_COUNTER_H
#define TAIMAKO_SCREENS_DIST_COUNTER_H
/* The distribution counter: the centre and items being handed out, then
 * for each person (case number or the quick lookup) what is due, served
 * in a few keys; overrides by a supervisor. */
#include "core/status.h"

struct app;

/* The counter (distribution menu 'c'). */
enum status dist_counter_open(struct app *app);

#endif
