/* Assisted voluntary return: every role on every function, the steps in
 * order, a child refused before an approved best-interests determination
 * (and allowed after one), the departure ending the stay with "avr", one
 * live request per person, the travel documents' rules, the lists, the
 * departure list and its CSV. */
#include "training_fixture.h"
#include "db/prot_return.h"
#include "db/stay.h"

static int psetup(void **state)
{
	tsetup(state);
	sign_in(*state, ROLE_PROTECTION);
	return 0;
}

/* A Malian (born 1998) registered at AGZ on 2026-03-15, staying; the
 * protection officer signed in again. */
static long long migrant(struct fixture *f, const char *family, const char *given, const char *birth)
{
	sign_in(f, ROLE_INTAKE);
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = 'm';
	snprintf(p.birth_date, sizeof p.birth_date, "%s", birth);
	snprintf(p.nationality, sizeof p.nationality, "MLI");
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	sign_in(f, ROLE_PROTECTION);
	return p.id;
}

static void exec(struct fixture *f, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, &err);
	if (rc != SQLITE_OK)
		fail_msg("%s: %s", sql, err ? err : "");
}

/* A request of person to Mali (Kayes), recorded by the officer. */
static struct prot_return requested(struct fixture *f, long long person)
{
	struct prot_return r;
	const char *m = NULL;
	assert_int_equal(prot_return_propose(f->db, person, "AGZ", "2026-04-01", &r, &m), ST_OK);
	assert_string_equal(r.country, "MLI");
	snprintf(r.destination, sizeof r.destination, "Kayes");
	assert_int_equal(prot_return_save(f->db, &r, &m, NULL), ST_OK);
	return r;
}

/* An issued laissez-passer of return id. */
static struct prot_travel_doc doc_of(long long id, const char *status)
{
	struct prot_travel_doc d;
	memset(&d, 0, sizeof d);
	d.return_id = id;
	snprintf(d.kind, sizeof d.kind, "laissez_passer");
	snprintf(d.consulate_country, sizeof d.consulate_country, "MLI");
	snprintf(d.consulate_place, sizeof d.consulate_place, "Niamey");
	snprintf(d.requested_date, sizeof d.requested_date, "2026-04-02");
	snprintf(d.status, sizeof d.status, "%s", status);
	if (strcmp(status, "issued") == 0) {
		snprintf(d.number, sizeof d.number, "LP-0042");
		snprintf(d.issued_date, sizeof d.issued_date, "2026-04-10");
		snprintf(d.expiry_date, sizeof d.expiry_date, "2026-07-10");
	}
	return d;
}

/* Takes request r through counselling, a manager's approval, an issued
 * document and a booking for 2026-04-20 on convoy CV-12. */
static void approved_and_booked(struct fixture *f, struct prot_return *r)
{
	assert_int_equal(prot_return_counsel(f->db, r->id, &r->version, "2026-04-03", "Informed.", NULL), ST_OK);
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(prot_return_approve(f->db, r->id, &r->version, NULL), ST_OK);
	sign_in(f, ROLE_PROTECTION);
	struct prot_travel_doc d = doc_of(r->id, "issued");
	assert_int_equal(prot_doc_save(f->db, &d, NULL, NULL), ST_OK);
	assert_int_equal(prot_return_book(f->db, r->id, &r->version, "2026-04-20", "convoy", "CV-12", "A. Moussa", NULL),
	                 ST_OK);
}

