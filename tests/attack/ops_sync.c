/* Attacks' write paths: a bundle from another site applied (see ops.c).
 * Each writer keeps a database of its own playing another site (Dirkou):
 * it registers a person there, writes the bundle for the attacked
 * database and applies it there. Every other path's writes are captured
 * in the change log too (the attacked database syncs: attack_setup), and
 * attack_integrity checks that log. */
#define _POSIX_C_SOURCE 200809L
#include <unistd.h>

#include "db/sync.h"
#include "db/sync_private.h"
#include "ops_private.h"

static struct db *peer;
static long long peer_clerk;

/* The writer's other site, made at its first bundle. */
static enum status open_peer(void)
{
	if (peer)
		return ST_OK;
	char path[128];
	snprintf(path, sizeof path, "%s/attack-peer-%ld.db", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
	         (long)getpid());
	unlink(path);
	enum status s = db_open(path, DB_CREATE, &peer, NULL, 0);
	if (s != ST_OK)
		return s;
	db_set_actor(peer, 0, "admin", ROLE_ADMIN, "attack");
	s = user_add(peer, "clerk", "Clerk of Dirkou", ROLE_INTAKE, "DRK", "fr", "a long password", &peer_clerk);
	long long rows;
	if (s == ST_OK)
		s = sync_init(peer, "Dirkou", &rows);
	/* Its case numbers far from those the attacked database has for the
	 * same centre (two sites never register at one centre). */
	if (s == ST_OK && sqlite3_exec(db_sqlite(peer), "INSERT INTO case_sequence (centre_id, year, next) SELECT id, "
	                               "CAST(strftime('%Y', 'now') AS INTEGER), 50000 + abs(random() % 40000) FROM centre "
	                               "WHERE code = 'DRK'", NULL, NULL, NULL) != SQLITE_OK)
		s = ST_INTERNAL;
	return s;
}

enum status run_sync_import(struct attack *a, char *ack, size_t size)
{
	enum status s = open_peer();
	if (s != ST_OK)
		return s;
	struct person p;
	memset(&p, 0, sizeof p);
	db_set_actor(peer, peer_clerk, "clerk", ROLE_INTAKE, "attack");
	snprintf(p.family_name, sizeof p.family_name, "Synced");
	snprintf(p.given_names, sizeof p.given_names, "S%lld", a->token++);
	p.sex = 'f';
	today(p.arrival_date);
	today(p.consent_date);
	snprintf(p.centre_code, sizeof p.centre_code, "DRK");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "self");
	p.consent_data = true;
	if ((s = person_save(peer, &p, NULL, NULL, 0)) != ST_OK)
		return s;
	char uuid[33] = "", to[33] = "";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db_sqlite(peer), "SELECT uuid FROM person WHERE id = ?1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, p.id);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(uuid, sizeof uuid, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	act_as(a, a->admin_id, "admin", ROLE_ADMIN);
	if (sync_self(a->db, to, NULL) != ST_OK)
		return ST_INTERNAL;
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (!f)
		return ST_NOMEM;
	struct sync_result r;
	db_set_actor(peer, 0, "admin", ROLE_ADMIN, "attack");
	s = sync_export(peer, to, false, f, &r);
	fclose(f);
	if (s == ST_OK)
		s = sync_import(a->db, (unsigned char *)buf, n, &r);
	free(buf);
	if (s == ST_OK)
		snprintf(ack, size, "sync_import %s", uuid);
	return s;
}

/* The person who came is there, found by name. */
bool verify_sync_import(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[64];
	const char *w[1];
	if (words(args, buf, sizeof buf, w, 1) != 1)
		return fail(why, size, "bad line");
	long long id = query(ro, "SELECT id FROM person WHERE uuid = ?1", "t", w, NULL, 0);
	if (id <= 0)
		return fail(why, size, "the person of the bundle is missing");
	char ids[24];
	snprintf(ids, sizeof ids, "%lld", id);
	if (query(ro, "SELECT count(*) FROM person_search WHERE rowid = ?1", "i", (const char *[]){ ids }, NULL, 0) != 1)
		return fail(why, size, "not in the search index");
	return true;
}
