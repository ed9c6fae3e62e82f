/* End to end: screens show names, not codes: nationality, languages and
 * the country of a document by name in the user's language, the lookup's
 * vulnerabilities abbreviated in that language with a legend in the help,
 * the selected person's nationality and vulnerabilities whole. */
#include <sqlite3.h>
#include "session.h"

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "20", (char *)NULL), 0);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

/* Person 1 from Guinea, speaking Tamashek and Pulaar, a Nigerien passport,
 * an asylum seeker; its case key (no dashes) into key. */
static void known_person(struct session *s, char *key, size_t size)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	char *err = NULL;
	int rc = sqlite3_exec(h,
	                      "UPDATE person SET nationality = 'GIN' WHERE id = 1;"
	                      "DELETE FROM person_language WHERE person_id = 1;"
	                      "INSERT INTO person_language (person_id, language) VALUES (1, 'tmh'), (1, 'fuc');"
	                      "DELETE FROM person_document WHERE person_id = 1;"
	                      "INSERT INTO person_document (person_id, doc_type, number, issued_by) "
	                      "VALUES (1, 'passport', 'P123', 'NER');"
	                      "DELETE FROM person_flag WHERE person_id = 1;"
	                      "INSERT INTO person_flag (person_id, flag) VALUES (1, 'asylum_seeker');",
	                      NULL, NULL, &err);
	if (rc != SQLITE_OK)
		fprintf(stderr, "%s\n", err ? err : "");
	sqlite3_free(err);
	assert_int_equal(rc, SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT case_key FROM person WHERE id = 1", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(key, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/* Asserts that the screen row holding anchor also holds want and not unwanted. */
static void assert_row(struct session *s, const char *anchor, const char *want, const char *unwanted)
{
	char *screen = term_screen(s->t);
	char *at = strstr(screen, anchor);
	char *start = at;
	while (start && start > screen && start[-1] != '\n')
		start--;
	char *end = at ? strchr(at, '\n') : NULL;
	if (end)
		*end = '\0';
	bool ok = start && strstr(start, want) && !(unwanted && strstr(start, unwanted));
	if (!ok)
		term_dump(s->t, want);
	free(screen);
	assert_true(ok);
}

static void names_not_codes(void **state)
{
	struct session *s = *state;
	char key[32], shown[16];
	known_person(s, key, sizeof key);
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue");
	term_type(s->t, "/");
	assert_screen(s, "Chercher");
	term_type(s->t, key);
	snprintf(shown, sizeof shown, "%.3s-%.2s-%.5s", key, key + 3, key + 5);
	assert_screen(s, shown);
	/* The person shows before the whole number is read: the list of the
	 * last key typed is the one to check. */
	assert_screen(s, key);
	term_settle(s->t, 200);
	/* The list: its columns in French, the nationality by name, the
	 * vulnerability abbreviated in French; under the list, whole, what
	 * the row abbreviates (here the vulnerability, not the country). */
	assert_screen(s, "Sexe");
	assert_row(s, "N° de dossier", "Nationalité", NULL);
	assert_row(s, shown, "Guinée", " GIN ");
	assert_row(s, shown, " DA", " ASY");
	assert_screen(s, "  Demandeur d'asile (à orienter vers le HCR)");
	assert_false(term_has_text(s->t, "Guinée · "));
	/* The help explains the abbreviations. */
	term_key(s->t, TK_F1);
	assert_screen(s, "Touches de l'écran : Rechercher une personne");
	for (int i = 0; i < 12; i++)
		term_key(s->t, TK_DOWN);
	term_settle(s->t, 300);   /* every Down drawn: nothing of the list left below */
	assert_screen(s, "Demandeur d'asile (à orienter vers le HCR)");
	assert_screen(s, "Enfant non accompagné");
	assert_row(s, "Demandeur d'asile (à orienter vers le HCR)", "DA", NULL);
	assert_row(s, "Enfant non accompagné", "ENA", NULL);
	term_key(s->t, TK_ESC);
	assert_screen(s, "Chercher");
	/* The case file: nationality, languages and the passport's country. */
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Historique des modifications");
	assert_row(s, shown, "Guinée", "GIN");
	assert_screen(s, "Langues : Pulaar, Touareg (tamacheq)");
	assert_row(s, "Langues", "Passeport P123 Niger", "NER");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(names_not_codes, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
