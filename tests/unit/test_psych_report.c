/* The psychosocial figures against a known data set: different people
 * versus attendances, the age group at the session date, head counts kept
 * apart, cancelled sessions, the period and centre bounds, the N-sessions
 * threshold, the roles refused, and the query plans. */
#include "db/psych_report.h"
#include "psych_report_fixture.h"

struct data {
	long long a, b, c, d1, d2, e, g, h;
};

/* April 2026 at AGZ, with sessions around it that must not count. */
static struct data known_data(struct fixture *f)
{
	struct data d;
	static const int heads[4] = { 3, 2, 10, 1 };
	d.a = add_person(f, "Traoré", "Aïssa", 'f', "2003-02-01", false, "NER");
	d.b = add_person(f, "Bello", "Ali", 'm', "2012-06-01", false, "NGA");
	d.c = add_person(f, "Diallo", "Moussa", 'm', "2008-04-10", false, "NGA");   /* 18 on 10 April */
	d.d1 = add_person(f, "Sow", "Awa", 'f', "2008", true, "MLI");   /* estimated: 1 January, 18 */
	d.d2 = add_person(f, "Keita", "Fanta", 'f', "2008", false, "MLI");   /* a known year: 1 July, 17 */
	d.e = add_person(f, "Issoufou", "Zara", 'f', "", false, "");
	long long x = add_person(f, "Absent", "Always", 'm', "1990-01-01", false, "NER");
	long long cancelled_only = add_person(f, "Cancel", "Only", 'm', "1990-01-01", false, "NER");
	d.g = add_person(f, "Garba", "Idi", 'm', "1985-01-01", false, "NER");
	d.h = add_person(f, "Hassan", "Omar", 'm', "1980-01-01", false, "SDN");

	long long s1 = add_session(f, "AGZ", "football", "2026-04-05", "held", "names", NULL);
	long long s2 = add_session(f, "AGZ", "workshop", "2026-04-10", "held", "names", NULL);
	long long s3 = add_session(f, "AGZ", "workshop", "2026-04-20", "held", "names", NULL);
	long long s4 = add_session(f, "AGZ", "yoga", "2026-04-12", "cancelled", "names", NULL);
	add_session(f, "AGZ", "football", "2026-04-15", "held", "count", heads);
	long long s6 = add_session(f, "AGZ", "reading", "2026-05-01", "held", "names", NULL);
	long long s7 = add_session(f, "ARL", "workshop", "2026-04-10", "held", "names", NULL);
	long long s8 = add_session(f, "AGZ", "reading", "2026-03-31", "held", "names", NULL);
	long long s9 = add_session(f, "AGZ", "game", "2026-04-25", "planned", "names", NULL);

	add_mark(f, s1, d.a, "present");
	add_mark(f, s2, d.a, "present");
	add_mark(f, s3, d.a, "present");
	add_mark(f, s1, d.b, "present");
	add_mark(f, s2, d.b, "left_early");
	add_mark(f, s1, d.c, "present");   /* 17 that day: a boy for April */
	add_mark(f, s3, d.c, "present");
	add_mark(f, s2, d.d1, "present");
	add_mark(f, s2, d.d2, "present");
	add_mark(f, s3, d.e, "present");
	add_mark(f, s1, x, "absent");
	add_mark(f, s2, x, "excused");
	add_mark(f, s4, cancelled_only, "present");
	add_mark(f, s9, cancelled_only, "present");
	add_mark(f, s6, d.g, "present");
	add_mark(f, s8, d.g, "present");
	add_mark(f, s7, d.h, "present");
	return d;
}

static struct psych_figures figures(struct fixture *f, const char *centre, const char *period, int n)
{
	struct psych_period p;
	assert_true(psych_period_parse(period, &p));
	struct psych_figures fig;
	assert_int_equal(psych_figures_get(f->db, centre, &p, n, 2, "en", &fig), ST_OK);
	return fig;
}

