/* End to end: `taimako find` from the shell. A person of the demo data is
 * found by name, the CSV parses, wrong options are refused, a name holding
 * escape sequences comes out harmless, and every search is in the trail. */
#include <sqlite3.h>
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

/* Runs `taimako --db DB find ARGS...` in English with SSH_CLIENT unset;
 * standard output into out, standard error too when with_err. Returns
 * the exit status. */
static int find(struct session *s, bool with_err, char *out, size_t outsz, ...)
{
	char cmd[2048];
	int n = snprintf(cmd, sizeof cmd, "cd '%s' && env -u SSH_CLIENT LANG=C.UTF-8 LANGUAGE=en LC_ALL= %s '%s' "
	                 "--db '%s' find", s->dir, s->env_localedir, taimako_bin(), s->db);
	va_list ap;
	va_start(ap, outsz);
	for (const char *a; (a = va_arg(ap, const char *)) != NULL;) {
		/* Quoted for the shell: a name may hold an apostrophe (N'Diaye). */
		n += snprintf(cmd + n, sizeof cmd - (size_t)n, " '");
		for (; *a; a++)
			n += snprintf(cmd + n, sizeof cmd - (size_t)n, *a == '\'' ? "'\\''" : "%c", *a);
		n += snprintf(cmd + n, sizeof cmd - (size_t)n, "'");
	}
	va_end(ap);
	assert_true(n < (int)sizeof cmd - 16);
	snprintf(cmd + n, sizeof cmd - (size_t)n, "%s", with_err ? " 2>&1" : " 2>/dev/null");
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t got = fread(out, 1, outsz - 1, p);
	out[got] = '\0';
	int st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

/* A person of the demo data: case number as shown, family and given names. */
struct someone {
	long long id;
	char shown[24], family[128], given[128];
};

static void pick(struct session *s, struct someone *who)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT id, case_key, family_name, given_names FROM person "
	                                    "ORDER BY id LIMIT 1 OFFSET 7", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	who->id = sqlite3_column_int64(st, 0);
	const char *key = (const char *)sqlite3_column_text(st, 1);
	/* AGZ2600123K -> AGZ-26-00123-K */
	snprintf(who->shown, sizeof who->shown, "%.3s-%.2s-%.5s-%s", key, key + 3, key + 5, key + 10);
	snprintf(who->family, sizeof who->family, "%s", (const char *)sqlite3_column_text(st, 2));
	snprintf(who->given, sizeof who->given, "%s", (const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/* Splits one CSV line into fields (RFC 4180 quotes); returns their number. */
static int csv_fields(const char *line, char fields[][256], int max)
{
	int n = 0;
	const char *c = line;
	for (;;) {
		char *f = fields[n];
		size_t len = 0;
		if (*c == '"') {
			for (c++; *c && !(*c == '"' && c[1] != '"'); c++) {
				if (*c == '"')
					c++;
				if (len < 255)
					f[len++] = *c;
			}
			assert_int_equal(*c, '"');
			c++;
		} else {
			for (; *c && *c != ',' && *c != '\n'; c++)
				if (len < 255)
					f[len++] = *c;
		}
		f[len] = '\0';
		n++;
		if (*c != ',' || n == max)
			break;
		c++;
	}
	assert_true(*c == '\n' || *c == '\0');
	return n;
}

static void a_name_finds_the_person(void **state)
{
	struct session *s = *state;
	struct someone who;
	pick(s, &who);
	char query[300], out[16384];
	snprintf(query, sizeof query, "%s %s", who.given, who.family);
	assert_int_equal(find(s, true, out, sizeof out, query, (char *)NULL), 0);
	assert_non_null(strstr(out, "Case number"));
	assert_non_null(strstr(out, who.shown));
	assert_non_null(strstr(out, who.family));
	assert_non_null(strstr(out, " shown\n"));
	/* By its case number too, alone. */
	assert_int_equal(find(s, true, out, sizeof out, who.shown, (char *)NULL), 0);
	assert_non_null(strstr(out, who.shown));
	assert_non_null(strstr(out, "\n1 shown\n"));
	/* Its check character mistyped: nobody, and the number meant. */
	char wrong[24];
	snprintf(wrong, sizeof wrong, "%s", who.shown);
	size_t len = strlen(wrong);
	wrong[len - 1] = wrong[len - 1] == 'Q' ? 'R' : 'Q';
	assert_int_equal(find(s, true, out, sizeof out, wrong, (char *)NULL), 0);
	assert_non_null(strstr(out, "0 shown"));
	assert_non_null(strstr(out, "is not valid"));
	assert_non_null(strstr(out, who.shown));
	/* More than asked for says so. */
	assert_int_equal(find(s, true, out, sizeof out, "a", "--limit", "3", (char *)NULL), 0);
	assert_non_null(strstr(out, "\nmore than 3: refine the query\n"));
}

static void csv_output_parses(void **state)
{
	struct session *s = *state;
	struct someone who;
	pick(s, &who);
	char out[65536], fields[8][256];
	assert_int_equal(find(s, false, out, sizeof out, who.family, "--format", "csv", "--limit", "1000", (char *)NULL),
	                 0);
	char *line = out;
	char *nl = strchr(line, '\n');
	assert_non_null(nl);
	assert_int_equal(csv_fields(line, fields, 8), 7);
	assert_string_equal(fields[0], "case_number");
	assert_string_equal(fields[6], "flags");
	bool seen = false;
	int rows = 0;
	for (line = nl + 1; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		assert_non_null(nl);
		assert_int_equal(csv_fields(line, fields, 8), 7);
		rows++;
		if (strcmp(fields[0], who.shown) == 0) {
			seen = true;
			assert_non_null(strstr(fields[1], who.family));
			assert_non_null(strstr(fields[1], who.given));
		}
	}
	assert_true(seen);
	assert_true(rows >= 1);
}

static void wrong_options_are_refused(void **state)
{
	struct session *s = *state;
	char out[1024];
	assert_int_equal(find(s, true, out, sizeof out, "diallo", "--limit", "0", (char *)NULL), 2);
	assert_non_null(strstr(out, "--limit"));
	assert_int_equal(strchr(out, '\n') - out + 1, (long)strlen(out));   /* one line */
	assert_int_equal(find(s, true, out, sizeof out, "diallo", "--limit", "abc", (char *)NULL), 2);
	assert_non_null(strstr(out, "'abc'"));
	assert_int_equal(strchr(out, '\n') - out + 1, (long)strlen(out));
	assert_int_equal(find(s, true, out, sizeof out, "diallo", "--format", "xml", (char *)NULL), 2);
	assert_int_equal(find(s, true, out, sizeof out, (char *)NULL), 2);
	assert_int_equal(strchr(out, '\n') - out + 1, (long)strlen(out));
}

static void escape_sequences_in_names_come_out_harmless(void **state)
{
	struct session *s = *state;
	struct someone who;
	pick(s, &who);
	/* As a record merged from another site or an import might hold. */
	sqlite3 *h;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	char sql[300];
	snprintf(sql, sizeof sql, "UPDATE person SET family_name = 'Evil' || char(27) || '[2J' || char(27) || "
	         "']0;owned' || char(7) || char(8238) || 'x' WHERE id = %lld", who.id);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	char out[16384];
	const char *formats[] = { "text", "csv" };
	for (int i = 0; i < 2; i++) {
		assert_int_equal(find(s, true, out, sizeof out, who.shown, "--format", formats[i], (char *)NULL), 0);
		assert_non_null(strstr(out, "Evil?[2J?]0;owned??x"));
		assert_null(strchr(out, '\x1b'));
		assert_null(strchr(out, '\x07'));
		assert_null(strstr(out, "\xe2\x80\xae"));
	}
}

static void every_search_is_in_the_trail(void **state)
{
	struct session *s = *state;
	char out[65536];
	assert_int_equal(find(s, true, out, sizeof out, "zzqx", "unlikely", (char *)NULL), 0);
	assert_non_null(strstr(out, "0 shown\n"));
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "audit", "--since", "2020-01-01",
	                         (char *)NULL), 0);
	char *row = strstr(out, ",search,person,");
	assert_non_null(row);
	assert_non_null(strstr(row, "\"{\"\"query\"\": \"\"zzqx unlikely\"\", \"\"shown\"\": 0, \"\"more\"\": 0}\""));
	/* By the shell's account, from the command line. */
	char *start = row;
	while (start > out && start[-1] != '\n')
		start--;
	assert_non_null(strstr(start, ",unix:"));
	assert_true(strstr(start, ",cli,") && strstr(start, ",cli,") < row);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_name_finds_the_person, setup, teardown),
		cmocka_unit_test_setup_teardown(csv_output_parses, setup, teardown),
		cmocka_unit_test_setup_teardown(wrong_options_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(escape_sequences_in_names_come_out_harmless, setup, teardown),
		cmocka_unit_test_setup_teardown(every_search_is_in_the_trail, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
