/* End to end: the command line. Every bad input gives one clear line and a
 * non-zero exit, and creates or changes nothing. */
#include <sqlite3.h>
#include "session.h"

static int setup(void **state)
{
	*state = session_new();
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

static bool exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0;
}

/* Number of lines in text. */
static int lines(const char *text)
{
	int n = 0;
	for (; *text; text++)
		n += *text == '\n';
	return n;
}

static void version_and_help(void **state)
{
	struct session *s = *state;
	char out[4096];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--version", (char *)NULL), 0);
	assert_non_null(strstr(out, "taimako 0."));
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--help", (char *)NULL), 0);
	assert_non_null(strstr(out, "--db"));
	assert_non_null(strstr(out, "init"));
	assert_non_null(strstr(out, "demo"));
	assert_non_null(strstr(out, "check"));
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--bogus", (char *)NULL), 2);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "frobnicate", (char *)NULL), 2);
	assert_non_null(strstr(out, "frobnicate"));
}

static void init_then_sign_in(void **state)
{
	struct session *s = *state;
	char out[1024];
	assert_int_equal(run_cli(s, "un mot de passe sûr", out, sizeof out, "--db", s->db, "init",
	                         "--admin", "chef", "--name", "Halima Chef", "--centre", "ZIN", (char *)NULL), 0);
	assert_non_null(strstr(out, "chef"));
	struct stat sb;
	assert_int_equal(stat(s->db, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "check", (char *)NULL), 0);
	/* Not a demo database: no accounts are shown on the login screen. */
	session_start(s, 24, 80, "xterm");
	assert_screen(s, "Mot de passe");
	assert_false(term_has_text(s->t, "démo"));
	session_login(s, "chef", "un mot de passe sûr");
	assert_screen(s, "Bienvenue, Halima Chef");
	assert_screen(s, "Administrateur · Centre d'accueil des victimes de traite de Zinder");
}

static void init_refuses_bad_input_and_creates_nothing(void **state)
{
	struct session *s = *state;
	char out[1024];
	assert_int_equal(run_cli(s, "court", out, sizeof out, "--db", s->db, "init", (char *)NULL), 1);
	assert_non_null(strstr(out, "10 caractères"));
	assert_int_equal(lines(out), 1);
	assert_false(exists(s->db));
	assert_int_equal(run_cli(s, "", out, sizeof out, "--db", s->db, "init", (char *)NULL), 1);
	assert_false(exists(s->db));
	assert_int_equal(run_cli(s, "un mot de passe sûr", out, sizeof out, "--db", s->db, "init",
	                         "--centre", "XYZ", (char *)NULL), 1);
	assert_non_null(strstr(out, "XYZ"));
	assert_false(exists(s->db));
	assert_int_equal(run_cli(s, "un mot de passe sûr", out, sizeof out, "--db", s->db, "init",
	                         "--admin", "Bad Name", (char *)NULL), 2);
	assert_false(exists(s->db));
	assert_int_equal(run_cli(s, "un mot de passe sûr", out, sizeof out, "--db",
	                         "/nonexistent-folder/t.db", "init", (char *)NULL), 1);
	assert_int_equal(lines(out), 1);
	assert_false(exists("/nonexistent-folder"));
}

static void init_on_a_terminal_asks_twice(void **state)
{
	struct session *s = *state;
	char *argv[] = { (char *)taimako_bin(), "--db", s->db, "init", NULL };
	char *env[] = { s->env_localedir, "LANG=C.UTF-8", "LANGUAGE=", "LC_ALL=", NULL };
	s->t = term_start(24, 80, argv, env);
	assert_non_null(s->t);
	assert_screen(s, "Nouveau mot de passe");
	term_type(s->t, "premier mot de passe\n");
	assert_screen(s, "Confirmez le mot de passe");
	term_type(s->t, "second mot de passe\n");
	int status = -1;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
	assert_int_equal(status, 1);
	assert_false(exists(s->db));
	term_free(&s->t);

	s->t = term_start(24, 80, argv, env);
	assert_screen(s, "Nouveau mot de passe");
	term_type(s->t, "premier mot de passe\n");
	assert_screen(s, "Confirmez le mot de passe");
	term_type(s->t, "premier mot de passe\n");
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
	assert_int_equal(status, 0);
	assert_true(exists(s->db));
	/* The password was never echoed. */
	assert_false(term_has_text(s->t, "premier mot"));
}

