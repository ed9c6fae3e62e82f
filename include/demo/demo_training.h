#ifndef TAIMAKO_DEMO_DEMO_TRAINING_H
#define TAIMAKO_DEMO_DEMO_TRAINING_H
/* Synthetic vocational training records for demo databases. Never for
 * real records. */
#include "core/status.h"
#include "demo/demo.h"

struct db;

/* Adds vocational training courses and their trainees to a demo database:
 * each year at Agadez the three trades of the domain (Touareg jewellery,
 * brick production, business management) and often a fourth, and a few
 * courses at Niamey, Arlit and Zinder; about half of the trainees are
 * migrants staying at the centre when the course starts (drawn from the
 * stays), the others community members registered for the course a few
 * weeks before (the short registration: locality among the town's
 * quarters, no stay), about as many. Migrants who leave before the end drop
 * out (left on assisted return, moved on), some others for illness, work or
 * lack of interest; the rest complete, pass or fail, get the course's
 * certificate, often a toolkit, and a follow-up three months later. Courses
 * past are completed (a few cancelled), the current ones running, the next
 * ones open with applicants. Same o->seed, same data. Needs an
 * administrator actor and a demo database; writes through db/bulk.h; ends
 * with one audit row ("create", "demo_training") giving the counts. */
enum status demo_training(struct db *db, const struct demo_options *o);

#endif
