#ifndef TAIMAKO_SCREENS_SCREENS_H
#define TAIMAKO_SCREENS_SCREENS_H
/* The screens, one per file under screens/. Each file defines one of
 * these and nothing else public. */
#include "ui/app.h"

extern const struct screen screen_login;    /* screens/login.c; the root */
extern const struct screen screen_home;     /* screens/home.c; arg: none */
extern const struct screen screen_help;     /* screens/help.c; arg: the screen to explain */
extern const struct screen screen_prefs;    /* screens/prefs.c; arg: none */
extern const struct screen screen_reflist;  /* screens/reflist.c; arg: const enum ref_kind * */
extern const struct screen screen_users;    /* screens/users.c; arg: none */
extern const struct screen screen_user_form;/* screens/user_form.c; arg: account name, or NULL for new */
extern const struct screen screen_password; /* screens/password.c; arg: account name, or NULL for one's own */
extern const struct screen screen_lookup;   /* screens/lookup.c; arg: NULL, or const struct lookup_pick * */
extern const struct screen screen_casefile; /* screens/casefile.c; arg: const long long *person id */
extern const struct screen screen_intake;   /* screens/intake.c; arg: const long long *person id, or NULL for new */
extern const struct screen screen_duplicates; /* screens/duplicates.c; arg: const struct person * */
extern const struct screen screen_stay;     /* screens/stay.c; arg: const long long *person id */
extern const struct screen screen_relation; /* screens/relation.c; arg: const struct relation_arg * */
extern const struct screen screen_consultation; /* screens/consultation.c; arg: const long long *person id */
extern const struct screen screen_medical;  /* screens/medical.c; arg: const long long *person id */
extern const struct screen screen_medcase;  /* screens/medcase.c; arg: const struct medcase_arg * */
extern const struct screen screen_fitness;  /* screens/fitness.c; arg: const long long *person id */
extern const struct screen screen_followup; /* screens/followup.c; arg: none */
extern const struct screen screen_medreport;/* screens/medreport.c; arg: none */
extern const struct screen screen_audit;    /* screens/audit.c; arg: const struct audit_target *, or NULL */

/* What the audit screen shows at first: one record's history. */
struct audit_target {
	char entity[32];     /* "app_user", "person", ... */
	long long id;
	char title[64];      /* shown in the heading */
};

#endif
