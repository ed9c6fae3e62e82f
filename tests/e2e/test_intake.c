/* End to end: registration, quick lookup, the case file and its history,
 * duplicates, refused values, drafts after a lost connection, and two
 * sessions editing one person. */
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

/* Fills the registration form opened from the home menu: names, sex key,
 * date of birth (may be ""), desert rescue, consents yes; does not save. */
static void fill_form(struct session *s, const char *family, const char *given, const char *sex,
                      const char *birth)
{
	term_type(s->t, "n");
	assert_screen(s, "Nouvel enregistrement");
	term_type(s->t, family);
	term_key(s->t, TK_TAB);
	term_type(s->t, given);
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);            /* other names */
	term_type(s->t, sex);
	term_key(s->t, TK_TAB);
	term_type(s->t, birth);
	for (int i = 0; i < 12; i++)       /* age ... centre */
		term_key(s->t, TK_TAB);
	term_type(s->t, "sauv");           /* how the person came: desert rescue */
	term_key(s->t, TK_TAB);
	term_type(s->t, "o");
	term_key(s->t, TK_TAB);
	term_type(s->t, "o");
}

static void register_find_open_edit_and_see_history(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Nouvel enregistrement");
	fill_form(s, "Traoré", "Aïssatou", "f", "03/2001");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré sous le numéro de dossier AGZ-26-");
	assert_screen(s, "Traoré Aïssatou");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue");
	/* Found again without accents, by a prefix. */
	term_type(s->t, "/");
	assert_screen(s, "Rechercher une personne");
	term_type(s->t, "aissa");
	assert_screen(s, "Traoré Aïssatou");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Historique des modifications");
	/* Edit the phone; the change shows in the history. */
	term_key(s->t, TK_F2);
	assert_screen(s, "Téléphone");
	for (int i = 0; i < 9; i++)
		term_key(s->t, TK_TAB);
	term_type(s->t, "+227 90 12 34 56");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré : ");
	assert_screen(s, "Historique des modifications");
	/* In words: the field's label and the values, not the JSON. */
	assert_screen(s, "→ +227 90 12 34 56");
	assert_false(term_has_text(s->t, "\"phone\""));
	/* And the new phone number finds the person. */
	term_type(s->t, "/");
	term_ctrl(s->t, 'u');
	term_type(s->t, "90 12 34");
	assert_screen(s, "Traoré Aïssatou");
}

static void second_registration_of_the_same_person_warns(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	fill_form(s, "Diallo", "Mohamed", "m", "2000");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré sous le numéro de dossier");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue");
	fill_form(s, "Diallo", "Mouhamed", "m", "2001");
	term_key(s->t, TK_F2);
	assert_screen(s, "Doublons possibles");
	assert_screen(s, "Diallo Mohamed");
	/* Esc: back to the form, nothing saved; then register anyway. */
	term_key(s->t, TK_ESC);
	assert_screen(s, "Nouvel enregistrement");
	term_key(s->t, TK_F2);
	assert_screen(s, "Doublons possibles");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré sous le numéro de dossier");
	assert_screen(s, "Diallo Mouhamed");
}

/* Found as the name is heard: a spelling variant and a prefix. */
static void registered_person_is_found_by_a_spelling_variant(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	fill_form(s, "Diallo", "Mohamed", "m", "2000");
	term_key(s->t, TK_F2);
	const char *said = "Enregistré sous le numéro de dossier ";
	assert_screen(s, said);
	char *screen = term_screen(s->t), number[32] = "";
	const char *at = strstr(screen, said);
	assert_non_null(at);
	sscanf(at + strlen(said), "%31[A-Z0-9-]", number);
	free(screen);
	assert_true(strlen(number) >= 10);
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue");
	term_type(s->t, "/");
	assert_screen(s, "Rechercher une personne");
	term_type(s->t, "mouhamed dial");
	assert_screen(s, number);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Historique des modifications");
	assert_screen(s, number);
}

static void empty_required_fields_are_refused(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	term_type(s->t, "n");
	assert_screen(s, "Nouvel enregistrement");
	term_key(s->t, TK_F2);
	assert_screen(s, "Obligatoire.");
	assert_false(term_has_text(s->t, "Enregistré sous"));
	/* Nothing typed: Esc leaves without asking. */
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue");
}

static void future_birth_date_is_refused(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	fill_form(s, "Sani", "Issa", "m", "01/01/2090");
	term_key(s->t, TK_F2);
	assert_screen(s, "La date est dans le futur.");
	assert_false(term_has_text(s->t, "Enregistré sous"));
}

