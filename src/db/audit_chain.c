/* The audit trail's hash chain (include/db/audit_chain.h). Each row's
 * chain is SHA-256 of: the previous row's chain (hex, "" for the first),
 * then each column as its length and bytes (NULL as "-"), in the order
 * id, at, user_id, user_name, origin, action, entity, entity_id, changes,
 * uuid, site, created. Nettle gives SHA-256. */
#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "db/audit_chain.h"
#include "db/audit_private.h"
#include "db/db_private.h"

#define CHAINED_COLUMNS "id, at, user_id, user_name, origin, action, entity, entity_id, changes, uuid, site, " \
	"created"
#define NCHAINED 12

/* Adds one column of the current row of st to the hash. */
static void put_column(struct sha256_ctx *h, sqlite3_stmt *st, int col)
{
	char len[32];
	if (sqlite3_column_type(st, col) == SQLITE_NULL) {
		sha256_update(h, 1, (const uint8_t *)"-");
		return;
	}
	const unsigned char *text = sqlite3_column_text(st, col);
	int n = sqlite3_column_bytes(st, col);
	int l = snprintf(len, sizeof len, "%d:", n);
	sha256_update(h, (size_t)l, (const uint8_t *)len);
	sha256_update(h, (size_t)n, text ? text : (const unsigned char *)"");
}

/* The chain of the current row of st (CHAINED_COLUMNS from column 0)
 * after prev, as hex into out. */
static void chain_of(sqlite3_stmt *st, const char *prev, char out[AUDIT_CHAIN_HEX])
{
	struct sha256_ctx h;
	uint8_t digest[SHA256_DIGEST_SIZE];
	sha256_init(&h);
	sha256_update(&h, strlen(prev), (const uint8_t *)prev);
	sha256_update(&h, 1, (const uint8_t *)"|");
	for (int c = 0; c < NCHAINED; c++)
		put_column(&h, st, c);
	sha256_digest(&h, sizeof digest, digest);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

/* The chain of the row before id ("" when none) into prev. */
static enum status chain_before(struct db *db, long long id, char prev[AUDIT_CHAIN_HEX])
{
	sqlite3_stmt *st = db_stmt(db, "SELECT coalesce(chain, '') FROM audit WHERE id < ?1 ORDER BY id DESC LIMIT 1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	prev[0] = '\0';
	if (rc == SQLITE_ROW)
		db_column_copy(st, 0, prev, AUDIT_CHAIN_HEX);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* Writes the chain of every row from id on that has none, in id order,
 * after prev. */
static enum status chain_from(struct db *db, long long id, char prev[AUDIT_CHAIN_HEX])
{
	sqlite3_stmt *rows = db_stmt(db, "SELECT " CHAINED_COLUMNS " FROM audit WHERE id >= ?1 AND chain IS NULL "
	                                 "ORDER BY id");
	sqlite3_stmt *set = db_stmt(db, "UPDATE audit SET chain = ?2 WHERE id = ?1");
	if (!rows || !set)
		return ST_INTERNAL;
	sqlite3_bind_int64(rows, 1, id);
	int rc;
	enum status s = ST_OK;
	while (s == ST_OK && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
		char next[AUDIT_CHAIN_HEX];
		chain_of(rows, prev, next);
		sqlite3_bind_int64(set, 1, sqlite3_column_int64(rows, 0));
		db_bind_text(set, 2, next);
		s = db_step_done(set);
		memcpy(prev, next, AUDIT_CHAIN_HEX);
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_status_of(rc);
	sqlite3_reset(rows);
	return s;
}

enum status audit_chain_link(struct db *db, long long id)
{
	char prev[AUDIT_CHAIN_HEX];
	enum status s = chain_before(db, id, prev);
	return s == ST_OK ? chain_from(db, id, prev) : s;
}

enum status audit_chain_refresh(struct db *db, char *detail, size_t n)
{
	/* Only the rows after the last chained one: a missing chain in the
	 * middle is a break for check to show, never to mend. */
	sqlite3_stmt *st = db_stmt(db, "SELECT coalesce((SELECT max(id) FROM audit WHERE chain IS NOT NULL), 0), "
	                               "EXISTS (SELECT 1 FROM audit WHERE chain IS NULL AND id > "
	                               "coalesce((SELECT max(id) FROM audit WHERE chain IS NOT NULL), 0))");
	if (!st)
		return ST_INTERNAL;
	int rc = sqlite3_step(st);
	long long last = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	bool missing = rc == SQLITE_ROW && sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_status_of(rc);
	if (!missing)
		return ST_OK;
	enum status s = db_begin(db);
	if (s == ST_OK) {
		char prev[AUDIT_CHAIN_HEX];
		s = chain_before(db, last + 1, prev);
		if (s == ST_OK)
			s = chain_from(db, last + 1, prev);
		s = s == ST_OK ? db_commit(db) : (db_rollback(db), s);
	}
	if (s != ST_OK && n)
		snprintf(detail, n, "%s", sqlite3_errmsg(db_sqlite(db)));
	return s;
}

enum status audit_chain_verify(struct db *db, long long *broken, char *detail, size_t n)
{
	sqlite3_stmt *st;
	*broken = 0;
	/* A database not yet upgraded (read only) has no chain to verify. */
	int rc = sqlite3_prepare_v2(db_sqlite(db), "SELECT 1 FROM pragma_table_info('audit') WHERE name = 'chain'", -1,
	                            &st, NULL);
	bool chained = rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (!chained)
		return ST_OK;
	rc = sqlite3_prepare_v2(db_sqlite(db), "SELECT " CHAINED_COLUMNS ", chain FROM audit ORDER BY id", -1, &st,
	                        NULL);
	if (rc != SQLITE_OK)
		return db_status_of(rc);
	char prev[AUDIT_CHAIN_HEX] = "";
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char want[AUDIT_CHAIN_HEX];
		chain_of(st, prev, want);
		const char *have = (const char *)sqlite3_column_text(st, NCHAINED);
		if (!have || strcmp(have, want) != 0) {
			*broken = sqlite3_column_int64(st, 0);
			if (n)
				snprintf(detail, n, _("the audit trail was changed at row %lld or just before it"), *broken);
			sqlite3_finalize(st);
			return ST_CORRUPT;
		}
		memcpy(prev, want, sizeof prev);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

enum status audit_chain_head(struct db *db, long long *id, char head[AUDIT_CHAIN_HEX])
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, coalesce(chain, '') FROM audit ORDER BY id DESC LIMIT 1");
	*id = 0;
	head[0] = '\0';
	if (!st)
		return ST_INTERNAL;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, head, AUDIT_CHAIN_HEX);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}
