#ifndef TAIMAKO_DB_MEDICAL_PRIVATE_H
#define TAIMAKO_DB_MEDICAL_PRIVATE_H
/* What the medical data layer shares with the rest of src/db/ only. */
#include "core/status.h"

struct db;
struct consultation;

/* Records the new consultation c by the actor as clinician, as
 * consultation_save does (PERM_MEDICAL_WRITE, consultation_check with
 * today "YYYY-MM-DD", the audit row with every field), inside the
 * caller's transaction (an import's batch). c->id and c->version are set
 * on success; ST_NOT_FOUND for an unknown person or centre. */
enum status consultation_create(struct db *db, struct consultation *c, const char *today);

#endif
