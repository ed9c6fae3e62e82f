/* Capture: the changeset SQLite's session extension recorded for one
 * transaction, rewritten with every row and every reference named by its
 * uuid (or by the natural key of the tables every database is made with)
 * instead of this file's row ids, and written to the change log in the same
 * transaction. Tables come in an order where a row comes after the rows it
 * references; deletions last, in the reverse order. `sync init` writes the
 * rows a site already owns into the log the same way. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/text.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/sync_private.h"

#define INIT_ROWS_PER_ENTRY 2000

/* The name in bundles of row id of table t (a uuid or a natural key) into
 * out; false when there is no such row. */
static bool key_of_id(struct db *db, const struct sync_table *t, long long id, char *out, size_t size)
{
	sqlite3_stmt *st = db_stmt(db, t->key_of_id);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, id);
	bool ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL;
	if (ok)
		db_column_copy(st, 0, out, size);
	sqlite3_reset(st);
	return ok;
}

static const char *value_text(sqlite3_value *v)
{
	return v && sqlite3_value_type(v) != SQLITE_NULL ? (const char *)sqlite3_value_text(v) : "";
}

static int col_index(const struct sync_table *t, const char *name)
{
	for (int i = 0; i < t->ncol; i++)
		if (!strcmp(t->col[i].name, name))
			return i;
	return -1;
}

/* The natural key of a complete record vals of table t; false for the
 * tables whose key is made from other rows (not sent when deleted). */
static bool natural_of(const struct sync_table *t, sqlite3_value **vals, char *out, size_t size)
{
	if (!strncmp(t->name, "reint_survey_", 13))
		return false;
	if (!strcmp(t->name, "ref_item"))
		snprintf(out, size, "%s\x1f%s", value_text(vals[col_index(t, "list")]),
		         value_text(vals[col_index(t, "code")]));
	else if (!strcmp(t->name, "reint_survey"))
		snprintf(out, size, "%s", value_text(vals[col_index(t, "version")]));
	else
		snprintf(out, size, "%s", value_text(vals[col_index(t, "code")]));
	return true;
}

/* One record (old or new) of a change: values named between sites. */
static void emit_record(struct db *db, const struct sync_schema *s, const struct sync_table *t, int op,
                        bool is_new, sqlite3_value **vals, const char *key, struct sync_buf *b)
{
	int entity = t->audit ? col_index(t, "entity") : -1;
	for (int i = 0; i < t->ncol; i++) {
		const struct sync_col *c = &t->col[i];
		sqlite3_value *v = vals[i];
		if (i == t->id_col && t->key != SYNC_KEY_COMPOSITE) {
			if (op == SQLITE_UPDATE && is_new)
				sync_buf_absent(b);
			else
				sync_buf_text(b, key);
			continue;
		}
		if (c->local) {
			if (op == SQLITE_UPDATE)
				sync_buf_absent(b);
			else
				sync_buf_null(b);
			continue;
		}
		if (!v) {
			sync_buf_absent(b);
			continue;
		}
		int target = c->ref;
		if (t->audit && !strcmp(c->name, "entity_id") && entity >= 0 && vals[entity])
			target = sync_table_index(s, value_text(vals[entity]));
		if (target >= 0 && sqlite3_value_type(v) == SQLITE_INTEGER) {
			char ref[80];
			if (s->tab[target].key != SYNC_KEY_COMPOSITE
			    && key_of_id(db, &s->tab[target], sqlite3_value_int64(v), ref, sizeof ref))
				sync_buf_text(b, ref);
			else
				sync_buf_null(b);
			continue;
		}
		sync_buf_value(b, v);
	}
}

/* Appends one change of table index ti to b (the header first when b is
 * empty). old and new: the records (NULL pointers for absent values). */
