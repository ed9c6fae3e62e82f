#ifndef TAIMAKO_SCREENS_DIST_COUNTER_PRIVATE_H
#define TAIMAKO_SCREENS_DIST_COUNTER_PRIVATE_H
/* What the counter's two screens share: the counter's setting (centre,
 * its name, the meal, the items chosen), kept for the session. */
#include "db/dist_serve.h"
#include "ui/app.h"

struct counter_setting {
	struct dist_counter c;
	int n;                                      /* items chosen */
	long long items[DIST_SERVE_MAX_ITEMS];
};

/* The serving screen (screens/dist_counter_serve.c); arg: a struct
 * counter_setting. */
extern const struct screen screen_dist_serve;

#endif
