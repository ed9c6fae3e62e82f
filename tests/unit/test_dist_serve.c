/* Serving at a distribution counter (src/db/dist_serve*.c): the state of
 * each item (due, already served, next due, not eligible), served once
 * even by two sessions at once, a household's entitlement collected by any
 * member, per-meal items, an override and a reversal audited and refused
 * without the permission, the ledger never changed, the query plans. */
#include <sys/wait.h>
#include <unistd.h>
#include "training_fixture.h"
#include "db/dist_serve.h"
#include "db/stay.h"
#include "ui/app.h"
#include "ui/list.h"

#define DAY 86400

static int dsetup(void **state)
{
	tsetup(state);
	sign_in(*state, ROLE_DISTRIBUTION);
	return 0;
}

static long long item(struct fixture *f, const char *code)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), "SELECT id FROM dist_item WHERE code = ?1", -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* A person registered at AGZ on 2026-03-15 (staying there), then the
 * distribution clerk signed in again. */
static long long person(struct fixture *f, const char *family, char sex, const char *birth, int flag)
{
	sign_in(f, ROLE_INTAKE);
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "Awa");
	p.sex = sex;
	snprintf(p.birth_date, sizeof p.birth_date, "%s", birth);
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	if (flag >= 0)
		p.flags[flag] = true;
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	sign_in(f, ROLE_DISTRIBUTION);
	return p.id;
}

static void family(struct fixture *f, long long a, long long b, const char *relation)
{
	sign_in(f, ROLE_INTAKE);
	assert_int_equal(person_link(f->db, a, b, relation), ST_OK);
	sign_in(f, ROLE_DISTRIBUTION);
}

static struct dist_counter counter(const char *meal)
{
	struct dist_counter c;
	memset(&c, 0, sizeof c);
	snprintf(c.centre_code, sizeof c.centre_code, "AGZ");
	snprintf(c.counter, sizeof c.counter, "2");
	snprintf(c.meal, sizeof c.meal, "%s", meal);
	return c;
}

static struct dist_item_state state_of(struct fixture *f, long long who, long long it, const char *meal)
{
	struct dist_counter c = counter(meal);
	struct dist_person p;
	assert_int_equal(dist_person_read(f->db, "AGZ", who, &p), ST_OK);
	struct dist_item_state s;
	assert_int_equal(dist_states(f->db, &c, &p, &it, 1, &s), ST_OK);
	return s;
}

static enum status serve(struct fixture *f, long long who, long long it, const char *meal, const char *reason,
                         struct dist_served *out, const char **m)
{
	struct dist_counter c = counter(meal);
	return dist_serve(f->db, &c, who, &it, 1, reason, out, m);
}

static void the_person_as_the_counter_sees_them(void **state)
{
	struct fixture *f = *state;
	long long mother = person(f, "Traore", 'f', "1996-05-01", FLAG_PREGNANT);
	long long baby = person(f, "Traore", 'm', "2025-10-01", -1);
	long long uncle = person(f, "Traore", 'm', "1980", FLAG_SERIOUS_MEDICAL);
	family(f, mother, baby, "child");
	family(f, mother, uncle, "relative");   /* not of the household */
	struct dist_person p;
	assert_int_equal(dist_person_read(f->db, "AGZ", mother, &p), ST_OK);
	assert_string_equal(p.family_name, "Traore");
	assert_int_equal(p.sex, 'f');
	assert_int_equal(p.age, 29);
	assert_false(p.child);
	assert_int_equal(p.household, 2);
	assert_true(p.pregnant);
	assert_false(p.disability);
	assert_true(p.infant);   /* her baby */
	assert_true(p.staying);
	assert_string_equal(p.stay_admitted, "2026-03-15");
	assert_int_equal(dist_person_read(f->db, "AGZ", baby, &p), ST_OK);
	assert_true(p.child);
	assert_int_equal(p.age, 0);
	assert_true(p.infant);
	assert_int_equal(dist_person_read(f->db, "AGZ", uncle, &p), ST_OK);
	assert_int_equal(p.household, 1);
	assert_false(p.infant);
	/* At another centre, nobody is staying. */
	assert_int_equal(dist_person_read(f->db, "NMY", mother, &p), ST_OK);
	assert_false(p.staying);
	long long id = 0;
	assert_int_equal(dist_person_by_key(f->db, p.case_key, &id), ST_OK);
	assert_int_equal(id, mother);
	assert_int_equal(dist_person_by_key(f->db, "AGZ2699999X", &id), ST_NOT_FOUND);
	/* Roles that do not serve read nothing here. */
	sign_in(f, ROLE_MEDICAL);
	assert_int_equal(dist_person_read(f->db, "AGZ", mother, &p), ST_DENIED);
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(dist_person_read(f->db, "AGZ", mother, &p), ST_OK);
}