static void emit_change(struct db *db, const struct sync_schema *s, int ti, int op, sqlite3_value **old,
                        sqlite3_value **new, struct sync_buf *b)
{
	const struct sync_table *t = &s->tab[ti];
	char key[80] = "";
	if (t->key == SYNC_KEY_UUID) {
		if (op == SQLITE_INSERT)
			snprintf(key, sizeof key, "%s", value_text(new[t->uuid_col]));
		else if (op == SQLITE_DELETE)
			snprintf(key, sizeof key, "%s", value_text(old[t->uuid_col]));
		else if (!key_of_id(db, t, sqlite3_value_int64(old[t->id_col]), key, sizeof key))
			return;
	} else if (t->key == SYNC_KEY_NATURAL) {
		/* The row is there (at commit, or read now), but for a deletion. */
		if (op == SQLITE_DELETE) {
			if (!natural_of(t, old, key, sizeof key))
				return;
		} else if (!key_of_id(db, t, sqlite3_value_int64((op == SQLITE_INSERT ? new : old)[t->id_col]), key,
		                      sizeof key))
			return;
	}
	if (b->n == 0)
		sync_buf_table(b, t);
	sync_buf_op(b, op);
	if (op != SQLITE_INSERT)
		emit_record(db, s, t, op, false, old, key, b);
	if (op != SQLITE_DELETE)
		emit_record(db, s, t, op, true, new, key, b);
}

void sync_emit_change(struct db *db, int ti, int op, sqlite3_value **old, sqlite3_value **new, struct sync_buf *b)
{
	const struct sync_schema *s = sync_schema(db);
	if (!s)
		return;
	/* Each change with its table's header: SQLite's iterator reads a
	 * header wherever one comes. */
	struct sync_buf one = { 0 };
	emit_change(db, s, ti, op, old, new, &one);
	if (one.failed)
		b->failed = true;
	sync_buf_bytes(b, one.p, one.n);
	sync_buf_free(&one);
}

/* Whether an update changed a field that travels. */
static bool update_travels(const struct sync_table *t, sqlite3_value **new)
{
	for (int i = 0; i < t->ncol; i++)
		if (new[i] && !t->col[i].local && !t->col[i].meta && !t->col[i].pk)
			return true;
	return false;
}

/* One change of a table that refers to itself (a reversal to the serving
 * it reverses), kept aside to be put in the order of the rows' ids: the
 * session gives a table's changes in no order, and a reversal must come
 * after the row it names. */
struct held_change {
	int table;
	bool del;
	long long id;
	struct sync_buf bytes;
};

static int by_id(const void *x, const void *y)
{
	const struct held_change *a = x, *b = y;
	if (a->table != b->table)
		return a->table - b->table;
	return (a->id > b->id) - (a->id < b->id);
}

static bool refers_to_itself(const struct sync_schema *s, int ti)
{
	for (int i = 0; i < s->tab[ti].ncol; i++)
		if (s->tab[ti].col[i].ref == ti)
			return true;
	return false;
}

/* The changes of one table, the held ones in the order of their ids. */
static void put_table(struct sync_buf *out, struct sync_buf *plain, struct held_change *held, size_t nheld, int ti,
                      bool del)
{
	sync_buf_bytes(out, plain->p, plain->n);
	for (size_t i = 0; i < nheld; i++)
		if (held[i].table == ti && held[i].del == del)
			sync_buf_bytes(out, held[i].bytes.p, held[i].bytes.n);
}

