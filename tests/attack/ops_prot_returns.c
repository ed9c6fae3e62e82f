/* Attacks' write paths: assisted voluntary returns (see ops.c). A request
 * is recorded for one of the hot people; when they have one under way it
 * moves on one step instead: counselled, approved by the manager (a child
 * without an approved determination is refused, nothing acknowledged), an
 * issued travel document, booked, departed (the person's stay ends with
 * "avr" in the same transaction). */
#define _POSIX_C_SOURCE 200809L
#include "db/prot_return.h"
#include "ops_private.h"

/* Acts as the demo's account named name, of role. */
static void act_named(struct attack *a, const char *name, enum role role)
{
	long long id = query(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = ?1", "t", (const char *[]){ name },
	                     NULL, 0);
	act_as(a, id > 0 ? id : 0, name, role);
}

/* The next step of live return r (read just before). */
static enum status step(struct attack *a, const struct prot_return *r, char *ack, size_t size)
{
	char day[11];
	today(day);
	int v = r->version;
	enum status s;
	if (strcmp(r->status, "requested") == 0) {
		s = prot_return_counsel(a->db, r->id, &v, day, "Counselled", NULL);
		if (s == ST_OK)
			snprintf(ack, size, "prot_return_step %lld %d counselled", r->id, v);
		return s == ST_INVALID ? ST_OK : s;
	}
	if (strcmp(r->status, "counselled") == 0) {
		act_named(a, "manager", ROLE_MANAGER);
		think(a);
		s = prot_return_approve(a->db, r->id, &v, NULL);
		if (s == ST_OK)
			snprintf(ack, size, "prot_return_step %lld %d approved", r->id, v);
		return s == ST_INVALID ? ST_OK : s;
	}
	char rid[24];
	snprintf(rid, sizeof rid, "%lld", r->id);
	long long docs = query(db_sqlite(a->db), "SELECT count(*) FROM prot_travel_doc WHERE return_id = ?1 "
	                       "AND status = 'issued'", "i", (const char *[]){ rid }, NULL, 0);
	if (docs <= 0) {
		struct prot_travel_doc d;
		memset(&d, 0, sizeof d);
		d.return_id = r->id;
		snprintf(d.kind, sizeof d.kind, "laissez_passer");
		snprintf(d.consulate_country, sizeof d.consulate_country, "%s", r->country);
		snprintf(d.requested_date, sizeof d.requested_date, "%s", day);
		snprintf(d.status, sizeof d.status, "issued");
		snprintf(d.number, sizeof d.number, "LP%lld", a->token++);
		snprintf(d.issued_date, sizeof d.issued_date, "%s", day);
		s = prot_doc_save(a->db, &d, NULL, NULL);
		if (s == ST_OK)
			snprintf(ack, size, "prot_travel_doc %lld %lld %s", d.id, r->id, d.number);
		return s == ST_INVALID ? ST_OK : s;
	}
	if (!r->travel_date[0]) {
		char ref[24];
		snprintf(ref, sizeof ref, "CV%lld", a->token++);
		s = prot_return_book(a->db, r->id, &v, day, "convoy", ref, "", NULL);
		if (s == ST_OK)
			snprintf(ack, size, "prot_return_step %lld %d %s", r->id, v, r->status);
		return s == ST_INVALID ? ST_OK : s;
	}
	think(a);
	s = prot_return_depart(a->db, r->id, &v, day, NULL);
	if (s == ST_OK)
		snprintf(ack, size, "prot_departure %lld %lld %d %s", r->id, r->person_id, v, day);
	return s == ST_INVALID ? ST_OK : s;
}

enum status run_prot_return(struct attack *a, char *ack, size_t size)
{
	act_named(a, "protection", ROLE_PROTECTION);
	long long person = some_person(a);
	struct prot_return r;
	char day[11];
	today(day);
	enum status s = prot_return_propose(a->db, person, "AGZ", day, &r, NULL);
	if (s == ST_DUPLICATE) {
		struct prot_return live;
		if ((s = prot_return_get(a->db, r.id, &live)) != ST_OK)
			return s;
		return step(a, &live, ack, size);
	}
	if (s != ST_OK)
		return s;
	if (!r.country[0])
		snprintf(r.country, sizeof r.country, "MLI");
	snprintf(r.destination, sizeof r.destination, "D%lld", a->token++);
	s = prot_return_save(a->db, &r, NULL, NULL);
	if (s == ST_DUPLICATE || s == ST_INVALID)
		return ST_OK;   /* another session asked first, or a rule the user is shown */
	if (s == ST_OK)
		snprintf(ack, size, "prot_return %lld %lld %s", r.id, person, r.destination);
	return s;
}

bool verify_prot_return(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM prot_return WHERE id = ?1 AND person_id = ?2 AND destination = ?3", "iit",
	               w, 0, why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'prot_return' AND entity_id = ?1 "
	                  "AND action = 'create'", "i", w, 0, why, size);
}

bool verify_prot_return_step(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	/* Later steps move the status on: the version acknowledged is reached. */
	return counted(ro, "SELECT count(*) FROM prot_return WHERE id = ?1 AND version >= ?2", "ii", w, 0, why, size);
}

bool verify_prot_travel_doc(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM prot_travel_doc WHERE id = ?1 AND return_id = ?2 AND number = ?3 "
	               "AND status = 'issued'", "iit", w, 0, why, size);
}

bool verify_prot_departure(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[4];
	if (words(args, buf, sizeof buf, w, 4) != 4)
		return fail(why, size, "bad line");
	const char *ret[] = { w[0], w[1], w[3] };
	return counted(ro, "SELECT count(*) FROM prot_return WHERE id = ?1 AND person_id = ?2 AND departure_date = ?3 "
	               "AND status IN ('departed', 'arrived')", "iit", ret, 0, why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'prot_return' AND entity_id = ?1 "
	                  "AND action = 'depart'", "i", w, 0, why, size);
}
