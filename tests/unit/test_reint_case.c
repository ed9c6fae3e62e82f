/* Reintegration cases: the defaults proposed from an assisted return,
 * every rule refused with nothing written, a community member and a second
 * open case refused with a clear message, the roles, editing with its
 * version, closing with a reason, monitoring, the audit of each field,
 * the list and the case file's line. */
#include "reint_fixture.h"
#include "db/reflist.h"
#include "ui/module.h"

static void defaults_from_assisted_return(void **state)
{
	struct fixture *f = *state;
	long long p = returnee(f, "Keita", "Moussa");
	struct reint_case c;
	const char *m = NULL;
	assert_int_equal(reint_case_propose(f->db, p, 7, "AGZ", &c, &m), ST_OK);
	assert_null(m);
	assert_string_equal(c.return_kind, "avr");
	assert_string_equal(c.return_date, "2026-04-01");
	assert_string_equal(c.country, "MLI");
	assert_string_equal(c.centre_code, "AGZ");
	assert_string_equal(c.status, "open");
	assert_int_equal(c.caseworker_id, 7);

	/* Someone still staying: another kind of return, today. */
	long long q = trainee(f, "Traore", "Ali");
	sign_in(f, ROLE_REINTEGRATION);
	assert_int_equal(reint_case_propose(f->db, q, 7, "AGZ", &c, &m), ST_OK);
	assert_string_equal(c.return_kind, "other");
	assert_string_equal(c.return_date, "2026-04-20");
}

static void rules_refused_nothing_written(void **state)
{
	struct fixture *f = *state;
	long long p = returnee(f, "Keita", "Moussa");
	long long rows = audit_rows(f);
	static const char *const fields[] = { "country", "region_id", "locality", "return_date", "return_date",
		"return_date", "return_kind", "caseworker_id", "partner_id", "notes", "centre_code", "region_id" };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		struct reint_case c = proposed(f, p);
		switch (i) {
		case 0: snprintf(c.country, sizeof c.country, "ZZZ"); break;
		case 1: c.region_id = ref_id(f, "reint_region", "SN-DK"); break;   /* Senegal's */
		case 2: memset(c.locality, 'a', 81); c.locality[81] = '\0'; break;
		case 3: snprintf(c.return_date, sizeof c.return_date, "2026-02-30"); break;
		case 4: snprintf(c.return_date, sizeof c.return_date, "2026-04-21"); break;   /* tomorrow */
		case 5: snprintf(c.return_date, sizeof c.return_date, "1997-12-31"); break;   /* before birth */
		case 6: snprintf(c.return_kind, sizeof c.return_kind, "bus"); break;
		case 7: c.caseworker_id = 9999; break;
		case 8: c.partner_id = ref_id(f, "reint_region", "ML-2"); break;
		case 9: snprintf(c.notes, sizeof c.notes, "a\x1b[2Jb"); break;
		case 10: snprintf(c.centre_code, sizeof c.centre_code, "XXX"); break;
		case 11: c.region_id = ref_id(f, "partner", "implementing_ngo"); break;
		}
		const char *m = NULL, *field = NULL;
		assert_int_equal(reint_case_check(f->db, &c, &m, &field), ST_INVALID);
		assert_non_null(m);
		assert_string_equal(field, fields[i]);
		assert_int_equal(reint_case_save(f->db, &c, &m, &field), ST_INVALID);
		assert_string_equal(field, fields[i]);
		assert_int_equal(c.id, 0);
	}
	assert_int_equal(one(f->db, "SELECT count(*) FROM reint_case", 0), 0);
	assert_int_equal(audit_rows(f), rows);
	/* No region, no partner, lines in the notes: fine. */
	struct reint_case c = proposed(f, p);
	c.region_id = 0;
	snprintf(c.notes, sizeof c.notes, "Wants to open a shop.\nCall in May.");
	assert_int_equal(reint_case_save(f->db, &c, NULL, NULL), ST_OK);
}

