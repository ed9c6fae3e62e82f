/* End to end: the reports. A manager opens the Reports entry, picks the
 * intake table, types a year and sees its lines with the numbers the data
 * give; changes the breakdown; exports the table with F6 to a file that the
 * test reads. A wrong period is refused and nothing is computed; Esc
 * cancels a computation and nothing is shown; a role without reports does
 * not see the entry. `taimako report` from the shell: the list, an unknown
 * table, a wrong period, a table written to a file. */
#include <sqlite3.h>
#include <time.h>
#include "session.h"

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "400", (char *)NULL), 0);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

/* Replaces the text of the current field with text. */
static void retype(struct session *s, const char *text)
{
	term_ctrl(s->t, 'u');
	term_type(s->t, text);
}

/* Last year, as text: the demo's stays run up to today. */
static void last_year(char *out, size_t size)
{
	time_t then = time(NULL) - 365 * 86400;
	strftime(out, size, "%Y", gmtime(&then));
}

/* The people registered in year, straight from the database (the intake
 * table's first line counts each person registered in the period once). */
static long long registered(struct session *s, const char *year)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db,
	                                    "SELECT count(*) FROM person WHERE arrival_date >= ?1 || '-01-01' "
	                                    "AND arrival_date < (?1 + 1) || '-01-01'",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, year, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* The screen row holding label, or NULL (free it). */
static char *row_with(struct session *s, const char *label)
{
	for (int row = 0; row < 24; row++) {
		char *line = term_row(s->t, row);
		if (strstr(line, label))
			return line;
		free(line);
	}
	return NULL;
}

/* The last number on the row of label. */
static long long last_number(struct session *s, const char *label)
{
	char *line = row_with(s, label);
	if (!line) {
		term_dump(s->t, label);
		fail_msg("no row \"%s\"", label);
	}
	char *end = line + strlen(line);
	while (end > line && end[-1] == ' ')
		end--;
	char *start = end;
	while (start > line && start[-1] >= '0' && start[-1] <= '9')
		start--;
	long long n = start < end ? strtoll(start, NULL, 10) : -1;
	free(line);
	return n;
}

/* The manager's reports, in English (the test does not depend on translations). */
static void manager_reports(struct session *s)
{
	session_start(s, 24, 80, "xterm");
	session_login(s, "manager", "manager-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
	assert_screen(s, "=  Reports and exports");
	term_type(s->t, "=");
	assert_screen(s, "Tables of the reports");
	assert_screen(s, "Intake and stays");
}

static void manager_computes_and_exports_the_intake_table(void **state)
{
	struct session *s = *state;
	char year[8];
	last_year(year, sizeof year);
	long long want = registered(s, year);
	assert_true(want > 0);
	manager_reports(s);
	/* The first table is selected; its definition shows under the list. */
	assert_screen(s, "from the registrations and stays recorded");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Breakdown");
	retype(s, year);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "People registered");
	assert_screen(s, "Admissions");
	assert_screen(s, "Boys");   /* the table's own breakdown: boys, girls, men, women */
	assert_screen(s, "All centres");
	term_settle(s->t, 100);
	assert_int_equal(last_number(s, "People registered"), want);
	/* Another breakdown: the same counts at once, by sex. */
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	retype(s, "By sex");
	term_settle(s->t, 200);
	assert_screen(s, "Female");
	assert_false(term_has_text(s->t, "Boys"));
	assert_int_equal(last_number(s, "People registered"), want);
	/* By age group: more columns than fit beside the labels, in blocks that
	 * each end with the total. */
	for (int i = 0; i < 6; i++)
		term_key(s->t, TK_BACKSPACE);
	term_type(s->t, "By age group");
	assert_screen(s, "and the total");
	assert_screen(s, "60+");
	term_settle(s->t, 200);
	assert_int_equal(last_number(s, "People registered"), want);
	/* A wider terminal: every column beside the labels, in one block. */
	term_resize(s->t, 24, 120);
	assert_screen_gone(s, "and the total");
	assert_screen(s, "Unknown age");
	term_resize(s->t, 24, 80);
	assert_screen(s, "and the total");
	/* The definitions under the table, one line at a time down the page. */
	for (int i = 0; i < 10 && !term_has_text(s->t, "What the lines count"); i++) {
		term_key(s->t, TK_PGDN);
		term_settle(s->t, 50);
	}
	assert_screen(s, "What the lines count");

	/* F6: the export form, its default name in the home folder. */
	term_key(s->t, TK_F6);
	assert_screen(s, "Hide small counts");
	char path[400];
	snprintf(path, sizeof path, "%s/intake-%s.csv", s->dir, year);
	retype(s, path);
	term_key(s->t, TK_F2);
	assert_screen(s, "Table written:");
	FILE *f = fopen(path, "r");
	if (!f)
		term_dump(s->t, "no export");
	assert_non_null(f);
	char text[8192];
	size_t n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	assert_non_null(strstr(text, "People registered"));
	char total[32];
	snprintf(total, sizeof total, "%lld", want);
	assert_non_null(strstr(text, total));
	/* Nothing left beside it: written to a temporary file then renamed. */
	char cmd[600], listing[1024] = "";
	snprintf(cmd, sizeof cmd, "ls '%s' | grep -c 'intake-%s.csv'", s->dir, year);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	assert_non_null(fgets(listing, sizeof listing, p));
	pclose(p);
	assert_int_equal(atoi(listing), 1);
}

