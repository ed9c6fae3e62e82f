/* Reading and applying a bundle (its format: src/db/sync_bundle.c). The
 * whole file is checked (its SHA-256, its header, every entry's framing)
 * before anything changes; then every entry is applied in one transaction,
 * so that a bundle is applied whole or not at all. */
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
#include "db/sync_read.h"

#define MAGIC "TAIMAKO-SYNC 1\n"
#define MAGIC_LEN (sizeof MAGIC - 1)
#define BODY_MAX ((size_t)1 << 30)
#define SITES_MAX 256

static void say(struct sync_result *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(struct sync_result *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->detail, sizeof r->detail, fmt, ap);
	va_end(ap);
}

/* SQLite's varint from p (n bytes left) into *v: bytes used, 0 if cut. */
static size_t get_varint(const unsigned char *p, size_t n, unsigned long long *v)
{
	*v = 0;
	for (size_t i = 0; i < 9 && i < n; i++) {
		if (i == 8) {
			*v = (*v << 8) | p[i];
			return 9;
		}
		*v = (*v << 7) | (p[i] & 0x7f);
		if (!(p[i] & 0x80))
			return i + 1;
	}
	return 0;
}

static bool hex32(const char *s)
{
	return strlen(s) == 32 && strspn(s, "0123456789abcdef") == 32;
}

