#ifndef TAIMAKO_SCREENS_REINT_SURVEY_VERSIONS_H
#define TAIMAKO_SCREENS_REINT_SURVEY_VERSIONS_H
/* The versions of the sustainability survey (home menu): the list, one
 * version's questions and weights, and a new version made from one. */
#include "core/status.h"

struct app;

/* Opens the list of versions. */
enum status reint_survey_versions_open(struct app *app);

/* Opens the done visits, each opening its survey. */
enum status reint_survey_visits_open(struct app *app);

/* Opens version id: its questions, weights and answer scores. */
enum status reint_survey_version_open(struct app *app, long long id);

/* Opens the form of a new version made from version from_id. */
enum status reint_survey_form_open(struct app *app, long long from_id);

/* The id of the version the form made last, then 0 (for the list to
 * select it). */
long long reint_survey_form_take_saved(void);

#endif
