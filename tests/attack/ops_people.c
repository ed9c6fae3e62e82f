/* Attacks' write paths: registration and edits of people, stays, community
 * members (see ops.c). */
#define _POSIX_C_SOURCE 200809L
#include "ops_private.h"

/* ---- registration and edits of people ----------------------------------- */

enum status run_register(struct attack *a, char *ack, size_t size)
{
	struct person p;
	memset(&p, 0, sizeof p);
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	snprintf(p.family_name, sizeof p.family_name, "Attack");
	snprintf(p.given_names, sizeof p.given_names, "T%lld", a->token++);
	p.sex = attack_pick(a, 2) ? 'f' : 'm';
	today(p.arrival_date);
	today(p.consent_date);
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "self");
	p.consent_data = true;
	enum status s = person_save(a->db, &p, NULL, NULL, 0);
	if (s != ST_OK)
		return s;
	a->mine[a->nmine++ % ATTACK_MINE] = p.id;
	snprintf(ack, size, "person %lld %s %s", p.id, p.case_key, p.given_names);
	return ST_OK;
}

bool verify_register(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[256], now[256];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	if (query(ro, "SELECT id, case_key || ' ' || given_names FROM person WHERE id = ?1", "i", w, now,
	          sizeof now) < 0)
		return fail(why, size, "person missing");
	char want[256];
	snprintf(want, sizeof want, "%s %s", w[1], w[2]);
	return strcmp(now, want) == 0 || fail(why, size, "case number or name differs");
}

/* Reads a person, waits, changes the phone and saves with the version read:
 * the data layer must refuse it if another session saved in between. */
enum status run_edit(struct attack *a, char *ack, size_t size)
{
	struct person orig, p;
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	enum status s = person_get(a->db, some_person(a), &orig);
	if (s != ST_OK)
		return s;
	p = orig;
	think(a);
	snprintf(p.phone, sizeof p.phone, "+2279%09lld", a->token++ % 1000000000LL);
	char changed[256];
	if ((s = person_save(a->db, &p, &orig, changed, sizeof changed)) != ST_OK)
		return s;
	snprintf(ack, size, "edit %lld %d %s", p.id, p.version, p.phone);
	return ST_OK;
}

bool verify_edit(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[256];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	if (!versioned(ro, "SELECT version, phone FROM person WHERE id = ?1", w[0], w[1], w[2], why, size))
		return false;
	/* Every acknowledged change is in the person's history. */
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'person' AND entity_id = ?1 "
	               "AND action = 'update' AND instr(changes, ?2) > 0", "it", (const char *[]){ w[0], w[2] },
	               0, why, size);
}

enum status run_view(struct attack *a, char *ack, size_t size)
{
	struct person p;
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	long long id = some_person(a);
	enum status s = person_get(a->db, id, &p);
	if (s == ST_OK)
		snprintf(ack, size, "view %lld", id);
	return s;
}

bool verify_view(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'person' AND entity_id = ?1 AND action = 'view'",
	               "i", (const char *[]){ args }, nth, why, size);
}

enum status run_link(struct attack *a, char *ack, size_t size)
{
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	long long x = some_person(a);
	long long j = attack_pick(a, ATTACK_HOT), y = a->hot[j];
	if (x == y)
		y = a->hot[(j + 1) % ATTACK_HOT];
	enum status s = person_link(a->db, x, y, "sibling");
	if (s == ST_OK)
		snprintf(ack, size, "link %lld %lld", x, y);
	return s;
}

bool verify_link(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[64];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM family_link WHERE person_id = ?1 AND relative_id = ?2 "
	               "AND relation = 'sibling'", "ii", w, 0, why, size);
}

/* ---- stays -------------------------------------------------------------- */

struct latest_stay {
	long long id;
	bool open;
};

static void take_stay(const struct person_stay *st, void *ctx)
{
	struct latest_stay *l = ctx;
	if (!l->id) {
		l->id = st->id;
		l->open = !st->departed[0];
	}
}

/* Departs the latest stay of a person, or admits them again with
 * services. Another session may have done it first (the hot people): the
 * data layer then refuses (ST_INVALID), a conflict detected. */
enum status run_stay(struct attack *a, char *ack, size_t size)
{
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	long long person = some_person(a);
	struct latest_stay l = { 0, false };
	enum status s = person_stays(a->db, person, 0, 1, take_stay, &l, NULL);
	if (s != ST_OK)
		return s;
	char day[11];
	today(day);
	if (l.id && l.open) {
		if ((s = stay_depart(a->db, l.id, day, "continued")) == ST_OK)
			snprintf(ack, size, "depart %lld", l.id);
		return s == ST_INVALID ? ST_CONFLICT : s;
	}
	long long id;
	if ((s = stay_admit(a->db, person, attack_pick(a, 2) ? "AGZ" : "NY1", day, &id)) != ST_OK)
		return s == ST_INVALID ? ST_CONFLICT : s;
	bool given[SERVICE_COUNT_] = { true, attack_pick(a, 2) == 1, false, true };
	int n = snprintf(ack, size, "admit %lld %lld\n", id, person);
	if ((s = stay_set_services(a->db, id, given)) != ST_OK) {
		ack[n - 1] = '\0';
		return s == ST_BUSY ? ST_OK : s;   /* the admission stands acknowledged */
	}
	int count = 0;
	for (int i = 0; i < SERVICE_COUNT_; i++)
		count += given[i];
	snprintf(ack + n, size - (size_t)n, "services %lld %d", id, count);
	return ST_OK;
}

