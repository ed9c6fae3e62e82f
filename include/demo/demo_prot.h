#ifndef TAIMAKO_DEMO_DEMO_PROT_H
#define TAIMAKO_DEMO_DEMO_PROT_H
/* Synthetic protection records for demo databases. Never for real
 * records. */
#include "core/status.h"
#include "demo/demo.h"

struct db;

/* Adds protection records to a demo database, consistent with its stays:
 * children with tracing and reunifications, victims of trafficking at
 * Zinder, referrals, returns with documents and departures. Same o->seed,
 * same data. */
enum status demo_prot(struct db *db, const struct demo_options *o);

#endif