static void steps_in_order_and_departure_ends_stay(void **state)
{
	struct fixture *f = *state;
	long long p = migrant(f, "Keita", "Moussa", "1998");
	struct prot_return r = requested(f, p);
	const char *m = NULL;
	/* Not approved before counselling; not by the officer. */
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(prot_return_approve(f->db, r.id, &r.version, &m), ST_INVALID);
	assert_non_null(m);
	sign_in(f, ROLE_PROTECTION);
	assert_int_equal(prot_return_counsel(f->db, r.id, &r.version, "2026-04-03", "Informed.", &m), ST_OK);
	assert_int_equal(prot_return_approve(f->db, r.id, &r.version, &m), ST_DENIED);
	/* No departure before approval. */
	assert_int_equal(prot_return_depart(f->db, r.id, &r.version, "2026-04-20", &m), ST_INVALID);
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(prot_return_approve(f->db, r.id, &r.version, &m), ST_OK);
	struct prot_return g;
	assert_int_equal(prot_return_get(f->db, r.id, &g), ST_OK);
	assert_string_equal(g.status, "approved");
	assert_true(g.approved_by > 0);
	assert_true(g.approved_at[0] != '\0');
	sign_in(f, ROLE_PROTECTION);
	/* Ready needs a document and fitness. */
	assert_int_equal(prot_return_ready(f->db, r.id, &r.version, &m), ST_INVALID);
	struct prot_travel_doc d = doc_of(r.id, "issued");
	assert_int_equal(prot_doc_save(f->db, &d, NULL, NULL), ST_OK);
	assert_int_equal(prot_return_ready(f->db, r.id, &r.version, &m), ST_INVALID);
	sign_in(f, ROLE_MEDICAL);
	assert_int_equal(fitness_record(f->db, p, "2026-04-15", "fit"), ST_OK);
	sign_in(f, ROLE_PROTECTION);
	char fit[12], day[11];
	assert_int_equal(prot_return_fitness(f->db, p, fit, day), ST_OK);
	assert_string_equal(fit, "fit");
	assert_string_equal(day, "2026-04-15");
	assert_int_equal(prot_return_ready(f->db, r.id, &r.version, &m), ST_OK);
	/* Departure needs a booking. */
	assert_int_equal(prot_return_depart(f->db, r.id, &r.version, "2026-04-20", &m), ST_INVALID);
	assert_int_equal(prot_return_book(f->db, r.id, &r.version, "2026-04-20", "plane", "", "", &m), ST_INVALID);
	assert_int_equal(prot_return_book(f->db, r.id, &r.version, "2026-04-20", "convoy", "CV-12", "", &m), ST_OK);
	assert_int_equal(prot_return_depart(f->db, r.id, &r.version, "2026-04-21", &m), ST_INVALID);   /* tomorrow */
	long long rows = audit_rows(f);
	assert_int_equal(prot_return_depart(f->db, r.id, &r.version, "2026-04-20", &m), ST_OK);
	assert_int_equal(one(f->db, "SELECT count(*) FROM stay WHERE person_id = ?1 AND departed IS NULL", p), 0);
	assert_int_equal(one(f->db, "SELECT count(*) FROM stay WHERE person_id = ?1 AND departed = '2026-04-20' "
	                            "AND departure_reason = 'avr'", p), 1);
	assert_int_equal(audit_rows(f), rows + 2);   /* the stay's and the return's */
	/* Arrival and hand-over. */
	assert_int_equal(prot_return_arrive(f->db, r.id, &r.version, "2026-04-20", "", &m), ST_INVALID);
	assert_int_equal(prot_return_arrive(f->db, r.id, &r.version, "2026-04-20", "IOM Bamako", &m), ST_OK);
	assert_int_equal(prot_return_get(f->db, r.id, &g), ST_OK);
	assert_string_equal(g.status, "arrived");
	assert_string_equal(g.handed_over_to, "IOM Bamako");
	/* Over: no more changes. */
	assert_int_equal(prot_return_counsel(f->db, r.id, &r.version, "2026-04-20", "", &m), ST_INVALID);
	/* Stale version. */
	int old = r.version - 1;
	assert_int_equal(prot_return_end(f->db, r.id, &old, "withdrawn", "Changed mind", &m), ST_CONFLICT);
}

