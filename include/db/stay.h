#ifndef TAIMAKO_DB_STAY_H
#define TAIMAKO_DB_STAY_H
/* Stays in a centre: admission, departure with its reason, and the
 * services given. PERM_PERSON_WRITE; every change audited. */
#include <stdbool.h>
#include "core/status.h"

struct db;

enum stay_service { SERVICE_ACCOMMODATION, SERVICE_FOOD, SERVICE_WATER, SERVICE_NFI, SERVICE_COUNT_ };

/* The stored name of a service ("nfi"). */
const char *stay_service_name(enum stay_service s);

/* Admits person to the centre with this code on date (ISO day). Refused
 * (ST_INVALID) while the person has a stay without departure, for a
 * community member (community_arrive admits them), or when the
 * date is in the future or before that person's last departure. *id_out (may be NULL)
 * receives the stay's id. */
enum status stay_admit(struct db *db, long long person, const char *centre_code, const char *date,
                       long long *id_out);

/* Records the departure of stay on date (not before the admission nor
 * after today) for
 * reason, a VOCAB_DEPARTURE_REASON code (avr, continued, ...). */
enum status stay_depart(struct db *db, long long stay, const char *date, const char *reason);

/* Sets which services the stay gave. */
enum status stay_set_services(struct db *db, long long stay, const bool given[SERVICE_COUNT_]);

/* Sets the services of stay and, when date is a day (not "" nor NULL),
 * records its departure as stay_depart does, in one transaction: when the
 * departure is refused the services are not saved either. */
enum status stay_save(struct db *db, long long stay, const bool given[SERVICE_COUNT_], const char *date,
                      const char *reason);

/* Inside the caller's open transaction (ST_INTERNAL otherwise): ends
 * person's current stay (without departure) on date with reason "avr",
 * audited as stay_depart; *ended tells whether there was one. For the
 * departure of an assisted return: PERM_PROTECTION_WRITE. ST_INVALID when
 * the stay began after date. */
enum status stay_end_for_return(struct db *db, long long person, const char *date, bool *ended);

#endif
