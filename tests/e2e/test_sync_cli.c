/* End to end: two sites exchanging bundles from the shell (`taimako
 * sync`), carried as files and over a stand-in for ssh. A damaged or
 * misdirected bundle is refused whole and changes nothing. */
#include <sqlite3.h>
#include "session.h"

struct two {
	struct session *a, *b;
};

static int setup(void **state)
{
	struct two *w = calloc(1, sizeof *w);
	w->a = session_new();
	w->b = session_new();
	char out[1024];
	assert_int_equal(run_cli(w->a, NULL, out, sizeof out, "--db", w->a->db, "demo", "--persons", "40", "--modules",
	                         "registration", (char *)NULL), 0);
	assert_int_equal(run_cli(w->b, NULL, out, sizeof out, "--db", w->b->db, "demo", "--persons", "0", "--modules",
	                         "registration", (char *)NULL), 0);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct two *w = *state;
	session_free(&w->a);
	session_free(&w->b);
	free(w);
	return 0;
}

static long long count(const char *db, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

/* The bytes of a file (free them); NULL when unreadable. */
static char *read_file(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *p = malloc(1 << 22);
	*n = 0;
	if (p)
		*n = fread(p, 1, 1 << 22, f);
	fclose(f);
	return p;
}

/* The site id `sync id` prints. */
static void site_id(struct session *s, char id[33])
{
	char out[256];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "sync", "id", (char *)NULL), 0);
	assert_true(strlen(out) > 33);
	memcpy(id, out, 32);
	id[32] = '\0';
	assert_int_equal(strspn(id, "0123456789abcdef"), 32);
}

static void bundles_carried_as_files(void **state)
{
	struct two *w = *state;
	char out[4096], bid[33], path[600], bad[600];
	/* Not a syncing site yet: said, exit 2. */
	assert_int_equal(run_cli(w->a, NULL, out, sizeof out, "--db", w->a->db, "sync", "id", (char *)NULL), 2);
	assert_int_equal(run_cli(w->a, NULL, out, sizeof out, "--db", w->a->db, "sync", "init", "--name", "Agadez",
	                         (char *)NULL), 0);
	assert_int_equal(run_cli(w->b, NULL, out, sizeof out, "--db", w->b->db, "sync", "init", "--name", "Dirkou",
	                         (char *)NULL), 0);
	site_id(w->b, bid);
	snprintf(path, sizeof path, "%s/a1.bundle", w->a->dir);
	assert_int_equal(run_cli(w->a, NULL, out, sizeof out, "--db", w->a->db, "sync", "export", "--to", "Nowhere",
	                         path, (char *)NULL), 2);
	assert_int_equal(run_cli(w->a, NULL, out, sizeof out, "--db", w->a->db, "sync", "export", "--to", bid, path,
	                         (char *)NULL), 0);
	long long people = count(w->a->db, "SELECT count(*) FROM person");
	assert_true(people >= 40);
	/* A damaged copy: refused, nothing changes. */
	size_t n = 0;
	char *data = read_file(path, &n);
	assert_non_null(data);
	data[n / 2] ^= 1;
	snprintf(bad, sizeof bad, "%s/bad.bundle", w->a->dir);
	FILE *f = fopen(bad, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
	free(data);
	assert_int_equal(run_cli(w->b, NULL, out, sizeof out, "--db", w->b->db, "sync", "import", bad, (char *)NULL), 2);
	assert_int_equal(count(w->b->db, "SELECT count(*) FROM person"), 0);
	/* Its own bundle back at the sender: refused. */
	assert_int_equal(run_cli(w->a, NULL, out, sizeof out, "--db", w->a->db, "sync", "import", path, (char *)NULL), 2);
	/* Applied, then again: nothing more. */
	assert_int_equal(run_cli(w->b, NULL, out, sizeof out, "--db", w->b->db, "sync", "import", path, (char *)NULL), 0);
	assert_int_equal(count(w->b->db, "SELECT count(*) FROM person"), people);
	assert_int_equal(run_cli(w->b, NULL, out, sizeof out, "--db", w->b->db, "sync", "import", path, (char *)NULL), 0);
	assert_int_equal(count(w->b->db, "SELECT count(*) FROM person"), people);
	assert_int_equal(count(w->b->db, "SELECT count(*) FROM sync_bundle_in"), 1);
	/* The people who came are found by name there. */
	assert_int_equal(count(w->b->db, "SELECT count(*) FROM person_search"), people);
	/* Status names the other site and what was received. */
	assert_int_equal(run_cli(w->b, NULL, out, sizeof out, "--db", w->b->db, "sync", "status", (char *)NULL), 0);
	assert_non_null(strstr(out, "Agadez"));
	assert_non_null(strstr(out, "Dirkou"));
	/* Wrong use. */
	assert_int_equal(run_cli(w->b, NULL, out, sizeof out, "--db", w->b->db, "sync", "export", path, (char *)NULL),
	                 2);
	assert_int_equal(run_cli(w->b, NULL, out, sizeof out, "--db", w->b->db, "sync", "shout", (char *)NULL), 2);
}

static void a_bundle_pushed_over_ssh(void **state)
{
	struct two *w = *state;
	char out[4096], fake[600];
	assert_int_equal(run_cli(w->a, NULL, out, sizeof out, "--db", w->a->db, "sync", "init", "--name", "Agadez",
	                         (char *)NULL), 0);
	assert_int_equal(run_cli(w->b, NULL, out, sizeof out, "--db", w->b->db, "sync", "init", "--name", "Dirkou",
	                         (char *)NULL), 0);
	/* ssh stands in: runs the command here. */
	snprintf(fake, sizeof fake, "%s/fake-ssh", w->a->dir);
	FILE *f = fopen(fake, "w");
	assert_non_null(f);
	fprintf(f, "#!/bin/sh\nshift\nexec sh -c \"$*\"\n");
	fclose(f);
	assert_int_equal(chmod(fake, 0700), 0);
	setenv("TAIMAKO_SSH", fake, 1);
	char remote[1200];
	snprintf(remote, sizeof remote, "LANG=C.UTF-8 %s %s", w->b->env_localedir, taimako_bin());
	setenv("TAIMAKO_REMOTE", remote, 1);
	assert_int_equal(run_cli(w->a, NULL, out, sizeof out, "--db", w->a->db, "sync", "push", "dirkou.example",
	                         "--remote-db", w->b->db, (char *)NULL), 0);
	assert_int_equal(count(w->b->db, "SELECT count(*) FROM person"), count(w->a->db, "SELECT count(*) FROM person"));
	/* A host name that could inject a command is refused. */
	assert_int_equal(run_cli(w->a, NULL, out, sizeof out, "--db", w->a->db, "sync", "push", "x;rm -rf /",
	                         (char *)NULL), 2);
	unsetenv("TAIMAKO_SSH");
	unsetenv("TAIMAKO_REMOTE");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(bundles_carried_as_files, setup, teardown),
		cmocka_unit_test_setup_teardown(a_bundle_pushed_over_ssh, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