static void departure_without_stay_and_before_admission(void **state)
{
	struct fixture *f = *state;
	long long p = migrant(f, "Diallo", "Awa", "1990");
	sign_in(f, ROLE_INTAKE);
	long long stay = one(f->db, "SELECT id FROM stay WHERE person_id = ?1", p);
	assert_int_equal(stay_depart(f->db, stay, "2026-04-05", "continued"), ST_OK);
	sign_in(f, ROLE_PROTECTION);
	struct prot_return r = requested(f, p);
	approved_and_booked(f, &r);
	assert_int_equal(prot_return_depart(f->db, r.id, &r.version, "2026-04-19", NULL), ST_OK);
	assert_int_equal(one(f->db, "SELECT count(*) FROM stay WHERE person_id = ?1 AND departure_reason = 'avr'", p), 0);
	assert_int_equal(one(f->db, "SELECT count(*) FROM prot_return WHERE id = ?1 AND status = 'departed'", r.id), 1);

	/* A stay begun after the departure day: refused, nothing written. */
	long long q = migrant(f, "Sow", "Ali", "1991");
	exec(f, "UPDATE stay SET admitted = '2026-04-18' WHERE person_id = (SELECT id FROM person WHERE family_name = 'Sow')");
	struct prot_return s = requested(f, q);
	approved_and_booked(f, &s);
	const char *m = NULL;
	assert_int_equal(prot_return_depart(f->db, s.id, &s.version, "2026-04-10", &m), ST_INVALID);
	assert_non_null(m);
	assert_int_equal(one(f->db, "SELECT count(*) FROM stay WHERE person_id = ?1 AND departed IS NULL", q), 1);
	assert_int_equal(one(f->db, "SELECT count(*) FROM prot_return WHERE id = ?1 AND status = 'approved'", s.id), 1);
}

static void child_blocked_before_determination(void **state)
{
	struct fixture *f = *state;
	long long p = migrant(f, "Coulibaly", "Issa", "2012");
	char sql[512];
	snprintf(sql, sizeof sql, "INSERT INTO person_flag (person_id, flag) VALUES (%lld, 'unaccompanied_child')", p);
	exec(f, sql);
	struct prot_return r = requested(f, p);
	assert_int_equal(prot_return_counsel(f->db, r.id, &r.version, "2026-04-03", "", NULL), ST_OK);
	sign_in(f, ROLE_MANAGER);
	const char *m = NULL;
	long long rows = audit_rows(f);
	assert_int_equal(prot_return_approve(f->db, r.id, &r.version, &m), ST_INVALID);
	assert_ptr_equal(m, prot_return_child_msg);
	assert_int_equal(audit_rows(f), rows);
	/* The schema backs it: a direct write is refused too. */
	snprintf(sql, sizeof sql, "UPDATE prot_return SET status = 'approved', approved_at = 'x', approved_by = 1 "
	                          "WHERE id = %lld", r.id);
	assert_int_not_equal(sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, NULL), SQLITE_OK);
	/* A submitted (not approved) determination is not enough. */
	snprintf(sql, sizeof sql,
	         "INSERT INTO prot_case (person_id, centre_id, opened, risk, status) "
	         "VALUES (%lld, (SELECT id FROM centre WHERE code = 'AGZ'), '2026-03-16', 'high', 'open'); "
	         "INSERT INTO prot_best_interest (case_id, assessed_date, recommendation, status, submitted_at) "
	         "VALUES (last_insert_rowid(), '2026-03-20', 'return', 'submitted', '2026-03-20T10:00:00Z');", p);
	exec(f, sql);
	assert_int_equal(prot_return_approve(f->db, r.id, &r.version, &m), ST_INVALID);
	/* Approved: the other side. */
	exec(f, "UPDATE prot_best_interest SET status = 'approved', decided_at = '2026-03-25T10:00:00Z', decided_by = 1");
	assert_int_equal(prot_return_approve(f->db, r.id, &r.version, &m), ST_OK);
	sign_in(f, ROLE_PROTECTION);
	struct prot_travel_doc d = doc_of(r.id, "issued");
	assert_int_equal(prot_doc_save(f->db, &d, NULL, NULL), ST_OK);
	assert_int_equal(prot_return_book(f->db, r.id, &r.version, "2026-04-20", "bus", "", "Social worker", NULL), ST_OK);
	/* Should the determination no longer stand, the child does not leave. */
	exec(f, "UPDATE prot_best_interest SET status = 'rejected', decision_comment = 'Reopened'");
	assert_int_equal(prot_return_depart(f->db, r.id, &r.version, "2026-04-20", &m), ST_INVALID);
	assert_ptr_equal(m, prot_return_child_msg);
	exec(f, "UPDATE prot_best_interest SET status = 'approved', decision_comment = ''");
	assert_int_equal(prot_return_depart(f->db, r.id, &r.version, "2026-04-20", &m), ST_OK);
}