static void community_member_and_second_case_refused(void **state)
{
	struct fixture *f = *state;
	sign_in(f, ROLE_INTAKE);
	struct person cm;
	memset(&cm, 0, sizeof cm);
	snprintf(cm.family_name, sizeof cm.family_name, "Sow");
	snprintf(cm.given_names, sizeof cm.given_names, "Awa");
	cm.sex = 'f';
	snprintf(cm.centre_code, sizeof cm.centre_code, "AGZ");
	snprintf(cm.birth_date, sizeof cm.birth_date, "1995");
	snprintf(cm.locality, sizeof cm.locality, "Agadez");
	cm.consent_data = true;
	snprintf(cm.consent_date, sizeof cm.consent_date, "2026-04-20");
	assert_int_equal(community_register(f->db, &cm), ST_OK);
	sign_in(f, ROLE_REINTEGRATION);
	struct reint_case c;
	const char *m = NULL, *field = NULL;
	assert_int_equal(reint_case_propose(f->db, cm.id, 1, "AGZ", &c, &m), ST_INVALID);
	assert_non_null(strstr(m, "community member"));
	reint_case_init(&c, cm.id, "AGZ", 0, "2026-04-01");
	snprintf(c.country, sizeof c.country, "NER");
	assert_int_equal(reint_case_save(f->db, &c, &m, &field), ST_INVALID);
	assert_string_equal(field, "person_id");
	assert_non_null(strstr(m, "community member"));

	long long p = returnee(f, "Keita", "Moussa");
	long long id = case_opened(f, p);
	assert_int_equal(reint_case_propose(f->db, p, 1, "AGZ", &c, &m), ST_DUPLICATE);
	assert_int_equal(c.id, id);
	assert_non_null(strstr(m, "open reintegration case"));
	reint_case_init(&c, p, "AGZ", 0, "2026-04-01");
	snprintf(c.country, sizeof c.country, "MLI");
	assert_int_equal(reint_case_save(f->db, &c, &m, &field), ST_DUPLICATE);
	assert_non_null(strstr(m, "open reintegration case"));
	assert_int_equal(c.id, 0);
	/* Once closed, a new case may be opened. */
	struct reint_case got;
	assert_int_equal(reint_case_get(f->db, id, &got), ST_OK);
	assert_int_equal(reint_case_close(f->db, id, &got.version, "remigrated", "2026-04-10", &m), ST_OK);
	assert_int_equal(reint_case_save(f->db, &c, &m, &field), ST_OK);
	assert_int_equal(reint_case_of_person(f->db, p, &got), ST_OK);
	assert_int_equal(got.id, c.id);
}

static void roles(void **state)
{
	struct fixture *f = *state;
	long long p = returnee(f, "Keita", "Moussa");
	long long id = case_opened(f, p);
	struct reint_case c;
	struct reint_case_status cs;
	for (int r = 0; r < ROLE_COUNT_; r++) {
		sign_in(f, (enum role)r);
		bool reads = r == ROLE_MANAGER || r == ROLE_PROTECTION || r == ROLE_REINTEGRATION;
		assert_int_equal(reint_case_get(f->db, id, &c), reads ? ST_OK : ST_DENIED);
		assert_int_equal(reint_case_status_get(f->db, p, "en", &cs), reads ? ST_OK : ST_DENIED);
		if (r == ROLE_REINTEGRATION)
			continue;
		struct reint_case n;
		reint_case_init(&n, p, "AGZ", 0, "2026-04-01");
		snprintf(n.country, sizeof n.country, "MLI");
		assert_int_equal(reint_case_save(f->db, &n, NULL, NULL), ST_DENIED);
		int v = 1;
		assert_int_equal(reint_case_close(f->db, id, &v, "completed", "2026-04-10", NULL), ST_DENIED);
		assert_int_equal(reint_case_set_status(f->db, id, &v, "monitoring", NULL), ST_DENIED);
	}
}