static void served_once_then_due_again(void **state)
{
	struct fixture *f = *state;
	long long a = person(f, "Diallo", 'm', "1990", -1);
	long long water = item(f, "water"), food = item(f, "food_ration"), blanket = item(f, "blanket");
	struct dist_served out;
	const char *m = NULL;
	assert_int_equal(state_of(f, a, water, "").state, DIST_DUE);
	long long audit = audit_rows(f);
	assert_int_equal(serve(f, a, water, "", NULL, &out, &m), ST_OK);
	assert_int_equal(out.n, 1);
	assert_true(out.serving[0] > 0);
	assert_int_equal(audit_rows(f), audit + 1);
	assert_int_equal(one(f->db, "SELECT count(*) FROM audit WHERE entity = 'dist_serving' AND entity_id = ?1",
	                     out.serving[0]), 1);
	/* Again: refused, with who served, when and where. */
	assert_int_equal(serve(f, a, water, "", NULL, &out, &m), ST_INVALID);
	assert_non_null(strstr(m, "Already served"));
	assert_int_equal(out.n, 0);
	assert_int_equal(out.state[0].state, DIST_SERVED);
	assert_string_equal(out.state[0].served_by, "Staff");
	assert_string_equal(out.state[0].counter, "2");
	assert_int_equal(out.state[0].served_at, TODAY);
	assert_false(out.state[0].by_other);
	assert_int_equal(one(f->db, "SELECT count(*) FROM dist_serving WHERE person_id = ?1", a), 1);
	/* The stock went down by the quantity. */
	assert_int_equal(one(f->db, "SELECT balance FROM dist_stock WHERE item_id = ?1", water), -1);
	/* Every 7 days: not due three days later, due on the seventh. */
	assert_int_equal(serve(f, a, food, "", NULL, &out, &m), ST_OK);
	assert_int_equal(serve(f, a, blanket, "", NULL, &out, &m), ST_OK);
	clock_set(TODAY + 3 * DAY);
	assert_int_equal(state_of(f, a, water, "").state, DIST_DUE);
	struct dist_item_state s = state_of(f, a, food, "");
	assert_int_equal(s.state, DIST_NOT_YET);
	assert_string_equal(s.day, "2026-04-20");
	assert_string_equal(s.next_due, "2026-04-27");
	s = state_of(f, a, blanket, "");
	assert_int_equal(s.state, DIST_NOT_YET);
	assert_string_equal(s.next_due, "");
	clock_set(TODAY + 6 * DAY);
	assert_int_equal(state_of(f, a, food, "").state, DIST_NOT_YET);
	clock_set(TODAY + 7 * DAY);
	assert_int_equal(state_of(f, a, food, "").state, DIST_DUE);
	assert_int_equal(state_of(f, a, blanket, "").state, DIST_NOT_YET);
	/* Not staying here: not eligible (staying only). */
	clock_set(TODAY);
	long long gone = person(f, "Sow", 'm', "1990", -1);
	sign_in(f, ROLE_INTAKE);
	assert_int_equal(stay_depart(f->db, one(f->db, "SELECT id FROM stay WHERE person_id = ?1", gone), "2026-04-19",
	                             "left"),
	                 ST_OK);
	sign_in(f, ROLE_DISTRIBUTION);
	s = state_of(f, gone, water, "");
	assert_int_equal(s.state, DIST_NOT_ELIGIBLE);
	assert_int_equal(s.why, DIST_NOT_STAYING);
	assert_int_equal(serve(f, gone, water, "", NULL, &out, &m), ST_INVALID);
	assert_non_null(strstr(m, "not eligible"));
}

static void eligibility_from_the_person(void **state)
{
	struct fixture *f = *state;
	long long man = person(f, "Keita", 'm', "1990", -1);
	long long girl = person(f, "Keita", 'f', "2018", -1);
	long long mother = person(f, "Keita", 'f', "1995", -1);
	long long baby = person(f, "Keita", 'f', "2025-12", -1);
	family(f, mother, baby, "child");
	long long dignity = item(f, "dignity_kit"), baby_kit = item(f, "baby_kit");
	struct dist_item_state s = state_of(f, man, dignity, "");
	assert_int_equal(s.state, DIST_NOT_ELIGIBLE);
	assert_int_equal(s.why, DIST_WRONG_SEX);
	assert_int_equal(state_of(f, girl, dignity, "").why, DIST_TOO_YOUNG);
	assert_int_equal(state_of(f, mother, dignity, "").state, DIST_DUE);
	assert_int_equal(state_of(f, man, baby_kit, "").why, DIST_NOT_REQUIRED);
	assert_int_equal(state_of(f, mother, baby_kit, "").state, DIST_DUE);
}

