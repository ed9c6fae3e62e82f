/* The distribution rules without the database (src/core/dist_rule.c):
 * who may receive an item, for every kind of rule; the window in which a
 * serving counts and the next due day, for every frequency, on fixed days;
 * day arithmetic across months, years and leap years. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/dist_rule.h"
#include "core/person.h"

static struct dist_rule rule(const char *frequency, int every)
{
	struct dist_rule r;
	memset(&r, 0, sizeof r);
	snprintf(r.unit, sizeof r.unit, "person");
	snprintf(r.frequency, sizeof r.frequency, "%s", frequency);
	r.every_days = every;
	snprintf(r.sex, sizeof r.sex, "any");
	r.age_min = r.age_max = -1;
	r.staying_only = true;
	return r;
}

static struct dist_subject subject(const char *sex, int age)
{
	struct dist_subject p;
	memset(&p, 0, sizeof p);
	snprintf(p.sex, sizeof p.sex, "%s", sex);
	p.age = age;
	p.staying = true;
	snprintf(p.stay_admitted, sizeof p.stay_admitted, "2026-03-15");
	return p;
}

#define assert_day_add(day, n, want)                                        \
	do {                                                                \
		char out_[11];                                              \
		assert_true(dist_day_add((day), (n), out_, sizeof out_));   \
		assert_string_equal(out_, (want));                          \
	} while (0)

static void days_add_across_months_and_leap_years(void **state)
{
	(void)state;
	assert_day_add("2026-04-20", 0, "2026-04-20");
	assert_day_add("2026-01-31", 1, "2026-02-01");
	assert_day_add("2026-02-28", 1, "2026-03-01");
	assert_day_add("2024-02-28", 1, "2024-02-29");
	assert_day_add("2024-02-29", 1, "2024-03-01");
	assert_day_add("2000-02-28", 1, "2000-02-29");   /* divisible by 400: leap */
	assert_day_add("1900-02-28", 1, "1900-03-01");   /* by 100 only: not */
	assert_day_add("2100-02-28", 1, "2100-03-01");
	assert_day_add("2026-12-31", 1, "2027-01-01");
	assert_day_add("2027-01-01", -1, "2026-12-31");
	assert_day_add("2024-03-01", -1, "2024-02-29");
	assert_day_add("2026-03-01", -1, "2026-02-28");
	assert_day_add("2026-03-10", -29, "2026-02-09");
	assert_day_add("2024-01-01", 366, "2025-01-01");
	assert_day_add("2025-01-01", 365, "2026-01-01");
	assert_day_add("2026-04-30", 90, "2026-07-29");
	char out[11] = "x";
	assert_false(dist_day_add("2026-02-30", 1, out, sizeof out));
	assert_string_equal(out, "");
	assert_false(dist_day_add("2026-13-01", 1, out, sizeof out));
	assert_false(dist_day_add("", 1, out, sizeof out));
	assert_false(dist_day_add(NULL, 1, out, sizeof out));
	assert_false(dist_day_add("2026-04", 1, out, sizeof out));
}

#define assert_window(r, today, admitted, want)                                   \
	do {                                                                      \
		char since_[11];                                                  \
		dist_window_start((r), (today), (admitted), since_, sizeof since_); \
		assert_string_equal(since_, (want));                              \
	} while (0)

static void the_window_of_every_frequency(void **state)
{
	(void)state;
	struct dist_rule daily = rule("daily", 0), meal = rule("per_meal", 0);
	struct dist_rule week = rule("every_n_days", 7), month = rule("every_n_days", 30);
	struct dist_rule two = rule("every_n_days", 2), stay = rule("once_per_stay", 0);
	assert_window(&daily, "2026-04-20", "2026-03-15", "2026-04-20");
	assert_window(&meal, "2026-04-20", "2026-03-15", "2026-04-20");
	/* Every 7 days: served on the 14th, due again on the 21st. */
	assert_window(&week, "2026-04-20", "2026-03-15", "2026-04-14");
	assert_window(&week, "2026-03-03", "", "2026-02-25");
	assert_window(&week, "2024-03-03", "", "2024-02-26");
	assert_window(&month, "2026-03-01", "", "2026-01-31");
	assert_window(&two, "2026-01-01", "", "2025-12-31");
	assert_window(&stay, "2026-04-20", "2026-03-15", "2026-03-15");
	assert_window(&stay, "2026-04-20", "", "0000-01-01");
	assert_window(&stay, "2026-04-20", NULL, "0000-01-01");
}

#define assert_next(r, last, want)                                    \
	do {                                                          \
		char next_[11];                                       \
		dist_next_due((r), (last), next_, sizeof next_);      \
		assert_string_equal(next_, (want));                   \
	} while (0)

