/* Attacks' write paths: grant payments, their reversals and the outcome of
 * visits (see ops.c). Cases and approved plans come from the cases part of
 * the module; when the database has none payable, one is made by SQL for a
 * hot person first. */
#define _POSIX_C_SOURCE 200809L
#include "ops_private.h"
#include "db/reint_money.h"
#include "db/reint_visit.h"

/* Acts as the demo's reintegration officer. */
static void act_reint(struct attack *a)
{
	long long id = query(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = 'reintegration'", "", NULL, NULL, 0);
	act_as(a, id > 0 ? id : 0, "reintegration", ROLE_REINTEGRATION);
}

/* A plan with something left to pay, one of a hot person's when there is
 * none (its case and plan inserted as the cases part would); 0 when
 * another writer made it meanwhile. */
static long long payable_plan(struct attack *a)
{
	sqlite3 *db = db_sqlite(a->db);
	long long plan = query(db, "SELECT p.id FROM reint_plan p WHERE p.status IN ('approved', 'in_progress') AND "
	                       "p.approved_amount > (SELECT coalesce(sum(amount), 0) FROM reint_payment y "
	                       "WHERE y.plan_id = p.id) ORDER BY random() LIMIT 1", "", NULL, NULL, 0);
	if (plan > 0)
		return plan;
	char pid[24];
	snprintf(pid, sizeof pid, "%lld", some_person(a));
	const char *args[1] = { pid };
	query(db, "INSERT INTO reint_case (person_id, centre_id, country, return_date, return_kind, caseworker_id, "
	      "status) SELECT ?1, (SELECT id FROM centre WHERE code = 'AGZ'), 'SEN', '2026-01-10', 'avr', "
	      "(SELECT id FROM app_user WHERE name = 'reintegration'), 'open' WHERE NOT EXISTS (SELECT 1 FROM "
	      "reint_case WHERE person_id = ?1 AND status != 'closed')", "i", args, NULL, 0);
	query(db, "INSERT INTO reint_plan (case_id, status, approved_amount, approved_at, approved_by) SELECT c.id, "
	      "'approved', 200000, '2026-02-01', (SELECT id FROM app_user WHERE name = 'manager') FROM reint_case c "
	      "WHERE c.person_id = ?1 AND c.status != 'closed' AND NOT EXISTS (SELECT 1 FROM reint_plan p WHERE "
	      "p.case_id = c.id AND p.status NOT IN ('cancelled', 'completed'))", "i", args, NULL, 0);
	return 0;
}

/* Pays part of what is left of a plan, read before a pause as the form
 * shows it: when other writers paid meanwhile and it no longer fits, the
 * data layer refuses (reported as a conflict), never above the approval. */
enum status run_reint_pay(struct attack *a, char *ack, size_t size)
{
	act_reint(a);
	long long plan = payable_plan(a);
	if (plan <= 0)
		return ST_CONFLICT;
	struct reint_ref ref = { REINT_PLAN, plan };
	struct reint_totals t;
	enum status r = reint_money_totals(a->db, ref, &t);
	if (r != ST_OK)
		return r;
	if (t.left <= 0)
		return ST_CONFLICT;
	struct reint_pay p;
	memset(&p, 0, sizeof p);
	today(p.paid_date);
	p.amount = 1 + attack_pick(a, t.left < 60000 ? t.left : 60000);
	snprintf(p.method, sizeof p.method, "%s", attack_pick(a, 2) ? "cash" : "mobile_money");
	snprintf(p.receipt_ref, sizeof p.receipt_ref, "A%lld", a->token++);
	think(a);
	long long id;
	const char *field = NULL;
	r = reint_pay(a->db, ref, &p, &id, NULL, &field);
	/* Refused because of what another writer did meanwhile: paid what was
	 * left, or completed or cancelled the plan (the cases' writes). */
	if (r == ST_INVALID && (!field || strcmp(field, "amount") == 0))
		return ST_CONFLICT;
	if (r == ST_OK)
		snprintf(ack, size, "reint_pay %lld %lld %lld", id, plan, p.amount);
	return r;
}

/* The payment is there as acknowledged, audited, and its plan is never
 * paid above what was approved. */
bool verify_reint_pay(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	if (!counted(ro, "SELECT count(*) FROM reint_payment WHERE id = ?1 AND plan_id = ?2 AND amount = ?3", "iii", w,
	             0, why, size) ||
	    !counted(ro, "SELECT count(*) FROM audit WHERE entity = 'reint_payment' AND entity_id = ?1 "
	             "AND action = 'create'", "i", w, 0, why, size))
		return false;
	const char *plan[1] = { w[1] };
	if (query(ro, "SELECT (SELECT sum(amount) FROM reint_payment WHERE plan_id = ?1) > approved_amount "
	          "FROM reint_plan WHERE id = ?1", "i", plan, NULL, 0) != 0)
		return fail(why, size, "paid above the approved amount");
	return true;
}

/* Reverses a payment not reversed yet, read before a pause: one reversed
 * by another writer meanwhile is refused (reported as a conflict). */
enum status run_reint_reverse(struct attack *a, char *ack, size_t size)
{
	act_reint(a);
	long long pay = query(db_sqlite(a->db), "SELECT p.id FROM reint_payment p WHERE p.amount > 0 AND NOT EXISTS "
	                      "(SELECT 1 FROM reint_payment r WHERE r.reverses_id = p.id) ORDER BY random() LIMIT 1",
	                      "", NULL, NULL, 0);
	if (pay <= 0)
		return run_reint_pay(a, ack, size);
	think(a);
	long long id;
	enum status r = reint_payment_reverse(a->db, pay, "Attack: typing mistake", &id, NULL, NULL);
	if (r == ST_INVALID)
		return ST_CONFLICT;
	if (r == ST_OK)
		snprintf(ack, size, "reint_reverse %lld %lld", id, pay);
	return r;
}

/* The reversal undoes the payment for its whole amount, once. */
bool verify_reint_reverse(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM reint_payment r JOIN reint_payment p ON p.id = r.reverses_id "
	               "WHERE r.id = ?1 AND p.id = ?2 AND r.amount = -p.amount", "ii", w, 0, why, size) &&
	       counted(ro, "SELECT count(*) FROM audit WHERE entity = 'reint_payment' AND entity_id = ?1 "
	               "AND action = 'create'", "i", w, 0, why, size);
}

