#ifndef TAIMAKO_SCREENS_SCREENS_H
#define TAIMAKO_SCREENS_SCREENS_H
/* The shared screens, one per file under screens/, and the typed functions
 * that open them. Modules' screens are in their own headers
 * (screens/registration.h, screens/medical.h, screens/admin.h). */
#include <stdbool.h>
#include "ui/app.h"

extern const struct screen screen_login;    /* screens/login.c; the root */
extern const struct screen screen_home;     /* screens/home.c; the base once signed in */
extern const struct screen screen_help;     /* screens/help.c; arg: the screen to explain */
extern const struct screen screen_lookup;   /* screens/lookup.c; what / opens */

/* Opens the quick lookup; Enter opens the case file. */
enum status lookup_open(struct app *app);

/* The lookup used to pick a person for something else: a family member, the
 * patient of a consultation, the participant of a session... */
struct lookup_pick {
	const char *prompt;    /* msgid shown above the results */
	long long for_id;      /* the record the pick is for, given back to open (0: none) */
	long long exclude;     /* a person who cannot be picked (0: none) */
	bool replace;          /* the lookup closes before open is called */
	/* Opens what comes next for the picked person (name as listed). */
	enum status (*open)(struct app *app, long long for_id, long long person_id, const char *name);
};

/* Opens the lookup in pick mode (pick is copied). */
enum status lookup_pick(struct app *app, const struct lookup_pick *pick);

/* Opens the case file of person_id (audited as an opening). */
enum status casefile_open(struct app *app, long long person_id);

/* Closes the current screen and opens the case file in its place. */
enum status casefile_instead(struct app *app, long long person_id);

/* One's own preferences. */
enum status prefs_open(struct app *app);

/* One's own preferences, filled from the user's draft json (ref unused). */
enum status prefs_open_draft(struct app *app, long long ref, const char *json);

/* The password form: account's (an administrator's reset), or one's own
 * when account is NULL. */
enum status password_open(struct app *app, const char *account);

#endif
