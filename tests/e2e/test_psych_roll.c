/* End to end: psychosocial sessions. Plan a session, take a roll of ten
 * people staying at the centre by typing parts of their names, see the
 * counts; a head-count activity; a cancelled session needs its reason.
 * The screens are switched to English (F9): the English texts are the
 * msgids, whatever the translation says. */
#include <sqlite3.h>
#include <time.h>
#include "session.h"

/* A demo of 200 people, 40 of those who left admitted again at AGZ
 * today (a fixture: the demo spreads its stays over years). */
static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "200", (char *)NULL), 0);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(s->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
	                              "INSERT INTO stay (person_id, centre_id, admitted) "
	                              "SELECT p.id, (SELECT id FROM centre WHERE code = 'AGZ'), date('now', 'localtime') "
	                              "FROM person p WHERE NOT EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id "
	                              "AND (s.departed IS NULL OR s.departed >= date('now', 'localtime'))) "
	                              "ORDER BY p.id LIMIT 40",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

/* Ten people staying at AGZ today whose "given family" is theirs alone
 * among those staying there (typed, it finds only them). */
struct people {
	int n;
	long long id[10];
	char typed[10][128];
	char elsewhere[20];          /* the case number of someone staying elsewhere */
	char elsewhere_shown[24];    /* as the lookup shows it (AGZ-26-00001-X) */
};

static void ten_staying(struct session *s, struct people *p)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	const char *sql =
		"WITH here AS (SELECT p.id, p.family_name f, p.given_names g FROM person p JOIN stay s ON s.person_id = p.id "
		"JOIN centre c ON c.id = s.centre_id WHERE c.code = 'AGZ' AND s.departed IS NULL) "
		"SELECT id, g || ' ' || f FROM here h WHERE g NOT GLOB '*[^A-Za-z]*' AND f NOT GLOB '*[^A-Za-z]*' "
		"AND (SELECT count(*) FROM here o WHERE o.g = h.g AND o.f = h.f) = 1 "
		"AND (SELECT count(*) FROM here o WHERE instr(lower(o.g || ' ' || o.f), lower(h.g)) > 0 "
		"AND instr(lower(o.g || ' ' || o.f), lower(h.f)) > 0) = 1 ORDER BY id LIMIT 10";
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	p->n = 0;
	while (sqlite3_step(st) == SQLITE_ROW && p->n < 10) {
		p->id[p->n] = sqlite3_column_int64(st, 0);
		snprintf(p->typed[p->n], sizeof p->typed[0], "%s", (const char *)sqlite3_column_text(st, 1));
		p->n++;
	}
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT case_key FROM person p WHERE NOT EXISTS (SELECT 1 FROM stay s "
	                                    "JOIN centre c ON c.id = s.centre_id WHERE s.person_id = p.id "
	                                    "AND c.code = 'AGZ' AND s.departed IS NULL) ORDER BY id LIMIT 1",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const char *k = (const char *)sqlite3_column_text(st, 0);
	snprintf(p->elsewhere, sizeof p->elsewhere, "%s", k);
	snprintf(p->elsewhere_shown, sizeof p->elsewhere_shown, "%.3s-%.2s-%.5s-%.1s", k, k + 3, k + 5, k + 10);
	sqlite3_finalize(st);
	sqlite3_close(db);
	assert_int_equal(p->n, 10);
}

static long long count_of(struct session *s, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* Signs in as the psychosocial worker and switches to English. */
static void sign_in(struct session *s)
{
	session_start(s, 24, 80, "xterm");
	session_login(s, "psychosocial", "psychosocial-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Sessions and activities");
}

/* Plans a session of the activity typed (its name's first letters) with
 * title; roll "count" for a head count. Back on the list after. */
static void plan(struct session *s, const char *activity, const char *title, bool count)
{
	term_type(s->t, "n");
	assert_screen(s, "New session at AGZ");
	term_type(s->t, activity);
	term_key(s->t, TK_TAB);
	term_type(s->t, title);
	term_key(s->t, TK_TAB);     /* date: today */
	term_key(s->t, TK_TAB);
	term_type(s->t, "0930\t10:30");
	if (count) {
		for (int i = 0; i < 5; i++)
			term_key(s->t, TK_TAB);
		term_type(s->t, "head");
	}
	term_key(s->t, TK_F2);
	assert_screen(s, title);
	assert_screen_gone(s, "New session at AGZ");
}

static void roll_of_ten_by_parts_of_names(void **state)
{
	struct session *s = *state;
	struct people p;
	ten_staying(s, &p);
	sign_in(s);
	term_type(s->t, "g");
	assert_screen(s, "Sessions and activities at AGZ");
	plan(s, "discu", "Groupe du matin", false);
	assert_screen(s, "Planned");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Listed ");
	for (int i = 0; i < p.n; i++) {
		/* Part of each name: the given name and the family name's first
		 * letters, in lower case. */
		char part[128];
		const char *space = strchr(p.typed[i], ' ');
		assert_non_null(space);
		snprintf(part, sizeof part, "%.*s %.4s", (int)(space - p.typed[i]), p.typed[i], space + 1);
		for (char *c = part; *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c - 'A' + 'a');
		term_type(s->t, part);
		term_settle(s->t, 50);
		term_key(s->t, TK_ENTER);
		char want[64];
		snprintf(want, sizeof want, "present %d ", i + 1);
		if (!term_wait_text(s->t, want, WAIT_MS))
			term_dump(s->t, part);
		assert_screen(s, want);
	}
	/* Someone staying elsewhere, added through the lookup by case number. */
	term_type(s->t, "+");
	term_settle(s->t, 100);
	term_type(s->t, p.elsewhere);
	assert_screen(s, p.elsewhere_shown);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "present 11 ");
	assert_screen(s, "Listed 42 ");
	/* Walking the list without a filter: F5 marks the first row absent. */
	term_key(s->t, TK_HOME);
	term_settle(s->t, 50);
	term_key(s->t, TK_F5);
	assert_screen(s, "absent 1 ");
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "the roll");
	/* Back on the list: ten present, the session held. */
	term_key(s->t, TK_ESC);
	assert_screen(s, "Held");
	assert_true(term_has_text(s->t, "Groupe du matin"));
	term_key(s->t, TK_F10);
	int status;
	term_wait_exit(s->t, WAIT_MS, &status);
	char sql[600];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM psych_attendance WHERE mark = 'present' AND session_id = "
	         "(SELECT id FROM psych_session WHERE title = 'Groupe du matin') AND person_id IN "
	         "(%lld, %lld, %lld, %lld, %lld, %lld, %lld, %lld, %lld, %lld)",
	         p.id[0], p.id[1], p.id[2], p.id[3], p.id[4], p.id[5], p.id[6], p.id[7], p.id[8], p.id[9]);
	assert_int_equal(count_of(s, sql), 10);
	assert_int_equal(count_of(s, "SELECT count(*) FROM psych_attendance a JOIN psych_session s "
	                             "ON s.id = a.session_id WHERE s.title = 'Groupe du matin'"), 12);
}

