/* End to end: community members. A training officer registers one by the
 * short form, sees the duplicate warning for a near name of a migrant,
 * finds the new member in the lookup with the marker; a wrong field is
 * refused with its message. The screens are read in English (the new
 * texts), switched to from the home menu. */
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

/* Registers the migrant Abdoulaye Moussa, man born in 1995, as the intake
 * clerk, then signs out. */
static void register_migrant(struct session *s)
{
	session_login(s, "intake", "intake-demo");
	term_type(s->t, "n");
	assert_screen(s, "Nouvel enregistrement");
	term_type(s->t, "Abdoulaye\tMoussa\t\tm\t1995");
	for (int i = 0; i < 12; i++)
		term_key(s->t, TK_TAB);
	term_type(s->t, "sauv\to\to");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré sous le numéro de dossier");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue");
	term_type(s->t, "d");
}

/* Signs in as the training officer and switches the screens to English. */
static void training_in_english(struct session *s)
{
	session_login(s, "training", "training-demo");
	assert_screen(s, "Bienvenue");
	term_type(s->t, "l");
	assert_screen(s, "Community members");
}

static void a_training_officer_registers_a_community_member(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	register_migrant(s);
	training_in_english(s);
	term_type(s->t, "k");
	assert_screen(s, "New community member");
	/* Family, given, sex, birth, age, phone, locality; then the centre
	 * and consent (the date is today). */
	term_type(s->t, "Abdoulay\tMoussa\tm\t1995\t\t96 11 22 33\tQuartier Dagmanet\t\ty\ty");
	term_key(s->t, TK_F2);
	/* The migrant with the near name is shown first. */
	assert_screen(s, "Possible duplicates");
	assert_screen(s, "Abdoulaye Moussa");
	term_key(s->t, TK_F2);
	assert_screen(s, "Registered as a community member with number");
	assert_screen(s, "Community member · locality Quartier Dagmanet");
	assert_screen(s, "Registered as a community member on");
	term_settle(s->t, 200);
	assert_false(term_has_text(s->t, "Stays"));
	/* The training officer corrects the phone from the case file. */
	term_type(s->t, "k");
	assert_screen(s, "Editing");
	for (int i = 0; i < 5; i++)
		term_key(s->t, TK_TAB);
	term_ctrl(s->t, 'u');
	term_type(s->t, "96 11 22 34");
	term_key(s->t, TK_F2);
	assert_screen(s, "Phone: 96 11 22 34");
	/* The lookup finds both, the community member marked. */
	term_key(s->t, TK_ESC);
	term_type(s->t, "/");
	term_type(s->t, "moussa");
	assert_screen(s, "Abdoulay Moussa");
	assert_screen(s, "Abdoulaye Moussa");
	term_settle(s->t, 200);
	assert_screen(s, "COMM.");
	/* By phone too. */
	term_ctrl(s->t, 'u');
	term_type(s->t, "96112234");
	assert_screen(s, "Abdoulay Moussa");
	assert_screen(s, "COMM.");
}

static void a_wrong_field_is_refused_with_its_message(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	training_in_english(s);
	term_type(s->t, "k");
	assert_screen(s, "New community member");
	/* No locality. */
	term_type(s->t, "Issa\tMariama\tf\t\t30\t\t\t\ty\ty");
	term_key(s->t, TK_F2);
	assert_screen(s, "Some fields need attention.");
	/* The form is on the locality; then a date of birth and an age at
	 * once. */
	term_type(s->t, "Tchirozérine");
	for (int i = 0; i < 3; i++)
		term_key(s->t, TK_BACKTAB);
	term_type(s->t, "1990");
	term_key(s->t, TK_F2);
	assert_screen(s, "not both");
	/* The date of birth alone is taken. */
	term_ctrl(s->t, 'u');
	term_key(s->t, TK_F2);
	assert_screen(s, "Registered as a community member with number");
	assert_screen(s, "Community member · locality Tchirozérine");
}

/* The intake clerk registers a community member, then their arrival from
 * the case file: a migrant now, the same number, a stay. */
static void a_member_who_migrates_keeps_the_record(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue");
	term_type(s->t, "l");
	assert_screen(s, "Community members");
	term_type(s->t, "k");
	assert_screen(s, "New community member");
	term_type(s->t, "Zakari\tAmina\tf\t\t24\t\tIngall\t\ty\ty");
	term_key(s->t, TK_F2);
	assert_screen(s, "Registered as a community member with number");
	assert_screen(s, "Community member · locality Ingall");
	/* The edit is the short form too: no arrival in it. */
	term_type(s->t, "e");
	assert_screen(s, "Editing");
	assert_screen(s, "Locality");
	term_settle(s->t, 200);
	assert_false(term_has_text(s->t, "Arrival date"));
	assert_false(term_has_text(s->t, "How the person came"));
	for (int i = 0; i < 6; i++)
		term_key(s->t, TK_TAB);
	term_ctrl(s->t, 'u');
	term_type(s->t, "Ingall, quartier nord");
	term_key(s->t, TK_F2);
	assert_screen(s, "Community member · locality Ingall, quartier nord");
	term_type(s->t, "v");
	assert_screen(s, "Arrival date");
	term_type(s->t, "\t\tpolice");
	term_key(s->t, TK_F2);
	assert_screen(s, "Arrival registered");
	assert_screen(s, "Community member from");
	assert_screen(s, "Stays");
	assert_screen_gone(s, "· locality Ingall");
	/* Once only. */
	term_type(s->t, "v");
	assert_screen(s, "registered as a migrant already");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_training_officer_registers_a_community_member, setup, teardown),
		cmocka_unit_test_setup_teardown(a_wrong_field_is_refused_with_its_message, setup, teardown),
		cmocka_unit_test_setup_teardown(a_member_who_migrates_keeps_the_record, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
