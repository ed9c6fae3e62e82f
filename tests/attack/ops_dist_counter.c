/* Attacks' write paths: serving at a distribution counter and reversing a
 * serving (see ops.c). Many sessions serve the hot people at once, as
 * counters serving the same queue: the data layer must give one serving
 * per window, never two; now and then a manager serves anyway with a
 * reason (an override, which may make a second). */
#define _POSIX_C_SOURCE 200809L
#include "ops_private.h"
#include "db/dist_serve.h"
#include "db/report_dist.h"

/* The items every person may receive (no sex, age or flag rule). */
static const char *const served_items[] = { "water", "blanket", "mat", "food_ration", "clothes", "nfi_kit" };

static long long account(struct attack *a, const char *name)
{
	const char *args[1] = { name };
	long long id = query(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = ?1", "t", args, NULL, 0);
	return id > 0 ? id : 0;
}

/* Serves one item to a hot person (or one of the writer's) at the centre
 * of their stay, as the counter does after a pause; "already served"
 * (another session served first) is reported as a conflict. One time in
 * eight the manager serves anyway, with a reason. */
enum status run_dist_serve(struct attack *a, char *ack, size_t size)
{
	bool override = attack_pick(a, 8) == 0;
	if (override)
		act_as(a, account(a, "manager"), "manager", ROLE_MANAGER);
	else
		act_as(a, account(a, "distribution"), "distribution", ROLE_DISTRIBUTION);
	long long person = some_person(a);
	const char *code = served_items[attack_pick(a, (long long)(sizeof served_items / sizeof served_items[0]))];
	const char *args[1] = { code };
	long long item = query(db_sqlite(a->db), "SELECT id FROM dist_item WHERE code = ?1", "t", args, NULL, 0);
	if (item <= 0)
		return ST_CONFLICT;
	char pid[24], centre[16] = "";
	snprintf(pid, sizeof pid, "%lld", person);
	const char *pargs[1] = { pid };
	query(db_sqlite(a->db), "SELECT 1, c.code FROM stay s JOIN centre c ON c.id = s.centre_id WHERE s.person_id = ?1 "
	      "AND s.departed IS NULL ORDER BY s.admitted DESC LIMIT 1", "i", pargs, centre, sizeof centre);
	struct dist_counter c;
	memset(&c, 0, sizeof c);
	snprintf(c.centre_code, sizeof c.centre_code, "%s", centre[0] ? centre : "AGZ");
	snprintf(c.counter, sizeof c.counter, "%lld", 1 + attack_pick(a, 3));
	think(a);
	struct dist_served out;
	enum status r = dist_serve(a->db, &c, person, &item, 1, override ? "Attack: served anyway" : NULL, &out, NULL);
	if (r == ST_INVALID)
		return ST_CONFLICT;   /* already served, or not staying: what the counter shows */
	if (r == ST_OK)
		snprintf(ack, size, "dist_serve %lld %lld %lld %d", out.serving[0], person, item, override);
	return r;
}

/* The summary of the servings by person, centre and year (migration 027)
 * is the ledger's, whatever was cut short. */
static bool summary_right(sqlite3 *ro, char *why, size_t size)
{
	if (query(ro, DIST_SERVING_YEAR_CHECK_SQL, "", NULL, NULL, 0) != 0)
		return fail(why, size, "the servings' summary by year differs from the ledger");
	return true;
}

/* The serving is there as acknowledged, audited, and (unless it was an
 * override) no other live serving of the item to the same person without
 * an override falls in its window: served once, even by many counters. */
bool verify_dist_serve(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[4];
	if (words(args, buf, sizeof buf, w, 4) != 4)
		return fail(why, size, "bad line");
	if (!counted(ro, "SELECT count(*) FROM dist_serving WHERE id = ?1 AND person_id = ?2 AND item_id = ?3 "
	             "AND quantity > 0", "iii", w, 0, why, size) ||
	    !counted(ro, "SELECT count(*) FROM audit WHERE entity = 'dist_serving' AND entity_id = ?1 "
	             "AND action = 'create'", "i", w, 0, why, size))
		return false;
	if (strcmp(w[3], "1") == 0)
		return summary_right(ro, why, size);
	long long twice = query(ro,
		"SELECT count(*) FROM dist_serving s JOIN dist_item i ON i.id = s.item_id JOIN dist_serving x "
		"ON x.person_id = s.person_id AND x.item_id = s.item_id AND x.id != s.id "
		"WHERE s.id = ?1 AND x.quantity > 0 AND x.override_reason = '' "
		"AND NOT EXISTS (SELECT 1 FROM dist_serving r WHERE r.reverses_id = x.id) "
		"AND NOT EXISTS (SELECT 1 FROM dist_serving r WHERE r.reverses_id = s.id) "
		"AND CASE i.frequency WHEN 'daily' THEN x.day = s.day "
		"WHEN 'per_meal' THEN x.day = s.day AND x.meal IS s.meal "
		"WHEN 'every_n_days' THEN abs(julianday(x.day) - julianday(s.day)) < i.every_days "
		"ELSE x.stay_id IS s.stay_id END", "i", w, NULL, 0);
	if (twice != 0)
		return fail(why, size, "served twice in one window without an override");
	return summary_right(ro, why, size);
}

/* Reverses a live serving of today made by the distribution clerk (as
 * the clerk: their own of the same day), read before a pause: one
 * reversed by another writer meanwhile is refused (a conflict). Serves
 * when there is none. */
enum status run_dist_reverse(struct attack *a, char *ack, size_t size)
{
	long long clerk = account(a, "distribution");
	act_as(a, clerk, "distribution", ROLE_DISTRIBUTION);
	char day[11], uid[24];
	today(day);
	snprintf(uid, sizeof uid, "%lld", clerk);
	const char *args[2] = { day, uid };
	long long id = query(db_sqlite(a->db), "SELECT s.id FROM dist_serving s WHERE s.day = ?1 AND s.served_by = ?2 "
	                     "AND s.quantity > 0 AND NOT EXISTS (SELECT 1 FROM dist_serving r WHERE r.reverses_id = s.id) "
	                     "ORDER BY random() LIMIT 1", "ti", args, NULL, 0);
	if (id <= 0)
		return run_dist_serve(a, ack, size);
	think(a);
	long long rid;
	enum status r = dist_reverse(a->db, id, "Attack: wrong person", &rid, NULL);
	if (r == ST_INVALID)
		return ST_CONFLICT;
	if (r == ST_OK)
		snprintf(ack, size, "dist_reverse %lld %lld", rid, id);
	return r;
}

/* The reversal undoes the serving for its whole quantity, once, audited. */
bool verify_dist_reverse(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM dist_serving r JOIN dist_serving s ON s.id = r.reverses_id "
	               "WHERE r.id = ?1 AND s.id = ?2 AND r.quantity = -s.quantity AND r.reason != ''", "ii", w, 0, why,
	               size) &&
	       counted(ro, "SELECT count(*) FROM audit WHERE entity = 'dist_serving' AND entity_id = ?1 "
	               "AND action = 'create'", "i", w, 0, why, size) &&
	       summary_right(ro, why, size);
}
