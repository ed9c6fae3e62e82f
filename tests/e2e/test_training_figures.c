/* End to end: a manager opens last year's training figures on a small
 * demo, for all centres and all trades, and sees the year's table as the
 * domain documents give it (participants, of them community members,
 * courses), the same numbers as the database holds, the definition of a
 * community member, the trades and the outcomes further down; a period
 * that is not a month or a year is refused. Read in English: the test does
 * not depend on translations. */
#include <sqlite3.h>
#include <time.h>
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

/* Replaces the text of the current field with text. */
static void retype(struct session *s, const char *text)
{
	term_ctrl(s->t, 'u');
	term_type(s->t, text);
}

/* People holding a place in the courses that ran in year, of them
 * community members, and the courses, read straight from the database. */
static void expected(struct session *s, const char *year, long long out[3])
{
	static const char sql[] =
		"SELECT (SELECT count(DISTINCT e.person_id) FROM training_course c JOIN training_enrolment e "
		"ON e.course_id = c.id WHERE c.status <> 'cancelled' AND c.start_date < ?2 AND c.end_date >= ?1 AND "
		"e.status IN ('selected', 'enrolled', 'completed', 'certified', 'dropped_out')), "
		"(SELECT count(DISTINCT e.person_id) FROM training_course c JOIN training_enrolment e "
		"ON e.course_id = c.id JOIN person p ON p.id = e.person_id WHERE c.status <> 'cancelled' "
		"AND c.start_date < ?2 AND c.end_date >= ?1 AND p.community_since IS NOT NULL AND "
		"e.status IN ('selected', 'enrolled', 'completed', 'certified', 'dropped_out')), "
		"(SELECT count(*) FROM training_course c WHERE c.status <> 'cancelled' AND c.start_date < ?2 "
		"AND c.end_date >= ?1)";
	char from[32], to[32];
	snprintf(from, sizeof from, "%.4s-01-01", year);
	snprintf(to, sizeof to, "%04d-01-01", (atoi(year) + 1) % 10000);
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	for (int i = 0; i < 3; i++)
		out[i] = sqlite3_column_int64(st, i);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void manager_sees_participants_and_community_members(void **state)
{
	struct session *s = *state;
	char year[16];
	time_t now = time(NULL) - 365 * 86400;
	strftime(year, sizeof year, "%Y", gmtime(&now));
	long long want[3];
	expected(s, year, want);
	assert_true(want[0] > want[1] && want[1] > 0 && want[2] >= 3);

	session_start(s, 24, 80, "xterm");
	session_login(s, "manager", "manager-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
	/* The manager opens it from the reports (same key). */
	term_type(s->t, "=");
	assert_screen(s, "Training figures");
	term_type(s->t, "0");
	assert_screen(s, "Month or year (MM/YYYY or YYYY)");
	retype(s, year);
	term_key(s->t, TK_TAB);
	retype(s, "all");   /* the centre: all centres */
	term_key(s->t, TK_TAB);
	retype(s, "all");   /* the trade: all trades */
	term_key(s->t, TK_ENTER);
	char line[160];
	snprintf(line, sizeof line, "%lld participants, %lld of them community members; %lld courses.", want[0], want[1],
	         want[2]);
	assert_screen(s, line);
	assert_screen(s, "All centres");
	assert_screen(s, "All trades");
	assert_screen(s, "Participants");
	assert_screen(s, "Community members");
	assert_screen(s, "even if they migrated");
	term_settle(s->t, 100);
	char *first = term_screen(s->t);
	if (getenv("SHOW_SCREEN"))
		printf("%s\n", first);
	free(first);
	/* Further down: the people by group, the trades, the outcomes. */
	for (int i = 0; i < 10 && !term_has_text(s->t, "Touareg jewellery"); i++) {
		term_key(s->t, TK_PGDN);
		term_settle(s->t, 50);
	}
	assert_screen(s, "Touareg jewellery");
	for (int i = 0; i < 10 && !term_has_text(s->t, "Follow-up three months later"); i++) {
		term_key(s->t, TK_PGDN);
		term_settle(s->t, 50);
	}
	assert_screen(s, "Follow-up three months later");
	assert_screen(s, "Lines ");
	term_settle(s->t, 100);
	char *screen = term_screen(s->t);
	if (getenv("SHOW_SCREEN"))
		printf("%s\n", screen);
	free(screen);
	/* A period that is not a month or a year is refused. */
	term_key(s->t, TK_BACKTAB);
	term_key(s->t, TK_BACKTAB);
	retype(s, "14/03/2025");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Give a month (MM/YYYY) or a year (YYYY).");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(manager_sees_participants_and_community_members, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
