#ifndef TAIMAKO_SCREENS_REINT_SURVEY_H
#define TAIMAKO_SCREENS_REINT_SURVEY_H
/* The sustainability survey of one visit: its answers, and its economic,
 * social, psychosocial and composite scores under each survey version. */
#include "core/status.h"

struct app;

/* Opens the survey of visit_id (answer it, or read its answers and scores). */
enum status reint_survey_open(struct app *app, long long visit_id);

#endif
