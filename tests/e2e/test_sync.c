/* End to end: the screens of the exchanges between sites. The demo
 * manager opens the sites' status and sees this site's row first, marked,
 * with the help that says how bundles are made; a role without the
 * permissions has neither entry on its home menu. Two sites made through
 * the command line change one person's phone while apart: the owner's
 * manager sees both values on the conflicts screen, takes the other
 * site's, and the phone changes. Read in English: the test does not depend
 * on translations. */
#include <sqlite3.h>
#include "session.h"

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "200", (char *)NULL), 0);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

/* Signs in as account and switches to English. */
static void sign_in(struct session *s, const char *account)
{
	char password[64];
	snprintf(password, sizeof password, "%s-demo", account);
	session_start(s, 24, 80, "xterm");
	session_login(s, account, password);
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
}

static void manager_sees_this_site_first(void **state)
{
	struct session *s = *state;
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "sync", "init", "--name", "Niamey",
	                         (char *)NULL), 0);
	sign_in(s, "manager");
	assert_screen(s, "*  Sites and exchanges");
	assert_screen(s, "!  Conflicts between sites");
	term_type(s->t, "*");
	assert_screen(s, "Last received");
	assert_screen(s, "Niamey (here)");
	term_settle(s->t, 100);
	/* This site is the first row, selected. */
	char *row = term_row(s->t, 4);
	if (!strstr(row, "Niamey (here)"))
		term_dump(s->t, "this site's row");
	assert_non_null(strstr(row, "Niamey (here)"));
	assert_true(row[0] == '>');
	free(row);
	assert_screen(s, "No conflict between sites is open.");
	/* The help says how bundles are made. */
	term_key(s->t, TK_F1);
	assert_screen(s, "taimako sync export --to SITE FILE");
	assert_screen(s, "taimako sync push HOST");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Last received");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Welcome");
	term_type(s->t, "q");
	int status;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
}

/* The roles without the permissions do not get the entries, and their keys
 * open nothing; an administrator sees the status but not the conflicts. */
static void other_roles_do_not_get_the_entries(void **state)
{
	struct session *s = *state;
	sign_in(s, "intake");
	assert_screen(s, "Log out");
	assert_false(term_has_text(s->t, "Sites and exchanges"));
	assert_false(term_has_text(s->t, "Conflicts between sites"));
	term_type(s->t, "*");
	term_type(s->t, "!");
	term_settle(s->t, 200);
	assert_screen(s, "Welcome");
	assert_false(term_has_text(s->t, "Last received"));
	term_type(s->t, "d");
	session_login_as(s, "Password", "admin", "admin-demo");
	assert_screen(s, "Bienvenue");   /* the account's own language */
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
	assert_screen(s, "*  Sites and exchanges");
	assert_false(term_has_text(s->t, "Conflicts between sites"));
	term_type(s->t, "*");
	assert_screen(s, "Last received");
	/* Not named yet: the screen says how to start. */
	assert_screen(s, "This site does not exchange with other sites yet");
	term_type(s->t, "c");
	assert_screen(s, "Only a manager sees and decides the conflicts between sites.");
	term_type(s->t, "q");
	int status;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
}

/* Runs the command line on database db; its output in out. */
static int cli(struct session *s, const char *db, char *out, size_t size, const char *a1, const char *a2,
               const char *a3, const char *a4, const char *a5)
{
	return run_cli(s, NULL, out, size, "--db", db, a1, a2, a3, a4, a5, (char *)NULL);
}

/* The id of the site whose database is db (`sync id`: "ID NAME"). */
static void site_id(struct session *s, const char *db, char *id, size_t size)
{
	char out[512];
	assert_int_equal(cli(s, db, out, sizeof out, "sync", "id", NULL, NULL, NULL), 0);
	snprintf(id, size, "%.*s", (int)strcspn(out, " \n"), out);
	assert_true(strlen(id) > 0);
}

/* A person of database db whose name is unique and plain (found by name
 * at the other site): uuid, family and given names. */
