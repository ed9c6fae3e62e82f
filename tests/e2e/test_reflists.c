/* End to end: an administrator edits a reference list. An activity type
 * "Theatre" / "Théâtre" marked as a group activity is added and shows in
 * its list; an empty French name, and a French name another item has, are
 * refused with a clear message. In English (the new texts' msgids). */
#include <signal.h>
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

/* Signs the administrator in, in English, and opens the activity types. */
static void open_activity_types(struct session *s)
{
	session_start(s, 24, 80, "xterm");
	session_login(s, "admin", "admin-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
	term_type(s->t, "9");
	assert_screen(s, "Psychosocial activity types");
	assert_screen(s, "Partner organisations");
	term_key(s->t, TK_HOME);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Individual counselling");
	assert_screen(s, "Group or individual");
}

/* The screen row holding text, or -1. */
static int row_with(struct session *s, const char *text)
{
	term_settle(s->t, 100);
	for (int r = 0; r < 24; r++) {
		char *line = term_row(s->t, r);
		bool found = line && strstr(line, text);
		free(line);
		if (found)
			return r;
	}
	return -1;
}

static void admin_adds_an_activity_type(void **state)
{
	struct session *s = *state;
	open_activity_types(s);
	term_type(s->t, "a");
	assert_screen(s, "new item");
	term_type(s->t, "Théâtre\tTheatre\tGroup");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Saved.");
	assert_screen(s, "Individual counselling");
	/* The new item is last, with both names and its kind's label. */
	int r = row_with(s, "Theatre");
	assert_true(r >= 0);
	char *line = term_row(s->t, r);
	assert_non_null(strstr(line, "Théâtre"));
	assert_non_null(strstr(line, "Group activity"));
	assert_null(strstr(line, "group "));   /* the label, never the code */
	free(line);
	/* Still there after leaving and coming back. */
	term_key(s->t, TK_ESC);
	assert_screen(s, "Psychosocial activity types");
	assert_screen(s, "12 in use");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Theatre");
}

static void an_empty_or_taken_french_name_is_refused(void **state)
{
	struct session *s = *state;
	open_activity_types(s);
	term_type(s->t, "a");
	assert_screen(s, "new item");
	term_type(s->t, "\tCircus\tGroup");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Some fields need attention.");
	assert_false(term_has_text(s->t, "Saved."));
	/* A name another item has in French (accents and case ignored). */
	term_key(s->t, TK_HOME);
	term_type(s->t, "ATÉLIER");
	term_key(s->t, TK_F2);
	assert_screen(s, "French name: Another item of this list has this French name.");
	/* Leaving asks about the unsaved form; nothing was added. */
	term_key(s->t, TK_ESC);
	term_type(s->t, "y");
	assert_screen(s, "Individual counselling");
	assert_screen_gone(s, "Circus");
	term_settle(s->t, 200);
	assert_false(term_has_text(s->t, "Circus"));
	assert_true(term_has_text(s->t, "Other activity"));   /* the whole list, still the last item */
}

/* A new item being typed when the line drops is offered at the next
 * sign-in, in its list. */
static void a_new_item_survives_a_hang_up(void **state)
{
	struct session *s = *state;
	open_activity_types(s);
	term_type(s->t, "a");
	assert_screen(s, "new item");
	term_type(s->t, "Cirque\tCircus");
	assert_screen(s, "Circus");
	term_signal(s->t, SIGHUP);
	int status;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
	term_free(&s->t);

	session_start(s, 24, 80, "xterm");
	session_login(s, "admin", "admin-demo");   /* in English now, as left */
	assert_screen(s, "New reference list item");
	term_type(s->t, "r");
	assert_screen(s, "Psychosocial activity types: new item");
	assert_screen(s, "Cirque");
	assert_screen(s, "Circus");
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	term_type(s->t, "Group");
	term_key(s->t, TK_F2);
	assert_screen(s, "Saved.");
	term_type(s->t, "9");
	assert_screen(s, "12 in use");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(admin_adds_an_activity_type, setup, teardown),
		cmocka_unit_test_setup_teardown(an_empty_or_taken_french_name_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(a_new_item_survives_a_hang_up, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
