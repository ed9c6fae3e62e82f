#ifndef TAIMAKO_TEST_SYNC_FIXTURE_H
#define TAIMAKO_TEST_SYNC_FIXTURE_H
/* Sites for the sync tests: each its own database, a clerk registering at
 * its own centre, bundles carried in memory, and a fingerprint of every
 * record that travels (rows by uuid, references by their name between
 * sites) to compare sites. */
#include <nettle/sha2.h>
#include "testutil.h"
#include "core/role.h"
#include "db/db.h"
#include "db/person.h"
#include "db/sync.h"
#include "db/db_private.h"
#include "db/sync_private.h"
#include "db/user.h"

struct site {
	struct tmpdir t;
	struct db *db;
	char centre[8];
	long long clerk;
};

static inline void site_open(struct site *s, const char *name, const char *centre)
{
	tmpdir_make(&s->t);
	assert_int_equal(db_open(s->t.db, DB_CREATE, &s->db, NULL, 0), ST_OK);
	snprintf(s->centre, sizeof s->centre, "%s", centre);
	db_set_actor(s->db, 0, "admin", ROLE_ADMIN, "test");
	char login[32];
	snprintf(login, sizeof login, "clerk");
	assert_int_equal(user_add(s->db, login, name, ROLE_INTAKE, centre, "en", "a long password", &s->clerk), ST_OK);
	long long rows = 0;
	assert_int_equal(sync_init(s->db, name, &rows), ST_OK);
	assert_true(rows > 0);   /* the centres, the lists, the clerk */
}

static inline void site_close(struct site *s)
{
	db_close(&s->db);
	tmpdir_remove(&s->t);
}

static inline void as_clerk(struct site *s)
{
	db_set_actor(s->db, s->clerk, "clerk", ROLE_INTAKE, "test");
}

static inline void as_role(struct site *s, enum role r, const char *name)
{
	db_set_actor(s->db, 0, name, r, "test");
}

/* The id of site s (its setting). */
static inline void site_id(struct site *s, char id[33])
{
	assert_int_equal(sync_self(s->db, id, NULL), ST_OK);
}

/* A bundle from `from` to `to`, in memory (free it). */
static inline unsigned char *bundle(struct site *from, struct site *to, bool all, size_t *size)
{
	char id[33];
	site_id(to, id);
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);
	assert_non_null(f);
	struct sync_result r;
	db_set_actor(from->db, 0, "admin", ROLE_ADMIN, "test");
	enum status s = sync_export(from->db, id, all, f, &r);
	fclose(f);
	assert_int_equal(s, ST_OK);
	assert_int_equal((long long)n, r.bytes);
	*size = n;
	return (unsigned char *)p;
}

static inline enum status deliver(struct site *to, const unsigned char *b, size_t n, struct sync_result *r)
{
	db_set_actor(to->db, 0, "admin", ROLE_ADMIN, "test");
	return sync_import(to->db, b, n, r);
}

/* Sends from `from` to `to` what it has not sent: the import's status. */
static inline enum status exchange(struct site *from, struct site *to, struct sync_result *r)
{
	size_t n;
	unsigned char *b = bundle(from, to, false, &n);
	enum status s = deliver(to, b, n, r);
	free(b);
	return s;
}

/* A person registered by s's clerk at its centre. */
static inline long long register_person(struct site *s, const char *family, const char *given, const char *birth)
{
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = 'm';
	snprintf(p.birth_date, sizeof p.birth_date, "%s", birth);
	snprintf(p.nationality, sizeof p.nationality, "MLI");
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "%s", s->centre);
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	as_clerk(s);
	assert_int_equal(person_save(s->db, &p, NULL, NULL, 0), ST_OK);
	return p.id;
}

/* The id at site s of the person with this uuid (0 none). */
static inline long long person_here(struct site *s, const char *uuid)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(s->db), "SELECT id FROM person WHERE uuid = ?1", -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return id;
}

static inline void person_uuid(struct site *s, long long id, char out[33])
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(s->db), "SELECT uuid FROM person WHERE id = ?1", -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, 33, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* Edits a field of the person (uuid) at site s as its clerk: "phone",
 * "given", "other". false when another session's edit was in the way. */
