#ifndef TAIMAKO_SCREENS_DRAFTS_H
#define TAIMAKO_SCREENS_DRAFTS_H
/* Reopening a form from its draft (see db/draft.h): one function per kind
 * of draft, given the draft's ref_id and JSON text (which stays the
 * caller's). Each opens the form over the current screen with
 * app_push_draft and returns what it returns. */
#include "core/status.h"

struct app;

/* What every one of them is: what a module's draft kind names. */
typedef enum status (*draft_open_fn)(struct app *app, long long ref_id, const char *json);

/* Kind "intake": the registration form; ref_id is the person edited, 0
 * for a new registration. Also reads drafts kept by field position. */
enum status intake_open_draft(struct app *app, long long ref_id, const char *json);

/* Kind "consultation": a new consultation of person ref_id. */
enum status consultation_open_draft(struct app *app, long long ref_id, const char *json);

/* Kind "stay": the stay form of person ref_id. */
enum status stay_open_draft(struct app *app, long long ref_id, const char *json);

/* Kind "fitness": the fitness to travel of person ref_id. */
enum status fitness_open_draft(struct app *app, long long ref_id, const char *json);

#endif
