/* The data layer: opening, creating, migrations, refusal of foreign or
 * newer files, transactions, the audit trail's protection. */
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include "testutil.h"
#include "db/audit.h"
#include "db/backup.h"
#include "db/db.h"
#include "db/db_private.h"
#include "db/refdata.h"
#include "db/user.h"
#include "ui/refchoice.h"

static int setup(void **state)
{
	struct tmpdir *t = calloc(1, sizeof *t);
	tmpdir_make(t);
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	tmpdir_remove(*state);
	free(*state);
	return 0;
}

/* Runs one SQL statement on the file directly, outside the data layer. */
static int raw_exec(const char *path, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	int rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
	sqlite3_close(h);
	return rc;
}

/* One integer from a query on the file directly. */
static long long raw_int(const char *path, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

static bool exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0;
}

static void create_applies_every_migration(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(db_version(db), db_latest_version());
	assert_true(db_latest_version() >= 4);
	assert_int_equal(ref_count(db, REF_CENTRE), 7);
	assert_true(ref_count(db, REF_COUNTRY) >= 249);
	assert_true(ref_count(db, REF_LANGUAGE) > 100);
	db_close(&db);
	assert_null(db);
	assert_int_equal(raw_int(t->db, "PRAGMA application_id"), DB_APPLICATION_ID);
	assert_int_equal(raw_int(t->db, "SELECT count(*) FROM centre WHERE region_pcode = 'NE001'"), 3);
}

static void created_file_is_group_shared_not_public(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	mode_t old = umask(022);
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	umask(old);
	db_close(&db);
	struct stat sb;
	assert_int_equal(stat(t->db, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
}

static void reopening_reapplies_nothing(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	db_close(&db);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(db_open(t->db, DB_EXISTING, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
		assert_int_equal(db_version(db), db_latest_version());
		assert_int_equal(ref_count(db, REF_CENTRE), 7);
		db_close(&db);
	}
	assert_int_equal(raw_int(t->db, "SELECT count(*) FROM centre"), 7);
}

static void old_schema_is_upgraded(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	/* Every older version a site may still run is brought up to date. */
	for (int v = 1; v < db_latest_version(); v++) {
		char path[320];
		snprintf(path, sizeof path, "%s/v%d.db", t->dir, v);
		assert_int_equal(db_create_old(path, v), ST_OK);
		assert_int_equal(raw_int(path, "PRAGMA user_version"), v);
		assert_int_equal(db_open(path, DB_EXISTING, &db, NULL, 0), ST_OK);
		assert_int_equal(db_version(db), db_latest_version());
		assert_true(ref_count(db, REF_COUNTRY) >= 249);
		db_close(&db);
		assert_int_equal(raw_int(path, "SELECT count(*) FROM pragma_table_info('app_user') "
		                               "WHERE name IN ('failed_logins', 'locked_until')"), 2);
	}
}

static void newer_schema_is_refused_untouched(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	db_close(&db);
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", db_latest_version() + 1);
	assert_int_equal(raw_exec(t->db, sql), SQLITE_OK);
	size_t before_len, after_len;
	char *before = slurp(t->db, &before_len);
	char detail[128];
	assert_int_equal(db_open(t->db, DB_EXISTING, &db, detail, sizeof detail), ST_TOO_NEW);
	assert_null(db);
	assert_int_equal(db_open(t->db, DB_READONLY, &db, NULL, 0), ST_TOO_NEW);
	char *after = slurp(t->db, &after_len);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);
	free(before);
	free(after);
}

static void foreign_files_are_refused_untouched(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	/* Text that is not SQLite at all. */
	FILE *f = fopen(t->db, "w");
	fputs("this is not a database, but somebody's notes\n", f);
	fclose(f);
	size_t n1, n2;
	char *before = slurp(t->db, &n1);
	assert_int_equal(db_open(t->db, DB_EXISTING, &db, NULL, 0), ST_NOT_TAIMAKO);
	assert_int_equal(db_open(t->db, DB_READONLY, &db, NULL, 0), ST_NOT_TAIMAKO);
	char *after = slurp(t->db, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);

	/* Another program's SQLite database. */
	char other[320];
	snprintf(other, sizeof other, "%s/other.db", t->dir);
	assert_int_equal(raw_exec(other, "CREATE TABLE notes (x); INSERT INTO notes VALUES (1)"), SQLITE_OK);
	before = slurp(other, &n1);
	assert_int_equal(db_open(other, DB_EXISTING, &db, NULL, 0), ST_NOT_TAIMAKO);
	after = slurp(other, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);

	/* An empty file. */
	snprintf(other, sizeof other, "%s/empty.db", t->dir);
	fclose(fopen(other, "w"));
	assert_int_equal(db_open(other, DB_EXISTING, &db, NULL, 0), ST_NOT_TAIMAKO);
}

static void missing_file_is_not_created(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	assert_int_equal(db_open(t->db, DB_EXISTING, &db, NULL, 0), ST_NO_FILE);
	assert_false(exists(t->db));
	assert_int_equal(db_open(t->db, DB_READONLY, &db, NULL, 0), ST_NO_FILE);
	assert_false(exists(t->db));
}

static void create_never_overwrites(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	FILE *f = fopen(t->db, "w");
	fputs("precious", f);
	fclose(f);
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_EXISTS);
	size_t n;
	char *after = slurp(t->db, &n);
	assert_int_equal(n, 8);
	assert_memory_equal(after, "precious", 8);
	free(after);
}

static void unwritable_folder_creates_nothing(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	char path[320];
	snprintf(path, sizeof path, "%s/no/such/folder/t.db", t->dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, NULL, 0), ST_CANT_CREATE);
	assert_null(db);
}

