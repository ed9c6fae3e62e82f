/* The protection figures against a known data set written straight in
 * SQL: children assisted by a case or a stay (a person with two cases
 * once; flagged or under 18), victims by sex and child or adult with
 * their reintegration support, referrals by destination and status,
 * returns by country, sex and age group at departure (a person who left
 * twice once); the period and centre bounds, the groups of age, and the
 * roles refused. */
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/prot_report.h"
#include "psych_report_fixture.h"

static void exec_sql(struct fixture *f, const char *text)
{
	char *err = NULL;
	if (sqlite3_exec(db_sqlite(f->db), text, NULL, NULL, &err) != SQLITE_OK)
		print_error("%s\n", err);
	assert_null(err);
}

#define ZIN "(SELECT id FROM centre WHERE code = 'ZIN')"
#define AGZ "(SELECT id FROM centre WHERE code = 'AGZ')"

static void known_data(struct fixture *f)
{
	exec_sql(f,
	         "INSERT INTO person (id, case_key, family_name, given_names, sex, birth_date, nationality, arrival_date, "
	         "centre_id, arrival_mode, consent_data, consent_share, consent_date, created_at) "
	         "SELECT 100 + n, 'KEY' || n, 'Family', 'Given', sex, birth, nat, '2025-01-01', " ZIN ", 'rescue', 1, 0, "
	         "'2025-01-01', '2025-01-01T00:00:00Z' FROM (SELECT 1 AS n, 'm' AS sex, '2012-01-01' AS birth, 'NGA' AS nat "
	         "UNION ALL SELECT 2, 'f', '2011-05-05', 'NGA' UNION ALL SELECT 3, 'f', '2015-01-01', 'NGA' "
	         "UNION ALL SELECT 4, 'm', '2010-06-01', 'NGA' UNION ALL SELECT 5, 'm', '1990-01-01', 'NGA' "
	         "UNION ALL SELECT 6, 'f', '2012-01-01', 'NGA' UNION ALL SELECT 7, 'm', '2013-01-01', 'MLI' "
	         "UNION ALL SELECT 8, 'f', '1995-01-01', 'NGA' UNION ALL SELECT 9, 'f', '2009-01-01', 'NGA' "
	         "UNION ALL SELECT 10, 'm', '1992-01-01', 'NGA' UNION ALL SELECT 11, 'm', '2000-03-01', 'NGA' "
	         "UNION ALL SELECT 12, 'f', '2022-06-01', 'NGA' UNION ALL SELECT 13, 'm', '2008-01-01', 'MLI' "
	         "UNION ALL SELECT 14, 'f', '1960-01-01', 'MLI' UNION ALL SELECT 15, 'm', '1980-01-01', 'NGA' "
	         "UNION ALL SELECT 16, 'm', '1985-01-01', 'NGA' UNION ALL SELECT 17, 'x', NULL, 'NGA');"
	         "INSERT INTO person_flag (person_id, flag) VALUES (101, 'unaccompanied_child'), "
	         "(102, 'separated_child'), (103, 'accompanied_child'), (106, 'unaccompanied_child'), "
	         "(107, 'unaccompanied_child');"
	         "INSERT INTO stay (person_id, centre_id, admitted, departed, departure_reason) VALUES "
	         "(103, " ZIN ", '2026-03-01', NULL, NULL), (106, " ZIN ", '2025-11-01', '2025-12-20', 'continued');"
	         /* Cases: 201..; p4 has two, each with a victim's record. */
	         "INSERT INTO prot_case (id, person_id, centre_id, opened, risk, status, close_reason, closed_date) VALUES "
	         "(201, 101, " ZIN ", '2026-02-01', 'high', 'open', NULL, NULL), "
	         "(202, 102, " ZIN ", '2025-10-01', 'high', 'closed', 'reunified', '2026-01-10'), "
	         "(203, 104, " ZIN ", '2026-01-05', 'high', 'closed', 'needs_met', '2026-03-01'), "
	         "(204, 104, " ZIN ", '2026-04-01', 'high', 'open', NULL, NULL), "
	         "(205, 105, " ZIN ", '2026-01-20', 'medium', 'open', NULL, NULL), "
	         "(206, 106, " ZIN ", '2025-11-01', 'high', 'closed', 'moved_on', '2025-12-20'), "
	         "(207, 107, " AGZ ", '2026-02-01', 'high', 'open', NULL, NULL), "
	         "(208, 108, " ZIN ", '2026-05-01', 'high', 'open', NULL, NULL), "
	         "(209, 109, " ZIN ", '2026-03-01', 'high', 'open', NULL, NULL), "
	         "(210, 110, " ZIN ", '2025-01-01', 'high', 'closed', 'moved_on', '2025-06-01');"
	         "INSERT INTO prot_trafficking (id, case_id, identification, identified_by, identified_date, recruiter, "
	         "legal_status) VALUES (301, 203, 'presumed', 'staff', '2026-01-05', 'friend', 'none'), "
	         "(302, 204, 'identified', 'police', '2026-04-01', 'friend', 'none'), "
	         "(303, 205, 'identified', 'police', '2026-02-01', 'employer', 'complaint'), "
	         "(304, 208, 'identified', 'ngo', '2026-05-01', 'stranger', 'none'), "
	         "(305, 209, 'presumed', 'staff', '2026-03-01', 'family', 'none'), "
	         "(306, 210, 'identified', 'police', '2025-01-01', 'unknown', 'none');"
	         "INSERT INTO prot_trafficking_assistance (trafficking_id, kind, date) VALUES "
	         "(303, 'reintegration', '2026-06-01'), (304, 'reintegration', '2027-01-05'), (305, 'shelter', '2026-03-01');"
	         "INSERT INTO prot_referral (case_id, direction, destination, reason, consent, consent_date, status, "
	         "sent_date) VALUES (201, 'out', 'unhcr', 'Asylum', 1, '2026-02-01', 'accepted', '2026-02-10'), "
	         "(201, 'out', 'hospital', 'Care', 1, '2026-02-01', 'done', '2026-03-01'), "
	         "(201, 'out', 'legal_aid', 'Advice', 0, NULL, 'draft', NULL), "
	         "(205, 'out', 'unhcr', 'Asylum', 1, '2025-11-01', 'sent', '2025-12-01'), "
	         "(205, 'in', 'partner_ngo', 'Found', 0, NULL, 'accepted', '2026-02-02'), "
	         "(207, 'out', 'hospital', 'Care', 1, '2026-05-01', 'sent', '2026-05-01');"
	         "INSERT INTO prot_return (person_id, centre_id, requested_date, country, status, approved_at, "
	         "approved_by, departure_date, arrival_date) VALUES "
	         "(111, " ZIN ", '2026-02-01', 'NGA', 'arrived', '2026-02-10', 1, '2026-03-10', '2026-03-11'), "
	         "(112, " ZIN ", '2026-04-01', 'NGA', 'departed', '2026-04-10', 1, '2026-05-01', NULL), "
	         "(113, " ZIN ", '2026-05-01', 'MLI', 'arrived', '2026-05-10', 1, '2026-06-01', '2026-06-03'), "
	         "(113, " ZIN ", '2026-08-01', 'MLI', 'departed', '2026-08-10', 1, '2026-09-01', NULL), "
	         "(114, " ZIN ", '2026-01-10', 'MLI', 'departed', '2026-01-20', 1, '2026-02-01', NULL), "
	         "(115, " ZIN ", '2025-12-01', 'NGA', 'departed', '2025-12-10', 1, '2025-12-31', NULL), "
	         "(116, " ZIN ", '2026-06-01', 'NGA', 'approved', '2026-06-10', 1, NULL, NULL), "
	         "(117, " ZIN ", '2026-06-01', 'NGA', 'arrived', '2026-06-10', 1, '2026-07-01', '2026-07-02');");
}