static bool printable(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

void sync_bundle_free(struct sync_bundle *b)
{
	free(b->body);
	free(b->sites);
	memset(b, 0, sizeof *b);
}

static bool header_line(struct sync_bundle *b, char *line)
{
	char *val = strchr(line, ' ');
	if (!val)
		return false;
	*val++ = '\0';
	if (!printable(val))
		return false;
	char *end = NULL;
	if (!strcmp(line, "from"))
		snprintf(b->from, sizeof b->from, "%s", val);
	else if (!strcmp(line, "from-name"))
		snprintf(b->from_name, sizeof b->from_name, "%s", val);
	else if (!strcmp(line, "to"))
		snprintf(b->to, sizeof b->to, "%s", val);
	else if (!strcmp(line, "bundle"))
		b->n = strtoll(val, &end, 10);
	else if (!strcmp(line, "since"))
		b->since = strtoll(val, &end, 10);
	else if (!strcmp(line, "schema"))
		b->schema = (int)strtol(val, &end, 10);
	else if (!strcmp(line, "got"))
		b->got = strtoll(val, &end, 10);
	else if (!strcmp(line, "resend"))
		b->resend = strtol(val, &end, 10) == 1;
	else if (!strcmp(line, "site")) {
		if (b->nsites >= SITES_MAX)
			return false;
		struct sync_bundle_site *s = &b->sites[b->nsites];
		char *have = strchr(val, ' ');
		if (!have)
			return false;
		*have++ = '\0';
		char *name = strchr(have, ' ');
		if (name)
			*name++ = '\0';
		if (!hex32(val))
			return false;
		snprintf(s->site, sizeof s->site, "%s", val);
		s->have = strtoll(have, &end, 10);
		snprintf(s->name, sizeof s->name, "%s", name ? name : "");
		if (s->have < 0)
			return false;
		b->nsites++;
		end = NULL;
	}
	/* Unknown keys are for later versions: ignored. */
	return !end || *end == '\0';
}

enum sync_read sync_bundle_read(const unsigned char *data, size_t size, struct sync_bundle *b)
{
	memset(b, 0, sizeof *b);
	if (size < MAGIC_LEN + SHA256_DIGEST_SIZE || memcmp(data, MAGIC, MAGIC_LEN))
		return SYNC_READ_NOT_BUNDLE;
	unsigned char digest[SHA256_DIGEST_SIZE];
	struct sha256_ctx sha;
	sha256_init(&sha);
	sha256_update(&sha, size - SHA256_DIGEST_SIZE, data);
	sha256_digest(&sha, sizeof digest, digest);
	if (memcmp(digest, data + size - SHA256_DIGEST_SIZE, sizeof digest))
		return SYNC_READ_DAMAGED;
	b->sites = calloc(SITES_MAX, sizeof *b->sites);
	size_t cap = 1 << 16;
	b->body = malloc(cap);
	if (!b->sites || !b->body) {
		sync_bundle_free(b);
		return SYNC_READ_NOMEM;
	}
	z_stream z = { 0 };
	if (inflateInit(&z) != Z_OK) {
		sync_bundle_free(b);
		return SYNC_READ_NOMEM;
	}
	z.next_in = (unsigned char *)(uintptr_t)(data + MAGIC_LEN);
	z.avail_in = (unsigned)(size - MAGIC_LEN - SHA256_DIGEST_SIZE);
	int zr = Z_OK;
	while (zr == Z_OK) {
		if (b->size == cap) {
			if (cap >= BODY_MAX)
				break;
			unsigned char *p = realloc(b->body, cap * 2);
			if (!p)
				break;
			b->body = p;
			cap *= 2;
		}
		z.next_out = b->body + b->size;
		z.avail_out = (unsigned)(cap - b->size);
		zr = inflate(&z, Z_NO_FLUSH);
		b->size = cap - z.avail_out;
	}
	inflateEnd(&z);
	if (zr != Z_STREAM_END || z.avail_in != 0) {
		sync_bundle_free(b);
		return SYNC_READ_DAMAGED;
	}
	/* The header. */
	size_t pos = 0;
	for (;;) {
		const unsigned char *nl = memchr(b->body + pos, '\n', b->size - pos);
		if (!nl || nl - (b->body + pos) > 200) {
			sync_bundle_free(b);
			return SYNC_READ_DAMAGED;
		}
		size_t len = (size_t)(nl - (b->body + pos));
		if (len == 0) {
			pos++;
			break;
		}
		char line[201];
		memcpy(line, b->body + pos, len);
		line[len] = '\0';
		if (memchr(line, '\0', len) || !header_line(b, line)) {
			sync_bundle_free(b);
			return SYNC_READ_DAMAGED;
		}
		pos += len + 1;
	}
	if (!hex32(b->from) || !hex32(b->to) || b->n < 1 || b->since < 1 || b->since > b->n || b->schema < 1) {
		sync_bundle_free(b);
		return SYNC_READ_DAMAGED;
	}
	b->entries_at = pos;
	/* Every entry's framing, before anything is applied. */
	struct sync_entry e;
	long long count = 0;
	enum sync_read rr;
	while ((rr = sync_bundle_next(b, &pos, &e)) == SYNC_READ_OK)
		count++;
	if (rr != SYNC_READ_END || count != b->entries) {
		sync_bundle_free(b);
		return SYNC_READ_DAMAGED;
	}
	return SYNC_READ_OK;
}

enum sync_read sync_bundle_next(struct sync_bundle *b, size_t *pos, struct sync_entry *e)
{
	const unsigned char *p = b->body;
	size_t n = b->size, i = *pos;
	unsigned long long v;
	size_t k;
	if (i >= n)
		return SYNC_READ_DAMAGED;
	if (p[i] == 'Z') {
		k = get_varint(p + i + 1, n - i - 1, &v);
		if (!k || i + 1 + k != n || v > (1ULL << 40))
			return SYNC_READ_DAMAGED;
		b->entries = (long long)v;
		*pos = n;
		return SYNC_READ_END;
	}
	if (p[i] != 'E' || n - i < 33)
		return SYNC_READ_DAMAGED;
	memcpy(e->origin, p + i + 1, 32);
	e->origin[32] = '\0';
	if (!hex32(e->origin))
		return SYNC_READ_DAMAGED;
	i += 33;
	if (!(k = get_varint(p + i, n - i, &v)) || v < 1 || v > (1ULL << 60))
		return SYNC_READ_DAMAGED;
	e->origin_seq = (long long)v;
	i += k;
	char *texts[2] = { e->at, e->user_name };
	const size_t sizes[2] = { sizeof e->at, sizeof e->user_name };
	for (int t = 0; t < 2; t++) {
		if (!(k = get_varint(p + i, n - i, &v)) || v >= sizes[t] || v > n - i - k)
			return SYNC_READ_DAMAGED;
		memcpy(texts[t], p + i + k, (size_t)v);
		texts[t][v] = '\0';
		if (!printable(texts[t]))
			return SYNC_READ_DAMAGED;
		i += k + (size_t)v;
	}
	if (!(k = get_varint(p + i, n - i, &v)) || v > n - i - k)
		return SYNC_READ_DAMAGED;
	e->changes = p + i + k;
	e->size = (size_t)v;
	*pos = i + k + (size_t)v;
	return SYNC_READ_OK;
}

/* ---- applying ---- */

static enum status exec_sql(struct db *db, const char *sql)
{
	return db_status_of(sqlite3_exec(db_sqlite(db), sql, NULL, NULL, NULL));
}

/* Learns the sender's name and the sites it knows. */
static enum status learn_sites(struct db *db, const struct sync_bundle *b)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO sync_site (site, name) VALUES (?1, ?2) ON CONFLICT (site) DO "
	                               "UPDATE SET name = CASE WHEN excluded.name != '' AND self = 0 "
	                               "THEN excluded.name ELSE name END");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, b->from);
	db_bind_text(st, 2, b->from_name);
	enum status s = db_step_done(st);
	for (int i = 0; s == ST_OK && i < b->nsites; i++) {
		db_bind_text(st, 1, b->sites[i].site);
		db_bind_text(st, 2, b->sites[i].site[0] && !strcmp(b->sites[i].site, b->from) ? b->from_name
		                                                                              : b->sites[i].name);
		s = db_step_done(st);
	}
	return s;
}