static void edit_close_monitoring_audited(void **state)
{
	struct fixture *f = *state;
	long long p = returnee(f, "Keita", "Moussa");
	long long id = case_opened(f, p);
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.action, "create");
	assert_string_equal(a.entity, "reint_case");
	assert_int_equal(a.entity_id, id);
	assert_non_null(strstr(a.changes, "\"locality\""));
	assert_non_null(strstr(a.changes, "Nioro du Sahel"));

	struct reint_case c, stale;
	assert_int_equal(reint_case_get(f->db, id, &c), ST_OK);
	stale = c;
	snprintf(c.locality, sizeof c.locality, "Kayes ville");
	c.status[0] = '\0';   /* never the form's to change */
	assert_int_equal(reint_case_save(f->db, &c, NULL, NULL), ST_OK);
	assert_int_equal(c.version, 2);
	assert_string_equal(c.status, "open");
	last_audit(f, &a);
	assert_string_equal(a.action, "update");
	assert_non_null(strstr(a.changes, "Kayes ville"));
	assert_null(strstr(a.changes, "\"country\""));
	/* Someone else's stale copy is a conflict, nothing written. */
	long long rows = audit_rows(f);
	snprintf(stale.locality, sizeof stale.locality, "Bamako");
	assert_int_equal(reint_case_save(f->db, &stale, NULL, NULL), ST_CONFLICT);
	assert_int_equal(stale.version, 1);
	assert_int_equal(audit_rows(f), rows);

	const char *m = NULL;
	int v = c.version;
	assert_int_equal(reint_case_set_status(f->db, id, &v, "monitoring", &m), ST_OK);
	assert_int_equal(reint_case_set_status(f->db, id, &v, "closed", &m), ST_INVALID);
	assert_int_equal(reint_case_close(f->db, id, &v, "bored", "2026-04-10", &m), ST_INVALID);
	assert_int_equal(reint_case_close(f->db, id, &v, "moved", "2026-04-21", &m), ST_INVALID);
	assert_int_equal(reint_case_close(f->db, id, &v, "moved", "2026-03-31", &m), ST_INVALID);
	assert_non_null(m);
	int old = v;
	assert_int_equal(reint_case_close(f->db, id, &v, "moved", "2026-04-10", &m), ST_OK);
	assert_int_equal(v, old + 1);
	last_audit(f, &a);
	assert_string_equal(a.action, "close");
	assert_non_null(strstr(a.changes, "\"close_reason\""));
	assert_int_equal(reint_case_get(f->db, id, &c), ST_OK);
	assert_string_equal(c.status, "closed");
	assert_string_equal(c.close_reason, "moved");
	assert_string_equal(c.closed_date, "2026-04-10");
	/* A closed case stays closed. */
	assert_int_equal(reint_case_set_status(f->db, id, &v, "open", &m), ST_INVALID);
}

struct rows {
	int n;
	struct reint_case_row r[16];
};

static void collect(const struct reint_case_row *r, void *ctx)
{
	struct rows *l = ctx;
	if (l->n < 16)
		l->r[l->n++] = *r;
}

