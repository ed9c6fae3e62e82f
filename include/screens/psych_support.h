#ifndef TAIMAKO_SCREENS_PSYCH_SUPPORT_H
#define TAIMAKO_SCREENS_PSYCH_SUPPORT_H
/* Individual psychosocial support: the form of a session with one person,
 * a person's support history and the follow-up list of appointments. Only
 * the psychosocial role opens them (PERM_PSYCH_NOTES). */
#include "core/status.h"

struct app;

/* A new support session of person_id. */
enum status psych_support_open(struct app *app, long long person_id);

/* A new support session of person_id filled from the user's draft json. */
enum status psych_support_open_draft(struct app *app, long long person_id, const char *json);

/* The saved support session support_id, to change (its opening audited). */
enum status psych_support_open_saved(struct app *app, long long support_id);

/* A saved support session being changed, filled from the user's draft json. */
enum status psych_support_saved_open_draft(struct app *app, long long support_id, const char *json);

/* The support history of person_id (its opening audited). */
enum status psych_person_open(struct app *app, long long person_id);

/* The follow-up list of support appointments at the user's centre. */
enum status psych_followup_open(struct app *app);

#endif