static void one_live_request(void **state)
{
	struct fixture *f = *state;
	long long p = migrant(f, "Traore", "Ali", "1995");
	struct prot_return r = requested(f, p), s;
	const char *m = NULL, *field = NULL;
	assert_int_equal(prot_return_propose(f->db, p, "AGZ", NULL, &s, &m), ST_DUPLICATE);
	assert_int_equal(s.id, r.id);
	assert_string_equal(s.requested_date, "2026-04-20");
	s.id = 0;
	assert_int_equal(prot_return_save(f->db, &s, &m, &field), ST_DUPLICATE);
	assert_string_equal(field, "person_id");
	assert_int_equal(s.id, 0);
	/* Ended: a new request may follow; the person's return is the live one. */
	assert_int_equal(prot_return_end(f->db, r.id, &r.version, "withdrawn", "", &m), ST_INVALID);
	assert_int_equal(prot_return_end(f->db, r.id, &r.version, "departed", "x", &m), ST_INVALID);
	assert_int_equal(prot_return_end(f->db, r.id, &r.version, "withdrawn", "Wants to stay", &m), ST_OK);
	assert_int_equal(prot_return_propose(f->db, p, "AGZ", NULL, &s, &m), ST_OK);
	snprintf(s.country, sizeof s.country, "SEN");
	assert_int_equal(prot_return_save(f->db, &s, &m, NULL), ST_OK);
	struct prot_return g;
	assert_int_equal(prot_return_of_person(f->db, p, &g), ST_OK);
	assert_int_equal(g.id, s.id);
	assert_string_equal(g.country, "SEN");
	/* Request rules. */
	struct prot_return bad = s;
	snprintf(bad.country, sizeof bad.country, "ZZZ");
	assert_int_equal(prot_return_save(f->db, &bad, &m, &field), ST_INVALID);
	assert_string_equal(field, "country");
	bad = s;
	snprintf(bad.requested_date, sizeof bad.requested_date, "2026-04-21");
	assert_int_equal(prot_return_save(f->db, &bad, &m, &field), ST_INVALID);
	assert_string_equal(field, "requested_date");
	bad = s;
	snprintf(bad.destination, sizeof bad.destination, "a\x1b[2J");
	assert_int_equal(prot_return_save(f->db, &bad, &m, &field), ST_INVALID);
	assert_string_equal(field, "destination");
	/* A manager refuses. */
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(prot_return_end(f->db, s.id, &s.version, "withdrawn", "x", &m), ST_DENIED);
	assert_int_equal(prot_return_end(f->db, s.id, &s.version, "refused", "Not eligible", &m), ST_OK);
}

struct pend {
	int n;
	long long id;
};

static void pending_row(const struct prot_doc_row *row, void *ctx)
{
	struct pend *pend = ctx;
	pend->n++;
	pend->id = row->d.id;
}

