/* End to end: the home menu built from the module table, for every role at
 * 80x24: the role's daily work first, every entry it may open shown whole,
 * nothing it may not open, and every entry one key away. */
#include <string.h>
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

struct role_menu {
	const char *account;
	const char *first;           /* the first heading (screen row 4); "": a heading
	                              * whose words differ in both languages, then
	                              * shown[1] is its first entry (row 5) */
	const char *shown[8];        /* entries shown, whole */
	const char *hidden[4];       /* entries of other roles, not shown */
};

static const struct role_menu menus[] = {
	{ "admin", "Administration", { "5  Comptes du personnel", "6  Journal d'audit", "4  Vérifier la base" },
	  { "Nouvel enregistrement", "Nouvelle consultation" } },
	/* The reports first (its heading, whatever its French words); the
	 * modules' figures are inside them, not on the menu. */
	{ "manager", "", { "4  Vérifier la base", "=  " },
	  { "Nouvel enregistrement", "Comptes du personnel", "Journal d'audit", "Registre et décomptes médicaux" } },
	{ "intake", "Enregistrement", { "n  Nouvel enregistrement", "f  Rechercher une personne (ou /)" },
	  { "Nouvelle consultation", "Comptes du personnel", "Vérifier la base" } },
	{ "medical", "Suivi médical", { "c  Nouvelle consultation", "u  Liste de suivi", "7  Registre" },
	  { "Nouvel enregistrement", "Comptes du personnel" } },
	/* The protection unit's menu first. */
	{ "protection", "Protection", { "e  Protection", "z  Mes dossiers de protection", "n  Nouvel enregistrement", "q  Quitter" },
	  { "Nouvelle consultation" } },
	/* Their daily module first (its heading, whatever its French words). */
	{ "psychosocial", "Psycho", { "f  Rechercher", "1  Centres", "g  ", "a  " }, { "Nouvel enregistrement", "Registre" } },
	/* Vocational training first. */
	{ "training", "Formation", { "t  ", "k  ", "d  Déconnexion" }, { "Nouvel enregistrement", "Nouvelle consultation" } },
	/* Reintegration first (its heading, whatever its French words). */
	{ "reintegration", "R", { "s  ", "v  ", "b  ", "o  ", "h  ", "l  Français / English" }, { "Nouvel enregistrement" } },
	/* Distributions first. */
	{ "distribution", "Distributions", { "+  Distributions", "p  Mes préférences", "m  Changer mon mot de passe" },
	  { "Nouvel enregistrement", "Registre", "Vérifier la base" } },
};

static void every_role_sees_its_own_menu(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	for (size_t r = 0; r < sizeof menus / sizeof menus[0]; r++) {
		const struct role_menu *m = &menus[r];
		char password[64];
		snprintf(password, sizeof password, "%s-demo", m->account);
		session_login(s, m->account, password);
		assert_screen(s, "Bienvenue");
		for (int i = 0; i < 8 && m->shown[i]; i++)
			assert_screen(s, m->shown[i]);
		char *row = term_row(s->t, 4);
		if (strncmp(row + 2, m->first, strlen(m->first)) != 0)
			term_dump(s->t, m->account);
		assert_true(strncmp(row + 2, m->first, strlen(m->first)) == 0);
		free(row);
		if (!m->first[0]) {
			row = term_row(s->t, 5);
			if (strncmp(row + 3, m->shown[1], strlen(m->shown[1])) != 0)
				term_dump(s->t, m->account);
			assert_true(strncmp(row + 3, m->shown[1], strlen(m->shown[1])) == 0);
			free(row);
		}
		for (int i = 0; i < 4 && m->hidden[i]; i++)
			assert_false(term_has_text(s->t, m->hidden[i]));
		/* Log out, one key. */
		term_type(s->t, "d");
		assert_screen(s, "Mot de passe");
	}
}

static void entries_open_by_one_key_in_english(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "vt100");
	session_login(s, "admin", "admin-demo");
	assert_screen(s, "Bienvenue");
	term_ctrl(s->t, 'T');   /* vt100 has no F9 */
	assert_screen(s, "Welcome");
	assert_screen(s, "5  Staff accounts");
	term_type(s->t, "5");
	assert_screen(s, "reintegration");   /* the list of accounts */
	term_key(s->t, TK_ESC);
	assert_screen(s, "Welcome");
	/* Arrows move between the entries (back on "5"), Enter opens. */
	for (int i = 0; i < 4; i++)
		term_key(s->t, TK_UP);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Filter");          /* the list of centres */
	assert_screen(s, "Agadez");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Welcome");
	/* A key of an entry the role does not have opens nothing. */
	term_type(s->t, "n");
	term_type(s->t, "c");
	assert_screen(s, "Welcome");
	assert_false(term_has_text(s->t, "New registration"));
	assert_false(term_has_text(s->t, "Find the patient"));
	term_type(s->t, "q");
	int status;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_role_sees_its_own_menu, setup, teardown),
		cmocka_unit_test_setup_teardown(entries_open_by_one_key_in_english, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
