/* What the protection module's parts share (see db/prot.h). */
#include "core/perm.h"
#include "db/db_private.h"
#include "db/prot.h"

enum status prot_under_followup(struct db *db, long long person, bool *under)
{
	*under = false;
	enum status r = db_require(db, PERM_PERSON_READ);
	if (r != ST_OK && (r = db_require(db, PERM_PROTECTION_READ)) != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM prot_case WHERE person_id = ?1 AND status = 'open'");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	int rc = sqlite3_step(st);
	*under = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

enum status prot_child_determination(struct db *db, long long person, bool *child, bool *approved)
{
	*child = *approved = false;
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db,
		"SELECT EXISTS (SELECT 1 FROM person_flag WHERE person_id = ?1 "
		"               AND flag IN ('unaccompanied_child', 'separated_child')), "
		"       EXISTS (SELECT 1 FROM prot_best_interest b JOIN prot_case c ON c.id = b.case_id "
		"               WHERE c.person_id = ?1 AND b.status = 'approved')");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*child = sqlite3_column_int(st, 0) != 0;
		*approved = sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : db_status_of(rc);
}
