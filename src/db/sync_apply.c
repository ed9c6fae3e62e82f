/* Applying one received change-log entry: each change of its changeset
 * (read with SQLite's changeset iterator) is found here by the uuid or
 * natural key of its row, its references turned back into this file's row
 * ids, and merged field by field:
 *   - a field whose value here is the one the other site changed from
 *     takes the new value; one that already has it is left;
 *   - otherwise both sides changed it: a conflict. The site that owns the
 *     record decides: its own changes win at the other sites (which note
 *     the conflict as decided by the owner); a change from any other site
 *     leaves the value as it is here and opens a conflict, which the owner's
 *     manager decides (sync_conflict_decide) and whose outcome travels.
 *   - a deletion deletes a row unchanged since; a row changed here is kept
 *     (a conflict), unless the owner deleted it.
 * The audit trail of the other site lands in sync_audit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/casenum.h"
#include "core/i18n.h"
#include "core/phone.h"
#include "core/sync_labels.h"
#include "db/db_private.h"
#include "db/person_private.h"
#include "db/sync_private.h"

struct apply {
	struct db *db;
	const struct sync_schema *s;
	const struct sync_entry *e;
	struct sync_result *r;
	struct sync_buf *echo;
	char self[33];
};


static const char *text_of(sqlite3_value *v)
{
	return v && sqlite3_value_type(v) != SQLITE_NULL ? (const char *)sqlite3_value_text(v) : NULL;
}

static bool same_value(sqlite3_value *a, sqlite3_value *b)
{
	int ta = a ? sqlite3_value_type(a) : SQLITE_NULL, tb = b ? sqlite3_value_type(b) : SQLITE_NULL;
	if (ta == SQLITE_NULL || tb == SQLITE_NULL)
		return ta == tb;
	if ((ta == SQLITE_INTEGER || ta == SQLITE_FLOAT) && (tb == SQLITE_INTEGER || tb == SQLITE_FLOAT)) {
		if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER)
			return sqlite3_value_int64(a) == sqlite3_value_int64(b);
		return sqlite3_value_double(a) == sqlite3_value_double(b);
	}
	if (ta != tb) {
		const char *x = (const char *)sqlite3_value_text(a), *y = (const char *)sqlite3_value_text(b);
		return x && y && !strcmp(x, y);
	}
	int n = sqlite3_value_bytes(a);
	if (n != sqlite3_value_bytes(b))
		return false;
	const void *x = ta == SQLITE_BLOB ? sqlite3_value_blob(a) : (const void *)sqlite3_value_text(a);
	const void *y = tb == SQLITE_BLOB ? sqlite3_value_blob(b) : (const void *)sqlite3_value_text(b);
	return n == 0 || (x && y && !memcmp(x, y, (size_t)n));
}

/* The key of a fact (a row keyed by its references): its key columns,
 * named between sites, joined by U+001F. */
static void fact_of(const struct sync_table *t, sqlite3_value **rec, char *out, size_t size)
{
	size_t n = 0;
	out[0] = '\0';
	for (int i = 0; i < t->ncol && n < size; i++)
		if (t->col[i].pk)
			n += (size_t)snprintf(out + n, size - n, "%s%s", n ? "\x1f" : "",
			                      rec[i] && sqlite3_value_text(rec[i]) ? (const char *)sqlite3_value_text(rec[i]) : "");
}

enum status sync_facts(struct db *db, const unsigned char *cs, size_t size, const char *at)
{
	const struct sync_schema *s = sync_schema(db);
	sqlite3_stmt *add = db_stmt(db, "INSERT INTO sync_fact (tbl, fact, added) VALUES (?1, ?2, ?3) "
	                                "ON CONFLICT (tbl, fact) DO UPDATE SET added = max(added, excluded.added)");
	sqlite3_stmt *del = db_stmt(db, "INSERT INTO sync_fact (tbl, fact, removed) VALUES (?1, ?2, ?3) "
	                                "ON CONFLICT (tbl, fact) DO UPDATE SET removed = max(removed, excluded.removed)");
	sqlite3_changeset_iter *it = NULL;
	if (!s || !add || !del || sqlite3changeset_start(&it, (int)size, (void *)cs) != SQLITE_OK)
		return ST_INTERNAL;
	sqlite3_value *rec[SYNC_COLS_MAX] = { 0 };
	enum status res = ST_OK;
	while (res == ST_OK && sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *name;
		int ncol, op, indirect;
		sqlite3changeset_op(it, &name, &ncol, &op, &indirect);
		int ti = sync_table_index(s, name);
		if (op == SQLITE_UPDATE || ti < 0 || s->tab[ti].key != SYNC_KEY_COMPOSITE || ncol != s->tab[ti].ncol)
			continue;
		for (int i = 0; i < ncol; i++)
			if ((op == SQLITE_DELETE ? sqlite3changeset_old(it, i, &rec[i]) : sqlite3changeset_new(it, i, &rec[i]))
			    != SQLITE_OK)
				rec[i] = NULL;
		char fact[256];
		fact_of(&s->tab[ti], rec, fact, sizeof fact);
		sqlite3_stmt *st = op == SQLITE_DELETE ? del : add;
		db_bind_text(st, 1, name);
		db_bind_text(st, 2, fact);
		db_bind_text(st, 3, at);
		res = db_step_done(st);
	}
	sqlite3changeset_finalize(it);
	return res;
}

