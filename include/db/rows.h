#ifndef TAIMAKO_DB_ROWS_H
#define TAIMAKO_DB_ROWS_H
/* The identity of the rows users write (migration 011): a uuid, the site
 * that owns the row, and its creation and change times. Triggers fill them
 * on every insert; this is what the rest of the program may ask about it. */
#include <stddef.h>
#include "core/status.h"

struct db;

/* Characters of a uuid or site id, without the terminating NUL. */
#define ROWS_UUID_LEN 32

/* A new version-7 UUID (time from the program's clock, then random bits)
 * as 32 lowercase hex digits, into out (ROWS_UUID_LEN + 1 bytes). */
void rows_uuid(char out[ROWS_UUID_LEN + 1]);

/* The site id of this database (made by migration 011) into out:
 * ST_NOT_FOUND when it has none. */
enum status db_site(struct db *db, char *out, size_t size);

#endif
