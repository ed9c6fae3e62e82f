#ifndef TAIMAKO_DB_REINT_PRIVATE_H
#define TAIMAKO_DB_REINT_PRIVATE_H
/* What every file of the reintegration data layer shares (cases and plans,
 * grants and visits, projects). Private to src/db/. */
#include <stdbool.h>
#include <stddef.h>

/* True when s ends inside size bytes, is valid UTF-8, has at most chars
 * characters and no control characters (line ends allowed when lines). */
bool reint_text_fits(const char *s, size_t size, int chars, bool lines);

/* True when s holds something other than blanks. */
bool reint_has_content(const char *s);

/* Sets *field (may be NULL) to name and returns msgid. */
const char *reint_about(const char **field, const char *name, const char *msgid);

#endif