static void a_household_item_counts_for_every_member(void **state)
{
	struct fixture *f = *state;
	long long head = person(f, "Coulibaly", 'm', "1985", -1);
	long long wife = person(f, "Coulibaly", 'f', "1990", -1);
	long long son = person(f, "Coulibaly", 'm', "2012", -1);
	long long cousin = person(f, "Coulibaly", 'm', "1992", -1);
	family(f, head, wife, "spouse");
	family(f, wife, son, "child");
	family(f, head, cousin, "relative");
	long long food = item(f, "food_ration"), water = item(f, "water");
	struct dist_served out;
	const char *m;
	assert_int_equal(serve(f, wife, food, "", NULL, &out, &m), ST_OK);
	struct dist_person hp;
	assert_int_equal(dist_person_read(f->db, "AGZ", wife, &hp), ST_OK);
	/* Her husband and her son find it collected, by her. */
	struct dist_item_state s = state_of(f, head, food, "");
	assert_int_equal(s.state, DIST_SERVED);
	assert_true(s.by_other);
	assert_string_equal(s.collector_key, hp.case_key);
	assert_int_equal(serve(f, son, food, "", NULL, &out, &m), ST_INVALID);
	assert_int_equal(serve(f, head, food, "", NULL, &out, &m), ST_INVALID);
	assert_non_null(strstr(m, "Already served"));
	/* A cousin is not of the household; a per-person item is each one's. */
	assert_int_equal(state_of(f, cousin, food, "").state, DIST_DUE);
	assert_int_equal(serve(f, wife, water, "", NULL, &out, &m), ST_OK);
	assert_int_equal(state_of(f, head, water, "").state, DIST_DUE);
	assert_int_equal(one(f->db, "SELECT count(*) FROM dist_serving WHERE item_id = ?1", food), 1);
}

static void per_meal_items_are_served_once_a_meal(void **state)
{
	struct fixture *f = *state;
	long long a = person(f, "Bah", 'm', "1990", -1);
	long long meal = item(f, "hot_meal");
	struct dist_served out;
	const char *m;
	assert_int_equal(serve(f, a, meal, "", NULL, &out, &m), ST_INVALID);
	assert_non_null(strstr(m, "meal"));
	assert_int_equal(serve(f, a, meal, "lunch", NULL, &out, &m), ST_OK);
	assert_int_equal(serve(f, a, meal, "lunch", NULL, &out, &m), ST_INVALID);
	assert_string_equal(out.state[0].meal, "lunch");
	assert_int_equal(state_of(f, a, meal, "dinner").state, DIST_DUE);
	assert_int_equal(serve(f, a, meal, "dinner", NULL, &out, &m), ST_OK);
	/* The meal of the time of day. */
	assert_string_equal(dist_meal_of(TODAY - 12 * 3600 + 8 * 3600), "breakfast");
}

