/* The helpers shared by the trafficking, consent and referral files. */
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/text.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "prot_traffic_private.h"

bool prot_text_fits(const char *s, size_t size, int chars, bool lines)
{
	if (!memchr(s, '\0', size) || !text_valid_utf8(s))
		return false;
	int n = 0;
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if ((*c < 0x20 && !(lines && *c == '\n')) || *c == 0x7f)
			return false;
		if ((*c & 0xc0) != 0x80)
			n++;
	}
	return n <= chars;
}

bool prot_day_ok(const char *day, size_t size)
{
	if (!memchr(day, '\0', size) || !date_is_day(day))
		return false;
	char today[11];
	clock_today_iso(today, sizeof today);
	return strcmp(day, today) <= 0;
}

const char *prot_about(const char **field, const char *name, const char *msgid)
{
	if (field)
		*field = name;
	return msgid;
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