bool verify_depart(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	return counted(ro, "SELECT count(*) FROM stay WHERE id = ?1 AND departed IS NOT NULL", "i",
	               (const char *[]){ args }, nth, why, size);
}

bool verify_admit(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	char buf[64];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM stay WHERE id = ?1 AND person_id = ?2", "ii", w, nth, why, size);
}

bool verify_services(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[64];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	long long n = query(ro, "SELECT count(*) FROM stay_service WHERE stay_id = ?1", "i", w, NULL, 0);
	return n == strtoll(w[1], NULL, 10) || fail(why, size, "services differ");
}

/* ---- community members (vocational training) ---------------------------- */

enum status run_community(struct attack *a, char *ack, size_t size)
{
	struct person p;
	memset(&p, 0, sizeof p);
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);   /* PERM_COMMUNITY_WRITE too */
	snprintf(p.family_name, sizeof p.family_name, "Community");
	snprintf(p.given_names, sizeof p.given_names, "C%lld", a->token++);
	p.sex = attack_pick(a, 2) ? 'f' : 'm';
	snprintf(p.birth_date, sizeof p.birth_date, "%04d", 1970 + (int)(attack_pick(a, 35) % 35));
	p.birth_estimated = true;
	snprintf(p.locality, sizeof p.locality, "Dagmanet");
	today(p.consent_date);
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	p.consent_data = true;
	enum status s = community_register(a->db, &p);
	if (s != ST_OK)
		return s;
	snprintf(ack, size, "community %lld %s %s", p.id, p.case_key, p.given_names);
	return ST_OK;
}

/* The member is there with its number and name, as a community member or
 * (arrived since) a migrant who was one, with its creation audited. */
bool verify_community(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[256], now[256];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	if (query(ro, "SELECT id, case_key || ' ' || given_names FROM person WHERE id = ?1 "
	          "AND community_since IS NOT NULL", "i", w, now, sizeof now) < 0)
		return fail(why, size, "community member missing");
	char want[256];
	snprintf(want, sizeof want, "%s %s", w[1], w[2]);
	if (strcmp(now, want) != 0)
		return fail(why, size, "number or name differs");
	if (query(ro, "SELECT count(*) FROM audit WHERE entity = 'person' AND entity_id = ?1 AND action = 'create'",
	          "i", w, NULL, 0) != 1)
		return fail(why, size, "creation not audited once");
	return true;
}

enum status run_community_edit(struct attack *a, char *ack, size_t size)
{
	sqlite3_stmt *st;
	long long id = 0;
	if (sqlite3_prepare_v2(db_sqlite(a->db), "SELECT id FROM person WHERE kind = 'community' "
	                       "ORDER BY random() LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return ST_INTERNAL;
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (!id)
		return ST_OK;   /* none yet: nothing acknowledged */
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	struct person orig, p;
	enum status s = person_current(a->db, id, &orig);
	if (s != ST_OK)
		return s;
	p = orig;
	snprintf(p.locality, sizeof p.locality, "L%lld", a->token++);
	think(a);
	const char *why = NULL;
	s = community_update(a->db, &p, &orig, &why);
	/* Arrived meanwhile (another session): detected. */
	if (s == ST_INVALID && why && strcmp(why, "This person is registered as a migrant already.") == 0)
		return ST_CONFLICT;
	if (s != ST_OK)
		return s;
	snprintf(ack, size, "community_edit %lld %d %s", p.id, p.version, p.locality);
	return ST_OK;
}

/* The locality saved, or a later version. */
bool verify_community_edit(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[256];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return versioned(ro, "SELECT version, locality FROM person WHERE id = ?1", w[0], w[1], w[2], why, size);
}

enum status run_community_arrive(struct attack *a, char *ack, size_t size)
{
	sqlite3_stmt *st;
	long long id = 0;
	if (sqlite3_prepare_v2(db_sqlite(a->db), "SELECT id FROM person WHERE kind = 'community' "
	                       "ORDER BY random() LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return ST_INTERNAL;
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (!id)
		return ST_OK;   /* none yet: nothing acknowledged */
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	char day[11];
	today(day);
	const char *why = NULL;
	enum status s = community_arrive(a->db, id, "AGZ", day, "self", &why);
	/* Another session registered the arrival first: detected. */
	if (s == ST_INVALID && why && strcmp(why, "This person is registered as a migrant already.") == 0)
		return ST_CONFLICT;
	if (s != ST_OK)
		return s;
	snprintf(ack, size, "community_arrive %lld", id);
	return ST_OK;
}

/* A migrant now, once, with a stay and the switch audited once. */
bool verify_community_arrive(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	const char *w[1] = { args };
	if (query(ro, "SELECT count(*) FROM person WHERE id = ?1 AND kind = 'migrant' AND community_since IS NOT NULL",
	          "i", w, NULL, 0) != 1)
		return fail(why, size, "not a migrant who was a community member");
	if (query(ro, "SELECT count(*) FROM stay WHERE person_id = ?1", "i", w, NULL, 0) != 1)
		return fail(why, size, "not one stay");
	if (query(ro, "SELECT count(*) FROM audit WHERE entity = 'person' AND entity_id = ?1 AND action = 'update' "
	          "AND changes LIKE '%\"kind\": [\"community\", \"migrant\"]%'", "i", w, NULL, 0) != 1)
		return fail(why, size, "switch not audited once");
	return true;
}
