#ifndef TAIMAKO_DB_AUDIT_H
#define TAIMAKO_DB_AUDIT_H
/* The audit trail: one append-only row per change or look, written inside
 * the transaction of the change it records. */
#include "core/status.h"

struct db;

/* Appends a row for the current actor (db_set_actor): action ("create",
 * "update", "view", "login", ...), entity (table or domain name), its id
 * (0 when none) and changes as a JSON object text or NULL. Must be called
 * inside a transaction begun with db_begin. */
enum status audit_log(struct db *db, const char *action, const char *entity,
                      long long entity_id, const char *changes_json);

/* The number of audit rows (for checks and tests). -1 on error. */
long long audit_count(struct db *db);

#endif
