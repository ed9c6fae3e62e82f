/* Vocational training courses and enrolment: every rule refused with
 * nothing written, the roles, the audit of each field, the capacity kept
 * under the write lock (two connections, two processes racing for the
 * last place), unique enrolment, the waiting list's order and the offer
 * to move someone up, completion, paging and the query plans. */
#include <sys/wait.h>
#include <unistd.h>
#include "training_fixture.h"

/* Each broken rule: refused with its field, nothing written. */
static void course_rules_refused_nothing_changed(void **state)
{
	struct fixture *f = *state;
	long long rows = audit_rows(f);
	static const struct {
		const char *field;
	} cases[] = { { "title" }, { "end_date" }, { "capacity" }, { "reserved_community" }, { "cancel_reason" },
		      { "provider_name" }, { "trade_id" }, { "certificate" }, { "hours" }, { "start_date" },
		      { "cancel_reason" }, { "provider_id" } };
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct training_course c = course(f, 10);
		switch (i) {
		case 0: c.title[0] = '\0'; break;
		case 1: snprintf(c.end_date, sizeof c.end_date, "2026-02-28"); break;
		case 2: c.capacity = 0; break;
		case 3: c.reserved_community = 11; break;
		case 4: snprintf(c.status, sizeof c.status, "cancelled"); break;
		case 5: snprintf(c.provider_name, sizeof c.provider_name, "Atelier Ibrahim"); break;
		case 6: c.trade_id = ref_id(f, "partner", "other"); break;
		case 7: snprintf(c.certificate, sizeof c.certificate, "diploma"); break;
		case 8: c.hours = 10000; break;
		case 9: snprintf(c.start_date, sizeof c.start_date, "2026-02-30"); break;
		case 10: snprintf(c.cancel_reason, sizeof c.cancel_reason, "no trainer"); break;
		case 11: c.provider_id = ref_id(f, "training_trade", "other"); break;
		}
		const char *m = NULL, *field = NULL;
		assert_int_equal(training_course_check(f->db, &c, &m, &field), ST_INVALID);
		assert_non_null(m);
		assert_string_equal(field, cases[i].field);
		assert_int_equal(training_course_save(f->db, &c, &m, &field), ST_INVALID);
		assert_string_equal(field, cases[i].field);
		assert_int_equal(c.id, 0);
	}
	assert_int_equal(one(f->db, "SELECT count(*) FROM training_course", 0), 0);
	assert_int_equal(audit_rows(f), rows);

	/* A one-day course is fine; a cancelled one with its reason too. */
	struct training_course c = course(f, 10);
	snprintf(c.end_date, sizeof c.end_date, "%s", c.start_date);
	assert_int_equal(training_course_save(f->db, &c, NULL, NULL), ST_OK);
	int v = c.version;
	const char *m = NULL;
	assert_int_equal(training_course_set_status(f->db, c.id, &v, "cancelled", "", &m), ST_INVALID);
	assert_non_null(m);
	assert_int_equal(training_course_set_status(f->db, c.id, &v, "cancelled", "No trainer", &m), ST_OK);
	assert_int_equal(v, c.version + 1);
	/* A stale version is a conflict. */
	assert_int_equal(training_course_set_status(f->db, c.id, &c.version, "open", NULL, &m), ST_CONFLICT);
}

/* Read: manager, training, reintegration; write: the training officer. */
static void roles(void **state)
{
	struct fixture *f = *state;
	long long id = course_saved(f, 5);
	long long p = trainee(f, "Diallo", "Amadou");
	struct training_course c;
	struct training_status ts;
	for (int r = 0; r < ROLE_COUNT_; r++) {
		sign_in(f, (enum role)r);
		bool reads = r == ROLE_MANAGER || r == ROLE_TRAINING || r == ROLE_REINTEGRATION;
		assert_int_equal(training_course_get(f->db, id, &c), reads ? ST_OK : ST_DENIED);
		assert_int_equal(training_status_get(f->db, p, "en", &ts), reads ? ST_OK : ST_DENIED);
		if (r == ROLE_TRAINING)
			continue;
		struct training_course n = course(f, 5);
		assert_int_equal(training_course_save(f->db, &n, NULL, NULL), ST_DENIED);
		assert_int_equal(training_enrol(f->db, id, p, "enrolled", NULL, NULL, NULL), ST_DENIED);
	}
	sign_in(f, ROLE_TRAINING);
	assert_int_equal(one(f->db, "SELECT count(*) FROM training_course", 0), 1);
	assert_int_equal(one(f->db, "SELECT count(*) FROM training_enrolment", 0), 0);
}

