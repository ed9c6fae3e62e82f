#ifndef TAIMAKO_DB_PROT_CHILD_PRIVATE_H
#define TAIMAKO_DB_PROT_CHILD_PRIVATE_H
/* What the files of a child's protection records share. Private to src/db/. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct db;

/* True when s ends inside size bytes, is valid UTF-8, has at most chars
 * characters and no control characters (line ends allowed when lines). */
bool pc_text_fits(const char *s, size_t size, int chars, bool lines);

/* True when s (a buffer of size bytes) is a valid ISO day not after today
 * (today may be NULL: no limit). */
bool pc_day_ok(const char *s, size_t size, const char *today);

/* Sets *field (may be NULL) to name and returns msgid. */
const char *pc_about(const char **field, const char *name, const char *msgid);

/* ST_OK when protection case id exists, ST_NOT_FOUND otherwise. */
enum status pc_case_exists(struct db *db, long long id);

/* Binds the actor's user id at idx (NULL when nobody). */
void pc_bind_actor(struct db *db, void *st, int idx);

#endif
