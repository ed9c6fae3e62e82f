/* End to end: the month of the medical counts says what it accepts (a
 * month, MM/YYYY) and refuses a month out of range with the range, never
 * showing empty counts for it. */
#include "session.h"

static int setup(void **state)
{
	struct session *s = session_new();
	session_demo(s);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

/* Replaces the text of the current field with text and presses Enter. */
static void type_month(struct session *s, const char *text)
{
	term_ctrl(s->t, 'u');
	term_type(s->t, text);
	term_key(s->t, TK_ENTER);
}

static void month_out_of_range_says_the_range(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "medical", "medical-demo");
	assert_screen(s, "Bienvenue");
	term_type(s->t, "7");
	assert_screen(s, "Statistiques médicales du centre");
	assert_screen(s, "JJ/MM/AAAA");   /* the day: a date */
	term_key(s->t, TK_TAB);
	/* The month's line names no day and no year alone. */
	assert_screen_gone(s, "JJ/MM/AAAA");
	assert_false(term_has_text(s->t, "DD/MM/YYYY"));
	type_month(s, "13/2026");
	assert_screen(s, "Le mois doit être compris entre 1 et 12.");
	assert_false(term_has_text(s->t, "Consultations :"));
	/* A year alone or a day is not a month: refused, nothing shown. */
	type_month(s, "2026");
	assert_screen_gone(s, "Le mois doit être compris entre 1 et 12.");
	assert_false(term_has_text(s->t, "Consultations :"));
	type_month(s, "15/03/2026");
	assert_false(term_has_text(s->t, "Consultations :"));
	type_month(s, "03/2026");
	assert_screen(s, "Consultations :");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(month_out_of_range_says_the_range, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
