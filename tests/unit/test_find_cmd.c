/* `taimako find`: a result as the lookup screen shows it, sanitised; text
 * columns aligned by display width; CSV; the options refused; the search
 * found through the data layer and recorded in the audit trail. */
#include <fcntl.h>
#include <time.h>
#include "testutil.h"
#include "cli/find_cmd.h"
#include "core/clock.h"
#include "core/role.h"
#include "core/text.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/login.h"
#include "db/person.h"
#include "db/user.h"

/* 2026-11-30 12:00 UTC. */
#define TODAY ((time_t)1796040000)

static int set_clock(void **state)
{
	(void)state;
	clock_set(TODAY);
	return 0;
}

/* A hit as the data layer gives it. */
static struct person_hit hit(const char *key, const char *name, char sex, const char *birth, bool estimated,
                             const char *flags)
{
	struct person_hit h;
	memset(&h, 0, sizeof h);
	h.id = 1;
	snprintf(h.case_key, sizeof h.case_key, "%s", key);
	snprintf(h.name, sizeof h.name, "%s", name);
	h.sex = sex;
	snprintf(h.birth_date, sizeof h.birth_date, "%s", birth);
	h.birth_estimated = estimated;
	snprintf(h.nationality, sizeof h.nationality, "NER");
	snprintf(h.centre_code, sizeof h.centre_code, "AGZ");
	snprintf(h.flags, sizeof h.flags, "%s", flags);
	return h;
}

static void a_line_reads_as_on_the_screen(void **state)
{
	(void)state;
	struct find_line l;
	struct person_hit h = hit("AGZ26000127", "Diallo Mohamed", 'm', "1990-05-01", false, "");
	find_line_of(&h, &l);
	assert_string_equal(l.case_number, "AGZ-26-00012-7");
	assert_string_equal(l.name, "Diallo Mohamed");
	assert_string_equal(l.sex, "M");
	assert_string_equal(l.age, "36");
	assert_string_equal(l.nationality, "NER");
	assert_string_equal(l.centre, "AGZ");
	assert_string_equal(l.marks, "");

	h = hit("AGZ26000119", "Bah Aïssatou", 'f', "2014", true, "UAC");   /* age 12 estimated in 2026 */
	find_line_of(&h, &l);
	assert_string_equal(l.sex, "F");
	assert_string_equal(l.age, "~12");
	assert_string_equal(l.marks, "CHILD UAC");

	/* A year alone is an estimate too; no birth date is "?". */
	h = hit("AGZ2600010B", "Sow Awa", 'x', "", false, "VoT");
	find_line_of(&h, &l);
	assert_string_equal(l.sex, "?");
	assert_string_equal(l.age, "?");
	assert_string_equal(l.marks, "VoT");
}

static void names_from_the_database_reach_no_terminal_as_controls(void **state)
{
	(void)state;
	struct find_line l;
	/* Clear the screen, set the window title, ring, reverse the text. */
	struct person_hit h = hit("AGZ26000127", "Evil\x1b[2J\x1b]0;owned\x07 \xe2\x80\xae" "abc\r\nX", 'm', "", false,
	                          "");
	snprintf(h.centre_code, sizeof h.centre_code, "\x1b[1m");
	find_line_of(&h, &l);
	assert_null(strchr(l.name, '\x1b'));
	assert_null(strchr(l.name, '\x07'));
	assert_null(strchr(l.name, '\n'));
	assert_null(strstr(l.name, "\xe2\x80\xae"));
	assert_string_equal(l.name, "Evil?[2J?]0;owned? ?abc  X");
	assert_string_equal(l.centre, "?[1m");
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	find_print_text(out, &l, 1, false, 20);
	find_print_csv(out, &l, 1);
	fclose(out);
	for (size_t i = 0; i < len; i++)
		assert_true(buf[i] == '\n' || ((unsigned char)buf[i] >= 0x20 && buf[i] != 0x7f));
	free(buf);
}

