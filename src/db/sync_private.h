#ifndef TAIMAKO_DB_SYNC_PRIVATE_H
#define TAIMAKO_DB_SYNC_PRIVATE_H
/* What the sync files of src/db/ share: the tables that travel and how
 * their rows and references are named between sites, the encoder of
 * changesets, and the hooks of the connection's transactions. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"
#include "db/sync.h"
#include "db/sync_read.h"

struct db;

#define SYNC_COLS_MAX 48
#define SYNC_NAME_MAX 40
#define SYNC_SQL_MAX 2048

/* How a row of a table is named in a bundle (and so how references to it
 * are): by its uuid; by a natural key that every site's copy shares (the
 * centres, reference lists and items each database is made with); or, for
 * tables keyed by references (family links, flags...), by those. */
enum sync_key { SYNC_KEY_UUID, SYNC_KEY_NATURAL, SYNC_KEY_COMPOSITE };

struct sync_col {
	char name[SYNC_NAME_MAX];
	int ref;          /* index in the table list of the table it references, -1 */
	bool pk;          /* part of the primary key */
	bool local;       /* never travels (a password hash, failed sign-ins) */
	bool meta;        /* bookkeeping, not a field: version, changed */
};

struct sync_table {
	char name[SYNC_NAME_MAX];
	enum sync_key key;
	bool audit;                 /* the audit trail: lands in sync_audit */
	int ncol;
	struct sync_col col[SYNC_COLS_MAX];
	int id_col, uuid_col, site_col;
	/* Statements composed once from the schema (table and column names
	 * from the schema only, values always bound): */
	char key_expr[512];             /* the SQL expression of a row's name ("uuid"...) */
	char key_of_id[SYNC_SQL_MAX];   /* ?1 id -> its name in bundles */
	char id_of_key[SYNC_SQL_MAX];   /* ?1 name -> id */
	char select_row[SYNC_SQL_MAX];  /* every column of the row named ?1 (uuid or natural) */
};

struct sync_schema {
	int ntab;
	struct sync_table *tab;
};

/* The tables that travel on this connection, read from the schema once.
 * NULL when out of memory or the schema cannot be read. */
const struct sync_schema *sync_schema(struct db *db);
int sync_table_index(const struct sync_schema *s, const char *name);
void sync_schema_free(struct sync_schema *s);

/* The statement inserting a row of table index ti that came from
 * another site (sql, the same for every row of the table), prepared once
 * per connection; the caller resets it. NULL on error. */
sqlite3_stmt *sync_insert_stmt(struct db *db, int ti, const char *sql);

/* The connection's sync state (owned by db.c, made by sync files). */
struct sync_conn;
struct sync_conn **db_sync_conn(struct db *db);
void sync_conn_free(struct sync_conn *c);

/* Hooks of db_begin, db_commit (before COMMIT: writes the log entry;
 * an error aborts the commit) and db_rollback. */
void sync_on_begin(struct db *db);
enum status sync_on_commit(struct db *db);
void sync_on_end(struct db *db);

/* Whether changes are being captured now (for sync_apply: off). */
bool sync_capturing(struct db *db);
void sync_set_applying(struct db *db, bool on);

/* This site's id and whether `sync init` made it a syncing site. */
enum status sync_self(struct db *db, char site[33], bool *on);

/* A changeset being written (SQLite's changeset format, documented in
 * sqlite3session.c: a table header, then each change's op, indirect flag
 * and records of values). */
struct sync_buf {
	unsigned char *p;
	size_t n, cap;
	bool failed;
};
void sync_buf_bytes(struct sync_buf *b, const void *data, size_t n);
void sync_buf_varint(struct sync_buf *b, unsigned long long v);
void sync_buf_free(struct sync_buf *b);
void sync_buf_table(struct sync_buf *b, const struct sync_table *t);
void sync_buf_op(struct sync_buf *b, int op);
/* One value: v (may be NULL: absent in an update's record) as it is. */
void sync_buf_value(struct sync_buf *b, sqlite3_value *v);
void sync_buf_text(struct sync_buf *b, const char *text);   /* NULL: SQL NULL */
void sync_buf_int(struct sync_buf *b, long long i);
void sync_buf_null(struct sync_buf *b);
void sync_buf_absent(struct sync_buf *b);

/* Translates the local changeset cs (n bytes) into the uuid-named one in
 * out. */
enum status sync_translate(struct db *db, const void *cs, int n, struct sync_buf *out);

/* Applies one received entry's changeset: r counts and conflicts. The
 * changes another site made to this site's own records, and applied
 * here, are written again to echo, which the caller logs as this site's
 * change: every site then replays the owner's record in the owner's
 * order and ends with its values. */
enum status sync_apply_entry(struct db *db, const struct sync_entry *e, struct sync_result *r,
                             struct sync_buf *echo);

/* Appends to b one change of table index ti in the form bundles carry
 * (values as this file has them: references by row id, or already named
 * between sites). */
void sync_emit_change(struct db *db, int ti, int op, sqlite3_value **old, sqlite3_value **new, struct sync_buf *b);

/* After the entries of a bundle: the people they touched get their
 * search index here (temp.sync_touched, made by the import), and the new
 * ones who may be someone registered at another site go to the conflicts
 * list as duplicates to review (*duplicates counts them). */
enum status sync_reindex_touched(struct db *db, long long *duplicates);

/* Notes the time `at` of every addition and removal of a fact (a row
 * keyed by its references) in the changeset cs: the later one wins. */
enum status sync_facts(struct db *db, const unsigned char *cs, size_t size, const char *at);

/* Writes the log entry of this site for the changeset (n bytes) made by
 * the current actor now. */
enum status sync_log_own(struct db *db, const unsigned char *cs, size_t n);

/* Writes to the change log, as a change of this site, the row named uuid
 * of table index ti: SQLITE_INSERT the whole row as it is now (a record
 * another site deleted comes back there); SQLITE_UPDATE column col
 * changed from `from` (a value as sync_conflict keeps it) to its value
 * now. Nothing when this site does not sync. */
enum status sync_log_row(struct db *db, int ti, const char *uuid, int op, int col, const char *from);

/* The name of a site for the user: its name, else the first 8 digits. */
void sync_site_label(struct db *db, const char *site, char *out, size_t size);

#endif
