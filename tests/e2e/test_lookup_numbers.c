/* End to end: the quick lookup by numbers. A person registered with a phone
 * typed with +227 is found by its last four digits; a case number typed
 * with a wrong check character says so and shows the number meant. */
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

/* Registers Zakari Hadiza with phone (French screens, from the home
 * menu); her case number, as shown, into number. */
static void register_with_phone(struct session *s, const char *phone, char *number, size_t size)
{
	term_type(s->t, "n");
	assert_screen(s, "Nouvel enregistrement");
	term_type(s->t, "Zakari");
	term_key(s->t, TK_TAB);
	term_type(s->t, "Hadiza");
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);            /* other names */
	term_type(s->t, "f");
	term_key(s->t, TK_TAB);
	term_type(s->t, "2001");
	for (int i = 0; i < 5; i++)        /* age, nationality, two languages */
		term_key(s->t, TK_TAB);
	term_type(s->t, phone);
	for (int i = 0; i < 7; i++)        /* the document, arrival date, centre */
		term_key(s->t, TK_TAB);
	term_type(s->t, "sauv");           /* how the person came: desert rescue */
	term_key(s->t, TK_TAB);
	term_type(s->t, "o");
	term_key(s->t, TK_TAB);
	term_type(s->t, "o");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré sous le numéro de dossier AGZ-26-");
	char *screen = term_screen(s->t);
	const char *at = strstr(screen, "AGZ-26-");
	assert_non_null(at);
	snprintf(number, size, "%.14s", at);
	free(screen);
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue");
}

static void last_four_digits_of_a_phone_typed_with_227(void **state)
{
	struct session *s = *state;
	char number[32];
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue");
	register_with_phone(s, "+227 74 54 86 17", number, sizeof number);
	term_type(s->t, "/");
	assert_screen(s, "Rechercher une personne");
	term_type(s->t, "8617");
	assert_screen(s, "Zakari Hadiza");
	assert_screen(s, number);
	/* Typed in its national form, with dashes, the same person. */
	term_ctrl(s->t, 'u');
	assert_screen_gone(s, "Zakari Hadiza");
	term_type(s->t, "74-54-86-17");
	assert_screen(s, "Zakari Hadiza");
}

static void a_mistyped_case_number_says_so(void **state)
{
	struct session *s = *state;
	char number[32];
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue");
	register_with_phone(s, "", number, sizeof number);
	term_key(s->t, TK_F9);             /* English, for the new messages */
	assert_screen(s, "Welcome");
	/* The same number with another check character. */
	char wrong[32];
	snprintf(wrong, sizeof wrong, "%s", number);
	wrong[13] = wrong[13] == 'K' ? 'J' : 'K';
	term_type(s->t, "/");
	assert_screen(s, "Find a person");
	term_type(s->t, wrong);
	char message[96];
	snprintf(message, sizeof message, "Check the number: %s is not valid.", wrong);
	assert_screen(s, message);
	assert_screen(s, "Existing numbers close to it:");
	assert_screen(s, number);
	assert_false(term_has_text(s->t, "Nothing to show."));
	/* Without its check character, the number finds her. */
	term_key(s->t, TK_BACKSPACE);
	term_key(s->t, TK_BACKSPACE);
	assert_screen(s, "Zakari Hadiza");
	assert_false(term_has_text(s->t, "Check the number"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(last_four_digits_of_a_phone_typed_with_227, setup, teardown),
		cmocka_unit_test_setup_teardown(a_mistyped_case_number_says_so, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
