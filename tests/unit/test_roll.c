/* The attendance roll of a course day, the same roll as a psychosocial
 * session's (db/roll.h): the trainees holding a place plus anyone marked,
 * two officers marking from two connections, a stale mark refused, the
 * days that take marks (within the course's dates, not to come, on a
 * course running or completed), the roles, each trainee's attendance rate
 * with a known data set, and the query plans. */
#include "db/roll.h"
#include "training_fixture.h"

/* A running welding course (1 March to 10 April 2026) of capacity places. */
static long long running(struct fixture *f, int capacity, const char *end)
{
	struct training_course c = course(f, capacity);
	snprintf(c.status, sizeof c.status, "running");
	if (end)
		snprintf(c.end_date, sizeof c.end_date, "%s", end);
	assert_int_equal(training_course_save(f->db, &c, NULL, NULL), ST_OK);
	return c.id;
}

static long long enrolled(struct fixture *f, long long course, long long person, const char *status)
{
	struct training_enrolment e;
	assert_int_equal(training_enrol(f->db, course, person, status, &e, NULL, NULL), ST_OK);
	return e.id;
}

struct rows {
	int n;
	struct roll_row r[16];
};

static void collect(const struct roll_row *r, void *ctx)
{
	struct rows *s = ctx;
	if (s->n < 16)
		s->r[s->n++] = *r;
}

static struct rows day_roll(struct db *db, long long course, const char *day, const char *filter)
{
	struct rows r = { 0 };
	struct roll_ref ref = roll_of_course_day(course, day);
	assert_int_equal(roll_page(db, &ref, filter, PAGE_AFTER, NULL, 16, collect, &r, NULL), ST_OK);
	return r;
}

/* Marks person on course's day from a fresh row; the status. */
static enum status mark(struct db *db, long long course, const char *day, long long person, const char *m,
                        const char **why)
{
	struct roll_ref ref = roll_of_course_day(course, day);
	struct roll_row r;
	enum status s = roll_row_get(db, &ref, person, &r);
	return s != ST_OK ? s : roll_mark(db, &ref, &r, m, why, NULL);
}

static void a_course_day_lists_the_trainees_holding_a_place(void **state)
{
	struct fixture *f = *state;
	long long a = trainee(f, "Traoré", "Aïssa");
	long long b = trainee(f, "Sow", "Awa");
	long long c = trainee(f, "Bello", "Ali");
	long long d = trainee(f, "Diallo", "Mamadou");
	long long e = trainee(f, "Abdou", "Élise");
	long long id = running(f, 2, NULL);
	long long ea = enrolled(f, id, a, "enrolled");
	long long eb = enrolled(f, id, b, "selected");
	enrolled(f, id, c, "applied");     /* no place: not on the roll */
	enrolled(f, id, d, "enrolled");    /* full: the waiting list, not on the roll */
	struct rows r = day_roll(f->db, id, "2026-04-07", "");
	assert_int_equal(r.n, 2);
	assert_int_equal(r.r[0].person_id, b);   /* SOW, TRAORÉ */
	assert_int_equal(r.r[1].person_id, a);
	assert_true(r.r[0].listed);
	/* Someone not in the course, added: on that day's roll only. */
	assert_int_equal(mark(f->db, id, "2026-04-07", e, "present", NULL), ST_OK);
	r = day_roll(f->db, id, "2026-04-07", "");
	assert_int_equal(r.n, 3);
	assert_int_equal(r.r[0].person_id, e);
	assert_false(r.r[0].listed);
	assert_string_equal(r.r[0].mark, "present");
	assert_string_equal(r.r[0].marked_by, "training");
	assert_int_equal(day_roll(f->db, id, "2026-04-08", "").n, 2);
	/* The same filter as a session's roll: parts of names, folded. */
	r = day_roll(f->db, id, "2026-04-07", "aissa trao");
	assert_int_equal(r.n, 1);
	assert_int_equal(r.r[0].person_id, a);
	struct roll_counts n;
	struct roll_ref ref = roll_of_course_day(id, "2026-04-07");
	assert_int_equal(roll_count(f->db, &ref, &n), ST_OK);
	assert_int_equal(n.listed, 3);
	assert_int_equal(n.present, 1);
	/* The mark audited with its course, day and person. */
	struct last_row l;
	last_audit(f, &l);
	assert_string_equal(l.entity, "training_attendance");
	assert_string_equal(l.action, "create");
	assert_non_null(strstr(l.changes, "\"day\": \"2026-04-07\""));
	assert_non_null(strstr(l.changes, "\"mark\": [null, \"present\"]"));
	assert_int_equal(one(f->db, "SELECT count(*) FROM training_attendance", 0), 1);
	/* A trainee who completes keeps a place on the roll; one who drops
	 * out leaves it (their marks stay on the days marked). */
	struct training_enrolment en;
	assert_int_equal(training_enrolment_get(f->db, ea, &en), ST_OK);
	snprintf(en.status, sizeof en.status, "completed");
	assert_int_equal(training_enrolment_save(f->db, &en, NULL, NULL, NULL), ST_OK);
	assert_int_equal(training_enrolment_get(f->db, eb, &en), ST_OK);
	snprintf(en.status, sizeof en.status, "dropped_out");
	snprintf(en.dropout_reason, sizeof en.dropout_reason, "work");
	assert_int_equal(training_enrolment_save(f->db, &en, NULL, NULL, NULL), ST_OK);
	r = day_roll(f->db, id, "2026-04-08", "");
	assert_int_equal(r.n, 1);
	assert_int_equal(r.r[0].person_id, a);
}