enum status sync_translate(struct db *db, const void *cs, int n, struct sync_buf *out)
{
	const struct sync_schema *s = sync_schema(db);
	if (!s)
		return ST_NOMEM;
	struct sync_buf *up = calloc((size_t)s->ntab * 2, sizeof *up);
	if (!up)
		return ST_NOMEM;
	struct sync_buf *del = up + s->ntab;
	sqlite3_changeset_iter *it = NULL;
	if (sqlite3changeset_start(&it, n, (void *)cs) != SQLITE_OK) {
		free(up);
		return ST_INTERNAL;
	}
	sqlite3_value *old[SYNC_COLS_MAX], *new[SYNC_COLS_MAX];
	struct held_change *held = NULL;
	size_t nheld = 0, capheld = 0;
	while (sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *name;
		int ncol, op, indirect;
		sqlite3changeset_op(it, &name, &ncol, &op, &indirect);
		int ti = sync_table_index(s, name);
		if (ti < 0 || ncol != s->tab[ti].ncol)
			continue;
		for (int i = 0; i < ncol; i++) {
			old[i] = new[i] = NULL;
			if (op != SQLITE_INSERT)
				sqlite3changeset_old(it, i, &old[i]);
			if (op != SQLITE_DELETE)
				sqlite3changeset_new(it, i, &new[i]);
		}
		if (op == SQLITE_UPDATE && !update_travels(&s->tab[ti], new))
			continue;
		if (refers_to_itself(s, ti) && s->tab[ti].id_col >= 0) {
			struct held_change *h = db_grow((void **)&held, &nheld, &capheld, sizeof *h);
			if (!h) {
				out->failed = true;
				continue;
			}
			h->table = ti;
			h->del = op == SQLITE_DELETE;
			sqlite3_value *idv = (op == SQLITE_INSERT ? new : old)[s->tab[ti].id_col];
			h->id = idv ? sqlite3_value_int64(idv) : 0;
			emit_change(db, s, ti, op, old, new, &h->bytes);   /* each with its header */
			continue;
		}
		emit_change(db, s, ti, op, old, new, op == SQLITE_DELETE ? &del[ti] : &up[ti]);
	}
	if (nheld)
		qsort(held, nheld, sizeof *held, by_id);
	enum status st = sqlite3changeset_finalize(it) == SQLITE_OK ? ST_OK : ST_INTERNAL;
	for (int i = 0; i < s->ntab; i++)
		put_table(out, &up[i], held, nheld, i, false);
	for (int i = s->ntab - 1; i >= 0; i--)
		put_table(out, &del[i], held, nheld, i, true);
	for (size_t i = 0; i < nheld; i++) {
		if (held[i].bytes.failed)
			st = ST_NOMEM;
		sync_buf_free(&held[i].bytes);
	}
	free(held);
	for (int i = 0; i < 2 * s->ntab; i++) {
		if (up[i].failed)
			st = ST_NOMEM;
		sync_buf_free(&up[i]);
	}
	free(up);
	if (out->failed)
		st = ST_NOMEM;
	return st;
}

