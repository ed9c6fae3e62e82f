#ifndef TAIMAKO_DB_PRIVATE_H
#define TAIMAKO_DB_PRIVATE_H
/* What the modules of src/db/ share about the connection. Never included
 * outside src/db/: screens and the UI see only include/db/. */
#include <sqlite3.h>
#include "core/perm.h"
#include "db/db.h"

struct db_actor {
	long long user_id;
	int role;            /* enum role, or -1 for nobody */
	char user_name[64];
	char origin[80];
};

/* The SQLite handle. */
sqlite3 *db_sqlite(struct db *db);

/* A prepared statement for sql, prepared once and kept until db_close.
 * sql must be a string literal (it is cached by address). The statement
 * comes back reset with no bindings; NULL on error (message logged in the
 * connection). Callers must sqlite3_reset it before returning, so that no
 * read snapshot stays open while the program waits for a key. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql);

/* How many statements the connection keeps prepared (for tests). */
size_t db_stmt_cached(struct db *db);

/* Maps an SQLite result code to a status. */
enum status db_status_of(int rc);

/* The current actor. */
const struct db_actor *db_actor(struct db *db);

/* ST_OK when the current actor's role allows p, else ST_DENIED. Every
 * data-layer function that reads or writes protected data calls it first. */
enum status db_require(struct db *db, enum perm p);

/* Steps a write to its end, then resets it and clears its bindings: ST_OK
 * when it finished. */
enum status db_step_done(sqlite3_stmt *st);

/* Ends the open transaction: commits when s is ST_OK (and returns how the
 * commit went), else rolls back and returns s. */
enum status db_finish(struct db *db, enum status s);

/* The id of the centre with this code, 0 when there is none. */
long long db_centre_id(struct db *db, const char *code);

/* Binds text, with "" (or NULL) bound as SQL NULL: optional dates and codes. */
void db_bind_opt(sqlite3_stmt *st, int idx, const char *text);

/* Makes room for one more element of size bytes at the end of the array
 * *items (n used, cap allocated), for collecting rows before calling back;
 * returns it zeroed, or NULL when out of memory. The caller frees *items. */
void *db_grow(void **items, size_t *n, size_t *cap, size_t size);

/* Binds text that may be NULL (bound as SQL NULL), copied by SQLite. */
int db_bind_text(sqlite3_stmt *st, int idx, const char *text);

/* Copies column col of the current row as text into out (empty for NULL). */
void db_column_copy(sqlite3_stmt *st, int col, char *out, size_t size);

/* The country code of phone numbers written without one, for this
 * connection (core/phone.h; see db_set_phone_country). */
const char *db_phone_country(struct db *db);

/* The setting key as a whole number from lo to hi into *value; *value
 * is left as it is when the setting is unset or not such a number. No
 * permission check: the caller has made its own. */
enum status db_setting_whole(struct db *db, const char *key, long lo, long hi, long *value);

/* Whether the search-index rows of the people written are kept in a
 * temporary table until person_search_flush (person_private.h), and
 * setting it. */
bool db_defer_search(struct db *db);
void db_set_defer_search(struct db *db, bool on);

#endif
