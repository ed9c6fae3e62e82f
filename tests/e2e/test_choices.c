/* End to end: choice fields of the registration form pick the best match of
 * what is typed, in either language, step through the matches with the
 * arrows, and take back a wrong letter with Backspace. */
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

/* The screen row holding label, from the label on; caller frees. */
static char *row_of(struct session *s, const char *label)
{
	char *screen = term_screen(s->t);
	char *at = strstr(screen, label);
	char *out = strdup(at ? at : "");
	free(screen);
	char *nl = strchr(out, '\n');
	if (nl)
		*nl = '\0';
	return out;
}

/* Asserts that the row of label shows want and not unwanted (may be NULL). */
static void assert_row(struct session *s, const char *label, const char *want, const char *unwanted)
{
	char *row = row_of(s, label);
	bool ok = strstr(row, want) && !(unwanted && strstr(row, unwanted));
	if (!ok)
		term_dump(s->t, row);
	free(row);
	assert_true(ok);
}

/* Opens the registration form on the nationality field. */
static void open_on_nationality(struct session *s, const char *title)
{
	term_type(s->t, "n");
	assert_screen(s, title);
	for (int i = 0; i < 6; i++)   /* family, given, other names, sex, birth, age */
		term_key(s->t, TK_TAB);
}

static void french_screen_takes_words_and_english_names(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	open_on_nationality(s, "Nouvel enregistrement");
	/* The English name on the French screen. */
	term_type(s->t, "Chad");
	term_key(s->t, TK_TAB);
	/* A word inside the names: the names starting with it first, the
	 * arrows go through the matches only (← from the first: the last). */
	term_type(s->t, "Ful");
	assert_screen(s, "Fulfulde de l'Adamaoua");
	term_key(s->t, TK_LEFT);
	assert_screen(s, "Peul (fulfulde)");
	term_key(s->t, TK_RIGHT);
	assert_screen(s, "Fulfulde de l'Adamaoua");
	term_key(s->t, TK_TAB);
	term_type(s->t, "Hausa");
	assert_screen(s, "Haoussa");
	assert_row(s, "Nationalité", "Tchad", NULL);
}

static void english_screen_takes_exact_names_and_french_names(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue");
	term_ctrl(s->t, 'T');
	assert_screen(s, "Welcome");
	open_on_nationality(s, "New registration");
	/* A letter that matches nothing, taken back: the search goes on, and
	 * the exact name wins over a longer one. */
	term_type(s->t, "Sx");
	term_key(s->t, TK_BACKSPACE);
	term_type(s->t, "udan");
	term_key(s->t, TK_TAB);
	term_type(s->t, "peul");
	assert_screen(s, "Fula (Fulfulde)");
	assert_row(s, "Nationality", "Sudan", "South Sudan");
	term_key(s->t, TK_BACKTAB);
	term_type(s->t, "Guinea");
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	term_type(s->t, "haoussa");
	assert_screen(s, "Hausa");
	assert_row(s, "Nationality", "Guinea", "Equatorial");
	term_key(s->t, TK_BACKTAB);
	term_key(s->t, TK_BACKTAB);
	term_type(s->t, "guinée équatoriale");
	term_key(s->t, TK_TAB);
	term_type(s->t, "tamasheq");
	assert_screen(s, "Tamasheq");
	assert_row(s, "Nationality", "Equatorial Guinea", NULL);
	/* A code list too: the French label on the English screen. */
	for (int i = 0; i < 4; i++)
		term_key(s->t, TK_BACKTAB);
	term_type(s->t, "femme");
	term_key(s->t, TK_TAB);
	term_type(s->t, "1990");
	assert_screen(s, "1990");
	assert_row(s, "Sex *", "Female", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(french_screen_takes_words_and_english_names, setup, teardown),
		cmocka_unit_test_setup_teardown(english_screen_takes_exact_names_and_french_names, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
