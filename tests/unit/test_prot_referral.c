/* Referrals: consent to share required before a referral out is sent, in
 * the data layer with a clear message and by plain SQL through the
 * schema's trigger; the case's consent to referral refused blocks sending
 * and given is proposed; referrals in recorded as received; the status's
 * path; every role; version conflicts; the audit; the list by pages. */
#include "prot_traffic_fixture.h"

static struct prot_referral drafted(struct fixture *f, long long c, bool consent)
{
	struct prot_referral r;
	assert_int_equal(prot_referral_propose(f->db, c, "out", "2026-04-20", &r, NULL), ST_OK);
	snprintf(r.destination, sizeof r.destination, "unhcr");
	snprintf(r.organisation, sizeof r.organisation, "UNHCR Niamey");
	snprintf(r.reason, sizeof r.reason, "Asks for asylum.");
	if (consent) {
		r.consent = true;
		snprintf(r.consent_date, sizeof r.consent_date, "2026-04-18");
	}
	assert_int_equal(prot_referral_save(f->db, &r, NULL, NULL), ST_OK);
	return r;
}

static void consent_required_to_send(void **state)
{
	struct fixture *f = *state;
	long long c = prot_case_made(f, "Okafor");
	struct prot_referral r = drafted(f, c, false);
	assert_string_equal(r.status, "draft");
	long long rows = audit_rows(f);
	int v = r.version;
	const char *m = NULL;
	assert_int_equal(prot_referral_send(f->db, r.id, &v, "2026-04-20", &m), ST_INVALID);
	assert_string_equal(m, PROT_REF_NO_CONSENT_MSG);
	assert_int_equal(v, r.version);
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(one(f->db, "SELECT status = 'draft' AND sent_date IS NULL FROM prot_referral WHERE id = ?1", r.id),
	                 1);

	/* Plain SQL: the trigger refuses too. */
	assert_int_equal(exec1(f, "UPDATE prot_referral SET status = 'sent', sent_date = '2026-04-20' WHERE id = ?1", r.id),
	                 SQLITE_CONSTRAINT);
	assert_int_equal(exec1(f, "INSERT INTO prot_referral (case_id, direction, destination, reason, status, sent_date) "
	                          "VALUES (?1, 'out', 'hospital', 'x', 'sent', '2026-04-20')", c),
	                 SQLITE_CONSTRAINT);
	assert_int_equal(one(f->db, "SELECT count(*) FROM prot_referral WHERE status != 'draft'", 0), 0);

	/* With consent: sent, audited. */
	r.consent = true;
	snprintf(r.consent_date, sizeof r.consent_date, "2026-04-19");
	assert_int_equal(prot_referral_save(f->db, &r, NULL, NULL), ST_OK);
	v = r.version;
	assert_int_equal(prot_referral_send(f->db, r.id, &v, "2026-04-18", &m), ST_INVALID);   /* before consent */
	assert_int_equal(prot_referral_send(f->db, r.id, &v, "2026-04-20", &m), ST_OK);
	assert_int_equal(v, r.version + 1);
	char ch[2048];
	last_changes(f, "prot_referral", ch, sizeof ch);
	assert_non_null(strstr(ch, "\"status\": [\"draft\", \"sent\"]"));
	assert_int_equal(audited(f, "update", "prot_referral"), 2);   /* consent, then sent */
	/* Once sent, consent may not be taken back, in the data layer or by SQL. */
	struct prot_referral got;
	assert_int_equal(prot_referral_get(f->db, r.id, &got), ST_OK);
	got.consent = false;
	got.consent_date[0] = '\0';
	assert_int_equal(prot_referral_save(f->db, &got, &m, NULL), ST_INVALID);
	assert_int_equal(exec1(f, "UPDATE prot_referral SET consent = 0, consent_date = NULL WHERE id = ?1", r.id),
	                 SQLITE_CONSTRAINT);
	/* Sent twice: refused. */
	assert_int_equal(prot_referral_send(f->db, r.id, &v, "2026-04-20", &m), ST_INVALID);
}

