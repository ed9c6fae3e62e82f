/* End to end: a manager opens the protection unit's menu, then its
 * figures, types the latest year with a victim identified and sees the tables: children assisted, the
 * victims of trafficking in the domain documents' sentence with the same
 * number as the database holds, referrals, and further down the returns
 * with the number of people who left, by age group and country; a period
 * that is neither a month nor a year is refused. Read in English: the
 * test does not depend on translations. */
#include <sqlite3.h>
#include "session.h"

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "400", (char *)NULL), 0);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

static void retype(struct session *s, const char *text)
{
	term_ctrl(s->t, 'u');
	term_type(s->t, text);
}

/* The latest year a victim was identified in, then the victims with a
 * case open in it and the people who left in it, read straight from the
 * database. */
static void expected(struct session *s, char year[16], long long out[2])
{
	static const char year_sql[] = "SELECT substr(max(identified_date), 1, 4) FROM prot_trafficking";
	static const char sql[] =
		"SELECT (SELECT count(DISTINCT k.person_id) FROM prot_trafficking t JOIN prot_case k ON k.id = t.case_id "
		"WHERE k.opened < ?2 AND (k.closed_date IS NULL OR k.closed_date >= ?1)), "
		"(SELECT count(DISTINCT person_id) FROM prot_return WHERE status IN ('departed', 'arrived') "
		"AND departure_date >= ?1 AND departure_date < ?2)";
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, year_sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_non_null(sqlite3_column_text(st, 0));
	snprintf(year, 16, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	char from[32], to[32];
	snprintf(from, sizeof from, "%.4s-01-01", year);
	snprintf(to, sizeof to, "%04d-01-01", (atoi(year) + 1) % 10000);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	for (int i = 0; i < 2; i++)
		out[i] = sqlite3_column_int64(st, i);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void manager_sees_the_tables(void **state)
{
	struct session *s = *state;
	char year[16];
	long long want[2];
	expected(s, year, want);
	assert_true(want[0] > 0 && want[1] > 0);

	session_start(s, 24, 80, "xterm");
	session_login(s, "manager", "manager-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
	term_type(s->t, "e");
	assert_screen(s, "Protection figures");
	term_type(s->t, "h");
	assert_screen(s, "Year (YYYY) or month (MM/YYYY)");
	retype(s, year);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "All centres");
	assert_screen(s, "Children assisted:");
	assert_screen(s, "Unaccompanied or separated");
	char line[160];
	assert_screen(s, "Victims of trafficking");
	snprintf(line, sizeof line, "  %lld victim", want[0]);
	assert_screen(s, line);
	term_settle(s->t, 100);
	char *first = term_screen(s->t);
	if (getenv("SHOW_SCREEN"))
		printf("%s\n", first);
	free(first);
	/* Further down: referrals, then the returns. */
	snprintf(line, sizeof line, "Assisted returns: %lld different people left", want[1]);
	for (int i = 0; i < 10 && !term_has_text(s->t, "Returns by country of destination"); i++) {
		term_key(s->t, TK_PGDN);
		term_settle(s->t, 50);
	}
	assert_screen(s, "Returns by country of destination");
	term_settle(s->t, 100);
	char *screen = term_screen(s->t);
	if (getenv("SHOW_SCREEN"))
		printf("%s\n", screen);
	free(screen);
	for (int i = 0; i < 10 && !term_has_text(s->t, line); i++) {
		term_key(s->t, TK_PGUP);
		term_settle(s->t, 50);
	}
	assert_screen(s, line);
	/* A period that is not a month or a year is refused. */
	term_key(s->t, TK_BACKTAB);
	retype(s, "14/03/2025");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Give a year (YYYY) or a month (MM/YYYY).");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(manager_sees_the_tables, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