static void the_next_due_day_of_every_frequency(void **state)
{
	(void)state;
	struct dist_rule daily = rule("daily", 0), meal = rule("per_meal", 0);
	struct dist_rule week = rule("every_n_days", 7), clothes = rule("every_n_days", 90);
	struct dist_rule stay = rule("once_per_stay", 0);
	assert_next(&daily, "2026-04-20", "2026-04-21");
	assert_next(&daily, "2026-02-28", "2026-03-01");
	assert_next(&meal, "2024-02-28", "2024-02-29");
	assert_next(&week, "2026-03-10", "2026-03-17");
	assert_next(&week, "2026-02-25", "2026-03-04");
	assert_next(&week, "2024-02-25", "2024-03-03");
	assert_next(&week, "2026-12-28", "2027-01-04");
	assert_next(&clothes, "2026-01-15", "2026-04-15");
	assert_next(&stay, "2026-03-20", "");
	/* The window and the next due day agree: the day before it is in the
	 * window, the day itself is not. */
	char since[11];
	dist_window_start(&week, "2026-03-16", "", since, sizeof since);
	assert_true(strcmp("2026-03-10", since) >= 0);
	dist_window_start(&week, "2026-03-17", "", since, sizeof since);
	assert_true(strcmp("2026-03-10", since) < 0);
}

static void who_is_eligible_for_every_kind_of_rule(void **state)
{
	(void)state;
	struct dist_rule r = rule("daily", 0);
	struct dist_subject man = subject("m", 30), woman = subject("f", 30), other = subject("x", 30);
	assert_int_equal(dist_eligible(&r, &man), DIST_ELIGIBLE);
	/* Staying only. */
	struct dist_subject gone = man;
	gone.staying = false;
	assert_int_equal(dist_eligible(&r, &gone), DIST_NOT_STAYING);
	r.staying_only = false;
	assert_int_equal(dist_eligible(&r, &gone), DIST_ELIGIBLE);
	/* Sex. */
	snprintf(r.sex, sizeof r.sex, "female");
	assert_int_equal(dist_eligible(&r, &woman), DIST_ELIGIBLE);
	assert_int_equal(dist_eligible(&r, &man), DIST_WRONG_SEX);
	assert_int_equal(dist_eligible(&r, &other), DIST_WRONG_SEX);
	snprintf(r.sex, sizeof r.sex, "male");
	assert_int_equal(dist_eligible(&r, &man), DIST_ELIGIBLE);
	assert_int_equal(dist_eligible(&r, &woman), DIST_WRONG_SEX);
	snprintf(r.sex, sizeof r.sex, "any");
	assert_int_equal(dist_eligible(&r, &other), DIST_ELIGIBLE);
	/* Age, bounds included; unknown age refused when there is a bound. */
	r.age_min = 12;
	r.age_max = 59;
	struct dist_subject p = subject("f", 12);
	assert_int_equal(dist_eligible(&r, &p), DIST_ELIGIBLE);
	p.age = 11;
	assert_int_equal(dist_eligible(&r, &p), DIST_TOO_YOUNG);
	p.age = 59;
	assert_int_equal(dist_eligible(&r, &p), DIST_ELIGIBLE);
	p.age = 60;
	assert_int_equal(dist_eligible(&r, &p), DIST_TOO_OLD);
	p.age = -1;
	assert_int_equal(dist_eligible(&r, &p), DIST_AGE_UNKNOWN);
	r.age_min = r.age_max = -1;
	assert_int_equal(dist_eligible(&r, &p), DIST_ELIGIBLE);
	/* A flag, or an infant. */
	snprintf(r.requires, sizeof r.requires, "pregnant");
	assert_int_equal(dist_eligible(&r, &woman), DIST_NOT_REQUIRED);
	woman.flags = 1u << FLAG_PREGNANT;
	assert_int_equal(dist_eligible(&r, &woman), DIST_ELIGIBLE);
	snprintf(r.requires, sizeof r.requires, "disability");
	assert_int_equal(dist_eligible(&r, &woman), DIST_NOT_REQUIRED);
	man.flags = 1u << FLAG_DISABILITY;
	assert_int_equal(dist_eligible(&r, &man), DIST_ELIGIBLE);
	snprintf(r.requires, sizeof r.requires, "older_person");
	man.flags |= 1u << FLAG_OLDER_PERSON;
	assert_int_equal(dist_eligible(&r, &man), DIST_ELIGIBLE);
	snprintf(r.requires, sizeof r.requires, "infant");
	assert_int_equal(dist_eligible(&r, &man), DIST_NOT_REQUIRED);
	man.infant = true;
	assert_int_equal(dist_eligible(&r, &man), DIST_ELIGIBLE);
	/* The first reason that refuses is given. */
	man.staying = false;
	r.staying_only = true;
	assert_int_equal(dist_eligible(&r, &man), DIST_NOT_STAYING);
	/* Every answer has a sentence. */
	for (int e = DIST_ELIGIBLE; e <= DIST_NOT_REQUIRED; e++)
		assert_true(dist_eligibility_msgid((enum dist_eligibility)e)[0] != '\0');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(days_add_across_months_and_leap_years),
		cmocka_unit_test(the_window_of_every_frequency),
		cmocka_unit_test(the_next_due_day_of_every_frequency),
		cmocka_unit_test(who_is_eligible_for_every_kind_of_rule),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
