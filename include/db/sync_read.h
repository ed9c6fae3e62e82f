#ifndef TAIMAKO_DB_SYNC_READ_H
#define TAIMAKO_DB_SYNC_READ_H
/* Reading a bundle file (format: src/db/sync_bundle.c) without a
 * database: checked whole (checksum, header, the framing of every entry)
 * before any entry is given out. Also the fuzz target's way in. */
#include <stdbool.h>
#include <stddef.h>

struct sync_entry {
	char origin[33];
	long long origin_seq;
	char at[32];
	char user_name[64];
	const unsigned char *changes;   /* a changeset (SQLite's format), rows named by uuid */
	size_t size;
};

struct sync_bundle_site {
	char site[33];
	long long have;
	char name[33];
};

struct sync_bundle {
	char from[33], from_name[33], to[33];
	long long n, since, entries;
	long long got;           /* the last bundle the writer applied from the receiver */
	int schema;
	bool resend;
	int nsites;
	struct sync_bundle_site *sites;
	unsigned char *body;     /* the uncompressed body */
	size_t size;
	size_t entries_at;       /* where the first entry begins in body */
};

enum sync_read {
	SYNC_READ_OK,
	SYNC_READ_END,           /* sync_bundle_next: no more entries */
	SYNC_READ_NOT_BUNDLE,
	SYNC_READ_DAMAGED,
	SYNC_READ_NOMEM,
};

/* Checks and unpacks the bundle in data; b to free with sync_bundle_free
 * when SYNC_READ_OK. */
enum sync_read sync_bundle_read(const unsigned char *data, size_t size, struct sync_bundle *b);
/* The entry at *pos (start at b->entries_at), moving *pos past it. */
enum sync_read sync_bundle_next(struct sync_bundle *b, size_t *pos, struct sync_entry *e);
void sync_bundle_free(struct sync_bundle *b);

#endif