static enum status figures(struct fixture *f, const char *centre, const char *period, struct prot_figures *out)
{
	struct prot_period p;
	assert_true(prot_period_parse(period, &p));
	return prot_figures_get(f->db, centre, &p, out);
}

static void children_and_victims(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	sign_in(f, ROLE_MANAGER);
	struct prot_figures fig;
	assert_int_equal(figures(f, "ZIN", "2026", &fig), ST_OK);
	assert_int_equal(fig.children_total, 5);
	assert_int_equal(fig.children[PROT_UNACCOMPANIED][PROT_MALE], 1);
	assert_int_equal(fig.children[PROT_UNACCOMPANIED][PROT_FEMALE], 1);
	assert_int_equal(fig.children[PROT_ACCOMPANIED][PROT_MALE], 1);    /* by age, two cases, once */
	/* Flagged and staying; and the victim of 17 with a case. */
	assert_int_equal(fig.children[PROT_ACCOMPANIED][PROT_FEMALE], 2);
	assert_int_equal(fig.victims_total, 4);
	assert_int_equal(fig.victims_male, 2);
	assert_int_equal(fig.victims_female, 2);
	assert_int_equal(fig.victims[PROT_BOYS], 1);
	assert_int_equal(fig.victims[PROT_GIRLS], 1);
	assert_int_equal(fig.victims[PROT_MEN], 1);
	assert_int_equal(fig.victims[PROT_WOMEN], 1);
	assert_int_equal(fig.victims_reintegration, 1);   /* the other's support after the period */
	/* All centres: the child at Agadez too. */
	assert_int_equal(figures(f, "", "2026", &fig), ST_OK);
	assert_int_equal(fig.children_total, 6);
	assert_int_equal(fig.children[PROT_UNACCOMPANIED][PROT_MALE], 2);
	/* 2025: the separated girl, the one who left, the victim of 2025. */
	assert_int_equal(figures(f, "ZIN", "2025", &fig), ST_OK);
	assert_int_equal(fig.children_total, 2);
	assert_int_equal(fig.victims_total, 1);
	assert_int_equal(fig.victims[PROT_MEN], 1);
	/* A month. */
	assert_int_equal(figures(f, "ZIN", "2026-03", &fig), ST_OK);
	assert_int_equal(fig.victims_total, 3);   /* p4 (first case), p5, p9 */
}