/* The last time the fact in rec was added (added) or removed here. */
static void fact_times(struct apply *a, const struct sync_table *t, sqlite3_value **rec, char added[32],
                       char removed[32])
{
	added[0] = removed[0] = '\0';
	sqlite3_stmt *st = db_stmt(a->db, "SELECT added, removed FROM sync_fact WHERE tbl = ?1 AND fact = ?2");
	if (!st)
		return;
	char fact[256];
	fact_of(t, rec, fact, sizeof fact);
	db_bind_text(st, 1, t->name);
	db_bind_text(st, 2, fact);
	if (sqlite3_step(st) == SQLITE_ROW) {
		db_column_copy(st, 0, added, 32);
		db_column_copy(st, 1, removed, 32);
	}
	sqlite3_reset(st);
}

/* The row id here of the row of table t named key; 0 when none. */
static long long id_of_key(struct db *db, const struct sync_table *t, const char *key)
{
	if (!key || t->key == SYNC_KEY_COMPOSITE)
		return 0;
	sqlite3_stmt *st = db_stmt(db, t->id_of_key);
	if (!st)
		return 0;
	db_bind_text(st, 1, key);
	long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return id;
}

/* The name between sites of the row id of table t, into out ("" none). */
static void key_of_id(struct db *db, const struct sync_table *t, sqlite3_value *id, char *out, size_t size)
{
	out[0] = '\0';
	if (!id || sqlite3_value_type(id) != SQLITE_INTEGER || t->key == SYNC_KEY_COMPOSITE)
		return;
	sqlite3_stmt *st = db_stmt(db, t->key_of_id);
	if (!st)
		return;
	sqlite3_bind_int64(st, 1, sqlite3_value_int64(id));
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_copy(st, 0, out, size);
	sqlite3_reset(st);
}

/* The current row, its values copied (to free with free_row); found
 * false when there is none. Rows are written by their uuid (every table
 * has one, unique; some have no rowid). */
struct row {
	sqlite3_value *v[SYNC_COLS_MAX];
	bool found;
};

/* Whether this site owns the row (and so writes again the changes of
 * other sites it applied to it). */
static bool owned_here(struct apply *a, const struct sync_table *t, const struct row *row)
{
	const char *owner = text_of(row->v[t->site_col]);
	return a->echo && owner && !strcmp(owner, a->self) && strcmp(a->e->origin, a->self);
}

static void free_row(struct row *row)
{
	for (int i = 0; i < SYNC_COLS_MAX; i++) {
		sqlite3_value_free(row->v[i]);
		row->v[i] = NULL;
	}
}

static enum status find_row(struct apply *a, const struct sync_table *t, sqlite3_value **rec, struct row *row)
{
	memset(row, 0, sizeof *row);
	sqlite3_stmt *st = db_stmt(a->db, t->select_row);
	if (!st)
		return ST_INTERNAL;
	if (t->key != SYNC_KEY_COMPOSITE)
		db_bind_text(st, 1, text_of(rec[t->id_col]));
	else {
		int k = 0;
		for (int i = 0; i < t->ncol; i++) {
			if (!t->col[i].pk)
				continue;
			k++;
			const struct sync_col *c = &t->col[i];
			if (c->ref >= 0) {
				long long id = id_of_key(a->db, &a->s->tab[c->ref], text_of(rec[i]));
				if (!id) {
					sqlite3_reset(st);
					sqlite3_clear_bindings(st);
					return ST_OK;   /* what it refers to is not here: no such row */
				}
				sqlite3_bind_int64(st, k, id);
			} else
				sqlite3_bind_value(st, k, rec[i]);
		}
	}
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		row->found = true;
		for (int i = 0; i < t->ncol; i++)
			row->v[i] = sqlite3_value_dup(sqlite3_column_value(st, i));
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_status_of(rc);
	return ST_OK;
}

/* Whether incoming value v (a name between sites for a reference) is the
 * value cur here. */
static bool same_here(struct apply *a, const struct sync_col *c, sqlite3_value *v, sqlite3_value *cur)
{
	if (c->ref < 0)
		return same_value(v, cur);
	char key[80];
	key_of_id(a->db, &a->s->tab[c->ref], cur, key, sizeof key);
	const char *t = text_of(v);
	return t ? !strcmp(t, key) : (!cur || sqlite3_value_type(cur) == SQLITE_NULL);
}