static inline bool edit_person(struct site *s, const char *uuid, const char *field, const char *value)
{
	long long id = person_here(s, uuid);
	assert_true(id > 0);
	as_clerk(s);
	struct person orig, p;
	assert_int_equal(person_current(s->db, id, &orig), ST_OK);
	p = orig;
	if (!strcmp(field, "phone"))
		snprintf(p.phone, sizeof p.phone, "%s", value);
	else if (!strcmp(field, "given"))
		snprintf(p.given_names, sizeof p.given_names, "%s", value);
	else
		snprintf(p.other_names, sizeof p.other_names, "%s", value);
	return person_save(s->db, &p, &orig, NULL, 0) == ST_OK;
}

/* A text column of the person (uuid) at s into out. */
static inline void person_field(struct site *s, const char *uuid, const char *column, char *out, size_t size)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT %s FROM person WHERE uuid = ?1", column);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(s->db), sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	out[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

static inline long long count_of(struct site *s, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(s->db), sql, -1, &st, NULL), SQLITE_OK);
	long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return n;
}

/* The SQL reading table t's rows as every site should have them. */
static inline void table_rows_sql(const struct sync_schema *sch, const struct sync_table *t, char *sql, size_t size)
{
		size_t n = (size_t)snprintf(sql, size, "SELECT '%s'", t->name);
	for (int c = 0; c < t->ncol; c++) {
		const struct sync_col *col = &t->col[c];
		if (c == t->id_col || col->local || col->meta
		    || (!strcmp(t->name, "app_user") && !strcmp(col->name, "name")))
			continue;
		/* Each database's own copy of the lists it is made with. */
		/* Each database's own copy of the lists it is made with; rows keyed by
		 * their references are the same fact whoever wrote it last. */
		if (t->key != SYNC_KEY_UUID && (c == t->uuid_col || c == t->site_col || !strcmp(col->name, "created")))
			continue;
		if (col->ref >= 0) {
			n += (size_t)snprintf(sql + n, size - n, ", quote((SELECT %s FROM \"%s\" WHERE id = r.\"%s\"))",
			                      sch->tab[col->ref].key_expr, sch->tab[col->ref].name, col->name);
		} else
			n += (size_t)snprintf(sql + n, size - n, ", quote(r.\"%s\")", col->name);
	}
	if (t->key == SYNC_KEY_NATURAL)
		snprintf(sql + n, size - n, " FROM \"%s\" r ORDER BY %s", t->name, t->key_expr);
	else if (t->key == SYNC_KEY_COMPOSITE)
		snprintf(sql + n, size - n, " FROM \"%s\" r ORDER BY 2, 3", t->name);
	else
		snprintf(sql + n, size - n, " FROM \"%s\" r ORDER BY r.uuid", t->name);
}

/* A digest of every record that travels, as every site should have it:
 * rows in uuid order, references by their name between sites, without
 * row ids, local columns, versions or change times (an account's login,
 * renamed where it clashes, aside). rows counts the rows. */
static inline void fingerprint(struct site *s, unsigned char out[SHA256_DIGEST_SIZE], long long *rows)
{
	const struct sync_schema *sch = sync_schema(s->db);
	assert_non_null(sch);
	struct sha256_ctx sha;
	sha256_init(&sha);
	*rows = 0;
	for (int i = 0; i < sch->ntab; i++) {
		const struct sync_table *t = &sch->tab[i];
		if (t->audit)
			continue;
		char sql[8192];
		table_rows_sql(sch, t, sql, sizeof sql);
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db_sqlite(s->db), sql, -1, &st, NULL) != SQLITE_OK)
			fail_msg("%s: %s", sql, sqlite3_errmsg(db_sqlite(s->db)));
		while (sqlite3_step(st) == SQLITE_ROW) {
			(*rows)++;
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const unsigned char *v = sqlite3_column_text(st, c);
				sha256_update(&sha, (size_t)sqlite3_column_bytes(st, c), v ? v : (const unsigned char *)"");
				sha256_update(&sha, 1, (const unsigned char *)"|");
			}
		}
		sqlite3_finalize(st);
	}
	sha256_digest(&sha, SHA256_DIGEST_SIZE, out);
}

static inline void assert_same_data(struct site *a, struct site *b)
{
	unsigned char x[SHA256_DIGEST_SIZE], y[SHA256_DIGEST_SIZE];
	long long rx, ry;
	fingerprint(a, x, &rx);
	fingerprint(b, y, &ry);
	assert_int_equal(rx, ry);
	assert_memory_equal(x, y, sizeof x);
}

#endif
