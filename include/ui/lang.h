#ifndef TAIMAKO_UI_LANG_H
#define TAIMAKO_UI_LANG_H
/* The user-interface language, switchable at run time, working even where
 * the only system locale is C.UTF-8. */
#include <stddef.h>

/* Sets the locale from the environment (falling back to C.UTF-8 so that
 * wide characters work), binds the message catalogue from localedir (or
 * $TAIMAKO_LOCALEDIR) and selects lang ("fr" or "en"). */
void lang_init(const char *localedir, const char *lang);

/* Switches the messages to lang ("fr" or "en"); later gettext calls
 * return the new language. */
void lang_set(const char *lang);

/* msgid translated into lang ("fr" or "en") into out, whatever the
 * current language, which is left as it was. */
void lang_translate(const char *lang, const char *msgid, char *out, size_t size);

/* The current language: "fr" or "en". */
const char *lang_get(void);

#endif