/* A value for the conflicts list: references by their name between
 * sites (sync_conflict.c shows them as labels). */
static void value_for_list(struct apply *a, const struct sync_col *c, sqlite3_value *cur, sqlite3_stmt *st, int idx)
{
	if (c->ref >= 0) {
		char key[80];
		key_of_id(a->db, &a->s->tab[c->ref], cur, key, sizeof key);
		db_bind_opt(st, idx, key);
	} else if (cur)
		sqlite3_bind_value(st, idx, cur);
	else
		sqlite3_bind_null(st, idx);
}

static enum status add_conflict(struct apply *a, const struct sync_table *t, const struct row *row, const char *kind,
                                int col, sqlite3_value *there, const char *status)
{
	sqlite3_stmt *st = db_stmt(a->db,
		"INSERT INTO sync_conflict (at, kind, tbl, row_uuid, field, here, there, there_site, there_user, "
		"there_at, owner, status, decided_at) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?1, ?2, ?3, ?4, "
		"?5, ?6, ?7, ?8, ?9, ?10, ?11, CASE ?11 WHEN 'open' THEN '' "
		"ELSE strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END)");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, kind);
	db_bind_text(st, 2, t->name);
	sqlite3_bind_value(st, 3, row->v[t->uuid_col]);
	db_bind_text(st, 4, col >= 0 ? t->col[col].name : "");
	if (col >= 0) {
		value_for_list(a, &t->col[col], row->v[col], st, 5);
		if (there && t->col[col].ref >= 0)
			db_bind_text(st, 6, text_of(there));
		else if (there)
			sqlite3_bind_value(st, 6, there);
	}
	db_bind_text(st, 7, a->e->origin);
	db_bind_text(st, 8, a->e->user_name);
	db_bind_text(st, 9, a->e->at);
	db_bind_text(st, 10, text_of(row->v[t->site_col]) ? text_of(row->v[t->site_col]) : a->self);
	db_bind_text(st, 11, status);
	if (!strcmp(status, "open"))
		a->r->conflicts++;
	return db_step_done(st);
}

/* The owner's value came: the open conflicts on that field here are
 * decided by it. */
static enum status owner_decided(struct apply *a, const struct sync_table *t, const struct row *row, int col)
{
	sqlite3_stmt *st = db_stmt(a->db, "UPDATE sync_conflict SET status = 'owner', decided_by = ?4, "
	                                  "decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
	                                  "WHERE tbl = ?1 AND row_uuid = ?2 AND field = ?3 AND status = 'open'");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, t->name);
	sqlite3_bind_value(st, 2, row->v[t->uuid_col]);
	db_bind_text(st, 3, col >= 0 ? t->col[col].name : "");
	db_bind_text(st, 4, a->e->user_name);
	return db_step_done(st);
}

/* Binds incoming value v of column c to parameter idx, a reference turned
 * into the row id here; ST_NOT_FOUND when it refers to a row not here. */
static enum status bind_incoming(struct apply *a, const struct sync_col *c, sqlite3_value *v, sqlite3_stmt *st, int idx)
{
	if (c->ref >= 0 && text_of(v)) {
		long long id = id_of_key(a->db, &a->s->tab[c->ref], text_of(v));
		if (!id)
			return ST_NOT_FOUND;
		sqlite3_bind_int64(st, idx, id);
		return ST_OK;
	}
	if (v)
		sqlite3_bind_value(st, idx, v);
	else
		sqlite3_bind_null(st, idx);
	return ST_OK;
}

static void note_person(struct apply *a, const struct sync_table *t, sqlite3_value *uuid, bool added)
{
	bool person = !strcmp(t->name, "person"), has = false;
	for (int i = 0; i < t->ncol; i++)
		has = has || !strcmp(t->col[i].name, "person_id");
	if (!person && !has)
		return;
	char sql[256];
	snprintf(sql, sizeof sql, "INSERT INTO temp.sync_touched (id, added) SELECT %s, ?2 FROM \"%s\" WHERE uuid = ?1 "
	         "ON CONFLICT (id) DO UPDATE SET added = max(added, excluded.added)", person ? "id" : "person_id", t->name);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db_sqlite(a->db), sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_value(st, 1, uuid);
		sqlite3_bind_int(st, 2, added && person);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
}

/* Why a change of table t could not be written, for the user: the kind of
 * record in their language; SQLite's own words only as a technical
 * detail at the end. A person whose case number exists here means two
 * sites register at one centre, and says so. */