/* What the sender has: it need not be sent again. */
static enum status learn_acks(struct db *db, const struct sync_bundle *b, const char *self)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO sync_peer (peer, origin, sent, acked) VALUES (?1, ?2, ?3, ?3) "
	                               "ON CONFLICT (peer, origin) DO UPDATE SET acked = max(acked, excluded.acked), "
	                               "sent = max(sent, excluded.acked)");
	sqlite3_stmt *again = db_stmt(db, "INSERT INTO sync_peer (peer, origin, sent, acked) VALUES (?1, ?2, 0, 0) "
	                                  "ON CONFLICT (peer, origin) DO UPDATE SET sent = 0");
	if (!st || !again)
		return ST_INTERNAL;
	enum status s = ST_OK;
	for (int i = 0; s == ST_OK && i < b->nsites; i++) {
		if (!strcmp(b->sites[i].site, b->from))
			continue;
		db_bind_text(st, 1, b->from);
		db_bind_text(st, 2, b->sites[i].site);
		sqlite3_bind_int64(st, 3, b->sites[i].have);
		s = db_step_done(st);
	}
	sqlite3_stmt *got = db_stmt(db, "UPDATE sync_site SET got = max(got, ?2) WHERE site = ?1");
	if (!got)
		return ST_INTERNAL;
	if (s == ST_OK && b->got > 0) {
		db_bind_text(got, 1, b->from);
		sqlite3_bind_int64(got, 2, b->got);
		s = db_step_done(got);
	}
	if (s == ST_OK && b->resend) {
		db_bind_text(again, 1, b->from);
		db_bind_text(again, 2, self);
		s = db_step_done(again);
	}
	return s;
}

/* The rules that triggers check on insert and update against other rows
 * (a return after a best-interests determination, a payment within the
 * approved amount...) were checked where the change was made, against the
 * history there; a site's first entries bring its records as they are
 * now, in which that history is gone. So they are set aside while a
 * bundle is applied and put back in the same transaction: no other
 * session ever sees them missing. Triggers that keep rows unchangeable
 * stay. */
struct rules {
	char **sql;
	int n;
};

