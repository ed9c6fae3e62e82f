#ifndef TAIMAKO_SCREENS_PROT_CASES_H
#define TAIMAKO_SCREENS_PROT_CASES_H
/* The screens of protection cases: the cases list, the user's open cases
 * with their overdue actions, a case (risk, concerns, case worker, status,
 * actions, and the keys to its children's, trafficking, referral and
 * return screens), and the case-file action. */
#include "core/status.h"

struct app;

/* The cases list of the user's centre, with filters (hub 'c'). */
enum status prot_cases_open(struct app *app);

/* The user's open cases and their overdue actions (home 'z', hub 'm'). */
enum status prot_my_work_open(struct app *app);

/* The case screen of case id (its opening is audited). */
enum status prot_case_open(struct app *app, long long id);

/* The case-file action: the person's open (or last) case or, for a
 * writer, a new case for them. */
enum status prot_person_open(struct app *app, long long person);

#endif
