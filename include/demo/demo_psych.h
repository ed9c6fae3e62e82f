#ifndef TAIMAKO_DEMO_DEMO_PSYCH_H
#define TAIMAKO_DEMO_DEMO_PSYCH_H
/* Synthetic psychosocial records for the people of demo databases. Never
 * for real records. */
#include "core/status.h"
#include "demo/demo.h"

struct db;

/* Adds psychosocial sessions and individual support to a demo database:
 * at each centre, on the days someone stays there, a group activity most
 * weekdays (activity types of the reference list, by the implementing
 * partner, the centre staff or another organisation, facilitated by the
 * demo 'psychosocial' account or a partner's staff member), a second one
 * some Wednesdays, football counted by heads most Saturdays; about 3 in
 * 100 cancelled with a reason; sessions of the next week planned. Rolls
 * are drawn from the people staying that day (each with their own habit:
 * some never come, some nearly always), most marked present, some absent,
 * excused or left early. Individual support for about 45 in 100 people
 * with a vulnerability flag (and a few others): sessions every one or two
 * weeks of their stay with concerns, what was done, risk, referrals and the
 * next appointment (the people still there have theirs around today).
 * Same o->seed, same data. Records end on the last day of the stays, or
 * today if earlier. Needs an administrator actor and a demo database;
 * writes through db/bulk.h; ends with one audit row ("create",
 * "demo_psych") giving the counts. */
enum status demo_psych(struct db *db, const struct demo_options *o);

#endif
