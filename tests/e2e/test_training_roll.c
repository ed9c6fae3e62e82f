/* End to end: the attendance of a course day, on the same roll as a
 * psychosocial session. A welding course running at AGZ from today has
 * four trainees; the training officer opens the course, r asks the day
 * (today by default; the day before the course is refused), the roll
 * lists the four, three are marked present by typing parts of their names
 * and one absent; back on the course, the class shows each trainee's
 * attendance rate. Read in English: the msgids, whatever the catalogue. */
#include <sqlite3.h>
#include "session.h"

#define TITLE "Atelier soudure du matin"

struct trainees {
	long long id[4];
	char typed[4][128];     /* "given family" */
	char yesterday[16];     /* DD/MM/YYYY */
};

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "60", (char *)NULL), 0);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(s->db, &db), SQLITE_OK);
	/* A course running from today for a month, four trainees enrolled:
	 * people whose names are letters only, with four different family
	 * names and given names. */
	assert_int_equal(sqlite3_exec(db,
	                              "INSERT INTO training_course (centre_id, trade_id, title, start_date, end_date, "
	                              "capacity, certificate, status) VALUES ((SELECT id FROM centre WHERE code = 'AGZ'), "
	                              "(SELECT id FROM ref_item WHERE list = 'training_trade' AND code = 'welding'), '"
	                              TITLE "', date('now', 'localtime'), date('now', 'localtime', '+30 days'), 10, "
	                              "'attendance', 'running');"
	                              "INSERT INTO training_enrolment (course_id, person_id, status) "
	                              "SELECT (SELECT max(id) FROM training_course), min(id), 'enrolled' FROM person "
	                              "WHERE given_names NOT GLOB '*[^A-Za-z]*' AND family_name NOT GLOB '*[^A-Za-z]*' "
	                              "GROUP BY family_name HAVING count(*) = 1 ORDER BY min(id) LIMIT 4",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

static void the_trainees(struct session *s, struct trainees *t)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT p.id, p.given_names || ' ' || p.family_name FROM "
	                                    "training_enrolment e JOIN person p ON p.id = e.person_id "
	                                    "WHERE e.course_id = (SELECT id FROM training_course WHERE title = '" TITLE "') "
	                                    "ORDER BY p.id",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		t->id[i] = sqlite3_column_int64(st, 0);
		snprintf(t->typed[i], sizeof t->typed[i], "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT strftime('%d/%m/%Y', 'now', 'localtime', '-1 day')", -1, &st,
	                                    NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(t->yesterday, sizeof t->yesterday, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
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

/* Types part of trainee i's name (the given name and the family name's
 * first letters, in lower case) in the roll's filter. */
static void type_part(struct session *s, const struct trainees *t, int i)
{
	char part[128];
	const char *space = strchr(t->typed[i], ' ');
	assert_non_null(space);
	snprintf(part, sizeof part, "%.*s %.3s", (int)(space - t->typed[i]), t->typed[i], space + 1);
	for (char *c = part; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	term_type(s->t, part);
	term_settle(s->t, 50);
}

static void a_course_day_marked_by_parts_of_names(void **state)
{
	struct session *s = *state;
	struct trainees t;
	the_trainees(s, &t);
	session_start(s, 24, 80, "xterm");
	session_login(s, "training", "training-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Courses and enrolment");
	term_type(s->t, "t");
	assert_screen(s, TITLE);
	term_key(s->t, TK_HOME);
	term_settle(s->t, 50);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Places taken 4 of 10");
	/* The day before the course: refused, said beside the day. */
	term_type(s->t, "r");
	assert_screen(s, "Day of the course");
	term_ctrl(s->t, 'u');
	term_type(s->t, t.yesterday);
	term_key(s->t, TK_F2);
	assert_screen(s, "This day is outside the course's dates.");
	/* Today: the roll of the four. */
	term_key(s->t, TK_ESC);
	assert_screen(s, "Discard your changes?");
	term_type(s->t, "y");
	assert_screen(s, "Places taken 4 of 10");
	term_type(s->t, "r");
	assert_screen(s, "Day of the course");
	term_key(s->t, TK_F2);
	assert_screen(s, "Listed 4 ");
	assert_screen(s, TITLE);
	for (int i = 0; i < 3; i++) {
		type_part(s, &t, i);
		term_key(s->t, TK_ENTER);
		char want[64];
		snprintf(want, sizeof want, "present %d ", i + 1);
		if (!term_wait_text(s->t, want, WAIT_MS))
			term_dump(s->t, t.typed[i]);
		assert_screen(s, want);
	}
	type_part(s, &t, 3);
	term_key(s->t, TK_F5);
	assert_screen(s, "absent 1 ");
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "the roll");
	/* Back on the course: the rates in the class. */
	term_key(s->t, TK_ESC);
	term_key(s->t, TK_ESC);
	assert_screen(s, "Places taken 4 of 10");
	assert_screen(s, "100%");
	assert_screen(s, " 0%");
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "the class");
	term_key(s->t, TK_F10);
	int status;
	term_wait_exit(s->t, WAIT_MS, &status);
	char sql[400];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM training_attendance WHERE mark = 'present' AND day = date('now', 'localtime') "
	         "AND person_id IN (%lld, %lld, %lld)", t.id[0], t.id[1], t.id[2]);
	assert_int_equal(count_of(s, sql), 3);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM training_attendance WHERE mark = 'absent' AND person_id = %lld",
	         t.id[3]);
	assert_int_equal(count_of(s, sql), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_course_day_marked_by_parts_of_names, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
