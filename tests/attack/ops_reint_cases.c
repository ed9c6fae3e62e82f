/* Attacks' write paths: reintegration cases and plans (see ops.c). A case
 * is opened for one of the hot people (or their open case closed, so that
 * another may be opened); the newest open case's plan moves on one step
 * each time: drafted, an item, a business plan, submitted, approved by the
 * manager (the version seen, so that a plan changed meanwhile is a
 * conflict), completed. */
#define _POSIX_C_SOURCE 200809L
#include "db/reint_case.h"
#include "db/reint_plan.h"
#include "ops_private.h"

/* Acts as the demo's account named name, of role; its id. */
static long long act_named(struct attack *a, const char *name, enum role role)
{
	long long id = query(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = ?1", "t", (const char *[]){ name },
	                     NULL, 0);
	act_as(a, id > 0 ? id : 0, name, role);
	return id > 0 ? id : 0;
}

enum status run_reint_case(struct attack *a, char *ack, size_t size)
{
	long long me = act_named(a, "reintegration", ROLE_REINTEGRATION);
	long long person = some_person(a);
	struct reint_case c;
	enum status r = reint_case_propose(a->db, person, me, "AGZ", &c, NULL);
	if (r == ST_INVALID)
		return ST_OK;   /* a community member: refused, nothing acknowledged */
	if (r == ST_DUPLICATE) {
		struct reint_case open;
		if ((r = reint_case_get(a->db, c.id, &open)) != ST_OK)
			return r;
		char day[11];
		today(day);
		think(a);
		int v = open.version;
		r = reint_case_close(a->db, open.id, &v, "moved", strcmp(day, open.return_date) < 0 ? open.return_date : day,
		                     NULL);
		if (r == ST_OK)
			snprintf(ack, size, "reint_case_close %lld %d closed", open.id, v);
		return r == ST_INVALID ? ST_OK : r;
	}
	if (r != ST_OK)
		return r;
	if (!c.country[0])
		snprintf(c.country, sizeof c.country, "NER");
	snprintf(c.locality, sizeof c.locality, "L%lld", a->token++);
	r = reint_case_save(a->db, &c, NULL, NULL);
	if (r == ST_DUPLICATE || r == ST_INVALID)
		return ST_OK;   /* another session opened it first, or a rule the user is shown */
	if (r == ST_OK)
		snprintf(ack, size, "reint_case %lld %lld %s", c.id, person, c.locality);
	return r;
}

bool verify_reint_case(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM reint_case WHERE id = ?1 AND person_id = ?2 AND locality = ?3", "iit", w,
	               0, why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'reint_case' AND entity_id = ?1 "
	                  "AND action = 'create'", "i", w, 0, why, size);
}

bool verify_reint_case_close(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return versioned(ro, "SELECT version, status FROM reint_case WHERE id = ?1", w[0], w[1], w[2], why, size);
}

