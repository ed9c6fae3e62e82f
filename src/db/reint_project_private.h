#ifndef TAIMAKO_DB_REINT_PROJECT_PRIVATE_H
#define TAIMAKO_DB_REINT_PROJECT_PRIVATE_H
/* What the files of the projects' data layer share. Private to src/db/. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct db;
struct reint_project;

/* True when s ends inside size bytes, is valid UTF-8, has at most chars
 * characters and no control characters. */
bool reint_text_fits(const char *s, size_t size, int chars);

/* Sets *field (may be NULL) to name and returns msgid. */
const char *reint_about(const char **field, const char *name, const char *msgid);

/* Reads project id without asking for a permission (the caller did). */
enum status reint_project_read(struct db *db, long long id, struct reint_project *p);

#endif