static void two_officers_mark_one_day(void **state)
{
	struct fixture *f = *state;
	long long a = trainee(f, "Traoré", "Aïssa");
	long long b = trainee(f, "Sow", "Awa");
	long long id = running(f, 10, NULL);
	enrolled(f, id, a, "enrolled");
	enrolled(f, id, b, "enrolled");
	struct db *other;
	assert_int_equal(db_open(f->t.db, DB_EXISTING, &other, NULL, 0), ST_OK);
	struct user u;
	struct login_request req = { "training", PASSWORD, "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(other, &req, &u, NULL), ST_OK);
	struct roll_ref ref = roll_of_course_day(id, "2026-04-09");
	struct rows mine = day_roll(f->db, id, "2026-04-09", "");
	struct rows theirs = day_roll(other, id, "2026-04-09", "");
	assert_int_equal(roll_mark(f->db, &ref, &mine.r[0], "present", NULL, NULL), ST_OK);
	assert_int_equal(roll_mark(other, &ref, &theirs.r[1], "absent", NULL, NULL), ST_OK);
	struct rows now = day_roll(f->db, id, "2026-04-09", "");
	assert_string_equal(now.r[0].mark, "present");
	assert_string_equal(now.r[1].mark, "absent");
	/* The other marks Awa from the row they showed: stale, refused, shown. */
	struct roll_row stale = theirs.r[0];
	long long audits = audit_rows(f);
	assert_int_equal(roll_mark(other, &ref, &stale, "excused", NULL, NULL), ST_CONFLICT);
	assert_string_equal(stale.mark, "present");
	assert_string_equal(stale.marked_by, "training");
	assert_int_equal(audit_rows(f), audits);
	assert_int_equal(roll_mark(other, &ref, &stale, "excused", NULL, NULL), ST_OK);
	assert_int_equal(stale.mark_version, 2);
	assert_int_equal(one(f->db, "SELECT count(*) FROM training_attendance", 0), 2);
	db_close(&other);
}

static void the_days_that_take_marks(void **state)
{
	struct fixture *f = *state;
	long long a = trainee(f, "Traoré", "Aïssa");
	long long id = running(f, 10, "2026-05-30");
	enrolled(f, id, a, "enrolled");
	const char *why;
	struct roll_ref ref = roll_of_course_day(id, "2026-02-28");
	assert_int_equal(roll_check(f->db, &ref, &why), ST_INVALID);
	assert_non_null(why);
	assert_int_equal(mark(f->db, id, "2026-02-28", a, "present", &why), ST_INVALID);   /* before its start */
	assert_string_equal(why, "This day is outside the course's dates.");
	assert_int_equal(mark(f->db, id, "2026-05-31", a, "present", &why), ST_INVALID);   /* after its end */
	assert_int_equal(mark(f->db, id, "2026-04-21", a, "present", &why), ST_INVALID);   /* tomorrow */
	assert_non_null(strstr(why, "not come yet"));
	assert_int_equal(mark(f->db, id, "2026-02-30", a, "present", &why), ST_INVALID);   /* no such day */
	assert_int_equal(mark(f->db, id, "2026-04-20", a, "late", &why), ST_INVALID);
	assert_int_equal(mark(f->db, id, "2026-04-20", a, "present", NULL), ST_OK);    /* today */
	ref = roll_of_course_day(id, "2026-04-20");
	assert_int_equal(roll_check(f->db, &ref, &why), ST_OK);
	/* A course open for enrolment, or cancelled: no attendance yet. */
	long long open = course_saved(f, 10);
	enrolled(f, open, a, "enrolled");
	assert_int_equal(mark(f->db, open, "2026-04-01", a, "present", &why), ST_INVALID);
	assert_non_null(strstr(why, "running or completed"));
	assert_int_equal(one(f->db, "SELECT count(*) FROM training_attendance", 0), 1);
	assert_int_equal(mark(f->db, 99999, "2026-04-01", a, "present", &why), ST_NOT_FOUND);
}

/* Read: manager, training, reintegration; mark: the training officer. The
 * psychosocial worker marks sessions, not course days, and the other way. */
static void roles(void **state)
{
	struct fixture *f = *state;
	long long a = trainee(f, "Traoré", "Aïssa");
	long long id = running(f, 10, NULL);
	enrolled(f, id, a, "enrolled");
	struct roll_ref ref = roll_of_course_day(id, "2026-04-01");
	struct roll_row r;
	assert_int_equal(roll_row_get(f->db, &ref, a, &r), ST_OK);
	for (int role = 0; role < ROLE_COUNT_; role++) {
		sign_in(f, (enum role)role);
		bool reads = role == ROLE_MANAGER || role == ROLE_TRAINING || role == ROLE_REINTEGRATION;
		struct roll_counts c;
		struct roll_rate rate;
		assert_int_equal(roll_count(f->db, &ref, &c), reads ? ST_OK : ST_DENIED);
		assert_int_equal(roll_page(f->db, &ref, "", PAGE_AFTER, NULL, 5, NULL, NULL, NULL), reads ? ST_OK : ST_DENIED);
		assert_int_equal(roll_course_rate(f->db, id, a, &rate), reads ? ST_OK : ST_DENIED);
		struct roll_row copy = r;
		if (role != ROLE_TRAINING)
			assert_int_equal(roll_mark(f->db, &ref, &copy, "present", NULL, NULL), ST_DENIED);
	}
	sign_in(f, ROLE_TRAINING);
	struct roll_ref session = roll_of_session(1);
	assert_int_equal(roll_mark(f->db, &session, &r, "present", NULL, NULL), ST_DENIED);
	assert_int_equal(one(f->db, "SELECT count(*) FROM training_attendance", 0), 0);
}

/* Three course days taken: Aïssa present, left early, absent (2 of 3);
 * Awa excused the first day, absent the second, not marked the third
 * (0 of 3); Ali enrolled but never marked (0 of 3); another course's
 * marks count apart. */
static void the_attendance_rate(void **state)
{
	struct fixture *f = *state;
	long long a = trainee(f, "Traoré", "Aïssa");
	long long b = trainee(f, "Sow", "Awa");
	long long c = trainee(f, "Bello", "Ali");
	long long id = running(f, 10, NULL);
	long long other = running(f, 10, NULL);
	enrolled(f, id, a, "enrolled");
	enrolled(f, id, b, "enrolled");
	enrolled(f, id, c, "enrolled");
	enrolled(f, other, a, "enrolled");
	struct roll_rate r;
	assert_int_equal(roll_course_rate(f->db, id, a, &r), ST_OK);
	assert_int_equal(r.days, 0);
	assert_int_equal(roll_rate_percent(&r), -1);
	assert_int_equal(mark(f->db, id, "2026-04-01", a, "present", NULL), ST_OK);
	assert_int_equal(mark(f->db, id, "2026-04-02", a, "left_early", NULL), ST_OK);
	assert_int_equal(mark(f->db, id, "2026-04-03", a, "absent", NULL), ST_OK);
	assert_int_equal(mark(f->db, id, "2026-04-01", b, "excused", NULL), ST_OK);
	assert_int_equal(mark(f->db, id, "2026-04-02", b, "absent", NULL), ST_OK);
	assert_int_equal(mark(f->db, other, "2026-04-01", a, "present", NULL), ST_OK);
	assert_int_equal(mark(f->db, other, "2026-04-05", a, "present", NULL), ST_OK);
	assert_int_equal(roll_course_rate(f->db, id, a, &r), ST_OK);
	assert_int_equal(r.days, 3);
	assert_int_equal(r.attended, 2);
	assert_int_equal(roll_rate_percent(&r), 67);
	assert_int_equal(roll_course_rate(f->db, id, b, &r), ST_OK);
	assert_int_equal(r.days, 3);
	assert_int_equal(r.attended, 0);
	assert_int_equal(roll_rate_percent(&r), 0);
	assert_int_equal(roll_course_rate(f->db, id, c, &r), ST_OK);
	assert_int_equal(r.days, 3);
	assert_int_equal(r.attended, 0);
	assert_int_equal(roll_course_rate(f->db, other, a, &r), ST_OK);
	assert_int_equal(r.days, 2);
	assert_int_equal(r.attended, 2);
	assert_int_equal(roll_rate_percent(&r), 100);
	/* A mark cleared: a day with no mark left is no longer a day taken. */
	assert_int_equal(mark(f->db, other, "2026-04-05", a, "", NULL), ST_OK);
	assert_int_equal(roll_course_rate(f->db, other, a, &r), ST_OK);
	assert_int_equal(r.days, 1);
}

static void the_course_roll_uses_its_indexes(void **state)
{
	struct fixture *f = *state;
	long long a = trainee(f, "Traoré", "Aïssa");
	long long id = running(f, 10, NULL);
	enrolled(f, id, a, "enrolled");
	assert_int_equal(mark(f->db, id, "2026-04-01", a, "present", NULL), ST_OK);
	day_roll(f->db, id, "2026-04-01", "");
	struct roll_counts c;
	struct roll_ref ref = roll_of_course_day(id, "2026-04-01");
	assert_int_equal(roll_count(f->db, &ref, &c), ST_OK);
	struct roll_rate r;
	assert_int_equal(roll_course_rate(f->db, id, a, &r), ST_OK);
	char plan[4096];
	plan_of(f, "training_enrolment e WHERE e.course_id = ?1 AND e.person_id = p.id AND e.status IN ('selected', "
	           "'enrolled', 'completed', 'certified')), coalesce(a.mark, ''), coalesce(a.version, 0), "
	           "coalesce(u.name, '') FROM r JOIN person p ON p.id = r.pid LEFT JOIN training_attendance a ON "
	           "a.course_id = ?1 AND a.day = ?3 AND a.person_id = p.id LEFT JOIN app_user u ON u.id = a.marked_by "
	           "WHERE (p.family_name, p.given_names, p.id) > (?4, ?5, ?6)",
	        plan, sizeof plan);
	assert_non_null(strstr(plan, "training_enrolment_by_status (course_id=? AND status=?)"));
	assert_non_null(strstr(plan, "sqlite_autoindex_training_attendance_1 (course_id=? AND day=?"));
	assert_non_null(strstr(plan, "SEARCH p USING INTEGER PRIMARY KEY"));
	assert_null(strstr(plan, "SCAN p"));
	assert_null(strstr(plan, "SCAN training"));
	plan_of(f, "count(DISTINCT day)", plan, sizeof plan);
	assert_non_null(strstr(plan, "sqlite_autoindex_training_attendance_1 (course_id=?)"));
	assert_non_null(strstr(plan, "training_attendance_by_person (person_id=? AND course_id=?"));
	assert_null(strstr(plan, "SCAN training"));
	plan_of(f, "FROM training_attendance WHERE course_id = ?1 AND day = ?3 GROUP BY mark", plan, sizeof plan);
	assert_null(strstr(plan, "SCAN training_attendance\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_course_day_lists_the_trainees_holding_a_place, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(two_officers_mark_one_day, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(the_days_that_take_marks, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(roles, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(the_attendance_rate, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(the_course_roll_uses_its_indexes, tsetup, tteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
