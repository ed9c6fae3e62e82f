#ifndef TAIMAKO_DB_REINT_CASES_PRIVATE_H
#define TAIMAKO_DB_REINT_CASES_PRIVATE_H
/* What the files of the reintegration cases and plans share. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct db;
struct reint_case;

/* True when s ends inside size bytes, is valid UTF-8, has at most chars
 * characters and no control characters (line ends allowed when lines). */
bool reint_text_fits(const char *s, size_t size, int chars, bool lines);

/* True when s holds something other than blanks. */
bool reint_has_content(const char *s);

/* Sets *field (may be NULL) to name and returns msgid. */
const char *reint_about(const char **field, const char *name, const char *msgid);

/* *ok: id is an item of list (of kind when kind is not NULL), in use or
 * equal to current. */
enum status reint_ref_ok(struct db *db, long long id, const char *list, const char *kind, long long current,
                         bool *ok);

/* Reads case id without asking for a permission (the caller did). */
enum status reint_case_read(struct db *db, long long id, struct reint_case *c);

#endif