enum status sync_log_own(struct db *db, const unsigned char *cs, size_t n)
{
	sqlite3_stmt *next = db_stmt(db, "UPDATE sync_site SET have = have + 1 WHERE self = 1 RETURNING site, have");
	sqlite3_stmt *ins = db_stmt(db, "INSERT INTO sync_log (origin, origin_seq, at, user_name, changes) "
	                                "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?3, ?4) RETURNING at");
	if (!next || !ins)
		return ST_INTERNAL;
	char site[33] = "";
	long long seq = 0;
	int rc = sqlite3_step(next);
	if (rc == SQLITE_ROW) {
		db_column_copy(next, 0, site, sizeof site);
		seq = sqlite3_column_int64(next, 1);
		rc = sqlite3_step(next);
	}
	sqlite3_reset(next);
	if (rc != SQLITE_DONE || !seq)
		return rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	sqlite3_bind_text(ins, 1, site, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(ins, 2, seq);
	sqlite3_bind_text(ins, 3, db_actor(db)->user_name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_blob(ins, 4, cs, (int)n, SQLITE_STATIC);
	char at[32] = "";
	rc = sqlite3_step(ins);
	if (rc == SQLITE_ROW) {
		db_column_copy(ins, 0, at, sizeof at);
		rc = sqlite3_step(ins);
	}
	sqlite3_reset(ins);
	sqlite3_clear_bindings(ins);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	return sync_facts(db, cs, n, at);
}

/* Puts every row of table ti owned by site into the log, in entries of
 * INIT_ROWS_PER_ENTRY rows. */
static enum status init_table(struct db *db, const struct sync_schema *s, int ti, const char *site, long long *rows)
{
	const struct sync_table *t = &s->tab[ti];
	char sql[SYNC_SQL_MAX + 64];
	/* select_row's column list, then this site's rows in the order made. */
	const char *from = strstr(t->select_row, " FROM ");
	if (!from)
		return ST_INTERNAL;
	snprintf(sql, sizeof sql, "%.*s FROM \"%s\" WHERE site = ?1%s", (int)(from - t->select_row), t->select_row,
	         t->name, t->id_col >= 0 ? " ORDER BY id" : "");
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		return ST_INTERNAL;
	sqlite3_bind_text(st, 1, site, -1, SQLITE_STATIC);
	struct sync_buf b = { 0 };
	sqlite3_value *vals[SYNC_COLS_MAX];
	enum status res = ST_OK;
	int in_entry = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < t->ncol; i++)
			vals[i] = sqlite3_column_value(st, i);
		emit_change(db, s, ti, SQLITE_INSERT, NULL, vals, &b);
		(*rows)++;
		if (++in_entry == INIT_ROWS_PER_ENTRY) {
			res = b.failed ? ST_NOMEM : sync_log_own(db, b.p, b.n);
			b.n = 0;
			in_entry = 0;
			if (res != ST_OK)
				break;
		}
	}
	if (res == ST_OK && rc != SQLITE_DONE)
		res = db_status_of(rc);
	if (res == ST_OK && b.n > 0)
		res = b.failed ? ST_NOMEM : sync_log_own(db, b.p, b.n);
	sync_buf_free(&b);
	sqlite3_finalize(st);
	return res;
}

enum status sync_log_row(struct db *db, int ti, const char *uuid, int op, int col, const char *from)
{
	const struct sync_schema *s = sync_schema(db);
	char site[33];
	bool on = false;
	if (!s || ti < 0 || ti >= s->ntab)
		return ST_INTERNAL;
	if (sync_self(db, site, &on) != ST_OK || !on)
		return ST_OK;
	const struct sync_table *t = &s->tab[ti];
	const char *frm = strstr(t->select_row, " FROM ");
	char sql[SYNC_SQL_MAX + 64];
	snprintf(sql, sizeof sql, "%.*s FROM \"%s\" WHERE uuid = ?1", (int)(frm - t->select_row), t->select_row,
	         t->name);
	sqlite3_stmt *st = NULL, *lit = NULL;
	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK
	    || sqlite3_prepare_v2(db_sqlite(db), "SELECT ?1", -1, &lit, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return ST_INTERNAL;
	}
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	enum status res = ST_NOT_FOUND;
	struct sync_buf b = { 0 };
	if (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_value *vals[SYNC_COLS_MAX], *old[SYNC_COLS_MAX] = { 0 }, *new[SYNC_COLS_MAX] = { 0 };
		for (int i = 0; i < t->ncol; i++)
			vals[i] = sqlite3_column_value(st, i);
		if (op == SQLITE_INSERT)
			emit_change(db, s, ti, SQLITE_INSERT, NULL, vals, &b);
		else {
			db_bind_text(lit, 1, from);
			sqlite3_step(lit);
			for (int i = 0; i < t->ncol; i++)
				if (t->col[i].pk)
					old[i] = vals[i];
			old[col] = sqlite3_column_value(lit, 0);
			new[col] = vals[col];
			emit_change(db, s, ti, SQLITE_UPDATE, old, new, &b);
		}
		res = b.failed ? ST_NOMEM : b.n ? sync_log_own(db, b.p, b.n) : ST_OK;
	}
	sync_buf_free(&b);
	sqlite3_finalize(lit);
	sqlite3_finalize(st);
	return res;
}

enum status sync_site_name(struct db *db, char *out, size_t size)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT name FROM sync_site WHERE self = 1");
	if (!st)
		return ST_INTERNAL;
	out[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_copy(st, 0, out, size);
	sqlite3_reset(st);
	return ST_OK;
}

