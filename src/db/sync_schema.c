/* The tables that travel between sites, read from the schema once per
 * connection: every table with a uuid column (migration 011's rule), in
 * an order where a table comes after the tables it references, with their
 * columns, references and the statements that name rows between sites. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_private.h"
#include "db/sync_private.h"

struct sync_conn_schema {
	struct sync_schema s;
};

/* Tables whose rows every database is made with, the same everywhere but
 * with uuids of their own: named by what the sites share. */
static const struct {
	const char *table;
	const char *expr;
} natural[] = {
	{ "centre", "code" },
	{ "ref_item", "list || char(31) || code" },
	{ "dist_item", "code" },
	{ "reint_survey", "CAST(version AS TEXT)" },
	{ "reint_survey_question", "(SELECT version FROM reint_survey v WHERE v.id = survey_id) || char(31) || code" },
	{ "reint_survey_option", "(SELECT v.version || char(31) || q.code FROM reint_survey_question q JOIN "
	                         "reint_survey v ON v.id = q.survey_id WHERE q.id = question_id) || char(31) || code" },
};

/* Columns that stay where they are. */
static const struct {
	const char *table;
	const char *col;
} local_cols[] = {
	{ "app_user", "pw_hash" },
	{ "app_user", "failed_logins" },
	{ "app_user", "locked_until" },
	{ "app_user", "active" },
	{ "audit", "chain" },
};

static const char *natural_expr(const char *table)
{
	for (size_t i = 0; i < sizeof natural / sizeof natural[0]; i++)
		if (!strcmp(natural[i].table, table))
			return natural[i].expr;
	return NULL;
}

static bool is_local(const char *table, const char *col)
{
	for (size_t i = 0; i < sizeof local_cols / sizeof local_cols[0]; i++)
		if (!strcmp(local_cols[i].table, table) && !strcmp(local_cols[i].col, col))
			return true;
	return false;
}

int sync_table_index(const struct sync_schema *s, const char *name)
{
	for (int i = 0; s && i < s->ntab; i++)
		if (!strcmp(s->tab[i].name, name))
			return i;
	return -1;
}

/* Reads one table's columns; false when it has too many. */
static bool read_columns(sqlite3 *sql, struct sync_table *t)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(sql, "SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid", -1, &st, NULL)
	    != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	t->ncol = 0;
	t->id_col = t->uuid_col = t->site_col = -1;
	bool ok = true;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (t->ncol >= SYNC_COLS_MAX) {
			ok = false;
			break;
		}
		struct sync_col *c = &t->col[t->ncol];
		snprintf(c->name, sizeof c->name, "%s", (const char *)sqlite3_column_text(st, 0));
		c->pk = sqlite3_column_int(st, 1) > 0;
		c->ref = -1;
		c->local = is_local(t->name, c->name);
		/* Bookkeeping, or made here from another field (the phone's key
		 * from the phone, made again where the change lands). */
		c->meta = !strcmp(c->name, "version") || !strcmp(c->name, "changed")
		          || (!strcmp(t->name, "person") && !strcmp(c->name, "phone_key"));
		if (!strcmp(c->name, "uuid"))
			t->uuid_col = t->ncol;
		if (!strcmp(c->name, "site"))
			t->site_col = t->ncol;
		t->ncol++;
	}
	sqlite3_finalize(st);
	int npk = 0;
	for (int i = 0; i < t->ncol; i++)
		if (t->col[i].pk) {
			npk++;
			if (!strcmp(t->col[i].name, "id"))
				t->id_col = i;
		}
	if (npk != 1)
		t->id_col = -1;
	return ok && t->uuid_col >= 0;
}

static void read_refs(sqlite3 *sql, struct sync_schema *s, struct sync_table *t)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(sql, "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)", -1, &st, NULL)
	    != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *from = (const char *)sqlite3_column_text(st, 0);
		int to = sync_table_index(s, (const char *)sqlite3_column_text(st, 1));
		for (int i = 0; to >= 0 && i < t->ncol; i++)
			if (!strcmp(t->col[i].name, from))
				t->col[i].ref = to;
	}
	sqlite3_finalize(st);
}

/* The column list "a, b, c" of t. */
static void column_list(const struct sync_table *t, char *out, size_t size)
{
	size_t n = 0;
	out[0] = '\0';
	for (int i = 0; i < t->ncol && n < size; i++)
		n += (size_t)snprintf(out + n, size - n, "%s\"%s\"", i ? ", " : "", t->col[i].name);
}

