/* The balance of an item at a centre (see db/dist_stock.h). */
#include "core/perm.h"
#include "db/db_private.h"
#include "db/dist_stock.h"

enum status dist_stock_balance(struct db *db, const char *centre_code, long long item, long long *balance,
                               bool *low)
{
	const struct db_actor *a = db_actor(db);
	if (!perm_allows(a->role, PERM_DISTRIBUTION_OVERRIDE) && !perm_allows(a->role, PERM_REPORTS)) {
		enum status r = db_require(db, PERM_DISTRIBUTION_WRITE);
		if (r != ST_OK)
			return r;
	}
	sqlite3_stmt *st = db_stmt(db,
		"SELECT coalesce((SELECT s.balance FROM dist_stock s JOIN centre c ON c.id = s.centre_id "
		"WHERE c.code = ?1 AND s.item_id = i.id), 0), i.low_stock FROM dist_item i WHERE i.id = ?2");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, centre_code);
	sqlite3_bind_int64(st, 2, item);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*balance = sqlite3_column_int64(st, 0);
		if (low)
			*low = sqlite3_column_int64(st, 1) > 0 && *balance <= sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}
