#ifndef TAIMAKO_CORE_I18N_H
#define TAIMAKO_CORE_I18N_H
/* The two gettext macros: _() translates now, N_() marks a string to be
 * translated later (tables, messages returned by pure code). */
#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
