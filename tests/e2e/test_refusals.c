/* End to end: what a role is refused is in the audit trail (who, what,
 * when), and opening a medical record writes one row, not one per list. */
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

/* The number sql counts in the session's database. */
static long long count(struct session *s, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

/* Signs out and waits for the program to end after quitting. */
static void quit(struct session *s)
{
	term_ctrl(s->t, 'x');
	assert_true(term_wait_exit(s->t, WAIT_MS, NULL));
}

static void a_case_file_refused_is_in_the_trail(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "distribution", "distribution-demo");
	assert_screen(s, "Bienvenue");
	term_type(s->t, "/a");
	assert_screen(s, "AGZ-");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Votre rôle ne permet pas cette action.");
	quit(s);
	assert_int_equal(count(s, "SELECT count(*) FROM audit WHERE action = 'refused' AND user_name = 'distribution' "
	                          "AND entity = 'person' AND entity_id > 0 AND at != '' "
	                          "AND changes = '{\"permission\": \"person_read\"}'"),
	                 1);
}

static void a_medical_key_refused_is_in_the_trail(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "protection", "protection-demo");
	assert_screen(s, "Bienvenue");
	term_type(s->t, "/a");
	assert_screen(s, "AGZ-");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Historique des modifications");
	term_type(s->t, "m");
	assert_screen(s, "Votre rôle ne permet pas cette action.");
	quit(s);
	assert_int_equal(count(s, "SELECT count(*) FROM audit WHERE action = 'refused' AND user_name = 'protection' "
	                          "AND entity = 'person' AND changes = '{\"permission\": \"medical_read\"}'"),
	                 1);
}

static void opening_a_medical_record_is_one_row(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "medical", "medical-demo");
	assert_screen(s, "Bienvenue");
	term_type(s->t, "/a");
	assert_screen(s, "AGZ-");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Historique des modifications");
	term_type(s->t, "m");
	assert_screen(s, "Dossier médical de");
	quit(s);
	assert_int_equal(count(s, "SELECT count(*) FROM audit WHERE action = 'view' AND entity = 'medical_record'"), 1);
	assert_int_equal(count(s, "SELECT count(*) FROM audit WHERE action = 'refused'"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_case_file_refused_is_in_the_trail, setup, teardown),
		cmocka_unit_test_setup_teardown(a_medical_key_refused_is_in_the_trail, setup, teardown),
		cmocka_unit_test_setup_teardown(opening_a_medical_record_is_one_row, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
