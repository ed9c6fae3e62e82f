/* Attacks' write paths: distribution items edited by the administrator and
 * stock moves recorded at a centre (see ops.c). */
#define _POSIX_C_SOURCE 200809L
#include "db/dist_item_edit.h"
#include "db/dist_stock_move.h"
#include "ops_private.h"

static void act_named(struct attack *a, const char *name, enum role role)
{
	long long id = query(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = ?1", "t", (const char *[]){ name },
	                     NULL, 0);
	act_as(a, id > 0 ? id : 0, name, role);
}

/* The administrator changes the warning level of one of the items in use,
 * from the version read before a pause: another change meanwhile is a
 * conflict. */
enum status run_dist_item(struct attack *a, char *ack, size_t size)
{
	act_named(a, "admin", ROLE_ADMIN);
	char nth[24];
	snprintf(nth, sizeof nth, "%lld", (long long)attack_pick(a, 11));
	long long id = query(db_sqlite(a->db), "SELECT id FROM dist_item WHERE active ORDER BY position, id "
	                     "LIMIT 1 OFFSET ?1", "i", (const char *[]){ nth }, NULL, 0);
	if (id <= 0)
		id = query(db_sqlite(a->db), "SELECT min(id) FROM dist_item", "", NULL, NULL, 0);
	struct dist_item it;
	enum status r = dist_item_get(a->db, id, &it);
	if (r != ST_OK)
		return r;
	think(a);
	it.low_stock = 10 + (int)(a->token++ % 500);
	r = dist_item_save(a->db, &it, NULL, NULL);
	if (r == ST_OK)
		snprintf(ack, size, "dist_item %lld %d %d", it.id, it.version, it.low_stock);
	return r;
}

/* At that version or later, with the level acknowledged; audited. */
bool verify_dist_item(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	if (!versioned(ro, "SELECT version, low_stock FROM dist_item WHERE id = ?1", w[0], w[1], w[2], why, size))
		return false;
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'dist_item' AND entity_id = ?1 "
	               "AND action = 'update'", "i", w, 0, why, size);
}

/* The distribution agent records a receipt (or, one time in four, the
 * loss of one) of an item at the agent's centre. A loss of more than the
 * balance is refused, as the form says (a conflict here). */
enum status run_dist_stock(struct attack *a, char *ack, size_t size)
{
	act_named(a, "distribution", ROLE_DISTRIBUTION);
	char nth[24];
	snprintf(nth, sizeof nth, "%lld", (long long)attack_pick(a, 11));
	struct dist_stock_entry e;
	memset(&e, 0, sizeof e);
	e.item_id = query(db_sqlite(a->db), "SELECT id FROM dist_item WHERE active ORDER BY position, id "
	                  "LIMIT 1 OFFSET ?1", "i", (const char *[]){ nth }, NULL, 0);
	if (e.item_id <= 0)
		e.item_id = query(db_sqlite(a->db), "SELECT min(id) FROM dist_item", "", NULL, NULL, 0);
	query(db_sqlite(a->db), "SELECT 0, c.code FROM app_user u JOIN centre c ON c.id = u.centre_id "
	      "WHERE u.name = 'distribution'", "", NULL, e.centre_code, sizeof e.centre_code);
	if (!e.centre_code[0])
		snprintf(e.centre_code, sizeof e.centre_code, "ARL");
	bool loss = attack_pick(a, 4) == 0;
	snprintf(e.kind, sizeof e.kind, "%s", loss ? "issue" : "receipt");
	e.quantity = loss ? 1 : 1 + (long long)attack_pick(a, 200);
	snprintf(e.note, sizeof e.note, loss ? "Lost %lld" : "Waybill %lld", a->token++);
	think(a);
	struct dist_stock_move m;
	const char *msgid = NULL;
	enum status r = dist_stock_record(a->db, &e, &m, NULL, &msgid, NULL);
	if (r == ST_INVALID && loss)
		return ST_CONFLICT;
	if (r == ST_OK)
		snprintf(ack, size, "dist_stock %lld %lld", m.id, m.quantity);
	return r;
}

/* The move is there as acknowledged and audited, and every balance is the
 * sum of its moves less its servings. */
bool verify_dist_stock(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	if (!counted(ro, "SELECT count(*) FROM dist_stock_move WHERE id = ?1 AND quantity = ?2", "ii", w, 0, why, size)
	    || !counted(ro, "SELECT count(*) FROM audit WHERE entity = 'dist_stock_move' AND entity_id = ?1 "
	                "AND action = 'create'", "i", w, 0, why, size))
		return false;
	if (query(ro, "SELECT count(*) FROM dist_stock s WHERE s.balance <> "
	          "coalesce((SELECT sum(quantity) FROM dist_stock_move m WHERE m.centre_id = s.centre_id "
	          "AND m.item_id = s.item_id), 0) - coalesce((SELECT sum(quantity) FROM dist_serving v "
	          "WHERE v.centre_id = s.centre_id AND v.item_id = s.item_id), 0)", "", NULL, NULL, 0) != 0)
		return fail(why, size, "a balance differs from its moves and servings");
	return true;
}