static void case_consent_refused_or_given(void **state)
{
	struct fixture *f = *state;
	long long c = prot_case_made(f, "Okafor");
	struct prot_consent k = { .case_id = c, .given = false };
	snprintf(k.use, sizeof k.use, "referral");
	snprintf(k.date, sizeof k.date, "2026-04-15");
	assert_int_equal(prot_consent_save(f->db, &k, NULL), ST_OK);
	struct prot_referral r;
	const char *m = NULL;
	assert_int_equal(prot_referral_propose(f->db, c, "out", "2026-04-20", &r, &m), ST_OK);
	assert_non_null(m);
	assert_false(r.consent);
	/* Even with consent ticked on the referral, the refusal holds. */
	r = drafted(f, c, true);
	int v = r.version;
	assert_int_equal(prot_referral_send(f->db, r.id, &v, "2026-04-20", &m), ST_INVALID);
	assert_non_null(m);
	assert_string_not_equal(m, PROT_REF_NO_CONSENT_MSG);
	assert_int_equal(one(f->db, "SELECT status = 'draft' FROM prot_referral WHERE id = ?1", r.id), 1);
	/* Given: proposed with its day, and sending goes through. */
	k.given = true;
	assert_int_equal(prot_consent_save(f->db, &k, NULL), ST_OK);
	assert_int_equal(prot_referral_propose(f->db, c, "out", "2026-04-20", &r, &m), ST_OK);
	assert_null(m);
	assert_true(r.consent);
	assert_string_equal(r.consent_date, "2026-04-15");
	r = drafted(f, c, true);
	v = r.version;
	assert_int_equal(prot_referral_send(f->db, r.id, &v, "2026-04-20", &m), ST_OK);
}

static void referral_in_and_status_path(void **state)
{
	struct fixture *f = *state;
	long long c = prot_case_made(f, "Okafor");
	struct prot_referral in;
	assert_int_equal(prot_referral_propose(f->db, c, "in", "2026-04-19", &in, NULL), ST_OK);
	snprintf(in.destination, sizeof in.destination, "government");
	snprintf(in.organisation, sizeof in.organisation, "Agence nationale de lutte contre la traite");
	snprintf(in.reason, sizeof in.reason, "Presumed victim found in Arlit.");
	assert_int_equal(prot_referral_save(f->db, &in, NULL, NULL), ST_OK);
	assert_string_equal(in.status, "sent");
	assert_string_equal(in.sent_date, "2026-04-19");

	struct prot_referral r = drafted(f, c, true);
	int v = r.version;
	const char *m = NULL;
	assert_int_equal(prot_referral_set_status(f->db, r.id, &v, "accepted", &m), ST_INVALID);   /* a draft */
	assert_int_equal(prot_referral_send(f->db, r.id, &v, "2026-04-20", &m), ST_OK);
	assert_int_equal(prot_referral_set_status(f->db, r.id, &v, "done", &m), ST_INVALID);
	int stale = v;
	assert_int_equal(prot_referral_set_status(f->db, r.id, &v, "accepted", &m), ST_OK);
	assert_int_equal(prot_referral_set_status(f->db, r.id, &stale, "rejected", &m), ST_CONFLICT);
	struct prot_referral got;
	assert_int_equal(prot_referral_get(f->db, r.id, &got), ST_OK);
	snprintf(got.other_ref, sizeof got.other_ref, "NER-26C-01234");
	assert_int_equal(prot_referral_save(f->db, &got, NULL, NULL), ST_OK);
	assert_string_equal(got.status, "accepted");
	v = got.version;
	assert_int_equal(prot_referral_set_status(f->db, r.id, &v, "done", &m), ST_OK);
	assert_int_equal(prot_referral_set_status(f->db, r.id, &v, "withdrawn", &m), ST_INVALID);
	/* A stale form save. */
	got.version = 1;
	assert_int_equal(prot_referral_save(f->db, &got, NULL, NULL), ST_CONFLICT);
	assert_int_equal(got.version, 1);

	/* The rules: an empty reason, too long a reference. */
	struct prot_referral bad;
	prot_referral_init(&bad, c, "out", "2026-04-20");
	const char *field = NULL;
	assert_int_equal(prot_referral_save(f->db, &bad, &m, &field), ST_INVALID);
	assert_string_equal(field, "reason");
	snprintf(bad.reason, sizeof bad.reason, "x");
	memset(bad.other_ref, 'a', 61);
	bad.other_ref[61] = '\0';
	assert_int_equal(prot_referral_save(f->db, &bad, &m, &field), ST_INVALID);
	assert_string_equal(field, "other_ref");

	assert_int_equal(one(f->db, "SELECT count(*) FROM prot_referral WHERE case_id = ?1", c), 2);
}

static void collect(const struct prot_referral *r, void *ctx)
{
	long long *ids = ctx;
	ids[ids[0] + 1] = r->id;
	ids[0]++;
}

static void list_by_pages(void **state)
{
	struct fixture *f = *state;
	long long c = prot_case_made(f, "Okafor");
	long long made[3];
	for (int i = 0; i < 3; i++)
		made[i] = drafted(f, c, false).id;
	long long got[8] = { 0 };
	bool more = false;
	assert_int_equal(prot_referral_list(f->db, c, PAGE_AFTER, 0, 2, collect, got, &more), ST_OK);
	assert_int_equal(got[0], 2);
	assert_int_equal(got[1], made[2]);
	assert_int_equal(got[2], made[1]);
	assert_true(more);
	memset(got, 0, sizeof got);
	assert_int_equal(prot_referral_list(f->db, c, PAGE_AFTER, made[1], 2, collect, got, &more), ST_OK);
	assert_int_equal(got[0], 1);
	assert_int_equal(got[1], made[0]);
	assert_false(more);
	memset(got, 0, sizeof got);
	assert_int_equal(prot_referral_list(f->db, c, PAGE_BEFORE, made[0], 5, collect, got, &more), ST_OK);
	assert_int_equal(got[0], 2);
	assert_int_equal(got[1], made[2]);
	assert_int_equal(got[2], made[1]);
}