static void fail(struct apply *a, const struct sync_table *t, sqlite3_value **nv)
{
	sqlite3 *h = db_sqlite(a->db);
	const char *sqlite_says = sqlite3_errmsg(h);
	if (nv && !strcmp(t->name, "person") && sqlite3_extended_errcode(h) == SQLITE_CONSTRAINT_UNIQUE &&
	    strstr(sqlite_says, "case_key")) {
		char number[40] = "?";
		for (int i = 0; i < t->ncol; i++)
			if (!strcmp(t->col[i].name, "case_key") && text_of(nv[i])
			    && !casenum_display(text_of(nv[i]), number, sizeof number))
				snprintf(number, sizeof number, "%s", text_of(nv[i]));
		snprintf(a->r->detail, sizeof a->r->detail,
		         _("%s registered a person with case number %s, which a person here already has: two sites "
		           "cannot register people at the same centre. Nothing was changed."),
		         a->r->from, number);
		return;
	}
	snprintf(a->r->detail, sizeof a->r->detail,
	         _("A change to a record (%s) could not be written here. Nothing was changed. Technical detail: %s"),
	         sync_table_label(t->name), sqlite_says);
}

/* Why the changes themselves could not be read (msgid). */
static void fail_text(struct apply *a, const char *msgid)
{
	snprintf(a->r->detail, sizeof a->r->detail, "%s", _(msgid));
}

/* A change names a record this site does not have. */
static void fail_missing(struct apply *a, const struct sync_table *t)
{
	snprintf(a->r->detail, sizeof a->r->detail,
	         _("A change to a record (%s) refers to a record this site has not received. Nothing was changed."),
	         sync_table_label(t->name));
}

static enum status run(struct apply *a, const struct sync_table *t, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		fail(a, t, NULL);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ST_OK : ST_INVALID;
}

/* An account of another site: it cannot sign in here, and its name is
 * made unique if an account here has it. */
static void account_name(struct apply *a, sqlite3_value *name, char *out, size_t size)
{
	snprintf(out, size, "%s", text_of(name) ? text_of(name) : "x");
	sqlite3_stmt *st = db_stmt(a->db, "SELECT 1 FROM app_user WHERE name = ?1");
	if (!st)
		return;
	db_bind_text(st, 1, out);
	bool taken = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	if (taken) {
		char base[28];
		memcpy(base, out, sizeof base - 1);
		base[sizeof base - 1] = '\0';
		snprintf(out, size, "%s-%.4s", base, a->e->origin + 28);
	}
}

static enum status apply_insert(struct apply *a, const struct sync_table *t, sqlite3_value **nv)
{
	if (t->key == SYNC_KEY_COMPOSITE) {
		char added[32], removed[32];
		fact_times(a, t, nv, added, removed);
		if (strcmp(removed, a->e->at) >= 0)
			return ST_OK;   /* removed later somewhere: stays removed */
	}
	char sql[SYNC_SQL_MAX * 2], vals[SYNC_SQL_MAX];
	size_t n = (size_t)snprintf(sql, sizeof sql, "INSERT INTO \"%s\" (", t->name), m = 0;
	int k = 0;
	for (int i = 0; i < t->ncol; i++) {
		const struct sync_col *c = &t->col[i];
		if ((i == t->id_col && t->key != SYNC_KEY_COMPOSITE) || (c->local && strcmp(c->name, "pw_hash")))
			continue;
		k++;
		n += (size_t)snprintf(sql + n, sizeof sql - n, "%s\"%s\"", k > 1 ? ", " : "", c->name);
		m += (size_t)snprintf(vals + m, sizeof vals - m, "%s?%d", k > 1 ? ", " : "", k);
	}
	if (!strcmp(t->name, "app_user")) {
		n += (size_t)snprintf(sql + n, sizeof sql - n, ", active");
		m += (size_t)snprintf(vals + m, sizeof vals - m, ", 0");
	}
	snprintf(sql + n, sizeof sql - n, ") VALUES (%s)", vals);
	sqlite3_stmt *st = sync_insert_stmt(a->db, (int)(t - a->s->tab), sql);
	if (!st) {
		fail(a, t, NULL);
		return ST_INVALID;
	}
	k = 0;
	for (int i = 0; i < t->ncol; i++) {
		const struct sync_col *c = &t->col[i];
		if ((i == t->id_col && t->key != SYNC_KEY_COMPOSITE) || (c->local && strcmp(c->name, "pw_hash")))
			continue;
		k++;
		if (!strcmp(c->name, "pw_hash"))
			sqlite3_bind_text(st, k, "!", -1, SQLITE_STATIC);
		else if (!strcmp(t->name, "app_user") && !strcmp(c->name, "name")) {
			char name[40];
			account_name(a, nv[i], name, sizeof name);
			sqlite3_bind_text(st, k, name, -1, SQLITE_TRANSIENT);
		} else if (bind_incoming(a, c, nv[i], st, k) != ST_OK) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			fail_missing(a, t);
			return ST_INVALID;
		}
	}
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		fail(a, t, nv);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	enum status s = rc == SQLITE_DONE ? ST_OK : ST_INVALID;
	if (s == ST_OK)
		note_person(a, t, nv[t->uuid_col], true);
	return s;
}