static void compose(struct sync_table *t)
{
	char cols[SYNC_SQL_MAX - 200];
	column_list(t, cols, sizeof cols);
	const char *nat = natural_expr(t->name);
	snprintf(t->key_expr, sizeof t->key_expr, "%s", nat ? nat : "uuid");
	if (nat) {
		t->key = SYNC_KEY_NATURAL;
		snprintf(t->key_of_id, sizeof t->key_of_id, "SELECT %s FROM \"%s\" WHERE id = ?1", nat, t->name);
		snprintf(t->id_of_key, sizeof t->id_of_key, "SELECT id FROM \"%s\" WHERE %s = ?1", t->name, nat);
		snprintf(t->select_row, sizeof t->select_row, "SELECT %s FROM \"%s\" WHERE %s = ?1", cols, t->name, nat);
	} else if (t->id_col >= 0) {
		t->key = SYNC_KEY_UUID;
		snprintf(t->key_of_id, sizeof t->key_of_id, "SELECT uuid FROM \"%s\" WHERE id = ?1", t->name);
		snprintf(t->id_of_key, sizeof t->id_of_key, "SELECT id FROM \"%s\" WHERE uuid = ?1", t->name);
		snprintf(t->select_row, sizeof t->select_row, "SELECT %s FROM \"%s\" WHERE uuid = ?1", cols, t->name);
	} else {
		t->key = SYNC_KEY_COMPOSITE;
		size_t n = (size_t)snprintf(t->select_row, sizeof t->select_row, "SELECT %s FROM \"%s\" WHERE ", cols,
		                            t->name);
		int k = 0;
		for (int i = 0; i < t->ncol && n < sizeof t->select_row; i++)
			if (t->col[i].pk) {
				k++;
				n += (size_t)snprintf(t->select_row + n, sizeof t->select_row - n, "%s\"%s\" = ?%d",
				                      k > 1 ? " AND " : "", t->col[i].name, k);
			}
	}
}

/* Rules checked by triggers on insert that read other tables: those
 * tables' rows must be there first. */
static const struct {
	const char *table, *after;
} after_rules[] = {
	{ "prot_return", "prot_best_interest" },
	{ "prot_return", "person_flag" },
};

static bool must_wait(const struct sync_schema *s, int i, const bool *done)
{
	for (size_t k = 0; k < sizeof after_rules / sizeof after_rules[0]; k++)
		if (!strcmp(s->tab[i].name, after_rules[k].table)) {
			int j = sync_table_index(s, after_rules[k].after);
			if (j >= 0 && !done[j])
				return true;
		}
	return false;
}

/* Puts the tables in an order where each comes after those it
 * references (references of a table to itself aside). */
static void order_tables(struct sync_schema *s)
{
	struct sync_table *out = calloc((size_t)s->ntab, sizeof *out);
	bool *done = calloc((size_t)s->ntab, sizeof *done);
	int *map = calloc((size_t)s->ntab, sizeof *map);
	if (!out || !done || !map) {
		free(out);
		free(done);
		free(map);
		return;
	}
	int n = 0;
	while (n < s->ntab) {
		int before = n;
		for (int i = 0; i < s->ntab; i++) {
			if (done[i])
				continue;
			bool ready = !must_wait(s, i, done);
			for (int c = 0; c < s->tab[i].ncol; c++) {
				int r = s->tab[i].col[c].ref;
				if (r >= 0 && r != i && !done[r])
					ready = false;
			}
			if (ready) {
				map[i] = n;
				out[n++] = s->tab[i];
				done[i] = true;
			}
		}
		if (n == before)   /* a cycle: keep the rest as they are */
			for (int i = 0; i < s->ntab; i++)
				if (!done[i]) {
					map[i] = n;
					out[n++] = s->tab[i];
					done[i] = true;
				}
	}
	for (int i = 0; i < n; i++)
		for (int c = 0; c < out[i].ncol; c++)
			if (out[i].col[c].ref >= 0)
				out[i].col[c].ref = map[out[i].col[c].ref];
	free(s->tab);
	s->tab = out;
	free(done);
	free(map);
}

static struct sync_schema *read_schema(sqlite3 *sql)
{
	struct sync_schema *s = calloc(1, sizeof *s);
	sqlite3_stmt *st = NULL;
	if (!s || sqlite3_prepare_v2(sql, "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' "
	                                  "AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'sync_%' AND EXISTS (SELECT 1 FROM "
	                                  "pragma_table_info(m.name) c WHERE c.name = 'uuid') ORDER BY m.name",
	                             -1, &st, NULL) != SQLITE_OK) {
		free(s);
		return NULL;
	}
	int cap = 0;
	bool ok = true;
	while (ok && sqlite3_step(st) == SQLITE_ROW) {
		if (s->ntab == cap) {
			cap = cap ? cap * 2 : 64;
			struct sync_table *grown = realloc(s->tab, (size_t)cap * sizeof *grown);
			if (!grown) {
				ok = false;
				break;
			}
			s->tab = grown;
		}
		struct sync_table *t = &s->tab[s->ntab];
		memset(t, 0, sizeof *t);
		snprintf(t->name, sizeof t->name, "%s", (const char *)sqlite3_column_text(st, 0));
		t->audit = !strcmp(t->name, "audit");
		if (read_columns(sql, t))
			s->ntab++;
	}
	sqlite3_finalize(st);
	if (!ok) {
		sync_schema_free(s);
		return NULL;
	}
	for (int i = 0; i < s->ntab; i++)
		read_refs(sql, s, &s->tab[i]);
	order_tables(s);
	for (int i = 0; i < s->ntab; i++)
		compose(&s->tab[i]);
	return s;
}

