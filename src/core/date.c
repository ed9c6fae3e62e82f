/* Partial calendar dates: parsing, formatting, checks and age ranges.
 * See include/core/date.h for the contract. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* localtime_r */
#endif

#include "core/date.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2100

/* Digit groups found in a typed date, in the order typed. */
struct groups {
	int n;          /* how many, at most 3 */
	int val[3];     /* value of each (only meaningful up to 9 digits) */
	int len[3];     /* digits in each, leading zeros included */
};

/* A fully known day, for comparisons and age arithmetic. */
struct ymd {
	int y, m, d;
};

/* Blank in the C locale, without depending on the current locale. */
static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

/* ASCII digit only: isdigit may accept more in some locales. */
static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The punctuation accepted between date parts (blanks are also accepted). */
static bool is_sep(char c)
{
	return c == '/' || c == '-' || c == '.';
}

/* Splits a typed date into digit groups, so every accepted form can then be
 * told apart by how many groups there are and how long the first one is. */
static enum date_status split_groups(const char *s, struct groups *g)
{
	const char *p = s, *end;
	char kind = 0;

	g->n = 0;
	while (is_blank(*p))
		p++;
	end = p + strlen(p);
	while (end > p && is_blank(end[-1]))
		end--;
	if (p == end)
		return DATE_EMPTY;
	for (;;) {
		const char *sep;
		int len = 0, v = 0;
		char k;

		while (p < end && is_digit(*p)) {
			/* Longer groups are refused by length anyway;
			 * stopping here keeps v from overflowing. */
			if (len < 9)
				v = v * 10 + (*p - '0');
			len++;
			p++;
		}
		if (len == 0 || g->n == 3)
			return DATE_SYNTAX;
		g->val[g->n] = v;
		g->len[g->n] = len;
		g->n++;
		if (p == end)
			return DATE_OK;
		sep = p;
		while (p < end && is_blank(*p))
			p++;
		k = ' ';
		if (p < end && is_sep(*p)) {
			k = *p++;
			while (p < end && is_blank(*p))
				p++;
		}
		if (p == sep)
			return DATE_SYNTAX;
		/* "15/06-2010" is more likely a typo than a date. */
		if (kind && kind != k)
			return DATE_SYNTAX;
		kind = k;
	}
}

/* Checks the fields that prec says are known, year first because the
 * length of a month depends on it. */
static enum date_status check_fields(int y, int m, int d,
				     enum date_precision prec)
{
	if (prec == DATE_NONE || prec > DATE_DAY)
		return DATE_SYNTAX;
	if (y < YEAR_MIN || y > YEAR_MAX)
		return DATE_BAD_YEAR;
	if (prec >= DATE_MONTH && (m < 1 || m > 12))
		return DATE_BAD_MONTH;
	if (prec == DATE_DAY && (d < 1 || d > date_days_in_month(y, m)))
		return DATE_BAD_DAY;
	return DATE_OK;
}

/* Checks the fields, then fills *out only when they are all valid. */
static enum date_status set_date(int y, int m, int d,
				 enum date_precision prec, struct pdate *out)
{
	enum date_status st = check_fields(y, m, d, prec);

	if (st != DATE_OK)
		return st;
	out->year = y;
	out->month = prec >= DATE_MONTH ? m : 0;
	out->day = prec == DATE_DAY ? d : 0;
	out->prec = prec;
	return DATE_OK;
}

/* Reads a typed date from its digit groups: day and month take one or two
 * digits, the year exactly four (so "15/06/10" is a bad year, not syntax). */
enum date_status date_parse(const char *s, struct pdate *out)
{
	struct groups g;
	enum date_status st;
	int y, m = 0, d = 0, mi, di = -1;
	enum date_precision prec;

