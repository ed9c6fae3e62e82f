#ifndef TAIMAKO_DB_PROT_CASE_PRIVATE_H
#define TAIMAKO_DB_PROT_CASE_PRIVATE_H
/* What the files of the protection cases share. Private to src/db/. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct db;
struct prot_case;

/* True when s ends inside size bytes, is valid UTF-8, has at most chars
 * characters and no control characters (line ends allowed when lines). */
bool prot_text_fits(const char *s, size_t size, int chars, bool lines);

/* Sets *field (may be NULL) to name and returns msgid. */
const char *prot_about(const char **field, const char *name, const char *msgid);

/* True when day (in a buffer of size bytes) is a valid ISO day. */
bool prot_day_ok(const char *day, size_t size);

/* Reads case id without asking for a permission nor auditing. */
enum status prot_case_read(struct db *db, long long id, struct prot_case *c);

/* *ok: account id is an active account of the protection role, or is
 * current. */
enum status prot_worker_ok(struct db *db, long long id, long long current, bool *ok);

#endif