/* A site's name: 1 to 32 printable characters, no control characters. */
static bool name_ok(const char *name)
{
	size_t n = strlen(name);
	if (n < 1 || n >= SYNC_SITE_NAME_MAX)
		return false;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

/* A site rebuilt: this database takes the id of the site it replaces
 * and puts nothing in the log (the site's entries come back from the
 * central copy's bundle, numbers and all). Only on a database that never
 * synced. */
static enum status become(struct db *db, const char *as, const char *name)
{
	if (strlen(as) != 32 || strspn(as, "0123456789abcdef") != 32)
		return ST_INVALID;
	sqlite3_stmt *used = db_stmt(db, "SELECT EXISTS (SELECT 1 FROM sync_log) OR EXISTS (SELECT 1 FROM sync_site)");
	sqlite3_stmt *set = db_stmt(db, "UPDATE setting SET value = ?1 WHERE key = 'site'");
	sqlite3_stmt *me = db_stmt(db, "INSERT INTO sync_site (site, name, self, have) VALUES (?1, ?2, 1, 0)");
	sqlite3_stmt *base = db_stmt(db, "INSERT OR REPLACE INTO setting (key, value) VALUES ('sync_bundle_base', "
	                                 "strftime('%s', 'now'))");
	if (!used || !set || !me || !base)
		return ST_INTERNAL;
	bool synced = sqlite3_step(used) == SQLITE_ROW && sqlite3_column_int(used, 0);
	sqlite3_reset(used);
	if (synced)
		return ST_EXISTS;
	db_bind_text(set, 1, as);
	enum status s = db_step_done(set);
	if (s == ST_OK) {
		db_bind_text(me, 1, as);
		db_bind_text(me, 2, name);
		s = db_step_done(me);
	}
	if (s == ST_OK)   /* its bundles numbered above those of its earlier self */
		s = db_step_done(base);
	return s;
}

enum status sync_init(struct db *db, const char *name, long long *rows)
{
	return sync_init_as(db, name, NULL, rows);
}

enum status sync_init_as(struct db *db, const char *name, const char *as, long long *rows)
{
	*rows = 0;
	enum status s = db_require(db, PERM_SYNC);
	if (s != ST_OK)
		return s;
	if (!name_ok(name))
		return ST_INVALID;
	char site[33];
	bool on = false;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	s = sync_self(db, site, &on);
	if (s == ST_OK && as)
		s = become(db, as, name);
	else if (s == ST_OK && on) {
		sqlite3_stmt *st = db_stmt(db, "UPDATE sync_site SET name = ?1 WHERE self = 1");
		if (!st)
			s = ST_INTERNAL;
		else {
			sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
			s = db_step_done(st);
		}
	} else if (s == ST_OK) {
		sqlite3_stmt *st = db_stmt(db, "INSERT INTO sync_site (site, name, self, have) VALUES (?1, ?2, 1, 0) "
		                               "ON CONFLICT (site) DO UPDATE SET name = excluded.name, self = 1");
		if (!st)
			s = ST_INTERNAL;
		else {
			sqlite3_bind_text(st, 1, site, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
			s = db_step_done(st);
		}
		const struct sync_schema *sch = sync_schema(db);
		if (!sch && s == ST_OK)
			s = ST_NOMEM;
		for (int i = 0; s == ST_OK && i < sch->ntab; i++)
			s = init_table(db, sch, i, site, rows);
	}
	if (s == ST_OK) {
		struct jsonbuf j;
		jsonbuf_init(&j);
		jsonbuf_put_str(&j, "name", name);
		jsonbuf_put_int(&j, "rows", *rows);
		if (as)
			jsonbuf_put_str(&j, "rebuilt_as", as);
		s = audit_log(db, "sync_init", "sync", 0, jsonbuf_text(&j));
	}
	return db_finish(db, s);
}
