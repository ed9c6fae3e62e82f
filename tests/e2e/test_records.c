/* End to end: what a record holds is what was typed. An estimated age shows
 * as typed on the case file and in the edit form, with the child mark that
 * agrees with it; a medical case refused for one field saves nothing and
 * names the field. */
#include <time.h>
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

/* Registers a man from the home menu with an estimated age and no date of
 * birth, desert rescue, consents yes; the case file is then shown. */
static void register_with_age(struct session *s, const char *family, const char *given, const char *age)
{
	term_type(s->t, "n");
	assert_screen(s, "Nouvel enregistrement");
	term_type(s->t, family);
	term_key(s->t, TK_TAB);
	term_type(s->t, given);
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);            /* other names */
	term_type(s->t, "m");
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);            /* date of birth */
	term_type(s->t, age);
	for (int i = 0; i < 11; i++)       /* nationality ... centre */
		term_key(s->t, TK_TAB);
	term_type(s->t, "sauv");
	term_key(s->t, TK_TAB);
	term_type(s->t, "o");
	term_key(s->t, TK_TAB);
	term_type(s->t, "o");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré sous le numéro de dossier");
}

/* The text of the row holding text, or "" (freed by the caller). */
static char *row_with(struct session *s, const char *text)
{
	for (int r = 0; r < 24; r++) {
		char *row = term_row(s->t, r);
		if (row && strstr(row, text))
			return row;
		free(row);
	}
	return strdup("");
}

static void an_estimated_age_shows_as_typed(void **state)
{
	struct session *s = *state;
	/* Early in the year, when a year of birth counted as its middle or
	 * its end gives an age one year low. */
	session_start_with(s, 24, 80, "xterm", "TAIMAKO_NOW=2026-03-02");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue");
	register_with_age(s, "Garba", "Trente", "30");
	assert_screen(s, "~30 ans");
	assert_false(term_has_text(s->t, "ENFANT"));
	/* Editing again shows the age typed, not a year of birth. */
	term_key(s->t, TK_F2);
	assert_screen(s, "Ou âge estimé");
	term_settle(s->t, 300);   /* the whole form drawn, not only its labels */
	char *row = row_with(s, "Ou âge estimé");
	assert_non_null(strstr(row, "30"));
	free(row);
	row = row_with(s, "Date de naissance");
	assert_null(strstr(row, "1996"));
	free(row);
	/* A date of birth typed beside the age shown replaces it. */
	for (int i = 0; i < 4; i++)
		term_key(s->t, TK_TAB);
	term_type(s->t, "01/01/1990");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré : ");
	assert_screen(s, "36 ans");
	assert_false(term_has_text(s->t, "~36"));
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue");

	/* 18 is an adult, 17 a child, marked so. */
	register_with_age(s, "Garba", "Dixhuit", "18");
	assert_screen(s, "~18 ans");
	assert_false(term_has_text(s->t, "ENFANT"));
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue");
	register_with_age(s, "Garba", "Dixsept", "17");
	assert_screen(s, "~17 ans");
	assert_screen(s, "ENFANT");
}

/* Today plus days, as DD/MM/YYYY. */
static void day(int days, char *out, size_t size)
{
	time_t t = time(NULL) + (time_t)days * 86400;
	strftime(out, size, "%d/%m/%Y", localtime(&t));
}

/* True when the last row but one (the message line) holds text. */
static bool message_has(struct session *s, const char *text)
{
	char *row = term_row(s->t, 22);
	bool has = row && strstr(row, text);
	free(row);
	return has;
}

static void a_refused_medical_case_saves_nothing(void **state)
{
	struct session *s = *state;
	char opened[16], visit[16], today[16];
	day(-10, opened, sizeof opened);
	day(-20, visit, sizeof visit);
	day(0, today, sizeof today);
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	term_type(s->t, "n");
	assert_screen(s, "Nouvel enregistrement");
	term_type(s->t, "Bah\tHawa\t\tf\t1990");
	for (int i = 0; i < 12; i++)
		term_key(s->t, TK_TAB);
	term_type(s->t, "sauv\to\to");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré sous le numéro de dossier");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue");
	term_type(s->t, "d");
	session_login(s, "medical", "medical-demo");
	term_key(s->t, TK_F9);             /* English, for the new messages */
	assert_screen(s, "Follow-up list");
	term_type(s->t, "/hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	term_type(s->t, "m");
	assert_screen(s, "Medical record of Bah Hawa");
	/* A pregnancy closed with its outcome, and a visit before it opened. */
	term_key(s->t, TK_F3);
	assert_screen(s, "Antenatal visit on");
	term_type(s->t, "preg\t");
	term_ctrl(s->t, 'u');
	term_type(s->t, opened);
	term_type(s->t, "\t\t\t");
	term_type(s->t, visit);
	term_key(s->t, TK_TAB);
	term_type(s->t, today);
	term_key(s->t, TK_TAB);
	term_type(s->t, "Normal delivery");
	term_key(s->t, TK_F2);
	/* Refused, the message names the field by its label. */
	assert_screen(s, "Antenatal visit on: Cannot be before the case was opened.");
	assert_true(message_has(s, "Antenatal visit on: "));
	assert_false(term_has_text(s->t, "Saved."));
	/* Nothing was saved: the record has no case. */
	term_key(s->t, TK_ESC);
	assert_screen(s, "Discard your changes?");
	term_type(s->t, "y");
	assert_screen(s, "Medical record of Bah Hawa");
	assert_screen(s, "None.");
	assert_false(term_has_text(s->t, "Pregnancy"));
}

static void an_adult_is_not_an_unaccompanied_child(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);             /* English, for the new messages */
	assert_screen(s, "Welcome");
	term_type(s->t, "n");
	assert_screen(s, "New registration");
	term_type(s->t, "Sani\tIssa\t\tm\t1990");
	for (int i = 0; i < 12; i++)
		term_key(s->t, TK_TAB);
	term_type(s->t, "desert\ty\ty\t\ty");   /* consents, their date, unaccompanied child */
	term_key(s->t, TK_F2);
	/* Refused, named by the flag's label. */
	assert_screen(s, "Unaccompanied child: 18 or over on arrival: check the age.");
	assert_true(message_has(s, "Unaccompanied child: "));
	assert_false(term_has_text(s->t, "Registered with case number"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(an_estimated_age_shows_as_typed, setup, teardown),
		cmocka_unit_test_setup_teardown(a_refused_medical_case_saves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(an_adult_is_not_an_unaccompanied_child, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
