/* End to end: vocational training. The training officer plans a course
 * of two places, enrols three people found by case number in the quick
 * lookup: the third goes on the waiting list and the screen says so;
 * one completes with an official certificate, which the class list and
 * the person's case file show; the other drops out and the first waiting
 * is offered the place. The module's screens are read in English:
 * their texts do not change with the catalogue. */
#include <sqlite3.h>
#include "session.h"

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "50", (char *)NULL), 0);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

/* Three people of the demo: case numbers as typed and as the lookup shows
 * them (AGZ-26-00001-X). */
struct people {
	char typed[3][20];
	char shown[3][24];
	char family[3][64];
};

static void three_people(struct session *s, struct people *p)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT case_key, family_name FROM person ORDER BY id LIMIT 3", -1, &st,
	                                    NULL),
	                 SQLITE_OK);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		const char *k = (const char *)sqlite3_column_text(st, 0);
		snprintf(p->typed[i], sizeof p->typed[i], "%s", k);
		snprintf(p->shown[i], sizeof p->shown[i], "%.3s-%.2s-%.5s-%.1s", k, k + 3, k + 5, k + 10);
		snprintf(p->family[i], sizeof p->family[i], "%s", (const char *)sqlite3_column_text(st, 1));
	}
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

/* On the course screen: + and the person's case number in the lookup. */
static void enrol(struct session *s, const struct people *p, int i)
{
	term_type(s->t, "+");
	assert_screen(s, "Find the person to enrol");
	term_type(s->t, p->typed[i]);
	assert_screen(s, p->shown[i]);
	term_settle(s->t, 50);
	term_key(s->t, TK_ENTER);
}

static void a_course_of_two_places_a_waiting_list_and_a_certificate(void **state)
{
	struct session *s = *state;
	struct people p;
	three_people(s, &p);
	session_start(s, 24, 80, "xterm");
	session_login(s, "training", "training-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Courses and enrolment");
	term_type(s->t, "t");
	assert_screen(s, "Vocational training courses at AGZ");
	/* Plan a welding course of two places with an official certificate. */
	term_type(s->t, "n");
	assert_screen(s, "New course at AGZ");
	term_type(s->t, "weld");
	term_key(s->t, TK_TAB);
	term_type(s->t, "Welding 2026");
	for (int i = 0; i < 5; i++)    /* provider, its name, start and end: today */
		term_key(s->t, TK_TAB);
	term_type(s->t, "120");
	term_key(s->t, TK_TAB);
	term_ctrl(s->t, 'u');
	term_type(s->t, "0");          /* no place: refused beside the field */
	term_key(s->t, TK_F2);
	assert_screen(s, "Some fields need attention.");
	term_ctrl(s->t, 'u');
	term_type(s->t, "2");
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	term_type(s->t, "offic");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Course saved.");
	assert_screen(s, "Welding 2026");
	assert_screen(s, "0/2");
	/* The course: three enrolled, the third goes on the waiting list. */
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Places taken 0 of 2");
	enrol(s, &p, 0);
	assert_screen(s, "is enrolled.");
	assert_screen(s, "Places taken 1 of 2");
	enrol(s, &p, 1);
	assert_screen(s, "Places taken 2 of 2");
	enrol(s, &p, 2);
	assert_screen(s, "The course is full:");
	assert_screen(s, "is on the waiting list.");
	assert_screen(s, "waiting 1");
	/* The same person again: refused. */
	enrol(s, &p, 2);
	assert_screen(s, "This person is already in this course.");
	/* The waiting list shows the third. */
	term_type(s->t, "w");
	assert_screen(s, "Waiting list, first come first");
	assert_screen(s, p.shown[2]);
	term_type(s->t, "w");
	assert_screen(s, "Class (w: the waiting list)");
	/* The first of the class completes with an official certificate: the
	 * number is asked for. */
	term_key(s->t, TK_HOME);
	term_settle(s->t, 50);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Final assessment");
	term_type(s->t, "certif");
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	term_type(s->t, "pass");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Give the number of the official certificate.");
	/* The cursor is on the field the message is about. */
	term_type(s->t, "AGZ-SOU-2026-001");
	term_key(s->t, TK_F2);
	assert_screen(s, "Changes saved.");
	assert_screen(s, "certified");
	assert_screen(s, "passed");
	assert_screen(s, "certificate AGZ-SOU-2026-001");
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "the course");
	/* The other one drops out: the first waiting is offered the place. */
	term_key(s->t, TK_END);
	term_settle(s->t, 50);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Final assessment");
	term_type(s->t, "dropped");
	term_key(s->t, TK_TAB);
	term_type(s->t, "moved");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "A place is free. Move");
	term_type(s->t, "y");
	assert_screen(s, "Moved up from the waiting list: enrolled.");
	assert_screen(s, "waiting 0");
	/* The case file says so, and its key lists the person's courses. */
	term_key(s->t, TK_ESC);
	assert_screen(s, "Vocational training courses at AGZ");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Courses and enrolment");
	term_type(s->t, "/");
	term_settle(s->t, 100);
	term_type(s->t, p.typed[1]);
	assert_screen(s, p.shown[1]);
	term_settle(s->t, 50);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Training: Welding · Welding 2026, certified");
	term_type(s->t, "t");
	assert_screen(s, "Vocational training of this person");
	assert_screen(s, "AGZ-SOU-2026-001");
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "the person's courses");
	term_key(s->t, TK_F10);
	int status;
	term_wait_exit(s->t, WAIT_MS, &status);
	assert_int_equal(count_of(s, "SELECT count(*) FROM training_enrolment WHERE status = 'certified' "
	                             "AND certificate_no = 'AGZ-SOU-2026-001' AND assessment = 'passed'"),
	                 1);
	/* In this course (the demo has courses of its own). */
#define THIS_COURSE "course_id = (SELECT id FROM training_course WHERE title = 'Welding 2026') AND "
	assert_int_equal(count_of(s, "SELECT count(*) FROM training_enrolment WHERE " THIS_COURSE "status = 'enrolled'"),
	                 1);
	assert_int_equal(count_of(s, "SELECT count(*) FROM training_enrolment WHERE " THIS_COURSE "status = 'dropped_out' "
	                             "AND dropout_reason = 'moved_on'"), 1);
	assert_int_equal(count_of(s, "SELECT count(*) FROM training_enrolment WHERE " THIS_COURSE "status = 'waiting'"),
	                 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_course_of_two_places_a_waiting_list_and_a_certificate, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
