/* Fuzz target: dates typed by users and read from storage (core/date.c).
 * Input: a typed date, optionally a NUL and a second one (the day an age
 * is counted on). Properties: a date accepted has its fields in range, is
 * a day that exists, and formats back (display and storage forms) to an
 * equal date; a date refused is left empty with a message; the storage
 * reader accepts exactly what the writer writes; age ranges are ordered,
 * exact for full dates, and agree with the "future" check. */
#include "core/date.h"
#include "fuzz.h"

static bool same(const struct pdate *a, const struct pdate *b)
{
	return a->year == b->year && a->month == b->month && a->day == b->day && a->prec == b->prec;
}

/* Checks one typed date; returns whether it was accepted, into *d. */
static bool check_one(const char *typed, struct pdate *d)
{
	enum date_status st = date_parse(typed, d);
	const char *msg = date_status_msgid(st);
	FUZZ_CHECK(msg && msg[0]);
	if (st != DATE_OK) {
		FUZZ_CHECK(d->prec == DATE_NONE);
		FUZZ_CHECK(st == DATE_EMPTY || st == DATE_SYNTAX || st == DATE_BAD_DAY || st == DATE_BAD_MONTH ||
		           st == DATE_BAD_YEAR);
		return false;
	}
	FUZZ_CHECK(d->prec >= DATE_YEAR && d->prec <= DATE_DAY);
	FUZZ_CHECK(d->year >= 1900 && d->year <= 2100);
	FUZZ_CHECK(d->prec >= DATE_MONTH ? d->month >= 1 && d->month <= 12 : d->month == 0);
	FUZZ_CHECK(d->prec == DATE_DAY ? d->day >= 1 && d->day <= date_days_in_month(d->year, d->month)
	                               : d->day == 0);

	char shown[32], iso[32];
	struct pdate back;
	int n = date_format(d, shown, sizeof shown);
	FUZZ_CHECK(n > 0 && (size_t)n == strlen(shown));
	FUZZ_CHECK(date_parse(shown, &back) == DATE_OK && same(&back, d));
	n = date_to_iso(d, iso, sizeof iso);
	FUZZ_CHECK(n > 0 && (size_t)n == strlen(iso));
	FUZZ_CHECK(date_from_iso(iso, &back) == DATE_OK && same(&back, d));
	FUZZ_CHECK(date_parse(iso, &back) == DATE_OK && same(&back, d));
	FUZZ_CHECK(date_is_day(iso) == (d->prec == DATE_DAY));
	/* A cut buffer still holds a string, as snprintf does. */
	char small[3];
	FUZZ_CHECK(date_format(d, small, sizeof small) == (int)strlen(shown) && strlen(small) < sizeof small);
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	char *first = fuzz_cstr(data, nul ? (size_t)(nul - data) : size);
	char *second = nul ? fuzz_cstr(nul + 1, size - (size_t)(nul - data) - 1) : NULL;
	struct pdate a, b, iso;

	bool ok_a = check_one(first, &a);
	/* The storage reader: what it accepts, the writer writes again. */
	if (date_from_iso(first, &iso) == DATE_OK) {
		char again[32];
		date_to_iso(&iso, again, sizeof again);
		FUZZ_CHECK(strcmp(again, first) == 0);
	} else {
		FUZZ_CHECK(iso.prec == DATE_NONE);
	}
	if (second && ok_a && check_one(second, &b)) {
		int lo = -7, hi = -7;
		int r = date_age_range(&a, &b, &lo, &hi);
		enum date_status future = date_check_past(&a, &b);
		FUZZ_CHECK(future == DATE_OK || future == DATE_FUTURE);
		/* No age exactly when even the earliest birth is after the
		 * latest day counted on: the same test as "in the future". */
		FUZZ_CHECK((r == -1) == (future == DATE_FUTURE));
		if (r == 0) {
			FUZZ_CHECK(lo >= 0 && lo <= hi && hi <= 2100 - 1900);
			if (a.prec == DATE_DAY && b.prec == DATE_DAY)
				FUZZ_CHECK(lo == hi);
		} else {
			FUZZ_CHECK(lo == -7 && hi == -7);
		}
		/* Born the same day it is counted on: age 0. */
		FUZZ_CHECK(date_age_range(&b, &b, &lo, &hi) == 0 && lo == 0);
	}
	free(first);
	free(second);
	return 0;
}
