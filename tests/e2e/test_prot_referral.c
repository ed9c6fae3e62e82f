/* End to end: a referral out of a protection case. The protection officer
 * opens the case file of a person with a protection case (prepared in the
 * database before the program starts), its case screen with p, the
 * referrals with f, drafts a referral to UNHCR without the person's
 * consent to share: sending it is refused with the message and nothing
 * changes; with consent recorded on the referral, it is sent.
 *
 * The path goes through the case screen's f key, which the protection
 * cases' screen provides: while the case file's p still shows the
 * placeholder ("Not available yet."), the test says so and is skipped. */
#include <sqlite3.h>
#include <stdio.h>
#include <time.h>
#include "session.h"

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "60", (char *)NULL), 0);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
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

/* A migrant of the demo given an open protection case with no referral
 * and no consent recorded: case number as typed and as shown. */
static void prepared_case(struct session *s, char *typed, size_t tsize, char *shown, size_t ssize)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(s->db, &db), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT p.id, p.case_key FROM person p WHERE p.kind = 'migrant' "
		"AND NOT EXISTS (SELECT 1 FROM prot_case c WHERE c.person_id = p.id) ORDER BY p.id LIMIT 1",
		-1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long person = sqlite3_column_int64(st, 0);
	const char *k = (const char *)sqlite3_column_text(st, 1);
	snprintf(typed, tsize, "%s", k);
	snprintf(shown, ssize, "%.3s-%.2s-%.5s-%.1s", k, k + 3, k + 5, k + 10);
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(db,
		"INSERT INTO prot_case (person_id, centre_id, opened, risk, status) "
		"VALUES (?1, (SELECT id FROM centre ORDER BY id LIMIT 1), date('now', '-10 days'), 'high', 'open')",
		-1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, person);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void referral_refused_without_consent_then_sent(void **state)
{
	struct session *s = *state;
	char typed[20], shown[24], sql[512];
	prepared_case(s, typed, sizeof typed, shown, sizeof shown);
	session_start(s, 24, 80, "xterm");
	session_login(s, "protection", "protection-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	term_type(s->t, "/");
	term_settle(s->t, 100);
	term_type(s->t, typed);
	assert_screen(s, shown);
	term_settle(s->t, 50);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Protection: high risk");   /* what a protection reader sees */
	term_type(s->t, "p");
	term_settle(s->t, 300);
	if (term_has_text(s->t, "Not available yet.")) {
		fprintf(stderr, "test_prot_referral: the protection case screen is not there yet (its f key opens the "
		                "referrals): skipped\n");
		term_key(s->t, TK_F10);
		int st;
		term_wait_exit(s->t, WAIT_MS, &st);
		skip();
	}
	term_type(s->t, "f");
	assert_screen(s, "Referrals of this case, out and in, newest first");
	assert_screen(s, "No referral yet");
	/* A draft to UNHCR, no consent. */
	term_type(s->t, "n");
	assert_screen(s, "A new referral of this case");
	term_ctrl(s->t, 'u');
	term_type(s->t, "UNHCR");
	term_key(s->t, TK_TAB);
	term_type(s->t, "UNHCR Niamey");
	term_key(s->t, TK_TAB);
	term_type(s->t, "Asks for asylum");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Referral drafted: send it from the list (s).");
	assert_screen(s, "UNHCR Niamey");
	term_type(s->t, "s");
	assert_screen(s, "Send this referral to UNHCR Niamey today?");
	term_type(s->t, "y");
	assert_screen(s, "Not sent: the person has not consented to share their information.");
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "refused");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM prot_referral r JOIN prot_case c ON c.id = r.case_id "
	                          "JOIN person p ON p.id = c.person_id WHERE p.case_key = '%s' AND r.status = 'draft' "
	                          "AND r.sent_date IS NULL AND r.version = 1", typed);
	assert_int_equal(count_of(s, sql), 1);
	/* Consent recorded on the referral: sent. */
	term_key(s->t, TK_ENTER);
	assert_screen(s, "A referral of this case");
	for (int i = 0; i < 4; i++)
		term_key(s->t, TK_TAB);
	term_type(s->t, "y");
	term_key(s->t, TK_TAB);
	term_settle(s->t, 50);
	char today[16];
	time_t now = time(NULL);
	strftime(today, sizeof today, "%d/%m/%Y", gmtime(&now));
	term_type(s->t, today);
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Changes saved.");
	term_type(s->t, "s");
	assert_screen(s, "Send this referral to UNHCR Niamey today?");
	term_type(s->t, "y");
	assert_screen(s, "Referral sent.");
	term_key(s->t, TK_F10);
	int status;
	term_wait_exit(s->t, WAIT_MS, &status);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM prot_referral r JOIN prot_case c ON c.id = r.case_id "
	                          "JOIN person p ON p.id = c.person_id WHERE p.case_key = '%s' AND r.status = 'sent' "
	                          "AND r.consent = 1 AND r.destination = 'unhcr'", typed);
	assert_int_equal(count_of(s, sql), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(referral_refused_without_consent_then_sent, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