static void document_rules(void **state)
{
	struct fixture *f = *state;
	long long p = migrant(f, "Keita", "Moussa", "1998");
	struct prot_return r = requested(f, p);
	static const char *const fields[] = { "kind", "consulate_country", "requested_date", "number", "issued_date",
		"expiry_date", "refusal_reason", "status", "interview_date", "requested_date" };
	long long rows = audit_rows(f);
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		struct prot_travel_doc d = doc_of(r.id, "issued");
		switch (i) {
		case 0: snprintf(d.kind, sizeof d.kind, "visa"); break;
		case 1: snprintf(d.consulate_country, sizeof d.consulate_country, "ZZZ"); break;
		case 2: snprintf(d.requested_date, sizeof d.requested_date, "2026-04-31"); break;
		case 3: d.number[0] = '\0'; break;
		case 4: snprintf(d.issued_date, sizeof d.issued_date, "2026-04-21"); break;
		case 5: snprintf(d.expiry_date, sizeof d.expiry_date, "2026-04-10"); break;
		case 6: d = doc_of(r.id, "refused"); break;
		case 7: d = doc_of(r.id, "requested"); snprintf(d.number, sizeof d.number, "X1"); break;
		case 8: d = doc_of(r.id, "interview"); break;
		case 9: snprintf(d.requested_date, sizeof d.requested_date, "2026-03-30"); break;   /* before the return */
		}
		const char *m = NULL, *field = NULL;
		assert_int_equal(prot_doc_save(f->db, &d, &m, &field), ST_INVALID);
		assert_non_null(m);
		assert_string_equal(field, fields[i]);
		assert_int_equal(d.id, 0);
	}
	assert_int_equal(audit_rows(f), rows);
	/* Requested, interview, issued: one record moving on. */
	struct prot_travel_doc d = doc_of(r.id, "requested");
	assert_int_equal(prot_doc_save(f->db, &d, NULL, NULL), ST_OK);
	snprintf(d.status, sizeof d.status, "interview");
	snprintf(d.interview_date, sizeof d.interview_date, "2026-04-08");
	assert_int_equal(prot_doc_save(f->db, &d, NULL, NULL), ST_OK);
	struct prot_travel_doc refused = doc_of(r.id, "refused");
	snprintf(refused.kind, sizeof refused.kind, "passport");
	snprintf(refused.refusal_reason, sizeof refused.refusal_reason, "No proof of nationality");
	assert_int_equal(prot_doc_save(f->db, &refused, NULL, NULL), ST_OK);
	int stale = d.version - 1;
	struct prot_travel_doc old = d;
	old.version = stale;
	assert_int_equal(prot_doc_save(f->db, &old, NULL, NULL), ST_CONFLICT);
	assert_int_equal(one(f->db, "SELECT count(*) FROM audit WHERE entity = 'prot_travel_doc'", 0), 3);
	/* Pending per consulate: the one at interview only. */
	struct pend pend = { 0, 0 };
	bool more = true;
	assert_int_equal(prot_docs_pending(f->db, "MLI", PAGE_AFTER, NULL, NULL, 0, 10, pending_row, &pend, &more), ST_OK);
	assert_int_equal(pend.n, 1);
	assert_int_equal(pend.id, d.id);
	assert_false(more);
	pend.n = 0;
	assert_int_equal(prot_docs_pending(f->db, "SEN", PAGE_AFTER, NULL, NULL, 0, 10, pending_row, &pend, &more), ST_OK);
	assert_int_equal(pend.n, 0);
}

struct rows {
	int n;
	struct prot_return_row r[8];
};

static void collect(const struct prot_return_row *row, void *ctx)
{
	struct rows *l = ctx;
	if (l->n < 8)
		l->r[l->n++] = *row;
}