static void people_versus_attendances(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	struct psych_figures fig = figures(f, "AGZ", "2026-04", 1);
	assert_int_equal(fig.people_total, 6);
	assert_int_equal(fig.people[PSYCH_BOYS], 2);    /* Ali 13, Moussa 17 at his first session */
	assert_int_equal(fig.people[PSYCH_GIRLS], 1);   /* Fanta: a known year counts as 1 July */
	assert_int_equal(fig.people[PSYCH_MEN], 0);
	assert_int_equal(fig.people[PSYCH_WOMEN], 2);   /* Aïssa, and Awa: an estimated year counts as 1 January */
	assert_int_equal(fig.people[PSYCH_UNKNOWN], 1);
	assert_int_equal(fig.attendances, 10);           /* Aïssa alone: 1 person, 3 attendances */
	assert_int_equal(fig.people_min_sessions, 6);
	assert_int_equal(figures(f, "AGZ", "2026-04", 2).people_min_sessions, 3);
	assert_int_equal(figures(f, "AGZ", "2026-04", 3).people_min_sessions, 1);
	assert_int_equal(figures(f, "AGZ", "2026-04", 10).people_min_sessions, 0);

	/* Sessions: cancelled apart, planned not at all. */
	assert_int_equal(fig.held, 4);
	assert_int_equal(fig.held_names, 3);
	assert_int_equal(fig.held_count, 1);
	assert_int_equal(fig.cancelled, 1);

	/* Head counts apart, never added to the people. */
	assert_int_equal(fig.heads[0], 3);
	assert_int_equal(fig.heads[1], 2);
	assert_int_equal(fig.heads[2], 10);
	assert_int_equal(fig.heads[3], 1);
	assert_int_equal(fig.heads_total, 16);
	assert_int_equal(fig.people[0] + fig.people[1] + fig.people[2] + fig.people[3] + fig.people[4], 6);

	/* Nationalities by name, most people first, the rest as others. */
	assert_int_equal(fig.nat_n, 2);
	assert_string_equal(fig.nat[0].code, "MLI");
	assert_string_equal(fig.nat[0].name, "Mali");
	assert_int_equal(fig.nat[0].people, 2);
	assert_string_equal(fig.nat[1].name, "Nigeria");
	assert_int_equal(fig.nat_others, 2);

	/* Nobody registered as a community member yet: all migrants. */
	assert_int_equal(fig.community_total, 0);
}

/* People registered as community members are counted apart among the
 * people, also after they migrated (community_since stays). */
static void community_members_apart(void **state)
{
	struct fixture *f = *state;
	struct data d = known_data(f);
	char sql[200];
	snprintf(sql, sizeof sql, "UPDATE person SET community_since = '2026-01-05' WHERE id IN (%lld, %lld)", d.a, d.b);
	assert_int_equal(sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, NULL), SQLITE_OK);
	struct psych_figures fig = figures(f, "AGZ", "2026-04", 1);
	assert_int_equal(fig.people_total, 6);
	assert_int_equal(fig.community_total, 2);
	assert_int_equal(fig.community[PSYCH_WOMEN], 1);   /* Aïssa */
	assert_int_equal(fig.community[PSYCH_BOYS], 1);    /* Ali */
	assert_int_equal(fig.community[PSYCH_GIRLS] + fig.community[PSYCH_MEN] + fig.community[PSYCH_UNKNOWN], 0);
	assert_int_equal(fig.attendances, 10);             /* attendances unchanged */
}