/* Every field in the creation's audit row, each change in the update's. */
static void audit_of_each_field(void **state)
{
	struct fixture *f = *state;
	struct training_course c = course(f, 12);
	assert_int_equal(training_course_save(f->db, &c, NULL, NULL), ST_OK);
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.action, "create");
	assert_string_equal(a.entity, "training_course");
	assert_int_equal(a.entity_id, c.id);
	static const char *const names[] = { "centre_code", "trade_id", "title", "provider_id", "provider_name",
		                             "start_date", "end_date", "hours", "capacity", "reserved_community",
		                             "certificate", "status", "cancel_reason" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		assert_non_null(strstr(a.changes, names[i]));
	c.reserved_community = 4;
	snprintf(c.title, sizeof c.title, "Soudure avancée");
	assert_int_equal(training_course_save(f->db, &c, NULL, NULL), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.action, "update");
	assert_non_null(strstr(a.changes, "\"title\""));
	assert_non_null(strstr(a.changes, "Soudure avancée"));
	assert_non_null(strstr(a.changes, "\"reserved_community\""));
	assert_null(strstr(a.changes, "\"hours\""));

	long long p = trainee(f, "Diallo", "Amadou");
	struct training_enrolment e;
	assert_int_equal(training_enrol(f->db, c.id, p, "enrolled", &e, NULL, NULL), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.entity, "training_enrolment");
	assert_string_equal(a.action, "create");
	assert_non_null(strstr(a.changes, "\"person_id\""));
	assert_non_null(strstr(a.changes, "\"status\""));
	snprintf(e.status, sizeof e.status, "completed");
	snprintf(e.assessment, sizeof e.assessment, "passed");
	snprintf(e.toolkit_date, sizeof e.toolkit_date, "2026-04-10");
	snprintf(e.followup, sizeof e.followup, "employed");
	snprintf(e.followup_date, sizeof e.followup_date, "2026-04-20");
	assert_int_equal(training_enrolment_save(f->db, &e, NULL, NULL, NULL), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.action, "update");
	static const char *const changed[] = { "status", "assessment", "toolkit_date", "followup", "followup_date" };
	for (size_t i = 0; i < sizeof changed / sizeof changed[0]; i++)
		assert_non_null(strstr(a.changes, changed[i]));
	assert_null(strstr(a.changes, "certificate_no"));
}