static void lists_departure_list_and_csv(void **state)
{
	struct fixture *f = *state;
	long long a = migrant(f, "Keita", "Moussa", "1998");
	long long b = migrant(f, "Ba", "Oumar, \"le grand\"", "2000");
	long long c = migrant(f, "=Cisse", "Fanta", "1999");
	struct prot_return ra = requested(f, a), rb = requested(f, b), rc = requested(f, c);
	approved_and_booked(f, &ra);
	approved_and_booked(f, &rb);
	assert_int_equal(prot_return_counsel(f->db, rc.id, &rc.version, "2026-04-03", "", NULL), ST_OK);
	/* Waiting for approval: c only; under way: all three, paged. */
	struct rows l = { 0 };
	bool more = false;
	assert_int_equal(prot_return_list(f->db, "counselled", PAGE_AFTER, NULL, 0, 10, collect, &l, &more), ST_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.r[0].r.id, rc.id);
	memset(&l, 0, sizeof l);
	assert_int_equal(prot_return_list(f->db, NULL, PAGE_AFTER, NULL, 0, 2, collect, &l, &more), ST_OK);
	assert_int_equal(l.n, 2);
	assert_true(more);
	assert_int_equal(prot_return_list(f->db, NULL, PAGE_AFTER, l.r[1].r.requested_date, l.r[1].r.id, 2, collect, &l, &more),
	                 ST_OK);
	assert_int_equal(l.n, 3);
	assert_false(more);
	/* The last page, then the one before it, in the list's order. */
	struct rows last = { 0 };
	assert_int_equal(prot_return_list(f->db, NULL, PAGE_BEFORE, NULL, 0, 2, collect, &last, &more), ST_OK);
	assert_int_equal(last.n, 2);
	assert_true(more);
	assert_int_equal(last.r[0].r.id, l.r[1].r.id);
	assert_int_equal(last.r[1].r.id, l.r[2].r.id);
	assert_int_equal(prot_return_list(f->db, NULL, PAGE_BEFORE, last.r[0].r.requested_date, last.r[0].r.id, 2, collect,
	                                  &last, &more), ST_OK);
	assert_int_equal(last.n, 3);
	assert_int_equal(last.r[2].r.id, l.r[0].r.id);
	assert_false(more);
	/* The departure list of the day and convoy, by name. */
	memset(&l, 0, sizeof l);
	long long rows = audit_rows(f);
	assert_int_equal(prot_departure_list(f->db, "2026-04-20", "CV-12", 0, 10, collect, &l, &more), ST_OK);
	assert_int_equal(audit_rows(f), rows + 1);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.r[0].family_name, "Ba");
	assert_string_equal(l.r[1].family_name, "Keita");
	assert_string_equal(l.r[1].documents, "laissez_passer LP-0042");
	assert_string_equal(l.r[1].r.escort, "A. Moussa");
	assert_string_equal(l.r[1].nationality, "MLI");
	memset(&l, 0, sizeof l);
	assert_int_equal(prot_departure_list(f->db, "2026-04-20", "CV-99", 0, 10, collect, &l, &more), ST_OK);
	assert_int_equal(l.n, 0);
	/* Departed on the day: still listed. */
	assert_int_equal(prot_return_depart(f->db, ra.id, &ra.version, "2026-04-20", NULL), ST_OK);
	memset(&l, 0, sizeof l);
	assert_int_equal(prot_departure_list(f->db, "2026-04-20", "", 0, 1, collect, &l, &more), ST_OK);
	assert_true(more);
	assert_int_equal(prot_departure_list(f->db, "2026-04-20", "", l.r[0].r.id, 1, collect, &l, &more), ST_OK);
	assert_false(more);
	assert_int_equal(l.n, 2);
	/* The CSV: a heading, one line each, quoted and defused. */
	char path[600];
	snprintf(path, sizeof path, "%s/departures.csv", f->t.dir);
	FILE *out = fopen(path, "w");
	assert_non_null(out);
	assert_int_equal(prot_departure_csv(f->db, "2026-04-20", "", "en", out), ST_OK);
	fclose(out);
	size_t len = 0;
	char *text = slurp(path, &len);
	assert_non_null(strstr(text, "Name,"));
	assert_non_null(strstr(text, "\"Ba Oumar, \"\"le grand\"\"\""));
	assert_non_null(strstr(text, "Keita Moussa,"));
	assert_non_null(strstr(text, "Mali,Mali,Kayes,"));
	assert_non_null(strstr(text, "LP-0042"));
	assert_non_null(strstr(text, "A. Moussa"));
	assert_null(strstr(text, "=Cisse"));   /* not on the list */
	int lines = 0;
	for (char *s = text; *s; s++)
		lines += *s == '\n';
	assert_int_equal(lines, 3);
	free(text);
}

static void fitness_read_by_medical_status(void **state)
{
	struct fixture *f = *state;
	long long p = migrant(f, "Keita", "Moussa", "1998");
	char fit[12], day[11];
	assert_int_equal(prot_return_fitness(f->db, p, fit, day), ST_OK);
	assert_string_equal(fit, "");
}

struct ignore {
	int n;
};
static void ignore_row(const struct prot_return_row *row, void *ctx)
{
	(void)row;
	((struct ignore *)ctx)->n++;
}
static void ignore_doc(const struct prot_doc_row *row, void *ctx)
{
	(void)row;
	((struct ignore *)ctx)->n++;
}
static void ignore_d(const struct prot_travel_doc *d, void *ctx)
{
	(void)d;
	((struct ignore *)ctx)->n++;
}

