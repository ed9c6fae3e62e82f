/* The vocational training figures against a known data set: a person in
 * two courses counts once, community members by community_since (also
 * after they migrated), the sex and age group at the course start, the
 * rates, drop-out reasons and certificates, the period, centre and trade
 * bounds, the roles refused, and the query plans. */
#include "db/community.h"
#include "db/training_report.h"
#include "training_fixture.h"

/* A person at AGZ: a migrant registered at intake, or a community member
 * registered by the short registration. The training officer signs in
 * again. */
static long long someone(struct fixture *f, const char *family, const char *given, char sex, const char *birth,
                         bool estimated, bool community)
{
	sign_in(f, ROLE_INTAKE);
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = sex;
	snprintf(p.birth_date, sizeof p.birth_date, "%s", birth);
	p.birth_estimated = estimated;
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	if (community) {
		snprintf(p.locality, sizeof p.locality, "Agadez, quartier Dagmanet");
		assert_int_equal(community_register(f->db, &p), ST_OK);
	} else {
		snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
		snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
		assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	}
	sign_in(f, ROLE_TRAINING);
	return p.id;
}

/* A course of trade at centre from start to end, as the form makes it. */
static long long a_course(struct fixture *f, const char *centre, const char *trade, const char *start,
                          const char *end, const char *certificate)
{
	struct training_course c = course(f, 30);
	snprintf(c.centre_code, sizeof c.centre_code, "%s", centre);
	c.trade_id = ref_id(f, "training_trade", trade);
	snprintf(c.start_date, sizeof c.start_date, "%s", start);
	snprintf(c.end_date, sizeof c.end_date, "%s", end);
	snprintf(c.certificate, sizeof c.certificate, "%s", certificate);
	assert_int_equal(training_course_save(f->db, &c, NULL, NULL), ST_OK);
	return c.id;
}

/* An enrolment written straight in SQL (a known data set, independent of
 * the forms and their order of steps). */