/* The write-ahead log and its index hold the same records. */
static void log_readable_by_others_is_refused(void **state)
{
	struct tmpdir *t = *state;
	struct db *db, *other;
	char wal[320], detail[400];
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	snprintf(wal, sizeof wal, "%s-wal", t->db);
	assert_int_equal(access(wal, F_OK), 0);   /* kept while db is open */
	assert_int_equal(chmod(wal, 0664), 0);
	assert_int_equal(db_open(t->db, DB_EXISTING, &other, detail, sizeof detail), ST_PUBLIC_FILE);
	assert_null(other);
	assert_string_equal(detail, wal);
	assert_int_equal(chmod(wal, 0660), 0);
	assert_int_equal(db_open(t->db, DB_EXISTING, &other, NULL, 0), ST_OK);
	db_close(&other);
	db_close(&db);
}

static void file_readable_by_others_is_refused(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_close(&db);
	assert_int_equal(chmod(t->db, 0664), 0);
	assert_int_equal(db_open(t->db, DB_EXISTING, &db, NULL, 0), ST_PUBLIC_FILE);
	assert_null(db);
	assert_int_equal(db_open(t->db, DB_READONLY, &db, NULL, 0), ST_PUBLIC_FILE);
	struct stat sb;
	assert_int_equal(stat(t->db, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0664);   /* reported, not changed behind the user's back */
	assert_int_equal(chmod(t->db, 0660), 0);
	assert_int_equal(db_open(t->db, DB_EXISTING, &db, NULL, 0), ST_OK);
	db_close(&db);
	assert_int_equal(chmod(t->db, 0600), 0);
	assert_int_equal(db_open(t->db, DB_EXISTING, &db, NULL, 0), ST_OK);
	db_close(&db);
}

static void audit_rows_cannot_change(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(db_begin(db), ST_OK);
	assert_int_equal(audit_log(db, "create", "test", 1, "{\"a\":[null,1]}"), ST_OK);
	assert_int_equal(db_commit(db), ST_OK);
	assert_int_equal(audit_count(db), 1);
	db_close(&db);
	assert_int_equal(raw_exec(t->db, "UPDATE audit SET user_name = 'someone else'"), SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(t->db, "DELETE FROM audit"), SQLITE_CONSTRAINT);
	assert_int_equal(raw_int(t->db, "SELECT count(*) FROM audit WHERE user_name = 'test'"), 1);
}

static void audit_outside_a_transaction_is_refused(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(audit_log(db, "create", "test", 1, NULL), ST_INTERNAL);
	assert_int_equal(audit_count(db), 0);
	db_close(&db);
}

static void failed_write_rolls_back_everything(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(db, "amina", "Amina", ROLE_INTAKE, "AGZ", "fr", "a-long-password", NULL), ST_OK);
	long long audits = audit_count(db);
	/* Unknown centre: refused before anything is written. */
	assert_int_equal(user_add(db, "bello", "Bello", ROLE_INTAKE, "XXX", "fr", "a-long-password", NULL),
	                 ST_NOT_FOUND);
	/* Duplicate name: the insert fails after the transaction began. */
	assert_int_equal(user_add(db, "amina", "Amina 2", ROLE_MEDICAL, "NY1", "fr", "a-long-password", NULL),
	                 ST_DUPLICATE);
	assert_int_equal(user_count(db), 1);
	assert_int_equal(audit_count(db), audits);
	/* A transaction rolled back by hand leaves nothing either. */
	assert_int_equal(db_begin(db), ST_OK);
	assert_int_equal(audit_log(db, "create", "test", 9, NULL), ST_OK);
	db_rollback(db);
	assert_int_equal(audit_count(db), audits);
	db_close(&db);
}

