#ifndef TAIMAKO_SCREENS_REINT_CASES_H
#define TAIMAKO_SCREENS_REINT_CASES_H
/* The screens of reintegration cases and plans: the cases list, the case
 * (its details and plan with items, planned, paid and left), the case,
 * item and business plan forms, the forms of a decision (closing a case,
 * returning or cancelling a plan) and the plans waiting for approval. */
#include <stddef.h>
#include "core/status.h"

struct app;

/* The cases list: the user's cases, or all of the centre's (home 'r'). */
enum status reint_cases_open(struct app *app);

/* The case screen of case id. */
enum status reint_case_open(struct app *app, long long id);

/* Closes the current screen and opens case id's in its place (call it
 * last in a callback). */
enum status reint_case_instead(struct app *app, long long id);

/* The case-file action: opens the person's case or, for a writer, offers
 * to open one with the defaults. */
enum status reint_person_open(struct app *app, long long person);

/* The case form: case id to edit. */
enum status reint_case_form_open(struct app *app, long long id);

/* The case form of a new case of person, with the defaults proposed. */
enum status reint_case_new_open(struct app *app, long long person);

/* The case form filled from the user's draft json (ref: the case, or
 * minus the person for a new case). */
enum status reint_case_open_draft(struct app *app, long long ref, const char *json);

/* The item form: item id of plan to edit, or a new item (id 0). */
enum status reint_item_form_open(struct app *app, long long plan, long long id);

/* The item form from the user's draft (ref: the item, or minus the plan
 * for a new item). */
enum status reint_item_open_draft(struct app *app, long long ref, const char *json);

/* The business plan form of small-business item. */
enum status reint_business_form_open(struct app *app, long long item);

/* What a decision form decides. */
enum reint_decision { REINT_CLOSE_CASE, REINT_RETURN_PLAN, REINT_CANCEL_PLAN, REINT_NEW_PLAN };

/* The decision form on id (a case or a plan) at version: closing a case
 * (reason and day), returning a plan to draft (comment) or cancelling it
 * (reason), or drafting a new plan of case id (its currency). */
enum status reint_decision_open(struct app *app, enum reint_decision what, long long id, int version);

/* The plans waiting for approval (home 'j', managers). */
enum status reint_approvals_open(struct app *app);

#endif