static void existing_files_are_never_overwritten(void **state)
{
	struct session *s = *state;
	char out[1024];
	session_demo(s);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", (char *)NULL), 1);
	assert_non_null(strstr(out, "existe déjà"));
	assert_int_equal(run_cli(s, "un mot de passe sûr", out, sizeof out, "--db", s->db, "init", (char *)NULL), 1);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "check", (char *)NULL), 0);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "-3", (char *)NULL), 2);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "many", (char *)NULL), 2);
}

/* The number of rows of table in the database at path. */
static long long rows_of(const char *path, const char *table)
{
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

/* --modules: the people and the named modules' data only; an unknown
 * module is refused with the names there are, and nothing is created. */
static void demo_of_some_modules_only(void **state)
{
	struct session *s = *state;
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "60", "--modules",
	                         "distributio", (char *)NULL), 2);
	assert_non_null(strstr(out, "distribution"));
	assert_false(exists(s->db));
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "60", "--modules",
	                         "distribution", (char *)NULL), 0);
	assert_int_equal(rows_of(s->db, "person"), 60);
	assert_true(rows_of(s->db, "dist_serving") > 0);
	assert_int_equal(rows_of(s->db, "consultation"), 0);
	assert_int_equal(rows_of(s->db, "prot_case"), 0);
}

/* `taimako setting`: listed with the defaults, changed, a wrong value
 * refused with the values it takes, back to the default. */
static void settings_from_the_shell(void **state)
{
	struct session *s = *state;
	char out[4096];
	session_demo(s);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "setting", "list", (char *)NULL), 0);
	assert_non_null(strstr(out, "report_suppress = 4"));
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "setting", "set", "report_suppress", "2",
	                         (char *)NULL),
	                 0);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "setting", "set", "report_suppress", "100",
	                         (char *)NULL),
	                 2);
	assert_non_null(strstr(out, "99"));
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "setting", "set", "nope", "1", (char *)NULL),
	                 2);
	assert_non_null(strstr(out, "report_suppress"));
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "setting", "list", (char *)NULL), 0);
	assert_non_null(strstr(out, "report_suppress = 2\n"));
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "setting", "unset", "report_suppress",
	                         (char *)NULL),
	                 0);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "setting", "list", (char *)NULL), 0);
	assert_non_null(strstr(out, "report_suppress = 4"));
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "setting", "sett", (char *)NULL), 2);
}

static void missing_and_foreign_files_are_refused(void **state)
{
	struct session *s = *state;
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, (char *)NULL), 1);
	assert_non_null(strstr(out, "n'existe pas"));
	assert_false(exists(s->db));
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "check", (char *)NULL), 1);
	assert_false(exists(s->db));

	FILE *f = fopen(s->db, "w");
	fputs("not a database at all\n", f);
	fclose(f);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, (char *)NULL), 1);
	assert_non_null(strstr(out, "n'est pas une base de données Taimako"));
	assert_int_equal(lines(out), 1);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "check", (char *)NULL), 1);
	struct stat sb;
	assert_int_equal(stat(s->db, &sb), 0);
	assert_int_equal(sb.st_size, 22);
}

static void newer_database_is_refused(void **state)
{
	struct session *s = *state;
	char out[1024];
	session_demo(s);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA user_version = 999", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, (char *)NULL), 1);
	assert_non_null(strstr(out, "plus récente"));
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "check", (char *)NULL), 1);
}

static void default_path_comes_from_the_environment(void **state)
{
	struct session *s = *state;
	char cmd[1400], out[512] = "";
	snprintf(cmd, sizeof cmd, "cd '%s' && env -u TAIMAKO_DB XDG_DATA_HOME='%s/xdg' LANG=C.UTF-8 %s '%s' demo"
	         " >/dev/null 2>&1 && ls '%s/xdg/taimako'", s->dir, s->dir, s->env_localedir, taimako_bin(), s->dir);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t n = fread(out, 1, sizeof out - 1, p);
	out[n] = '\0';
	assert_int_equal(pclose(p), 0);
	assert_non_null(strstr(out, "taimako.db"));
}

