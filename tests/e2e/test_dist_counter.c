/* End to end: the distribution counter. On the demo, with an item of its
 * own (served once a day, to anyone) so that the demo's servings never
 * interfere, the distribution clerk ticks it, serves a person by case
 * number typed without dashes (Enter shows, Enter serves: the prompt is
 * ready again with the "Served:" line, the name masked as privacy mode is
 * on for the role); the same person again is refused as already served;
 * a case number with a typo is refused by its check character. Then the
 * manager serves the same person anyway, with a reason (the override),
 * and reverses that serving with a reason.
 * Read in English. */
#include <sqlite3.h>
#include "session.h"

static void exec_sql(struct session *s, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	char *err = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	if (rc != SQLITE_OK)
		fprintf(stderr, "%s\n", err ? err : "?");
	assert_int_equal(rc, SQLITE_OK);
	sqlite3_free(err);
	sqlite3_close(db);
}

static void text_of(struct session *s, const char *sql, char *out, size_t size)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
}

#define SERVED_SQL \
	"SELECT count(*) FROM dist_serving WHERE item_id = (SELECT id FROM dist_item WHERE code = 'e2e_tea')"

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "30", (char *)NULL), 0);
	exec_sql(s, "INSERT INTO dist_item (code, name_en, name_fr, kind, unit, frequency, staying_only, position) "
	            "VALUES ('e2e_tea', 'Tea for the test', 'Thé du test', 'other', 'person', 'daily', 0, -1)");
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

/* Signs in, in English, opens the counter, ticks the first item (the
 * test's) and starts serving. */
static void counter_open(struct session *s, const char *name, const char *password)
{
	session_start(s, 24, 80, "xterm");
	session_login(s, name, password);
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Distributions");
	term_type(s->t, "+");
	assert_screen(s, "Distribution counter");
	term_type(s->t, "c");
	assert_screen(s, "Tea for the test");
	term_type(s->t, " ");
	assert_screen(s, "[x] Tea for the test");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Case number:");
}

static void serve_refuse_typo_then_override(void **state)
{
	struct session *s = *state;
	char key[32], name[200], typo[32], dashed[40];
	text_of(s, "SELECT case_key FROM person ORDER BY id LIMIT 1", key, sizeof key);
	text_of(s, "SELECT family_name FROM person ORDER BY id LIMIT 1", name, sizeof name);
	size_t n = strlen(key);
	snprintf(typo, sizeof typo, "%s", key);
	typo[n - 1] = typo[n - 1] == '0' ? '1' : '0';   /* the check character changed */
	snprintf(dashed, sizeof dashed, "%.3s-%.2s-%.*s-%c", key, key + 3, (int)(n - 6), key + 5, key[n - 1]);
	counter_open(s, "distribution", "distribution-demo");
	/* F1 explains the counter's keys. */
	term_key(s->t, TK_F1);
	assert_screen(s, "Serve every item to the person shown");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Case number:");
	/* Typed in lower case, without dashes: the person and "Due". */
	char lower[32];
	for (size_t i = 0; i <= n; i++)
		lower[i] = (char)(key[i] >= 'A' && key[i] <= 'Z' ? key[i] - 'A' + 'a' : key[i]);
	term_type(s->t, lower);
	term_key(s->t, TK_ENTER);
	assert_screen(s, name);
	assert_screen(s, "Due");
	/* Enter serves: the prompt is ready for the next person. */
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Served: Tea for the test to *****");
	term_settle(s->t, 100);
	assert_false(term_has_text(s->t, "Due"));
	/* Again, with dashes: already served, and Enter refuses. */
	term_type(s->t, dashed);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Already served today at");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Already served: nothing is due.");
	term_key(s->t, TK_ESC);
	term_settle(s->t, 100);
	/* A typo in the case number: the check character catches it. */
	term_type(s->t, typo);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Wrong check character");
	assert_screen(s, "Check the number:");
	/* The clerk may not override. */
	term_key(s->t, TK_ESC);
	term_settle(s->t, 100);
	term_ctrl(s->t, 'o');
	assert_screen(s, "Only a manager may");
	term_free(&s->t);
	/* The manager serves again anyway, with a reason. */
	counter_open(s, "manager", "manager-demo");
	term_type(s->t, dashed);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Already served today at");
	term_ctrl(s->t, 'o');
	assert_screen(s, "Reason for serving anyway:");
	term_type(s->t, "Cup spilled");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Served: Tea for the test to");
	char got[32];
	text_of(s, SERVED_SQL, got, sizeof got);
	assert_string_equal(got, "2");
	text_of(s, "SELECT override_reason FROM dist_serving ORDER BY id DESC LIMIT 1", got, sizeof got);
	assert_string_equal(got, "Cup spilled");
	/* The manager reverses it: a confirmation, then the reason. */
	term_ctrl(s->t, 'r');
	assert_screen(s, "y = yes");
	term_type(s->t, "y");
	assert_screen(s, "Reason for the reversal:");
	term_type(s->t, "Served twice");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Servings reversed: 1.");
	text_of(s, "SELECT reason FROM dist_serving ORDER BY id DESC LIMIT 1", got, sizeof got);
	assert_string_equal(got, "Served twice");
	text_of(s, SERVED_SQL " AND quantity < 0", got, sizeof got);
	assert_string_equal(got, "1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(serve_refuse_typo_then_override, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
