/* Dates and ages of legacy spreadsheets: core/date.h reads the forms
 * typed in the screens; here come what spreadsheets add (a time after the
 * date, Excel's day numbers) and ages written in words. */
#include "core/import_date.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "core/i18n.h"

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

/* The day days after 1970-01-01 into *y, *m, *d. */
static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* True when s (from its start) is a time "hh:mm" or "hh:mm:ss" with
 * perhaps fractions, then nothing but blanks. */
static bool is_time(const char *s)
{
	if (!isdigit((unsigned char)s[0]))
		return false;
	int i = isdigit((unsigned char)s[1]) ? 2 : 1;
	if (s[i] != ':' || !isdigit((unsigned char)s[i + 1]) || !isdigit((unsigned char)s[i + 2]))
		return false;
	for (i += 3; s[i]; i++)
		if (!isdigit((unsigned char)s[i]) && s[i] != ':' && s[i] != '.' && s[i] != ' ' && s[i] != 'Z')
			return false;
	return true;
}

const char *import_date(const char *cell, char *iso, size_t size)
{
	if (size)
		iso[0] = '\0';
	char text[64];
	size_t skip = strspn(cell, " \t");
	if (strlen(cell + skip) >= sizeof text)
		return N_("not a date");
	snprintf(text, sizeof text, "%s", cell + skip);
	size_t n = strlen(text);
	while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		text[--n] = '\0';
	if (!n)
		return N_("no date");
	/* A time after the date: dropped. */
	char *t = strchr(text, 'T');
	if (t && t > text && isdigit((unsigned char)t[-1]) && is_time(t + 1))
		*t = '\0';
	char *sp = strrchr(text, ' ');
	if (sp && is_time(sp + 1))
		*sp = '\0';
	/* An Excel day number: 1 is 1900-01-01, and Excel counts a 29 February
	 * 1900 that did not exist, so later numbers are a day ahead. */
	if (strspn(text, "0123456789") == strlen(text) && strlen(text) == 5) {
		long serial = 0;
		sscanf(text, "%ld", &serial);
		if (serial < 10000 || serial > 73050)
			return N_("not a date");
		int y, m, d;
		civil_from_days(days_from_civil(1899, 12, 30) + serial, &y, &m, &d);
		snprintf(iso, size, "%04d-%02d-%02d", y, m, d);
		return NULL;
	}
	struct pdate pd;
	enum date_status st = date_parse(text, &pd);
	if (st != DATE_OK)
		return date_status_msgid(st);
	date_to_iso(&pd, iso, size);
	return NULL;
}

/* The words an age may have around its number, lower case. */
static const char *const age_words[] = {
	"about", "approx", "approximately", "around", "aged", "age", "years", "year", "yrs", "yr", "y", "old",
	"environ", "env", "vers", "ans", "an", "a", "agé", "âgé", "agée", "âgée", "de", "d", "~", "+/-", "±",
	"ca", "circa", "+-",
};

/* True when word (len bytes) is one of age_words, case ignored. */
static bool age_word(const char *word, size_t len)
{
	for (size_t i = 0; i < sizeof age_words / sizeof age_words[0]; i++)
		if (strlen(age_words[i]) == len && strncasecmp(word, age_words[i], len) == 0)
			return true;
	return false;
}

const char *import_age(const char *cell, int *years)
{
	int found = -1;
	const char *s = cell;
	while (*s) {
		if (*s == ' ' || *s == '\t' || *s == '.' || *s == ',' || *s == '\'' || *s == '(' || *s == ')') {
			s++;
			continue;
		}
		if (isdigit((unsigned char)*s)) {
			size_t len = strspn(s, "0123456789");
			if (found >= 0 || len > 3)
				return N_("not an age in years");
			int v = 0;
			for (size_t i = 0; i < len; i++)
				v = v * 10 + (s[i] - '0');
			found = v;
			s += len;
			/* "25ans", "25a" */
			continue;
		}
		size_t len = strcspn(s, " \t.,'()0123456789");
		if (len == 0)
			len = 1;
		if (!age_word(s, len))
			return N_("not an age in years");
		s += len;
	}
	if (found < 0)
		return N_("no age");
	if (found > 120)
		return N_("the age is over 120 years");
	*years = found;
	return NULL;
}
