/* End to end: the reintegration officer starts a community project in
 * Gambia, adds a returnee as its leader and a community member (a second
 * leader is refused with the reason), and the list marks each; a manager
 * approves its budget, then opens this year's reintegration figures and
 * sees the project counted in Gambia's line. Read in English: the test
 * does not depend on translations. */
#include <sqlite3.h>
#include <time.h>
#include "session.h"

#define NB "\u00a0"   /* amounts keep their spaces unbroken */

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "300", (char *)NULL), 0);
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

/* Types a choice's name afresh (its type-ahead emptied first). */
static void choose(struct session *s, const char *text)
{
	for (int i = 0; i < 12; i++)
		term_key(s->t, TK_BACKSPACE);
	term_type(s->t, text);
}

/* The case number of the first person sql gives, as typed and as shown. */
static void person(struct session *s, const char *sql, char typed[20], char shown[24])
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const char *k = (const char *)sqlite3_column_text(st, 0);
	snprintf(typed, 20, "%s", k);
	snprintf(shown, 24, "%.3s-%.2s-%.5s-%.1s", k, k + 3, k + 5, k + 10);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* Gambia's projects of this year (collective, community) and their
 * members, as the figures define them, read straight from the database. */
static void gambia(struct session *s, long long out[3])
{
	static const char sql[] =
		"WITH pr AS (SELECT p.id, p.kind FROM reint_project p WHERE p.country = 'GMB' AND p.status <> 'cancelled' "
		"AND ((p.start_date >= ?1 AND p.start_date < ?2) OR EXISTS (SELECT 1 FROM reint_project_member m WHERE "
		"m.project_id = p.id AND m.joined_date < ?2 AND (m.left_date IS NULL OR m.left_date >= ?1)) OR EXISTS "
		"(SELECT 1 FROM reint_payment y WHERE y.project_id = p.id AND y.paid_date >= ?1 AND y.paid_date < ?2))) "
		"SELECT (SELECT count(*) FROM pr WHERE kind = 'collective'), (SELECT count(*) FROM pr WHERE kind = "
		"'community'), (SELECT count(DISTINCT m.person_id) FROM pr JOIN reint_project_member m ON m.project_id = "
		"pr.id WHERE m.joined_date < ?2 AND (m.left_date IS NULL OR m.left_date >= ?1))";
	char from[32], to[32];
	time_t now = time(NULL);
	const struct tm *tm = gmtime(&now);
	snprintf(from, sizeof from, "%04d-01-01", (tm->tm_year + 1900) % 10000);
	snprintf(to, sizeof to, "%04d-01-01", (tm->tm_year + 1901) % 10000);
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

/* On the project screen: a, the person's case number in the lookup, then
 * the member form with role. */
static void add(struct session *s, const char *typed, const char *shown, const char *role)
{
	term_type(s->t, "a");
	assert_screen(s, "Find the person who joins the project");
	term_type(s->t, typed);
	assert_screen(s, shown);
	term_settle(s->t, 50);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Joining Soma test garden");
	choose(s, role);
	term_key(s->t, TK_F2);
}

static void community_project_members_approval_figures(void **state)
{
	struct session *s = *state;
	char ret_typed[20], ret_shown[24], com_typed[20], com_shown[24];
	person(s, "SELECT case_key FROM person p WHERE community_since IS NULL AND EXISTS (SELECT 1 FROM stay x "
	          "WHERE x.person_id = p.id AND x.departure_reason = 'avr') ORDER BY id LIMIT 1",
	       ret_typed, ret_shown);
	person(s, "SELECT case_key FROM person WHERE community_since IS NOT NULL ORDER BY id LIMIT 1", com_typed,
	       com_shown);

	session_start(s, 24, 80, "xterm");
	session_login(s, "reintegration", "reintegration-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Reintegration projects");
	term_type(s->t, "o");
	assert_screen(s, "Projects: all kinds");
	term_type(s->t, "n");
	assert_screen(s, "New collective or community project");
	term_key(s->t, TK_TAB);
	term_type(s->t, "Soma test garden");
	term_key(s->t, TK_TAB);
	term_type(s->t, "Gambia");
	term_key(s->t, TK_TAB);
	term_type(s->t, "Lower River");
	assert_screen(s, "Lower River (Gambia)");   /* each region with its country */
	if (getenv("SHOW_SCREEN")) {
		term_settle(s->t, 100);
		char *form = term_screen(s->t);
		printf("%s\n", form);
		free(form);
	}
	term_key(s->t, TK_TAB);
	term_type(s->t, "Soma");
	for (int i = 0; i < 4; i++)
		term_key(s->t, TK_TAB);
	retype(s, "2500000");
	term_key(s->t, TK_F2);
	assert_screen(s, "Project saved.");
	assert_screen(s, "Soma test garden · Lower River, Soma");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Budget 2" NB "500" NB "000" NB "XOF · not approved yet");

	add(s, ret_typed, ret_shown, "Leader");
	assert_screen(s, "Member added.");
	assert_screen(s, "Members: 1 now");
	/* A second leader is refused, with the reason. */
	add(s, com_typed, com_shown, "Leader");
	assert_screen(s, "This project has a leader already");
	choose(s, "Member");
	term_key(s->t, TK_F2);
	assert_screen(s, "Member added.");
	assert_screen(s, "Members: 2 now");
	assert_screen(s, "returnee");
	assert_screen(s, "community");
	/* The officer may not approve. */
	term_type(s->t, "A");
	assert_screen(s, "not approved yet");
	term_free(&s->t);

	/* The manager approves the budget. */
	session_start(s, 24, 80, "xterm");
	session_login(s, "manager", "manager-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Reintegration projects");
	term_type(s->t, "o");
	assert_screen(s, "Projects: all kinds");
	term_type(s->t, "cc");   /* Senegal, then Gambia */
	assert_screen(s, "Projects: all kinds · Gambia");
	for (int i = 0; i < 12 && !term_has_text(s->t, "Soma test garden · Lower River"); i++) {
		term_key(s->t, TK_DOWN);
		term_settle(s->t, 50);
	}
	assert_screen(s, "Soma test garden · Lower River");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Budget 2" NB "500" NB "000" NB "XOF · not approved yet");
	term_type(s->t, "A");
	assert_screen(s, "Budget approved: 2" NB "500" NB "000" NB "XOF.");
	assert_screen(s, "approved 2" NB "500" NB "000" NB "XOF · paid 0" NB "XOF");

	/* This year's figures count it in Gambia's line. */
	long long want[3];
	gambia(s, want);
	assert_true(want[1] >= 1 && want[2] >= 2);
	term_key(s->t, TK_ESC);
	term_key(s->t, TK_ESC);
	/* The manager opens them from the reports (same key). */
	assert_screen(s, "Reports and exports");
	term_type(s->t, "=");
	assert_screen(s, "Reintegration figures");
	term_type(s->t, "h");
	assert_screen(s, "Year (YYYY) or month (MM/YYYY)");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Beneficiaries:");
	char line[160];
	snprintf(line, sizeof line, "Gambia%18s%12lld%12lld%14lld", "", want[0], want[1], want[2]);
	for (int i = 0; i < 10 && !term_has_text(s->t, line); i++) {
		term_key(s->t, TK_PGDN);
		term_settle(s->t, 50);
	}
	assert_screen(s, line);
	if (getenv("SHOW_SCREEN")) {
		char *screen = term_screen(s->t);
		printf("%s\n", screen);
		free(screen);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(community_project_members_approval_figures, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
