#ifndef TAIMAKO_DB_AUDIT_PRIVATE_H
#define TAIMAKO_DB_AUDIT_PRIVATE_H
/* The audit chain's writers, for the data layer only (audit_chain.c). */
#include <stddef.h>
#include "core/status.h"

struct db;

/* Writes the chain of the row id just inserted (and of any row after it
 * without one), inside the caller's transaction. */
enum status audit_chain_link(struct db *db, long long id);

/* Chains the rows at the end of the trail that have no chain yet (written
 * before migration 015), in one transaction, when the database is opened. */
enum status audit_chain_refresh(struct db *db, char *detail, size_t n);

#endif