static void override_and_reversal_are_audited(void **state)
{
	struct fixture *f = *state;
	long long a = person(f, "Camara", 'm', "1990", -1);
	long long water = item(f, "water"), dignity = item(f, "dignity_kit");
	struct dist_served out;
	const char *m = NULL;
	assert_int_equal(serve(f, a, water, "", NULL, &out, &m), ST_OK);
	long long first = out.serving[0];
	/* The clerk may not override: refused and recorded. */
	long long refused = one(f->db, "SELECT count(*) FROM audit WHERE action = 'refused'", 0);
	assert_int_equal(serve(f, a, water, "", "Lost his", &out, &m), ST_DENIED);
	assert_int_equal(one(f->db, "SELECT count(*) FROM audit WHERE action = 'refused'", 0), refused + 1);
	/* The manager may, with a reason, even what the rules refuse. */
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(serve(f, a, water, "", "  ", &out, &m), ST_INVALID);
	assert_int_equal(serve(f, a, water, "", "Container broken", &out, &m), ST_OK);
	assert_int_equal(out.state[0].state, DIST_SERVED);
	struct last_row row;
	last_audit(f, &row);
	assert_string_equal(row.entity, "dist_serving");
	assert_non_null(strstr(row.changes, "Container broken"));
	assert_int_equal(serve(f, a, dignity, "", "Asked by the nurse", &out, &m), ST_OK);
	assert_int_equal(one(f->db, "SELECT count(*) FROM dist_serving WHERE override_reason != ''", 0), 2);
	/* The clerk reverses their own serving of today, with a reason. */
	sign_in(f, ROLE_DISTRIBUTION);
	long long rev = 0;
	assert_int_equal(dist_reverse(f->db, first, "", &rev, &m), ST_INVALID);
	assert_true(dist_may_reverse(f->db, first));
	assert_int_equal(dist_reverse(f->db, first, "Wrong person", &rev, &m), ST_OK);
	last_audit(f, &row);
	assert_int_equal(row.entity_id, rev);
	assert_non_null(strstr(row.changes, "Wrong person"));
	assert_int_equal(one(f->db, "SELECT quantity FROM dist_serving WHERE id = ?1", rev), -1);
	assert_int_equal(one(f->db, "SELECT reverses_id FROM dist_serving WHERE id = ?1", rev), first);
	assert_int_equal(dist_reverse(f->db, first, "Again", &rev, &m), ST_INVALID);
	assert_int_equal(dist_reverse(f->db, rev, "Again", &rev, &m), ST_INVALID);
	/* Not the manager's serving; nor their own the next day. */
	long long managers = one(f->db, "SELECT max(id) FROM dist_serving WHERE override_reason != ''", 0);
	assert_false(dist_may_reverse(f->db, managers));
	assert_int_equal(dist_reverse(f->db, managers, "No", &rev, &m), ST_DENIED);
	sign_in(f, ROLE_MANAGER);
	long long other = one(f->db, "SELECT min(id) FROM dist_serving WHERE override_reason != ''", 0);
	sign_in(f, ROLE_DISTRIBUTION);
	long long b = person(f, "Camara", 'f', "1992", -1);
	assert_int_equal(serve(f, b, water, "", NULL, &out, &m), ST_OK);
	clock_set(TODAY + DAY);
	assert_int_equal(dist_reverse(f->db, out.serving[0], "Late", &rev, &m), ST_DENIED);
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(dist_reverse(f->db, out.serving[0], "Late", &rev, &m), ST_OK);
	assert_int_equal(dist_reverse(f->db, other, "Mistake", &rev, &m), ST_OK);
	/* Others may neither serve nor reverse. */
	sign_in(f, ROLE_MEDICAL);
	assert_int_equal(serve(f, b, water, "", NULL, &out, &m), ST_DENIED);
	assert_int_equal(dist_reverse(f->db, first, "x", &rev, &m), ST_DENIED);
	/* A reversed serving is due again; the ledger keeps both entries. */
	sign_in(f, ROLE_DISTRIBUTION);
	clock_set(TODAY);
	assert_int_equal(state_of(f, b, water, "").state, DIST_DUE);
	const char *sqls[] = { "UPDATE dist_serving SET quantity = 5", "DELETE FROM dist_serving" };
	for (size_t i = 0; i < 2; i++) {
		char *err = NULL;
		assert_int_not_equal(sqlite3_exec(db_sqlite(f->db), sqls[i], NULL, NULL, &err), SQLITE_OK);
		sqlite3_free(err);
	}
	assert_int_equal(one(f->db, "SELECT count(*) FROM dist_serving WHERE reverses_id IS NOT NULL", 0), 3);
}

/* One session serving water to person at counter name; exits 0 when
 * served, 1 when refused as already served, 2 otherwise. */
static void server(const char *path, long long worker, long long who, long long it)
{
	struct db *db;
	if (db_open(path, DB_EXISTING, &db, NULL, 0) != ST_OK)
		_exit(2);
	db_set_actor(db, worker, "distribution", ROLE_DISTRIBUTION, "local");
	struct dist_counter c = counter("");
	struct dist_served out;
	const char *m = NULL;
	enum status s = dist_serve(db, &c, who, &it, 1, NULL, &out, &m);
	bool already = s == ST_INVALID && out.state[0].state == DIST_SERVED;
	db_close(&db);
	_exit(s == ST_OK ? 0 : already ? 1 : 2);
}

#define SERVERS 6

