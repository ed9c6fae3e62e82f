#ifndef TAIMAKO_DEMO_DEMO_REINT_H
#define TAIMAKO_DEMO_DEMO_REINT_H
/* Synthetic reintegration records for demo databases. Never for real
 * records. */
#include "core/status.h"
#include "demo/demo.h"

struct db;

/* Adds reintegration records to a demo database: a share of the people
 * whose stay ended on assisted voluntary return get a case in their
 * nationality's country (a region of it when the list has some), a plan
 * in every status (most approved or under way; small businesses with
 * their business plan, school fees for minors), tranches and payments (a
 * reversal or two), a baseline visit and visits 3, 6 and 12 months after
 * the first payment (done, missed or to come) with the survey's answers;
 * and collective and community projects in Senegal, Gambia, Nigeria, Mali,
 * Guinea-Bissau and Niger (Zinder) with their members (returnees with a
 * case, community members registered for them), approved budgets,
 * payments and visits (all 27 projects from 3,000 people on, fewer and
 * smaller in smaller demos). Same o->seed, same data. Needs an administrator
 * actor and a demo database; writes through db/bulk_reint.h; ends with one
 * audit row ("create", "demo_reint") giving the counts. */
enum status demo_reint(struct db *db, const struct demo_options *o);

#endif