static void pick_person(const char *db, char uuid[40], char family[64], char given[64])
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h,
	                                    "SELECT uuid, family_name, given_names FROM person p WHERE kind = 'migrant' "
	                                    "AND family_name NOT GLOB '*[^A-Za-z]*' AND given_names NOT GLOB "
	                                    "'*[^A-Za-z]*' AND (SELECT count(*) FROM person q WHERE q.family_name = "
	                                    "p.family_name AND q.given_names = p.given_names) = 1 ORDER BY id LIMIT 1",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(uuid, 40, "%s", (const char *)sqlite3_column_text(st, 0));
	snprintf(family, 64, "%s", (const char *)sqlite3_column_text(st, 1));
	snprintf(given, 64, "%s", (const char *)sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/* The person's phone in database db; or sets it (set not NULL) as an
 * edit the change log does not see: the owner's own change, unsent. */
static void phone_of(const char *db, const char *uuid, const char *set, char *out, size_t size)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, set ? "UPDATE person SET phone = ?2 WHERE uuid = ?1"
	                                           : "SELECT phone FROM person WHERE uuid = ?1",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	if (set)
		sqlite3_bind_text(st, 2, set, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (!set && out) {
		assert_int_equal(rc, SQLITE_ROW);
		snprintf(out, size, "%s", sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
	} else
		assert_int_equal(rc, SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/* The intake clerk of site b (its own demo account) gives the person a
 * new phone through the registration form: a change the log sends. */
static void clerk_sets_phone(const struct session *s, const char *db, const char *who, const char *phone)
{
	struct session other = *s;
	other.t = NULL;
	snprintf(other.db, sizeof other.db, "%s", db);
	session_start(&other, 24, 80, "xterm");
	session_login(&other, "intake", "intake-demo");
	assert_true(term_wait_text(other.t, "Bienvenue", WAIT_MS));
	term_key(other.t, TK_F9);
	assert_true(term_wait_text(other.t, "Welcome", WAIT_MS));
	char query[160];
	snprintf(query, sizeof query, "/%s", who);
	term_type(other.t, query);
	term_settle(other.t, 300);
	term_key(other.t, TK_ENTER);
	assert_true(term_wait_text(other.t, "History of changes", WAIT_MS));
	term_key(other.t, TK_F2);
	assert_true(term_wait_text(other.t, "Editing", WAIT_MS));
	for (int i = 0; i < 9; i++)
		term_key(other.t, TK_TAB);
	term_ctrl(other.t, 'u');
	term_type(other.t, phone);
	term_key(other.t, TK_F2);
	if (!term_wait_text(other.t, "Saved: ", WAIT_MS))
		term_dump(other.t, "the clerk's edit");
	assert_screen(&other, phone);
	term_free(&other.t);
}

static void the_owner_takes_the_other_sites_value(void **state)
{
	struct session *s = *state;
	char out[2048], b_db[300], a_id[40], b_id[40], bundle[400];
	/* Site A: the demo (its people); site B: the demo's accounts only. */
	snprintf(b_db, sizeof b_db, "%s/b.db", s->dir);
	assert_int_equal(cli(s, b_db, out, sizeof out, "demo", "--persons", "0", NULL, NULL), 0);
	assert_int_equal(cli(s, s->db, out, sizeof out, "sync", "init", "--name", "Niamey", NULL), 0);
	assert_int_equal(cli(s, b_db, out, sizeof out, "sync", "init", "--name", "Agadez", NULL), 0);
	site_id(s, s->db, a_id, sizeof a_id);
	site_id(s, b_db, b_id, sizeof b_id);
	/* A's people go to B. */
	snprintf(bundle, sizeof bundle, "%s/a1.bundle", s->dir);
	if (cli(s, s->db, out, sizeof out, "sync", "export", "--to", b_id, bundle) != 0)
		fail_msg("export: %s", out);
	if (cli(s, b_db, out, sizeof out, "sync", "import", bundle, NULL, NULL) != 0)
		fail_msg("import: %s", out);
	char uuid[40], family[64], given[64], who[140], phone[64];
	pick_person(s->db, uuid, family, given);
	snprintf(who, sizeof who, "%s %s", family, given);
	/* Apart, each site changes the phone: B's clerk, and A itself. */
	clerk_sets_phone(s, b_db, who, "+227 96 00 00 02");
	phone_of(s->db, uuid, "+227 96 00 00 01", NULL, 0);
	snprintf(bundle, sizeof bundle, "%s/b1.bundle", s->dir);
	if (cli(s, b_db, out, sizeof out, "sync", "export", "--to", a_id, bundle) != 0)
		fail_msg("export: %s", out);
	if (cli(s, s->db, out, sizeof out, "sync", "import", bundle, NULL, NULL) != 0)
		fail_msg("import: %s", out);
	phone_of(s->db, uuid, NULL, phone, sizeof phone);
	assert_string_equal(phone, "+227 96 00 00 01");   /* never overwritten silently */

	/* A's manager sees the site, then the conflict with both values. */
	sign_in(s, "manager");
	term_type(s->t, "*");
	assert_screen(s, "Niamey (here)");
	assert_screen(s, "Agadez");
	assert_screen(s, "1 conflict between sites is open: c shows it.");
	term_type(s->t, "c");
	assert_screen(s, "1 conflict open");
	assert_screen(s, "Phone");
	assert_screen(s, "+227 96 00 00 01");
	assert_screen(s, "+227 96 00 00 02");
	assert_screen(s, "Open: a manager of this site chooses.");
	assert_false(term_has_text(s->t, "phone"));   /* the label, never the column's name */
	/* Enter shows it whole: who changed it there. */
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Value at Agadez:");
	assert_screen(s, "Changed at Agadez by");
	term_key(s->t, TK_ESC);
	assert_screen(s, "1 conflict open");
	/* Take theirs, asked first: no keeps it open. */
	term_type(s->t, "t");
	assert_screen(s, "Take the value of Agadez for this detail?");
	term_type(s->t, "n");
	assert_screen_gone(s, "Take the value of Agadez for this detail?");
	phone_of(s->db, uuid, NULL, phone, sizeof phone);
	assert_string_equal(phone, "+227 96 00 00 01");
	term_type(s->t, "t");
	assert_screen(s, "Take the value of Agadez for this detail?");
	term_type(s->t, "y");
	assert_screen(s, "Decided: the other site's value is taken");
	assert_screen(s, "0 conflicts open");
	assert_screen(s, "No conflict is open.");
	phone_of(s->db, uuid, NULL, phone, sizeof phone);
	assert_string_equal(phone, "+227 96 00 00 02");
	/* The decided ones on demand, with who chose. */
	term_type(s->t, "a");
	assert_screen(s, "the decided ones shown too");
	assert_screen(s, "the other site's value was taken.");
	term_type(s->t, "q");
	int status;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(manager_sees_this_site_first, setup, teardown),
		cmocka_unit_test_setup_teardown(other_roles_do_not_get_the_entries, setup, teardown),
		cmocka_unit_test_setup_teardown(the_owner_takes_the_other_sites_value, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
