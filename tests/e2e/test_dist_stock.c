/* End to end: distribution items and stock. An administrator changes an
 * item's rule and reads it in words in the list; a distribution agent
 * records a receipt and sees the balance; a wrong quantity is refused with
 * its message. In English (the new texts' msgids). */
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

/* Signs name in, switches to English, opens the distribution menu. */
static void open_menu(struct session *s, const char *name, const char *password, const char *entry)
{
	session_start(s, 24, 80, "xterm");
	session_login(s, name, password);
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
	term_type(s->t, "+");
	assert_screen(s, entry);
}

/* Moves the selection of a list down until a row holding text is
 * selected (the whole row under the list names it). */
static void select_row(struct session *s, const char *text, const char *whole)
{
	for (int i = 0; i < 40; i++) {
		term_settle(s->t, 100);
		char *screen = term_screen(s->t);
		bool found = screen && strstr(screen, whole);
		free(screen);
		if (found)
			return;
		term_key(s->t, TK_DOWN);
	}
	term_dump(s->t, text);
	fail_msg("no row %s", text);
}

static void admin_changes_a_rule(void **state)
{
	struct session *s = *state;
	open_menu(s, "admin", "admin-demo", "Items and rules");
	term_type(s->t, "i");
	assert_screen(s, "Distribution items and their rules");
	assert_screen(s, "Food ration (7 days)");
	assert_screen(s, "Per household, every 7 days, everyone staying here");
	select_row(s, "Clothes", "Clothes: Per person, every 90 days");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Distribution item: edit");
	/* Every 60 days, from age 5. */
	for (int i = 0; i < 5; i++)
		term_key(s->t, TK_TAB);
	term_ctrl(s->t, 'U');
	term_type(s->t, "60");
	assert_screen(s, "Rule: Per person, every 60 days");
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	term_type(s->t, "5");
	term_key(s->t, TK_F2);
	assert_screen(s, "Saved.");
	assert_screen(s, "Clothes: Per person, every 60 days, people aged 5 and over staying here");
	/* An age group upside down is refused with its rule. */
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Distribution item: edit");
	for (int i = 0; i < 9; i++)
		term_key(s->t, TK_TAB);
	term_type(s->t, "3");
	term_key(s->t, TK_F2);
	assert_screen(s, "The highest age cannot be below the lowest.");
}

/* The number after text on the screen, -1 when not there. */
static long long number_after(struct session *s, const char *text)
{
	term_settle(s->t, 100);
	char *screen = term_screen(s->t);
	const char *at = screen ? strstr(screen, text) : NULL;
	long long n = at ? strtoll(at + strlen(text), NULL, 10) : -1;
	free(screen);
	return n;
}

static void agent_records_a_receipt(void **state)
{
	struct session *s = *state;
	open_menu(s, "distribution", "distribution-demo", "Stock of the centre");
	term_type(s->t, "s");
	assert_screen(s, "Stock at ARL");
	assert_screen(s, "Food ration (7 days)");
	select_row(s, "Blanket", "Blanket · ");
	term_type(s->t, "r");
	assert_screen(s, "Items received: Blanket at ARL");
	long long before = number_after(s, "Balance now: ");
	assert_true(before > -1000000);
	term_type(s->t, "120\tUNHCR waybill 77");
	term_key(s->t, TK_F2);
	char want[80];
	snprintf(want, sizeof want, "Recorded. Balance now: %lld.", before + 120);
	assert_screen(s, want);
	snprintf(want, sizeof want, "Blanket · %lld", before + 120);
	assert_screen(s, want);
	/* The move in the item's moves, newest first. */
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Blanket at ARL: balance");
	assert_screen(s, "+120");
	assert_screen(s, "UNHCR waybill 77");
	/* A wrong quantity is refused with its message, nothing recorded. */
	term_type(s->t, "o");
	assert_screen(s, "Items out (loss, damage, transfer): Blanket at ARL");
	term_type(s->t, "0\tRain damage");
	term_key(s->t, TK_F2);
	assert_screen(s, "The quantity is a whole number from 1 to 1,000,000.");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Discard your changes?");
	term_type(s->t, "y");
	/* A count below the warning level: the word says so. */
	assert_screen(s, "Blanket at ARL: balance");
	term_type(s->t, "c");
	assert_screen(s, "Physical count: Blanket at ARL");
	term_type(s->t, "2");
	term_key(s->t, TK_F2);
	assert_screen(s, "Recorded. Balance now: 2.");
	assert_screen(s, "Low stock");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Stock at ARL");
	assert_screen(s, "Low stock (warn at 30)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(admin_changes_a_rule, setup, teardown),
		cmocka_unit_test_setup_teardown(agent_records_a_receipt, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