static void text_columns_align_by_display_width(void **state)
{
	(void)state;
	struct find_line l[3];
	struct person_hit h = hit("AGZ26000127", "Diallo Mohamed", 'm', "1990-05-01", false, "");
	find_line_of(&h, &l[0]);
	h = hit("AGZ26000119", "Bâ Aïssatou Éléonore", 'f', "2014", true, "UAC");
	find_line_of(&h, &l[1]);
	h = hit("AGZ2600010B", "Sow Awa", 'f', "1980", false, "");   /* a known year: 1 July */
	find_line_of(&h, &l[2]);
	snprintf(l[2].nationality, sizeof l[2].nationality, "%s", "");
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	find_print_text(out, l, 3, false, 20);
	fclose(out);
	assert_string_equal(buf,
	                    "Case number     Name                  Sex  Age  Nat.  Ctr\n"
	                    "AGZ-26-00012-7  Diallo Mohamed        M    36   NER   AGZ\n"
	                    "AGZ-26-00011-9  Bâ Aïssatou Éléonore  F    ~12  NER   AGZ  CHILD UAC\n"
	                    "AGZ-26-00010-B  Sow Awa               F    ~46        AGZ\n"
	                    "3 shown\n");
	free(buf);

	/* More than asked for: say so instead of a count; nothing found: no header. */
	buf = NULL;
	out = open_memstream(&buf, &len);
	find_print_text(out, l, 2, true, 2);
	find_print_text(out, l, 0, false, 20);
	fclose(out);
	assert_non_null(strstr(buf, "CHILD UAC\nmore than 2: refine the query\n0 shown\n"));
	free(buf);
}

static void csv_has_a_header_and_safe_fields(void **state)
{
	(void)state;
	struct find_line l[2];
	struct person_hit h = hit("AGZ26000127", "Diallo, Mohamed \"Hama\"", 'm', "1990-05-01", false, "");
	find_line_of(&h, &l[0]);
	h = hit("AGZ26000119", "=HYPERLINK(\"x\")", 'f', "2014", true, "UAC VoT");
	find_line_of(&h, &l[1]);
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	find_print_csv(out, l, 2);
	fclose(out);
	assert_string_equal(buf,
	                    "case_number,name,sex,age,nationality,centre,flags\n"
	                    "AGZ-26-00012-7,\"Diallo, Mohamed \"\"Hama\"\"\",M,36,NER,AGZ,\n"
	                    "AGZ-26-00011-9,\"'=HYPERLINK(\"\"x\"\")\",F,~12,NER,AGZ,CHILD UAC VoT\n");
	free(buf);
}

/* Runs cmd_find with args (NULL-terminated) on path, its standard output
 * into out; returns its exit code. */
