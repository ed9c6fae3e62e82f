/* End to end: individual psychosocial support. The psychosocial worker
 * records a session with a next appointment, finds the person on the
 * appointments list and records the next session with one key; a
 * distribution account and the manager are refused the notes; a protection officer's case
 * file says "Urgent psychosocial attention" and nothing of the notes.
 * The module's screens are read in English: their texts do not change
 * with the catalogue. */
#include <signal.h>
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

/* Today plus days, as DD/MM/YYYY. */
static void day(int days, char *out, size_t size)
{
	time_t t = time(NULL) + (time_t)days * 86400;
	strftime(out, size, "%d/%m/%Y", localtime(&t));
}

/* Registers Hawa Bah at the intake clerk's centre (the French screens),
 * then signs out. */
static void register_person(struct session *s)
{
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
}

/* Signs the psychosocial worker in (after someone signed out in French)
 * and switches to English. */
static void psych_login(struct session *s)
{
	session_login(s, "psychosocial", "psychosocial-demo");
	assert_screen(s, "Bienvenue");
	term_ctrl(s->t, 't');
	assert_screen(s, "Individual support");
}

/* From the home menu: finds Hawa and opens a new support session. */
static void new_session_for_hawa(struct session *s)
{
	term_type(s->t, "i");
	term_type(s->t, "hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Psychosocial support of Bah Hawa");
}

/* On the form (cursor on the first concern): distress ticked, what was
 * done, the risk typed as risk_part of its label, a referral to
 * protection, and the next appointment next ("" none); saved. */
static void fill_and_save(struct session *s, const char *done, const char *risk_part, const char *next)
{
	term_type(s->t, "y");
	for (int i = 0; i < 8; i++)    /* six concerns more, the other's text */
		term_key(s->t, TK_TAB);
	term_type(s->t, done);
	term_key(s->t, TK_TAB);
	if (risk_part[0])
		term_type(s->t, risk_part);
	term_key(s->t, TK_TAB);        /* referrals: mental health, medical, protection */
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	term_type(s->t, "y");
	term_key(s->t, TK_TAB);
	term_type(s->t, next);
	term_key(s->t, TK_F2);
	assert_screen(s, "Support session recorded.");
}

static void a_session_its_appointment_and_the_next_with_one_key(void **state)
{
	struct session *s = *state;
	char next[16], today[16];
	day(7, next, sizeof next);
	day(0, today, sizeof today);
	session_start(s, 24, 80, "xterm");
	register_person(s);
	psych_login(s);
	assert_screen(s, "Support appointments");
	new_session_for_hawa(s);
	/* The same day as the session for the next appointment is refused. */
	term_type(s->t, "y");
	for (int i = 0; i < 13; i++)   /* to the next appointment, the last field */
		term_key(s->t, TK_TAB);
	term_type(s->t, today);
	term_key(s->t, TK_F2);
	assert_screen(s, "The next appointment must come after this session.");
	term_ctrl(s->t, 'u');
	term_type(s->t, next);
	term_key(s->t, TK_F2);
	assert_screen(s, "Support session recorded.");
	/* On the appointments list, due in a week. */
	term_type(s->t, "w");
	assert_screen(s, "Support appointments at AGZ");
	assert_screen(s, "BAH Hawa");
	assert_screen(s, next);
	/* Her history: the session, its next appointment, the chosen one whole. */
	term_type(s->t, "h");
	assert_screen(s, "Support sessions");
	assert_screen(s, "Individual");
	assert_screen(s, "Distress");
	assert_screen(s, next);
	term_key(s->t, TK_ESC);
	assert_screen(s, "Support appointments at AGZ");
	/* One key records the next session, from today, and she leaves the list. */
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Psychosocial support of Bah Hawa");
	assert_screen(s, today);
	term_key(s->t, TK_F2);
	assert_screen(s, "Support session recorded.");
	assert_screen_gone(s, "BAH Hawa");
}

