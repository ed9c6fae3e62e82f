#ifndef TAIMAKO_SCREENS_PSYCH_SESSIONS_H
#define TAIMAKO_SCREENS_PSYCH_SESSIONS_H
/* The screens of psychosocial sessions and activities: the centre's list,
 * the session form, the attendance roll and the head counts. */
#include "core/status.h"

struct app;

/* The sessions of the user's centre, newest first. */
enum status psych_sessions_open(struct app *app);

/* The roll of today's session at the user's centre: the only one opens
 * directly, several are listed to choose from. */
enum status psych_roll_today(struct app *app);

/* The session form: a new session (id 0) or session id to change. */
enum status psych_session_form_open(struct app *app, long long id);

/* The id of the session the form saved since last asked (0: none). */
long long psych_session_form_take_saved(void);

/* The session form of session id with its status set to cancelled and the
 * reason to give. */
enum status psych_session_cancel_open(struct app *app, long long id);

/* The session form (ref: the session, 0 for a new one) filled from the
 * user's draft json. */
enum status psych_session_open_draft(struct app *app, long long ref, const char *json);

/* The attendance roll of session id. */
enum status psych_roll_open(struct app *app, long long id);

/* The head counts of session id (boys, girls, men, women). */
enum status psych_headcount_open(struct app *app, long long id);

#endif
