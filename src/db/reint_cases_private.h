#ifndef TAIMAKO_DB_REINT_CASES_PRIVATE_H
#define TAIMAKO_DB_REINT_CASES_PRIVATE_H
/* What the files of the reintegration cases and plans share. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"
#include "reint_private.h"

struct db;
struct reint_case;


/* *ok: id is an item of list (of kind when kind is not NULL), in use or
 * equal to current. */
enum status reint_ref_ok(struct db *db, long long id, const char *list, const char *kind, long long current,
                         bool *ok);

/* Reads case id without asking for a permission (the caller did). */
enum status reint_case_read(struct db *db, long long id, struct reint_case *c);

#endif