static void put(struct fixture *f, long long course_id, long long person, const char *status, const char *reason,
                const char *followup)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db),
	                                    "INSERT INTO training_enrolment (course_id, person_id, status, waiting_since, "
	                                    "dropout_reason, toolkit_date, followup, followup_date) VALUES (?1, ?2, ?3, "
	                                    "CASE ?3 WHEN 'waiting' THEN '2026-01-01T00:00:00Z' END, ?4, "
	                                    "CASE WHEN ?3 IN ('completed', 'certified') THEN '2026-04-10' END, ?5, "
	                                    "CASE WHEN ?5 IS NOT NULL THEN '2026-07-10' END)",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_int64(st, 1, course_id);
	sqlite3_bind_int64(st, 2, person);
	sqlite3_bind_text(st, 3, status, -1, SQLITE_STATIC);
	if (reason)
		sqlite3_bind_text(st, 4, reason, -1, SQLITE_STATIC);
	if (followup)
		sqlite3_bind_text(st, 5, followup, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

static void exec_sql(struct fixture *f, const char *text)
{
	char *err = NULL;
	assert_int_equal(sqlite3_exec(db_sqlite(f->db), text, NULL, NULL, &err), SQLITE_OK);
	sqlite3_free(err);
}

#define LATER 1798675200   /* 2026-12-31 00:00 UTC */

struct data {
	long long weld, jewel, arl, winter, cancelled;
};

/* 2026 at AGZ: welding (March-April, official certificate), jewellery
 * (May-June, attendance certificate), a winter course from 2025 into
 * January 2026, a cancelled course; welding at Arlit in February. */
static struct data known_data(struct fixture *f)
{
	struct data d;
	d.weld = a_course(f, "AGZ", "welding", "2026-03-01", "2026-04-10", "official");
	d.jewel = a_course(f, "AGZ", "jewellery", "2026-05-01", "2026-06-30", "attendance");
	d.winter = a_course(f, "AGZ", "brick", "2025-11-01", "2026-01-15", "none");
	d.cancelled = a_course(f, "AGZ", "business", "2026-02-01", "2026-02-28", "none");
	d.arl = a_course(f, "ARL", "welding", "2026-02-01", "2026-03-01", "none");

	long long ali = someone(f, "Bello", "Ali", 'm', "1995-06-01", false, false);
	long long moussa = someone(f, "Diallo", "Moussa", 'm', "2008-03-10", false, false);   /* 18 on 10 March */
	long long awa = someone(f, "Sow", "Awa", 'f', "2008", true, true);      /* estimated: 1 January, 18 */
	long long fanta = someone(f, "Keita", "Fanta", 'f', "2008", false, true);   /* a known year: 1 July, 17 */
	long long zara = someone(f, "Issoufou", "Zara", 'f', "", false, true);
	long long idi = someone(f, "Garba", "Idi", 'm', "1985-01-01", false, true);   /* migrates later */
	long long omar = someone(f, "Hassan", "Omar", 'm', "1980-01-01", false, false);
	long long wait = someone(f, "Attente", "Sani", 'm', "1990-01-01", false, false);
	long long applied = someone(f, "Demande", "Hawa", 'f', "1990-01-01", false, true);

	/* Idi, a community member, arrives at the centre as a migrant. */
	sign_in(f, ROLE_INTAKE);
	assert_int_equal(community_arrive(f->db, idi, "AGZ", "2026-04-20", "self", NULL), ST_OK);
	sign_in(f, ROLE_TRAINING);

	put(f, d.weld, ali, "certified", NULL, "employed");
	put(f, d.jewel, ali, "completed", NULL, NULL);       /* Ali in two courses: one person */
	put(f, d.weld, moussa, "dropped_out", "returned", NULL);   /* 17 on 1 March: a boy */
	put(f, d.weld, awa, "enrolled", NULL, NULL);
	put(f, d.jewel, fanta, "certified", NULL, "self_employed");
	put(f, d.jewel, zara, "dropped_out", "work", NULL);
	put(f, d.weld, idi, "completed", NULL, "unemployed");
	put(f, d.weld, wait, "waiting", NULL, NULL);         /* no place: not counted */
	put(f, d.weld, applied, "applied", NULL, NULL);
	put(f, d.jewel, applied, "not_selected", NULL, NULL);
	put(f, d.winter, omar, "completed", NULL, NULL);
	put(f, d.cancelled, omar, "enrolled", NULL, NULL);
	put(f, d.arl, omar, "dropped_out", "illness", NULL);
	exec_sql(f, "UPDATE training_course SET status = 'cancelled', cancel_reason = 'No trainer' WHERE trade_id = "
	       "(SELECT id FROM ref_item WHERE list = 'training_trade' AND code = 'business')");
	clock_set(LATER);   /* the figures are read at the end of the year */
	return d;
}

static struct training_figures figures(struct fixture *f, const char *centre, const char *period, long long trade)
{
	struct training_period p;
	assert_true(training_period_parse(period, &p));
	struct training_figures fig;
	assert_int_equal(training_figures_get(f->db, centre, &p, trade, &fig), ST_OK);
	return fig;
}

static void people_once_community_apart(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	struct training_figures fig = figures(f, "AGZ", "2026", 0);
	assert_int_equal(fig.courses, 3);          /* welding, jewellery, winter; not the cancelled one */
	assert_int_equal(fig.participants, 7);     /* Ali once; Omar by the winter course */
	assert_int_equal(fig.community, 4);        /* Awa, Fanta, Zara, and Idi who migrated since */
	assert_int_equal(fig.people[TRAINING_MIGRANTS][TRAINING_MEN], 2);     /* Ali, Omar */
	assert_int_equal(fig.people[TRAINING_MIGRANTS][TRAINING_BOYS], 1);    /* Moussa, 17 at the start */
	assert_int_equal(fig.people[TRAINING_COMMUNITY][TRAINING_WOMEN], 1);  /* Awa: 1 January */
	assert_int_equal(fig.people[TRAINING_COMMUNITY][TRAINING_GIRLS], 1);  /* Fanta: 1 July */
	assert_int_equal(fig.people[TRAINING_COMMUNITY][TRAINING_UNKNOWN], 1);   /* Zara */
	assert_int_equal(fig.people[TRAINING_COMMUNITY][TRAINING_MEN], 1);    /* Idi */
	long sum = 0;
	for (int k = 0; k < TRAINING_KIND_COUNT_; k++)
		for (int g = 0; g < TRAINING_GROUP_COUNT_; g++)
			sum += fig.people[k][g];
	assert_int_equal(sum, fig.participants);

	/* Enrolments: one per person and course. */
	assert_int_equal(fig.enrolments, 8);
	assert_int_equal(fig.enrolments_community, 4);
	assert_int_equal(fig.completed, 5);        /* Ali twice, Fanta, Idi, Omar */
	assert_int_equal(fig.dropped, 2);
	assert_int_equal(fig.dropout[0], 1);       /* left on assisted return */
	assert_int_equal(fig.dropout[3], 1);       /* work */
	assert_int_equal(fig.cert_official, 1);
	assert_int_equal(fig.cert_attendance, 1);
	assert_int_equal(fig.toolkits, 5);
	assert_int_equal(fig.followup[0], 1);
	assert_int_equal(fig.followup[1], 1);
	assert_int_equal(fig.followup[2], 1);
	assert_int_equal(training_percent(fig.completed, fig.enrolments), 63);
	assert_int_equal(training_percent(fig.dropped, fig.enrolments), 25);
	assert_int_equal(training_percent(1, 0), -1);
}

static void period_centre_and_trade_bounds(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	assert_int_equal(figures(f, "", "2026", 0).participants, 7);   /* Omar at Arlit too: still once */
	assert_int_equal(figures(f, "", "2026", 0).courses, 4);
	assert_int_equal(figures(f, "", "2026", 0).dropout[2], 1);     /* illness, at Arlit */
	assert_int_equal(figures(f, "ARL", "2026", 0).participants, 1);
	assert_int_equal(figures(f, "AGZ", "2025", 0).participants, 1);   /* the winter course */
	assert_int_equal(figures(f, "AGZ", "2025", 0).courses, 1);
	assert_int_equal(figures(f, "AGZ", "2026-02", 0).courses, 0);
	struct training_figures april = figures(f, "AGZ", "2026-04", 0);
	assert_int_equal(april.courses, 1);
	assert_int_equal(april.participants, 4);
	assert_int_equal(figures(f, "AGZ", "2027", 0).participants, 0);
	long long jewellery = ref_id(f, "training_trade", "jewellery");
	struct training_figures j = figures(f, "AGZ", "2026", jewellery);
	assert_int_equal(j.courses, 1);
	assert_int_equal(j.participants, 3);
	assert_int_equal(j.community, 2);

	struct training_period p;
	const char *bad[] = { "2026-4", "2026-13", "2026-04-01", "", "avril" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(training_period_parse(bad[i], &p));
	assert_true(training_period_parse("2026", &p));
	struct training_figures fig;
	assert_int_equal(training_figures_get(f->db, "XYZ", &p, 0, &fig), ST_NOT_FOUND);
	assert_int_equal(training_figures_get(f->db, "AGZ", &p, ref_id(f, "partner", "implementing_ngo"), &fig),
	                 ST_NOT_FOUND);
	assert_int_equal(training_figures_get(f->db, "AGZ", &p, -1, &fig), ST_INVALID);
}

static void courses_not_started_yet(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	/* On 20 April, the jewellery course of May has not run yet. */
	clock_set(TODAY);
	struct training_figures fig = figures(f, "AGZ", "2026", 0);
	assert_int_equal(fig.courses, 2);
	assert_int_equal(fig.participants, 5);   /* Ali, Moussa, Awa, Idi; Omar in the winter */
	assert_int_equal(fig.community, 2);
	assert_int_equal(figures(f, "AGZ", "2026-06", 0).courses, 0);
	clock_set(LATER);
	assert_int_equal(figures(f, "AGZ", "2026-06", 0).courses, 1);
}

struct trades {
	int n;
	struct training_trade_row r[16];
};

static void collect_trade(const struct training_trade_row *r, void *ctx)
{
	struct trades *t = ctx;
	if (t->n < 16)
		t->r[t->n++] = *r;
}

static void by_trade(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	struct training_period p;
	assert_true(training_period_parse("2026", &p));
	struct trades t = { 0 };
	assert_int_equal(training_figures_trades(f->db, "", &p, 0, "fr", collect_trade, &t), ST_OK);
	assert_int_equal(t.n, 3);   /* in the list's order; the cancelled business course not at all */
	assert_string_equal(t.r[0].label, "Bijouterie touarègue");
	assert_int_equal(t.r[0].courses, 1);
	assert_int_equal(t.r[0].people, 3);
	assert_int_equal(t.r[0].community, 2);
	assert_int_equal(t.r[0].enrolments, 3);
	assert_int_equal(t.r[0].completed, 2);
	assert_int_equal(t.r[0].dropped, 1);
	assert_string_equal(t.r[1].label, "Production de briques");
	assert_int_equal(t.r[1].people, 1);
	assert_string_equal(t.r[2].label, "Soudure");
	assert_int_equal(t.r[2].courses, 2);
	assert_int_equal(t.r[2].people, 5);   /* Ali, Moussa, Awa, Idi at AGZ, Omar at Arlit */
	assert_int_equal(t.r[2].community, 2);
	assert_int_equal(t.r[2].enrolments, 5);
	assert_int_equal(t.r[2].completed, 2);
	assert_int_equal(t.r[2].dropped, 2);
	t.n = 0;
	assert_int_equal(training_figures_trades(f->db, "AGZ", &p, ref_id(f, "training_trade", "welding"), "en",
	                                         collect_trade, &t),
	                 ST_OK);
	assert_int_equal(t.n, 1);
	assert_string_equal(t.r[0].label, "Welding");
	assert_int_equal(t.r[0].people, 4);
}

static void roles_refused(void **state)
{
	struct fixture *f = *state;
	struct training_period p;
	assert_true(training_period_parse("2026", &p));
	struct training_figures fig;
	struct trades t = { 0 };
	const enum role refused[] = { ROLE_DISTRIBUTION, ROLE_INTAKE, ROLE_MEDICAL, ROLE_PSYCHOSOCIAL, ROLE_ADMIN };
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		sign_in(f, refused[i]);
		assert_int_equal(training_figures_get(f->db, "", &p, 0, &fig), ST_DENIED);
		assert_int_equal(training_figures_trades(f->db, "", &p, 0, "en", collect_trade, &t), ST_DENIED);
	}
	const enum role allowed[] = { ROLE_MANAGER, ROLE_TRAINING, ROLE_REINTEGRATION };
	for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
		sign_in(f, allowed[i]);
		assert_int_equal(training_figures_get(f->db, "", &p, 0, &fig), ST_OK);
		assert_int_equal(training_figures_trades(f->db, "", &p, 0, "en", collect_trade, &t), ST_OK);
	}
	assert_int_equal(t.n, 0);
}

