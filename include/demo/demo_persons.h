#ifndef TAIMAKO_DEMO_DEMO_PERSONS_H
#define TAIMAKO_DEMO_DEMO_PERSONS_H
/* Synthetic people for demo databases (`taimako demo --persons N`): names
 * of West and Central Africa with their real spelling variants, ages,
 * nationalities, families, vulnerabilities, documents, languages, stays
 * and services in the proportions the centres see. Never for real records. */
#include "core/status.h"
#include "demo/demo.h"

struct db;

/* Adds o->persons synthetic people (and their families, flags, documents,
 * languages, stays, services, search index and name keys, derived by the
 * data layer as for a registration) to a new demo database, from o->seed
 * (same seed and count, same people). Needs the actor to be an
 * administrator (cli): ST_DENIED otherwise; ST_INVALID when the count is
 * negative or the database is not a demo one (db_is_demo). Progress: calls
 * o->progress(done, n, ctx) every 10,000 people and at the end, if not
 * NULL. Commits every 50,000 people: on failure the batches already
 * committed stay (the caller removes the demo file). Ends with the
 * case-number sequences set after the numbers used, and one audit row.
 * Writes through db/bulk.h. */
enum status demo_persons(struct db *db, const struct demo_options *o);

#endif