static void referrals(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	sign_in(f, ROLE_PROTECTION);
	struct prot_figures fig;
	int unhcr = vocab_index(VOCAB_PROT_REFERRAL_DESTINATION, "unhcr");
	int hospital = vocab_index(VOCAB_PROT_REFERRAL_DESTINATION, "hospital");
	int ngo = vocab_index(VOCAB_PROT_REFERRAL_DESTINATION, "partner_ngo");
	assert_int_equal(figures(f, "ZIN", "2026", &fig), ST_OK);
	assert_int_equal(fig.referrals_total, 3);
	assert_int_equal(fig.referrals_people, 2);
	assert_int_equal(fig.referrals_out[unhcr], 1);
	assert_int_equal(fig.referrals_out[hospital], 1);
	assert_int_equal(fig.referrals_in[ngo], 1);
	assert_int_equal(fig.referrals_status[vocab_index(VOCAB_PROT_REFERRAL_STATUS, "accepted")], 2);
	assert_int_equal(fig.referrals_status[vocab_index(VOCAB_PROT_REFERRAL_STATUS, "done")], 1);
	assert_int_equal(fig.referrals_status[vocab_index(VOCAB_PROT_REFERRAL_STATUS, "draft")], 0);
	assert_int_equal(figures(f, "", "2026", &fig), ST_OK);
	assert_int_equal(fig.referrals_total, 4);
	assert_int_equal(fig.referrals_out[hospital], 2);
}

struct countries {
	int n;
	struct prot_country_row rows[4];
};

static void take(const struct prot_country_row *r, void *ctx)
{
	struct countries *c = ctx;
	if (c->n < 4)
		c->rows[c->n++] = *r;
}

