/* Unit tests for src/core/date.c: parsing, formatting, checks, ages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "core/date.h"

/* Macros rather than functions so a failure points at the test's line. */
#define assert_parses(s, y, m, d, p)                                       \
	do {                                                               \
		struct pdate pd_ = { -1, -1, -1, DATE_DAY };               \
		assert_int_equal(date_parse((s), &pd_), DATE_OK);          \
		assert_int_equal(pd_.year, (y));                           \
		assert_int_equal(pd_.month, (m));                          \
		assert_int_equal(pd_.day, (d));                            \
		assert_int_equal(pd_.prec, (p));                           \
	} while (0)

#define assert_parse_fails(s, st)                                          \
	do {                                                               \
		struct pdate pd_ = { 2000, 1, 1, DATE_DAY };               \
		assert_int_equal(date_parse((s), &pd_), (st));             \
		assert_int_equal(pd_.prec, DATE_NONE);                     \
	} while (0)

/* Builds a pdate in one expression. */
static struct pdate mk(int y, int m, int d, enum date_precision p)
{
	struct pdate r = { y, m, d, p };

	return r;
}

/* The day all "today" checks are run against. */
static const struct pdate today = { 2026, 6, 15, DATE_DAY };

/* DD/MM/YYYY with and without leading zeros. */
static void test_parse_full_date_with_and_without_leading_zeros(void **state)
{
	(void)state;
	assert_parses("15/06/2010", 2010, 6, 15, DATE_DAY);
	assert_parses("05/06/2010", 2010, 6, 5, DATE_DAY);
	assert_parses("5/6/2010", 2010, 6, 5, DATE_DAY);
	assert_parses("01/01/1900", 1900, 1, 1, DATE_DAY);
	assert_parses("31/12/2100", 2100, 12, 31, DATE_DAY);
}

/* MM/YYYY gives month precision. */
static void test_parse_month_and_year(void **state)
{
	(void)state;
	assert_parses("06/2010", 2010, 6, 0, DATE_MONTH);
	assert_parses("6/2010", 2010, 6, 0, DATE_MONTH);
	assert_parses("12/1999", 1999, 12, 0, DATE_MONTH);
}

/* YYYY alone gives year precision. */
static void test_parse_year_only(void **state)
{
	(void)state;
	assert_parses("2010", 2010, 0, 0, DATE_YEAR);
	assert_parses("1900", 1900, 0, 0, DATE_YEAR);
	assert_parses("2100", 2100, 0, 0, DATE_YEAR);
}

/* ISO YYYY-MM-DD and YYYY-MM are read year first. */
static void test_parse_iso_forms(void **state)
{
	(void)state;
	assert_parses("2010-06-15", 2010, 6, 15, DATE_DAY);
	assert_parses("2010-06", 2010, 6, 0, DATE_MONTH);
	assert_parses("2010-6-5", 2010, 6, 5, DATE_DAY);
}

/* '/', '-', '.' and blanks all separate, with blanks around allowed. */
static void test_parse_accepts_each_separator(void **state)
{
	(void)state;
	assert_parses("15-06-2010", 2010, 6, 15, DATE_DAY);
	assert_parses("15.06.2010", 2010, 6, 15, DATE_DAY);
	assert_parses("15 06 2010", 2010, 6, 15, DATE_DAY);
	assert_parses("15  06\t2010", 2010, 6, 15, DATE_DAY);
	assert_parses("15 / 06 / 2010", 2010, 6, 15, DATE_DAY);
	assert_parses("06.2010", 2010, 6, 0, DATE_MONTH);
	assert_parses("2010 06 15", 2010, 6, 15, DATE_DAY);
}

/* Separators must not be mixed within one date. */
static void test_parse_refuses_mixed_separators(void **state)
{
	(void)state;
	assert_parse_fails("15/06-2010", DATE_SYNTAX);
	assert_parse_fails("15.06 2010", DATE_SYNTAX);
}

