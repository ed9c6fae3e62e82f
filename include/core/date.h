#ifndef TAIMAKO_CORE_DATE_H
#define TAIMAKO_CORE_DATE_H
/* Calendar dates that may be partial (year only, month and year), as people
 * give them at intake. Pure functions, no I/O; "today" is always passed in. */
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

enum date_precision { DATE_NONE = 0, DATE_YEAR, DATE_MONTH, DATE_DAY };

struct pdate {
	int year;                  /* 1900..2100 */
	int month;                 /* 1..12, 0 when precision < DATE_MONTH */
	int day;                   /* 1..31, 0 when precision < DATE_DAY */
	enum date_precision prec;
};

enum date_status {
	DATE_OK = 0,
	DATE_EMPTY,        /* nothing but blanks */
	DATE_SYNTAX,       /* not one of the accepted forms */
	DATE_BAD_DAY,      /* day does not exist in that month (31/04, 29/02/2023) */
	DATE_BAD_MONTH,    /* month outside 1..12 */
	DATE_BAD_YEAR,     /* year outside 1900..2100, or two-digit year */
	DATE_FUTURE,       /* after today (from date_check_past) */
};

/* Parses a date typed by a user: "DD/MM/YYYY", "MM/YYYY", "YYYY", with '/',
 * '-', '.' or ' ' as separator and optional leading zeros, or ISO
 * "YYYY-MM-DD" / "YYYY-MM". Leading and trailing blanks are ignored, and so
 * are blanks around a separator; separators may not be mixed ("15/06-2010").
 * Day and month take 1 or 2 digits, the year exactly 4 (else DATE_BAD_YEAR).
 * On success fills *out; on failure leaves *out with prec DATE_NONE. */
enum date_status date_parse(const char *s, struct pdate *out);

/* Parses the storage form written by date_to_iso. */
enum date_status date_from_iso(const char *s, struct pdate *out);

/* True when iso is a full day in the storage form ("YYYY-MM-DD"). */
bool date_is_day(const char *iso);

/* Writes the display form: "DD/MM/YYYY", "MM/YYYY" or "YYYY" ("" for
 * DATE_NONE). Returns the length, as snprintf. */
int date_format(const struct pdate *d, char *out, size_t n);

/* Writes the storage form: "YYYY-MM-DD", "YYYY-MM" or "YYYY". */
int date_to_iso(const struct pdate *d, char *out, size_t n);

/* The local calendar day of t (localtime_r), precision DATE_DAY. */
struct pdate date_from_time(time_t t);

/* Days in month m of year y (leap years per the Gregorian calendar). */
int date_days_in_month(int y, int m);

/* DATE_FUTURE when the earliest day d can mean is after today, else DATE_OK
 * (also for DATE_NONE). today should be a full date; a partial one counts as
 * its last day. */
enum date_status date_check_past(const struct pdate *d, const struct pdate *today);

/* Age in whole years on day `on` of someone born on the partial date birth:
 * *min and *max bound it (equal for a full date). Returns 0, or -1 (leaving
 * *min and *max alone) when birth is DATE_NONE or invalid, or when its
 * earliest day is after `on`. A partial `on` stands for any of its days. */
int date_age_range(const struct pdate *birth, const struct pdate *on, int *min, int *max);

/* Message id (English, untranslated: pass it to gettext) explaining st.
 * Never "" (gettext("") returns the catalogue header), even for DATE_OK. */
const char *date_status_msgid(enum date_status st);

#endif
