#ifndef TAIMAKO_UI_LANG_H
#define TAIMAKO_UI_LANG_H
/* The user-interface language, switchable at run time, working even where
 * the only system locale is C.UTF-8. */

/* Sets the locale from the environment (falling back to C.UTF-8 so that
 * wide characters work), binds the message catalogue from localedir (or
 * $TAIMAKO_LOCALEDIR) and selects lang ("fr" or "en"). */
void lang_init(const char *localedir, const char *lang);

/* Switches the messages to lang ("fr" or "en"); later gettext calls
 * return the new language. */
void lang_set(const char *lang);

/* The current language: "fr" or "en". */
const char *lang_get(void);

#endif