/* Leading and trailing blanks are ignored. */
static void test_parse_ignores_surrounding_blanks(void **state)
{
	(void)state;
	assert_parses("  15/06/2010  ", 2010, 6, 15, DATE_DAY);
	assert_parses("\t2010\n", 2010, 0, 0, DATE_YEAR);
	assert_parses(" 06/2010", 2010, 6, 0, DATE_MONTH);
}

/* Empty, blank or NULL input is DATE_EMPTY, not a syntax error. */
static void test_parse_blank_input_is_empty(void **state)
{
	(void)state;
	assert_parse_fails("", DATE_EMPTY);
	assert_parse_fails("   ", DATE_EMPTY);
	assert_parse_fails(" \t\n", DATE_EMPTY);
	assert_parse_fails(NULL, DATE_EMPTY);
}

/* 29 February exists only in Gregorian leap years. */
static void test_parse_29_february_follows_leap_years(void **state)
{
	(void)state;
	assert_parses("29/02/2024", 2024, 2, 29, DATE_DAY);
	assert_parses("29/02/2000", 2000, 2, 29, DATE_DAY);
	assert_parse_fails("29/02/2023", DATE_BAD_DAY);
	assert_parse_fails("29/02/1900", DATE_BAD_DAY);
	assert_parse_fails("30/02/2024", DATE_BAD_DAY);
}

/* Days past the end of the month, and day 0, are refused. */
static void test_parse_refuses_days_not_in_month(void **state)
{
	(void)state;
	assert_parse_fails("31/04/2010", DATE_BAD_DAY);
	assert_parse_fails("31/06/2010", DATE_BAD_DAY);
	assert_parse_fails("32/01/2010", DATE_BAD_DAY);
	assert_parse_fails("00/01/2010", DATE_BAD_DAY);
	assert_parses("30/04/2010", 2010, 4, 30, DATE_DAY);
	assert_parses("31/12/2010", 2010, 12, 31, DATE_DAY);
}

/* Months outside 1..12 are refused in every form. */
static void test_parse_refuses_month_out_of_range(void **state)
{
	(void)state;
	assert_parse_fails("15/13/2010", DATE_BAD_MONTH);
	assert_parse_fails("13/2010", DATE_BAD_MONTH);
	assert_parse_fails("00/2010", DATE_BAD_MONTH);
	assert_parse_fails("15/00/2010", DATE_BAD_MONTH);
	assert_parse_fails("2010-13-01", DATE_BAD_MONTH);
	assert_parse_fails("06/15/2010", DATE_BAD_MONTH);
}

/* Two-digit and other non-four-digit years are refused, not guessed. */
static void test_parse_refuses_two_digit_year(void **state)
{
	(void)state;
	assert_parse_fails("15/06/10", DATE_BAD_YEAR);
	assert_parse_fails("06/10", DATE_BAD_YEAR);
	assert_parse_fails("10", DATE_BAD_YEAR);
	assert_parse_fails("15/06/010", DATE_BAD_YEAR);
	assert_parse_fails("20100", DATE_BAD_YEAR);
}

/* Four-digit years outside 1900..2100 are refused. */
static void test_parse_refuses_year_out_of_range(void **state)
{
	(void)state;
	assert_parse_fails("1899", DATE_BAD_YEAR);
	assert_parse_fails("2101", DATE_BAD_YEAR);
	assert_parse_fails("31/12/1899", DATE_BAD_YEAR);
	assert_parse_fails("0000", DATE_BAD_YEAR);
}

/* Anything that is not one of the accepted forms is a syntax error. */
static void test_parse_refuses_garbage(void **state)
{
	(void)state;
	assert_parse_fails("abc", DATE_SYNTAX);
	assert_parse_fails("12/", DATE_SYNTAX);
	assert_parse_fails("/12/2010", DATE_SYNTAX);
	assert_parse_fails("1/2/3/4", DATE_SYNTAX);
	assert_parse_fails("15//06/2010", DATE_SYNTAX);
	assert_parse_fails("15/06/2010x", DATE_SYNTAX);
	assert_parse_fails("2010-06-15T00:00", DATE_SYNTAX);
	assert_parse_fails("-2010", DATE_SYNTAX);
	assert_parse_fails("015/06/2010", DATE_SYNTAX);
	assert_parse_fails("15 juin 2010", DATE_SYNTAX);
	assert_parse_fails("99999999999999999999/2010", DATE_SYNTAX);
}

