#ifndef TAIMAKO_DB_AUDIT_CHAIN_H
#define TAIMAKO_DB_AUDIT_CHAIN_H
/* The audit trail as a hash chain (migration 015): each row's chain is
 * SHA-256 over the previous row's chain and the row's own columns. */
#include <stddef.h>
#include "core/status.h"

struct db;

/* Hex SHA-256 and its NUL. */
#define AUDIT_CHAIN_HEX 65

/* Checks the whole chain, in id order. ST_OK when every row's chain is
 * the one its columns and the row before give; else ST_CORRUPT with
 * *broken the id of the first row that does not (its chain is missing or
 * wrong: the row or one before it was changed, removed or added around
 * the program) and a sentence in detail. */
enum status audit_chain_verify(struct db *db, long long *broken, char *detail, size_t n);

/* The head of the chain: the last row's id and chain ("" and 0 for an
 * empty trail). */
enum status audit_chain_head(struct db *db, long long *id, char head[AUDIT_CHAIN_HEX]);

#endif
