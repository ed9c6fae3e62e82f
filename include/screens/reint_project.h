#ifndef TAIMAKO_SCREENS_REINT_PROJECT_H
#define TAIMAKO_SCREENS_REINT_PROJECT_H
/* The screens of collective and community projects: the list (with its
 * filters), the project (details, money, members), the project form and
 * the member form (role, join and leave days). */
#include "core/status.h"

struct app;

/* The projects, by name, with filters by kind, country and status. */
enum status reint_projects_open(struct app *app);

/* The project screen of project id: details, approved/paid/left, members. */
enum status reint_project_open(struct app *app, long long id);

/* The project form: a new project (id 0) or project id to change. */
enum status reint_project_form_open(struct app *app, long long id);

/* The id of the project the form saved since last asked (0: none). */
long long reint_project_form_take_saved(void);

/* The project form (ref: the project, 0 for a new one) filled from the
 * user's draft json. */
enum status reint_project_open_draft(struct app *app, long long ref, const char *json);

/* The member form: person joining project (member 0), or member id's role
 * and leave day (project and person 0). */
enum status reint_member_form_open(struct app *app, long long member, long long project, long long person);

#endif
