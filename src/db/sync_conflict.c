/* The sites this one knows and what it exchanged with them; the conflicts
 * between sites and a manager's choice on them. A choice travels: taking
 * the other site's value is an ordinary change, captured like any other;
 * keeping this site's is written to the change log by hand (the field
 * changed from the other site's value to this one's), so that every site
 * ends with the owner's choice. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/casenum.h"
#include "core/jsonbuf.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/sync_private.h"

void sync_site_label(struct db *db, const char *site, char *out, size_t size)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT name FROM sync_site WHERE site = ?1 AND name != ''");
	out[0] = '\0';
	if (st) {
		db_bind_text(st, 1, site);
		if (sqlite3_step(st) == SQLITE_ROW)
			db_column_copy(st, 0, out, size);
		sqlite3_reset(st);
	}
	if (!out[0])
		snprintf(out, size, "%.8s", site);
}

enum status sync_sites_each(struct db *db, sync_site_fn fn, void *ctx)
{
	enum status s = db_require(db, PERM_SYNC);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db,
		"SELECT s.site, s.name, s.self, s.have, "
		"(SELECT max(n) FROM sync_bundle_out o WHERE o.peer = s.site), "
		"(SELECT max(at) FROM sync_bundle_out o WHERE o.peer = s.site), "
		"(SELECT coalesce(sum(entries), 0) FROM sync_bundle_out o WHERE o.peer = s.site), "
		"(SELECT max(n) FROM sync_bundle_in i WHERE i.peer = s.site AND i.status = 'applied'), "
		"(SELECT max(at) FROM sync_bundle_in i WHERE i.peer = s.site AND i.status = 'applied'), "
		"CASE WHEN s.self THEN 0 ELSE (SELECT count(*) FROM sync_log l LEFT JOIN sync_peer p "
		"  ON p.peer = s.site AND p.origin = l.origin WHERE l.origin != s.site "
		"  AND l.origin_seq > coalesce(p.sent, 0)) END, "
		"(SELECT count(*) FROM sync_bundle_in i WHERE i.peer = s.site AND i.status = 'held'), "
		"(SELECT count(*) FROM sync_conflict c WHERE c.there_site = s.site AND c.status = 'open') "
		"FROM sync_site s ORDER BY s.self DESC, s.name, s.site");
	if (!st)
		return ST_INTERNAL;
	/* Collected first: the callback may wait for a key. */
	struct sync_site *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct sync_site *r = db_grow((void **)&rows, &n, &cap, sizeof *r);
		if (!r) {
			rc = SQLITE_NOMEM;
			break;
		}
		db_column_copy(st, 0, r->site, sizeof r->site);
		db_column_copy(st, 1, r->name, sizeof r->name);
		r->self = sqlite3_column_int(st, 2) != 0;
		r->have = sqlite3_column_int64(st, 3);
		r->sent_n = sqlite3_column_int64(st, 4);
		db_column_copy(st, 5, r->sent_at, sizeof r->sent_at);
		r->sent_upto = sqlite3_column_int64(st, 6);
		r->recv_n = sqlite3_column_int64(st, 7);
		db_column_copy(st, 8, r->recv_at, sizeof r->recv_at);
		r->waiting = sqlite3_column_int64(st, 9);
		r->held = sqlite3_column_int64(st, 10);
		r->conflicts = sqlite3_column_int64(st, 11);
	}
	sqlite3_reset(st);
	s = rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
	for (size_t i = 0; s == ST_OK && i < n; i++)
		s = fn(&rows[i], ctx);
	free(rows);
	return s;
}

enum status sync_conflicts_open(struct db *db, long long *n)
{
	*n = 0;
	enum status s = db_require(db, PERM_SYNC);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM sync_conflict WHERE status = 'open'");
	if (!st)
		return ST_INTERNAL;
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return ST_OK;
}

/* The permission needed to see the values of a table's records. */
static enum perm table_perm(const char *table)
{
	static const struct {
		const char *prefix;
		enum perm perm;
	} map[] = {
		{ "consultation", PERM_MEDICAL_READ }, { "medical_case", PERM_MEDICAL_READ },
		{ "antenatal_visit", PERM_MEDICAL_READ }, { "fitness", PERM_MEDICAL_READ },
		{ "prot_", PERM_PROTECTION_READ }, { "psych_support", PERM_PSYCH_NOTES }, { "psych_", PERM_PSYCH_READ },
		{ "reint_", PERM_REINTEGRATION_READ }, { "training_", PERM_TRAINING_READ },
		{ "app_user", PERM_SYNC }, { "centre", PERM_SYNC }, { "ref_item", PERM_SYNC }, { "dist_", PERM_SYNC },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (!strncmp(table, map[i].prefix, strlen(map[i].prefix)))
			return map[i].perm;
	return PERM_PERSON_READ;
}

/* A reference's name between sites, shown as users know the record. */
static void ref_label(struct db *db, const char *table, const char *key, char *out, size_t size)
{
	static const struct {
		const char *table;
		const char *sql;
	} labels[] = {
		{ "person", "SELECT case_key FROM person WHERE uuid = ?1" },
		{ "app_user", "SELECT display_name FROM app_user WHERE uuid = ?1" },
		{ "centre", "SELECT code FROM centre WHERE code = ?1" },
		{ "dist_item", "SELECT code FROM dist_item WHERE code = ?1" },
		{ "ref_item", "SELECT code FROM ref_item WHERE list || char(31) || code = ?1" },
	};
	out[0] = '\0';
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		if (strcmp(labels[i].table, table))
			continue;
		sqlite3_stmt *st = db_stmt(db, labels[i].sql);
		if (!st)
			return;
		db_bind_text(st, 1, key);
		if (sqlite3_step(st) == SQLITE_ROW)
			db_column_copy(st, 0, out, size);
		sqlite3_reset(st);
		if (!strcmp(table, "person") && out[0]) {
			char shown[32];
			if (casenum_display(out, shown, sizeof shown))
				snprintf(out, size, "%s", shown);
		}
	}
}

