/* What the files of a child's protection records share: text and day
 * checks, the case's existence, and the child's head with its "view" row. */
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/prot_child.h"
#include "prot_child_private.h"

bool pc_text_fits(const char *s, size_t size, int chars, bool lines)
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

bool pc_day_ok(const char *s, size_t size, const char *today)
{
	if (!memchr(s, '\0', size) || !date_is_day(s))
		return false;
	return !today || strcmp(s, today) <= 0;
}

const char *pc_about(const char **field, const char *name, const char *msgid)
{
	if (field)
		*field = name;
	return msgid;
}

enum status pc_case_exists(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM prot_case WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

void pc_bind_actor(struct db *db, void *st, int idx)
{
	if (db_actor(db)->user_id > 0)
		sqlite3_bind_int64((sqlite3_stmt *)st, idx, db_actor(db)->user_id);
}

enum status prot_child_view(struct db *db, long long case_id, struct prot_child_head *h)
{
	memset(h, 0, sizeof *h);
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, "SELECT c.id, c.person_id, pe.family_name || ' ' || pe.given_names, c.status "
	                               "FROM prot_case c JOIN person pe ON pe.id = c.person_id WHERE c.id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, case_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		h->case_id = sqlite3_column_int64(st, 0);
		h->person_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, h->person, sizeof h->person);
		db_column_copy(st, 3, h->case_status, sizeof h->case_status);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	if ((r = db_begin(db)) != ST_OK)
		return r;
	return db_finish(db, audit_log(db, "view", "prot_child", case_id, NULL));
}
