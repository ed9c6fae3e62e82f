/* Attacks' write paths: protection cases (see ops.c). A case is opened
 * for one of the hot people by the protection officer (or their open case
 * closed, the version seen, so that another may be opened); an action is
 * added to the newest open case. */
#define _POSIX_C_SOURCE 200809L
#include "db/prot_case.h"
#include "ops_private.h"

/* Acts as the demo's protection officer; their id. */
static long long act_protection(struct attack *a)
{
	long long id = query(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = ?1", "t",
	                     (const char *[]){ "protection" }, NULL, 0);
	act_as(a, id > 0 ? id : 0, "protection", ROLE_PROTECTION);
	return id > 0 ? id : 0;
}

enum status run_prot_case(struct attack *a, char *ack, size_t size)
{
	long long me = act_protection(a);
	long long person = some_person(a);
	char day[11];
	today(day);
	long long open = 0;
	const char *m = NULL;
	enum status r = prot_case_can_open(a->db, person, &open, &m);
	if (r != ST_OK)
		return r;
	if (open) {
		struct prot_case c;
		if ((r = prot_case_get(a->db, open, &c)) != ST_OK)
			return r;
		think(a);
		int v = c.version;
		r = prot_case_close(a->db, c.id, &v, "needs_met", strcmp(day, c.opened) < 0 ? c.opened : day, NULL);
		if (r == ST_OK)
			snprintf(ack, size, "prot_case_close %lld %d closed", c.id, v);
		return r == ST_INVALID || r == ST_CONFLICT ? ST_OK : r;
	}
	struct prot_case c;
	prot_case_init(&c, person, "ZIN", me, day);
	snprintf(c.summary, sizeof c.summary, "S%lld", a->token++);
	r = prot_case_save(a->db, &c, NULL, NULL);
	if (r == ST_DUPLICATE || r == ST_INVALID)
		return ST_OK;   /* another session opened one first, or a rule the user is shown */
	if (r == ST_OK)
		snprintf(ack, size, "prot_case %lld %lld %s", c.id, person, c.summary);
	return r;
}

bool verify_prot_case(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM prot_case WHERE id = ?1 AND person_id = ?2 AND summary = ?3", "iit", w, 0,
	               why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'prot_case' AND entity_id = ?1 "
	                  "AND action = 'create'", "i", w, 0, why, size);
}

bool verify_prot_case_close(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return versioned(ro, "SELECT version, status FROM prot_case WHERE id = ?1", w[0], w[1], w[2], why, size);
}

enum status run_prot_action(struct attack *a, char *ack, size_t size)
{
	long long me = act_protection(a);
	long long id = query(db_sqlite(a->db), "SELECT max(id) FROM prot_case WHERE status = 'open'", "", NULL, NULL, 0);
	if (id <= 0)
		return ST_OK;
	struct prot_action x;
	prot_action_init(&x, id, me);
	snprintf(x.description, sizeof x.description, "A%lld", a->token++);
	today(x.due_date);
	enum status r = prot_action_save(a->db, &x, NULL, NULL);
	if (r == ST_INVALID)
		return ST_OK;   /* the case was closed meanwhile */
	if (r == ST_OK)
		snprintf(ack, size, "prot_action %lld %lld %s", x.id, id, x.description);
	return r;
}

bool verify_prot_action(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM prot_action WHERE id = ?1 AND case_id = ?2 AND description = ?3", "iit", w,
	               0, why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'prot_action' AND entity_id = ?1 "
	                  "AND action = 'create'", "i", w, 0, why, size);
}