	if (!out)
		return DATE_SYNTAX;
	memset(out, 0, sizeof(*out));
	if (!s)
		return DATE_EMPTY;
	st = split_groups(s, &g);
	if (st != DATE_OK)
		return st;
	if (g.n == 1) {
		if (g.len[0] != 4)
			return DATE_BAD_YEAR;
		return set_date(g.val[0], 0, 0, DATE_YEAR, out);
	}
	if (g.len[0] == 4) {
		/* ISO order: YYYY-MM or YYYY-MM-DD. */
		y = g.val[0];
		mi = 1;
		if (g.n == 3)
			di = 2;
	} else {
		/* People's order: MM/YYYY or DD/MM/YYYY. */
		if (g.len[g.n - 1] != 4)
			return DATE_BAD_YEAR;
		y = g.val[g.n - 1];
		mi = g.n - 2;
		if (g.n == 3)
			di = 0;
	}
	if (g.len[mi] > 2 || (di >= 0 && g.len[di] > 2))
		return DATE_SYNTAX;
	m = g.val[mi];
	prec = DATE_MONTH;
	if (di >= 0) {
		d = g.val[di];
		prec = DATE_DAY;
	}
	return set_date(y, m, d, prec, out);
}

/* Reads exactly n ASCII digits at s into *v. */
static bool read_digits(const char *s, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

/* Reads the storage form strictly: anything else in the database is a bug
 * that should show, not a date to guess at. */
enum date_status date_from_iso(const char *s, struct pdate *out)
{
	size_t len;
	int y, m = 0, d = 0;
	enum date_precision prec = DATE_YEAR;

	if (!out)
		return DATE_SYNTAX;
	memset(out, 0, sizeof(*out));
	if (!s || !*s)
		return DATE_EMPTY;
	len = strlen(s);
	if (len != 4 && len != 7 && len != 10)
		return DATE_SYNTAX;
	if (!read_digits(s, 4, &y))
		return DATE_SYNTAX;
	if (len >= 7) {
		if (s[4] != '-' || !read_digits(s + 5, 2, &m))
			return DATE_SYNTAX;
		prec = DATE_MONTH;
	}
	if (len == 10) {
		if (s[7] != '-' || !read_digits(s + 8, 2, &d))
			return DATE_SYNTAX;
		prec = DATE_DAY;
	}
	return set_date(y, m, d, prec, out);
}

/* Writes an empty string, the form of an unknown date, as snprintf would. */
static int write_empty(char *out, size_t n)
{
	if (out && n > 0)
		out[0] = '\0';
	return 0;
}

/* Writes d the way people read it: DD/MM/YYYY, MM/YYYY or YYYY. */
int date_format(const struct pdate *d, char *out, size_t n)
{
	if (!d)
		return write_empty(out, n);
	switch (d->prec) {
	case DATE_DAY:
		return snprintf(out, n, "%02d/%02d/%04d", d->day, d->month,
				d->year);
	case DATE_MONTH:
		return snprintf(out, n, "%02d/%04d", d->month, d->year);
	case DATE_YEAR:
		return snprintf(out, n, "%04d", d->year);
	case DATE_NONE:
	default:
		return write_empty(out, n);
	}
}

/* Writes d the way it is stored: YYYY-MM-DD, YYYY-MM or YYYY, which sort
 * as text in date order. */
int date_to_iso(const struct pdate *d, char *out, size_t n)
{
	if (!d)
		return write_empty(out, n);
	switch (d->prec) {
	case DATE_DAY:
		return snprintf(out, n, "%04d-%02d-%02d", d->year, d->month,
				d->day);
	case DATE_MONTH:
		return snprintf(out, n, "%04d-%02d", d->year, d->month);
	case DATE_YEAR:
		return snprintf(out, n, "%04d", d->year);
	case DATE_NONE:
	default:
		return write_empty(out, n);
	}
}

/* Turns a time into the local calendar day; DATE_NONE if it cannot. */
struct pdate date_from_time(time_t t)
{
	struct pdate d = { 0, 0, 0, DATE_NONE };
	struct tm tm;

	if (!localtime_r(&t, &tm))
		return d;
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	d.prec = DATE_DAY;
	return d;
}

/* Gives the length of month m of year y, 0 for a month that does not exist. */
int date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30,
				       31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* True when d holds a date that check_fields accepts. */
static bool is_valid(const struct pdate *d)
{
	return d && check_fields(d->year, d->month, d->day, d->prec) == DATE_OK;
}

/* Finds the first and last days a valid partial date can mean. */
static void date_span(const struct pdate *d, struct ymd *first,
		      struct ymd *last)
{
	first->y = last->y = d->year;
	first->m = d->prec >= DATE_MONTH ? d->month : 1;
	last->m = d->prec >= DATE_MONTH ? d->month : 12;
	first->d = d->prec == DATE_DAY ? d->day : 1;
	last->d = d->prec == DATE_DAY ? d->day : date_days_in_month(last->y,
								   last->m);
}

/* Orders two days like strcmp. */
static int ymd_cmp(const struct ymd *a, const struct ymd *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	if (a->d != b->d)
		return a->d < b->d ? -1 : 1;
	return 0;
}

/* Whole years from day b to day o (b not after o); someone born on 29/02
 * turns a year older on 01/03 in common years. */
static int whole_years(const struct ymd *b, const struct ymd *o)
{
	int years = o->y - b->y;

	if (o->m < b->m || (o->m == b->m && o->d < b->d))
		years--;
	return years;
}

/* Flags d as future only when even its earliest day is after the latest day
 * today can mean, so a partial date in the current year or month passes. */
enum date_status date_check_past(const struct pdate *d,
				 const struct pdate *today)
{
	struct ymd d_first, d_last, t_first, t_last;

	if (!is_valid(d) || !is_valid(today))
		return DATE_OK;
	date_span(d, &d_first, &d_last);
	date_span(today, &t_first, &t_last);
	return ymd_cmp(&d_first, &t_last) > 0 ? DATE_FUTURE : DATE_OK;
}

/* Bounds the age by taking the latest possible birth for the minimum and the
 * earliest for the maximum; a partial `on` stands for any of its days. */
int date_age_range(const struct pdate *birth, const struct pdate *on,
		   int *min, int *max)
{
	struct ymd b_first, b_last, o_first, o_last;
	int lo, hi;

	if (!is_valid(birth) || !is_valid(on))
		return -1;
	date_span(birth, &b_first, &b_last);
	date_span(on, &o_first, &o_last);
	if (ymd_cmp(&b_first, &o_last) > 0)
		return -1;
	hi = whole_years(&b_first, &o_last);
	/* A birth still to come on o_first cannot be, so clip it to 0. */
	lo = ymd_cmp(&b_last, &o_first) > 0 ? 0 : whole_years(&b_last, &o_first);
	if (min)
		*min = lo;
	if (max)
		*max = hi;
	return 0;
}

/* Gives the short English message id shown beside a date field for st;
 * never "", which gettext would answer with the catalogue header. */
const char *date_status_msgid(enum date_status st)
{
	switch (st) {
	case DATE_OK:
		return N_("The date is valid.");
	case DATE_EMPTY:
		return N_("No date given.");
	case DATE_SYNTAX:
		return N_("Enter a date as DD/MM/YYYY, MM/YYYY or YYYY.");
	case DATE_BAD_DAY:
		return N_("That day does not exist in that month.");
	case DATE_BAD_MONTH:
		return N_("The month must be between 1 and 12.");
	case DATE_BAD_YEAR:
		return N_("The year must be four digits, 1900 to 2100.");
	case DATE_FUTURE:
		return N_("The date is in the future.");
	default:
		return N_("Enter a date as DD/MM/YYYY, MM/YYYY or YYYY.");
	}
}

bool date_is_day(const char *iso)
{
	struct pdate d;
	return iso && date_from_iso(iso, &d) == DATE_OK && d.prec == DATE_DAY;
}
