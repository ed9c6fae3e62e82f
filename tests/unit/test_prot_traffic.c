/* Victims of trafficking and consents: every role for every function, a
 * record with its sets saved in one transaction and audited before and
 * after, the rules refused with nothing written, version conflicts, the
 * openings audited, consents per use. */
#include "prot_traffic_fixture.h"

static struct prot_traf victim(long long case_id)
{
	struct prot_traf t;
	prot_traf_init(&t, case_id, "2026-04-10");
	snprintf(t.identification, sizeof t.identification, "identified");
	snprintf(t.identified_by, sizeof t.identified_by, "national_agency");
	snprintf(t.recruiter, sizeof t.recruiter, "friend");
	snprintf(t.recruitment, sizeof t.recruitment, "Promised work in a garage in Agadez.");
	snprintf(t.places, sizeof t.places, "Agadez, then Arlit.");
	t.n_control = 2;
	snprintf(t.control[0], sizeof t.control[0], "debt_bondage");
	snprintf(t.control[1], sizeof t.control[1], "withholds_documents");
	t.n_exploit = 2;
	snprintf(t.exploit[0].form, sizeof t.exploit[0].form, "forced_labour");
	snprintf(t.exploit[0].sector, sizeof t.exploit[0].sector, "mining");
	snprintf(t.exploit[1].form, sizeof t.exploit[1].form, "begging");
	t.n_country = 2;
	snprintf(t.country[0].country, sizeof t.country[0].country, "NGA");
	snprintf(t.country[0].role, sizeof t.country[0].role, "origin");
	snprintf(t.country[1].country, sizeof t.country[1].country, "NER");
	snprintf(t.country[1].role, sizeof t.country[1].role, "exploitation");
	t.n_assist = 1;
	snprintf(t.assist[0].kind, sizeof t.assist[0].kind, "shelter");
	snprintf(t.assist[0].date, sizeof t.assist[0].date, "2026-04-11");
	return t;
}

static void record_with_sets_audited(void **state)
{
	struct fixture *f = *state;
	long long c = prot_case_made(f, "Okafor");
	struct prot_traf t = victim(c), got;
	assert_int_equal(prot_traf_get(f->db, c, &got), ST_NOT_FOUND);
	assert_int_equal(prot_traf_save(f->db, &t, NULL, NULL), ST_OK);
	assert_true(t.id > 0);
	assert_int_equal(t.version, 1);
	char ch[4096];
	last_changes(f, "prot_trafficking", ch, sizeof ch);
	assert_non_null(strstr(ch, "\"control\": \"debt_bondage,withholds_documents\""));
	assert_non_null(strstr(ch, "forced_labour:mining"));
	assert_non_null(strstr(ch, "NGA:origin"));

	long long views = audited(f, "view", "prot_trafficking");
	assert_int_equal(prot_traf_get(f->db, c, &got), ST_OK);
	assert_int_equal(audited(f, "view", "prot_trafficking"), views + 1);
	assert_string_equal(got.identification, "identified");
	assert_string_equal(got.recruitment, "Promised work in a garage in Agadez.");
	assert_int_equal(got.n_control, 2);
	assert_int_equal(got.n_exploit, 2);
	assert_int_equal(got.n_country, 2);
	assert_int_equal(got.n_assist, 1);
	assert_string_equal(got.assist[0].date, "2026-04-11");

	/* Sets changed: the rows follow, the audit row has before and after. */
	got.n_control = 1;
	snprintf(got.control[0], sizeof got.control[0], "threats");
	got.n_exploit = 0;
	got.n_assist = 2;
	snprintf(got.assist[1].kind, sizeof got.assist[1].kind, "medical");
	snprintf(got.assist[1].date, sizeof got.assist[1].date, "2026-04-12");
	snprintf(got.assist[1].note, sizeof got.assist[1].note, "Hospital of Agadez");
	snprintf(got.legal_status, sizeof got.legal_status, "complaint");
	assert_int_equal(prot_traf_save(f->db, &got, NULL, NULL), ST_OK);
	assert_int_equal(got.version, 2);
	last_changes(f, "prot_trafficking", ch, sizeof ch);
	assert_non_null(strstr(ch, "\"control\": [\"debt_bondage,withholds_documents\", \"threats\"]"));
	assert_non_null(strstr(ch, "\"legal_status\": [\"none\", \"complaint\"]"));
	assert_non_null(strstr(ch, "\"exploitation\": [\"begging,forced_labour:mining\", \"\"]"));
	assert_int_equal(one(f->db, "SELECT count(*) FROM prot_trafficking_control WHERE trafficking_id = ?1", t.id), 1);
	assert_int_equal(one(f->db, "SELECT count(*) FROM prot_trafficking_exploitation WHERE trafficking_id = ?1", t.id),
	                 0);
	assert_int_equal(one(f->db, "SELECT count(*) FROM prot_trafficking_assistance WHERE trafficking_id = ?1", t.id), 2);

	/* Saved at the old version: a conflict, nothing changes. */
	struct prot_traf stale = t;
	snprintf(stale.places, sizeof stale.places, "Niamey");
	long long rows = audit_rows(f);
	assert_int_equal(prot_traf_save(f->db, &stale, NULL, NULL), ST_CONFLICT);
	assert_int_equal(stale.version, 1);
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(one(f->db, "SELECT count(*) FROM prot_trafficking_control WHERE trafficking_id = ?1", t.id), 1);

	/* A second record of the same case. */
	struct prot_traf again = victim(c);
	const char *m = NULL;
	assert_int_equal(prot_traf_save(f->db, &again, &m, NULL), ST_DUPLICATE);
	assert_non_null(m);
	assert_int_equal(again.id, 0);
}

