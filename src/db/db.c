/* The connection, its pragmas, migrations and transactions. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/phone.h"
#include "core/i18n.h"
#include "db/audit.h"
#include "db/audit_chain.h"
#include "db/audit_private.h"
#include "db/db_private.h"
#include "db/migrations.h"
#include "db/person_private.h"
#include "db/rows_private.h"
#include "db/sync_private.h"

#define STMT_CACHE_FIRST 128   /* slots at first; a power of two */
/* How long a session waits for another's write lock before it is told the
 * database is busy, polling every BUSY_POLL_MS. SQLite's own wait sleeps
 * longer and longer (up to 100 ms between tries), so that a session that
 * has waited long loses the lock to those that just came: with sixteen
 * sessions writing, some waited past the limit and were told "busy". */
#define BUSY_TIMEOUT_MS 5000
#define BUSY_POLL_MS 1
/* The write-ahead log (WAL) is kept small. After a commit that leaves
 * WAL_CHECKPOINT_FRAMES pages or more in it, they are copied back into the
 * database as far as readers allow (SQLite's own automatic checkpoint).
 * But a reader holding an old snapshot (a `taimako check`, and then
 * another) keeps the log from ever starting over: it grew to hundreds of
 * megabytes. So past WAL_RESTART_FRAMES pages, a commit also tries to
 * empty the file, waiting at most WAL_RESTART_WAIT_MS for the readers
 * while writers wait: as soon as everything could be copied back (the old
 * reader is gone), and else on the commits that end just past each
 * multiple of WAL_RESTART_AGAIN pages (within WAL_RESTART_WINDOW: one or
 * two commits of all the sessions, not each of them), or after
 * 2 * WAL_RESTART_AGAIN more pages for a connection whose commits jumped
 * over the window. Whenever the log starts over, the file is cut back to
 * WAL_SIZE_LIMIT bytes; a writer closing empties it if nobody reads. */
#define WAL_CHECKPOINT_FRAMES 1000
#define WAL_RESTART_FRAMES 2048
#define WAL_RESTART_AGAIN 1024
#define WAL_RESTART_WINDOW 48
#define WAL_RESTART_WAIT_MS 100
#define WAL_SIZE_LIMIT (4 * 1024 * 1024)

struct cached_stmt {
	const char *sql;        /* NULL: a free slot */
	sqlite3_stmt *stmt;
};

struct db {
	sqlite3 *sql;
	struct db_actor actor;
	/* Prepared statements by the address of their text: a hash table with
	 * open addressing, at most half full, doubled when it would be more. */
	struct cached_stmt *cache;
	size_t cache_slots;
	size_t ncached;
	char phone_cc[PHONE_CC_MAX + 1];
	int refused;   /* a permission refused inside a transaction, -1 none */
	int next_restart;       /* WAL pages at which to try emptying it next */
	int busy_limit_ms;      /* the longest wait for a lock now */
	double busy_since;      /* when the current wait began (monotonic ms) */
	bool defer_search;      /* search-index rows kept for person_search_flush */
	struct sync_conn *sync; /* the change capture (src/db/sync_schema.c) */
};

/* The country code given to the connections opened from now on. */
static char phone_cc[PHONE_CC_MAX + 1] = PHONE_DEFAULT_COUNTRY;

enum status db_set_phone_country(const char *cc)
{
	if (!phone_country_ok(cc))
		return ST_INVALID;
	snprintf(phone_cc, sizeof phone_cc, "%s", cc);
	return ST_OK;
}

const char *db_phone_country(struct db *db)
{
	return db->phone_cc;
}

bool db_defer_search(struct db *db)
{
	return db->defer_search;
}

void db_set_defer_search(struct db *db, bool on)
{
	db->defer_search = on;
}

/* Copies a detail message, if the caller wants one. */
static void set_detail(char *detail, size_t n, const char *msg)
{
	if (detail && n > 0)
		snprintf(detail, n, "%s", msg ? msg : "");
}

