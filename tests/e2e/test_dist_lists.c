/* End to end: the day's distribution lists and the figures. Two people of
 * the demo are given a stay at the distribution account's centre (ARL)
 * from today, and one of them a blanket served today (inserted by SQL:
 * the counter writes servings through its own screens). The distribution
 * account's list of today's servings shows the blanket at counter 2, the
 * list of who is due and not served shows the other person; the manager's
 * figures of the month count the blanket and the people reached as the
 * database does. Names are masked in privacy mode but on the selected row. Screens are read in English. */
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

static long long count_of(struct session *s, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* The display form of the case number of the n-th person picked. */
static void case_number(struct session *s, int n, char *out, size_t size)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT p.case_key FROM person p JOIN stay s ON s.person_id = p.id "
	                                        "WHERE s.centre_id = (SELECT id FROM centre WHERE code = 'ARL') "
	                                        "AND s.departed IS NULL AND s.admitted = date('now', 'localtime') "
	                                        "AND p.given_names LIKE 'Dist%' ORDER BY p.id LIMIT 1 OFFSET ?1",
	                                   -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_int(st, 1, n);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const char *k = (const char *)sqlite3_column_text(st, 0);
	size_t len = strlen(k);
	/* "ARL2600123U" -> "ARL-26-00123-U" (codes of three letters). */
	snprintf(out, size, "%.3s-%.2s-%.*s-%s", k, k + 3, (int)(len - 6), k + 5, k + len - 1);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* Two adults of the demo with no open stay and no family come to ARL
 * today; the first one is served a blanket at counter 2. */
static void prepare(struct session *s)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	exec(db, "CREATE TEMP TABLE pick AS SELECT id FROM person p WHERE kind = 'migrant' AND birth_date < '1995-01-01' "
	         "AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id AND (s.departed IS NULL OR "
	         "s.departed >= date('now', 'localtime', '-1 day'))) "
	         "AND NOT EXISTS (SELECT 1 FROM family_link f WHERE f.person_id = p.id) ORDER BY id LIMIT 2");
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM pick", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 2);
	sqlite3_finalize(st);
	/* Given names that sort them apart from the demo's own. */
	exec(db, "UPDATE person SET given_names = 'Dist' || id WHERE id IN (SELECT id FROM pick)");
	exec(db, "INSERT INTO stay (person_id, centre_id, admitted) SELECT id, (SELECT id FROM centre WHERE code = 'ARL'), "
	         "date('now', 'localtime') FROM pick");
	exec(db, "INSERT INTO dist_serving (person_id, item_id, centre_id, stay_id, day, served_at, counter, quantity, "
	         "served_by) SELECT s.person_id, (SELECT id FROM dist_item WHERE code = 'blanket'), s.centre_id, s.id, "
	         "s.admitted, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 minute'), '2', 1, "
	         "(SELECT id FROM app_user WHERE name = 'distribution') FROM stay s "
	         "WHERE s.person_id = (SELECT min(id) FROM pick) AND s.departed IS NULL");
	sqlite3_close(db);
}

/* Pages down the list shown until text shows (at most 40 pages). */
static void page_to(struct session *s, const char *text)
{
	for (int i = 0; i < 40 && !term_wait_text(s->t, text, 300); i++)
		term_key(s->t, TK_PGDN);
	assert_screen(s, text);
}

static void english_home(struct session *s, const char *name, const char *password, bool first)
{
	session_start(s, 24, 80, "xterm");
	session_login(s, name, password);
	if (first) {
		assert_screen(s, "Bienvenue");
		term_key(s->t, TK_F9);
	}
	assert_screen(s, "Welcome");
	term_settle(s->t, 100);
	term_type(s->t, "+");
	assert_screen(s, "Today's servings");
}

static void the_days_lists_and_the_figures(void **state)
{
	struct session *s = *state;
	prepare(s);
	char served[32], due[32];
	case_number(s, 0, served, sizeof served);
	case_number(s, 1, due, sizeof due);

	english_home(s, "distribution", "distribution-demo", true);
	term_type(s->t, "l");
	assert_screen(s, "Served on");
	page_to(s, served);
	assert_screen(s, "Blanket");
	/* The served person's whole row under the list once selected. */
	for (int i = 0; i < 60 && !term_wait_text(s->t, "Dist", 200); i++)
		term_key(s->t, TK_DOWN);
	assert_screen(s, "Moussa Tanko");
	/* Who is due and not served: the other person, due a blanket too. */
	term_type(s->t, "v");
	assert_screen(s, "Due and not served on");
	page_to(s, due);
	/* Privacy mode: names hidden on every row of the list but the
	 * selected one. */
	if (!term_has_text(s->t, "[P]"))
		term_ctrl(s->t, 'p');
	assert_screen(s, "[P]");
	term_settle(s->t, 100);
	int shown = 0;
	for (int r = 4; r < 20; r++) {
		char *row = term_row(s->t, r);
		shown += row && strstr(row, " Dist") != NULL;
		free(row);
	}
	assert_true(shown <= 1);
	term_free(&s->t);

	/* The manager's figures of the month (every centre). */
	long long blankets = count_of(s, "SELECT sum(quantity) FROM dist_serving WHERE item_id = (SELECT id FROM dist_item "
	                                 "WHERE code = 'blanket') AND day >= date('now', 'localtime', 'start of month')");
	long long people = count_of(s, "SELECT count(DISTINCT person_id) FROM dist_serving v WHERE day >= date('now', "
	                               "'localtime', 'start of month') AND quantity > 0 AND NOT EXISTS (SELECT 1 FROM "
	                               "dist_serving r WHERE r.reverses_id = v.id)");
	assert_true(blankets >= 1);
	english_home(s, "manager", "manager-demo", true);
	term_type(s->t, "f");
	assert_screen(s, "Day, month (MM/YYYY) or year");
	term_key(s->t, TK_ENTER);
	char line[120];
	snprintf(line, sizeof line, "%lld different people reached", people);
	assert_screen(s, line);
	assert_screen(s, "Blanket");
	char *screen = term_screen(s->t);
	char *at = strstr(screen, "Blanket");
	assert_non_null(at);
	char want[32];
	snprintf(want, sizeof want, " %lld ", blankets);
	char row[200];
	snprintf(row, sizeof row, "%.*s ", (int)(strcspn(at, "\n")), at);
	if (!strstr(row, want))
		fail_msg("the figures' blanket row \"%s\" lacks %lld", row, blankets);
	free(screen);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(the_days_lists_and_the_figures, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
