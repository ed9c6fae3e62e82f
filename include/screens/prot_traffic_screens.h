#ifndef TAIMAKO_SCREENS_PROT_TRAFFIC_SCREENS_H
#define TAIMAKO_SCREENS_PROT_TRAFFIC_SCREENS_H
/* The screens behind the victim's page, the consents and the referrals
 * (screens/prot_trafficking.h): their forms and lists. */
#include "core/status.h"

struct app;

/* Which set of a victim's record a toggle list edits. */
enum prot_traf_set { PROT_SET_CONTROL, PROT_SET_EXPLOIT, PROT_SET_ASSIST };

/* The identification form of the victim of case case_id (recorded when
 * the case has no record yet, else changed). Draft kind
 * "prot_trafficking", its ref the case. */
enum status prot_traffic_form_open(struct app *app, long long case_id);

/* Reopens that form from a draft (ref: the case). */
enum status prot_traffic_form_open_draft(struct app *app, long long ref, const char *json);

/* The toggle list of one set of the victim's record of case case_id. */
enum status prot_traffic_toggles_open(struct app *app, long long case_id, enum prot_traf_set set);

/* The countries of origin, transit and exploitation of that record. */
enum status prot_traffic_countries_open(struct app *app, long long case_id);

/* The form adding a country to that record. */
enum status prot_traffic_country_add_open(struct app *app, long long case_id);

/* The form of a consent of case case_id to use. */
enum status prot_consent_form_open(struct app *app, long long case_id, const char *use);

/* The form of a new referral of case case_id, out or in (direction), or
 * of referral id when id is not 0. New ones keep a draft (kind
 * "prot_referral", its ref the case; the direction is a field). */
enum status prot_referral_form_open(struct app *app, long long case_id, const char *direction, long long id);

/* Reopens a new referral's form from a draft (ref: the case). */
enum status prot_referral_form_open_draft(struct app *app, long long ref, const char *json);

#endif
