/* End to end, an assisted voluntary return on the real program, from the
 * case file's 'a': the protection officer records the request and the
 * counselling; a manager approves it from the returns waiting for
 * approval; the officer records an issued laissez-passer, books the
 * convoy and records the departure, which ends the person's stay with
 * "avr"; the departure list of the day and convoy then shows the person,
 * and its CSV holds them. Read in English. */
#include <sqlite3.h>
#include <time.h>
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

static long long value_of(struct session *s, const char *sql, const char *arg)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* An adult migrant of the demo staying in a centre, not flagged a child,
 * without any return: the case number, and the family name. The demo
 * gives a request to people staying now and a small demo has one or two:
 * their returns are taken out first. */
static void staying_adult(struct session *s, char *key, size_t ksize, char *family, size_t fsize)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	const char *staying = "SELECT p.id FROM person p JOIN stay t ON t.person_id = p.id AND t.departed IS NULL "
	                      "WHERE p.kind = 'migrant' AND p.birth_date < '2000' "
	                      "AND NOT EXISTS (SELECT 1 FROM person_flag f WHERE f.person_id = p.id)";
	char sql[600];
	snprintf(sql, sizeof sql, "DELETE FROM prot_travel_doc WHERE return_id IN (SELECT id FROM prot_return "
	                          "WHERE person_id IN (%s))", staying);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof sql, "DELETE FROM prot_return WHERE person_id IN (%s)", staying);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT p.case_key, p.family_name FROM person p JOIN stay t ON t.person_id = p.id AND t.departed IS NULL "
		"WHERE p.kind = 'migrant' AND p.nationality IS NOT NULL AND p.birth_date IS NOT NULL "
		"AND p.birth_date < '2000' AND t.admitted <= date('now') "
		"AND NOT EXISTS (SELECT 1 FROM person_flag f WHERE f.person_id = p.id) "
		"AND NOT EXISTS (SELECT 1 FROM prot_return r WHERE r.person_id = p.id) "
		"AND length(p.family_name) BETWEEN 3 AND 20 ORDER BY p.id LIMIT 1",
		-1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(key, ksize, "%s", (const char *)sqlite3_column_text(st, 0));
	snprintf(family, fsize, "%s", (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void quit(struct session *s)
{
	term_key(s->t, TK_F10);
	int status;
	term_wait_exit(s->t, WAIT_MS, &status);
	term_free(&s->t);
}

/* Signs in as user (first: switch to English) and opens the person's
 * return from the case file. */
static void return_from_case_file(struct session *s, const char *user, const char *password, const char *key,
                                  bool first)
{
	session_start(s, 24, 80, "xterm");
	session_login(s, user, password);
	if (first) {
		assert_screen(s, "Bienvenue");
		term_key(s->t, TK_F9);
	}
	assert_screen(s, "Welcome");
	term_type(s->t, "/");
	term_settle(s->t, 100);
	term_type(s->t, key);
	assert_screen(s, "Found: 1");
	term_settle(s->t, 50);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Stays");
	term_settle(s->t, 50);
	term_type(s->t, "a");
}

static void request_to_departure_list(void **state)
{
	struct session *s = *state;
	char key[24], family[64], today[16], iso[11];
	staying_adult(s, key, sizeof key, family, sizeof family);
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(today, sizeof today, "%d/%m/%Y", &tm);
	strftime(iso, sizeof iso, "%Y-%m-%d", &tm);

	/* The officer: the request, then the counselling. */
	return_from_case_file(s, "protection", "protection-demo", key, true);
	assert_screen(s, "New return request");
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	term_type(s->t, "Douala");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Return request recorded.");
	term_type(s->t, "c");
	assert_screen(s, "Day of the counselling");
	term_key(s->t, TK_TAB);
	term_type(s->t, "Informed of the return and its conditions");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Counselling recorded.");
	/* Not the officer's to approve. */
	term_type(s->t, "a");
	assert_screen(s, "Your role does not allow this.");
	quit(s);

	/* A manager approves it from the returns waiting for approval. */
	session_start(s, 24, 80, "xterm");
	session_login(s, "manager", "manager-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
	term_type(s->t, "e");
	assert_screen(s, "Returns waiting for approval");
	term_type(s->t, "w");
	assert_screen(s, "Returns waiting for approval, first requested first");
	assert_screen(s, family);
	term_type(s->t, "a");
	assert_screen(s, "Approve the return of");
	term_type(s->t, "y");
	assert_screen(s, "Return approved.");
	quit(s);
	assert_int_equal(value_of(s, "SELECT count(*) FROM prot_return r JOIN person p ON p.id = r.person_id "
	                             "WHERE p.case_key = ?1 AND r.status = 'approved' AND r.approved_by IS NOT NULL", key),
	                 1);

	/* The officer: an issued laissez-passer, the booking, the departure. */
	return_from_case_file(s, "protection", "protection-demo", key, false);
	assert_screen(s, "Informed of the return");
	term_type(s->t, "n");
	assert_screen(s, "New travel document");
	for (int i = 0; i < 5; i++)
		term_key(s->t, TK_TAB);   /* to the state */
	term_type(s->t, "issued");
	term_key(s->t, TK_TAB);
	term_type(s->t, "LP-77881");
	term_key(s->t, TK_TAB);
	term_type(s->t, today);
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Travel document saved.");
	assert_screen(s, "LP-77881");
	term_type(s->t, "b");
	assert_screen(s, "Booking of the travel");
	term_type(s->t, today);
	term_key(s->t, TK_TAB);
	term_type(s->t, "convoy");
	term_key(s->t, TK_TAB);
	term_type(s->t, "CV-E2E");
	term_key(s->t, TK_TAB);
	term_type(s->t, "Moussa Kane");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Travel booked.");
	term_type(s->t, "d");
	assert_screen(s, "Day of departure");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Departure recorded");
	assert_int_equal(value_of(s, "SELECT count(*) FROM stay t JOIN person p ON p.id = t.person_id "
	                             "WHERE p.case_key = ?1 AND t.departed IS NULL", key), 0);
	assert_int_equal(value_of(s, "SELECT count(*) FROM stay t JOIN person p ON p.id = t.person_id "
	                             "WHERE p.case_key = ?1 AND t.departure_reason = 'avr' AND t.departed = date('now', "
	                             "'localtime')", key), 1);

	/* The departure list of the day and convoy shows the person. */
	term_key(s->t, TK_ESC);
	term_key(s->t, TK_ESC);
	term_key(s->t, TK_ESC);
	assert_screen(s, "Welcome");
	term_type(s->t, "e");
	assert_screen(s, "Departure list");
	term_type(s->t, "d");
	assert_screen(s, "CSV file");
	term_key(s->t, TK_TAB);
	term_type(s->t, "CV-E2E");
	term_key(s->t, TK_TAB);
	term_ctrl(s->t, 'U');
	char csv[400];
	snprintf(csv, sizeof csv, "%s/departures.csv", s->dir);
	term_type(s->t, csv);
	term_settle(s->t, 50);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Departures of");
	assert_screen(s, family);
	assert_screen(s, "LP-77881");
	assert_screen(s, "Moussa Kane");
	term_key(s->t, TK_F6);
	assert_screen(s, "Departure list written");
	quit(s);
	FILE *f = fopen(csv, "r");
	assert_non_null(f);
	char text[4096];
	size_t n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	assert_non_null(strstr(text, family));
	assert_non_null(strstr(text, "LP-77881"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(request_to_departure_list, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
