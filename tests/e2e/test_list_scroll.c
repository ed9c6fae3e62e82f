/* End to end: a long result list moved through on xterm, vt100, linux and
 * screen leaves on the terminal exactly what a fresh redraw shows. The
 * terminal scrolls the rows the list keeps (curses' scroll optimisation)
 * and only the new rows are sent: a scroll region set wrongly, or a row
 * moved by the terminal and not by the program, would leave rows out of
 * place. After 100 Downs, a PgDn, End and Home the screen is read, redrawn
 * from scratch with Ctrl-L, and read again: the two must be the same. */
#include "session.h"
#include <curses.h>
#include <term.h>

enum { ROWS = 24, WIDTH = 80, MSG_ROW = ROWS - 2 };

static const char PRIVACY_ON[] = "Confidentialité : noms masqués";
static const char PRIVACY_OFF[] = "Confidentialité désactivée.";

/* One database for every terminal type. */
static int group_setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	/* Enough people for a one-letter lookup to give several hundred results. */
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "1000",
	                         (char *)NULL), 0);
	*state = s;
	return 0;
}

static int group_teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

/* Waits until every key sent so far is handled: privacy on then off
 * (Ctrl-P, which every terminal type has) shows a message of its own each
 * time, after the keys before it. */
static void wait_keys_done(struct session *s)
{
	term_ctrl(s->t, 'p');
	assert_screen(s, PRIVACY_ON);
	term_ctrl(s->t, 'p');
	assert_screen(s, PRIVACY_OFF);
	/* The status line is written last: its mark of privacy gone, the
	 * update is whole. */
	assert_screen_gone(s, "[P] ");
}

/* The screen as the keys left it equals the screen redrawn from nothing,
 * but for the message line, which the redraw's key clears. */
static void assert_same_as_redraw(struct session *s, const char *after)
{
	wait_keys_done(s);
	char *shown[ROWS], *redrawn[ROWS];
	for (int r = 0; r < ROWS; r++)
		shown[r] = term_row(s->t, r);
	term_ctrl(s->t, 'l');
	assert_screen_gone(s, PRIVACY_OFF);
	/* The redraw paints from the top: the status line comes last. */
	assert_true(strlen(shown[ROWS - 1]) > 0);
	assert_screen(s, shown[ROWS - 1]);
	for (int r = 0; r < ROWS; r++)
		redrawn[r] = term_row(s->t, r);
	for (int r = 0; r < ROWS; r++) {
		if (r != MSG_ROW && strcmp(shown[r], redrawn[r]) != 0) {
			fprintf(stderr, "after %s, row %d differs from a redraw:\n  shown:    \"%s\"\n"
			        "  redrawn:  \"%s\"\n", after, r, shown[r], redrawn[r]);
			term_dump(s->t, "the redrawn screen");
			fail();
		}
	}
	assert_string_equal(redrawn[MSG_ROW], "");
	for (int r = 0; r < ROWS; r++) {
		free(shown[r]);
		free(redrawn[r]);
	}
}

/* Presses the key whose terminfo capability is cap ("knp") on terminal
 * type term, as that terminal sends it; false when the type has none (a
 * vt100 has no PgDn, End or Home). */
static bool press(struct session *s, const char *term, const char *cap)
{
	int err = 0;
	assert_int_equal(setupterm(term, -1, &err), OK);
	const char *seq = tigetstr(cap);
	bool has = seq && seq != (const char *)-1 && *seq;
	if (has)
		term_type(s->t, seq);
	del_curterm(cur_term);
	return has;
}

/* Signs in on term and looks up everyone with an "a": the results shown,
 * every key handled. */
static void open_results(struct session *s, const char *term)
{
	session_start(s, ROWS, WIDTH, term);
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue");
	term_type(s->t, "/");
	assert_screen(s, "Rechercher une personne");
	term_type(s->t, "a");
	assert_screen(s, "N° de dossier");
	wait_keys_done(s);
}

/* Signs in on term, looks up everyone with an "a", and moves through the
 * results, comparing the screen with a redraw after each kind of move. */
static void scroll_on(struct session *s, const char *term)
{
	open_results(s, term);
	char *first = term_row(s->t, 6);
	for (int i = 0; i < 100; i++)
		term_key(s->t, TK_DOWN);
	assert_same_as_redraw(s, "100 Downs");
	/* The list did move: its first row is another one now. */
	char *moved = term_row(s->t, 6);
	assert_string_not_equal(first, moved);
	free(moved);
	if (press(s, term, "knp"))
		assert_same_as_redraw(s, "PgDn");
	if (press(s, term, "kend"))
		assert_same_as_redraw(s, "End");
	if (press(s, term, "khome")) {
		assert_same_as_redraw(s, "Home");
		/* Back at the top: the first row as it was, selected. */
		char *home = term_row(s->t, 6);
		assert_string_equal(first, home);
		assert_int_equal(home[0], '>');
		free(home);
	}
	free(first);
	term_free(&s->t);
}

static void scrolls_cleanly_on_xterm(void **state)
{
	scroll_on(*state, "xterm");
}

static void scrolls_cleanly_on_vt100(void **state)
{
	scroll_on(*state, "vt100");
}

static void scrolls_cleanly_on_linux(void **state)
{
	scroll_on(*state, "linux");
}

static void scrolls_cleanly_on_screen(void **state)
{
	scroll_on(*state, "screen");
}

/* Moving in the results hides the query's cursor (curses then leaves the
 * terminal's cursor where it last wrote: a Down costs its arrow, not the
 * way back to the field); typing shows it again in the field, and the
 * letter narrows the query. */
static void browsing_hides_the_cursor_until_typing(void **state)
{
	struct session *s = *state;
	open_results(s, "xterm");
	int row, col;
	assert_true(term_cursor(s->t, &row, &col));
	assert_int_equal(row, 2);   /* in the query field */
	term_key(s->t, TK_DOWN);
	term_key(s->t, TK_DOWN);
	wait_keys_done(s);
	char *third = term_row(s->t, 8);
	assert_int_equal(third[0], '>');
	free(third);
	assert_false(term_cursor(s->t, &row, &col));
	term_type(s->t, "m");
	assert_screen(s, "Chercher : am");
	wait_keys_done(s);
	assert_true(term_cursor(s->t, &row, &col));
	assert_int_equal(row, 2);
	/* Back to the first row: a new query selects its first result. */
	char *first = term_row(s->t, 6);
	assert_int_equal(first[0], '>');
	free(first);
	term_free(&s->t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scrolls_cleanly_on_xterm),
		cmocka_unit_test(scrolls_cleanly_on_vt100),
		cmocka_unit_test(scrolls_cleanly_on_linux),
		cmocka_unit_test(scrolls_cleanly_on_screen),
		cmocka_unit_test(browsing_hides_the_cursor_until_typing),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
