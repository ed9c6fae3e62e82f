#ifndef TAIMAKO_DB_TRAINING_PRIVATE_H
#define TAIMAKO_DB_TRAINING_PRIVATE_H
/* What the files of the training data layer share. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct db;
struct training_course;

/* True when s ends inside size bytes, is valid UTF-8, has at most chars
 * characters and no control characters. */
bool training_text_fits(const char *s, size_t size, int chars);

/* True when s holds something other than spaces. */
bool training_has_content(const char *s);

/* Sets *field (may be NULL) to name and returns msgid. */
const char *training_about(const char **field, const char *name, const char *msgid);

/* Reads course id without asking for a permission (the caller did). */
enum status training_course_read(struct db *db, long long id, struct training_course *c);

#endif
