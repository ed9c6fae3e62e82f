#ifndef TAIMAKO_SCREENS_REGISTRATION_H
#define TAIMAKO_SCREENS_REGISTRATION_H
/* The registration module's screens: intake, duplicates, stays, family. */
#include <stdbool.h>
#include "ui/app.h"

struct person;

/* The registration form: a new person (person_id 0) or an edit. */
enum status intake_open(struct app *app, long long person_id);

/* The registration form of person_id (0: new) filled from the user's draft
 * json (which stays the caller's); also reads drafts kept by position. */
enum status intake_open_draft(struct app *app, long long person_id, const char *json);

/* The stay form of person_id filled from the user's draft json. */
enum status stay_open_draft(struct app *app, long long person_id, const char *json);

/* The people probably the same as p, before p is registered; *go_on is set
 * when the clerk registers p anyway (p is copied, go_on must outlive the
 * screen). */
enum status duplicates_open(struct app *app, const struct person *p, bool *go_on);

/* Services, departure or a new admission of person_id. */
enum status stay_open(struct app *app, long long person_id);

/* How relative_id (listed as name) is related to person_id, then the link. */
enum status relation_open(struct app *app, long long person_id, long long relative_id, const char *name);

#endif
