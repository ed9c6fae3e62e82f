/* The helpers shared by the trafficking, consent and referral files (the
 * text and field helpers they share with the cases are in prot_case.c). */
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/text.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "prot_traffic_private.h"

bool prot_past_day_ok(const char *day, size_t size)
{
	if (!memchr(day, '\0', size) || !date_is_day(day))
		return false;
	char today[11];
	clock_today_iso(today, sizeof today);
	return strcmp(day, today) <= 0;
}

enum status prot_case_exists(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM prot_case WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status prot_audit_view(struct db *db, const char *entity, long long id)
{
	enum status s = db_begin(db);
	if (s != ST_OK)
		return s;
	return db_finish(db, audit_log(db, "view", entity, id, NULL));
}
