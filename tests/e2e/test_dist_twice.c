/* End to end: the servings made twice at two sites. A person of the demo
 * was given a blanket (once per stay) at Agadez three days ago, and again
 * at Dirkou yesterday by another site (the rows written with SQLite on the
 * file, the second with another site's id, as a merge leaves them). The
 * manager opens the list from the distribution menu: the person is listed
 * with the blanket, and the row chosen shows both servings whole. A day
 * that does not exist in the period, and a last day before the first,
 * each get a clear message. Screens are read in English. */
#include <sqlite3.h>
#include "session.h"

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "60", (char *)NULL), 0);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

static void exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err ? err : "");
}

/* The blanket twice, to a person of the demo; their case number as shown
 * into key. */
static void prepare(struct session *s, char *key, size_t size)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	exec(db, "CREATE TEMP TABLE pick AS SELECT id FROM person p WHERE kind = 'migrant' "
	         "AND NOT EXISTS (SELECT 1 FROM dist_serving v WHERE v.person_id = p.id) ORDER BY id LIMIT 1");
	exec(db, "UPDATE person SET given_names = 'Twiceserved' WHERE id = (SELECT id FROM pick)");
	exec(db, "INSERT INTO dist_serving (person_id, item_id, centre_id, day, served_at, counter, quantity, served_by) "
	         "SELECT id, (SELECT id FROM dist_item WHERE code = 'blanket'), (SELECT id FROM centre WHERE code = 'AGZ'), "
	         "date('now', 'localtime', '-3 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-3 days'), '1', 1, "
	         "(SELECT id FROM app_user WHERE name = 'distribution') FROM pick");
	exec(db, "INSERT INTO dist_serving (person_id, item_id, centre_id, day, served_at, counter, quantity, site) "
	         "SELECT id, (SELECT id FROM dist_item WHERE code = 'blanket'), (SELECT id FROM centre WHERE code = 'DRK'), "
	         "date('now', 'localtime', '-1 day'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 day'), '1', 1, "
	         "'0190aaaabbbb7ccc8ddddeeeeffff000' FROM pick");
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT case_key FROM person WHERE id = (SELECT id FROM pick)", -1, &st,
	                                    NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const char *k = (const char *)sqlite3_column_text(st, 0);
	size_t len = strlen(k);
	/* "ARL2600123U" -> "ARL-26-00123-U" (codes of three letters). */
	snprintf(key, size, "%.3s-%.2s-%.*s-%s", k, k + 3, (int)(len - 6), k + 5, k + len - 1);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void listed_after_the_merge(void **state)
{
	struct session *s = *state;
	char key[32];
	prepare(s, key, sizeof key);
	session_start(s, 24, 80, "xterm");
	session_login(s, "manager", "manager-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
	term_settle(s->t, 100);
	term_type(s->t, "+");
	assert_screen(s, "Served twice at two sites");
	term_type(s->t, "8");
	assert_screen(s, "then press Enter");
	term_key(s->t, TK_ENTER);
	assert_screen(s, key);
	assert_screen(s, "Blanket, once per stay");
	/* The chosen row whole: both centres by name, who served the first. */
	assert_screen(s, "at Agadez transit centre, served by");
	assert_screen(s, "at Dirkou transit centre, served by staff not known here");
	assert_screen(s, "Twiceserved");

	/* A day that does not exist. */
	term_ctrl(s->t, 'u');
	term_type(s->t, "31/02/2026");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "That day does not exist in that month.");
	/* The last day before the first. */
	term_ctrl(s->t, 'u');
	term_type(s->t, "01/01/2100");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "The last day comes before the first.");
	/* Help. */
	term_key(s->t, TK_F1);
	assert_screen(s, "Keys of the screen: Served twice at two sites");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(listed_after_the_merge, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