/* Records the outcome of a scheduled visit read before a pause, as the
 * outcome form saves it: a visit another writer changed meanwhile is a
 * conflict, never overwritten. A visit is added when none is scheduled. */
enum status run_reint_visit(struct attack *a, char *ack, size_t size)
{
	static const char *const modes[] = { "in_person", "phone", "partner" };
	act_reint(a);
	long long id = query(db_sqlite(a->db), "SELECT id FROM reint_visit WHERE status = 'scheduled' "
	                     "ORDER BY random() LIMIT 1", "", NULL, NULL, 0);
	if (id <= 0) {
		payable_plan(a);
		long long c = query(db_sqlite(a->db), "SELECT max(id) FROM reint_case", "", NULL, NULL, 0);
		if (c <= 0)
			return ST_CONFLICT;
		char day[11];
		today(day);
		enum status r = reint_visit_add(a->db, (struct reint_ref){ REINT_CASE, c }, "counselling", day, &id, NULL,
		                                NULL);
		if (r == ST_OK)
			snprintf(ack, size, "reint_visit_add %lld", id);
		return r;
	}
	struct reint_visit v;
	enum status r = reint_visit_get(a->db, id, &v);
	if (r != ST_OK)
		return r;
	think(a);
	bool done = attack_pick(a, 3) != 0;
	snprintf(v.status, sizeof v.status, "%s", done ? "done" : "missed");
	if (done) {
		today(v.done_date);
		snprintf(v.mode, sizeof v.mode, "%s", modes[attack_pick(a, 3)]);
		v.business_running = (int)attack_pick(a, 2);
		v.monthly_income = attack_pick(a, 100000);
	}
	if ((r = reint_visit_record(a->db, &v, NULL, NULL)) != ST_OK)
		return r;
	snprintf(ack, size, "reint_visit %lld %d %s", id, v.version, v.status);
	return ST_OK;
}

/* The outcome is there at the version acknowledged (or a later one). */
bool verify_reint_visit(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return versioned(ro, "SELECT version, status FROM reint_visit WHERE id = ?1", w[0], w[1], w[2], why, size);
}

/* A visit added by hand is there, audited. */
bool verify_reint_visit_add(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[64];
	const char *w[1];
	if (words(args, buf, sizeof buf, w, 1) != 1)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM reint_visit WHERE id = ?1", "i", w, 0, why, size) &&
	       counted(ro, "SELECT count(*) FROM audit WHERE entity = 'reint_visit' AND entity_id = ?1 "
	               "AND action = 'create'", "i", w, 0, why, size);
}
