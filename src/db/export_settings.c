/* What partners' exports read from the database besides the counts: the
 * threshold of small numbers (setting report_suppress) and a centre's
 * region P-code (centre.region_pcode, OCHA admin-1, loaded with the
 * centres and editable with them). */
#include <stdlib.h>
#include <string.h>

#include "core/report_out.h"
#include "db/db_private.h"
#include "db/export_people.h"

enum status report_suppress_setting(struct db *db, int *threshold)
{
	*threshold = REPORT_SUPPRESS_DEFAULT;
	enum status r = db_require(db, PERM_REPORTS);
	if (r != ST_OK)
		return r;
	long v = *threshold;
	r = db_setting_whole(db, REPORT_SUPPRESS_KEY, 0, 99, &v);
	*threshold = (int)v;
	return r;
}

enum status report_centre_pcode(struct db *db, const char *code, char *out, size_t size)
{
	if (size)
		out[0] = '\0';
	if (!code || !*code)
		return ST_OK;
	sqlite3_stmt *st = db_stmt(db, "SELECT region_pcode FROM centre WHERE code = ?1");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, code);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_copy(st, 0, out, size);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	return rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}
