/* End to end: roles, the lockout, the idle lock, the administration of
 * accounts, privacy mode and the audit trail, in the real binary. */
#include <sqlite3.h>
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

static void each_role_sees_its_own_menu(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue, Ibrahim Moussa");
	assert_false(term_has_text(s->t, "Comptes du personnel"));
	assert_false(term_has_text(s->t, "Journal d'audit"));
	assert_screen(s, "Changer mon mot de passe");
	/* The hot key of the administration entry does nothing either. */
	term_type(s->t, "5");
	assert_false(term_has_text(s->t, "Nom complet"));
	term_type(s->t, "d");
	session_login(s, "admin", "admin-demo");
	assert_screen(s, "Comptes du personnel");
	assert_screen(s, "Journal d'audit");
}

static void five_wrong_passwords_lock_the_account(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	assert_screen(s, "Mot de passe");
	term_type(s->t, "medical\n");
	for (int i = 0; i < 4; i++) {
		term_type(s->t, "not-the-password\n");
		assert_screen(s, "Utilisateur inconnu ou mot de passe incorrect.");
		term_key(s->t, TK_F1);   /* any key clears the message; F1 then Esc leaves it unchanged */
		term_key(s->t, TK_ESC);
		assert_screen_gone(s, "Utilisateur inconnu");
	}
	term_type(s->t, "not-the-password\n");
	assert_screen(s, "verrouillé jusqu'à");
	/* Even the right password is refused now, with the time it opens again. */
	term_key(s->t, TK_F1);
	term_key(s->t, TK_ESC);
	assert_screen_gone(s, "verrouillé jusqu'à");
	term_type(s->t, "medical-demo\n");
	assert_screen(s, "verrouillé jusqu'à");
	assert_false(term_has_text(s->t, "Bienvenue"));
}

static void idle_lock_hides_the_screen_and_brings_it_back(void **state)
{
	struct session *s = *state;
	session_start_with(s, 24, 80, "xterm", "TAIMAKO_IDLE_LOCK_SECONDS=2");
	session_login(s, "protection", "protection-demo");
	term_type(s->t, "p");
	assert_screen(s, "Hadiza Souley");
	assert_screen(s, "Taimako est verrouillé");
	/* Nothing of the screen underneath stays: only who is locked out. */
	assert_false(term_has_text(s->t, "Nom complet"));
	assert_false(term_has_text(s->t, "Mes préférences"));
	assert_false(term_has_text(s->t, "F2 Enregistrer"));
	term_type(s->t, "wrong password\n");
	assert_screen(s, "Mot de passe incorrect.");
	term_type(s->t, "protection-demo\n");
	assert_screen(s, "Nom complet");
	assert_screen(s, "Hadiza Souley");
	assert_false(term_has_text(s->t, "verrouillé"));
}

static void admin_adds_an_account_that_can_sign_in(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "admin", "admin-demo");
	assert_screen(s, "Comptes du personnel");
	term_type(s->t, "5");
	assert_screen(s, "reintegration");
	term_key(s->t, TK_F3);
	assert_screen(s, "Nouveau compte");
	term_type(s->t, "halima\tHalima Moussa\tprot\t");   /* role by type-ahead */
	term_key(s->t, TK_TAB);                             /* centre: the admin's own */
	term_key(s->t, TK_TAB);                             /* language: French */
	term_type(s->t, "short\t");
	term_type(s->t, "short\n");
	assert_screen(s, "10");                             /* the password rule, beside the field */
	/* The form went back to the first field in error: the password. */
	term_ctrl(s->t, 'u');
	term_type(s->t, "un long mot de passe\t");
	term_ctrl(s->t, 'u');
	term_type(s->t, "un long mot de passe\n");
	assert_screen(s, "Enregistré.");
	assert_screen(s, "Halima Moussa");
	/* Privacy mode hides names but the selected one (the first row). */
	term_ctrl(s->t, 'p');
	assert_screen(s, "*****");
	assert_screen_gone(s, "Mariama Hamani");
	assert_false(term_has_text(s->t, "Halima Moussa"));
	assert_screen(s, "Amadou Issoufou");
	term_ctrl(s->t, 'p');
	assert_screen(s, "Mariama Hamani");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue");
	term_type(s->t, "d");
	session_login(s, "halima", "un long mot de passe");
	assert_screen(s, "Bienvenue, Halima Moussa");
	assert_screen(s, "halima@NY1");
}

static void audit_screen_shows_who_did_what(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "admin", "admin-demo");
	assert_screen(s, "Journal d'audit");
	term_type(s->t, "6");
	assert_screen(s, "Toute l'activité");
	assert_screen(s, "demo");
	/* Filtered by an account that did nothing: nothing to show. */
	term_type(s->t, "nobody\n");
	assert_screen(s, "Rien à afficher.");
	term_ctrl(s->t, 'u');
	term_type(s->t, "admin\n");
	assert_screen_gone(s, "Rien à afficher.");
	/* The admin's latest row, opened in full: who and from where. */
	term_key(s->t, TK_F3);
	assert_screen(s, "admin (local)");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Toute l'activité");
	/* A date that does not exist is refused beside its field. */
	term_key(s->t, TK_TAB);
	term_type(s->t, "31/02/2026\n");
	assert_screen(s, "n'existe pas");
}

static void staff_change_their_own_password(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "training", "training-demo");
	assert_screen(s, "Changer mon mot de passe");
	term_type(s->t, "m");
	assert_screen(s, "Mot de passe actuel");
	term_type(s->t, "not-my-password\tmon nouveau secret\tmon nouveau secret\n");
	assert_screen(s, "Le mot de passe actuel est incorrect.");
	term_ctrl(s->t, 'u');
	term_type(s->t, "training-demo\n");
	term_key(s->t, TK_F2);
	assert_screen(s, "Le mot de passe a été modifié.");
	assert_screen(s, "Bienvenue, Boubacar Idrissa");
	term_type(s->t, "d");
	session_login(s, "training", "training-demo");
	assert_screen(s, "Utilisateur inconnu ou mot de passe incorrect.");
	term_type(s->t, "mon nouveau secret\n");
	assert_screen(s, "Bienvenue, Boubacar Idrissa");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(each_role_sees_its_own_menu, setup, teardown),
		cmocka_unit_test_setup_teardown(five_wrong_passwords_lock_the_account, setup, teardown),
		cmocka_unit_test_setup_teardown(idle_lock_hides_the_screen_and_brings_it_back, setup, teardown),
		cmocka_unit_test_setup_teardown(admin_adds_an_account_that_can_sign_in, setup, teardown),
		cmocka_unit_test_setup_teardown(audit_screen_shows_who_did_what, setup, teardown),
		cmocka_unit_test_setup_teardown(staff_change_their_own_password, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