static void rules_refused_nothing_written(void **state)
{
	struct fixture *f = *state;
	long long c = prot_case_made(f, "Okafor");
	static const char *const fields[] = { "identification", "identified_by", "identified_date", "identified_date",
		"recruiter", "recruitment", "legal_status", "control", "control", "exploitation", "exploitation",
		"country", "country", "assistance", "assistance", "case_id", "places" };
	long long rows = audit_rows(f);
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		struct prot_traf t = victim(c);
		switch (i) {
		case 0: snprintf(t.identification, sizeof t.identification, "maybe"); break;
		case 1: snprintf(t.identified_by, sizeof t.identified_by, "army"); break;
		case 2: snprintf(t.identified_date, sizeof t.identified_date, "2026-04-21"); break;
		case 3: snprintf(t.identified_date, sizeof t.identified_date, "2026-02-30"); break;
		case 4: snprintf(t.recruiter, sizeof t.recruiter, "cousin"); break;
		case 5: memset(t.recruitment, 'a', 501); t.recruitment[501] = '\0'; break;
		case 6: snprintf(t.legal_status, sizeof t.legal_status, "trial"); break;
		case 7: snprintf(t.control[1], sizeof t.control[1], "debt_bondage"); break;
		case 8: snprintf(t.control[1], sizeof t.control[1], "magic"); break;
		case 9: t.exploit[0].sector[0] = '\0'; break;
		case 10: snprintf(t.exploit[1].sector, sizeof t.exploit[1].sector, "mining"); break;
		case 11: snprintf(t.country[1].country, sizeof t.country[1].country, "ZZZ"); break;
		case 12: snprintf(t.country[1].role, sizeof t.country[1].role, "home"); break;
		case 13: snprintf(t.assist[0].date, sizeof t.assist[0].date, "2027-01-01"); break;
		case 14: snprintf(t.assist[0].kind, sizeof t.assist[0].kind, "cash"); break;
		case 15: t.case_id = 9999; break;
		case 16: snprintf(t.places, sizeof t.places, "a\x1b[2Jb"); break;
		}
		const char *m = NULL, *field = NULL;
		assert_int_equal(prot_traf_save(f->db, &t, &m, &field), ST_INVALID);
		assert_non_null(m);
		assert_string_equal(field, fields[i]);
		assert_int_equal(t.id, 0);
	}
	assert_int_equal(one(f->db, "SELECT count(*) FROM prot_trafficking", 0), 0);
	assert_int_equal(one(f->db, "SELECT count(*) FROM prot_trafficking_control", 0), 0);
	assert_int_equal(audit_rows(f), rows);
}

