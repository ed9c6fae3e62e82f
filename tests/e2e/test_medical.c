/* End to end: medical follow-up. A consultation with a referral and a
 * follow-up date, the follow-up list, a medical case closed, the plain
 * status other roles see, and a follow-up before the consultation refused. */
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

/* Registers someone as the intake clerk (identity: the first fields as
 * typed, tabs between them), then signs out. */
static void register_person(struct session *s, const char *identity)
{
	session_login(s, "intake", "intake-demo");
	term_type(s->t, "n");
	assert_screen(s, "Nouvel enregistrement");
	term_type(s->t, identity);
	for (int i = 0; i < 12; i++)
		term_key(s->t, TK_TAB);
	term_type(s->t, "sauv\to\to");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré sous le numéro de dossier");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue");
	term_type(s->t, "d");
}

/* Registers Hawa Bah, born in 1990. */
static void register_patient(struct session *s)
{
	register_person(s, "Bah\tHawa\t\tf\t1990");
}

static void consultation_followup_and_case(void **state)
{
	struct session *s = *state;
	char next[16], earlier[16];
	day(7, next, sizeof next);
	day(-1, earlier, sizeof earlier);
	session_start(s, 24, 80, "xterm");
	register_patient(s);
	session_login(s, "medical", "medical-demo");
	assert_screen(s, "Liste de suivi");
	/* Consultation from the medical menu: find the patient first. */
	term_type(s->t, "c");
	term_type(s->t, "hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Consultation de Bah Hawa");
	term_type(s->t, "malaria\tPaludisme grave\tArtésunate IV\tHôpital national de Niamey\tForme grave\tsent\t");
	/* A follow-up before the consultation is refused. */
	term_type(s->t, earlier);
	term_key(s->t, TK_F2);
	assert_screen(s, "suivi ne peut pas");
	term_ctrl(s->t, 'u');
	term_type(s->t, next);
	term_key(s->t, TK_F2);
	assert_screen(s, "Consultation enregistrée.");
	/* The follow-up list shows her, due in a week. */
	term_type(s->t, "u");
	assert_screen(s, "BAH Hawa");
	assert_screen(s, next);
	/* Her medical record: open a case, then close it. */
	term_type(s->t, "o");
	assert_screen(s, "Sous suivi médical");
	term_type(s->t, "m");
	assert_screen(s, "Paludisme grave");
	assert_screen(s, "Hôpital national de Niamey");
	term_key(s->t, TK_F3);
	term_type(s->t, "tub\t");
	term_key(s->t, TK_F2);
	assert_screen(s, "Tuberculose");
	term_type(s->t, "1");
	for (int i = 0; i < 5; i++)
		term_key(s->t, TK_TAB);
	term_type(s->t, next);   /* a closing date in the future is refused */
	term_key(s->t, TK_TAB);
	term_type(s->t, "Guérie");
	term_key(s->t, TK_F2);
	assert_screen(s, "futur");
	term_key(s->t, TK_BACKTAB);
	term_ctrl(s->t, 'u');
	char today[16];
	day(0, today, sizeof today);
	term_type(s->t, today);
	term_key(s->t, TK_F2);
	assert_screen(s, "Guérie");
}

static void other_roles_see_no_diagnosis(void **state)
{
	struct session *s = *state;
	char next[16];
	day(10, next, sizeof next);
	session_start(s, 24, 80, "xterm");
	register_patient(s);
	session_login(s, "medical", "medical-demo");
	term_type(s->t, "c");
	term_type(s->t, "hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Consultation de Bah Hawa");
	term_type(s->t, "mental\tTrouble de stress post-traumatique\tSoutien\t\t\t\t");
	term_type(s->t, next);
	term_key(s->t, TK_F2);
	assert_screen(s, "Consultation enregistrée.");
	term_type(s->t, "d");
	/* The protection officer sees the plain status, not the diagnosis. */
	session_login(s, "protection", "protection-demo");
	term_type(s->t, "/hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Sous suivi médical");
	assert_screen(s, next);
	assert_false(term_has_text(s->t, "stress"));
	term_type(s->t, "m");
	assert_screen(s, "Votre rôle ne permet pas cette action.");
	assert_false(term_has_text(s->t, "stress"));
}

/* A child is marked on the consultation form and on the follow-up list,
 * as in the lookup; an adult is not. */
static void children_marked_on_consultation_and_followup(void **state)
{
	struct session *s = *state;
	char next[16];
	day(5, next, sizeof next);
	session_start(s, 24, 80, "xterm");
	register_person(s, "Sow\tAmadou\t\tm\t2016");
	session_login(s, "medical", "medical-demo");
	assert_screen(s, "Liste de suivi");
	term_type(s->t, "c");
	term_type(s->t, "amadou");
	assert_screen(s, "Sow Amadou");
	assert_screen(s, "ENFANT");   /* the lookup's marker */
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Consultation de Sow Amadou");
	assert_screen(s, "ENFANT");
	term_type(s->t, "malaria\t\t\t\t\t\t");
	term_type(s->t, next);
	term_key(s->t, TK_F2);
	assert_screen(s, "Consultation enregistrée.");
	term_type(s->t, "u");
	assert_screen(s, "SOW Amadou");
	bool marked = false;
	for (int row = 0; row < 24; row++) {
		char *line = term_row(s->t, row);
		if (strstr(line, "SOW Amadou"))
			marked = strstr(line, "ENFANT") != NULL;
		free(line);
	}
	assert_true(marked);
	/* And on the medical record. */
	term_type(s->t, "o");
	assert_screen(s, "Historique des modifications");
	term_type(s->t, "m");
	assert_screen(s, "Dossier médical de Sow Amadou");
	assert_screen(s, "ENFANT");
}

/* A saved consultation opens from the medical record; the referral's
 * outcome is recorded there later, with its date. */
static void referral_outcome_recorded_later(void **state)
{
	struct session *s = *state;
	char today[16];
	day(0, today, sizeof today);
	session_start(s, 24, 80, "xterm");
	register_patient(s);
	session_login(s, "medical", "medical-demo");
	assert_screen(s, "Liste de suivi");
	term_type(s->t, "c");
	term_type(s->t, "hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Consultation de Bah Hawa");
	term_type(s->t, "injury\tFracture du poignet\tAttelle\tHôpital régional\tRadio\tsent\t");
	term_key(s->t, TK_F2);
	assert_screen(s, "Consultation enregistrée.");
	/* Days later: her medical record, the consultation opened. */
	term_type(s->t, "/hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Historique des modifications");
	term_type(s->t, "m");
	assert_screen(s, "(Envoyée)");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Consultation de Bah Hawa");
	assert_screen(s, "Fracture du poignet");
	assert_screen(s, "Attelle");
	/* The cursor waits on the referral's status: the outcome, then its day
	 * in the last field (after the next follow-up). */
	term_type(s->t, "att\t\t");
	term_type(s->t, today);
	term_key(s->t, TK_F2);
	assert_screen(s, "(Honorée)");
	/* Opened again, the day is there. */
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Consultation de Bah Hawa");
	assert_screen(s, today);
	assert_screen(s, "Honorée");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(consultation_followup_and_case, setup, teardown),
		cmocka_unit_test_setup_teardown(other_roles_see_no_diagnosis, setup, teardown),
		cmocka_unit_test_setup_teardown(children_marked_on_consultation_and_followup, setup, teardown),
		cmocka_unit_test_setup_teardown(referral_outcome_recorded_later, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