/* A backup is a whole, verified, private copy, recorded in the trail,
 * never written over a file; a failed one leaves nothing. */
static void backup_copies_verifies_and_never_overwrites(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	char copy[400], detail[256];
	long long bytes;
	snprintf(copy, sizeof copy, "%s/copy.db", t->dir);
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	/* No administrator yet: not sound, so no copy stays. */
	assert_int_equal(db_backup(db, copy, &bytes, detail, sizeof detail), ST_CORRUPT);
	assert_int_equal(access(copy, F_OK), -1);
	assert_int_equal(user_add(db, "chef", "Chef", ROLE_ADMIN, "NY1", "fr", "a long password", NULL), ST_OK);
	long long audits = audit_count(db);
	assert_int_equal(db_backup(db, copy, &bytes, detail, sizeof detail), ST_OK);
	assert_true(bytes > 0);
	assert_int_equal(audit_count(db), audits + 1);
	struct stat sb;
	assert_int_equal(stat(copy, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
	assert_int_equal(sb.st_size, bytes);
	assert_int_equal(db_backup(db, copy, &bytes, detail, sizeof detail), ST_EXISTS);
	struct stat again;
	assert_int_equal(stat(copy, &again), 0);
	assert_int_equal(again.st_size, sb.st_size);
	db_close(&db);
	assert_int_equal(db_open(copy, DB_READONLY, &db, NULL, 0), ST_OK);
	assert_int_equal(db_integrity(db, detail, sizeof detail), ST_OK);
	db_close(&db);
}

/* Sound: SQLite's checks pass and someone can sign in to manage it (an
 * interrupted init once left a database with no account). */
static void integrity_check_passes_on_a_new_database(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	char detail[128];
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	db_close(&db);
	assert_int_equal(db_open(t->db, DB_READONLY, &db, NULL, 0), ST_OK);
	assert_int_equal(db_integrity(db, detail, sizeof detail), ST_CORRUPT);
	assert_string_equal(detail, "no active administrator account");
	db_close(&db);
	assert_int_equal(db_open(t->db, DB_EXISTING, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(db, "chef", "Chef", ROLE_ADMIN, "NY1", "fr", "a long password", NULL), ST_OK);
	db_close(&db);
	assert_int_equal(db_open(t->db, DB_READONLY, &db, NULL, 0), ST_OK);
	assert_int_equal(db_integrity(db, detail, sizeof detail), ST_OK);
	db_close(&db);
}

static void two_sessions_write_without_losing_anything(void **state)
{
	struct tmpdir *t = *state;
	struct db *a, *b;
	assert_int_equal(db_open(t->db, DB_CREATE, &a, NULL, 0), ST_OK);
	db_set_actor(a, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(db_open(t->db, DB_EXISTING, &b, NULL, 0), ST_OK);
	db_set_actor(b, 0, "test", ROLE_ADMIN, "test");
	for (int i = 0; i < 20; i++) {
		struct db *d = i % 2 ? a : b;
		assert_int_equal(db_begin(d), ST_OK);
		assert_int_equal(audit_log(d, "create", "test", i + 1, NULL), ST_OK);
		assert_int_equal(db_commit(d), ST_OK);
	}
	/* While one holds the write lock, the other waits then reports busy. */
	assert_int_equal(db_begin(a), ST_OK);
	assert_int_equal(audit_count(b), 20);
	db_rollback(a);
	db_close(&a);
	db_close(&b);
	assert_int_equal(raw_int(t->db, "SELECT count(*) FROM audit"), 20);
}

struct capture {
	struct ref_row rows[8];
	int n;
};

/* Collects rows from ref_page. */
static void collect(const struct ref_row *row, void *ctx)
{
	struct capture *c = ctx;
	if (c->n < 8)
		c->rows[c->n++] = *row;
}

static void reference_lists_filter_by_folded_words(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	bool more;
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");

	struct capture c = { .n = 0 };
	assert_int_equal(ref_page(db, REF_COUNTRY, "fr", "cote", PAGE_AFTER, NULL, 8, collect, &c, &more), ST_OK);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.rows[0].code, "CIV");
	assert_string_equal(c.rows[0].name, "Côte d'Ivoire");

	c.n = 0;
	assert_int_equal(ref_page(db, REF_COUNTRY, "fr", "NIGERIA", PAGE_AFTER, NULL, 8, collect, &c, &more), ST_OK);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.rows[0].code, "NGA");

	/* Pages: the first three, then the next three, no overlap. */
	struct capture p1 = { .n = 0 }, p2 = { .n = 0 };
	assert_int_equal(ref_page(db, REF_CENTRE, "en", "", PAGE_AFTER, NULL, 3, collect, &p1, &more), ST_OK);
	assert_true(more);
	assert_int_equal(ref_page(db, REF_CENTRE, "en", "", PAGE_AFTER, p1.rows[2].code, 3, collect, &p2, &more),
	                 ST_OK);
	assert_true(more);
	assert_int_equal(p1.n, 3);
	assert_int_equal(p2.n, 3);
	assert_string_equal(p1.rows[0].code, "AGZ");
	assert_string_not_equal(p1.rows[2].code, p2.rows[0].code);
	/* Back again: the page before the second is the first, in order. */
	struct capture back = { .n = 0 };
	assert_int_equal(ref_page(db, REF_CENTRE, "en", "", PAGE_BEFORE, p2.rows[0].code, 8, collect, &back, &more),
	                 ST_OK);
	assert_false(more);
	assert_int_equal(back.n, 3);
	for (int i = 0; i < 3; i++)
		assert_string_equal(back.rows[i].code, p1.rows[i].code);
	/* The last page, directly: Zinder's centre ends the English list. */
	back.n = 0;
	assert_int_equal(ref_page(db, REF_CENTRE, "en", "", PAGE_BEFORE, NULL, 2, collect, &back, &more), ST_OK);
	assert_true(more);
	assert_int_equal(back.n, 2);
	assert_string_equal(back.rows[1].code, "ZIN");

	c.n = 0;
	assert_int_equal(ref_page(db, REF_LANGUAGE, "fr", "haou", PAGE_AFTER, NULL, 8, collect, &c, &more), ST_OK);
	assert_true(c.n >= 1);
	assert_string_equal(c.rows[0].code, "hau");
	db_close(&db);
}

/* Every centre reaches the forms' choice lists: registration once showed
 * the first 16 centres only, account forms the first 32. */
static void every_centre_reaches_the_choices(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	long centres = ref_count(db, REF_CENTRE);
	char sql[300];
	for (int i = 0; i < 40; i++) {
		snprintf(sql, sizeof sql,
		         "INSERT INTO centre (code, name_en, name_fr, kind, town, region_name, region_pcode) "
		         "VALUES ('T%02d', 'Test centre %02d', 'Centre d''essai %02d', 'transit', 'Tahoua', "
		         "'Tahoua', 'NE005')", i, i, i);
		assert_int_equal(raw_exec(t->db, sql), SQLITE_OK);
	}
	struct ref_choices *c = ref_choices_load(db, REF_CENTRE, "en", 0);
	assert_non_null(c);
	assert_int_equal(c->n, centres + 40);
	bool found17 = false, found40 = false;
	for (int i = 0; i < c->n; i++) {
		found17 |= strcmp(c->items[i].value, "T16") == 0;
		found40 |= strcmp(c->items[i].value, "T39") == 0 && strcmp(c->items[i].label, "Test centre 39") == 0;
	}
	assert_true(found17);
	assert_true(found40);
	ref_choices_free(&c);
	assert_null(c);
	/* With a first "-" entry, and labels with their code. */
	c = ref_choices_load(db, REF_CENTRE, "fr", REFCHOICE_WITH_NONE | REFCHOICE_SHOW_CODE);
	assert_non_null(c);
	assert_int_equal(c->n, centres + 41);
	assert_string_equal(c->items[0].value, "");
	assert_string_equal(c->items[0].label, "-");
	bool labelled = false;
	for (int i = 1; i < c->n; i++)
		labelled |= strcmp(c->items[i].label, "Centre d'essai 16 (T16)") == 0;
	assert_true(labelled);
	ref_choices_free(&c);
	/* Every country and language too (the lists once stopped at 260 and 300). */
	c = ref_choices_load(db, REF_LANGUAGE, "en", 0);
	assert_non_null(c);
	assert_int_equal(c->n, ref_count(db, REF_LANGUAGE));
	ref_choices_free(&c);
	db_close(&db);
}

/* Statements are cached by the address of their text: far more distinct
 * texts than the 256 the cache once held are all prepared, and each one
 * asked for again is the same statement, answering its own query. */
static void statement_cache_grows(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	enum { N = 1000 };
	static char texts[N][32];   /* stable addresses, as literals have */
	static sqlite3_stmt *first[N];
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	size_t before = db_stmt_cached(db);
	for (int i = 0; i < N; i++) {
		snprintf(texts[i], sizeof texts[i], "SELECT %d", i);
		first[i] = db_stmt(db, texts[i]);
		assert_non_null(first[i]);
	}
	assert_int_equal(db_stmt_cached(db), before + N);
	for (int i = 0; i < N; i++) {
		sqlite3_stmt *st = db_stmt(db, texts[i]);
		assert_ptr_equal(st, first[i]);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), i);
		sqlite3_reset(st);
	}
	assert_int_equal(db_stmt_cached(db), before + N);
	/* The program's own statements still work beside them. */
	assert_true(audit_count(db) >= 0);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(create_applies_every_migration, setup, teardown),
		cmocka_unit_test_setup_teardown(created_file_is_group_shared_not_public, setup, teardown),
		cmocka_unit_test_setup_teardown(reopening_reapplies_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(old_schema_is_upgraded, setup, teardown),
		cmocka_unit_test_setup_teardown(newer_schema_is_refused_untouched, setup, teardown),
		cmocka_unit_test_setup_teardown(foreign_files_are_refused_untouched, setup, teardown),
		cmocka_unit_test_setup_teardown(missing_file_is_not_created, setup, teardown),
		cmocka_unit_test_setup_teardown(create_never_overwrites, setup, teardown),
		cmocka_unit_test_setup_teardown(unwritable_folder_creates_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(log_readable_by_others_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(backup_copies_verifies_and_never_overwrites, setup, teardown),
		cmocka_unit_test_setup_teardown(file_readable_by_others_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(audit_rows_cannot_change, setup, teardown),
		cmocka_unit_test_setup_teardown(audit_outside_a_transaction_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(failed_write_rolls_back_everything, setup, teardown),
		cmocka_unit_test_setup_teardown(integrity_check_passes_on_a_new_database, setup, teardown),
		cmocka_unit_test_setup_teardown(two_sessions_write_without_losing_anything, setup, teardown),
		cmocka_unit_test_setup_teardown(reference_lists_filter_by_folded_words, setup, teardown),
		cmocka_unit_test_setup_teardown(statement_cache_grows, setup, teardown),
		cmocka_unit_test_setup_teardown(every_centre_reaches_the_choices, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