/* The case number of the person a record of table is about, into out. */
static void record_person(struct db *db, const struct sync_table *t, const char *uuid, char *out, size_t size)
{
	out[0] = '\0';
	char sql[256];
	if (!strcmp(t->name, "person") || t->key == SYNC_KEY_COMPOSITE)   /* noted under its person */
		snprintf(sql, sizeof sql, "SELECT case_key FROM person WHERE uuid = ?1");
	else {
		bool has = false;
		for (int i = 0; i < t->ncol; i++)
			has = has || !strcmp(t->col[i].name, "person_id");
		if (!has)
			return;
		snprintf(sql, sizeof sql, "SELECT p.case_key FROM \"%s\" r JOIN person p ON p.id = r.person_id "
		                          "WHERE r.uuid = ?1", t->name);
	}
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW)
			db_column_copy(st, 0, out, size);
	}
	sqlite3_finalize(st);
	char shown[32];
	if (out[0] && casenum_display(out, shown, sizeof shown))
		snprintf(out, size, "%s", shown);
}

static const char *const kinds[] = { "field", "edit_deleted", "delete_edited", "duplicate" };

static void fill_value(struct db *db, const struct sync_table *t, const char *field, sqlite3_stmt *st, int col,
                       char *out, size_t size)
{
	db_column_copy(st, col, out, size);
	int c = -1;
	for (int i = 0; t && i < t->ncol; i++)
		if (!strcmp(t->col[i].name, field))
			c = i;
	if (c >= 0 && t->col[c].ref >= 0 && out[0]) {
		const struct sync_schema *s = sync_schema(db);
		char key[SYNC_VALUE_MAX];
		snprintf(key, sizeof key, "%s", out);
		ref_label(db, s->tab[t->col[c].ref].name, key, out, size);
	}
}

enum status sync_conflicts_each(struct db *db, bool all, long long after, int limit, sync_conflict_fn fn, void *ctx,
                                bool *more)
{
	if (more)
		*more = false;
	enum status s = db_require(db, PERM_SYNC_DECIDE);
	if (s != ST_OK)
		return s;
	const struct sync_schema *sch = sync_schema(db);
	char self[33];
	if (!sch || sync_self(db, self, NULL) != ST_OK)
		return ST_INTERNAL;
	sqlite3_stmt *st = db_stmt(db,
		"SELECT id, kind, tbl, row_uuid, field, here, there, there_site, there_user, there_at, at, owner, "
		"status, decided_by FROM sync_conflict WHERE (?1 OR status = 'open') AND (?2 = 0 OR id < ?2) "
		"ORDER BY id DESC LIMIT ?3");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int(st, 1, all);
	sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int(st, 3, limit + 1);
	struct sync_conflict *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			if (more)
				*more = true;
			break;
		}
		struct sync_conflict *c = db_grow((void **)&rows, &n, &cap, sizeof *c);
		if (!c) {
			rc = SQLITE_NOMEM;
			break;
		}
		c->id = sqlite3_column_int64(st, 0);
		const char *kind = (const char *)sqlite3_column_text(st, 1);
		for (int k = 0; k < 4; k++)
			if (kind && !strcmp(kind, kinds[k]))
				c->kind = (enum sync_conflict_kind)k;
		db_column_copy(st, 2, c->table, sizeof c->table);
		db_column_copy(st, 4, c->field, sizeof c->field);
		char uuid[33], owner[33], site[33];
		db_column_copy(st, 3, uuid, sizeof uuid);
		int ti = sync_table_index(sch, c->table);
		const struct sync_table *t = ti >= 0 ? &sch->tab[ti] : NULL;
		c->hidden = !perm_allows(db_actor(db)->role, table_perm(c->table));
		if (!c->hidden && c->kind != SYNC_DUPLICATE) {
			fill_value(db, t, c->field, st, 5, c->here, sizeof c->here);
			fill_value(db, t, c->field, st, 6, c->there, sizeof c->there);
		} else if (c->kind == SYNC_DUPLICATE) {
			char key[33];
			db_column_copy(st, 5, key, sizeof key);
			ref_label(db, "person", key, c->here, sizeof c->here);
			ref_label(db, "person", uuid, c->there, sizeof c->there);
		}
		if (t)
			record_person(db, t, uuid, c->what, sizeof c->what);
		db_column_copy(st, 7, site, sizeof site);
		sync_site_label(db, site, c->there_site, sizeof c->there_site);
		db_column_copy(st, 8, c->there_user, sizeof c->there_user);
		db_column_copy(st, 9, c->there_at, sizeof c->there_at);
		db_column_copy(st, 10, c->at, sizeof c->at);
		db_column_copy(st, 11, owner, sizeof owner);
		db_column_copy(st, 12, c->decision, sizeof c->decision);
		c->open = !strcmp(c->decision, "open");
		if (c->open)
			c->decision[0] = '\0';
		db_column_copy(st, 13, c->decided_by, sizeof c->decided_by);
		c->decides = c->open && !c->hidden && (!strcmp(owner, self) || c->kind == SYNC_DUPLICATE)
		             && perm_allows(db_actor(db)->role, PERM_SYNC_DECIDE);
	}
	sqlite3_reset(st);
	s = rc == SQLITE_DONE || rc == SQLITE_ROW ? ST_OK : db_status_of(rc);
	for (size_t i = 0; s == ST_OK && i < n; i++)
		s = fn(&rows[i], ctx);
	free(rows);
	return s;
}
