/* Bulk writes of distribution records for demo databases (see
 * db/bulk_dist.h and bulk.c for the batches). */
#include <string.h>

#include "db/bulk_dist.h"
#include "db/bulk_private.h"

#define ID4 ", ?, ?, ?, ?)"

const char bulk_sql_dist_serving[] =
	"INSERT OR IGNORE INTO dist_serving (id, person_id, item_id, centre_id, stay_id, day, served_at, meal, counter, "
	"quantity, override_reason, reverses_id, reason, served_by, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" ID4);
const char bulk_sql_dist_stock_move[] =
	"INSERT OR IGNORE INTO dist_stock_move (item_id, centre_id, day, kind, quantity, note, recorded_by, "
	IDENTITY ") VALUES " ROWS32("(?, ?, ?, ?, ?, ?, ?" ID4);

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

enum status bulk_dist_serving(struct bulk *b, const struct bulk_dist_serving *s)
{
	const enum batch_id t = BT_DIST_SERVING;
	if (!bulk_batch(b, t))
		return ST_INTERNAL;
	bulk_put_int(b, t, 0, s->id, false);
	bulk_put_int(b, t, 1, s->person, false);
	bulk_put_int(b, t, 2, s->item, false);
	bulk_put_int(b, t, 3, s->centre, false);
	bulk_put_int(b, t, 4, s->stay, true);
	bulk_put_text(b, t, 5, s->day, false);
	bulk_put_text(b, t, 6, s->served_at, false);
	bulk_put_text(b, t, 7, s->meal, true);
	bulk_put_text(b, t, 8, or_empty(s->counter), false);
	bulk_put_int(b, t, 9, s->quantity, false);
	bulk_put_text(b, t, 10, or_empty(s->override_reason), false);
	bulk_put_int(b, t, 11, s->reverses, true);
	bulk_put_text(b, t, 12, or_empty(s->reason), false);
	bulk_put_int(b, t, 13, s->served_by, true);
	return bulk_row_done(b, t);
}

enum status bulk_dist_stock_move(struct bulk *b, long long item, long long centre, const char *day,
                                 const char *kind, int quantity, const char *note, long long recorded_by)
{
	const enum batch_id t = BT_DIST_STOCK_MOVE;
	if (!bulk_batch(b, t))
		return ST_INTERNAL;
	bulk_put_int(b, t, 0, item, false);
	bulk_put_int(b, t, 1, centre, false);
	bulk_put_text(b, t, 2, day, false);
	bulk_put_text(b, t, 3, kind, false);
	bulk_put_int(b, t, 4, quantity, false);
	bulk_put_text(b, t, 5, or_empty(note), false);
	bulk_put_int(b, t, 6, recorded_by, true);
	return bulk_row_done(b, t);
}

long long bulk_dist_first_id(struct bulk *b)
{
	sqlite3_stmt *st = db_stmt(b->db, "SELECT coalesce(max(id), 0) + 1 FROM dist_serving");
	if (!st)
		return 0;
	long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return v;
}

enum status bulk_dist_stays(struct bulk *b, long long first, long long last,
                            enum status (*fn)(const struct bulk_dist_stay *s, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT s.id, s.person_id, s.centre_id, s.admitted, coalesce(s.departed, ''), p.sex, "
		"coalesce(p.birth_date, ''), "
		"min(p.id, coalesce((SELECT min(relative_id) FROM family_link f WHERE f.person_id = p.id), p.id)), "
		"coalesce((SELECT max(q.birth_date) FROM family_link f JOIN person q ON q.id = f.relative_id "
		"WHERE f.person_id = p.id), ''), "
		"coalesce((SELECT group_concat(flag, ' ') FROM person_flag g WHERE g.person_id = p.id), '') "
		"FROM stay s JOIN person p ON p.id = s.person_id WHERE s.person_id BETWEEN ?1 AND ?2 "
		"ORDER BY s.person_id, s.admitted";
	sqlite3_stmt *st = db_stmt(b->db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, first);
	sqlite3_bind_int64(st, 2, last);
	enum status s = ST_OK;
	int rc = SQLITE_DONE;
	while (s == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct bulk_dist_stay r;
		memset(&r, 0, sizeof r);
		r.stay = sqlite3_column_int64(st, 0);
		r.person = sqlite3_column_int64(st, 1);
		r.centre = sqlite3_column_int64(st, 2);
		db_column_copy(st, 3, r.admitted, sizeof r.admitted);
		db_column_copy(st, 4, r.departed, sizeof r.departed);
		const char *sex = (const char *)sqlite3_column_text(st, 5);
		r.sex = sex ? sex[0] : 'x';
		db_column_copy(st, 6, r.birth_date, sizeof r.birth_date);
		r.household = sqlite3_column_int64(st, 7);
		db_column_copy(st, 8, r.youngest, sizeof r.youngest);
		db_column_copy(st, 9, r.flags, sizeof r.flags);
		if (strcmp(r.birth_date, r.youngest) > 0)
			memcpy(r.youngest, r.birth_date, sizeof r.youngest);
		s = fn(&r, ctx);
	}
	if (s == ST_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
		s = db_status_of(rc);
	sqlite3_reset(st);
	return s;
}