enum status db_status_of(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_DONE:
	case SQLITE_ROW:
		return ST_OK;
	case SQLITE_NOMEM:
		return ST_NOMEM;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ST_BUSY;
	case SQLITE_CORRUPT:
		return ST_CORRUPT;
	case SQLITE_NOTADB:
		return ST_NOT_TAIMAKO;
	case SQLITE_CONSTRAINT:
		return (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
		       ? ST_DUPLICATE : ST_INVALID;
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return ST_CANT_OPEN;
	case SQLITE_IOERR:
	case SQLITE_FULL:
		return ST_IO;
	default:
		return ST_INTERNAL;
	}
}

sqlite3 *db_sqlite(struct db *db)
{
	return db->sql;
}

const struct db_actor *db_actor(struct db *db)
{
	return &db->actor;
}

/* The first slot to look at for sql in a table of slots slots (a power of
 * two): the address, mixed so that nearby literals spread out. */
static size_t stmt_slot(const char *sql, size_t slots)
{
	uint64_t h = (uint64_t)(uintptr_t)sql;
	h ^= h >> 29;
	h *= UINT64_C(0x9E3779B97F4A7C15);
	return (size_t)(h >> 32) & (slots - 1);
}

/* Moves the cache into a table twice as large; false when out of memory. */
static bool stmt_cache_grow(struct db *db)
{
	size_t slots = db->cache_slots ? db->cache_slots * 2 : STMT_CACHE_FIRST;
	struct cached_stmt *bigger = calloc(slots, sizeof *bigger);
	if (!bigger)
		return false;
	for (size_t i = 0; i < db->cache_slots; i++) {
		if (!db->cache[i].sql)
			continue;
		size_t j = stmt_slot(db->cache[i].sql, slots);
		while (bigger[j].sql)
			j = (j + 1) & (slots - 1);
		bigger[j] = db->cache[i];
	}
	free(db->cache);
	db->cache = bigger;
	db->cache_slots = slots;
	return true;
}

sqlite3_stmt *db_stmt(struct db *db, const char *sql)
{
	if (db->cache_slots) {
		size_t i = stmt_slot(sql, db->cache_slots);
		for (; db->cache[i].sql; i = (i + 1) & (db->cache_slots - 1))
			if (db->cache[i].sql == sql)
				return db->cache[i].stmt;
	}
	if ((db->ncached + 1) * 2 > db->cache_slots && !stmt_cache_grow(db))
		return NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
		return NULL;
	size_t i = stmt_slot(sql, db->cache_slots);
	while (db->cache[i].sql)
		i = (i + 1) & (db->cache_slots - 1);
	db->cache[i].sql = sql;
	db->cache[i].stmt = st;
	db->ncached++;
	return st;
}

size_t db_stmt_cached(struct db *db)
{
	return db->ncached;
}

int db_bind_text(sqlite3_stmt *st, int idx, const char *text)
{
	if (!text)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, text, -1, SQLITE_TRANSIENT);
}

enum status db_step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

enum status db_finish(struct db *db, enum status s)
{
	if (s == ST_OK)
		return db_commit(db);
	db_rollback(db);
	return s;
}

long long db_centre_id(struct db *db, const char *code)
{
	static const char sql[] = "SELECT id FROM centre WHERE code = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return 0;
	db_bind_text(st, 1, code);
	long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return id;
}

void db_bind_opt(sqlite3_stmt *st, int idx, const char *text)
{
	db_bind_text(st, idx, text && *text ? text : NULL);
}

void *db_grow(void **items, size_t *n, size_t *cap, size_t size)
{
	if (*n == *cap) {
		size_t more = *cap ? *cap * 2 : 16;
		void *bigger = realloc(*items, more * size);
		if (!bigger)
			return NULL;
		*items = bigger;
		*cap = more;
	}
	void *slot = (char *)*items + (*n)++ * size;
	memset(slot, 0, size);
	return slot;
}

void db_column_copy(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(out, size, "%s", t ? (const char *)t : "");
}

