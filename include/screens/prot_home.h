#ifndef TAIMAKO_SCREENS_PROT_HOME_H
#define TAIMAKO_SCREENS_PROT_HOME_H
/* The protection unit's menu of cases, work lists, returns and figures. */
#include "core/status.h"

struct app;

/* Opens it (home 'e'). */
enum status prot_home_open(struct app *app);

#endif