static void a_distribution_account_is_refused_the_notes(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	register_person(s);
	psych_login(s);
	/* From her case file: the history, then a new session. */
	term_type(s->t, "/hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "History of changes");
	term_type(s->t, "y");
	assert_screen(s, "None yet: n records the first.");
	term_type(s->t, "n");
	assert_screen(s, "Psychosocial support of Bah Hawa");
	fill_and_save(s, "Nightmares since the desert crossing", "", "");
	assert_screen(s, "Support sessions");
	assert_screen(s, "Nightmares since the desert crossing");
	for (int i = 0; i < 4; i++)   /* the history, the case file, the lookup */
		term_key(s->t, TK_ESC);
	assert_screen(s, "Individual support");
	term_type(s->t, "d");
	/* The distribution account: no entry for support on its menu, its
	 * keys do nothing, and it opens no case file. */
	session_login_as(s, "Password", "distribution", "distribution-demo");
	term_ctrl(s->t, 't');
	assert_screen(s, "Log out");
	assert_false(term_has_text(s->t, "Individual support"));
	assert_false(term_has_text(s->t, "Support appointments"));
	term_type(s->t, "iw");
	term_type(s->t, "/hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Your role does not allow this.");
	assert_false(term_has_text(s->t, "Nightmares"));
	assert_false(term_has_text(s->t, "Psychosocial support of"));
	term_key(s->t, TK_ESC);
	assert_screen(s, "Log out");
	term_type(s->t, "d");
	/* The manager opens her case file, not her support: the key is refused. */
	session_login_as(s, "Password", "manager", "manager-demo");
	term_ctrl(s->t, 't');
	assert_screen(s, "Log out");
	term_type(s->t, "/hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "History of changes");
	assert_false(term_has_text(s->t, "Nightmares"));
	term_type(s->t, "y");
	assert_screen(s, "Your role does not allow this.");
	term_key(s->t, TK_F5);
	assert_false(term_has_text(s->t, "Nightmares"));
	assert_false(term_has_text(s->t, "Psychosocial support of"));
}

static void protection_sees_the_alert_and_no_notes(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	register_person(s);
	psych_login(s);
	new_session_for_hawa(s);
	fill_and_save(s, "Talks of ending her life", "to self", "");
	assert_screen(s, "Individual support");
	term_type(s->t, "d");
	session_login_as(s, "Password", "protection", "protection-demo");
	term_ctrl(s->t, 't');
	assert_screen(s, "Log out");
	term_type(s->t, "/hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Urgent psychosocial attention");
	assert_false(term_has_text(s->t, "ending her life"));
	assert_false(term_has_text(s->t, "Risk to self"));
	assert_false(term_has_text(s->t, "Distress"));
	term_type(s->t, "y");
	assert_screen(s, "Your role does not allow this.");
	assert_false(term_has_text(s->t, "ending her life"));
}

/* A support session half typed when the line drops comes back whole at
 * the next sign-in. */
static void a_half_typed_session_survives_a_hang_up(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	register_person(s);
	psych_login(s);
	new_session_for_hawa(s);
	term_type(s->t, "y");
	for (int i = 0; i < 8; i++)
		term_key(s->t, TK_TAB);
	term_type(s->t, "Grounding exercises");
	assert_screen(s, "Grounding exercises");
	term_signal(s->t, SIGHUP);
	int status;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
	term_free(&s->t);

	session_start(s, 24, 80, "xterm");
	session_login(s, "psychosocial", "psychosocial-demo");
	assert_screen(s, "Unfinished form: Psychosocial support");
	term_type(s->t, "r");
	assert_screen(s, "Psychosocial support of Bah Hawa");
	assert_screen(s, "Grounding exercises");
	term_key(s->t, TK_F2);
	assert_screen(s, "Support session recorded.");
	term_type(s->t, "/hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "History of changes");
	term_key(s->t, TK_F5);
	assert_screen(s, "Support sessions");
	assert_screen(s, "Distress");
	assert_screen(s, "Grounding exercises");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_session_its_appointment_and_the_next_with_one_key, setup, teardown),
		cmocka_unit_test_setup_teardown(a_distribution_account_is_refused_the_notes, setup, teardown),
		cmocka_unit_test_setup_teardown(protection_sees_the_alert_and_no_notes, setup, teardown),
		cmocka_unit_test_setup_teardown(a_half_typed_session_survives_a_hang_up, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
