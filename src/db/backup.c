/* A consistent, verified copy of the database (include/db/backup.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/jsonbuf.h"
#include "db/audit.h"
#include "db/backup.h"
#include "db/db_private.h"

/* Writes msg to detail. */
static void say(char *detail, size_t n, const char *msg)
{
	if (n)
		snprintf(detail, n, "%s", msg ? msg : "");
}

/* Creates path empty with mode 0660, failing if it exists. */
static enum status create_empty(const char *path, char *detail, size_t n)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0660);
	if (fd < 0) {
		if (errno == EEXIST)
			return ST_EXISTS;   /* says it all */
		say(detail, n, strerror(errno));
		return ST_CANT_CREATE;
	}
	/* The umask may have removed group read; the staff group shares it. */
	int rc = fchmod(fd, 0660);
	close(fd);
	if (rc != 0) {
		say(detail, n, strerror(errno));
		unlink(path);
		return ST_CANT_CREATE;
	}
	return ST_OK;
}

/* Flushes path to the disk; false on failure. */
static bool flush(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = fsync(fd) == 0;
	close(fd);
	return ok;
}

/* Opens the copy on its own and checks it whole. */
static enum status verify(const char *path, char *detail, size_t n)
{
	struct db *copy;
	enum status st = db_open(path, DB_READONLY, &copy, detail, n);
	if (st != ST_OK)
		return st;
	st = db_integrity(copy, detail, n);
	db_close(&copy);
	return st;
}

/* Records the copy in the audit trail of the database copied. */
static enum status record(struct db *db, const char *path, long long bytes)
{
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_str(&j, "file", path);
	jsonbuf_put_int(&j, "bytes", bytes);
	enum status st = db_begin(db);
	return st == ST_OK ? db_finish(db, audit_log(db, "backup", "database", 0, jsonbuf_text(&j))) : st;
}

enum status db_backup(struct db *db, const char *path, long long *bytes, char *detail, size_t n)
{
	*bytes = 0;
	say(detail, n, "");
	enum status st = create_empty(path, detail, n);
	if (st != ST_OK)
		return st;
	sqlite3_stmt *vac;
	int rc = sqlite3_prepare_v2(db_sqlite(db), "VACUUM INTO ?1", -1, &vac, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(vac, 1, path, -1, SQLITE_STATIC);
		rc = sqlite3_step(vac);
		if (rc != SQLITE_DONE)
			say(detail, n, sqlite3_errmsg(db_sqlite(db)));
		sqlite3_finalize(vac);
	} else {
		say(detail, n, sqlite3_errmsg(db_sqlite(db)));
	}
	st = rc == SQLITE_DONE ? ST_OK : db_status_of(rc) == ST_OK ? ST_INTERNAL : db_status_of(rc);
	if (st == ST_OK)
		st = verify(path, detail, n);
	struct stat sb;
	if (st == ST_OK && (!flush(path) || stat(path, &sb) != 0)) {
		say(detail, n, strerror(errno));
		st = ST_CANT_CREATE;
	}
	if (st == ST_OK) {
		*bytes = (long long)sb.st_size;
		st = record(db, path, *bytes);
	}
	if (st != ST_OK)
		db_remove_files(path);
	return st;
}