/* Days in each month, with the Gregorian leap rule. */
static void test_days_in_month(void **state)
{
	(void)state;
	assert_int_equal(date_days_in_month(2010, 1), 31);
	assert_int_equal(date_days_in_month(2010, 4), 30);
	assert_int_equal(date_days_in_month(2010, 12), 31);
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2023, 2), 28);
	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(2010, 0), 0);
	assert_int_equal(date_days_in_month(2010, 13), 0);
}

/* A full date after today is in the future; today and before are not. */
static void test_check_past_full_dates(void **state)
{
	struct pdate d;

	(void)state;
	d = mk(2026, 6, 16, DATE_DAY);
	assert_int_equal(date_check_past(&d, &today), DATE_FUTURE);
	d = mk(2026, 6, 15, DATE_DAY);
	assert_int_equal(date_check_past(&d, &today), DATE_OK);
	d = mk(2026, 6, 14, DATE_DAY);
	assert_int_equal(date_check_past(&d, &today), DATE_OK);
	d = mk(2027, 1, 1, DATE_DAY);
	assert_int_equal(date_check_past(&d, &today), DATE_FUTURE);
	d = mk(1950, 1, 1, DATE_DAY);
	assert_int_equal(date_check_past(&d, &today), DATE_OK);
}

/* A partial date is future only when its first day is after today. */
static void test_check_past_partial_dates_use_earliest_day(void **state)
{
	struct pdate d;

	(void)state;
	d = mk(2026, 6, 0, DATE_MONTH);
	assert_int_equal(date_check_past(&d, &today), DATE_OK);
	d = mk(2026, 7, 0, DATE_MONTH);
	assert_int_equal(date_check_past(&d, &today), DATE_FUTURE);
	d = mk(2026, 0, 0, DATE_YEAR);
	assert_int_equal(date_check_past(&d, &today), DATE_OK);
	d = mk(2027, 0, 0, DATE_YEAR);
	assert_int_equal(date_check_past(&d, &today), DATE_FUTURE);
}

/* An unknown date is never flagged as future. */
static void test_check_past_none_is_ok(void **state)
{
	struct pdate d = mk(0, 0, 0, DATE_NONE);

	(void)state;
	assert_int_equal(date_check_past(&d, &today), DATE_OK);
}

/* Parsing then checking works with an injected today. */
static void test_check_past_after_parse(void **state)
{
	struct pdate d;

	(void)state;
	assert_int_equal(date_parse("16/06/2026", &d), DATE_OK);
	assert_int_equal(date_check_past(&d, &today), DATE_FUTURE);
	assert_int_equal(date_parse("2026", &d), DATE_OK);
	assert_int_equal(date_check_past(&d, &today), DATE_OK);
}

/* A full birth date gives one exact age, changing on the birthday. */
static void test_age_full_birth_date_is_exact(void **state)
{
	struct pdate b = mk(2010, 6, 15, DATE_DAY);
	struct pdate on = mk(2026, 6, 14, DATE_DAY);
	int lo = -1, hi = -1;

	(void)state;
	assert_int_equal(date_age_range(&b, &on, &lo, &hi), 0);
	assert_int_equal(lo, 15);
	assert_int_equal(hi, 15);
	on = mk(2026, 6, 15, DATE_DAY);
	assert_int_equal(date_age_range(&b, &on, &lo, &hi), 0);
	assert_int_equal(lo, 16);
	assert_int_equal(hi, 16);
}

