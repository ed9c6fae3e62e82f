#ifndef TAIMAKO_DEMO_DEMO_MEDICAL_H
#define TAIMAKO_DEMO_DEMO_MEDICAL_H
/* Synthetic medical records for the people of demo databases: consultations
 * with referrals and follow-up dates, medical cases with antenatal visits,
 * fitness to travel. Never for real records. */
#include "core/status.h"
#include "demo/demo.h"

struct db;

/* Adds synthetic medical records to the people of a demo database, in the
 * proportions the centres see: about 5 consultations per person (during
 * their stays), 1 person in 40 with a medical case (pregnancy for some women
 * 15-45 with expected delivery and antenatal visits, chronic, injury,
 * malnutrition for children, tuberculosis, HIV, mental health...), a
 * fitness-to-travel assessment for most who left by assisted voluntary
 * return, referrals for about 1 consultation in 25 (hospital names of Niamey
 * and Agadez: "Hôpital national de Niamey", "Centre hospitalier régional
 * d'Agadez", "CSI Dagmanet"...), follow-up dates for about 1 in 10 (some in
 * the past = overdue, some in the next weeks). Reasons weighted like a
 * transit centre (malaria/fever and respiratory most, then skin, diarrhoea,
 * injury, pregnancy care, mental health, chronic). Same o->seed, same data
 * (o->persons is not used). Needs an administrator actor; ST_INVALID when
 * not a demo database (db_is_demo). Writes through db/bulk.h.
 *
 * The records end on the last day of the people's stays, or today if that
 * is earlier: never in the future, and the same whatever day they are made.
 * Consultations and assessments are by the demo 'medical' account (NULL
 * when it is absent). ST_DENIED unless the actor is an administrator.
 * Progress: calls o->progress(done, total, ctx) every 10,000 people and once
 * at the end, if not NULL (total: the people in the database). Commits
 * about every 50,000 rows: on failure the batches already committed stay
 * (the caller removes the demo file). Ends with one audit row ("create",
 * "demo_medical") giving the counts. */
enum status demo_medical(struct db *db, const struct demo_options *o);

#endif