static void accounts_from_the_shell(void **state)
{
	struct session *s = *state;
	char out[8192];
	session_demo(s);
	assert_int_equal(run_cli(s, "un mot de passe sûr", out, sizeof out, "--db", s->db, "user", "add", "awa",
	                         "--role", "protection", "--centre", "ZIN", "--display", "Awa Maïga", (char *)NULL), 0);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "user", "list", (char *)NULL), 0);
	assert_non_null(strstr(out, "Awa Maïga"));
	assert_non_null(strstr(out, "protection"));
	/* The last administrator stays. */
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "user", "disable", "admin", (char *)NULL), 1);
	assert_int_equal(lines(out), 1);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "user", "role", "admin", "intake",
	                         (char *)NULL), 1);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "user", "role", "awa", "admin",
	                         (char *)NULL), 0);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "user", "disable", "admin", (char *)NULL), 0);
	/* Bad input changes nothing. */
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "user", "role", "awa", "nurse",
	                         (char *)NULL), 2);
	assert_int_equal(run_cli(s, "court", out, sizeof out, "--db", s->db, "user", "add", "bob", "--role", "intake",
	                         "--centre", "NY1", (char *)NULL), 1);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "user", "frobnicate", (char *)NULL), 2);
	/* A disabled account cannot sign in; the new administrator can. */
	session_start(s, 24, 80, "xterm");
	session_login(s, "admin", "admin-demo");
	assert_screen(s, "Ce compte est désactivé.");
	term_type(s->t, "\t");
	term_free(&s->t);
	session_start(s, 24, 80, "xterm");
	session_login(s, "awa", "un mot de passe sûr");
	assert_screen(s, "Bienvenue, Awa Maïga");
	term_free(&s->t);

	/* Everything above is in the trail, exported as CSV. */
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "audit", "--since", "2020-01-01",
	                         (char *)NULL), 0);
	assert_memory_equal(out, "id,at,user,origin,action,entity,entity_id,changes\n", 49);
	assert_non_null(strstr(out, "login_failed"));
	assert_non_null(strstr(out, "unix:"));
	assert_non_null(strstr(out, "\"{\"\"role\"\": [\"\"protection\"\", \"\"admin\"\"]}\""));
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "audit", "--since", "2026-02-31",
	                         (char *)NULL), 2);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "audit", (char *)NULL), 2);
}

static void database_readable_by_others_is_refused(void **state)
{
	struct session *s = *state;
	char out[1024];
	session_demo(s);
	assert_int_equal(chmod(s->db, 0644), 0);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, (char *)NULL), 1);
	assert_non_null(strstr(out, "chmod 660"));
	assert_int_equal(lines(out), 1);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "check", (char *)NULL), 1);
	assert_int_equal(chmod(s->db, 0660), 0);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "check", (char *)NULL), 0);
}

static void malformed_configuration_stops_the_program(void **state)
{
	struct session *s = *state;
	char cmd[1400], out[1024] = "";
	snprintf(cmd, sizeof cmd, "cd '%s' && printf '# mine\\nidle_lock_minutes = soon\\n' > bad.conf"
	         " && TAIMAKO_CONFIG='%s/bad.conf' LANG=C.UTF-8 %s '%s' --db t.db demo 2>&1; echo \"rc=$?\"",
	         s->dir, s->dir, s->env_localedir, taimako_bin());
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t n = fread(out, 1, sizeof out - 1, p);
	out[n] = '\0';
	pclose(p);
	assert_non_null(strstr(out, "bad.conf:2:"));
	assert_non_null(strstr(out, "rc=1"));
	assert_false(exists(s->db));
}

/* init killed at any moment (SIGKILL, from at once to after it ends)
 * leaves no database at all or a whole one that check calls sound, with
 * its administrator; never a file init then refuses. */
