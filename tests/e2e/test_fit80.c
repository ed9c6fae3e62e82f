/* End to end: at 80x24 in French, no text is cut silently: the
 * vulnerability labels of the registration form are whole, and the consent
 * line of the case file shows its answers. */
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

/* True when some row of the screen holds text followed by more, on the
 * same row (the value beside a label). */
static bool row_has_both(struct session *s, const char *text, const char *more)
{
	bool found = false;
	for (int row = 0; row < 24 && !found; row++) {
		char *line = term_row(s->t, row);
		const char *at = strstr(line, text);
		found = at && strstr(at + strlen(text), more);
		free(line);
	}
	return found;
}

static void vulnerability_labels_whole_in_french(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	term_type(s->t, "n");
	assert_screen(s, "Nouvel enregistrement");
	/* Down to the last field: the vulnerabilities are on the screen. */
	for (int i = 0; i < 32; i++)
		term_key(s->t, TK_TAB);
	assert_screen(s, "Victime présumée de traite");
	assert_screen(s, "Victime de traite identifiée");
	assert_screen(s, "Victime de violence, d'exploitation ou d'abus");
	assert_screen(s, "Demandeur d'asile (à orienter vers le HCR)");
	/* Each with its answer on its row. */
	assert_true(row_has_both(s, "Victime de violence, d'exploitation ou d'abus", "Non"));
	assert_true(row_has_both(s, "Victime présumée de traite", "Non"));
}

static void consent_line_whole_in_french(void **state)
{
	struct session *s = *state;
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
	term_type(s->t, "/hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Historique des modifications");
	/* The answers, not "Consentement : don". */
	assert_screen(s, "Consentement : données oui, partage oui, le ");
	assert_screen(s, "(sauvetage dans le désert)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(vulnerability_labels_whole_in_french, setup, teardown),
		cmocka_unit_test_setup_teardown(consent_line_whole_in_french, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
