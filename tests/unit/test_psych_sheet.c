/* The attendance sheet of a session: the CSV read back (heading, rows, a
 * name starting with '=' neutralised), the text sheet within 80 columns
 * with its signature line, the export audited, the roles refused. */
#include "core/text.h"
#include "db/psych_sheet.h"
#include "psych_report_fixture.h"

static long long known_session(struct fixture *f)
{
	long long a = add_person(f, "Traoré", "Aïssa", 'f', "2003-02-01", false, "NER");
	long long b = add_person(f, "=HYPERLINK(\"http://x\")", "Ali", 'm', "2012", true, "NGA");
	long long c = add_person(f, "Abdoulkarim Mahamadou Issoufou Boubacar", "Moussa Ibrahim Zakari", 'm', "", false, "");
	long long s = add_session(f, "AGZ", "football", "2026-03-14", "held", "names", NULL);
	add_mark(f, s, a, "present");
	add_mark(f, s, b, "left_early");
	add_mark(f, s, c, "absent");
	return s;
}

/* The whole file at path, NUL-terminated (the caller frees it). */
static char *read_all(const char *path)
{
	FILE *in = fopen(path, "rb");
	assert_non_null(in);
	char *buf = calloc(1, 65536);
	size_t n = fread(buf, 1, 65535, in);
	buf[n] = '\0';
	fclose(in);
	return buf;
}

static long exports(struct fixture *f, long long session)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db),
		"SELECT count(*) FROM audit WHERE action = 'export' AND entity = 'psych_session' AND entity_id = ?1 "
		"AND user_name = 'psychosocial'", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, session);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void csv_read_back(void **state)
{
	struct fixture *f = *state;
	long long s = known_session(f);
	char path[400];
	snprintf(path, sizeof path, "%s/sheet.csv", f->t.dir);
	FILE *out = fopen(path, "w");
	assert_int_equal(psych_sheet_export(f->db, s, "en", PSYCH_SHEET_CSV, out), ST_OK);
	fclose(out);
	char *csv = read_all(path);
	assert_true(text_valid_utf8(csv));
	assert_non_null(strstr(csv, "Attendance sheet\n"));
	assert_non_null(strstr(csv, "Centre,Agadez transit centre (AGZ)\n"));
	assert_non_null(strstr(csv, "Activity,Football\n"));
	assert_non_null(strstr(csv, "Facilitator,Amina Garba\n"));
	assert_non_null(strstr(csv, "Case number,Name,Sex,Age,Mark\n"));
	assert_non_null(strstr(csv, "TRAORÉ Aïssa,F,23,Present\n"));
	/* The formula is text: a leading quote, and quoted for its commas and quotes. */
	assert_non_null(strstr(csv, "\"'=HYPERLINK(\"\"HTTP://X\"\") Ali\",M,~14,Left early\n"));
	assert_null(strstr(csv, ",=HYPERLINK"));
	assert_non_null(strstr(csv, "ABDOULKARIM MAHAMADOU ISSOUFOU BOUBACAR Moussa Ibrahim Zakari,M,?,Absent\n"));
	free(csv);
	assert_int_equal(exports(f, s), 1);
}

static void text_sheet_fits_80_columns(void **state)
{
	struct fixture *f = *state;
	long long s = known_session(f);
	char path[400];
	snprintf(path, sizeof path, "%s/sheet.txt", f->t.dir);
	FILE *out = fopen(path, "w");
	assert_int_equal(psych_sheet_export(f->db, s, "en", PSYCH_SHEET_TEXT, out), ST_OK);
	fclose(out);
	char *txt = read_all(path);
	if (getenv("SHOW_SHEET"))
		printf("%s", txt);
	assert_non_null(strstr(txt, "ATTENDANCE SHEET"));
	assert_non_null(strstr(txt, "Facilitator's signature:"));
	assert_non_null(strstr(txt, "Moussa Ibrahim"));   /* a long name wraps, never cut */
	assert_non_null(strstr(txt, "Zakari"));
	for (char *line = txt, *end; *line; line = end + 1) {
		end = strchr(line, '\n');
		assert_non_null(end);
		*end = '\0';
		assert_true(text_width(line) <= 80);
	}
	free(txt);
	assert_int_equal(exports(f, s), 1);
	char name[200];
	assert_int_equal(psych_sheet_file_name(f->db, s, PSYCH_SHEET_CSV, name, sizeof name), ST_OK);
	assert_string_equal(name, "attendance-2026-03-14-football.csv");
	assert_int_equal(psych_sheet_file_name(f->db, s, PSYCH_SHEET_TEXT, name, sizeof name), ST_OK);
	assert_string_equal(name, "attendance-2026-03-14-football.txt");
}

static void sheet_refused_and_not_found(void **state)
{
	struct fixture *f = *state;
	long long s = known_session(f);
	char path[400];
	snprintf(path, sizeof path, "%s/sheet.csv", f->t.dir);
	FILE *out = fopen(path, "w");
	const enum role refused[] = { ROLE_DISTRIBUTION, ROLE_INTAKE, ROLE_MEDICAL, ROLE_ADMIN };
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		sign_in(f, refused[i]);
		assert_int_equal(psych_sheet_export(f->db, s, "en", PSYCH_SHEET_CSV, out), ST_DENIED);
	}
	sign_in(f, ROLE_PSYCHOSOCIAL);
	assert_int_equal(psych_sheet_export(f->db, s + 100, "en", PSYCH_SHEET_CSV, out), ST_NOT_FOUND);
	fclose(out);
	assert_int_equal(exports(f, s), 0);
	sign_in(f, ROLE_MANAGER);
	struct psych_sheet_head h;
	assert_int_equal(psych_sheet_read(f->db, s, "fr", &h, NULL, NULL), ST_OK);
	assert_string_equal(h.centre, "Centre de transit d'Agadez");
	assert_string_equal(h.partner, "ONG partenaire de mise en œuvre");
	assert_string_equal(h.status, "held");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(csv_read_back, setup, teardown),
		cmocka_unit_test_setup_teardown(text_sheet_fits_80_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(sheet_refused_and_not_found, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