static void period_and_centre_bounds(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	assert_int_equal(figures(f, "", "2026-04", 1).people_total, 7);    /* Omar at Arlit */
	assert_int_equal(figures(f, "ARL", "2026-04", 1).people_total, 1);
	struct psych_figures year = figures(f, "AGZ", "2026", 1);
	assert_int_equal(year.people_total, 7);    /* Idi, on 31 March and 1 May */
	assert_int_equal(year.attendances, 12);
	assert_int_equal(year.held, 6);
	assert_int_equal(figures(f, "AGZ", "2026-03", 1).people_total, 1);
	assert_int_equal(figures(f, "AGZ", "2026-05", 1).people_total, 1);
	assert_int_equal(figures(f, "AGZ", "2025", 1).people_total, 0);

	struct psych_period p;
	const char *bad[] = { "2026-4", "2026-13", "2026-04-01", "", "avril", "26" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(psych_period_parse(bad[i], &p));
	assert_true(psych_period_parse("2026-12", &p));
	assert_string_equal(p.from, "2026-12-01");
	assert_string_equal(p.to, "2027-01-01");
	struct psych_figures fig;
	assert_int_equal(psych_figures_get(f->db, "XYZ", &p, 1, 5, "en", &fig), ST_NOT_FOUND);
	assert_int_equal(psych_figures_get(f->db, "AGZ", &p, 0, 5, "en", &fig), ST_INVALID);
}

struct rows {
	int n;
	struct psych_session_row r[16];
};

static void collect_row(const struct psych_session_row *r, void *ctx)
{
	struct rows *s = ctx;
	if (s->n < 16)
		s->r[s->n++] = *r;
}

static void sessions_by_activity_and_partner(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	struct psych_period p;
	assert_true(psych_period_parse("2026-04", &p));
	struct rows rows = { 0 };
	assert_int_equal(psych_figures_sessions(f->db, "AGZ", &p, PSYCH_BY_ACTIVITY, "fr", collect_row, &rows), ST_OK);
	assert_int_equal(rows.n, 3);   /* in the list's order; the planned game not at all */
	assert_string_equal(rows.r[0].label, "Atelier");
	assert_int_equal(rows.r[0].held, 2);
	assert_string_equal(rows.r[1].label, "Football");
	assert_int_equal(rows.r[1].held, 2);
	assert_string_equal(rows.r[2].label, "Yoga");
	assert_int_equal(rows.r[2].held, 0);
	assert_int_equal(rows.r[2].cancelled, 1);
	rows.n = 0;
	assert_int_equal(psych_figures_sessions(f->db, "AGZ", &p, PSYCH_BY_PARTNER, "en", collect_row, &rows), ST_OK);
	assert_int_equal(rows.n, 1);
	assert_string_equal(rows.r[0].label, "Implementing partner NGO");
	assert_int_equal(rows.r[0].held, 4);
	assert_int_equal(rows.r[0].cancelled, 1);
}

static void roles_refused(void **state)
{
	struct fixture *f = *state;
	struct psych_period p;
	assert_true(psych_period_parse("2026", &p));
	struct psych_figures fig;
	struct rows rows = { 0 };
	const enum role refused[] = { ROLE_DISTRIBUTION, ROLE_INTAKE, ROLE_MEDICAL, ROLE_TRAINING, ROLE_ADMIN };
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		sign_in(f, refused[i]);
		assert_int_equal(psych_figures_get(f->db, "", &p, 1, 5, "en", &fig), ST_DENIED);
		assert_int_equal(psych_figures_sessions(f->db, "", &p, PSYCH_BY_ACTIVITY, "en", collect_row, &rows),
		                 ST_DENIED);
	}
	const enum role allowed[] = { ROLE_MANAGER, ROLE_PROTECTION, ROLE_PSYCHOSOCIAL };
	for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
		sign_in(f, allowed[i]);
		assert_int_equal(psych_figures_get(f->db, "", &p, 1, 5, "en", &fig), ST_OK);
	}
	assert_int_equal(rows.n, 0);
}

/* The query plan of the prepared statement of f's connection whose text
 * holds needle (it must have run once), one detail per line. */
static void plan_of(struct fixture *f, const char *needle, char *out, size_t size)
{
	sqlite3 *h = db_sqlite(f->db);
	const char *sql = NULL;
	for (sqlite3_stmt *st = sqlite3_next_stmt(h, NULL); st && !sql; st = sqlite3_next_stmt(h, st))
		if (strstr(sqlite3_sql(st), needle))
			sql = sqlite3_sql(st);
	assert_non_null(sql);
	char explain[4096];
	snprintf(explain, sizeof explain, "EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, explain, -1, &st, NULL), SQLITE_OK);
	out[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t len = strlen(out);
		snprintf(out + len, size - len, "%s\n", (const char *)sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	if (getenv("SHOW_PLANS"))
		printf("-- %s\n%s", needle, out);
}

static void the_figures_use_their_indexes(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	struct psych_period p;
	assert_true(psych_period_parse("2026-04", &p));
	struct rows rows = { 0 };
	figures(f, "", "2026-04", 1);
	assert_int_equal(psych_figures_sessions(f->db, "", &p, PSYCH_BY_ACTIVITY, "en", collect_row, &rows), ST_OK);
	assert_int_equal(psych_figures_sessions(f->db, "", &p, PSYCH_BY_PARTNER, "en", collect_row, &rows), ST_OK);
	const char *needles[] = { "GROUP BY a.person_id", "total(CASE", "GROUP BY r.id ORDER BY r.position",
		                  "GROUP BY r.id ORDER BY r.id IS NULL" };
	for (size_t i = 0; i < sizeof needles / sizeof needles[0]; i++) {
		char plan[2048];
		plan_of(f, needles[i], plan, sizeof plan);
		assert_non_null(strstr(plan, "USING INDEX psych_session_by_centre (centre_id=? AND date>? AND date<?)"));
		assert_null(strstr(plan, "SCAN s"));
		assert_null(strstr(plan, "SCAN a"));
		assert_null(strstr(plan, "SCAN p"));
		assert_null(strstr(plan, "SCAN r"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(people_versus_attendances, setup, teardown),
		cmocka_unit_test_setup_teardown(community_members_apart, setup, teardown),
		cmocka_unit_test_setup_teardown(period_and_centre_bounds, setup, teardown),
		cmocka_unit_test_setup_teardown(sessions_by_activity_and_partner, setup, teardown),
		cmocka_unit_test_setup_teardown(roles_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(the_figures_use_their_indexes, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