/* A change to an existing row: every field as the rules above say. A
 * record already here that comes again as new (the same natural key) is
 * merged the same way, as if nothing were known of its old values. */
static enum status apply_update(struct apply *a, const struct sync_table *t, sqlite3_value **ov, sqlite3_value **nv,
                                struct row *row, bool known_old)
{
	const char *owner = text_of(row->v[t->site_col]);
	bool from_owner = owner && !strcmp(owner, a->e->origin);
	bool set[SYNC_COLS_MAX] = { false };
	/* An account is changed only by the site it belongs to: another site
	 * never gives an account here a new role or name. Noted for the owner. */
	bool only_owner = !strcmp(t->name, "app_user") && !from_owner;
	int nset = 0, changed = -1, version = -1;
	enum status s = ST_OK;
	for (int i = 0; s == ST_OK && i < t->ncol; i++) {
		const struct sync_col *c = &t->col[i];
		if (!strcmp(c->name, "changed"))
			changed = i;
		if (!strcmp(c->name, "version"))
			version = i;
		if (!nv[i] || c->local || c->meta || c->pk || i == t->uuid_col || !strcmp(c->name, "created")
		    || i == t->site_col)
			continue;
		if (same_here(a, c, nv[i], row->v[i])) {
			if (from_owner)
				s = owner_decided(a, t, row, i);
			continue;
		}
		if (only_owner) {
			s = add_conflict(a, t, row, "field", i, nv[i], "open");
			continue;
		}
		if (known_old && ov[i] && same_here(a, c, ov[i], row->v[i])) {
			set[i] = true;
			nset++;
			if (from_owner)
				s = owner_decided(a, t, row, i);
			continue;
		}
		if (from_owner) {
			set[i] = true;
			nset++;
			s = add_conflict(a, t, row, "field", i, nv[i], "owner");
			if (s == ST_OK)
				s = owner_decided(a, t, row, i);
		} else
			s = add_conflict(a, t, row, "field", i, nv[i], "open");
	}
	if (s != ST_OK || !nset)
		return s;
	char sql[SYNC_SQL_MAX * 2];
	size_t n = (size_t)snprintf(sql, sizeof sql, "UPDATE \"%s\" SET ", t->name);
	int k = 0;
	for (int i = 0; i < t->ncol; i++)
		if (set[i]) {
			k++;
			n += (size_t)snprintf(sql + n, sizeof sql - n, "%s\"%s\" = ?%d", k > 1 ? ", " : "", t->col[i].name, k);
		}
	if (version >= 0)
		n += (size_t)snprintf(sql + n, sizeof sql - n, ", version = version + 1");
	if (changed >= 0 && nv[changed])
		n += (size_t)snprintf(sql + n, sizeof sql - n, ", changed = max(coalesce(changed, ''), ?%d)", k + 1);
	snprintf(sql + n, sizeof sql - n, " WHERE uuid = ?%d", k + 2);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db_sqlite(a->db), sql, -1, &st, NULL) != SQLITE_OK) {
		fail(a, t, NULL);
		return ST_INVALID;
	}
	k = 0;
	for (int i = 0; i < t->ncol; i++)
		if (set[i] && bind_incoming(a, &t->col[i], nv[i], st, ++k) != ST_OK) {
			sqlite3_finalize(st);
			fail_missing(a, t);
			return ST_INVALID;
		}
	if (changed >= 0 && nv[changed])
		sqlite3_bind_value(st, k + 1, nv[changed]);
	sqlite3_bind_value(st, k + 2, row->v[t->uuid_col]);
	s = run(a, t, st);
	if (s == ST_OK)
		note_person(a, t, row->v[t->uuid_col], false);
	if (s == ST_OK && owned_here(a, t, row)) {
		sqlite3_value *eo[SYNC_COLS_MAX] = { 0 }, *en[SYNC_COLS_MAX] = { 0 };
		for (int i = 0; i < t->ncol; i++) {
			if (t->col[i].pk)
				eo[i] = row->v[i];
			if (set[i]) {
				eo[i] = row->v[i];
				en[i] = nv[i];
			}
		}
		sync_emit_change(a->db, (int)(t - a->s->tab), SQLITE_UPDATE, eo, en, a->echo);
	}
	return s;
}

