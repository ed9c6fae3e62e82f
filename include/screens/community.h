#ifndef TAIMAKO_SCREENS_COMMUNITY_H
#define TAIMAKO_SCREENS_COMMUNITY_H
/* The screens of community members: the short registration form and the
 * arrival of one who migrates (db/community.h). */
#include "core/status.h"

struct app;

/* The short registration of a new community member. */
enum status community_form_open(struct app *app);

/* The short registration of community member person_id to edit; says so
 * and opens nothing when the person is a migrant. */
enum status community_edit_open(struct app *app, long long person_id);

/* The short registration (ref: the member edited, 0 for a new one) filled
 * from the user's draft json. */
enum status community_form_open_draft(struct app *app, long long ref, const char *json);

/* The arrival at a centre of community member person_id, who becomes a
 * migrant; says so and opens nothing when the person is a migrant. */
enum status community_arrival_open(struct app *app, long long person_id);

#endif
