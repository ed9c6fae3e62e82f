/* Attacks' write paths: victims of trafficking and referrals (see ops.c).
 * The protection officer records a victim of trafficking on the open
 * protection case of one of the hot people (or, once recorded, changes
 * its places and ticks a means of control, at the version read: a record
 * changed meanwhile is a conflict), and drafts a referral to UNHCR with
 * consent to share, then sends it. The case is the person's open one; a
 * person without one is given one with plain SQL first (the protection
 * cases' own write path is another one), which is not acknowledged. */
#define _POSIX_C_SOURCE 200809L
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/prot_referral.h"
#include "db/prot_traffic.h"
#include "ops_private.h"

static void act_protection(struct attack *a)
{
	long long id = query(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = 'protection'", "", NULL, NULL, 0);
	act_as(a, id > 0 ? id : 0, "protection", ROLE_PROTECTION);
}

/* The open protection case of a hot person, made when there is none; 0
 * when it could not be had. */
static long long some_case(struct attack *a)
{
	char pid[24];
	snprintf(pid, sizeof pid, "%lld", some_person(a));
	const char *args[] = { pid };
	long long c = query(db_sqlite(a->db), "SELECT id FROM prot_case WHERE person_id = ?1 AND status = 'open'", "i",
	                    args, NULL, 0);
	if (c > 0)
		return c;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db_sqlite(a->db),
	                       "INSERT OR IGNORE INTO prot_case (person_id, centre_id, opened, risk, status) "
	                       "SELECT id, (SELECT id FROM centre ORDER BY id LIMIT 1), date('now'), 'high', 'open' "
	                       "FROM person WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, strtoll(pid, NULL, 10));
	sqlite3_step(st);
	sqlite3_finalize(st);
	c = query(db_sqlite(a->db), "SELECT id FROM prot_case WHERE person_id = ?1 AND status = 'open'", "i", args,
	          NULL, 0);
	return c > 0 ? c : 0;
}

enum status run_prot_traffic(struct attack *a, char *ack, size_t size)
{
	act_protection(a);
	long long c = some_case(a);
	if (!c)
		return ST_OK;
	static struct prot_traf t;
	enum status r = prot_traf_get(a->db, c, &t);
	if (r == ST_NOT_FOUND) {
		char day[11];
		today(day);
		prot_traf_init(&t, c, day);
		snprintf(t.places, sizeof t.places, "P%lld", a->token++);
		t.n_control = 1;
		snprintf(t.control[0], sizeof t.control[0], "debt_bondage");
		t.n_exploit = 1;
		snprintf(t.exploit[0].form, sizeof t.exploit[0].form, "forced_labour");
		snprintf(t.exploit[0].sector, sizeof t.exploit[0].sector, "mining");
		r = prot_traf_save(a->db, &t, NULL, NULL);
		if (r == ST_OK)
			snprintf(ack, size, "prot_traffic %lld %lld %s", t.id, c, t.places);
		return r == ST_DUPLICATE ? ST_OK : r;   /* another session recorded it first */
	}
	if (r != ST_OK)
		return r;
	think(a);
	snprintf(t.places, sizeof t.places, "P%lld", a->token++);
	if (t.n_control < PROT_TRAF_CONTROL_MAX) {
		const char *m = vocab_code(VOCAB_PROT_CONTROL, attack_pick(a, vocab_count(VOCAB_PROT_CONTROL)));
		bool has = false;
		for (int i = 0; i < t.n_control; i++)
			has |= strcmp(t.control[i], m) == 0;
		if (!has)
			snprintf(t.control[t.n_control++], sizeof t.control[0], "%s", m);
	}
	r = prot_traf_save(a->db, &t, NULL, NULL);
	if (r == ST_OK)
		snprintf(ack, size, "prot_traffic_edit %lld %d %s", t.id, t.version, t.places);
	return r;
}

bool verify_prot_traffic(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM prot_trafficking WHERE id = ?1 AND case_id = ?2", "ii", w, 0, why, size)
	       && counted(ro, "SELECT count(*) FROM prot_trafficking_exploitation WHERE trafficking_id = ?1", "i", w, 0,
	                  why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'prot_trafficking' AND entity_id = ?1 "
	                  "AND action = 'create'", "i", w, 0, why, size);
}

bool verify_prot_traffic_edit(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return versioned(ro, "SELECT version, places FROM prot_trafficking WHERE id = ?1", w[0], w[1], w[2], why, size);
}

enum status run_prot_referral(struct attack *a, char *ack, size_t size)
{
	act_protection(a);
	long long c = some_case(a);
	if (!c)
		return ST_OK;
	char day[11];
	today(day);
	struct prot_referral r;
	enum status s = prot_referral_propose(a->db, c, "out", day, &r, NULL);
	if (s != ST_OK)
		return s;
	snprintf(r.destination, sizeof r.destination, "unhcr");
	snprintf(r.reason, sizeof r.reason, "R%lld", a->token++);
	r.consent = true;
	snprintf(r.consent_date, sizeof r.consent_date, "%s", day);
	if ((s = prot_referral_save(a->db, &r, NULL, NULL)) != ST_OK)
		return s;
	think(a);
	int v = r.version;
	s = prot_referral_send(a->db, r.id, &v, day, NULL);
	if (s == ST_OK)
		snprintf(ack, size, "prot_referral %lld %d sent", r.id, v);
	return s == ST_INVALID ? ST_OK : s;   /* the case's consent to referral was refused */
}

bool verify_prot_referral(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return versioned(ro, "SELECT version, status FROM prot_referral WHERE id = ?1 AND consent = 1", w[0], w[1], w[2],
	                 why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'prot_referral' AND entity_id = ?1 "
	                  "AND action = 'update' AND changes LIKE '%\"status\": [\"draft\", \"sent\"]%'", "i", w, 0,
	                  why, size);
}