void sync_schema_free(struct sync_schema *s)
{
	if (!s)
		return;
	free(s->tab);
	free(s);
}

/* The connection's state: the schema, the open session, flags. */
struct sync_conn {
	struct sync_schema *schema;
	sqlite3_stmt **insert;   /* per table: the insert of a row that came (sync_apply.c) */
	sqlite3_session *session;
	bool off;        /* capture turned off (bulk writes) */
	bool applying;   /* a bundle is being applied */
};

static struct sync_conn *conn(struct db *db)
{
	struct sync_conn **c = db_sync_conn(db);
	if (!*c)
		*c = calloc(1, sizeof **c);
	return *c;
}

const struct sync_schema *sync_schema(struct db *db)
{
	struct sync_conn *c = conn(db);
	if (!c)
		return NULL;
	if (!c->schema)
		c->schema = read_schema(db_sqlite(db));
	return c->schema;
}

void sync_conn_free(struct sync_conn *c)
{
	if (!c)
		return;
	if (c->session)
		sqlite3session_delete(c->session);
	for (int i = 0; c->insert && c->schema && i < c->schema->ntab; i++)
		sqlite3_finalize(c->insert[i]);
	free(c->insert);
	sync_schema_free(c->schema);
	free(c);
}

sqlite3_stmt *sync_insert_stmt(struct db *db, int ti, const char *sql)
{
	struct sync_conn *c = conn(db);
	const struct sync_schema *s = sync_schema(db);
	if (!c || !s || ti < 0 || ti >= s->ntab)
		return NULL;
	if (!c->insert && !(c->insert = calloc((size_t)s->ntab, sizeof *c->insert)))
		return NULL;
	if (!c->insert[ti]
	    && sqlite3_prepare_v3(db_sqlite(db), sql, -1, SQLITE_PREPARE_PERSISTENT, &c->insert[ti], NULL) != SQLITE_OK)
		c->insert[ti] = NULL;
	return c->insert[ti];
}

void sync_capture(struct db *db, bool on)
{
	struct sync_conn *c = conn(db);
	if (c)
		c->off = !on;
}

bool sync_capturing(struct db *db)
{
	struct sync_conn *c = conn(db);
	return c && c->session != NULL;
}

void sync_set_applying(struct db *db, bool on)
{
	struct sync_conn *c = conn(db);
	if (c)
		c->applying = on;
}

enum status sync_self(struct db *db, char site[33], bool *on)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT (SELECT value FROM setting WHERE key = 'site'), "
	                               "EXISTS (SELECT 1 FROM sync_site WHERE self = 1)");
	if (!st)
		return ST_INTERNAL;
	enum status s = ST_NOT_FOUND;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		db_column_copy(st, 0, site, 33);
		if (on)
			*on = sqlite3_column_int(st, 1) != 0;
		s = ST_OK;
	}
	sqlite3_reset(st);
	return s;
}

static int attach_filter(void *ctx, const char *table)
{
	return sync_table_index(ctx, table) >= 0;
}

void sync_on_begin(struct db *db)
{
	struct sync_conn *c = conn(db);
	if (!c || c->off || c->applying || c->session)
		return;
	char site[33];
	bool on = false;
	if (sync_self(db, site, &on) != ST_OK || !on)
		return;
	const struct sync_schema *s = sync_schema(db);
	if (!s)
		return;
	if (sqlite3session_create(db_sqlite(db), "main", &c->session) != SQLITE_OK) {
		c->session = NULL;
		return;
	}
	sqlite3session_table_filter(c->session, attach_filter, (void *)s);
	sqlite3session_attach(c->session, NULL);
}

enum status sync_on_commit(struct db *db)
{
	struct sync_conn *c = conn(db);
	if (!c || !c->session)
		return ST_OK;
	enum status s = ST_OK;
	if (!sqlite3session_isempty(c->session)) {
		int n = 0;
		void *cs = NULL;
		if (sqlite3session_changeset(c->session, &n, &cs) != SQLITE_OK)
			s = ST_NOMEM;
		struct sync_buf out = { 0 };
		if (s == ST_OK && n > 0)
			s = sync_translate(db, cs, n, &out);
		sqlite3_free(cs);
		/* Off while the entry is written: its own statements need no
		 * capture, and a failure must not leave a half session. */
		sqlite3session_enable(c->session, 0);
		if (s == ST_OK && out.n > 0)
			s = sync_log_own(db, out.p, out.n);
		sync_buf_free(&out);
	}
	sqlite3session_delete(c->session);
	c->session = NULL;
	return s;
}

void sync_on_end(struct db *db)
{
	struct sync_conn *c = *db_sync_conn(db);
	if (c && c->session) {
		sqlite3session_delete(c->session);
		c->session = NULL;
	}
}