static void two_counters_at_once_serve_once(void **state)
{
	struct fixture *f = *state;
	long long a = person(f, "Konate", 'm', "1990", -1);
	long long water = item(f, "water");
	long long worker = one(f->db, "SELECT id FROM app_user WHERE name = 'distribution'", 0);
	pid_t pids[SERVERS];
	for (int i = 0; i < SERVERS; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0)
			server(f->t.db, worker, a, water);
	}
	int served = 0, already = 0;
	for (int i = 0; i < SERVERS; i++) {
		int status;
		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		assert_true(WIFEXITED(status));
		assert_true(WEXITSTATUS(status) <= 1);
		served += WEXITSTATUS(status) == 0;
		already += WEXITSTATUS(status) == 1;
	}
	assert_int_equal(served, 1);
	assert_int_equal(already, SERVERS - 1);
	assert_int_equal(one(f->db, "SELECT count(*) FROM dist_serving WHERE person_id = ?1", a), 1);
}

static void query_plans(void **state)
{
	struct fixture *f = *state;
	long long a = person(f, "Toure", 'm', "1990", -1), b = person(f, "Toure", 'f', "1990", -1);
	family(f, a, b, "spouse");
	long long items[] = { item(f, "water"), item(f, "food_ration") };
	struct dist_counter c = counter("");
	struct dist_served out;
	const char *m;
	assert_int_equal(dist_serve(f->db, &c, a, items, 2, NULL, &out, &m), ST_OK);
	long long id;
	struct dist_person p;
	assert_int_equal(dist_person_read(f->db, "AGZ", b, &p), ST_OK);
	assert_int_equal(dist_person_by_key(f->db, p.case_key, &id), ST_OK);
	assert_int_equal(dist_reverse(f->db, out.serving[0], "Wrong", &id, &m), ST_OK);
	char plan[4096];
	plan_of(f, "WHERE s.person_id = ?1 AND s.item_id", plan, sizeof plan);
	assert_non_null(strstr(plan, "dist_serving_by_person"));
	assert_null(strstr(plan, "SCAN s"));
	assert_null(strstr(plan, "SCAN r"));
	plan_of(f, "WHERE s.person_id IN (SELECT ?1 UNION", plan, sizeof plan);
	assert_non_null(strstr(plan, "dist_serving_by_person"));
	assert_null(strstr(plan, "SCAN s"));
	assert_null(strstr(plan, "SCAN f"));
	plan_of(f, "WHERE r.reverses_id = s.id), 0), s.day", plan, sizeof plan);
	assert_null(strstr(plan, "SCAN"));
	plan_of(f, "FROM person WHERE case_key = ?1", plan, sizeof plan);
	assert_null(strstr(plan, "SCAN"));
	plan_of(f, "s.departed IS NULL ORDER BY s.admitted DESC", plan, sizeof plan);
	assert_non_null(strstr(plan, "stay_by_person"));
	plan_of(f, "f.relation IN", plan, sizeof plan);
	assert_null(strstr(plan, "SCAN f"));
}

/* Privacy mode starts on when a distribution clerk signs in (the
 * program's login calls app_set_user), not for other roles. */
static void privacy_starts_on_for_the_counter(void **state)
{
	struct fixture *f = *state;
	struct app *app = app_new_offscreen(f->db);
	assert_non_null(app);
	struct user u;
	memset(&u, 0, sizeof u);
	u.id = one(f->db, "SELECT id FROM app_user WHERE name = 'intake'", 0);
	u.role = ROLE_INTAKE;
	snprintf(u.lang, sizeof u.lang, "en");
	app_set_user(app, &u);
	assert_false(app_privacy(app));
	app_set_user(app, NULL);
	u.id = one(f->db, "SELECT id FROM app_user WHERE name = 'distribution'", 0);
	u.role = ROLE_DISTRIBUTION;
	app_set_user(app, &u);
	assert_true(app_privacy(app));
	app_free(&app);
	list_set_privacy(false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(the_person_as_the_counter_sees_them, dsetup, tteardown),
		cmocka_unit_test_setup_teardown(served_once_then_due_again, dsetup, tteardown),
		cmocka_unit_test_setup_teardown(eligibility_from_the_person, dsetup, tteardown),
		cmocka_unit_test_setup_teardown(a_household_item_counts_for_every_member, dsetup, tteardown),
		cmocka_unit_test_setup_teardown(per_meal_items_are_served_once_a_meal, dsetup, tteardown),
		cmocka_unit_test_setup_teardown(override_and_reversal_are_audited, dsetup, tteardown),
		cmocka_unit_test_setup_teardown(two_counters_at_once_serve_once, dsetup, tteardown),
		cmocka_unit_test_setup_teardown(query_plans, dsetup, tteardown),
		cmocka_unit_test_setup_teardown(privacy_starts_on_for_the_counter, dsetup, tteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