/* A birth year alone spans two possible ages mid-year. */
static void test_age_year_only_birth_gives_range(void **state)
{
	struct pdate b = mk(2010, 0, 0, DATE_YEAR);
	struct pdate on = today;
	int lo = -1, hi = -1;

	(void)state;
	assert_int_equal(date_age_range(&b, &on, &lo, &hi), 0);
	assert_int_equal(lo, 15);
	assert_int_equal(hi, 16);
	on = mk(2026, 12, 31, DATE_DAY);
	assert_int_equal(date_age_range(&b, &on, &lo, &hi), 0);
	assert_int_equal(lo, 16);
	assert_int_equal(hi, 16);
}

/* A birth month spans two ages only in that month. */
static void test_age_month_birth_gives_range_in_that_month(void **state)
{
	struct pdate b = mk(2010, 6, 0, DATE_MONTH);
	int lo = -1, hi = -1;

	(void)state;
	assert_int_equal(date_age_range(&b, &today, &lo, &hi), 0);
	assert_int_equal(lo, 15);
	assert_int_equal(hi, 16);
	b = mk(2010, 5, 0, DATE_MONTH);
	assert_int_equal(date_age_range(&b, &today, &lo, &hi), 0);
	assert_int_equal(lo, 16);
	assert_int_equal(hi, 16);
	b = mk(2010, 7, 0, DATE_MONTH);
	assert_int_equal(date_age_range(&b, &today, &lo, &hi), 0);
	assert_int_equal(lo, 15);
	assert_int_equal(hi, 15);
}

/* Born this year or this day means age 0. */
static void test_age_born_this_year_or_today_is_zero(void **state)
{
	struct pdate b = mk(2026, 0, 0, DATE_YEAR);
	int lo = -1, hi = -1;

	(void)state;
	assert_int_equal(date_age_range(&b, &today, &lo, &hi), 0);
	assert_int_equal(lo, 0);
	assert_int_equal(hi, 0);
	b = today;
	assert_int_equal(date_age_range(&b, &today, &lo, &hi), 0);
	assert_int_equal(lo, 0);
	assert_int_equal(hi, 0);
}

/* Someone born on 29 February is a year older from 1 March in common years. */
static void test_age_leap_day_birthday(void **state)
{
	struct pdate b = mk(2024, 2, 29, DATE_DAY);
	struct pdate on = mk(2025, 2, 28, DATE_DAY);
	int lo = -1, hi = -1;

	(void)state;
	assert_int_equal(date_age_range(&b, &on, &lo, &hi), 0);
	assert_int_equal(lo, 0);
	assert_int_equal(hi, 0);
	on = mk(2025, 3, 1, DATE_DAY);
	assert_int_equal(date_age_range(&b, &on, &lo, &hi), 0);
	assert_int_equal(lo, 1);
	assert_int_equal(hi, 1);
}

/* No age for an unknown birth date or one after the day asked about. */
static void test_age_refuses_unknown_or_future_birth(void **state)
{
	struct pdate b = mk(0, 0, 0, DATE_NONE);
	int lo = 99, hi = 99;

	(void)state;
	assert_int_equal(date_age_range(&b, &today, &lo, &hi), -1);
	b = mk(2026, 6, 16, DATE_DAY);
	assert_int_equal(date_age_range(&b, &today, &lo, &hi), -1);
	b = mk(2026, 7, 0, DATE_MONTH);
	assert_int_equal(date_age_range(&b, &today, &lo, &hi), -1);
	b = mk(2027, 0, 0, DATE_YEAR);
	assert_int_equal(date_age_range(&b, &today, &lo, &hi), -1);
	assert_int_equal(lo, 99);
	assert_int_equal(hi, 99);
}

