/* End to end: a reintegration case and its plan. The reintegration
 * officer finds a person of the demo who left on assisted return, opens
 * their case from the case file with the proposed defaults, drafts a plan
 * (submitting it empty is refused with a clear message), adds a small
 * business with its business plan and school fees, and submits it; the
 * manager approves it from the plans waiting for approval, and the
 * approved amount is the items' total. Screens are read in English: the
 * module's texts do not change with the catalogue. */
#include <sqlite3.h>
#include "session.h"

/* Amounts are grouped with no-break spaces. */
#define NB "\xc2\xa0"

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "80", (char *)NULL), 0);
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

/* A migrant of the demo whose last stay ended on assisted return, without
 * a reintegration case: case number as typed and as shown. */
static void returnee(struct session *s, char *typed, size_t tsize, char *shown, size_t ssize)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT p.case_key FROM person p JOIN stay t ON t.person_id = p.id AND t.departure_reason = 'avr' "
		"WHERE p.kind = 'migrant' AND p.nationality IS NOT NULL "
		"AND NOT EXISTS (SELECT 1 FROM stay u WHERE u.person_id = p.id AND u.admitted > t.admitted) "
		"AND NOT EXISTS (SELECT 1 FROM reint_case c WHERE c.person_id = p.id) ORDER BY p.id LIMIT 1",
		-1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const char *k = (const char *)sqlite3_column_text(st, 0);
	snprintf(typed, tsize, "%s", k);
	snprintf(shown, ssize, "%.3s-%.2s-%.5s-%.1s", k, k + 3, k + 5, k + 10);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* On the case screen: a adds an item of category (typed), description and value. */
static void add_item(struct session *s, const char *category, const char *description, const char *value)
{
	term_type(s->t, "a");
	assert_screen(s, "New item of the plan (amounts in XOF)");
	term_type(s->t, category);
	term_key(s->t, TK_TAB);   /* provided: directly */
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);   /* referred to: nobody */
	term_type(s->t, description);
	term_key(s->t, TK_TAB);
	term_type(s->t, value);
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
}