/* Reads one integer pragma; returns an SQLite result code. */
static int pragma_int(sqlite3 *sql, const char *pragma, int *value)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(sql, pragma, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*value = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int db_version(struct db *db)
{
	int v = -1;
	pragma_int(db->sql, "PRAGMA user_version", &v);
	return v;
}

int db_latest_version(void)
{
	return migrations_count;
}

/* Runs sql with no result rows, keeping SQLite's message on failure. */
static int exec(struct db *db, const char *sql)
{
	return sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
}

/* Writes the refusal noted inside the transaction that just ended. */
static void write_refusal(struct db *db)
{
	int p = db->refused;
	db->refused = -1;
	if (p >= 0)
		audit_refused(db, "permission", perm_name((enum perm)p), "", 0);
}

struct sync_conn **db_sync_conn(struct db *db)
{
	return &db->sync;
}

enum status db_begin(struct db *db)
{
	enum status s = db_status_of(exec(db, "BEGIN IMMEDIATE"));
	if (s == ST_OK)
		sync_on_begin(db);
	return s;
}

enum status db_commit(struct db *db)
{
	/* The change log's entry of this transaction is written in it. */
	enum status s = sync_on_commit(db);
	if (s != ST_OK) {
		db_rollback(db);
		return s;
	}
	int rc = exec(db, "COMMIT");
	if (rc != SQLITE_OK)
		db_rollback(db);
	else
		write_refusal(db);
	return db_status_of(rc);
}

void db_rollback(struct db *db)
{
	sync_on_end(db);
	if (!sqlite3_get_autocommit(db->sql))
		exec(db, "ROLLBACK");
	write_refusal(db);
}

/* Applies every migration newer than the database, each in its own
 * transaction. The version is read again under the write lock, so two
 * sessions starting at once never apply the same migration twice. */
static enum status migrate(struct db *db, int upto, char *detail, size_t n)
{
	/* Up to date (nearly always): no write lock, which sixteen sessions
	 * signing in at once would queue for. */
	if (db_version(db) >= upto)
		return ST_OK;
	for (;;) {
		enum status st = db_begin(db);
		if (st != ST_OK) {
			set_detail(detail, n, sqlite3_errmsg(db->sql));
			return st;
		}
		int v = db_version(db);
		if (v >= upto) {
			db_rollback(db);
			return ST_OK;
		}
		const struct migration *m = &migrations[v];
		int rc = exec(db, m->sql);
		if (rc == SQLITE_OK && v == 0) {
			char buf[64];
			snprintf(buf, sizeof buf, "PRAGMA application_id = %d", DB_APPLICATION_ID);
			rc = exec(db, buf);
		}
		if (rc == SQLITE_OK) {
			char buf[64];
			snprintf(buf, sizeof buf, "PRAGMA user_version = %d", m->version);
			rc = exec(db, buf);
		}
		if (rc != SQLITE_OK) {
			char msg[300];
			snprintf(msg, sizeof msg, "%s: %s", m->name, sqlite3_errmsg(db->sql));
			set_detail(detail, n, msg);
			db_rollback(db);
			return db_status_of(rc);
		}
		st = db_commit(db);
		if (st != ST_OK) {
			set_detail(detail, n, sqlite3_errmsg(db->sql));
			return st;
		}
	}
}

/* Milliseconds on the monotonic clock: for measuring waits only (never a
 * date; those come from core/clock.h). */
static double elapsed_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* SQLite's busy handler: tries again every BUSY_POLL_MS until the wait
 * reaches db->busy_limit_ms. */
static int busy_wait(void *ctx, int tries)
{
	struct db *db = ctx;
	double now = elapsed_ms();
	if (tries == 0)
		db->busy_since = now;
	if (now - db->busy_since >= db->busy_limit_ms)
		return 0;
	struct timespec ts = { 0, BUSY_POLL_MS * 1000000L };
	nanosleep(&ts, NULL);
	return 1;
}

/* Empties the WAL into the database if the readers let it within
 * WAL_RESTART_WAIT_MS: SQLITE_OK when done. */
static int wal_truncate(struct db *db, const char *schema)
{
	db->busy_limit_ms = WAL_RESTART_WAIT_MS;
	int rc = sqlite3_wal_checkpoint_v2(db->sql, schema, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	db->busy_limit_ms = BUSY_TIMEOUT_MS;
	return rc;
}

/* Called by SQLite after each commit with the pages now in the WAL. */
static int wal_hook(void *ctx, sqlite3 *sql, const char *schema, int frames)
{
	struct db *db = ctx;
	if (frames < WAL_CHECKPOINT_FRAMES)
		return SQLITE_OK;
	int log = 0, copied = 0;
	sqlite3_wal_checkpoint_v2(sql, schema, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
	if (frames < WAL_RESTART_FRAMES)
		return SQLITE_OK;
	/* Everything copied: no reader holds an old snapshot any more. */
	bool free_now = log > 0 && copied == log;
	if (free_now || frames % WAL_RESTART_AGAIN < WAL_RESTART_WINDOW || frames >= db->next_restart) {
		db->next_restart = frames + 2 * WAL_RESTART_AGAIN;
		if (wal_truncate(db, schema) == SQLITE_OK)
			db->next_restart = 0;
	}
	return SQLITE_OK;
}

/* Sets the per-connection pragmas of a writable connection. WAL lets many
 * sessions read while one writes; FULL sync because power cuts are common
 * at the sites. */
static enum status configure(struct db *db, char *detail, size_t n)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->sql, "PRAGMA journal_mode=WAL", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		const unsigned char *mode = rc == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
		rc = (mode && strcmp((const char *)mode, "wal") == 0) ? SQLITE_OK : SQLITE_CANTOPEN;
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_OK) {
		char limit[64];
		snprintf(limit, sizeof limit, "PRAGMA journal_size_limit=%d;", WAL_SIZE_LIMIT);
		rc = exec(db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
		if (rc == SQLITE_OK)
			rc = exec(db, limit);
	}
	if (rc != SQLITE_OK) {
		set_detail(detail, n, sqlite3_errmsg(db->sql));
		return db_status_of(rc);
	}
	sqlite3_wal_hook(db->sql, wal_hook, db);
	return ST_OK;
}

/* Checks that an opened file is a Taimako database this program can use,
 * reading only. */
static enum status identify(struct db *db, char *detail, size_t n)
{
	int app_id = 0, version = 0;
	int rc = pragma_int(db->sql, "PRAGMA application_id", &app_id);
	if (rc == SQLITE_OK)
		rc = pragma_int(db->sql, "PRAGMA user_version", &version);
	if (rc != SQLITE_OK) {
		set_detail(detail, n, sqlite3_errmsg(db->sql));
		enum status st = db_status_of(rc);
		return st == ST_INTERNAL ? ST_NOT_TAIMAKO : st;
	}
	if (app_id != DB_APPLICATION_ID) {
		set_detail(detail, n, "");
		return ST_NOT_TAIMAKO;
	}
	if (version > migrations_count) {
		char msg[96];
		snprintf(msg, sizeof msg, "schema %d > %d", version, migrations_count);
		set_detail(detail, n, msg);
		return ST_TOO_NEW;
	}
	return ST_OK;
}

/* Creates path with mode 0660 (group-shared, never world-readable). */
static enum status create_file(const char *path, char *detail, size_t n)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
	if (fd < 0) {
		set_detail(detail, n, strerror(errno));
		return errno == EEXIST ? ST_EXISTS : ST_CANT_CREATE;
	}
	/* The umask may have removed group write; sharing needs it. */
	int rc = fchmod(fd, 0660);
	close(fd);
	if (rc != 0) {
		set_detail(detail, n, strerror(errno));
		unlink(path);
		return ST_CANT_CREATE;
	}
	return ST_OK;
}

void db_remove_files(const char *path)
{
	char buf[4096];
	unlink(path);
	snprintf(buf, sizeof buf, "%s-wal", path);
	unlink(buf);
	snprintf(buf, sizeof buf, "%s-shm", path);
	unlink(buf);
}

/* Refuses a database that users outside its group can read: the records
 * are about children and victims of trafficking. Its write-ahead log and
 * shared-memory index hold the same records: checked too when they exist.
 * The file at fault goes to detail. logs_only: the log and index alone
 * (before SQLite reads them; the database is checked once it is known
 * to be Taimako's). */
static enum status check_private(const char *path, bool logs_only, char *detail, size_t n)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	for (size_t i = logs_only ? 1 : 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		char file[4096];
		struct stat sb;
		if ((size_t)snprintf(file, sizeof file, "%s%s", path, suffix[i]) >= sizeof file)
			return ST_CANT_OPEN;
		if (stat(file, &sb) != 0) {
			if (i > 0 && errno == ENOENT)
				continue;
			return ST_CANT_OPEN;
		}
		if (sb.st_mode & (S_IROTH | S_IWOTH)) {
			set_detail(detail, n, file);
			return ST_PUBLIC_FILE;
		}
	}
	return ST_OK;
}

