#ifndef TAIMAKO_DEMO_DEMO_PERSONS_H
#define TAIMAKO_DEMO_DEMO_PERSONS_H
/* Synthetic people for demo databases (`taimako demo --persons N`): names
 * of West and Central Africa with their real spelling variants, ages,
 * nationalities, families, vulnerabilities, documents, languages, stays
 * and services in the proportions the centres see. Never for real records. */
#include "core/status.h"

struct db;

/* Adds n synthetic people (and their families, flags, documents, languages,
 * stays, services, search index and name keys) to a new demo database, from
 * seed (same seed and n, same people). Needs the actor to be an administrator
 * (cli): ST_DENIED otherwise; ST_INVALID when n < 0 or the database is not
 * a demo one (db_is_demo). Progress: calls progress(done, n, ctx) every
 * 10,000 people and at the end, if not NULL. Commits every 50,000 people:
 * on failure the batches already committed stay (the caller removes the
 * demo file). Ends with the case-number sequences set after the numbers
 * used, and one audit row. The connection runs without sync and foreign
 * keys meanwhile, with a larger cache; all three are put back. */
enum status demo_persons(struct db *db, long n, unsigned seed,
                         void (*progress)(long done, long total, void *ctx), void *ctx);

#endif