/* The end-to-end test's path (tests/e2e/test_prot_referral.c), as the
 * referrals screen and its form call the data layer: a referral to UNHCR
 * proposed and drafted without consent, sent today: refused with the
 * message, nothing changed; consent ticked on the form with today, sent. */
static void screen_path(void **state)
{
	struct fixture *f = *state;
	long long c = prot_case_made(f, "Hounkpatin");
	char today[11];
	clock_today_iso(today, sizeof today);
	struct prot_referral r;
	const char *m = NULL;
	assert_int_equal(prot_referral_propose(f->db, c, "out", today, &r, &m), ST_OK);
	assert_null(m);
	assert_false(r.consent);
	snprintf(r.destination, sizeof r.destination, "unhcr");
	snprintf(r.organisation, sizeof r.organisation, "UNHCR Niamey");
	snprintf(r.reason, sizeof r.reason, "Asks for asylum");
	assert_int_equal(prot_referral_save(f->db, &r, &m, NULL), ST_OK);
	int v = r.version;
	assert_int_equal(prot_referral_send(f->db, r.id, &v, today, &m), ST_INVALID);
	assert_string_equal(m, PROT_REF_NO_CONSENT_MSG);
	assert_int_equal(one(f->db, "SELECT status = 'draft' AND sent_date IS NULL AND version = 1 FROM prot_referral "
	                            "WHERE id = ?1", r.id), 1);
	struct prot_referral got;
	assert_int_equal(prot_referral_get(f->db, r.id, &got), ST_OK);
	got.consent = true;
	snprintf(got.consent_date, sizeof got.consent_date, "%s", today);
	assert_int_equal(prot_referral_save(f->db, &got, &m, NULL), ST_OK);
	v = got.version;
	assert_int_equal(prot_referral_send(f->db, r.id, &v, today, &m), ST_OK);
	assert_int_equal(one(f->db, "SELECT status = 'sent' AND consent = 1 AND destination = 'unhcr' FROM prot_referral "
	                            "WHERE id = ?1", r.id), 1);
}

static void roles(void **state)
{
	struct fixture *f = *state;
	long long c = prot_case_made(f, "Okafor");
	struct prot_referral r = drafted(f, c, true), s = drafted(f, c, true);
	for (int role = 0; role < ROLE_COUNT_; role++) {
		sign_in(f, (enum role)role);
		bool reads = role == ROLE_MANAGER || role == ROLE_PROTECTION;
		struct prot_referral got, w = r;
		const char *m = NULL;
		assert_int_equal(prot_referral_get(f->db, r.id, &got), reads ? ST_OK : ST_DENIED);
		assert_int_equal(prot_referral_list(f->db, c, PAGE_AFTER, 0, 5, NULL, NULL, NULL), reads ? ST_OK : ST_DENIED);
		assert_int_equal(prot_referral_propose(f->db, c, "out", "2026-04-20", &got, &m), reads ? ST_OK : ST_DENIED);
		if (role == ROLE_PROTECTION)
			continue;
		assert_int_equal(prot_referral_save(f->db, &w, &m, NULL), ST_DENIED);
		w.id = 0;
		assert_int_equal(prot_referral_save(f->db, &w, &m, NULL), ST_DENIED);
		int v = r.version;
		assert_int_equal(prot_referral_send(f->db, r.id, &v, "2026-04-20", &m), ST_DENIED);
		v = s.version;
		assert_int_equal(prot_referral_set_status(f->db, s.id, &v, "withdrawn", &m), ST_DENIED);
	}
	assert_int_equal(one(f->db, "SELECT count(*) FROM prot_referral WHERE status = 'draft' AND version = 1", 0), 2);
	assert_int_equal(one(f->db, "SELECT count(*) FROM prot_referral", 0), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(consent_required_to_send, psetup, tteardown),
		cmocka_unit_test_setup_teardown(case_consent_refused_or_given, psetup, tteardown),
		cmocka_unit_test_setup_teardown(referral_in_and_status_path, psetup, tteardown),
		cmocka_unit_test_setup_teardown(list_by_pages, psetup, tteardown),
		cmocka_unit_test_setup_teardown(screen_path, psetup, tteardown),
		cmocka_unit_test_setup_teardown(roles, psetup, tteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
