/* End to end: the real binary in a pseudo-terminal. Sign in, the home
 * menu, language switching, help, resizing, quitting, wrong passwords,
 * unsaved changes, hostile data. */
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

static void login_menu_language_help_resize_quit(void **state)
{
	struct session *s = *state;
	int status = -1;
	session_start(s, 24, 80, "xterm");
	assert_screen(s, "Nom d'utilisateur");
	assert_screen(s, "Base de démo");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue, Ibrahim Moussa");
	assert_screen(s, "Agent d'enregistrement");
	assert_screen(s, "intake@AGZ");
	/* The role decides the entries: no database check for intake. */
	assert_false(term_has_text(s->t, "Vérifier la base"));

	/* Each step waits for the status bar of the screen it leads to: it is
	 * painted last, so the rows above are the new screen's. A text of the
	 * screen's top can show while the rest still holds the last screen's
	 * (a slow machine), and a key sent then was read after what the test
	 * did next. */
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome, Ibrahim Moussa");
	assert_screen(s, "Enter Open");
	assert_screen(s, "Intake clerk");
	assert_screen(s, "Log out");
	term_type(s->t, "l");   /* the menu entry switches back */
	assert_screen(s, "Bienvenue, Ibrahim Moussa");
	assert_screen(s, "Entrée Ouvrir");
	assert_screen(s, "Déconnexion");

	term_key(s->t, TK_F1);
	assert_screen(s, "Touches de l'écran : Accueil");
	assert_screen(s, "Entrée Fermer");
	assert_screen(s, "F10, q, Ctrl-X");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Entrée Ouvrir");
	assert_screen(s, "Bienvenue, Ibrahim Moussa");
	term_type(s->t, "?");   /* the letter alternative of F1 */
	assert_screen(s, "Entrée Fermer");
	assert_screen(s, "Touches de l'écran : Accueil");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Entrée Ouvrir");   /* Esc read before the resize */
	assert_screen_gone(s, "Touches de l'écran");

	term_resize(s->t, 20, 60);
	assert_screen(s, "Terminal trop petit : 60x20");
	assert_screen(s, "80x24.");   /* the size needed, whole (it was cut to "80x2") */
	term_resize(s->t, 24, 80);
	assert_screen(s, "Bienvenue, Ibrahim Moussa");
	assert_screen_gone(s, "trop petit");

	term_key(s->t, TK_F10);
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
	assert_int_equal(status, 0);
}

static void wrong_password_stays_on_login(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "not-the-password");
	assert_screen(s, "Utilisateur inconnu ou mot de passe incorrect.");
	assert_screen(s, "Mot de passe");
	assert_false(term_has_text(s->t, "Bienvenue"));
	/* The user name stays; only the password is asked again. */
	term_type(s->t, "intake-demo");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Bienvenue, Ibrahim Moussa");
	term_type(s->t, "q");
	int status = -1;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
	assert_int_equal(status, 0);
}

static void language_is_remembered_per_user(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "medical", "medical-demo");
	assert_screen(s, "Bienvenue");
	term_ctrl(s->t, 't');
	assert_screen(s, "Welcome, Dr Fatouma Ali");
	term_type(s->t, "d");   /* log out */
	session_login_as(s, "Password", "intake", "intake-demo");
	assert_screen(s, "Bienvenue, Ibrahim Moussa");
	term_key(s->t, TK_F10);
	int status;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
	term_free(&s->t);

	session_start(s, 24, 80, "xterm");
	session_login(s, "medical", "medical-demo");
	assert_screen(s, "Welcome, Dr Fatouma Ali");
}

static void unsaved_changes_are_confirmed(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "admin", "admin-demo");
	assert_screen(s, "Vérifier la base de données");
	term_type(s->t, "p");
	assert_screen(s, "Nom complet");
	term_type(s->t, " Jr");
	term_key(s->t, TK_F10);
	assert_screen(s, "Quitter quand même ?");
	term_type(s->t, "n");
	assert_screen_gone(s, "Quitter quand même ?");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Abandonner vos modifications ?");
	term_type(s->t, "o");
	assert_screen(s, "Bienvenue, Amadou Issoufou");

	/* Saved this time: the new name shows at once. */
	term_type(s->t, "p");
	assert_screen(s, "Nom complet");
	term_type(s->t, " Jr");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré.");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue, Amadou Issoufou Jr");

	/* An emptied required field is refused with its message. */
	term_type(s->t, "p");
	assert_screen(s, "Nom complet");
	term_ctrl(s->t, 'u');
	term_ctrl(s->t, 's');
	assert_screen(s, "Obligatoire.");
	term_key(s->t, TK_F10);
	assert_screen(s, "Quitter quand même ?");
	term_type(s->t, "o");
	int status;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
	assert_int_equal(status, 0);
}

static void starts_too_small_then_grows(void **state)
{
	struct session *s = *state;
	session_start(s, 20, 60, "xterm");
	assert_screen(s, "Terminal trop petit : 60x20");
	term_resize(s->t, 24, 80);
	assert_screen(s, "Nom d'utilisateur");
}

static void works_on_a_vt100(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "vt100");
	session_login(s, "distribution", "distribution-demo");
	assert_screen(s, "Bienvenue, Moussa Tanko");
	term_type(s->t, "2");
	assert_screen(s, "Filtre");
	term_type(s->t, "cote");
	assert_screen(s, "Côte d'Ivoire");
	assert_screen_gone(s, "Afghanistan");
}

static void control_sequences_in_data_are_neutralised(void **state)
{
	struct session *s = *state;
	sqlite3 *h;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
		"UPDATE app_user SET display_name = 'Evil' || char(27) || '[2J' || char(27) || "
		"']0;pwned' || char(7) || char(8238) || 'Name' WHERE name = 'intake'",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue, Evil?[2J?]0;pwned??Name");
	/* The screen was not cleared by the sequence: the menu is still there. */
	assert_screen(s, "Déconnexion");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(login_menu_language_help_resize_quit, setup, teardown),
		cmocka_unit_test_setup_teardown(wrong_password_stays_on_login, setup, teardown),
		cmocka_unit_test_setup_teardown(language_is_remembered_per_user, setup, teardown),
		cmocka_unit_test_setup_teardown(unsaved_changes_are_confirmed, setup, teardown),
		cmocka_unit_test_setup_teardown(starts_too_small_then_grows, setup, teardown),
		cmocka_unit_test_setup_teardown(works_on_a_vt100, setup, teardown),
		cmocka_unit_test_setup_teardown(control_sequences_in_data_are_neutralised, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