/* The protection table of last year: the screen shows the same children
 * as `taimako report`, and F6 writes it with its HXL hashtags. */
static void manager_exports_the_protection_table_in_hxl(void **state)
{
	struct session *s = *state;
	char year[8], out[8192];
	last_year(year, sizeof year);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "report", "protection", "--year", year,
	                         "--by", "total", "--format", "csv", (char *)NULL),
	                 0);
	/* ...,Line,Label,Counting,Total,Definition */
	const char *at = strstr(out, ",children,");
	assert_non_null(at);
	at += strlen(",children,");
	for (int comma = 0; comma < 2; comma++) {
		at = strchr(at, ',');
		assert_non_null(at);
		at++;
	}
	long long children = strtoll(at, NULL, 10);
	manager_reports(s);
	/* The first table's definition drawn before looking for another. */
	assert_screen(s, "from the registrations and stays recorded");
	for (int i = 0; i < 20 && !term_has_text(s->t, "Children assisted, victims of trafficking"); i++) {
		term_key(s->t, TK_DOWN);
		term_settle(s->t, 50);
	}
	assert_screen(s, "Children assisted, victims of trafficking");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Breakdown");
	retype(s, year);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Medical consultations");
	term_settle(s->t, 100);
	assert_int_equal(last_number(s, "Children assisted"), children);
	term_key(s->t, TK_F6);
	assert_screen(s, "Hide small counts");
	char path[400];
	snprintf(path, sizeof path, "%s/protection-%s.csv", s->dir, year);
	retype(s, path);
	term_key(s->t, TK_TAB);
	retype(s, "CSV with HXL hashtags");
	term_key(s->t, TK_F2);
	assert_screen(s, "Table written:");
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char text[16384];
	size_t n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	assert_non_null(strstr(text, "#reached"));
	assert_non_null(strstr(text, "#indicator+code"));
	assert_non_null(strstr(text, ",children,"));
}

static void a_wrong_period_computes_nothing(void **state)
{
	struct session *s = *state;
	manager_reports(s);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Breakdown");
	retype(s, "2018-13");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "This is not a period: nothing computed.");
	assert_false(term_has_text(s->t, "People registered"));
	/* F6 has nothing to export. */
	term_key(s->t, TK_F6);
	assert_screen(s, "Compute the table first");
}

/* Enter and Esc in one write: the Esc waits in the input when the first
 * line begins, and the progress callback reads it. */
static void esc_cancels_the_computation(void **state)
{
	struct session *s = *state;
	manager_reports(s);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Breakdown");
	term_type(s->t, "\r\033");
	assert_screen(s, "Cancelled: nothing shown.");
	assert_false(term_has_text(s->t, "People registered"));
	assert_screen(s, "Breakdown");   /* still on the table's form */
}

static void other_roles_have_no_reports(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "protection", "protection-demo");
	assert_screen(s, "Bienvenue");
	term_key(s->t, TK_F9);
	assert_screen(s, "Welcome");
	assert_false(term_has_text(s->t, "Reports and exports"));
	term_type(s->t, "=");
	term_settle(s->t, 200);
	assert_false(term_has_text(s->t, "Tables of the reports"));
	/* The figures of their own work stay on their menu. */
	assert_screen(s, "Reintegration figures");
}

static void report_from_the_shell(void **state)
{
	struct session *s = *state;
	char out[4096], year[8];
	last_year(year, sizeof year);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "report", "--list", (char *)NULL), 0);
	assert_non_null(strstr(out, "intake"));
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "report", "nosuch", "--year", year,
	                         (char *)NULL),
	                 2);
	assert_non_null(strstr(out, "nosuch"));
	assert_non_null(strstr(out, "intake"));   /* the names of the tables */
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "report", "intake", "--period", "2018-13",
	                         (char *)NULL),
	                 2);
	assert_non_null(strstr(out, "2018-13"));
	char path[400], total[32];
	snprintf(path, sizeof path, "%s/intake.csv", s->dir);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "report", "intake", "--year", year, "--by",
	                         "sex", "--format", "csv", "--output", path, (char *)NULL),
	                 0);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char text[8192];
	size_t n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	snprintf(total, sizeof total, "%lld", registered(s, year));
	assert_non_null(strstr(text, total));
	/* The computation is in the audit trail. */
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(s->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM audit WHERE action = 'report'", -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_true(sqlite3_column_int(st, 0) >= 1);
	sqlite3_finalize(st);
	sqlite3_close(db);
	/* No database: an error, not a wrong use. */
	char missing[400];
	snprintf(missing, sizeof missing, "%s/none.db", s->dir);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", missing, "report", "intake", "--year", year,
	                         (char *)NULL),
	                 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(manager_computes_and_exports_the_intake_table, setup, teardown),
		cmocka_unit_test_setup_teardown(manager_exports_the_protection_table_in_hxl, setup, teardown),
		cmocka_unit_test_setup_teardown(a_wrong_period_computes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(esc_cancels_the_computation, setup, teardown),
		cmocka_unit_test_setup_teardown(other_roles_have_no_reports, setup, teardown),
		cmocka_unit_test_setup_teardown(report_from_the_shell, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