/* The display form for each precision. */
static void test_format_each_precision(void **state)
{
	char buf[16];
	struct pdate d;

	(void)state;
	d = mk(2010, 6, 5, DATE_DAY);
	assert_int_equal(date_format(&d, buf, sizeof(buf)), 10);
	assert_string_equal(buf, "05/06/2010");
	d = mk(2010, 6, 0, DATE_MONTH);
	assert_int_equal(date_format(&d, buf, sizeof(buf)), 7);
	assert_string_equal(buf, "06/2010");
	d = mk(2010, 0, 0, DATE_YEAR);
	assert_int_equal(date_format(&d, buf, sizeof(buf)), 4);
	assert_string_equal(buf, "2010");
	d = mk(0, 0, 0, DATE_NONE);
	assert_int_equal(date_format(&d, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
}

/* A short buffer truncates and the full length is returned, as snprintf. */
static void test_format_truncates_like_snprintf(void **state)
{
	char buf[5];
	struct pdate d = mk(2010, 6, 5, DATE_DAY);

	(void)state;
	assert_int_equal(date_format(&d, buf, sizeof(buf)), 10);
	assert_string_equal(buf, "05/0");
	assert_int_equal(date_to_iso(&d, buf, sizeof(buf)), 10);
	assert_string_equal(buf, "2010");
	assert_int_equal(date_format(&d, NULL, 0), 10);
}

/* The storage form for each precision. */
static void test_to_iso_each_precision(void **state)
{
	char buf[16];
	struct pdate d;

	(void)state;
	d = mk(2010, 6, 5, DATE_DAY);
	assert_int_equal(date_to_iso(&d, buf, sizeof(buf)), 10);
	assert_string_equal(buf, "2010-06-05");
	d = mk(2010, 6, 0, DATE_MONTH);
	assert_int_equal(date_to_iso(&d, buf, sizeof(buf)), 7);
	assert_string_equal(buf, "2010-06");
	d = mk(2010, 0, 0, DATE_YEAR);
	assert_int_equal(date_to_iso(&d, buf, sizeof(buf)), 4);
	assert_string_equal(buf, "2010");
	d = mk(0, 0, 0, DATE_NONE);
	assert_int_equal(date_to_iso(&d, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
}

/* Display and storage forms both read back to the same date. */
static void test_format_and_iso_round_trip(void **state)
{
	const struct pdate dates[] = {
		{ 2010, 6, 5, DATE_DAY },   { 2024, 2, 29, DATE_DAY },
		{ 1900, 1, 1, DATE_DAY },   { 2100, 12, 31, DATE_DAY },
		{ 2010, 6, 0, DATE_MONTH }, { 1999, 12, 0, DATE_MONTH },
		{ 2010, 0, 0, DATE_YEAR },  { 1900, 0, 0, DATE_YEAR },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		char buf[16];
		struct pdate back;

		date_format(&dates[i], buf, sizeof(buf));
		assert_int_equal(date_parse(buf, &back), DATE_OK);
		assert_memory_equal(&back, &dates[i], sizeof(back));
		date_to_iso(&dates[i], buf, sizeof(buf));
		assert_int_equal(date_from_iso(buf, &back), DATE_OK);
		assert_memory_equal(&back, &dates[i], sizeof(back));
	}
}

/* The storage reader accepts only the exact forms date_to_iso writes. */
static void test_from_iso_is_strict(void **state)
{
	struct pdate d = { 2000, 1, 1, DATE_DAY };

	(void)state;
	assert_int_equal(date_from_iso("", &d), DATE_EMPTY);
	assert_int_equal(d.prec, DATE_NONE);
	assert_int_equal(date_from_iso(NULL, &d), DATE_EMPTY);
	assert_int_equal(date_from_iso("2010-6-5", &d), DATE_SYNTAX);
	assert_int_equal(date_from_iso("05/06/2010", &d), DATE_SYNTAX);
	assert_int_equal(date_from_iso(" 2010", &d), DATE_SYNTAX);
	assert_int_equal(date_from_iso("2010/06/05", &d), DATE_SYNTAX);
	assert_int_equal(date_from_iso("20100", &d), DATE_SYNTAX);
	assert_int_equal(date_from_iso("2010-13", &d), DATE_BAD_MONTH);
	assert_int_equal(date_from_iso("2023-02-29", &d), DATE_BAD_DAY);
	assert_int_equal(date_from_iso("1899-12-31", &d), DATE_BAD_YEAR);
	assert_int_equal(d.prec, DATE_NONE);
}

/* A time_t becomes its local calendar day. */
static void test_from_time_gives_local_day(void **state)
{
	struct pdate d;

	(void)state;
	assert_int_equal(setenv("TZ", "UTC", 1), 0);
	tzset();
	d = date_from_time(0);
	assert_int_equal(d.year, 1970);
	assert_int_equal(d.month, 1);
	assert_int_equal(d.day, 1);
	assert_int_equal(d.prec, DATE_DAY);
	d = date_from_time(951868799);      /* 2000-02-29 23:59:59 UTC */
	assert_int_equal(d.year, 2000);
	assert_int_equal(d.month, 2);
	assert_int_equal(d.day, 29);
	assert_int_equal(setenv("TZ", "UTC-3", 1), 0);   /* 3 h east */
	tzset();
	d = date_from_time(951868799);
	assert_int_equal(d.month, 3);
	assert_int_equal(d.day, 1);
}

/* Every status has a short, non-empty message id, distinct for errors. */
static void test_every_status_has_a_message(void **state)
{
	enum date_status st;

	(void)state;
	for (st = DATE_OK; st <= DATE_FUTURE; st++) {
		const char *m = date_status_msgid(st);
		enum date_status other;

		assert_non_null(m);
		assert_true(strlen(m) > 0);
		assert_true(strlen(m) <= 50);
		for (other = DATE_OK; other < st; other++)
			assert_string_not_equal(m, date_status_msgid(other));
	}
	assert_string_equal(date_status_msgid(DATE_EMPTY), "No date given.");
}

/* Runs the date tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_full_date_with_and_without_leading_zeros),
		cmocka_unit_test(test_parse_month_and_year),
		cmocka_unit_test(test_parse_year_only),
		cmocka_unit_test(test_parse_iso_forms),
		cmocka_unit_test(test_parse_accepts_each_separator),
		cmocka_unit_test(test_parse_refuses_mixed_separators),
		cmocka_unit_test(test_parse_ignores_surrounding_blanks),
		cmocka_unit_test(test_parse_blank_input_is_empty),
		cmocka_unit_test(test_parse_29_february_follows_leap_years),
		cmocka_unit_test(test_parse_refuses_days_not_in_month),
		cmocka_unit_test(test_parse_refuses_month_out_of_range),
		cmocka_unit_test(test_parse_refuses_two_digit_year),
		cmocka_unit_test(test_parse_refuses_year_out_of_range),
		cmocka_unit_test(test_parse_refuses_garbage),
		cmocka_unit_test(test_days_in_month),
		cmocka_unit_test(test_check_past_full_dates),
		cmocka_unit_test(test_check_past_partial_dates_use_earliest_day),
		cmocka_unit_test(test_check_past_none_is_ok),
		cmocka_unit_test(test_check_past_after_parse),
		cmocka_unit_test(test_age_full_birth_date_is_exact),
		cmocka_unit_test(test_age_year_only_birth_gives_range),
		cmocka_unit_test(test_age_month_birth_gives_range_in_that_month),
		cmocka_unit_test(test_age_born_this_year_or_today_is_zero),
		cmocka_unit_test(test_age_leap_day_birthday),
		cmocka_unit_test(test_age_refuses_unknown_or_future_birth),
		cmocka_unit_test(test_format_each_precision),
		cmocka_unit_test(test_format_truncates_like_snprintf),
		cmocka_unit_test(test_to_iso_each_precision),
		cmocka_unit_test(test_format_and_iso_round_trip),
		cmocka_unit_test(test_from_iso_is_strict),
		cmocka_unit_test(test_from_time_gives_local_day),
		cmocka_unit_test(test_every_status_has_a_message),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
