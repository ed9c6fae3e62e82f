#ifndef TAIMAKO_SCREENS_PROT_CASE_PRIVATE_H
#define TAIMAKO_SCREENS_PROT_CASE_PRIVATE_H
/* What the screens of protection cases share. Private to screens/. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"
#include "screens/prot_case_drafts.h"

struct app;

/* The form of case id (0: a new case of person, prefilled). */
enum status prot_case_form_open(struct app *app, long long id, long long person);

/* The form closing or transferring case id at version. */
enum status prot_case_end_open(struct app *app, long long id, int version);

/* The form of action id (0: a new action of case case_id). */
enum status prot_action_form_open(struct app *app, long long id, long long case_id);

/* The form marking action id (at version) done. */
enum status prot_action_done_open(struct app *app, long long id, int version);

/* The concerns of case id: add with a note, remove. */
enum status prot_concerns_open(struct app *app, long long id);

/* The case screen of id in place of the current screen (after a new case). */
enum status prot_case_instead(struct app *app, long long id);

/* The overdue actions of the user's centre: the user's own when mine. */
enum status prot_overdue_open(struct app *app, bool mine);

/* iso as the user reads a day, into out. */
void prot_day_text(const char *iso, char *out, size_t size);

#endif
