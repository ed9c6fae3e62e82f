/* The append-only audit trail. */
#include "db/audit.h"
#include "db/db_private.h"

enum status audit_log(struct db *db, const char *action, const char *entity,
                      long long entity_id, const char *changes_json)
{
	static const char sql[] =
		"INSERT INTO audit (at, user_id, user_name, origin, action, entity, entity_id, changes) "
		"VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	if (sqlite3_get_autocommit(db_sqlite(db)))
		return ST_INTERNAL; /* an audit row outside a transaction could be lost alone */
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	const struct db_actor *a = db_actor(db);
	if (a->user_id > 0)
		sqlite3_bind_int64(st, 1, a->user_id);
	db_bind_text(st, 2, a->user_name);
	db_bind_text(st, 3, a->origin);
	db_bind_text(st, 4, action);
	db_bind_text(st, 5, entity);
	if (entity_id > 0)
		sqlite3_bind_int64(st, 6, entity_id);
	db_bind_text(st, 7, changes_json);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

long long audit_count(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM audit");
	if (!st)
		return -1;
	long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return n;
}