static void the_figures_use_their_indexes(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	struct training_period p;
	assert_true(training_period_parse("2026", &p));
	struct trades t = { 0 };
	figures(f, "", "2026", 0);
	figures(f, "", "2026", ref_id(f, "training_trade", "welding"));
	assert_int_equal(training_figures_trades(f->db, "", &p, 0, "en", collect_trade, &t), ST_OK);
	const char *needles[] = { "SELECT count(*) FROM training_course c", "sum(e.toolkit_date IS NOT NULL)",
		                  "UNION ALL SELECT 'f'", "GROUP BY e.person_id", "WITH t AS" };
	for (size_t i = 0; i < sizeof needles / sizeof needles[0]; i++) {
		char plan[4096];
		plan_of(f, needles[i], plan, sizeof plan);
		assert_non_null(strstr(plan, "USING INDEX training_course_by_centre (centre_id=? AND start_date<?)"));
		/* Only the short list of centres and the trade's steps are scanned. */
		const char *scans[] = { "SCAN c\n", "SCAN e\n", "SCAN p\n", "SCAN r\n", "SCAN training_", "SCAN person" };
		for (size_t j = 0; j < sizeof scans / sizeof scans[0]; j++)
			assert_null(strstr(plan, scans[j]));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(people_once_community_apart, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(period_centre_and_trade_bounds, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(courses_not_started_yet, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(by_trade, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(roles_refused, tsetup, tteardown),
		cmocka_unit_test_setup_teardown(the_figures_use_their_indexes, tsetup, tteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