static enum status rules_aside(struct db *db, struct rules *rs)
{
	sqlite3_stmt *st = NULL;
	rs->sql = NULL;
	rs->n = 0;
	if (sqlite3_prepare_v2(db_sqlite(db), "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
	                       "AND sql LIKE '%RAISE(ABORT%' AND name NOT LIKE '%\\_keep' ESCAPE '\\' "
	                       "AND name NOT LIKE 'audit\\_%' ESCAPE '\\' AND name NOT LIKE '%no\\_update' ESCAPE '\\' "
	                       "AND name NOT LIKE '%no\\_delete' ESCAPE '\\' "
	                       "AND name NOT IN ('reint_payment_fixed', 'reint_payment_kept')", -1, &st, NULL) != SQLITE_OK)
		return ST_INTERNAL;
	char names[64][80];
	enum status s = ST_OK;
	rs->sql = calloc(64, sizeof *rs->sql);
	if (!rs->sql)
		s = ST_NOMEM;
	while (s == ST_OK && sqlite3_step(st) == SQLITE_ROW && rs->n < 64) {
		snprintf(names[rs->n], sizeof names[0], "%s", (const char *)sqlite3_column_text(st, 0));
		rs->sql[rs->n] = strdup((const char *)sqlite3_column_text(st, 1));
		if (!rs->sql[rs->n])
			s = ST_NOMEM;
		else
			rs->n++;
	}
	sqlite3_finalize(st);
	for (int i = 0; s == ST_OK && i < rs->n; i++) {
		char drop[128];
		snprintf(drop, sizeof drop, "DROP TRIGGER \"%.79s\"", names[i]);
		s = db_status_of(sqlite3_exec(db_sqlite(db), drop, NULL, NULL, NULL));
	}
	return s;
}

static enum status rules_back(struct db *db, struct rules *rs, enum status s)
{
	for (int i = 0; i < rs->n; i++) {
		if (s == ST_OK)
			s = db_status_of(sqlite3_exec(db_sqlite(db), rs->sql[i], NULL, NULL, NULL));
		free(rs->sql[i]);
	}
	free(rs->sql);
	rs->sql = NULL;
	rs->n = 0;
	return s;
}

static enum status apply_entries(struct db *db, struct sync_bundle *b, struct sync_result *r)
{
	sqlite3_stmt *have = db_stmt(db, "SELECT have FROM sync_site WHERE site = ?1");
	sqlite3_stmt *site = db_stmt(db, "INSERT OR IGNORE INTO sync_site (site) VALUES (?1)");
	sqlite3_stmt *log = db_stmt(db, "INSERT INTO sync_log (origin, origin_seq, at, user_name, changes) "
	                                "VALUES (?1, ?2, ?3, ?4, ?5)");
	sqlite3_stmt *up = db_stmt(db, "UPDATE sync_site SET have = ?2 WHERE site = ?1");
	if (!have || !site || !log || !up)
		return ST_INTERNAL;
	size_t pos = b->entries_at;
	struct sync_entry e;
	struct sync_buf echo = { 0 };
	enum status s = ST_OK;
	while (s == ST_OK && sync_bundle_next(b, &pos, &e) == SYNC_READ_OK) {
		/* This site's own entries come back to a site rebuilt from a
		 * copy (sync_init with a site id): applied when not here. */
		db_bind_text(site, 1, e.origin);
		if ((s = db_step_done(site)) != ST_OK)
			break;
		db_bind_text(have, 1, e.origin);
		long long h = sqlite3_step(have) == SQLITE_ROW ? sqlite3_column_int64(have, 0) : 0;
		sqlite3_reset(have);
		if (e.origin_seq <= h) {
			r->skipped++;
			continue;
		}
		if (e.origin_seq > h + 1) {
			char label[SYNC_SITE_NAME_MAX + 8];
			sync_site_label(db, e.origin, label, sizeof label);
			say(r, _("Changes %lld to %lld made at %s are missing: import the bundles that hold them first."),
			    h + 1, e.origin_seq - 1, label);
			sync_buf_free(&echo);
			return ST_INVALID;
		}
		s = sync_apply_entry(db, &e, r, &echo);
		if (s == ST_OK)
			s = sync_facts(db, e.changes, e.size, e.at);
		if (s != ST_OK)
			break;
		db_bind_text(log, 1, e.origin);
		sqlite3_bind_int64(log, 2, e.origin_seq);
		db_bind_text(log, 3, e.at);
		db_bind_text(log, 4, e.user_name);
		sqlite3_bind_blob(log, 5, e.changes, (int)e.size, SQLITE_STATIC);
		s = db_step_done(log);
		if (s == ST_OK) {
			db_bind_text(up, 1, e.origin);
			sqlite3_bind_int64(up, 2, e.origin_seq);
			s = db_step_done(up);
		}
		r->applied++;
	}
	if (s == ST_OK && echo.failed)
		s = ST_NOMEM;
	if (s == ST_OK && echo.n)
		s = sync_log_own(db, echo.p, echo.n);
	sync_buf_free(&echo);
	return s;
}