/* The next step of plan p (read just before). */
static enum status plan_step(struct attack *a, const struct reint_plan *p, char *ack, size_t size)
{
	enum status r;
	if (strcmp(p->status, "draft") == 0) {
		struct reint_item it;
		memset(&it, 0, sizeof it);
		it.plan_id = p->id;
		snprintf(it.provision, sizeof it.provision, "direct");
		char pid[24];
		snprintf(pid, sizeof pid, "%lld", p->id);
		long long item = query(db_sqlite(a->db), "SELECT i.id FROM reint_plan_item i WHERE i.plan_id = ?1 "
		                       "AND i.category = 'small_business' AND NOT EXISTS (SELECT 1 FROM "
		                       "reint_business_plan b WHERE b.item_id = i.id)", "i", (const char *[]){ pid }, NULL, 0);
		if (item > 0) {
			struct reint_business b;
			memset(&b, 0, sizeof b);
			b.item_id = item;
			snprintf(b.activity, sizeof b.activity, "A%lld", a->token++);
			snprintf(b.sector, sizeof b.sector, "trade");
			b.starting_capital = 100000;
			b.expected_income = -1;
			r = reint_business_save(a->db, &b, NULL, NULL);
			if (r == ST_OK)
				snprintf(ack, size, "reint_business %lld %s", item, b.activity);
			return r == ST_INVALID ? ST_OK : r;
		}
		if (p->items < 2) {
			snprintf(it.category, sizeof it.category, p->items ? "cash" : "small_business");
			it.planned_value = 50000 + 1000 * (long long)attack_pick(a, 100);
			r = reint_item_save(a->db, &it, NULL, NULL);
			if (r == ST_OK)
				snprintf(ack, size, "reint_item %lld %lld %lld", it.id, p->id, it.planned_value);
			return r == ST_INVALID ? ST_OK : r;
		}
		int v = p->version;
		r = reint_plan_submit(a->db, p->id, &v, NULL);
		if (r == ST_OK)
			snprintf(ack, size, "reint_plan_submit %lld %d submitted", p->id, v);
		return r == ST_INVALID ? ST_OK : r;
	}
	if (strcmp(p->status, "submitted") == 0) {
		act_named(a, "manager", ROLE_MANAGER);
		think(a);
		r = reint_plan_approve(a->db, p->id, p->version, NULL, NULL);
		if (r == ST_OK)
			snprintf(ack, size, "reint_plan_approve %lld %d approved", p->id, p->version + 1);
		return r == ST_INVALID ? ST_OK : r;
	}
	if (strcmp(p->status, "approved") == 0 || strcmp(p->status, "in_progress") == 0) {
		int v = p->version;
		r = reint_plan_complete(a->db, p->id, &v, NULL);
		if (r == ST_OK)
			snprintf(ack, size, "reint_plan_complete %lld %d completed", p->id, v);
		return r == ST_INVALID ? ST_OK : r;
	}
	return ST_OK;
}

enum status run_reint_plan(struct attack *a, char *ack, size_t size)
{
	act_named(a, "reintegration", ROLE_REINTEGRATION);
	long long id = query(db_sqlite(a->db), "SELECT max(id) FROM reint_case WHERE status != 'closed'", "", NULL, NULL,
	                     0);
	if (id <= 0)
		return ST_OK;
	struct reint_plan p;
	enum status r = reint_plan_of_case(a->db, id, &p);
	if (r == ST_NOT_FOUND || (r == ST_OK && (strcmp(p.status, "completed") == 0 || strcmp(p.status, "cancelled") == 0))) {
		r = reint_plan_create(a->db, id, NULL, &p, NULL);
		if (r == ST_OK)
			snprintf(ack, size, "reint_plan %lld %lld", p.id, id);
		return r == ST_DUPLICATE || r == ST_INVALID ? ST_OK : r;
	}
	return r != ST_OK ? r : plan_step(a, &p, ack, size);
}

bool verify_reint_plan(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM reint_plan WHERE id = ?1 AND case_id = ?2", "ii", w, 0, why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'reint_plan' AND entity_id = ?1 "
	                  "AND action = 'create'", "i", w, 0, why, size);
}

bool verify_reint_item(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM reint_plan_item WHERE id = ?1 AND plan_id = ?2 AND planned_value = ?3",
	               "iii", w, 0, why, size);
}

bool verify_reint_business(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM reint_business_plan WHERE item_id = ?1 AND activity = ?2", "it", w, 0,
	               why, size);
}

/* A plan's step at the version acknowledged (or later); an approval's
 * amount is its items' total. */
bool verify_reint_plan_step(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	if (!versioned(ro, "SELECT version, status FROM reint_plan WHERE id = ?1", w[0], w[1], w[2], why, size))
		return false;
	return strcmp(w[2], "approved") != 0
	       || counted(ro, "SELECT count(*) FROM reint_plan WHERE id = ?1 AND approved_amount = "
	                  "(SELECT sum(planned_value) FROM reint_plan_item WHERE plan_id = ?1)", "i", w, 0, why, size);
}