static enum status apply_delete(struct apply *a, const struct sync_table *t, sqlite3_value **ov, struct row *row)
{
	if (t->key == SYNC_KEY_COMPOSITE) {
		/* A fact: removed unless added again after the removal; a change
		 * of its other fields here is noted. */
		char added[32], removed[32];
		fact_times(a, t, ov, added, removed);
		if (strcmp(added, a->e->at) > 0)
			return ST_OK;
		bool edited = false;
		for (int i = 0; i < t->ncol && !edited; i++) {
			const struct sync_col *c = &t->col[i];
			if (!c->pk && !c->local && !c->meta && ov[i] && i != t->uuid_col && i != t->site_col
			    && strcmp(c->name, "created"))
				edited = !same_here(a, c, ov[i], row->v[i]);
		}
		if (edited) {
			enum status es = add_conflict(a, t, row, "delete_edited", -1, NULL, "owner");
			if (es != ST_OK)
				return es;
		}
		char q[160];
		snprintf(q, sizeof q, "DELETE FROM \"%s\" WHERE uuid = ?1", t->name);
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(db_sqlite(a->db), q, -1, &st, NULL) != SQLITE_OK)
			return ST_INTERNAL;
		sqlite3_bind_value(st, 1, row->v[t->uuid_col]);
		note_person(a, t, row->v[t->uuid_col], false);
		enum status s = run(a, t, st);
		if (s == ST_OK && owned_here(a, t, row))
			sync_emit_change(a->db, (int)(t - a->s->tab), SQLITE_DELETE, row->v, NULL, a->echo);
		return s;
	}
	const char *owner = text_of(row->v[t->site_col]);
	bool from_owner = owner && !strcmp(owner, a->e->origin);
	bool edited = false;
	for (int i = 0; i < t->ncol && !edited; i++) {
		const struct sync_col *c = &t->col[i];
		if (c->local || c->meta || i == t->id_col || !ov[i] || i == t->uuid_col || i == t->site_col
		    || !strcmp(c->name, "created"))
			continue;
		edited = !same_here(a, c, ov[i], row->v[i]);
	}
	if (edited && !from_owner)
		return add_conflict(a, t, row, "delete_edited", -1, NULL, "open");
	sqlite3 *sql = db_sqlite(a->db);
	note_person(a, t, row->v[t->uuid_col], false);
	char q[160];
	snprintf(q, sizeof q, "DELETE FROM \"%s\" WHERE uuid = ?1", t->name);
	sqlite3_stmt *st = NULL;
	if (sqlite3_exec(sql, "SAVEPOINT sync_delete", NULL, NULL, NULL) != SQLITE_OK
	    || sqlite3_prepare_v2(sql, q, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return ST_INTERNAL;
	}
	sqlite3_bind_value(st, 1, row->v[t->uuid_col]);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		/* Records here still refer to it: kept, and said. */
		sqlite3_exec(sql, "ROLLBACK TO sync_delete; RELEASE sync_delete", NULL, NULL, NULL);
		return add_conflict(a, t, row, "delete_edited", -1, NULL, "open");
	}
	sqlite3_exec(sql, "RELEASE sync_delete", NULL, NULL, NULL);
	if (owned_here(a, t, row))
		sync_emit_change(a->db, (int)(t - a->s->tab), SQLITE_DELETE, row->v, NULL, a->echo);
	return edited ? add_conflict(a, t, row, "delete_edited", -1, NULL, "owner") : ST_OK;
}