static enum status record_bundle(struct db *db, const struct sync_bundle *b, const char *status,
                                 const unsigned char *data, size_t size, const struct sync_result *r)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT OR REPLACE INTO sync_bundle_in (peer, n, since, at, entries, applied, "
	                               "conflicts, status, data) VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', "
	                               "'now'), ?4, ?5, ?6, ?7, ?8)");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, b->from);
	sqlite3_bind_int64(st, 2, b->n);
	sqlite3_bind_int64(st, 3, b->since);
	sqlite3_bind_int64(st, 4, b->entries);
	sqlite3_bind_int64(st, 5, r->applied);
	sqlite3_bind_int64(st, 6, r->conflicts);
	db_bind_text(st, 7, status);
	if (data)
		sqlite3_bind_blob(st, 8, data, (int)size, SQLITE_STATIC);
	return db_step_done(st);
}

static enum status import_one(struct db *db, const unsigned char *data, size_t size, struct sync_result *r)
{
	memset(r, 0, sizeof *r);
	enum status s = db_require(db, PERM_SYNC);
	if (s != ST_OK)
		return s;
	char self[33];
	bool on = false;
	if (sync_self(db, self, &on) != ST_OK || !on) {
		say(r, "%s", _("This site does not exchange with others yet: run `taimako sync init --name NAME` first."));
		return ST_INVALID;
	}
	struct sync_bundle b;
	switch (sync_bundle_read(data, size, &b)) {
	case SYNC_READ_OK:
		break;
	case SYNC_READ_NOMEM:
		return ST_NOMEM;
	case SYNC_READ_NOT_BUNDLE:
		say(r, "%s", _("This file is not a bundle of changes."));
		return ST_INVALID;
	default:
		say(r, "%s", _("The bundle is damaged or cut short (its checksum or its contents do not match): "
		               "copy it again."));
		return ST_INVALID;
	}
	snprintf(r->from, sizeof r->from, "%s", b.from_name[0] ? b.from_name : b.from);
	r->bundle = b.n;
	r->entries = b.entries;
	if (strcmp(b.to, self)) {
		char label[SYNC_SITE_NAME_MAX + 8];
		sync_site_label(db, b.to, label, sizeof label);
		say(r, _("This bundle is for another site (%s), not this one."), label);
		s = ST_INVALID;
	} else if (!strcmp(b.from, self)) {
		say(r, "%s", _("This bundle was written by this site itself."));
		s = ST_INVALID;
	} else if (b.schema != db_version(db)) {
		say(r, _("This bundle was written by a version of Taimako with schema %d; this one has %d. Use the "
		         "same version at both sites."), b.schema, db_version(db));
		s = ST_INVALID;
	}
	if (s != ST_OK) {
		sync_bundle_free(&b);
		return s;
	}
	sync_set_applying(db, true);
	s = db_begin(db);
	if (s == ST_OK)
		s = exec_sql(db, "CREATE TEMP TABLE IF NOT EXISTS sync_touched (id INTEGER PRIMARY KEY, "
		                 "added INTEGER NOT NULL DEFAULT 0)");
	if (s == ST_OK)
		s = learn_sites(db, &b);
	long long last = 0;
	sqlite3_stmt *st = s == ST_OK ? db_stmt(db, "SELECT coalesce(max(n), 0) FROM sync_bundle_in "
	                                            "WHERE peer = ?1 AND status = 'applied'") : NULL;
	if (s == ST_OK && !st)
		s = ST_INTERNAL;
	if (s == ST_OK) {
		db_bind_text(st, 1, b.from);
		if (sqlite3_step(st) == SQLITE_ROW)
			last = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	bool held = false;
	if (s == ST_OK && b.n <= last) {
		say(r, _("Bundle %lld from %s was applied already: nothing to do."), b.n, r->from);
		sqlite3_stmt *gone = db_stmt(db, "DELETE FROM sync_bundle_in WHERE peer = ?1 AND n = ?2 AND status = 'held'");
		if (!gone)
			s = ST_INTERNAL;
		else {
			db_bind_text(gone, 1, b.from);
			sqlite3_bind_int64(gone, 2, b.n);
			s = db_step_done(gone);
		}
	} else if (s == ST_OK && b.since > last + 1) {
		held = true;
		r->held = true;
		say(r, _("Bundle %lld from %s needs bundles %lld to %lld first: it is kept, and will be applied "
		         "when they come."), b.n, r->from, last + 1, b.since - 1);
		s = record_bundle(db, &b, "held", data, size, r);
	} else if (s == ST_OK) {
		struct rules rs;
		s = rules_aside(db, &rs);
		if (s == ST_OK)
			s = apply_entries(db, &b, r);
		s = rules_back(db, &rs, s);
		if (s == ST_OK)
			s = sync_reindex_touched(db, &r->duplicates);
		if (s == ST_OK)
			s = learn_acks(db, &b, self);
		if (s == ST_OK)
			s = record_bundle(db, &b, "applied", NULL, 0, r);
		if (s == ST_OK) {
			char changes[240];
			snprintf(changes, sizeof changes, "{\"from\": [null, \"%s\"], \"bundle\": [null, %lld], "
			         "\"entries\": [null, %lld], \"conflicts\": [null, %lld]}", b.from, b.n, r->applied,
			         r->conflicts);
			s = audit_log(db, "sync_import", "sync", 0, changes);
		}
	}
	s = db_finish(db, s);
	sync_set_applying(db, false);
	sync_bundle_free(&b);
	if (s != ST_OK) {
		r->applied = r->conflicts = r->duplicates = 0;
		if (!r->detail[0])
			say(r, "%s", _("The bundle could not be applied; nothing was changed."));
		return s;
	}
	return held ? ST_CONFLICT : ST_OK;
}

/* Applies the held bundles that can be now, oldest first. */
static void apply_held(struct db *db)
{
	for (int round = 0; round < 1000; round++) {
		sqlite3_stmt *st = db_stmt(db, "SELECT i.data FROM sync_bundle_in i WHERE i.status = 'held' AND i.since <= "
		                               "1 + coalesce((SELECT max(n) FROM sync_bundle_in a WHERE a.peer = i.peer "
		                               "AND a.status = 'applied'), 0) ORDER BY i.peer, i.n LIMIT 1");
		if (!st)
			return;
		if (sqlite3_step(st) != SQLITE_ROW) {
			sqlite3_reset(st);
			return;
		}
		size_t n = (size_t)sqlite3_column_bytes(st, 0);
		unsigned char *data = malloc(n ? n : 1);
		if (data)
			memcpy(data, sqlite3_column_blob(st, 0), n);
		sqlite3_reset(st);
		if (!data)
			return;
		struct sync_result r;
		enum status s = import_one(db, data, n, &r);
		free(data);
		if (s != ST_OK)
			return;
	}
}

enum status sync_import(struct db *db, const unsigned char *data, size_t size, struct sync_result *r)
{
	enum status s = import_one(db, data, size, r);
	if (s == ST_OK && r->applied > 0)
		apply_held(db);
	return s;
}