static void list_and_status_line(void **state)
{
	struct fixture *f = *state;
	long long ids[5];
	for (int i = 0; i < 5; i++) {
		char name[24];
		snprintf(name, sizeof name, "Keita%d", i);
		long long p = returnee(f, name, "Moussa");
		struct reint_case c = proposed(f, p);
		snprintf(c.return_date, sizeof c.return_date, "2026-04-0%d", i + 1);
		if (i == 4)
			c.caseworker_id = user_id(f, "manager");
		assert_int_equal(reint_case_save(f->db, &c, NULL, NULL), ST_OK);
		ids[i] = c.id;
	}
	struct reint_case_filter all = { "AGZ", 0, NULL }, mine = { "AGZ", user_id(f, "reintegration"), "" };
	struct rows l = { 0 };
	bool more = false;
	assert_int_equal(reint_case_list(f->db, &all, PAGE_AFTER, NULL, 0, 2, collect, &l, &more), ST_OK);
	assert_int_equal(l.n, 2);
	assert_true(more);
	assert_int_equal(l.r[0].c.id, ids[4]);
	assert_string_equal(l.r[1].family_name, "Keita3");
	assert_int_equal(reint_case_list(f->db, &all, PAGE_AFTER, l.r[1].c.return_date, l.r[1].c.id, 10, collect, &l,
	                                 &more),
	                 ST_OK);
	assert_int_equal(l.n, 5);
	assert_false(more);
	assert_int_equal(l.r[4].c.id, ids[0]);
	l.n = 0;
	assert_int_equal(reint_case_list(f->db, &mine, PAGE_BEFORE, NULL, 0, 10, collect, &l, &more), ST_OK);
	assert_int_equal(l.n, 4);
	assert_int_equal(l.r[0].c.id, ids[3]);
	struct reint_case_filter closed = { "AGZ", 0, "closed" };
	l.n = 0;
	assert_int_equal(reint_case_list(f->db, &closed, PAGE_AFTER, NULL, 0, 10, collect, &l, &more), ST_OK);
	assert_int_equal(l.n, 0);

	struct reint_case c;
	assert_int_equal(reint_case_get(f->db, ids[0], &c), ST_OK);
	struct reint_case_status cs;
	assert_int_equal(reint_case_status_get(f->db, c.person_id, "en", &cs), ST_OK);
	assert_string_equal(cs.country, "Mali");
	assert_string_equal(cs.region, "Kayes");
	assert_string_equal(cs.plan_status, "");
	assert_int_equal(reint_plan_create(f->db, ids[0], NULL, NULL, NULL), ST_OK);
	assert_int_equal(reint_case_status_get(f->db, c.person_id, "fr", &cs), ST_OK);
	assert_string_equal(cs.plan_status, "draft");
	assert_int_equal(reint_case_status_get(f->db, trainee(f, "Nobody", "Here"), "en", &cs), ST_DENIED);
}

/* The regions of return: their kind is a country that must exist. */
static void regions_are_of_a_country(void **state)
{
	struct fixture *f = *state;
	const struct reflist_def *def = module_reflist(module_table, "reint_region");
	assert_non_null(def);
	assert_ptr_equal(def->kinds, REFLIST_KIND_COUNTRY);
	sign_in(f, ROLE_ADMIN);
	struct ref_item it;
	memset(&it, 0, sizeof it);
	snprintf(it.name_en, sizeof it.name_en, "Tillaberi North");
	snprintf(it.name_fr, sizeof it.name_fr, "Tillabéri Nord");
	const char *m = NULL, *field = NULL;
	snprintf(it.kind, sizeof it.kind, "mli");
	assert_int_equal(reflist_add(f->db, def, &it, &m, &field), ST_INVALID);
	assert_string_equal(field, "kind");
	snprintf(it.kind, sizeof it.kind, "ZZZ");
	assert_int_equal(reflist_add(f->db, def, &it, &m, &field), ST_INVALID);
	assert_string_equal(field, "kind");
	snprintf(it.kind, sizeof it.kind, "NER");
	assert_int_equal(reflist_add(f->db, def, &it, &m, &field), ST_OK);
	/* A case in Niger may name it; one in Mali may not. */
	long long region = it.id;
	sign_in(f, ROLE_REINTEGRATION);
	struct reint_case c = proposed(f, returnee(f, "Keita", "Moussa"));
	c.region_id = region;
	assert_int_equal(reint_case_check(f->db, &c, &m, &field), ST_INVALID);
	assert_string_equal(field, "region_id");
	snprintf(c.country, sizeof c.country, "NER");
	assert_int_equal(reint_case_check(f->db, &c, &m, &field), ST_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(defaults_from_assisted_return, rsetup, tteardown),
		cmocka_unit_test_setup_teardown(rules_refused_nothing_written, rsetup, tteardown),
		cmocka_unit_test_setup_teardown(community_member_and_second_case_refused, rsetup, tteardown),
		cmocka_unit_test_setup_teardown(roles, rsetup, tteardown),
		cmocka_unit_test_setup_teardown(edit_close_monitoring_audited, rsetup, tteardown),
		cmocka_unit_test_setup_teardown(list_and_status_line, rsetup, tteardown),
		cmocka_unit_test_setup_teardown(regions_are_of_a_country, rsetup, tteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
