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

#endif
