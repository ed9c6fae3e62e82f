#ifndef TAIMAKO_DB_TRAINING_PRIVATE_H
#define TAIMAKO_DB_TRAINING_PRIVATE_H
/* What the files of the training data layer share. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct db;
struct training_course;
struct training_enrolment;

/* True when s ends inside size bytes, is valid UTF-8, has at most chars
 * characters and no control characters. */
bool training_text_fits(const char *s, size_t size, int chars);

/* True when s holds something other than spaces. */
bool training_has_content(const char *s);

/* Sets *field (may be NULL) to name and returns msgid. */
const char *training_about(const char **field, const char *name, const char *msgid);

/* Reads course id without asking for a permission (the caller did). */
enum status training_course_read(struct db *db, long long id, struct training_course *c);

/* Enrols person in course id inside the caller's transaction (an
 * import's batch), as training_enrol does (PERM_TRAINING_WRITE, the
 * places counted, the audit row): status "applied", "selected" or
 * "enrolled" (the waiting list when full), or "completed": enrolled, then
 * moved to completed as training_enrolment_save does (refused when the
 * course is full). *out (may be NULL) gets the enrolment as stored,
 * *msgid (may be NULL) the rule broken. */
enum status training_enrol_in(struct db *db, long long course_id, long long person, const char *status,
                              struct training_enrolment *out, const char **msgid);

#endif