static void init_killed_leaves_nothing_or_a_whole_database(void **state)
{
	struct session *s = *state;
	char path[600], out[1024];
	snprintf(path, sizeof path, "%s/r.db", s->dir);
	int made = 0;
	for (int round = 0; round < 24; round++) {
		char cmd[2048];
		/* Fault injection, not synchronisation: kill after 0 to 230 ms. */
		snprintf(cmd, sizeof cmd,
		         "cd '%s' && rm -f r.db r.db-wal r.db-shm r.db.partial-*; { printf '%%s' 'un mot de passe sûr' | "
		         "LANG=C.UTF-8 %s timeout -s KILL 0.%03d %s --db r.db init >/dev/null 2>&1; } 2>/dev/null; true",
		         s->dir, s->env_localedir, round * 10, taimako_bin());
		assert_int_equal(system(cmd), 0);
		if (!exists(path))
			continue;
		made++;
		assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", path, "check", (char *)NULL), 0);
	}
	/* And a whole one is made when nothing stops it. */
	char cmd[1400];
	snprintf(cmd, sizeof cmd, "cd '%s' && rm -f r.db r.db-wal r.db-shm r.db.partial-*", s->dir);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(run_cli(s, "un mot de passe sûr", out, sizeof out, "--db", path, "init", (char *)NULL), 0);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", path, "check", (char *)NULL), 0);
	fprintf(stderr, "init killed 24 times: %d whole databases, %d none\n", made, 24 - made);
}

/* A backup taken while someone works is whole, never written over an
 * existing file; restored in place, it is sound and people sign in. */
static void backup_while_working_then_restore(void **state)
{
	struct session *s = *state;
	char out[1024], copy[600], cmd[2000];
	session_demo(s);
	snprintf(copy, sizeof copy, "%s/copy.db", s->dir);
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue");
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "backup", copy, (char *)NULL), 0);
	assert_non_null(strstr(out, "copy.db"));
	struct stat sb;
	assert_int_equal(stat(copy, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
	/* Never over a file: the first copy stays as it was. */
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "backup", copy, (char *)NULL), 1);
	struct stat again;
	assert_int_equal(stat(copy, &again), 0);
	assert_int_equal(again.st_mtime, sb.st_mtime);
	assert_int_equal(again.st_size, sb.st_size);
	term_free(&s->t);   /* ends the program */
	/* Restored as the README says: the copy put in place of the database. */
	snprintf(cmd, sizeof cmd, "cd '%s' && rm -f t.db t.db-wal t.db-shm && cp copy.db t.db && chmod 660 t.db",
	         s->dir);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "check", (char *)NULL), 0);
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue");
}

/* People in the database at path. */
static long count_people(const char *path)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT count(*) FROM person", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

/* The demo database `make run` makes the first time holds a population of
 * thousands, so that a newcomer's lists and lookups are not empty. */
static void make_run_demo_has_thousands_of_people(void **state)
{
	struct session *s = *state;
	char dir[512];
	snprintf(dir, sizeof dir, "%s", taimako_bin());
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	char cmd[2048];
	snprintf(cmd, sizeof cmd,
	         "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C '%s' demo-db DEMO_DB='%s' >/dev/null 2>&1",
	         dir, s->db);
	assert_int_equal(system(cmd), 0);
	assert_true(exists(s->db));
	assert_true(count_people(s->db) >= 2000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(version_and_help, setup, teardown),
		cmocka_unit_test_setup_teardown(init_then_sign_in, setup, teardown),
		cmocka_unit_test_setup_teardown(init_killed_leaves_nothing_or_a_whole_database, setup, teardown),
		cmocka_unit_test_setup_teardown(backup_while_working_then_restore, setup, teardown),
		cmocka_unit_test_setup_teardown(init_refuses_bad_input_and_creates_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(init_on_a_terminal_asks_twice, setup, teardown),
		cmocka_unit_test_setup_teardown(existing_files_are_never_overwritten, setup, teardown),
		cmocka_unit_test_setup_teardown(missing_and_foreign_files_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(demo_of_some_modules_only, setup, teardown),
		cmocka_unit_test_setup_teardown(settings_from_the_shell, setup, teardown),
		cmocka_unit_test_setup_teardown(newer_database_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(default_path_comes_from_the_environment, setup, teardown),
		cmocka_unit_test_setup_teardown(accounts_from_the_shell, setup, teardown),
		cmocka_unit_test_setup_teardown(database_readable_by_others_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(malformed_configuration_stops_the_program, setup, teardown),
		cmocka_unit_test_setup_teardown(make_run_demo_has_thousands_of_people, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
