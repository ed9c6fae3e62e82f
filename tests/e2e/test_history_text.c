/* End to end: the history of a case file and the audit screen read as
 * sentences with case numbers and labels, never raw JSON with row ids;
 * links, departures and services made from another file are in the
 * person's history; an audit row opens in full; medical details stay
 * hidden from the administrator. */
#include <sqlite3.h>
#include "session.h"

/* Runs sql on the session's database; fails the test on error. */
static void exec_sql(struct session *s, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	char *err = NULL;
	int rc = sqlite3_exec(h, sql, NULL, NULL, &err);
	if (rc != SQLITE_OK)
		fprintf(stderr, "%s\n", err ? err : "");
	sqlite3_free(err);
	sqlite3_close(h);
	assert_int_equal(rc, SQLITE_OK);
}

/* The text sql selects, into out. */
static void select_text(struct session *s, const char *sql, char *out, size_t size)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/* "AGZ2600123K" as shown: "AGZ-26-00123-K". */
static void shown(const char *key, char *out, size_t size)
{
	snprintf(out, size, "%.3s-%.2s-%.5s-%.1s", key, key + 3, key + 5, key + 10);
}

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "20", (char *)NULL), 0);
	/* Person 1's trail as the program writes it: an edit from its file, a
	 * family link made from person 2's file, a departure and services
	 * recorded from the stay screen, and a consultation. */
	/* Person 1 without psychosocial records of the demo: their line on the
	 * case file would leave the history one row less than this test reads. */
	exec_sql(s, "DELETE FROM psych_attendance WHERE person_id = 1; DELETE FROM psych_support WHERE person_id = 1;"
	            "INSERT INTO stay (id, person_id, centre_id, admitted) VALUES "
	            "(900, 1, (SELECT id FROM centre WHERE code = 'AGZ'), '2026-01-05');"
	            "INSERT INTO audit (at, user_name, origin, action, entity, entity_id, changes) VALUES "
	            "('2026-02-01T10:00:00.000Z', 'intake', 'local', 'update', 'person', 1, "
	            " '{\"nationality\": [\"MLI\", \"NER\"], \"phone\": [\"\", \"+227 90 12 34 56\"], "
	            "   \"other_names\": [\"\", \"Petit Ali;Ali le grand;Aliou du marché central;Ali Baba de Tahoua\"]}'),"
	            "('2026-02-02T10:00:00.000Z', 'intake', 'local', 'link', 'person', 1, "
	            " '{\"relative\": 2, \"relation\": [null, \"child\"]}'),"
	            "('2026-02-03T10:00:00.000Z', 'intake', 'local', 'services', 'person', 1, "
	            " '{\"stay_id\": 900, \"services\": [\"\", \"food water\"]}'),"
	            "('2026-02-04T10:00:00.000Z', 'intake', 'local', 'depart', 'person', 1, "
	            " '{\"stay_id\": 900, \"departed\": [null, \"2026-02-04\"], \"reason\": [null, \"avr\"]}');"
	            "INSERT INTO consultation (id, person_id, date, centre_id, reason, diagnosis, created_at) VALUES "
	            "(700, 1, '2026-02-01', (SELECT id FROM centre WHERE code = 'AGZ'), 'malaria', "
	            " 'Paludisme grave', '2026-02-01T09:00:00Z');"
	            "INSERT INTO audit (at, user_name, origin, action, entity, entity_id, changes) VALUES "
	            "('2026-02-05T10:00:00.000Z', 'medical', 'local', 'create', 'consultation', 700, "
	            " '{\"person_id\": \"1\", \"date\": \"2026-02-01\", \"reason\": \"malaria\", "
	            "   \"diagnosis\": \"Paludisme grave\"}');");
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

/* No JSON, no row id, no internal name on the screen. */
static void no_raw_text(struct session *s)
{
	const char *raw[] = { "{", "\"", "relative:", "stay_id", "person #", "person_id", "NER", "avr" };
	for (size_t i = 0; i < sizeof raw / sizeof raw[0]; i++) {
		if (term_has_text(s->t, raw[i]))
			term_dump(s->t, raw[i]);
		assert_false(term_has_text(s->t, raw[i]));
	}
}

static void history_in_words(void **state)
{
	struct session *s = *state;
	char key1[32], key2[32], number2[32];
	select_text(s, "SELECT case_key FROM person WHERE id = 1", key1, sizeof key1);
	select_text(s, "SELECT case_key FROM person WHERE id = 2", key2, sizeof key2);
	shown(key2, number2, sizeof number2);
	session_start(s, 24, 80, "xterm");
	session_login(s, "protection", "protection-demo");
	assert_screen(s, "Bienvenue");
	term_type(s->t, "/");
	assert_screen(s, "Chercher");
	term_type(s->t, key1);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Historique des modifications");
	/* Labels and names in the user's language, case numbers for people. */
	assert_screen(s, "Nationalité");
	assert_screen(s, "Mali → Niger");
	assert_screen(s, number2);
	assert_screen(s, "04/02/2026");
	no_raw_text(s);
}

static void audit_screen_in_words(void **state)
{
	struct session *s = *state;
	char key1[32], number1[32];
	select_text(s, "SELECT case_key FROM person WHERE id = 1", key1, sizeof key1);
	shown(key1, number1, sizeof number1);
	session_start(s, 24, 80, "xterm");
	session_login(s, "admin", "admin-demo");
	assert_screen(s, "Journal d'audit");
	term_type(s->t, "6");
	assert_screen(s, "Toute l'activité");
	/* The intake clerk's rows: the case number in the record column. */
	term_type(s->t, "intake\n");
	assert_screen(s, number1);
	no_raw_text(s);
	/* The oldest of them in full: every alias, wrapped, none cut. */
	term_key(s->t, TK_END);
	assert_screen(s, "01/02");
	term_key(s->t, TK_F3);
	assert_screen(s, number1);
	assert_screen(s, "Petit Ali");
	assert_screen(s, "Tahoua");   /* the end of the longest value */
	assert_screen(s, "+227 90 12 34 56");
	no_raw_text(s);
	term_key(s->t, TK_ESC);
	assert_screen(s, "Toute l'activité");
	/* The doctor's consultation: that it was written, not what it says. */
	term_ctrl(s->t, 'u');
	term_type(s->t, "medical\n");
	assert_screen(s, number1);
	assert_false(term_has_text(s->t, "Paludisme"));
	term_key(s->t, TK_F3);
	assert_screen(s, "medical (local)");
	assert_false(term_has_text(s->t, "Paludisme"));
	no_raw_text(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(history_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(audit_screen_in_words, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