static void head_count_and_cancelled_needs_reason(void **state)
{
	struct session *s = *state;
	sign_in(s);
	term_type(s->t, "g");
	assert_screen(s, "Sessions and activities at AGZ");
	plan(s, "footb", "Tournoi", true);
	/* The newest first: Enter opens its head counts. */
	term_key(s->t, TK_HOME);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Boys");
	term_type(s->t, "12\t3\t10\t0");
	term_key(s->t, TK_F2);
	assert_screen(s, "Head counts saved.");
	assert_screen(s, "#25");
	assert_screen(s, "Held");
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "the list");
	/* Cancelling needs a reason. */
	plan(s, "yog", "Yoga du soir", false);
	term_key(s->t, TK_HOME);
	term_settle(s->t, 50);
	term_type(s->t, "c");
	assert_screen(s, "Reason if cancelled");
	term_key(s->t, TK_F2);
	assert_screen(s, "Say why the session is cancelled.");
	term_type(s->t, "Pluie");
	term_key(s->t, TK_F2);
	assert_screen_gone(s, "Reason if cancelled");
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "cancelled");
	assert_screen(s, "Cancelled");
	assert_screen(s, "Pluie");
	assert_int_equal(count_of(s, "SELECT count(*) FROM psych_session WHERE status = 'cancelled' "
	                             "AND cancel_reason = 'Pluie' AND title = 'Yoga du soir'"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(roll_of_ten_by_parts_of_names, setup, teardown),
		cmocka_unit_test_setup_teardown(head_count_and_cancelled_needs_reason, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