static enum status apply_audit(struct apply *a, const struct sync_table *t, sqlite3_value **nv)
{
	sqlite3_stmt *st = db_stmt(a->db, "INSERT OR IGNORE INTO sync_audit (uuid, site, at, user_name, origin, action, "
	                                  "entity, entity_uuid, changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	if (!st)
		return ST_INTERNAL;
	static const char *const cols[] = { "uuid", "site", "at", "user_name", "origin", "action", "entity",
	                                    "entity_id", "changes" };
	for (int k = 0; k < 9; k++) {
		sqlite3_value *v = NULL;
		for (int i = 0; i < t->ncol; i++)
			if (!strcmp(t->col[i].name, cols[k]))
				v = nv[i];
		if (v)
			sqlite3_bind_value(st, k + 1, v);
		else if (k == 1)
			db_bind_text(st, 2, a->e->origin);
		else if (k < 7)
			db_bind_text(st, k + 1, "");
		else
			sqlite3_bind_null(st, k + 1);
	}
	return db_step_done(st);
}

/* A change to a record deleted here: noted for the owner, field by
 * field. A record keyed by its references (a person's flag...) is noted
 * under its person. */
static enum status missing_row(struct apply *a, const struct sync_table *t, sqlite3_value **ov, sqlite3_value **nv)
{
	const char *uuid = NULL;
	if (t->key == SYNC_KEY_UUID)
		uuid = text_of(ov[t->id_col]);
	for (int i = 0; !uuid && i < t->ncol; i++)
		if (t->col[i].pk && t->col[i].ref >= 0 && !strcmp(a->s->tab[t->col[i].ref].name, "person"))
			uuid = text_of(ov[i]);
	if (!uuid)
		return ST_OK;
	sqlite3_stmt *st = db_stmt(a->db,
		"INSERT INTO sync_conflict (at, kind, tbl, row_uuid, field, here, there, there_site, there_user, "
		"there_at, owner) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'edit_deleted', ?1, ?2, ?3, NULL, ?4, "
		"?5, ?6, ?7, ?8)");
	if (!st)
		return ST_INTERNAL;
	enum status s = ST_OK;
	for (int i = 0; s == ST_OK && i < t->ncol; i++) {
		const struct sync_col *c = &t->col[i];
		if (!nv[i] || c->local || c->meta || c->pk || i == t->uuid_col)
			continue;
		db_bind_text(st, 1, t->name);
		db_bind_text(st, 2, uuid);
		db_bind_text(st, 3, c->name);
		sqlite3_bind_value(st, 4, nv[i]);
		db_bind_text(st, 5, a->e->origin);
		db_bind_text(st, 6, a->e->user_name);
		db_bind_text(st, 7, a->e->at);
		db_bind_text(st, 8, a->self);   /* deleted here: this site decides */
		s = db_step_done(st);
		a->r->conflicts++;
	}
	return s;
}

static enum status apply_change(struct apply *a, const struct sync_table *t, int op, sqlite3_value **ov,
                                sqlite3_value **nv)
{
	if (t->audit)
		return op == SQLITE_INSERT ? apply_audit(a, t, nv) : ST_OK;
	struct row row;
	enum status s = find_row(a, t, op == SQLITE_INSERT ? nv : ov, &row);
	if (s == ST_OK) {
		if (op == SQLITE_INSERT)
			s = row.found ? apply_update(a, t, NULL, nv, &row, false) : apply_insert(a, t, nv);
		else if (op == SQLITE_UPDATE)
			s = row.found ? apply_update(a, t, ov, nv, &row, true) : missing_row(a, t, ov, nv);
		else if (row.found)
			s = apply_delete(a, t, ov, &row);
	}
	free_row(&row);
	return s;
}

enum status sync_apply_entry(struct db *db, const struct sync_entry *e, struct sync_result *r,
                             struct sync_buf *echo)
{
	struct apply a = { .db = db, .s = sync_schema(db), .e = e, .r = r, .echo = echo };
	if (!a.s || sync_self(db, a.self, NULL) != ST_OK)
		return ST_INTERNAL;
	sqlite3_changeset_iter *it = NULL;
	if (e->size > (size_t)0x7fffffff
	    || sqlite3changeset_start(&it, (int)e->size, (void *)e->changes) != SQLITE_OK) {
		fail_text(&a, N_("The changes in the bundle cannot be read: it is damaged. Nothing was changed."));
		return ST_INVALID;
	}
	sqlite3_value *ov[SYNC_COLS_MAX], *nv[SYNC_COLS_MAX];
	enum status s = ST_OK;
	int rc;
	while (s == ST_OK && (rc = sqlite3changeset_next(it)) == SQLITE_ROW) {
		const char *name;
		int ncol, op, indirect;
		if (sqlite3changeset_op(it, &name, &ncol, &op, &indirect) != SQLITE_OK) {
			s = ST_INVALID;
			break;
		}
		int ti = sync_table_index(a.s, name);
		if (ti < 0 || ncol != a.s->tab[ti].ncol) {
			fail_text(&a, N_("The bundle holds changes of a kind this version of Taimako does not know: update Taimako "
			                  "at this site. Nothing was changed."));
			s = ST_INVALID;
			break;
		}
		for (int i = 0; i < ncol; i++) {
			ov[i] = nv[i] = NULL;
			if (op != SQLITE_INSERT && sqlite3changeset_old(it, i, &ov[i]) != SQLITE_OK)
				s = ST_INVALID;
			if (op != SQLITE_DELETE && sqlite3changeset_new(it, i, &nv[i]) != SQLITE_OK)
				s = ST_INVALID;
		}
		const struct sync_table *t = &a.s->tab[ti];
		/* The row's name must be there, and be text. */
		if (s == ST_OK && t->key != SYNC_KEY_COMPOSITE
		    && !text_of(op == SQLITE_INSERT ? nv[t->id_col] : ov[t->id_col]))
			s = ST_INVALID;
		if (s == ST_OK)
			s = apply_change(&a, t, op, ov, nv);
		if (s == ST_OK)
			r->changes++;
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK && s == ST_OK)
		s = ST_INVALID;
	if (s == ST_INVALID && !r->detail[0])
		fail_text(&a, N_("The changes in the bundle cannot be read: it is damaged. Nothing was changed."));
	return s;
}

/* The best person here, registered by another site than the one who came,
 * who is probably the same person. */
struct dup {
	struct db *db;
	long long best;
	int score;
	char site[33];
};

static void dup_hit(const struct person_hit *hit, int score, void *ctx)
{
	struct dup *d = ctx;
	if (score <= d->score)
		return;
	sqlite3_stmt *st = db_stmt(d->db, "SELECT site FROM person WHERE id = ?1");
	if (!st)
		return;
	sqlite3_bind_int64(st, 1, hit->id);
	char site[33] = "";
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_copy(st, 0, site, sizeof site);
	sqlite3_reset(st);
	if (strcmp(site, d->site)) {
		d->best = hit->id;
		d->score = score;
	}
}

/* Whether people registered by another site than `site` are here: read
 * once per bundle and site (a central copy receiving a site's whole
 * history has none to compare with). */
struct others {
	char site[33];
	bool exist;
};

static bool others_here(struct db *db, const char *site, struct others *cache)
{
	if (!strcmp(cache->site, site))
		return cache->exist;
	sqlite3_stmt *st = db_stmt(db, "SELECT EXISTS (SELECT 1 FROM person WHERE site != ?1)");
	if (!st)
		return true;
	db_bind_text(st, 1, site);
	cache->exist = sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	snprintf(cache->site, sizeof cache->site, "%s", site);
	return cache->exist;
}

/* A person who came from another site and may be someone registered
 * here: a duplicate to review, on the conflicts list. */
static enum status check_duplicate(struct db *db, const struct person *p, long long *duplicates,
                                   struct others *cache)
{
	struct dup d = { .db = db };
	sqlite3_stmt *st = db_stmt(db, "SELECT site, uuid FROM person WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, p->id);
	char uuid[33] = "";
	if (sqlite3_step(st) == SQLITE_ROW) {
		db_column_copy(st, 0, d.site, sizeof d.site);
		db_column_copy(st, 1, uuid, sizeof uuid);
	}
	sqlite3_reset(st);
	if (!others_here(db, d.site, cache))
		return ST_OK;
	enum status s = person_duplicates(db, p, 5, dup_hit, &d);
	if (s != ST_OK || !d.best)
		return s == ST_DENIED ? ST_OK : s;
	sqlite3_stmt *ins = db_stmt(db,
		"INSERT INTO sync_conflict (at, kind, tbl, row_uuid, field, here, there, there_site, there_user, "
		"there_at, owner) SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'duplicate', 'person', ?1, '', "
		"h.uuid, ?1, ?2, '', n.created, ?2 FROM person h, person n WHERE h.id = ?3 AND n.uuid = ?1");
	if (!ins)
		return ST_INTERNAL;
	db_bind_text(ins, 1, uuid);
	db_bind_text(ins, 2, d.site);
	sqlite3_bind_int64(ins, 3, d.best);
	s = db_step_done(ins);
	if (s == ST_OK)
		(*duplicates)++;
	return s;
}

/* The phone's lookup key, made from the phone as every save makes it. */
static enum status phone_key(struct db *db, const struct person *p)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE person SET phone_key = ?2 WHERE id = ?1 AND phone_key != ?2");
	if (!st)
		return ST_INTERNAL;
	char key[PHONE_KEY_SIZE];
	person_phone_key(p->phone, db_phone_country(db), key, sizeof key);
	sqlite3_bind_int64(st, 1, p->id);
	db_bind_text(st, 2, key);
	return db_step_done(st);
}

/* The people the applied entries touched get their search index and
 * name keys made here; *duplicates counts the new ones who may be someone
 * registered at another site. */
enum status sync_reindex_touched(struct db *db, long long *duplicates)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT t.id, t.added FROM temp.sync_touched t JOIN person p ON p.id = t.id "
	                               "WHERE t.id > ?1 ORDER BY t.id LIMIT 1");
	if (!st)
		return ST_INTERNAL;
	struct person *p = malloc(sizeof *p);
	if (!p)
		return ST_NOMEM;
	long long after = 0;
	enum status s = ST_OK;
	struct others cache = { "", true };
	for (;;) {
		sqlite3_bind_int64(st, 1, after);
		bool added = false;
		long long id = 0;
		if (sqlite3_step(st) == SQLITE_ROW) {
			id = sqlite3_column_int64(st, 0);
			added = sqlite3_column_int(st, 1) != 0;
		}
		sqlite3_reset(st);
		if (!id)
			break;
		after = id;
		s = person_read(db, id, p);
		if (s == ST_OK)
			s = phone_key(db, p);
		if (s == ST_OK)
			s = person_write_index(db, p);
		if (s == ST_OK && added)
			s = check_duplicate(db, p, duplicates, &cache);
		if (s != ST_OK)
			break;
	}
	free(p);
	sqlite3_stmt *clear = db_stmt(db, "DELETE FROM temp.sync_touched");
	if (clear && s == ST_OK)
		s = db_step_done(clear);
	return s;
}
