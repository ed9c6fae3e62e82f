#ifndef TAIMAKO_DEMO_DEMO_PROT_H
#define TAIMAKO_DEMO_DEMO_PROT_H
/* Synthetic protection records for demo databases. Never for real
 * records. */
#include "core/status.h"
#include "demo/demo.h"

struct db;

/* Adds protection records to a demo database, consistent with its stays
 * and flags (as many as its people make): cases of vulnerable people with
 * concerns, actions and consents; unaccompanied and separated children
 * with assessments, care, tracing and reunifications; victims of
 * trafficking at Zinder; referrals out (with consent) and in; the returns
 * of the stays ended by assisted return, on that day, with their travel
 * documents, and requests at each step for people staying now. One audit
 * row with the counts. Same o->seed, same data. */
enum status demo_prot(struct db *db, const struct demo_options *o);

#endif
