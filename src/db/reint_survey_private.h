#ifndef TAIMAKO_DB_REINT_SURVEY_PRIVATE_H
#define TAIMAKO_DB_REINT_SURVEY_PRIVATE_H
/* What the files of the survey's data layer share. */
#include <stddef.h>
#include "core/perm.h"
#include "core/status.h"

struct db;
struct reint_survey;

/* ST_OK when the actor may do a or b; otherwise the refusal of a is
 * recorded and ST_DENIED returned. */
enum status reint_survey_require(struct db *db, enum perm a, enum perm b);

/* Reads version id (texts in lang) without asking for a permission. */
enum status reint_survey_read(struct db *db, long long id, const char *lang, struct reint_survey *out);

/* The version in force on day, without asking for a permission. */
enum status reint_survey_in_force_read(struct db *db, const char *day, long long *id);

/* A number as the audit trail writes it ("0.5"). */
void reint_survey_num(char *out, size_t size, double v);

#endif
