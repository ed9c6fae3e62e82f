/* Bundles: the change-log entries one site sends another, as a file.
 *
 *   "TAIMAKO-SYNC 1\n", then a zlib stream of the body, then the SHA-256
 *   of everything before it (a damaged or cut file is refused whole).
 *   Body: header lines "key value\n" up to an empty line (from, from-name,
 *   to, bundle, since, schema, got (the last bundle the writer applied
 *   from the receiver), resend, and one "site ID HAVE NAME" line
 *   per site the sender knows: what it has from each, and their names);
 *   then per entry 'E', the origin's 32-digit id, varints of its number,
 *   and of the lengths of when, who and the changeset, each followed by
 *   its bytes; then 'Z' and a varint of the number of entries.
 *
 * Bundles from one site to another are numbered 1, 2, 3...; bundle n holds
 * every entry the receiver had not been sent when it was written (with
 * "everything", the receiver's own entries too: a rebuilt site gets its
 * records back), so it
 * needs bundles up to since - 1 (since = n, or 1 for "everything again").
 * One that comes before those it needs is held whole, and applied when
 * they have come; one applied already changes nothing. Entries of each
 * origin are applied in their order, each exactly once. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <nettle/sha2.h>
#include <zlib.h>

#include "core/i18n.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/sync_private.h"

#define MAGIC "TAIMAKO-SYNC 1\n"
#define MAGIC_LEN (sizeof MAGIC - 1)
#define BODY_MAX ((size_t)1 << 30)   /* a bigger body is refused (a bomb) */
#define CHUNK 65536
/* A bundle's body stops after this many bytes (the reader takes up to
 * BODY_MAX): the rest goes in the next bundle. A site's whole history
 * (4.5 million records at 200,000 people: 1.4 GB) travels in about
 * twenty, and applying one needs about 100 MB of memory. */
#define BUNDLE_BODY_CAP ((size_t)64 << 20)
#define ORIGINS_MAX 256

/* ---- writing ---- */

struct out {
	FILE *f;
	z_stream z;
	struct sha256_ctx sha;
	unsigned char buf[CHUNK];
	long long bytes;
	bool failed;
};

static void out_raw(struct out *o, const void *p, size_t n)
{
	if (!n || o->failed)
		return;
	if (fwrite(p, 1, n, o->f) != n)
		o->failed = true;
	sha256_update(&o->sha, n, p);
	o->bytes += (long long)n;
}

static void out_deflate(struct out *o, const void *p, size_t n, int flush)
{
	o->z.next_in = (unsigned char *)(uintptr_t)p;
	o->z.avail_in = (unsigned)n;
	do {
		o->z.next_out = o->buf;
		o->z.avail_out = sizeof o->buf;
		if (deflate(&o->z, flush) == Z_STREAM_ERROR) {
			o->failed = true;
			return;
		}
		out_raw(o, o->buf, sizeof o->buf - o->z.avail_out);
	} while (o->z.avail_out == 0);
}

/* Sends what b holds through the compressor and empties it. */
static void out_body(struct out *o, struct sync_buf *b)
{
	if (b->failed)
		o->failed = true;
	out_deflate(o, b->p, b->n, Z_NO_FLUSH);
	b->n = 0;
}

static void buf_line(struct sync_buf *b, const char *fmt, ...)
{
	char line[256];
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (len > 0)
		sync_buf_bytes(b, line, (size_t)len < sizeof line ? (size_t)len : sizeof line - 1);
}

static void buf_field(struct sync_buf *b, const void *p, size_t n)
{
	sync_buf_varint(b, n);
	sync_buf_bytes(b, p, n);
}

/* The site named or numbered `to` (not this one) into site; a new site
 * id (32 hex digits) is added. */
static enum status find_peer(struct db *db, const char *to, char site[33])
{
	sqlite3_stmt *st = db_stmt(db, "SELECT site FROM sync_site WHERE self = 0 AND (site = ?1 OR name = ?1) "
	                               "ORDER BY site = ?1 DESC LIMIT 1");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, to);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		db_column_copy(st, 0, site, 33);
	sqlite3_reset(st);
	if (found)
		return ST_OK;
	if (strlen(to) != 32 || strspn(to, "0123456789abcdef") != 32)
		return ST_NOT_FOUND;
	char self[33];
	if (sync_self(db, self, NULL) != ST_OK || !strcmp(self, to))
		return ST_NOT_FOUND;
	sqlite3_stmt *ins = db_stmt(db, "INSERT INTO sync_site (site) VALUES (?1)");
	if (!ins)
		return ST_INTERNAL;
	db_bind_text(ins, 1, to);
	snprintf(site, 33, "%s", to);
	return db_step_done(ins);
}

