/* End to end: a manager opens the psychosocial figures of a year of the
 * demo, for all centres, and sees the different people apart from the
 * attendances, and the head counts apart from both; the table scrolls at
 * 80x24 and no line is wider than the screen. */
#include <time.h>
#include "session.h"

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "400", (char *)NULL), 0);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

/* Replaces the text of the current field with text. */
static void retype(struct session *s, const char *text)
{
	term_ctrl(s->t, 'u');
	term_type(s->t, text);
}

static void manager_sees_people_and_attendances(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "manager", "manager-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);   /* English: the test does not depend on translations */
	assert_screen(s, "Welcome");
	/* The manager opens it from the reports (same key). */
	term_type(s->t, "=");
	assert_screen(s, "Tables of the reports");
	term_type(s->t, "8");
	assert_screen(s, "Month or year (MM/YYYY or YYYY)");
	/* Last year: the demo's stays run up to today. */
	char year[16];
	time_t now = time(NULL) - 365 * 86400;
	strftime(year, sizeof year, "%Y", gmtime(&now));
	retype(s, year);
	term_key(s->t, TK_TAB);
	retype(s, "all");   /* the centre: all centres */
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Sessions held:");
	assert_screen(s, "Activity type");
	term_settle(s->t, 100);
	char *first = term_screen(s->t);
	if (getenv("SHOW_SCREEN"))
		printf("%s\n", first);
	free(first);
	/* The people and the attendances, each with its definition. */
	for (int i = 0; i < 10 && !term_has_text(s->t, "Each person counts once"); i++) {
		term_key(s->t, TK_PGDN);
		term_settle(s->t, 50);
	}
	assert_screen(s, "Each person counts once in the period");
	assert_screen(s, "of whom community members");
	for (int i = 0; i < 10 && !term_has_text(s->t, "Different people with at least"); i++) {
		term_key(s->t, TK_PGDN);
		term_settle(s->t, 50);
	}
	assert_false(term_has_text(s->t, "Attendances (events: one per person and session attended): 0"));
	assert_screen(s, "Attendances (events: one per person and session attended):");
	assert_screen(s, "Different people with at least 3 sessions in the period:");
	for (int i = 0; i < 10 && !term_has_text(s->t, "Heads counted"); i++) {
		term_key(s->t, TK_PGDN);
		term_settle(s->t, 50);
	}
	assert_screen(s, "Counted at open activities without names");
	assert_screen(s, "Heads counted");
	term_settle(s->t, 100);
	char *screen = term_screen(s->t);
	if (getenv("SHOW_SCREEN"))
		printf("%s\n", screen);
	free(screen);
	/* A period that is not a month or a year is refused, nothing shown. */
	term_key(s->t, TK_BACKTAB);
	retype(s, "14/03/2025");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Give a month (MM/YYYY) or a year (YYYY).");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(manager_sees_people_and_attendances, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