/* Capacity 2, three enrolled: the third waits, and is told so. */
static void full_course_puts_on_the_waiting_list(void **state)
{
	struct fixture *f = *state;
	long long id = course_saved(f, 2);
	long long a = trainee(f, "Abdou", "Ali"), b = trainee(f, "Bello", "Binta"), c = trainee(f, "Camara", "Cheick");
	long long d = trainee(f, "Dembélé", "Dado");
	bool wl = true;
	struct training_enrolment e;
	assert_int_equal(training_enrol(f->db, id, a, "enrolled", &e, &wl, NULL), ST_OK);
	assert_false(wl);
	assert_string_equal(e.status, "enrolled");
	/* Applying takes no place. */
	assert_int_equal(training_enrol(f->db, id, d, "applied", &e, &wl, NULL), ST_OK);
	assert_false(wl);
	assert_int_equal(training_enrol(f->db, id, b, "selected", &e, &wl, NULL), ST_OK);
	assert_false(wl);
	struct training_enrolment third;
	assert_int_equal(training_enrol(f->db, id, c, "enrolled", &third, &wl, NULL), ST_OK);
	assert_true(wl);
	assert_string_equal(third.status, "waiting");
	assert_true(third.waiting_since[0] != '\0');
	int free = -1;
	assert_int_equal(training_places_free(f->db, id, c, &free), ST_OK);
	assert_int_equal(free, 0);
	/* The applicant cannot be moved into a full course by hand... */
	struct training_enrolment applicant;
	assert_int_equal(training_enrolment_get(f->db, e.id - 1, &applicant), ST_OK);
	assert_int_equal(applicant.person_id, d);
	snprintf(applicant.status, sizeof applicant.status, "enrolled");
	const char *m = NULL, *field = NULL;
	long long rows = audit_rows(f);
	assert_int_equal(training_enrolment_save(f->db, &applicant, NULL, &m, &field), ST_INVALID);
	assert_string_equal(field, "status");
	/* ...nor put on the waiting list by hand. */
	snprintf(applicant.status, sizeof applicant.status, "waiting");
	assert_int_equal(training_enrolment_save(f->db, &applicant, NULL, &m, &field), ST_INVALID);
	assert_int_equal(audit_rows(f), rows);
	/* The course says how many. */
	struct training_course co;
	assert_int_equal(training_course_get(f->db, id, &co), ST_OK);
	assert_int_equal(co.taken, 2);
	assert_int_equal(co.waiting, 1);
	/* Its capacity cannot go below the places taken. */
	co.capacity = 1;
	assert_int_equal(training_course_save(f->db, &co, &m, &field), ST_INVALID);
	assert_string_equal(field, "capacity");
}

/* Places kept for community members are not given to others: with one of
 * two kept, the second migrant waits, and a community member takes it. */
