#ifndef TAIMAKO_DB_BACKUP_H
#define TAIMAKO_DB_BACKUP_H
/* A consistent copy of the database while people work in it. */
#include <stddef.h>
#include "core/status.h"

struct db;

/* Copies the database to path (VACUUM INTO: one read transaction, so the
 * copy is the database as it was at one moment, compacted), readable by
 * the owner and group only (0660), never over an existing file
 * (ST_EXISTS). The copy is then opened on its own and verified (SQLite's
 * integrity and foreign-key checks, an administrator account: db_integrity)
 * and flushed to the disk; the copy is recorded in the audit trail with its
 * path. *bytes gets its size. On any failure nothing stays at path (unless
 * the file was there before) and detail says why. */
enum status db_backup(struct db *db, const char *path, long long *bytes, char *detail, size_t n);

#endif
