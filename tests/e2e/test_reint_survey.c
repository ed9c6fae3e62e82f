/* End to end: the sustainability survey. The reintegration officer opens
 * the survey of a done visit (home > Sustainability survey > Visits),
 * saving too early is refused and says which question has no answer; the
 * 15 answers are chosen by number, saved, and the scores show with two
 * decimals, explained question by question. An officer may not make a
 * version; the administrator makes version 2 with another weight, and the
 * visit answered with version 1 shows its scores under both. Cases and
 * visits are plain rows (another part of the module writes them). Read in
 * English: the test does not depend on translations. */
#include <sqlite3.h>
#include "session.h"

static void exec(struct session *s, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(s->db, &db), SQLITE_OK);
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "%s\n", err);
		fail();
	}
	sqlite3_close(db);
}

static long long count_of(struct session *s, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* A demo database with a case of a returnee and a monitoring visit done
 * today, the newest of the visits. */
static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "30", (char *)NULL), 0);
	exec(s, "INSERT INTO reint_case (person_id, centre_id, country, return_date, return_kind, status) "
	        "SELECT p.id, (SELECT id FROM centre WHERE code = 'NY2'), 'SEN', date('now', '-100 days'), 'avr', 'open' "
	        "FROM person p WHERE p.id NOT IN (SELECT person_id FROM reint_case WHERE status != 'closed') "
	        "ORDER BY p.id LIMIT 1;"
	        "INSERT INTO reint_visit (case_id, kind, months, due_date, status, done_date, mode) "
	        "VALUES ((SELECT max(id) FROM reint_case), 'monitoring', 3, date('now'), 'done', date('now'), 'phone');");
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

/* Signs in as name, switching to English the first time (the account
 * keeps it), on the list of done visits. */
static void to_visits(struct session *s, const char *name, const char *password, bool first)
{
	session_start(s, 24, 80, "xterm");
	session_login(s, name, password);
	assert_screen(s, first ? "Bienvenue" : "Welcome");
	if (first)
		term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
	assert_screen(s, "Sustainability survey");
	term_type(s->t, "y");
	assert_screen(s, "Versions of the sustainability survey");
	term_type(s->t, "v");
	assert_screen(s, "Done visits and their sustainability survey");
}

static void officer_answers_and_sees_scores(void **state)
{
	struct session *s = *state;
	to_visits(s, "reintegration", "reintegration-demo", true);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "answered 0 of 15");
	assert_screen(s, "Main source of income");
	/* Saving now says which question has no answer. */
	term_key(s->t, TK_F2);
	assert_screen(s, "Question 1 is not answered.");
	/* Economic all the best answer, social the middle one, psychosocial the worst. */
	term_type(s->t, "11111");
	assert_screen(s, "answered 5 of 15");
	term_type(s->t, "22222");
	term_type(s->t, "3333");
	assert_screen(s, "answered 14 of 15");
	assert_screen(s, "Feels they must migrate again");
	term_type(s->t, "3");
	assert_screen(s, "answered 15 of 15");
	term_key(s->t, TK_F2);
	assert_screen(s, "Survey saved.");
	assert_screen(s, "Scores under version 1");
	assert_screen(s, "1.00");
	assert_screen(s, "0.50");
	assert_screen(s, "0.00");
	term_settle(s->t, 200);
	char *screen = term_screen(s->t);
	assert_non_null(strstr(screen, "Economic"));
	assert_non_null(strstr(screen, "Composite"));
	free(screen);
	/* Why: each question, its answer, score and weight. */
	term_type(s->t, "e");
	assert_screen(s, "Economic: mean of the answers' scores");
	assert_screen(s, "Regular income");
	assert_screen(s, "score 1    weight 1");
	assert_int_equal(count_of(s, "SELECT count(*) FROM reint_visit_answer a JOIN reint_visit v ON v.id = a.visit_id "
	                             "WHERE v.survey_id = 1 AND v.id = (SELECT max(id) FROM reint_visit)"),
	                 15);
	assert_int_equal(count_of(s, "SELECT count(*) FROM audit WHERE entity = 'reint_visit_answer' "
	                             "AND entity_id = (SELECT max(id) FROM reint_visit)"),
	                 1);
	/* Back on the list, the visit says which version it was answered with. */
	term_key(s->t, TK_ESC);
	assert_screen(s, "Done visits and their sustainability survey");
}

static void only_the_administrator_makes_a_version(void **state)
{
	struct session *s = *state;
	/* The visit answered with version 1: economic 1, social 0.5, psychosocial 0. */
	exec(s, "UPDATE reint_visit SET survey_id = 1 WHERE id = (SELECT max(id) FROM reint_visit);"
	        "INSERT INTO reint_visit_answer (visit_id, question_code, option_code) "
	        "SELECT (SELECT max(id) FROM reint_visit), q.code, CASE q.dimension WHEN 'economic' THEN 'high' "
	        "WHEN 'social' THEN 'mid' ELSE 'low' END FROM reint_survey_question q WHERE q.survey_id = 1;");
	to_visits(s, "reintegration", "reintegration-demo", true);
	term_key(s->t, TK_ESC);
	assert_screen(s, "Versions of the sustainability survey");
	term_type(s->t, "n");
	assert_screen(s, "Only an administrator makes a new version of the survey.");
	term_free(&s->t);

	/* The administrator: economic weighs 3 in the composite. */
	session_start(s, 24, 80, "xterm");
	session_login(s, "admin", "admin-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
	term_type(s->t, "y");
	assert_screen(s, "Versions of the sustainability survey");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Version 1, in force from");
	/* The demo's visits answered with version 1, and this one. */
	char used[64];
	snprintf(used, sizeof used, "Visits answered with it: %lld.",
	         count_of(s, "SELECT count(*) FROM reint_visit WHERE survey_id = 1"));
	assert_screen(s, used);
	term_type(s->t, "n");
	assert_screen(s, "page 1 of 4");
	term_key(s->t, TK_TAB);
	term_type(s->t, "Economic counts three times");
	term_key(s->t, TK_TAB);
	term_ctrl(s->t, 'u');
	term_type(s->t, "3");
	term_key(s->t, TK_PGDN);
	assert_screen(s, "page 2 of 4");
	term_key(s->t, TK_F2);
	assert_screen(s, "Version 2 saved.");
	assert_int_equal(count_of(s, "SELECT w_economic FROM reint_survey WHERE version = 2"), 3);
	assert_int_equal(count_of(s, "SELECT count(*) FROM reint_survey_option o JOIN reint_survey_question q "
	                             "ON q.id = o.question_id WHERE q.survey_id = (SELECT id FROM reint_survey "
	                             "WHERE version = 2)"),
	                 45);
	term_free(&s->t);

	/* The visit: under version 1 composite 0.50, under version 2 (3 + 0.5) / 5 = 0.70. */
	to_visits(s, "reintegration", "reintegration-demo", false);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Scores under version 1");
	assert_screen(s, "Scores under the newest version, 2");
	assert_screen(s, "0.70");
	assert_screen(s, "(weights: economic 3, social 1, psychosocial 1)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(officer_answers_and_sees_scores, setup, teardown),
		cmocka_unit_test_setup_teardown(only_the_administrator_makes_a_version, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