/* True when the file begins as a Taimako database does: SQLite's header
 * with the program's application id (big-endian at byte 68). */
static bool taimako_header(const char *path)
{
	unsigned char h[72];
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t n = fread(h, 1, sizeof h, f);
	fclose(f);
	if (n < sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
		return false;
	unsigned long id = (unsigned long)h[68] << 24 | (unsigned long)h[69] << 16 | (unsigned long)h[70] << 8 | h[71];
	return id == (unsigned long)DB_APPLICATION_ID;
}

/* Checks the path before SQLite sees it, so nothing is created by mistake. */
static enum status check_path(const char *path, enum db_mode mode, char *detail, size_t n)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT)
			return mode == DB_CREATE ? ST_OK : ST_NO_FILE;
		set_detail(detail, n, strerror(errno));
		return ST_CANT_OPEN;
	}
	if (mode == DB_CREATE)
		return ST_EXISTS;
	if (!S_ISREG(sb.st_mode) || sb.st_size == 0)
		return ST_NOT_TAIMAKO;
	return ST_OK;
}

/* Before the first connection: the program has one thread, so SQLite
 * needs none of its mutexes (sqlite3_open_v2 also says so per connection)
 * nor its count of memory in use, which takes one at each allocation. */
static void sqlite_setup(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

enum status db_open(const char *path, enum db_mode mode, struct db **out,
                    char *detail, size_t detail_size)
{
	sqlite_setup();
	*out = NULL;
	set_detail(detail, detail_size, "");
	enum status st = check_path(path, mode, detail, detail_size);
	if (st != ST_OK)
		return st;
	if (mode == DB_CREATE && (st = create_file(path, detail, detail_size)) != ST_OK)
		return st;

	/* Before SQLite opens it (and writes its log and index with the
	 * database's own permissions). */
	if (mode != DB_CREATE && (st = check_private(path, !taimako_header(path), detail, detail_size)) != ST_OK)
		return st;
	struct db *db = calloc(1, sizeof *db);
	if (!db) {
		if (mode == DB_CREATE)
			db_remove_files(path);
		return ST_NOMEM;
	}
	db->actor.role = -1;
	db->refused = -1;
	snprintf(db->phone_cc, sizeof db->phone_cc, "%s", phone_cc);
	snprintf(db->actor.user_name, sizeof db->actor.user_name, "%s", "system");
	snprintf(db->actor.origin, sizeof db->actor.origin, "%s", "cli");

	/* One connection, one thread (the program has no others): no mutex
	 * around each call into SQLite. */
	int flags = (mode == DB_READONLY ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE)
	            | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX;
	int rc = sqlite3_open_v2(path, &db->sql, flags, rows_vfs());
	if (rc != SQLITE_OK) {
		set_detail(detail, detail_size, db->sql ? sqlite3_errmsg(db->sql) : "");
		st = db_status_of(rc);
		goto fail;
	}
	sqlite3_extended_result_codes(db->sql, 1);
	db->busy_limit_ms = BUSY_TIMEOUT_MS;
	sqlite3_busy_handler(db->sql, busy_wait, db);
	if (mode != DB_READONLY && sqlite3_db_readonly(db->sql, "main") == 1) {
		set_detail(detail, detail_size, strerror(EACCES));
		st = ST_CANT_OPEN;
		goto fail;
	}
	if (mode != DB_CREATE && (st = identify(db, detail, detail_size)) != ST_OK)
		goto fail;
	if (mode != DB_CREATE && (st = check_private(path, false, detail, detail_size)) != ST_OK)
		goto fail;
	if (mode == DB_READONLY) {
		exec(db, "PRAGMA query_only=ON");
	} else {
		st = configure(db, detail, detail_size);
		if (st == ST_OK)
			st = migrate(db, migrations_count, detail, detail_size);
		if (st == ST_OK)
			st = person_keys_refresh(db, detail, detail_size);
		if (st == ST_OK)
			st = audit_chain_refresh(db, detail, detail_size);
		if (st != ST_OK)
			goto fail;
	}
	*out = db;
	return ST_OK;
fail:
	db_close(&db);
	if (mode == DB_CREATE)
		db_remove_files(path);
	return st;
}

enum status db_create_old(const char *path, int version)
{
	struct db *db;
	/* Create with every migration into a scratch name is not what an old
	 * program did: migrate by hand up to version instead. */
	if (version < 1 || version > migrations_count)
		return ST_INVALID;
	enum status st = check_path(path, DB_CREATE, NULL, 0);
	if (st == ST_OK)
		st = create_file(path, NULL, 0);
	if (st != ST_OK)
		return st;
	db = calloc(1, sizeof *db);
	if (!db)
		return ST_NOMEM;
	db->actor.role = -1;
	db->refused = -1;
	snprintf(db->phone_cc, sizeof db->phone_cc, "%s", phone_cc);
	if (sqlite3_open_v2(path, &db->sql, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, rows_vfs()) != SQLITE_OK)
		st = ST_CANT_OPEN;
	else
		if (st == ST_OK)
		st = configure(db, NULL, 0);
	if (st == ST_OK)
		st = migrate(db, version, NULL, 0);
	db_close(&db);
	return st;
}

void db_close(struct db **dbp)
{
	struct db *db = *dbp;
	if (!db)
		return;
	for (size_t i = 0; i < db->cache_slots; i++)
		if (db->cache[i].sql)
			sqlite3_finalize(db->cache[i].stmt);
	free(db->cache);
	sync_conn_free(db->sync);
	/* A writer leaves the WAL empty if nobody is reading (the last
	 * connection to close removes it anyway). */
	if (db->sql && sqlite3_db_readonly(db->sql, "main") == 0 && sqlite3_get_autocommit(db->sql))
		wal_truncate(db, "main");
	if (db->sql)
		sqlite3_close(db->sql);
	free(db);
	*dbp = NULL;
}

void db_set_actor(struct db *db, long long user_id, const char *user_name, int role,
                  const char *origin)
{
	db->actor.user_id = user_id;
	db->actor.role = role;
	snprintf(db->actor.user_name, sizeof db->actor.user_name, "%s", user_name ? user_name : "");
	snprintf(db->actor.origin, sizeof db->actor.origin, "%s", origin ? origin : "");
}

enum status db_integrity(struct db *db, char *detail, size_t n)
{
	set_detail(detail, n, "");
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->sql, "PRAGMA integrity_check", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		set_detail(detail, n, sqlite3_errmsg(db->sql));
		return ST_CORRUPT;
	}
	enum status result = ST_OK;
	rc = sqlite3_step(st);
	const unsigned char *first = rc == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
	if (!first || strcmp((const char *)first, "ok") != 0) {
		set_detail(detail, n, first ? (const char *)first : sqlite3_errmsg(db->sql));
		result = ST_CORRUPT;
	}
	sqlite3_finalize(st);
	if (result != ST_OK)
		return result;

	rc = sqlite3_prepare_v2(db->sql, "PRAGMA foreign_key_check", -1, &st, NULL);
	if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		char msg[160];
		snprintf(msg, sizeof msg, "foreign key: %s row %lld",
		         (const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1));
		set_detail(detail, n, msg);
		result = ST_CORRUPT;
	}
	sqlite3_finalize(st);
	if (result != ST_OK)
		return result;
	/* The audit trail's chain. */
	long long broken;
	result = audit_chain_verify(db, &broken, detail, n);
	if (result != ST_OK)
		return result;
	/* A database nobody can sign in to manage is not sound either (what
	 * an interrupted init once left). */
	rc = sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM app_user WHERE role = 'admin' AND active = 1", -1, &st,
	                        NULL);
	if (rc != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) == 0) {
		set_detail(detail, n, _("no active administrator account"));
		result = ST_CORRUPT;
	}
	sqlite3_finalize(st);
	return result;
}

enum status db_require(struct db *db, enum perm p)
{
	if (perm_allows(db->actor.role, p))
		return ST_OK;
	/* Every refusal is in the trail. Inside a transaction the row would go
	 * with its rollback: it is written once the transaction has ended. */
	if (sqlite3_get_autocommit(db->sql))
		audit_refused(db, "permission", perm_name(p), "", 0);
	else
		db->refused = (int)p;
	return ST_DENIED;
}


bool db_is_demo(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM setting WHERE key = 'demo'");
	if (!st)
		return false;
	bool demo = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
	sqlite3_reset(st);
	return demo;
}
