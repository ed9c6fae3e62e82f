/* End to end: the case file says when there is more than it shows (stays,
 * changes), and shows each module's keys and status line to the roles
 * allowed. */
#include <sqlite3.h>
#include <string.h>
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

/* Gives person 1 six earlier stays and six more changes in the trail, and
 * returns its case number as typed (no dashes). */
static void a_long_history(struct session *s, char *key, size_t size)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	char *err = NULL;
	int rc = sqlite3_exec(h,
	                      "WITH RECURSIVE y(n) AS (SELECT 2010 UNION ALL SELECT n + 1 FROM y WHERE n < 2015) "
	                      "INSERT INTO stay (person_id, centre_id, admitted, departed, departure_reason) "
	                      "SELECT 1, (SELECT id FROM centre WHERE code = 'AGZ'), n || '-01-10', n || '-02-10', 'left' "
	                      "FROM y;"
	                      "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 6) "
	                      "INSERT INTO audit (at, user_name, origin, action, entity, entity_id, changes) "
	                      "SELECT '2026-01-0' || n || 'T10:00:00.000Z', 'intake', 'local', 'update', 'person', 1, "
	                      "'{\"phone\": [\"1\", \"2\"]}' FROM k;",
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

static void says_when_more_exists(void **state)
{
	struct session *s = *state;
	char key[32];
	a_long_history(s, key, sizeof key);
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue");
	term_type(s->t, "/");
	assert_screen(s, "Chercher");
	term_type(s->t, key);
	/* The case number shows with its dashes once found. */
	char shown[8];
	snprintf(shown, sizeof shown, "%.3s-", key);
	assert_screen(s, shown);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Historique des modifications");
	assert_screen(s, "... et des séjours plus anciens");
	assert_screen(s, "... et des modifications plus anciennes");
	/* The registration module's keys, for a clerk. */
	assert_screen(s, "F2 Modifier");
	assert_screen(s, "F6 Séjour");
	/* A medical key is refused to a clerk, with a message. */
	term_type(s->t, "m");
	assert_screen(s, "Votre rôle ne permet pas cette action.");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(says_when_more_exists, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
