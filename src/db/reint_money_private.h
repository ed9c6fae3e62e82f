#ifndef TAIMAKO_DB_REINT_MONEY_PRIVATE_H
#define TAIMAKO_DB_REINT_MONEY_PRIVATE_H
/* What the files of the grants and visits data layer share. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"
#include "reint_private.h"
#include "db/reint.h"

struct db;
struct reint_totals;


/* Reads the totals of ref without asking for a permission (the caller did);
 * ST_NOT_FOUND for an unknown plan or project. */
enum status reint_totals_read(struct db *db, struct reint_ref ref, struct reint_totals *t);

/* The day months after iso (the last of the month when shorter), into out
 * (11 bytes); false when iso is not a day. */
bool reint_day_plus_months(const char *iso, int months, char *out, size_t size);

/* Schedules the monitoring visits of owner (REINT_CASE or REINT_PROJECT)
 * at the months of setting reint_visit_months after day, inside the open
 * transaction, with their audit rows; none when owner already has
 * scheduled monitoring visits by months. */
enum status reint_visits_schedule(struct db *db, struct reint_ref owner, const char *day);

#endif
