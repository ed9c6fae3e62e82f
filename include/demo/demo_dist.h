#ifndef TAIMAKO_DEMO_DEMO_DIST_H
#define TAIMAKO_DEMO_DEMO_DIST_H
/* Synthetic distribution records for demo databases. Never for real
 * records. */
#include "core/status.h"
#include "demo/demo.h"

struct db;

/* Adds distribution records to a demo database, consistent with its stays:
 * stock received at each centre and a history of servings per stay by the
 * items' rules (a reversal or an override now and then). Same o->seed,
 * same data. */
enum status demo_dist(struct db *db, const struct demo_options *o);

#endif
