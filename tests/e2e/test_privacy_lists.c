/* End to end: privacy mode hides names on every list but the selected row:
 * the lookup, the follow-up list, the medical day register, the staff
 * accounts, the audit trail and the possible duplicates. One table of
 * lists, each opened by its role with privacy on. */
#include <sqlite3.h>
#include <time.h>
#include "session.h"

#define MAX_NAMES 128

struct names {
	int n;
	char name[MAX_NAMES][128];
};

static struct names people, staff;

/* Runs sql on the session's database; fails the test on error. */
static void exec_sql(struct session *s, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	char *err = NULL;
	int rc = sqlite3_exec(h, sql, NULL, NULL, &err);
	if (rc != SQLITE_OK)
		fprintf(stderr, "%s\n", err ? err : "");
	sqlite3_free(err);
	sqlite3_close(h);
	assert_int_equal(rc, SQLITE_OK);
}

/* The texts of the one column sql selects. */
static void read_names(struct session *s, const char *sql, struct names *out)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	out->n = 0;
	while (sqlite3_step(st) == SQLITE_ROW && out->n < MAX_NAMES)
		snprintf(out->name[out->n++], sizeof out->name[0], "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(h);
}

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "20", (char *)NULL), 0);
	/* Three consultations today at the medical account's centre, each
	 * with a follow-up in three days: the register and the follow-up list
	 * have rows (only people staying in a centre are followed up). */
	exec_sql(s, "INSERT INTO stay (person_id, centre_id, admitted) SELECT id, "
	            "(SELECT id FROM centre WHERE code = 'AGZ'), date('now', 'localtime', '-1 day') "
	            "FROM person WHERE id <= 3");
	exec_sql(s, "INSERT INTO consultation (person_id, date, centre_id, clinician_id, reason, next_followup, "
	            "created_at) SELECT p.id, date('now', 'localtime'), (SELECT id FROM centre WHERE code = 'AGZ'), "
	            "(SELECT id FROM app_user WHERE name = 'medical'), 'malaria', "
	            "date('now', 'localtime', '+3 days'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
	            "FROM person p WHERE EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id "
	            "AND s.departed IS NULL) LIMIT 3");
	read_names(s, "SELECT given_names FROM person UNION SELECT family_name FROM person "
	              "UNION SELECT upper(family_name) FROM person", &people);
	read_names(s, "SELECT display_name FROM app_user", &staff);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

/* One list: who opens it, the keys from the home menu, the text that says
 * its rows are there, and the names it must hide. */
struct list_case {
	const char *account;
	const char *keys;
	const char *shown;
	const struct names *names;
	const char *then;    /* keys typed once shown ("" none) */
	const char *rows;    /* text once those are typed */
};

static const struct list_case lists[] = {
	{ "intake", "/a", "AGZ-", &people, "", NULL },
	{ "medical", "u", "Échéance", &people, "", NULL },
	{ "medical", "7", "Registre du jour", &people, "\n", "Paludisme" },
	{ "admin", "5", "reintegration", &staff, "", NULL },
	{ "admin", "6", "Toute l'activité", &people, "", NULL },
};

/* Fails when a name of names is on a row of the list's body that is not
 * the selected one (marked '>'), or when nothing is masked. */
static void assert_masked(struct session *s, const struct names *names, const char *what)
{
	assert_true(term_wait_text(s->t, "*****", WAIT_MS));
	for (int r = 2; r < 22; r++) {
		char *row = term_row(s->t, r);
		if (row[0] != '>') {
			for (int i = 0; i < names->n; i++) {
				if (names->name[i][0] && strstr(row, names->name[i])) {
					term_dump(s->t, what);
					fail_msg("%s: \"%s\" shown in privacy mode on row %d", what, names->name[i], r);
				}
			}
		}
		free(row);
	}
}

static void every_list_hides_names(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		const struct list_case *c = &lists[i];
		char password[64];
		snprintf(password, sizeof password, "%s-demo", c->account);
		session_login(s, c->account, password);
		assert_screen(s, "Bienvenue");
		term_ctrl(s->t, 'p');
		assert_screen(s, "[P]");
		term_type(s->t, c->keys);
		assert_screen(s, c->shown);
		if (c->then[0]) {
			term_type(s->t, c->then);
			assert_screen(s, c->rows);
		}
		assert_masked(s, c->names, c->keys);
		/* Privacy off again, then back to sign in as the next one. */
		term_ctrl(s->t, 'p');
		assert_screen_gone(s, "[P]");
		term_key(s->t, TK_ESC);
		assert_screen(s, "Bienvenue");
		term_type(s->t, "d");
	}
}

/* Fills the registration form with a man of 1990 and saves it. */
static void register_form(struct session *s, const char *family, const char *given)
{
	term_type(s->t, "n");
	assert_screen(s, "Nouvel enregistrement");
	term_type(s->t, family);
	term_key(s->t, TK_TAB);
	term_type(s->t, given);
	term_type(s->t, "\t\tm\t1990");
	for (int i = 0; i < 12; i++)
		term_key(s->t, TK_TAB);
	term_type(s->t, "sauv\to\to");
	term_key(s->t, TK_F2);
}

/* The possible duplicates of a new registration. */
static void duplicates_hide_names(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Bienvenue");
	term_ctrl(s->t, 'p');
	assert_screen(s, "[P]");
	/* Two people named like the new one: one is selected, the other must
	 * be hidden. */
	register_form(s, "Diallo", "Issa");
	assert_screen(s, "Doublons possibles");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré sous le numéro de dossier");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue");
	register_form(s, "Diallo", "Isa");
	assert_screen(s, "Doublons possibles");
	assert_true(term_wait_text(s->t, "*****", WAIT_MS));
	/* Rows from the fourth: the first two are the question. */
	int shown = 0;
	for (int r = 3; r < 22; r++) {
		char *row = term_row(s->t, r);
		shown += strstr(row, "Diallo") != NULL;
		free(row);
	}
	if (shown != 1)
		term_dump(s->t, "duplicates");
	assert_int_equal(shown, 1);   /* the selected row's only */
}

/* The family members listed on a case file. */
static void family_on_the_case_file_hides_names(void **state)
{
	struct session *s = *state;
	exec_sql(s, "INSERT INTO family_link (person_id, relative_id, relation) VALUES (1, 2, 'child'), (1, 3, 'spouse')");
	read_names(s, "SELECT given_names FROM person WHERE id IN (2, 3)", &people);
	char key[128];
	struct names one;
	read_names(s, "SELECT case_key FROM person WHERE id = 1", &one);
	snprintf(key, sizeof key, "%s", one.name[0]);
	session_start(s, 24, 80, "xterm");
	session_login(s, "protection", "protection-demo");
	assert_screen(s, "Bienvenue");
	term_ctrl(s->t, 'p');
	assert_screen(s, "[P]");
	term_type(s->t, "/");
	term_type(s->t, key);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Historique des modifications");
	assert_screen(s, "*****");
	for (int i = 0; i < people.n; i++) {
		if (term_has_text(s->t, people.name[i]))
			term_dump(s->t, people.name[i]);
		assert_false(term_has_text(s->t, people.name[i]));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_list_hides_names, setup, teardown),
		cmocka_unit_test_setup_teardown(duplicates_hide_names, setup, teardown),
		cmocka_unit_test_setup_teardown(family_on_the_case_file_hides_names, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
