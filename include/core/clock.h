#ifndef TAIMAKO_CORE_CLOCK_H
#define TAIMAKO_CORE_CLOCK_H
/* The one clock: every "now" and "today" of the program comes from here,
 * so that tests can set it. Screens and the data layer never read the
 * system clock themselves; SQL's 'now' on the program's connections is
 * this clock too (the file layer they open with, db/rows.c). */
#include <stddef.h>
#include <time.h>
#include "core/date.h"

/* Seconds since the epoch: the set time, else $TAIMAKO_NOW (an ISO day or
 * "YYYY-MM-DDTHH:MM:SS", UTC, read once), else the system clock. */
time_t clock_now(void);

/* As clock_now, with the fraction of a second (for ordering timestamps). */
double clock_now_precise(void);

/* Sets the clock to t for tests; 0 goes back to the system clock. */
void clock_set(time_t t);

/* Today in local time (precision DATE_DAY). */
struct pdate clock_today(void);

/* Today as "YYYY-MM-DD" into out (at least 11 bytes). */
void clock_today_iso(char *out, size_t size);

#endif
