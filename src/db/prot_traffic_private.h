#ifndef TAIMAKO_DB_PROT_TRAFFIC_PRIVATE_H
#define TAIMAKO_DB_PROT_TRAFFIC_PRIVATE_H
/* What the files of victims of trafficking, consents and referrals share.
 * Private to src/db/. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct db;

/* True when s ends inside size bytes, is valid UTF-8, has at most chars
 * characters and no control characters (line ends allowed when lines). */
bool prot_text_fits(const char *s, size_t size, int chars, bool lines);

/* True when day ends inside size bytes, is a valid ISO day, not after today. */
bool prot_past_day_ok(const char *day, size_t size);

/* Sets *field (may be NULL) to name and returns msgid. */
const char *prot_about(const char **field, const char *name, const char *msgid);

/* ST_OK when protection case id exists, ST_NOT_FOUND otherwise. */
enum status prot_case_exists(struct db *db, long long id);

/* Appends a "view" row for entity id in its own short transaction. */
enum status prot_audit_view(struct db *db, const char *entity, long long id);

#endif
