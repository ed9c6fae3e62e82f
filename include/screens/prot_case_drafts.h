#ifndef TAIMAKO_SCREENS_PROT_CASE_DRAFTS_H
#define TAIMAKO_SCREENS_PROT_CASE_DRAFTS_H
/* The drafts of the protection cases' forms, resumed from the drafts
 * list (the module's .drafts). */
#include "core/status.h"

struct app;

/* The case form again from its draft (ref: the case, or minus the person). */
enum status prot_case_open_draft(struct app *app, long long ref, const char *json);

/* The action form again from its draft (ref: the action, or minus the case). */
enum status prot_action_open_draft(struct app *app, long long ref, const char *json);

#endif