static void places_kept_for_community_members(void **state)
{
	struct fixture *f = *state;
	struct training_course c = course(f, 2);
	c.reserved_community = 1;
	assert_int_equal(training_course_save(f->db, &c, NULL, NULL), ST_OK);
	long long a = trainee(f, "Abdou", "Ali"), b = trainee(f, "Bello", "Binta");
	int free = -1;
	assert_int_equal(training_places_free(f->db, c.id, a, &free), ST_OK);
	assert_int_equal(free, 1);
	bool wl = true;
	assert_int_equal(training_enrol(f->db, c.id, a, "enrolled", NULL, &wl, NULL), ST_OK);
	assert_false(wl);
	assert_int_equal(training_enrol(f->db, c.id, b, "enrolled", NULL, &wl, NULL), ST_OK);
	assert_true(wl);
	assert_int_equal(training_places_free(f->db, c.id, b, &free), ST_OK);
	assert_int_equal(free, 0);
	long long k = trainee(f, "Kane", "Kadiatou");
	assert_int_equal(sqlite3_exec(db_sqlite(f->db), "UPDATE person SET kind = 'community', community_since = "
	                              "'2026-01-10' WHERE id = (SELECT max(id) FROM person)", NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(training_places_free(f->db, c.id, k, &free), ST_OK);
	assert_int_equal(free, 1);
	assert_int_equal(training_enrol(f->db, c.id, k, "enrolled", NULL, &wl, NULL), ST_OK);
	assert_false(wl);
	assert_int_equal(training_places_free(f->db, c.id, k, &free), ST_OK);
	assert_int_equal(free, 0);
}

/* When someone drops out, the first waiting is offered, not moved. */
static void dropping_out_offers_the_first_waiting(void **state)
{
	struct fixture *f = *state;
	long long id = course_saved(f, 1);
	long long a = trainee(f, "Abdou", "Ali"), b = trainee(f, "Bello", "Binta"), c = trainee(f, "Camara", "Cheick");
	struct training_enrolment ea, eb, ec;
	assert_int_equal(training_enrol(f->db, id, a, "enrolled", &ea, NULL, NULL), ST_OK);
	clock_set(TODAY + 60);
	assert_int_equal(training_enrol(f->db, id, c, "enrolled", &ec, NULL, NULL), ST_OK);
	clock_set(TODAY + 120);
	assert_int_equal(training_enrol(f->db, id, b, "enrolled", &eb, NULL, NULL), ST_OK);
	assert_string_equal(ec.status, "waiting");
	assert_string_equal(eb.status, "waiting");
	/* The waiting list: first come, first (Camara before Bello). */
	struct enrolments w = { 0 };
	assert_int_equal(training_enrolment_list(f->db, id, TRAINING_WAITING, PAGE_AFTER, NULL, 10, collect_enrolment, &w,
	                                         NULL),
	                 ST_OK);
	assert_int_equal(w.n, 2);
	assert_int_equal(w.e[0].person_id, c);
	assert_int_equal(w.e[1].person_id, b);
	/* A drop-out needs its reason. */
	snprintf(ea.status, sizeof ea.status, "dropped_out");
	const char *m = NULL, *field = NULL;
	long long next = -1;
	assert_int_equal(training_enrolment_save(f->db, &ea, &next, &m, &field), ST_INVALID);
	assert_string_equal(field, "dropout_reason");
	assert_int_equal(next, 0);
	snprintf(ea.dropout_reason, sizeof ea.dropout_reason, "returned");
	assert_int_equal(training_enrolment_save(f->db, &ea, &next, &m, &field), ST_OK);
	assert_int_equal(next, ec.id);
	/* Nothing done silently: Camara still waits until moved up. */
	struct training_enrolment now;
	assert_int_equal(training_enrolment_get(f->db, ec.id, &now), ST_OK);
	assert_string_equal(now.status, "waiting");
	int v = now.version;
	assert_int_equal(training_enrolment_promote(f->db, ec.id, &v, &m), ST_OK);
	assert_int_equal(training_enrolment_get(f->db, ec.id, &now), ST_OK);
	assert_string_equal(now.status, "enrolled");
	assert_string_equal(now.waiting_since, "");
	/* Bello cannot be moved up: no place. */
	v = eb.version;
	assert_int_equal(training_enrolment_promote(f->db, eb.id, &v, &m), ST_INVALID);
	/* Camara not selected after all: Bello is offered. */
	snprintf(now.status, sizeof now.status, "dropped_out");
	snprintf(now.dropout_reason, sizeof now.dropout_reason, "work");
	assert_int_equal(training_enrolment_save(f->db, &now, &next, NULL, NULL), ST_OK);
	assert_int_equal(next, eb.id);
}

/* Once in a course; a second time ST_DUPLICATE with a message. */
static void unique_enrolment(void **state)
{
	struct fixture *f = *state;
	long long id = course_saved(f, 3);
	long long a = trainee(f, "Abdou", "Ali");
	assert_int_equal(training_enrol(f->db, id, a, "applied", NULL, NULL, NULL), ST_OK);
	long long rows = audit_rows(f);
	const char *m = NULL;
	bool wl = true;
	assert_int_equal(training_enrol(f->db, id, a, "enrolled", NULL, &wl, &m), ST_DUPLICATE);
	assert_non_null(m);
	assert_false(wl);
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(one(f->db, "SELECT count(*) FROM training_enrolment", 0), 1);
	/* Unknown person or course, an unknown status, a cancelled course. */
	assert_int_equal(training_enrol(f->db, id, 9999, "enrolled", NULL, NULL, &m), ST_NOT_FOUND);
	assert_int_equal(training_enrol(f->db, 9999, a, "enrolled", NULL, NULL, &m), ST_NOT_FOUND);
	long long b = trainee(f, "Bello", "Binta");
	assert_int_equal(training_enrol(f->db, id, b, "certified", NULL, NULL, &m), ST_INVALID);
	struct training_course c;
	assert_int_equal(training_course_get(f->db, id, &c), ST_OK);
	assert_int_equal(training_course_set_status(f->db, id, &c.version, "cancelled", "Pas de formateur", &m), ST_OK);
	assert_int_equal(training_enrol(f->db, id, b, "applied", NULL, NULL, &m), ST_INVALID);
	assert_int_equal(one(f->db, "SELECT count(*) FROM training_enrolment", 0), 1);
}

/* Completion: the transitions and the outcome's rules. */
static void completion_rules(void **state)
{
	struct fixture *f = *state;
	long long id = course_saved(f, 3);
	long long a = trainee(f, "Abdou", "Ali");
	struct training_enrolment e;
	assert_int_equal(training_enrol(f->db, id, a, "applied", &e, NULL, NULL), ST_OK);
	long long rows = audit_rows(f);
	const char *m = NULL, *field = NULL;
	struct training_enrolment t = e;
	snprintf(t.status, sizeof t.status, "completed");   /* not enrolled yet */
	assert_int_equal(training_enrolment_save(f->db, &t, NULL, &m, &field), ST_INVALID);
	assert_string_equal(field, "status");
	t = e;
	snprintf(t.assessment, sizeof t.assessment, "passed");   /* only once enrolled */
	assert_int_equal(training_enrolment_save(f->db, &t, NULL, &m, &field), ST_INVALID);
	assert_string_equal(field, "assessment");
	assert_int_equal(audit_rows(f), rows);
	snprintf(e.status, sizeof e.status, "enrolled");
	assert_int_equal(training_enrolment_save(f->db, &e, NULL, NULL, NULL), ST_OK);
	rows = audit_rows(f);
	struct {
		const char *status, *assessment, *cert, *toolkit, *followup, *fdate, *field;
	} bad[] = {
		{ "certified", "passed", "", "", "", "", "certificate_no" },        /* official: a number */
		{ "certified", "failed", "N-1", "", "", "", "assessment" },
		{ "completed", "passed", "N-1", "", "", "", "certificate_no" },     /* only when certified */
		{ "completed", "passed", "", "2026-02-01", "", "", "toolkit_date" },/* before the course */
		{ "completed", "passed", "", "2026-04-21", "", "", "toolkit_date" },/* tomorrow */
		{ "enrolled", "", "", "", "employed", "2026-04-15", "followup" },   /* not completed */
		{ "completed", "", "", "", "employed", "", "followup_date" },
		{ "completed", "", "", "", "", "2026-04-15", "followup" },
		{ "completed", "", "", "", "employed", "2026-04-01", "followup_date" }, /* before the end */
		{ "completed", "", "", "", "hired", "2026-04-15", "followup" },
		{ "completed", "great", "", "", "", "", "assessment" },
		{ "enrolled", "", "", "", "", "", NULL },
	};
	for (size_t i = 0; i + 1 < sizeof bad / sizeof bad[0]; i++) {
		t = e;
		snprintf(t.status, sizeof t.status, "%s", bad[i].status);
		snprintf(t.assessment, sizeof t.assessment, "%s", bad[i].assessment);
		snprintf(t.certificate_no, sizeof t.certificate_no, "%s", bad[i].cert);
		snprintf(t.toolkit_date, sizeof t.toolkit_date, "%s", bad[i].toolkit);
		snprintf(t.followup, sizeof t.followup, "%s", bad[i].followup);
		snprintf(t.followup_date, sizeof t.followup_date, "%s", bad[i].fdate);
		field = NULL;
		assert_int_equal(training_enrolment_check(f->db, &t, &m, &field), ST_INVALID);
		assert_int_equal(training_enrolment_save(f->db, &t, NULL, &m, &field), ST_INVALID);
		assert_string_equal(field, bad[i].field);
	}
	assert_int_equal(audit_rows(f), rows);
	/* Certified with its number, the toolkit, the follow-up. */
	snprintf(e.status, sizeof e.status, "certified");
	snprintf(e.assessment, sizeof e.assessment, "passed");
	snprintf(e.certificate_no, sizeof e.certificate_no, "AGZ-SOU-2026-014");
	snprintf(e.toolkit_date, sizeof e.toolkit_date, "2026-04-10");
	snprintf(e.followup, sizeof e.followup, "self_employed");
	snprintf(e.followup_date, sizeof e.followup_date, "2026-04-20");
	assert_int_equal(training_enrolment_save(f->db, &e, NULL, &m, &field), ST_OK);
	struct training_status ts;
	assert_int_equal(training_status_get(f->db, a, "en", &ts), ST_OK);
	assert_int_equal(ts.courses, 1);
	assert_int_equal(ts.completed, 1);
	assert_string_equal(ts.trade, "Welding");
	assert_string_equal(ts.status, "certified");
	assert_int_equal(training_status_get(f->db, a, "fr", &ts), ST_OK);
	assert_string_equal(ts.trade, "Soudure");
	/* A stale version is a conflict. */
	e.version--;
	assert_int_equal(training_enrolment_save(f->db, &e, NULL, &m, &field), ST_CONFLICT);
	/* A course without certificate certifies nobody. */
	struct training_course c = course(f, 3);
	snprintf(c.certificate, sizeof c.certificate, "none");
	assert_int_equal(training_course_save(f->db, &c, NULL, NULL), ST_OK);
	struct training_enrolment n;
	assert_int_equal(training_enrol(f->db, c.id, a, "enrolled", &n, NULL, NULL), ST_OK);
	snprintf(n.status, sizeof n.status, "certified");
	assert_int_equal(training_enrolment_save(f->db, &n, NULL, &m, &field), ST_INVALID);
	assert_string_equal(field, "status");
	assert_int_equal(training_status_get(f->db, a, "en", &ts), ST_OK);
	assert_int_equal(ts.courses, 2);
	assert_string_equal(ts.status, "enrolled");   /* the current course */
}

/* Two connections, the last place: the second waits for the lock, then
 * counts and goes on the waiting list. */
static void two_connections_one_last_place(void **state)
{
	struct fixture *f = *state;
	long long id = course_saved(f, 1);
	long long a = trainee(f, "Abdou", "Ali"), b = trainee(f, "Bello", "Binta");
	struct db *other;
	assert_int_equal(db_open(f->t.db, DB_EXISTING, &other, NULL, 0), ST_OK);
	struct user u;
	struct login_request req = { "training", PASSWORD, "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(other, &req, &u, NULL), ST_OK);
	/* Both saw one place free. */
	int free_mine = 0, free_theirs = 0;
	assert_int_equal(training_places_free(f->db, id, a, &free_mine), ST_OK);
	assert_int_equal(training_places_free(other, id, b, &free_theirs), ST_OK);
	assert_int_equal(free_mine, 1);
	assert_int_equal(free_theirs, 1);
	bool wl_mine = true, wl_theirs = false;
	assert_int_equal(training_enrol(f->db, id, a, "enrolled", NULL, &wl_mine, NULL), ST_OK);
	assert_int_equal(training_enrol(other, id, b, "enrolled", NULL, &wl_theirs, NULL), ST_OK);
	assert_false(wl_mine);
	assert_true(wl_theirs);
	db_close(&other);
	assert_int_equal(one(f->db, "SELECT count(*) FROM training_enrolment WHERE status = 'enrolled'", 0), 1);
}

#define RACERS 2
#define ROUNDS 10

/* One process: waits for the start, then enrols person in course. Exits 0
 * when it got the place, 1 when put on the waiting list, more on error. */
static void racer(const char *path, int go, long long course_id, long long person)
{
	struct db *db;
	if (db_open(path, DB_EXISTING, &db, NULL, 0) != ST_OK)
		_exit(2);
	struct user u;
	struct login_request req = { "training", PASSWORD, "local", time(NULL), lockout_default_policy() };
	if (login_attempt(db, &req, &u, NULL) != ST_OK)
		_exit(3);
	char c;
	if (read(go, &c, 1) != 1)
		_exit(4);
	bool wl = false;
	enum status s = training_enrol(db, course_id, person, "enrolled", NULL, &wl, NULL);
	db_close(&db);
	_exit(s != ST_OK ? 5 : wl ? 1 : 0);
}

/* Two processes enrol the last place at once, ROUNDS times: one gets it,
 * the other the waiting list, never both. */
static void capacity_race_two_processes(void **state)
{
	struct fixture *f = *state;
	long long people[RACERS];
	for (int i = 0; i < RACERS; i++) {
		char given[16];
		snprintf(given, sizeof given, "N%d", i);
		people[i] = trainee(f, "Racer", given);
	}
	for (int round = 0; round < ROUNDS; round++) {
		long long id = course_saved(f, 1);
		int pipes[2];
		assert_int_equal(pipe(pipes), 0);
		pid_t pids[RACERS];
		for (int i = 0; i < RACERS; i++) {
			pids[i] = fork();
			assert_true(pids[i] >= 0);
			if (pids[i] == 0) {
				close(pipes[1]);
				racer(f->t.db, pipes[0], id, people[i]);
			}
		}
		close(pipes[0]);
		/* Let them all connect, then start them together. */
		assert_int_equal(write(pipes[1], "gg", RACERS), RACERS);
		close(pipes[1]);
		int got = 0, waited = 0;
		for (int i = 0; i < RACERS; i++) {
			int st;
			assert_int_equal(waitpid(pids[i], &st, 0), pids[i]);
			assert_true(WIFEXITED(st));
			int code = WEXITSTATUS(st);
			assert_true(code == 0 || code == 1);
			got += code == 0;
			waited += code == 1;
		}
		assert_int_equal(got, 1);
		assert_int_equal(waited, 1);
		assert_int_equal(one(f->db, "SELECT count(*) FROM training_enrolment WHERE course_id = ?1 "
		                            "AND status = 'enrolled'", id),
		                 1);
	}
}

/* The centre's courses newest first, a page at a time both ways; the class
 * list by name a page at a time. */
static void paging(void **state)
{
	struct fixture *f = *state;
	static const char *const starts[] = { "2026-01-05", "2026-02-05", "2026-02-05", "2026-03-05", "2026-04-05" };
	long long ids[5];
	for (int i = 0; i < 5; i++) {
		struct training_course c = course(f, 5);
		snprintf(c.start_date, sizeof c.start_date, "%s", starts[i]);
		snprintf(c.end_date, sizeof c.end_date, "2026-04-10");
		assert_int_equal(training_course_save(f->db, &c, NULL, NULL), ST_OK);
		ids[i] = c.id;
	}
	struct courses p1 = { 0 }, p2 = { 0 }, p3 = { 0 }, back = { 0 };
	bool more;
	assert_int_equal(training_course_list(f->db, "AGZ", PAGE_AFTER, NULL, 2, collect_course, &p1, &more), ST_OK);
	assert_true(more);
	assert_int_equal(p1.n, 2);
	assert_int_equal(p1.c[0].id, ids[4]);
	assert_int_equal(p1.c[1].id, ids[3]);
	assert_int_equal(training_course_list(f->db, "AGZ", PAGE_AFTER, &p1.c[1], 2, collect_course, &p2, &more), ST_OK);
	assert_int_equal(p2.c[0].id, ids[2]);
	assert_int_equal(p2.c[1].id, ids[1]);
	assert_true(more);
	assert_int_equal(training_course_list(f->db, "AGZ", PAGE_AFTER, &p2.c[1], 2, collect_course, &p3, &more), ST_OK);
	assert_int_equal(p3.n, 1);
	assert_false(more);
	assert_int_equal(training_course_list(f->db, "AGZ", PAGE_BEFORE, &p3.c[0], 2, collect_course, &back, &more),
	                 ST_OK);
	assert_int_equal(back.n, 2);
	assert_int_equal(back.c[0].id, ids[2]);
	assert_int_equal(back.c[1].id, ids[1]);
	assert_true(more);
	assert_int_equal(training_course_list(f->db, "XXX", PAGE_AFTER, NULL, 2, collect_course, &back, &more),
	                 ST_NOT_FOUND);

	long long cid = ids[4];
	static const char *const names[] = { "Zongo", "Abdou", "Maïga", "Bello" };
	for (int i = 0; i < 4; i++)
		assert_int_equal(training_enrol(f->db, cid, trainee(f, names[i], "X"), "applied", NULL, NULL, NULL), ST_OK);
	struct enrolments e1 = { 0 }, e2 = { 0 }, eb = { 0 };
	assert_int_equal(training_enrolment_list(f->db, cid, TRAINING_CLASS, PAGE_AFTER, NULL, 3, collect_enrolment, &e1,
	                                         &more),
	                 ST_OK);
	assert_true(more);
	assert_string_equal(e1.e[0].family_name, "Abdou");
	assert_string_equal(e1.e[1].family_name, "Bello");
	assert_int_equal(training_enrolment_list(f->db, cid, TRAINING_CLASS, PAGE_AFTER, &e1.e[2], 3, collect_enrolment,
	                                         &e2, &more),
	                 ST_OK);
	assert_int_equal(e2.n, 1);
	assert_string_equal(e2.e[0].family_name, "Zongo");
	assert_false(more);
	assert_int_equal(training_enrolment_list(f->db, cid, TRAINING_CLASS, PAGE_BEFORE, NULL, 2, collect_enrolment, &eb,
	                                         &more),
	                 ST_OK);
	assert_int_equal(eb.n, 2);
	assert_string_equal(eb.e[1].family_name, "Zongo");
	assert_true(more);
}

/* The lists and counts seek on their indexes. */
static void query_plans(void **state)
{
	struct fixture *f = *state;
	long long id = course_saved(f, 1);
	long long a = trainee(f, "Abdou", "Ali"), b = trainee(f, "Bello", "Binta");
	struct training_enrolment e;
	assert_int_equal(training_enrol(f->db, id, a, "enrolled", &e, NULL, NULL), ST_OK);
	assert_int_equal(training_enrol(f->db, id, b, "enrolled", NULL, NULL, NULL), ST_OK);
	snprintf(e.status, sizeof e.status, "dropped_out");
	snprintf(e.dropout_reason, sizeof e.dropout_reason, "illness");
	assert_int_equal(training_enrolment_save(f->db, &e, NULL, NULL, NULL), ST_OK);
	struct courses c = { 0 };
	assert_int_equal(training_course_list(f->db, "AGZ", PAGE_AFTER, NULL, 5, collect_course, &c, NULL), ST_OK);
	struct enrolments w = { 0 };
	assert_int_equal(training_enrolment_list(f->db, id, TRAINING_WAITING, PAGE_AFTER, NULL, 5, collect_enrolment, &w,
	                                         NULL),
	                 ST_OK);
	struct training_status ts;
	assert_int_equal(training_status_get(f->db, a, "en", &ts), ST_OK);
	char plan[4096];
	plan_of(f, "ORDER BY c.start_date DESC", plan, sizeof plan);
	assert_non_null(strstr(plan, "training_course_by_centre"));
	assert_null(strstr(plan, "SCAN c"));
	plan_of(f, "ORDER BY e.waiting_since, e.id", plan, sizeof plan);
	assert_non_null(strstr(plan, "training_enrolment_by_status"));
	assert_null(strstr(plan, "TEMP B-TREE"));
	plan_of(f, "status = 'waiting' ORDER BY waiting_since, id LIMIT 1", plan, sizeof plan);
	assert_non_null(strstr(plan, "training_enrolment_by_status"));
	plan_of(f, "sum(status IN", plan, sizeof plan);
	assert_non_null(strstr(plan, "training_enrolment_by_person"));
	plan_of(f, "ORDER BY (e.status IN", plan, sizeof plan);
	assert_non_null(strstr(plan, "training_enrolment_by_person"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(course_rules_refused_nothing_changed, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(roles, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(audit_of_each_field, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(full_course_puts_on_the_waiting_list, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(places_kept_for_community_members, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(dropping_out_offers_the_first_waiting, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(unique_enrolment, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(completion_rules, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(two_connections_one_last_place, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(capacity_race_two_processes, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(paging, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(query_plans, tsetup, tteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