static int run_find(const char *path, char *out, size_t size, ...)
{
	char *argv[16] = { "find" };
	int argc = 1;
	va_list ap;
	va_start(ap, size);
	for (char *a; argc < 15 && (a = va_arg(ap, char *)) != NULL;)
		argv[argc++] = a;
	va_end(ap);
	char file[] = "/tmp/taimako-find-XXXXXX";
	int fd = mkstemp(file);
	assert_true(fd >= 0);
	fflush(stdout);
	int saved = dup(STDOUT_FILENO), saved_err = dup(STDERR_FILENO);
	dup2(fd, STDOUT_FILENO);
	int null = open("/dev/null", O_WRONLY);
	dup2(null, STDERR_FILENO);
	int rc = cmd_find(path, argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(saved, STDOUT_FILENO);
	dup2(saved_err, STDERR_FILENO);
	close(saved);
	close(saved_err);
	close(null);
	ssize_t n = pread(fd, out, size - 1, 0);
	out[n > 0 ? n : 0] = '\0';
	close(fd);
	unlink(file);
	return rc;
}

/* The search rows of the trail, newest first. */
struct searches {
	int n;
	struct audit_row rows[8];
};

static void keep_search(const struct audit_row *r, void *ctx)
{
	struct searches *s = ctx;
	if (s->n < 8)
		s->rows[s->n++] = *r;
}

static void finds_through_the_data_layer_and_leaves_a_trace(void **state)
{
	(void)state;
	struct tmpdir t = { { 0 }, { 0 } };
	tmpdir_make(&t);
	struct db *db;
	assert_int_equal(db_open(t.db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(db, "clerk", "Clerk", ROLE_INTAKE, "AGZ", "fr", "a long password", NULL), ST_OK);
	struct user u;
	struct login_request req = { "clerk", "a long password", "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(db, &req, &u, NULL), ST_OK);
	const char *names[][2] = { { "Diallo", "Mohamed" }, { "Diallo", "Mariama" }, { "Traoré", "Ousmane" } };
	for (int i = 0; i < 3; i++) {
		struct person p;
		memset(&p, 0, sizeof p);
		snprintf(p.family_name, sizeof p.family_name, "%s", names[i][0]);
		snprintf(p.given_names, sizeof p.given_names, "%s", names[i][1]);
		p.sex = 'm';
		snprintf(p.birth_date, sizeof p.birth_date, "1990");
		snprintf(p.nationality, sizeof p.nationality, "NER");
		snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
		snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
		snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
		p.consent_data = true;
		snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
		assert_int_equal(person_save(db, &p, NULL, NULL, 0), ST_OK);
	}
	db_close(&db);

	char out[4096];
	unsetenv("SSH_CLIENT");
	assert_int_equal(run_find(t.db, out, sizeof out, "diallo", "moh", (char *)NULL), 0);
	assert_non_null(strstr(out, "Diallo Mohamed"));
	assert_null(strstr(out, "Mariama"));
	assert_non_null(strstr(out, "1 shown\n"));
	assert_int_equal(run_find(t.db, out, sizeof out, "--limit", "1", "diallo", (char *)NULL), 0);
	assert_non_null(strstr(out, "more than 1: refine the query\n"));
	assert_int_equal(run_find(t.db, out, sizeof out, "diallo", "--format=csv", (char *)NULL), 0);
	assert_memory_equal(out, "case_number,name,sex,age,nationality,centre,flags\n", 50);
	assert_non_null(strstr(out, "Diallo Mariama"));

	/* Wrong use: refused before the database is opened (exit 2). */
	const char *bad[][2] = { { "--limit", "0" }, { "--limit", "abc" }, { "--limit", "1001" },
	                         { "--limit", "" }, { "--format", "json" }, { "-x", "diallo" } };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(run_find(t.db, out, sizeof out, bad[i][0], bad[i][1], "diallo", (char *)NULL), 2);
	assert_int_equal(run_find(t.db, out, sizeof out, (char *)NULL), 2);
	assert_int_equal(run_find(t.db, out, sizeof out, " ", "--limit", "5", (char *)NULL), 2);
	assert_int_equal(run_find(t.db, out, sizeof out, "--limit", (char *)NULL), 2);
	char long_query[300];
	memset(long_query, 'a', sizeof long_query - 1);
	long_query[sizeof long_query - 1] = '\0';
	assert_int_equal(run_find(t.db, out, sizeof out, long_query, (char *)NULL), 2);
	assert_int_equal(run_find(t.db, out, sizeof out, "--limit", "1000", "diallo", (char *)NULL), 0);
	setenv("SSH_CLIENT", "10.1.2.3 50122 22", 1);
	assert_int_equal(run_find(t.db, out, sizeof out, "traore", (char *)NULL), 0);
	unsetenv("SSH_CLIENT");
	/* A database that is not there: refused (exit 1). */
	char missing[400];
	snprintf(missing, sizeof missing, "%s/none.db", t.dir);
	assert_int_equal(run_find(missing, out, sizeof out, "diallo", (char *)NULL), 1);

	/* Each search that ran is in the trail, with the shell's account and
	 * what was asked; the refused ones ran nothing and left nothing. */
	assert_int_equal(db_open(t.db, DB_EXISTING, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	struct searches found = { 0 };
	bool more;
	struct audit_filter filter = { .action = "search" };
	assert_int_equal(audit_query(db, &filter, 0, 8, keep_search, &found, &more), ST_OK);
	db_close(&db);
	assert_int_equal(found.n, 5);
	assert_string_equal(found.rows[0].origin, "cli ssh 10.1.2.3");
	const struct audit_row *first = &found.rows[4];
	assert_string_equal(first->entity, "person");
	assert_memory_equal(first->user_name, "unix:", 5);
	assert_string_equal(first->origin, "cli");
	assert_string_equal(first->changes, "{\"query\": \"diallo moh\", \"shown\": 1, \"more\": 0}");
	assert_string_equal(found.rows[3].changes, "{\"query\": \"diallo\", \"shown\": 1, \"more\": 1}");
	tmpdir_remove(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(a_line_reads_as_on_the_screen, set_clock),
		cmocka_unit_test_setup(names_from_the_database_reach_no_terminal_as_controls, set_clock),
		cmocka_unit_test_setup(text_columns_align_by_display_width, set_clock),
		cmocka_unit_test_setup(csv_has_a_header_and_safe_fields, set_clock),
		cmocka_unit_test_setup(finds_through_the_data_layer_and_leaves_a_trace, set_clock),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