static void returns(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	sign_in(f, ROLE_MANAGER);
	struct prot_figures fig;
	assert_int_equal(figures(f, "ZIN", "2026", &fig), ST_OK);
	assert_int_equal(fig.returns_total, 5);
	assert_int_equal(fig.returns[PROT_MALE][PROT_AGE_25_59], 1);
	assert_int_equal(fig.returns[PROT_MALE][PROT_AGE_18_24], 1);   /* left twice, once */
	assert_int_equal(fig.returns[PROT_FEMALE][PROT_AGE_0_4], 1);
	assert_int_equal(fig.returns[PROT_FEMALE][PROT_AGE_60_UP], 1);
	assert_int_equal(fig.returns[PROT_SEX_UNKNOWN][PROT_AGE_UNKNOWN], 1);
	struct countries c = { 0 };
	struct prot_period p;
	assert_true(prot_period_parse("2026", &p));
	assert_int_equal(prot_figures_countries(f->db, "ZIN", &p, "en", take, &c), ST_OK);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.rows[0].country, "MLI");
	assert_int_equal(c.rows[0].people, 2);
	assert_int_equal(c.rows[0].female, 1);
	assert_int_equal(c.rows[0].male, 1);
	assert_string_equal(c.rows[1].country, "NGA");
	assert_int_equal(c.rows[1].people, 3);
	assert_int_equal(c.rows[1].female, 1);
	assert_int_equal(c.rows[1].male, 1);
	assert_int_equal(figures(f, "ZIN", "2026-03", &fig), ST_OK);
	assert_int_equal(fig.returns_total, 1);
	assert_int_equal(figures(f, "AGZ", "2026", &fig), ST_OK);
	assert_int_equal(fig.returns_total, 0);
}

static void age_groups(void **state)
{
	(void)state;
	static const int years[] = { -1, 0, 4, 5, 11, 12, 14, 15, 17, 18, 24, 25, 59, 60, 99 };
	static const int group[] = { PROT_AGE_UNKNOWN, PROT_AGE_0_4, PROT_AGE_0_4, PROT_AGE_5_11, PROT_AGE_5_11,
		                     PROT_AGE_12_14, PROT_AGE_12_14, PROT_AGE_15_17, PROT_AGE_15_17, PROT_AGE_18_24,
		                     PROT_AGE_18_24, PROT_AGE_25_59, PROT_AGE_25_59, PROT_AGE_60_UP, PROT_AGE_60_UP };
	for (unsigned i = 0; i < sizeof years / sizeof years[0]; i++)
		assert_int_equal(prot_age_group(years[i]), group[i]);
}

static void refusals(void **state)
{
	struct fixture *f = *state;
	struct prot_figures fig;
	struct prot_period p;
	assert_true(prot_period_parse("2026", &p));
	static const enum role refused[] = { ROLE_INTAKE, ROLE_MEDICAL, ROLE_PSYCHOSOCIAL, ROLE_TRAINING,
		                             ROLE_REINTEGRATION, ROLE_DISTRIBUTION };
	for (unsigned i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		sign_in(f, refused[i]);
		assert_int_equal(prot_figures_get(f->db, "", &p, &fig), ST_DENIED);
		assert_int_equal(prot_figures_countries(f->db, "", &p, "en", NULL, NULL), ST_DENIED);
	}
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(prot_figures_get(f->db, "XXX", &p, &fig), ST_NOT_FOUND);
	struct prot_period bad = { "2026-02-01", "2026-01-01" };
	assert_int_equal(prot_figures_get(f->db, "", &bad, &fig), ST_INVALID);
	assert_false(prot_period_parse("26", &p));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(children_and_victims, setup, teardown),
		cmocka_unit_test_setup_teardown(referrals, setup, teardown),
		cmocka_unit_test_setup_teardown(returns, setup, teardown),
		cmocka_unit_test(age_groups),
		cmocka_unit_test_setup_teardown(refusals, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