static void open_a_case_draft_submit_and_approve_a_plan(void **state)
{
	struct session *s = *state;
	char typed[20], shown[24];
	returnee(s, typed, sizeof typed, shown, sizeof shown);
	session_start(s, 24, 80, "xterm");
	session_login(s, "reintegration", "reintegration-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Reintegration cases");
	/* The person's case file: no case yet, one is offered. */
	term_type(s->t, "/");
	term_settle(s->t, 100);
	term_type(s->t, typed);
	assert_screen(s, shown);
	term_settle(s->t, 50);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Reintegration");
	term_type(s->t, "g");
	assert_screen(s, "This person has no reintegration case. Open one?");
	term_type(s->t, "y");
	assert_screen(s, "New reintegration case (proposed from the last stay)");
	assert_screen(s, "Assisted voluntary return");
	/* Back to Mali: the regions offered are Mali's. */
	term_ctrl(s->t, 'u');
	term_type(s->t, "Mali");
	term_key(s->t, TK_TAB);
	term_type(s->t, "kay");
	assert_screen(s, "Kayes");
	term_key(s->t, TK_F2);
	assert_screen(s, "Reintegration case opened.");
	assert_screen(s, "No plan yet: n drafts the individual plan.");
	assert_screen(s, "assisted return");
	/* A plan in XOF; submitting it empty is refused. */
	term_type(s->t, "n");
	assert_screen(s, "Currency (ISO code)");
	term_key(s->t, TK_F2);
	assert_screen(s, "Plan drafted: a adds its items.");
	assert_screen(s, "Plan: Draft");
	term_type(s->t, "s");
	assert_screen(s, "A plan needs at least one item before it is submitted.");
	/* A small business, then its business plan; school fees. */
	add_item(s, "small", "Grocery shop", "300000");
	assert_screen(s, "Item added: b gives its business plan.");
	assert_screen(s, "300" NB "000" NB "XOF");
	term_type(s->t, "s");
	assert_screen(s, "A small business item needs its business plan (b)");
	term_type(s->t, "b");
	assert_screen(s, "Business plan of the small business (amounts in XOF)");
	term_type(s->t, "Grocery shop in the market");
	term_key(s->t, TK_TAB);
	term_type(s->t, "trade");
	term_key(s->t, TK_TAB);
	term_type(s->t, "Kayes");
	term_key(s->t, TK_TAB);
	term_type(s->t, "250000");
	term_key(s->t, TK_TAB);
	term_type(s->t, "40000");
	term_settle(s->t, 50);
	term_key(s->t, TK_F2);
	assert_screen(s, "Business plan saved.");
	assert_screen(s, "Business plan: Grocery shop in the market (trade)");
	add_item(s, "school", "Fees of two children", "75000");
	assert_screen(s, "Item added.");
	assert_screen(s, "planned 375" NB "000" NB "XOF");
	term_type(s->t, "s");
	assert_screen(s, "Plan submitted for approval.");
	assert_screen(s, "Plan: Submitted for approval");
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "the case");
	/* The case file's line says so. */
	term_key(s->t, TK_ESC);
	assert_screen(s, "Reintegration: Mali, Kayes · plan submitted");
	/* The officer's cases list has it. */
	term_key(s->t, TK_ESC);
	assert_screen(s, "Found: 1");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Reintegration cases");
	term_type(s->t, "s");
	assert_screen(s, "My reintegration cases, latest return first");
	assert_screen(s, shown);
	assert_screen(s, "submitted");
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "my cases");
	term_key(s->t, TK_F10);
	int status;
	term_wait_exit(s->t, WAIT_MS, &status);
	term_free(&s->t);

	/* The manager approves it. */
	session_start(s, 24, 80, "xterm");
	session_login(s, "manager", "manager-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Plans waiting for approval");
	term_type(s->t, "j");
	assert_screen(s, "Plans waiting for approval, first submitted first");
	assert_screen(s, "375" NB "000" NB "XOF");
	assert_screen(s, "2 items, total 375" NB "000" NB "XOF");
	if (getenv("SHOW_SCREENS"))
		term_dump(s->t, "waiting for approval");
	term_type(s->t, "a");
	assert_screen(s, "Approve the plan of");
	term_type(s->t, "y");
	assert_screen(s, "Plan approved.");
	assert_screen(s, "No plan is waiting for approval.");
	term_key(s->t, TK_F10);
	term_wait_exit(s->t, WAIT_MS, &status);
	/* The demo has cases of its own: read this person's. */
	char sql[512];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM reint_plan p JOIN reint_case c ON c.id = p.case_id JOIN person x ON x.id = c.person_id "
	         "JOIN app_user u ON u.id = p.approved_by WHERE x.case_key = '%s' AND p.status = 'approved' "
	         "AND p.approved_amount = 375000 AND u.name = 'manager'", typed);
	assert_int_equal(count_of(s, sql), 1);
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM reint_case c JOIN person x ON x.id = c.person_id WHERE x.case_key = '%s' "
	         "AND c.return_kind = 'avr' AND c.status = 'open'", typed);
	assert_int_equal(count_of(s, sql), 1);
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM audit a JOIN reint_plan p ON p.id = a.entity_id JOIN reint_case c ON c.id = p.case_id "
	         "JOIN person x ON x.id = c.person_id WHERE x.case_key = '%s' AND a.entity = 'reint_plan' "
	         "AND a.action = 'approve' AND a.user_name = 'manager'", typed);
	assert_int_equal(count_of(s, sql), 1);
}

/* The regions of return are of a country: the administrator's form offers
 * the countries, the list shows their names. */
static void a_region_of_a_country(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "admin", "admin-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
	term_type(s->t, "9");
	assert_screen(s, "Regions of return");
	/* The last list but one: the protection module's list comes after. */
	term_key(s->t, TK_END);
	term_key(s->t, TK_UP);
	term_settle(s->t, 50);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Dakar");
	assert_screen(s, "Senegal");
	term_type(s->t, "a");
	assert_screen(s, "new item");
	term_type(s->t, "Tillabéri Nord\tNorth Tillaberi\tNiger");
	term_settle(s->t, 50);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Saved.");
	term_key(s->t, TK_F10);
	int status;
	term_wait_exit(s->t, WAIT_MS, &status);
	assert_int_equal(count_of(s, "SELECT count(*) FROM ref_item WHERE list = 'reint_region' "
	                             "AND name_en = 'North Tillaberi' AND kind = 'NER'"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(open_a_case_draft_submit_and_approve_a_plan, setup, teardown),
		cmocka_unit_test_setup_teardown(a_region_of_a_country, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