static enum status write_bundle(struct db *db, const char *peer, bool all, bool resend, bool again, FILE *f,
                                struct sync_result *r)
{
	/* Again: what the peer has not said it has, as if the bundles since
	 * the last it applied were lost. */
	sqlite3_stmt *reset = db_stmt(db, "UPDATE sync_peer SET sent = acked WHERE peer = ?1");
	sqlite3_stmt *got = db_stmt(db, "SELECT got FROM sync_site WHERE site = ?1");
	sqlite3_stmt *mine = db_stmt(db, "SELECT coalesce(max(n), 0) FROM sync_bundle_in WHERE peer = ?1 "
	                                 "AND status = 'applied'");
	if (!reset || !got || !mine)
		return ST_INTERNAL;
	long long since_again = 1, applied_from_peer = 0;
	db_bind_text(got, 1, peer);
	if (sqlite3_step(got) == SQLITE_ROW)
		since_again = sqlite3_column_int64(got, 0) + 1;
	sqlite3_reset(got);
	db_bind_text(mine, 1, peer);
	if (sqlite3_step(mine) == SQLITE_ROW)
		applied_from_peer = sqlite3_column_int64(mine, 0);
	sqlite3_reset(mine);
	if (again) {
		db_bind_text(reset, 1, peer);
		enum status rs = db_step_done(reset);
		if (rs != ST_OK)
			return rs;
	}
	char self[33], name[SYNC_SITE_NAME_MAX];
	if (sync_self(db, self, NULL) != ST_OK || sync_site_name(db, name, sizeof name) != ST_OK)
		return ST_INTERNAL;
	/* A site rebuilt numbers its bundles on from a base above any number
	 * its earlier self used (sync_init_as); the first to a peer holds
	 * everything it was not sent, so it needs nothing before it. */
	sqlite3_stmt *num = db_stmt(db, "SELECT coalesce(max(n) + 1, (SELECT CAST(value AS INTEGER) FROM setting "
	                                "WHERE key = 'sync_bundle_base'), 1), max(n) IS NULL FROM sync_bundle_out "
	                                "WHERE peer = ?1");
	sqlite3_stmt *sites = db_stmt(db, "SELECT site, have, name FROM sync_site ORDER BY self DESC, site");
	sqlite3_stmt *ents = db_stmt(db, "SELECT l.origin, l.origin_seq, l.at, l.user_name, l.changes FROM sync_log l "
	                                 "LEFT JOIN sync_peer p ON p.peer = ?1 AND p.origin = l.origin "
	                                 "WHERE (l.origin != ?1 OR ?2 OR p.sent IS NOT NULL) AND l.origin_seq > "
	                                 "CASE WHEN ?2 THEN 0 ELSE coalesce(p.sent, 0) END ORDER BY l.seq");
	if (!num || !sites || !ents)
		return ST_INTERNAL;
	db_bind_text(num, 1, peer);
	sqlite3_step(num);
	r->bundle = sqlite3_column_int64(num, 0);
	bool first = sqlite3_column_int(num, 1) != 0;
	sqlite3_reset(num);
	snprintf(r->from, sizeof r->from, "%s", name);

	struct out *o = calloc(1, sizeof *o);
	struct sync_buf b = { 0 };
	if (!o)
		return ST_NOMEM;
	o->f = f;
	sha256_init(&o->sha);
	if (deflateInit(&o->z, 6) != Z_OK) {
		free(o);
		return ST_NOMEM;
	}
	out_raw(o, MAGIC, MAGIC_LEN);
	buf_line(&b, "from %s\nfrom-name %s\nto %s\n", self, name, peer);
	buf_line(&b, "bundle %lld\nsince %lld\nschema %d\ngot %lld\n", r->bundle,
	         all || first ? 1 : again ? since_again : r->bundle, db_version(db), applied_from_peer);
	if (resend)
		buf_line(&b, "resend 1\n");
	while (sqlite3_step(sites) == SQLITE_ROW)
		buf_line(&b, "site %s %lld %s\n", (const char *)sqlite3_column_text(sites, 0),
		         sqlite3_column_int64(sites, 1), (const char *)sqlite3_column_text(sites, 2));
	sqlite3_reset(sites);
	sync_buf_bytes(&b, "\n", 1);
	db_bind_text(ents, 1, peer);
	sqlite3_bind_int(ents, 2, all);
	int rc;
	struct {
		char origin[33];
		long long upto;
	} *inc = calloc(ORIGINS_MAX, sizeof *inc);
	int ninc = 0;
	size_t body = 0;
	if (!inc) {
		free(o);
		return ST_NOMEM;
	}
	while ((rc = sqlite3_step(ents)) == SQLITE_ROW) {
		size_t len = 64 + (size_t)sqlite3_column_bytes(ents, 4);
		if (r->entries > 0 && body + len > BUNDLE_BODY_CAP) {
			r->more = true;   /* the rest in the next bundle */
			rc = SQLITE_DONE;
			break;
		}
		const char *origin = (const char *)sqlite3_column_text(ents, 0);
		int k = 0;
		while (k < ninc && strcmp(inc[k].origin, origin))
			k++;
		if (k == ninc) {
			if (ninc == ORIGINS_MAX) {
				rc = SQLITE_FULL;
				break;
			}
			snprintf(inc[ninc++].origin, sizeof inc[0].origin, "%s", origin);
		}
		inc[k].upto = sqlite3_column_int64(ents, 1);
		body += len;
		sync_buf_bytes(&b, "E", 1);
		sync_buf_bytes(&b, sqlite3_column_text(ents, 0), 32);
		sync_buf_varint(&b, (unsigned long long)sqlite3_column_int64(ents, 1));
		buf_field(&b, sqlite3_column_text(ents, 2), (size_t)sqlite3_column_bytes(ents, 2));
		buf_field(&b, sqlite3_column_text(ents, 3), (size_t)sqlite3_column_bytes(ents, 3));
		buf_field(&b, sqlite3_column_blob(ents, 4), (size_t)sqlite3_column_bytes(ents, 4));
		r->entries++;
		if (b.n >= CHUNK)
			out_body(o, &b);
	}
	sqlite3_reset(ents);
	sync_buf_bytes(&b, "Z", 1);
	sync_buf_varint(&b, (unsigned long long)r->entries);
	out_body(o, &b);
	out_deflate(o, "", 0, Z_FINISH);
	deflateEnd(&o->z);
	unsigned char digest[SHA256_DIGEST_SIZE];
	sha256_digest(&o->sha, sizeof digest, digest);
	if (!o->failed && fwrite(digest, 1, sizeof digest, f) != sizeof digest)
		o->failed = true;
	r->bytes = o->bytes + (long long)sizeof digest;
	bool failed = o->failed || rc != SQLITE_DONE || fflush(f) != 0 || ferror(f);
	free(o);
	sync_buf_free(&b);
	if (failed) {
		free(inc);
		return rc != SQLITE_DONE ? db_status_of(rc) : ST_IO;
	}

