/* A month field: MM/YYYY only, a month out of range refused with the range. */
#include "testutil.h"
#include "core/date.h"
#include "ui/form.h"

static const struct field_def defs[] = {
	{ .label = "Month", .type = FIELD_MONTH, .past_only = true },
};

/* The message of the field holding typed, or NULL. */
static const char *problem(const char *typed)
{
	static struct form f;
	form_init(&f, defs, 1);
	form_set(&f, 0, typed);
	return form_check_field(&f, 0);
}

static void a_month_is_taken(void **state)
{
	(void)state;
	struct form f;
	char v[16];
	form_init(&f, defs, 1);
	form_set(&f, 0, "2026-03");
	assert_null(form_check_field(&f, 0));
	form_get(&f, 0, v, sizeof v);
	assert_string_equal(v, "2026-03");
	assert_null(problem("3/2026"));
}

static void anything_else_is_refused_with_what_to_type(void **state)
{
	(void)state;
	assert_string_equal(problem("13/2026"), date_status_msgid(DATE_BAD_MONTH));
	assert_string_equal(problem("00/2026"), date_status_msgid(DATE_BAD_MONTH));
	assert_string_equal(problem("03/26"), date_status_msgid(DATE_BAD_YEAR));
	const char *month = problem("2026");
	assert_non_null(month);
	assert_non_null(strstr(month, "MM/YYYY"));
	assert_string_equal(problem("15/03/2026"), month);
	assert_string_equal(problem("mars"), month);
	assert_string_equal(problem("01/2100"), date_status_msgid(DATE_FUTURE));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_month_is_taken),
		cmocka_unit_test(anything_else_is_refused_with_what_to_type),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
