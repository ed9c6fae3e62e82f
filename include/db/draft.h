#ifndef TAIMAKO_DB_DRAFT_H
#define TAIMAKO_DB_DRAFT_H
/* Drafts: a form being filled when the connection dropped, kept for the
 * user who was filling it, offered at their next sign-in. One per user,
 * kind and record. Values are stored by field number. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct db;

#define DRAFT_MAX_FIELDS 40

/* Saves n field values as the actor's draft of kind for record ref_id (0
 * for a new record), replacing an earlier one. */
enum status draft_save(struct db *db, const char *kind, long long ref_id,
                       const char *const *values, int n);

/* True when the actor has a draft of kind; *ref_id and saved_at (UTC
 * "YYYY-MM-DD HH:MM") are filled when not NULL. */
bool draft_find(struct db *db, const char *kind, long long *ref_id, char *saved_at, size_t size);

/* Copies field i of the actor's draft of kind for ref_id into out ("" when
 * absent). */
enum status draft_field(struct db *db, const char *kind, long long ref_id, int i,
                        char *out, size_t size);

/* Removes the actor's draft of kind for ref_id, if any. */
enum status draft_discard(struct db *db, const char *kind, long long ref_id);

#endif
