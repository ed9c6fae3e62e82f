/* The one clock: set by tests, $TAIMAKO_NOW, or the system's. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, timegm-free parsing */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"

static time_t fixed;          /* set by clock_set; 0: not set */
static int env_read;
static time_t env_time;       /* from $TAIMAKO_NOW; 0: none */

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Reads $TAIMAKO_NOW once: "YYYY-MM-DD" (noon UTC) or "YYYY-MM-DDTHH:MM:SS". */
static time_t from_env(void)
{
	if (env_read)
		return env_time;
	env_read = 1;
	const char *v = getenv("TAIMAKO_NOW");
	int y, mo, d, h = 12, mi = 0, s = 0;
	if (!v || sscanf(v, "%4d-%2d-%2d", &y, &mo, &d) != 3)
		return 0;
	if (strlen(v) > 10 && sscanf(v + 10, "T%2d:%2d:%2d", &h, &mi, &s) != 3)
		return 0;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59)
		return 0;
	env_time = (time_t)(days_from_civil(y, mo, d) * 86400L + h * 3600L + mi * 60L + s);
	return env_time;
}

time_t clock_now(void)
{
	if (fixed)
		return fixed;
	time_t e = from_env();
	return e ? e : time(NULL);
}

double clock_now_precise(void)
{
	if (fixed || from_env())
		return (double)clock_now();
	struct timespec ts;
	if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
		return (double)time(NULL);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void clock_set(time_t t)
{
	fixed = t;
}

struct pdate clock_today(void)
{
	return date_from_time(clock_now());
}

void clock_today_iso(char *out, size_t size)
{
	struct pdate t = clock_today();
	date_to_iso(&t, out, size);
}
