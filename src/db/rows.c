/* Row identity: uuids, the site id. See migration 011 for the columns and
 * triggers. */
#include <stdint.h>
#include <stdio.h>

#include "core/clock.h"
#include "db/db_private.h"
#include "db/rows.h"
#include "db/rows_private.h"

void rows_uuid(char out[ROWS_UUID_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[16];
	double now = clock_now_precise();
	uint64_t ms = now > 0 ? (uint64_t)(now * 1000.0) : 0;
	for (int i = 0; i < 6; i++)
		b[i] = (unsigned char)(ms >> (8 * (5 - i)));
	sqlite3_randomness(10, b + 6);
	b[6] = (unsigned char)(0x70 | (b[6] & 0x0f));   /* version 7 */
	b[8] = (unsigned char)(0x80 | (b[8] & 0x3f));   /* RFC 9562 variant */
	for (int i = 0; i < 16; i++) {
		out[2 * i] = hex[b[i] >> 4];
		out[2 * i + 1] = hex[b[i] & 0x0f];
	}
	out[ROWS_UUID_LEN] = '\0';
}

/* 'now' for SQLite, in Julian-day milliseconds: the program's clock. */
static int vfs_now_int64(sqlite3_vfs *vfs, sqlite3_int64 *now)
{
	(void)vfs;
	*now = (sqlite3_int64)(clock_now_precise() * 1000.0 + 0.5) + 210866760000000LL;
	return SQLITE_OK;
}

static int vfs_now(sqlite3_vfs *vfs, double *now)
{
	(void)vfs;
	*now = clock_now_precise() / 86400.0 + 2440587.5;
	return SQLITE_OK;
}

const char *rows_vfs(void)
{
	static sqlite3_vfs vfs;
	static int state;              /* 0 not tried, 1 registered, -1 failed */
	if (state == 0) {
		const sqlite3_vfs *base = sqlite3_vfs_find(NULL);
		state = -1;
		if (base && base->iVersion >= 2) {
			vfs = *base;
			vfs.zName = "taimako";
			vfs.pNext = NULL;
			vfs.xCurrentTime = vfs_now;
			vfs.xCurrentTimeInt64 = vfs_now_int64;
			if (sqlite3_vfs_register(&vfs, 0) == SQLITE_OK)
				state = 1;
		}
	}
	return state == 1 ? "taimako" : NULL;
}

enum status db_site(struct db *db, char *out, size_t size)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM setting WHERE key = 'site'");
	if (!st)
		return ST_INTERNAL;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_copy(st, 0, out, size);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (size)
		out[0] = '\0';
	return rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}
