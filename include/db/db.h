#ifndef TAIMAKO_DB_DB_H
#define TAIMAKO_DB_DB_H
/* The one connection to the Taimako database: opening and creating it,
 * schema migrations, transactions, and who is acting (for the audit trail).
 * Every write in the program goes through a transaction begun here. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct db;

/* The SQLite application_id that marks a Taimako database ("TAIM"). */
#define DB_APPLICATION_ID 0x5441494D

enum db_mode {
	DB_EXISTING,   /* open a Taimako database, upgrading its schema if older */
	DB_CREATE,     /* create a new one; the path must not exist */
	DB_READONLY,   /* open without ever writing (for `check`) */
};

/* Opens or creates the database at path. On success *out owns the
 * connection (free it with db_close). On failure *out is NULL, the file is
 * left exactly as it was (a file DB_CREATE made is removed again), and a
 * detail (system or SQLite message, may be empty) is copied to detail. */
enum status db_open(const char *path, enum db_mode mode, struct db **out,
                    char *detail, size_t detail_size);

/* Removes path and its -wal and -shm files: for a database this process
 * just created and could not finish. */
void db_remove_files(const char *path);

/* For tests of upgrades: creates a database at path migrated only up to
 * version (then closed), as an older Taimako would have left it. */
enum status db_create_old(const char *path, int version);

/* Finalises every statement, closes the connection and sets *db to NULL. */
void db_close(struct db **db);

/* The schema version of the open database, and the one this program has. */
int db_version(struct db *db);
int db_latest_version(void);

/* BEGIN IMMEDIATE: takes the write lock now, so that a transaction that
 * reads then writes never fails halfway on a lock held by another session. */
enum status db_begin(struct db *db);
enum status db_commit(struct db *db);
/* Rolls back the open transaction, if any. */
void db_rollback(struct db *db);

/* Runs the integrity and foreign-key checks. ST_OK when sound; otherwise
 * ST_CORRUPT with the first problem in detail. */
enum status db_integrity(struct db *db, char *detail, size_t detail_size);

/* Records who acts from now on: user id (0 for the command line), user
 * name, role (a value of enum role, or -1 for nobody: then every checked
 * call is refused) and origin ("local", "ssh 10.1.2.3", "cli"), for the
 * permission checks and the audit trail. The strings are copied. A new
 * connection acts for nobody. */
void db_set_actor(struct db *db, long long user_id, const char *user_name, int role,
                  const char *origin);

/* Sets the country code (1 to 3 digits, core/phone.h) of the phone numbers
 * written without one, for the connections opened after this call in this
 * process (default "227", Niger). ST_INVALID, nothing changed, when cc is
 * not a country code. A writable opening re-derives the stored phone keys
 * and search index once, in one transaction, when they were made with
 * another code or by an older program. */
enum status db_set_phone_country(const char *cc);

/* True for a database made by `taimako demo`. */
bool db_is_demo(struct db *db);

#endif