static void lost_connection_keeps_a_draft(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	term_type(s->t, "n");
	assert_screen(s, "Nouvel enregistrement");
	term_type(s->t, "Keïta\tOusmane");
	assert_screen(s, "Ousmane");
	term_signal(s->t, SIGHUP);
	int status;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
	term_free(&s->t);
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Formulaire inachevé : Enregistrement");
	term_type(s->t, "r");
	assert_screen(s, "Keïta");
	assert_screen(s, "Ousmane");
	/* Another user does not see it. */
	term_key(s->t, TK_ESC);
	assert_screen(s, "Abandonner vos modifications ?");
	term_type(s->t, "o");
	term_type(s->t, "d");
	session_login(s, "protection", "protection-demo");
	assert_screen(s, "Bienvenue");
	assert_false(term_has_text(s->t, "inachevé :"));
}

static void two_sessions_editing_one_person(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	fill_form(s, "Coulibaly", "Awa", "f", "1990");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré sous le numéro de dossier");
	term_key(s->t, TK_F2);                 /* session 1 opens the edit form */
	assert_screen(s, "Téléphone");

	struct session other = *s;
	other.t = NULL;
	session_start(&other, 24, 80, "xterm");
	session_login(&other, "protection", "protection-demo");
	term_type(other.t, "/coulibaly");
	assert_true(term_wait_text(other.t, "Coulibaly Awa", WAIT_MS));
	term_key(other.t, TK_ENTER);
	assert_true(term_wait_text(other.t, "Historique des modifications", WAIT_MS));
	term_key(other.t, TK_F2);
	assert_true(term_wait_text(other.t, "Téléphone", WAIT_MS));
	for (int i = 0; i < 9; i++)
		term_key(other.t, TK_TAB);
	term_type(other.t, "+223 76 00 00 00");
	term_key(other.t, TK_F2);
	/* The saved message, not the typed text: the save must be done. */
	assert_true(term_wait_text(other.t, "Enregistré : ", WAIT_MS));
	term_free(&other.t);

	/* Session 1 changes the given names and saves: another field than the
	 * other session's, so both changes are kept. */
	term_key(s->t, TK_TAB);
	term_ctrl(s->t, 'u');
	term_type(s->t, "Awa Mariam");
	term_key(s->t, TK_F2);
	assert_screen(s, "Coulibaly Awa Mariam");    /* back on the case file */
	assert_screen(s, "+223 76 00 00 00");
	assert_false(term_has_text(s->t, "Modifié entre-temps"));
}

static void stays_and_family_links(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	fill_form(s, "Touré", "Mariam", "f", "1985");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré sous le numéro de dossier");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue");
	fill_form(s, "Touré", "Awa", "f", "2016");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré sous le numéro de dossier");
	assert_screen(s, "ENFANT");                 /* from the date of birth */
	/* Link the mother as parent, once confirmed. */
	term_type(s->t, "l");
	assert_screen(s, "Cherchez le membre de la famille");
	term_type(s->t, "mariam");
	assert_screen(s, "Touré Mariam");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "est, pour cette personne");
	term_type(s->t, "1");
	assert_screen(s, "o = oui");
	term_type(s->t, "o");
	assert_screen(s, "Membre de la famille lié.");
	assert_screen(s, "1  ");                    /* the mother, listed */
	assert_false(term_has_text(s->t, "chef de ménage"));
	/* The mother's file shows the child, the other way round. */
	term_type(s->t, "1");
	assert_screen(s, "Touré Mariam   femme");
	assert_screen(s, "enfant");
	term_key(s->t, TK_ESC);
	/* The child leaves: assisted voluntary return. */
	term_type(s->t, "s");
	assert_screen(s, "Présent(e) à AGZ depuis le");
	term_type(s->t, "01/01/2090\n");
	assert_screen(s, "La date est dans le futur.");
	term_key(s->t, TK_BACKTAB);
	term_ctrl(s->t, 'u');
	term_type(s->t, "01/01/2020");
	term_key(s->t, TK_F2);
	assert_screen(s, "Indiquez pourquoi la personne est partie.");
	term_type(s->t, "ret");                    /* the reason: assisted voluntary return */
	term_key(s->t, TK_F2);
	assert_screen(s, "Date complète, pas avant l'admission.");
	char today[16];
	time_t now = time(NULL);
	strftime(today, sizeof today, "%d/%m/%Y", localtime(&now));
	term_key(s->t, TK_BACKTAB);
	term_ctrl(s->t, 'u');
	term_type(s->t, today);
	term_key(s->t, TK_F2);
	assert_screen(s, "retour volontaire assisté");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(register_find_open_edit_and_see_history, setup, teardown),
		cmocka_unit_test_setup_teardown(second_registration_of_the_same_person_warns, setup, teardown),
		cmocka_unit_test_setup_teardown(registered_person_is_found_by_a_spelling_variant, setup, teardown),
		cmocka_unit_test_setup_teardown(empty_required_fields_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(future_birth_date_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(lost_connection_keeps_a_draft, setup, teardown),
		cmocka_unit_test_setup_teardown(two_sessions_editing_one_person, setup, teardown),
		cmocka_unit_test_setup_teardown(stays_and_family_links, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
