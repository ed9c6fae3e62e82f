/* Attacks' write paths: a child's protection records (see ops.c). An open
 * protection case is picked at random; its family tracing is opened, or
 * gets an action; its best-interests assessment is drafted, or its draft
 * submitted (the version seen, so that a draft changed meanwhile is a
 * conflict). Without any open protection case (a database without the
 * module's demo data) nothing is written. */
#define _POSIX_C_SOURCE 200809L
#include "db/prot_child.h"
#include "ops_private.h"

/* Acts as the demo's protection officer. */
static void act_officer(struct attack *a)
{
	long long id = query(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = 'protection'", "", NULL, NULL, 0);
	act_as(a, id > 0 ? id : 0, "protection", ROLE_PROTECTION);
}

/* An open protection case at random, 0 when none. */
static long long some_case(struct attack *a)
{
	long long n = query(db_sqlite(a->db), "SELECT count(*) FROM prot_case WHERE status = 'open'", "", NULL, NULL, 0);
	if (n <= 0)
		return 0;
	char k[24];
	snprintf(k, sizeof k, "%lld", (long long)attack_pick(a, n));
	long long id = query(db_sqlite(a->db), "SELECT id FROM prot_case WHERE status = 'open' ORDER BY id "
	                     "LIMIT 1 OFFSET ?1", "i", (const char *[]){ k }, NULL, 0);
	return id > 0 ? id : 0;
}

enum status run_prot_tracing_action(struct attack *a, char *ack, size_t size)
{
	act_officer(a);
	long long c = some_case(a);
	if (!c)
		return ST_OK;
	char day[11];
	today(day);
	struct prot_tracing t;
	enum status r = prot_tracing_get(a->db, c, &t);
	if (r == ST_NOT_FOUND) {
		memset(&t, 0, sizeof t);
		t.case_id = c;
		snprintf(t.opened, sizeof t.opened, "%s", day);
		snprintf(t.child_wishes, sizeof t.child_wishes, "W%lld", a->token++);
		r = prot_tracing_open(a->db, &t, NULL, NULL);
		if (r == ST_OK)
			snprintf(ack, size, "prot_tracing %lld %lld %s", t.id, c, t.child_wishes);
		return r == ST_INVALID ? ST_OK : r;   /* another session opened it first */
	}
	if (r != ST_OK)
		return r;
	struct prot_tracing_action act;
	memset(&act, 0, sizeof act);
	act.tracing_id = t.id;
	snprintf(act.date, sizeof act.date, "%s", strcmp(day, t.opened) < 0 ? t.opened : day);
	snprintf(act.kind, sizeof act.kind, "phone");
	snprintf(act.outcome, sizeof act.outcome, "T%lld", a->token++);
	r = prot_tracing_action_add(a->db, &act, NULL, NULL);
	if (r == ST_OK)
		snprintf(ack, size, "prot_tracing_action %lld %lld %s", act.id, t.id, act.outcome);
	return r == ST_INVALID ? ST_OK : r;   /* a tracing over, or a day in its future */
}

bool verify_prot_tracing(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM prot_tracing WHERE id = ?1 AND case_id = ?2 AND child_wishes = ?3",
	               "iit", w, 0, why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'prot_tracing' AND entity_id = ?1 "
	                  "AND action = 'create'", "i", w, 0, why, size);
}

bool verify_prot_tracing_action(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM prot_tracing_action WHERE id = ?1 AND tracing_id = ?2 AND outcome = ?3",
	               "iit", w, 0, why, size)
	       && counted(ro, "SELECT count(*) FROM prot_tracing WHERE id = ?1 AND status != 'open'", "i",
	                  (const char *[]){ w[1] }, 0, why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'prot_tracing_action' AND entity_id = ?1 "
	                  "AND action = 'create'", "i", w, 0, why, size);
}

enum status run_prot_bi(struct attack *a, char *ack, size_t size)
{
	act_officer(a);
	long long c = some_case(a);
	if (!c)
		return ST_OK;
	struct prot_bi b;
	enum status r = prot_bi_latest(a->db, c, &b);
	if (r != ST_OK && r != ST_NOT_FOUND)
		return r;
	if (r == ST_OK && strcmp(b.status, "submitted") == 0)
		return ST_OK;   /* waits for a manager */
	if (r == ST_OK && strcmp(b.status, "draft") == 0) {
		think(a);
		r = prot_bi_submit(a->db, b.id, b.version, NULL);
		if (r == ST_OK)
			snprintf(ack, size, "prot_bi_submit %lld %d submitted", b.id, b.version + 1);
		return r == ST_INVALID ? ST_OK : r;
	}
	memset(&b, 0, sizeof b);
	b.case_id = c;
	today(b.assessed_date);
	snprintf(b.findings, sizeof b.findings, "F%lld", a->token++);
	snprintf(b.recommendation, sizeof b.recommendation, "reunification");
	r = prot_bi_add(a->db, &b, NULL, NULL);
	if (r == ST_OK)
		snprintf(ack, size, "prot_bi %lld %lld %s", b.id, c, b.findings);
	return r == ST_INVALID ? ST_OK : r;   /* another session drafted one first */
}

bool verify_prot_bi(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM prot_best_interest WHERE id = ?1 AND case_id = ?2 AND findings = ?3",
	               "iit", w, 0, why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'prot_best_interest' AND entity_id = ?1 "
	                  "AND action = 'create'", "i", w, 0, why, size);
}

bool verify_prot_bi_submit(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	/* Submitted at that version, or decided since by a manager. */
	if (query(ro, "SELECT count(*) FROM prot_best_interest WHERE id = ?1 AND (version > ?2 OR "
	              "(version = ?2 AND status = 'submitted'))", "ii", w, NULL, 0) != 1)
		return fail(why, size, "submission lost");
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'prot_best_interest' AND entity_id = ?1 "
	               "AND action = 'update' AND changes LIKE '%submitted%'", "i", w, 0, why, size);
}