static void every_role_on_every_function(void **state)
{
	struct fixture *f = *state;
	long long p = migrant(f, "Keita", "Moussa", "1998");
	struct prot_return r = requested(f, p);
	struct prot_travel_doc d = doc_of(r.id, "requested");
	assert_int_equal(prot_doc_save(f->db, &d, NULL, NULL), ST_OK);
	for (int role = 0; role < ROLE_COUNT_; role++) {
		sign_in(f, (enum role)role);
		bool reads = role == ROLE_MANAGER || role == ROLE_PROTECTION;
		bool writes = role == ROLE_PROTECTION;
		bool approves = role == ROLE_MANAGER;
		enum status rd = reads ? ST_OK : ST_DENIED;
		struct prot_return g, n;
		struct ignore ig = { 0 };
		char fit[12], day[11];
		assert_int_equal(prot_return_get(f->db, r.id, &g), rd);
		assert_int_equal(prot_return_of_person(f->db, p, &g), rd);
		assert_int_equal(prot_return_fitness(f->db, p, fit, day), rd);
		assert_int_equal(prot_return_check(f->db, &r, NULL, NULL), rd);
		assert_int_equal(prot_return_propose(f->db, p, "AGZ", NULL, &n, NULL), reads ? ST_DUPLICATE : ST_DENIED);
		assert_int_equal(prot_doc_check(f->db, &d, NULL, NULL), rd);
		assert_int_equal(prot_doc_each(f->db, r.id, ignore_d, &ig), rd);
		assert_int_equal(prot_return_list(f->db, NULL, PAGE_AFTER, NULL, 0, 5, ignore_row, &ig, NULL), rd);
		assert_int_equal(prot_departure_list(f->db, "2026-04-20", "", 0, 5, ignore_row, &ig, NULL), rd);
		assert_int_equal(prot_docs_pending(f->db, NULL, PAGE_AFTER, NULL, NULL, 0, 5, ignore_doc, &ig, NULL), rd);
		FILE *out = fopen("/dev/null", "w");
		assert_int_equal(prot_departure_csv(f->db, "2026-04-20", "", "fr", out), rd);
		fclose(out);
		/* Writes: a denied role changes nothing; the writer's ones pass. */
		int v;
		n = r;
		assert_int_equal(prot_return_save(f->db, &n, NULL, NULL), writes ? ST_OK : ST_DENIED);
		if (writes)
			r = n;
		v = r.version;
		struct prot_travel_doc e = d;
		enum status ws = writes ? ST_OK : ST_DENIED;
		assert_int_equal(prot_doc_save(f->db, &e, NULL, NULL), ws);
		if (writes)
			d = e;
		assert_int_equal(prot_return_counsel(f->db, r.id, &v, "2026-04-03", "", NULL), ws);
		r.version = v;
		int w = r.version;
		assert_int_equal(prot_return_approve(f->db, r.id, &w, NULL), approves ? ST_INVALID : ST_DENIED);
		assert_int_equal(prot_return_ready(f->db, r.id, &w, NULL), writes ? ST_INVALID : ST_DENIED);
		assert_int_equal(prot_return_book(f->db, r.id, &w, "2026-04-20", "bus", "", "", NULL),
		                 writes ? ST_INVALID : ST_DENIED);
		assert_int_equal(prot_return_depart(f->db, r.id, &w, "2026-04-20", NULL), writes ? ST_INVALID : ST_DENIED);
		assert_int_equal(prot_return_arrive(f->db, r.id, &w, "2026-04-20", "x", NULL), writes ? ST_INVALID : ST_DENIED);
		assert_int_equal(prot_return_end(f->db, r.id, &w, "no_show", "", NULL), writes ? ST_INVALID : ST_DENIED);
		assert_int_equal(prot_return_end(f->db, r.id, &w, "refused", "",  NULL),
		                 writes || approves ? ST_INVALID : ST_DENIED);
		bool ended = false;
		assert_int_equal(stay_end_for_return(f->db, p, "2026-04-20", &ended), writes ? ST_INTERNAL : ST_DENIED);
	}
	/* Every opening audited. */
	assert_true(one(f->db, "SELECT count(*) FROM audit WHERE action = 'view' AND entity = 'prot_return'", 0) >= 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(steps_in_order_and_departure_ends_stay, psetup, tteardown),
		cmocka_unit_test_setup_teardown(departure_without_stay_and_before_admission, psetup, tteardown),
		cmocka_unit_test_setup_teardown(child_blocked_before_determination, psetup, tteardown),
		cmocka_unit_test_setup_teardown(one_live_request, psetup, tteardown),
		cmocka_unit_test_setup_teardown(document_rules, psetup, tteardown),
		cmocka_unit_test_setup_teardown(lists_departure_list_and_csv, psetup, tteardown),
		cmocka_unit_test_setup_teardown(fitness_read_by_medical_status, psetup, tteardown),
		cmocka_unit_test_setup_teardown(every_role_on_every_function, psetup, tteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