	/* What the peer was sent: up to the last entry of each origin in it. */
	sqlite3_stmt *sent = db_stmt(db, "INSERT INTO sync_peer (peer, origin, sent) VALUES (?1, ?2, ?3) "
	                                 "ON CONFLICT (peer, origin) DO UPDATE SET sent = max(sent, excluded.sent)");
	sqlite3_stmt *out = db_stmt(db, "INSERT INTO sync_bundle_out (peer, n, at, entries, bytes, resend) "
	                                "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?3, ?4, ?5)");
	if (!sent || !out) {
		free(inc);
		return ST_INTERNAL;
	}
	enum status s = ST_OK;
	for (int k = 0; s == ST_OK && k < ninc; k++) {
		db_bind_text(sent, 1, peer);
		db_bind_text(sent, 2, inc[k].origin);
		sqlite3_bind_int64(sent, 3, inc[k].upto);
		s = db_step_done(sent);
	}
	free(inc);
	if (s == ST_OK) {
		db_bind_text(out, 1, peer);
		sqlite3_bind_int64(out, 2, r->bundle);
		sqlite3_bind_int64(out, 3, r->entries);
		sqlite3_bind_int64(out, 4, r->bytes);
		sqlite3_bind_int(out, 5, all);
		s = db_step_done(out);
	}
	if (s == ST_OK) {
		char changes[200];
		snprintf(changes, sizeof changes, "{\"to\": [null, \"%s\"], \"bundle\": [null, %lld], \"entries\": [null, %lld]}",
		         peer, r->bundle, r->entries);
		s = audit_log(db, "sync_export", "sync", 0, changes);
	}
	return s;
}

static enum status export_to(struct db *db, const char *to, bool all, bool resend, bool again, FILE *f,
                             struct sync_result *r)
{
	memset(r, 0, sizeof *r);
	enum status s = db_require(db, PERM_SYNC);
	if (s != ST_OK)
		return s;
	char self[33], peer[33];
	bool on = false;
	if (sync_self(db, self, &on) != ST_OK || !on) {
		snprintf(r->detail, sizeof r->detail, "%s", _("This site does not exchange with others yet: "
		                                              "run `taimako sync init --name NAME` first."));
		return ST_INVALID;
	}
	/* Bookkeeping of this site only (what was sent, the audit row): not
	 * a change to send. */
	sync_set_applying(db, true);
	if ((s = db_begin(db)) != ST_OK) {
		sync_set_applying(db, false);
		return s;
	}
	s = find_peer(db, to, peer);
	if (s == ST_NOT_FOUND)
		snprintf(r->detail, sizeof r->detail, _("No site is called \"%s\". Give its name as it arrived in a "
		                                        "bundle, or its site id (`taimako sync status` there)."), to);
	if (s == ST_OK)
		s = write_bundle(db, peer, all, resend, again, f, r);
	s = db_finish(db, s);
	sync_set_applying(db, false);
	return s;
}

enum status sync_export(struct db *db, const char *to, bool all, FILE *out, struct sync_result *r)
{
	return export_to(db, to, all, false, false, out, r);
}

enum status sync_export_again(struct db *db, const char *to, FILE *out, struct sync_result *r)
{
	return export_to(db, to, false, false, true, out, r);
}

enum status sync_request_all(struct db *db, const char *from, FILE *out, struct sync_result *r)
{
	return export_to(db, from, false, true, false, out, r);
}