static void roles(void **state)
{
	struct fixture *f = *state;
	long long c = prot_case_made(f, "Okafor");
	struct prot_traf t = victim(c);
	assert_int_equal(prot_traf_save(f->db, &t, NULL, NULL), ST_OK);
	struct prot_consent k = { .case_id = c, .given = true };
	snprintf(k.use, sizeof k.use, "referral");
	snprintf(k.date, sizeof k.date, "2026-04-10");
	assert_int_equal(prot_consent_save(f->db, &k, NULL), ST_OK);
	for (int r = 0; r < ROLE_COUNT_; r++) {
		sign_in(f, (enum role)r);
		bool reads = r == ROLE_MANAGER || r == ROLE_PROTECTION;
		bool writes = r == ROLE_PROTECTION;
		struct prot_traf got, w = victim(c);
		struct prot_consent list[8], one_c, nk = k;
		int n = 8;
		assert_int_equal(prot_traf_get(f->db, c, &got), reads ? ST_OK : ST_DENIED);
		assert_int_equal(prot_consent_list(f->db, c, list, &n), reads ? ST_OK : ST_DENIED);
		assert_int_equal(prot_consent_of(f->db, c, "referral", &one_c), reads ? ST_OK : ST_DENIED);
		if (!writes) {
			w.id = t.id;
			w.version = t.version;
			assert_int_equal(prot_traf_save(f->db, &w, NULL, NULL), ST_DENIED);
			nk.given = false;
			assert_int_equal(prot_consent_save(f->db, &nk, NULL), ST_DENIED);
		}
	}
	assert_int_equal(one(f->db, "SELECT version FROM prot_trafficking WHERE id = ?1", t.id), 1);
	assert_int_equal(one(f->db, "SELECT given FROM prot_consent WHERE id = ?1", k.id), 1);
}

static void consents_per_use(void **state)
{
	struct fixture *f = *state;
	long long c = prot_case_made(f, "Okafor");
	struct prot_consent list[8];
	int n = 8;
	assert_int_equal(prot_consent_list(f->db, c, list, &n), ST_OK);
	assert_int_equal(n, 6);
	for (int i = 0; i < n; i++)
		assert_int_equal(list[i].id, 0);
	assert_int_equal(audited(f, "view", "prot_consent"), 1);

	struct prot_consent k = { .case_id = c, .given = false };
	snprintf(k.use, sizeof k.use, "referral");
	snprintf(k.date, sizeof k.date, "2026-04-10");
	assert_int_equal(prot_consent_save(f->db, &k, NULL), ST_OK);
	assert_int_equal(k.version, 1);
	assert_true(k.recorded_by > 0);
	char ch[1024];
	last_changes(f, "prot_consent", ch, sizeof ch);
	assert_non_null(strstr(ch, "\"given\": 0"));

	/* Recorded twice: refused; changed: audited before and after. */
	struct prot_consent twice = k;
	twice.id = 0;
	const char *m = NULL;
	assert_int_equal(prot_consent_save(f->db, &twice, &m), ST_DUPLICATE);
	assert_non_null(m);
	struct prot_consent stale = k;
	k.given = true;
	snprintf(k.date, sizeof k.date, "2026-04-15");
	assert_int_equal(prot_consent_save(f->db, &k, NULL), ST_OK);
	assert_int_equal(k.version, 2);
	last_changes(f, "prot_consent", ch, sizeof ch);
	assert_non_null(strstr(ch, "\"given\": [0, 1]"));
	assert_non_null(strstr(ch, "\"date\": [\"2026-04-10\", \"2026-04-15\"]"));
	stale.given = true;
	assert_int_equal(prot_consent_save(f->db, &stale, NULL), ST_CONFLICT);
	assert_int_equal(stale.version, 1);

	/* The rules. */
	struct prot_consent bad = { .case_id = c, .given = true };
	snprintf(bad.use, sizeof bad.use, "gossip");
	snprintf(bad.date, sizeof bad.date, "2026-04-10");
	assert_int_equal(prot_consent_save(f->db, &bad, &m), ST_INVALID);
	snprintf(bad.use, sizeof bad.use, "statistics");
	snprintf(bad.date, sizeof bad.date, "2026-04-21");
	assert_int_equal(prot_consent_save(f->db, &bad, &m), ST_INVALID);
	bad.case_id = 9999;
	snprintf(bad.date, sizeof bad.date, "2026-04-20");
	assert_int_equal(prot_consent_save(f->db, &bad, &m), ST_INVALID);

	n = 8;
	assert_int_equal(prot_consent_list(f->db, c, list, &n), ST_OK);
	int at = vocab_index(VOCAB_PROT_CONSENT_USE, "referral");
	assert_true(list[at].given);
	assert_int_equal(list[at].id, k.id);
	n = 8;
	assert_int_equal(prot_consent_list(f->db, 9999, list, &n), ST_NOT_FOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(record_with_sets_audited, psetup, tteardown),
		cmocka_unit_test_setup_teardown(rules_refused_nothing_written, psetup, tteardown),
		cmocka_unit_test_setup_teardown(roles, psetup, tteardown),
		cmocka_unit_test_setup_teardown(consents_per_use, psetup, tteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
