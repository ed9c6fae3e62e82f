/* Fuzz target: the reader of bundles from other sites (db/sync_read.h)
 * and SQLite's changeset iterator over the entries it gives out, as the
 * import reads them before anything is written. The input is a bundle's
 * body (header lines, entries, end mark): the target compresses it and
 * seals it with its checksum, so that mutations reach the reader behind
 * the checksum; the raw input is also read as a whole file (magic,
 * checksum, zlib).
 * Properties: reading ends; a bundle read has its header (two site ids
 * of 32 hex digits, 1 <= since <= bundle, a schema) and exactly the
 * entries its end mark counts, each from a 32-digit origin, numbered from
 * 1, whose changes lie inside the body; a refused bundle gives nothing
 * out; every changeset of an accepted bundle is iterated to its end
 * without a crash, each change naming its table and columns. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
#include <nettle/sha2.h>
#include <zlib.h>

#include "db/sync_read.h"
#include "fuzz.h"

#define MAGIC "TAIMAKO-SYNC 1\n"

static bool hex32(const char *s)
{
	return strlen(s) == 32 && strspn(s, "0123456789abcdef") == 32;
}

static void check_changes(const struct sync_entry *e)
{
	sqlite3_changeset_iter *it = NULL;
	if (sqlite3changeset_start(&it, (int)e->size, (void *)e->changes) != SQLITE_OK)
		return;
	int n = 0;
	while (sqlite3changeset_next(it) == SQLITE_ROW && n++ < 100000) {
		const char *name;
		int ncol, op, indirect;
		if (sqlite3changeset_op(it, &name, &ncol, &op, &indirect) != SQLITE_OK)
			break;
		FUZZ_CHECK(name && ncol > 0);
		FUZZ_CHECK(op == SQLITE_INSERT || op == SQLITE_UPDATE || op == SQLITE_DELETE);
		for (int i = 0; i < ncol; i++) {
			sqlite3_value *v = NULL;
			if (op != SQLITE_INSERT && sqlite3changeset_old(it, i, &v) == SQLITE_OK && v)
				(void)sqlite3_value_bytes(v);
			if (op != SQLITE_DELETE && sqlite3changeset_new(it, i, &v) == SQLITE_OK && v)
				(void)sqlite3_value_text(v);
		}
	}
	sqlite3changeset_finalize(it);
}

static void read_one(const uint8_t *file, size_t size)
{
	struct sync_bundle b;
	enum sync_read r = sync_bundle_read(file, size, &b);
	if (r != SYNC_READ_OK) {
		FUZZ_CHECK(!b.body && !b.sites);
		return;
	}
	FUZZ_CHECK(hex32(b.from) && hex32(b.to));
	FUZZ_CHECK(b.n >= 1 && b.since >= 1 && b.since <= b.n && b.schema >= 1);
	FUZZ_CHECK(b.nsites >= 0 && b.nsites <= 256);
	size_t pos = b.entries_at;
	struct sync_entry e;
	long long count = 0;
	while (sync_bundle_next(&b, &pos, &e) == SYNC_READ_OK) {
		FUZZ_CHECK(hex32(e.origin) && e.origin_seq >= 1);
		FUZZ_CHECK(e.changes >= b.body && e.changes + e.size <= b.body + b.size);
		check_changes(&e);
		count++;
	}
	FUZZ_CHECK(count == b.entries);
	sync_bundle_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_one(data, size);
	/* The input as a body, sealed. */
	uLongf zlen = compressBound((uLong)size);
	size_t total = sizeof MAGIC - 1 + zlen + SHA256_DIGEST_SIZE;
	uint8_t *file = malloc(total);
	if (!file)
		abort();
	memcpy(file, MAGIC, sizeof MAGIC - 1);
	if (compress(file + sizeof MAGIC - 1, &zlen, data, (uLong)size) != Z_OK)
		abort();
	size_t n = sizeof MAGIC - 1 + zlen;
	struct sha256_ctx sha;
	sha256_init(&sha);
	sha256_update(&sha, n, file);
	sha256_digest(&sha, SHA256_DIGEST_SIZE, file + n);
	read_one(file, n + SHA256_DIGEST_SIZE);
	free(file);
	return 0;
}
