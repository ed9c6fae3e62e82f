/* End to end: `taimako export people` on a demo database with a person of
 * our own in 2001: a pseudonym per recipient (the same twice for one, a
 * different one for another), no name in the file; Windows-1252 written
 * when every character fits, and when one does not (a Hausa letter in a
 * centre's name) the character named, exit code 1 and no file left. */
#include <dirent.h>
#include <sqlite3.h>
#include "session.h"

static int setup(void **state)
{
	struct session *s = session_new();
	session_demo(s);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

static void sql(struct session *s, const char *text)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	char *err = NULL;
	int rc = sqlite3_exec(h, text, NULL, NULL, &err);
	if (rc != SQLITE_OK)
		fprintf(stderr, "%s\n", err ? err : "");
	sqlite3_free(err);
	sqlite3_close(h);
	assert_int_equal(rc, SQLITE_OK);
}

/* Our own person: arrived at Agadez in 2001, the only one of that year. */
static void our_person(struct session *s)
{
	sql(s, "INSERT INTO person (case_key, family_name, given_names, sex, birth_date, nationality, phone, "
	       "arrival_date, centre_id, arrival_mode, consent_data, consent_share, consent_date, created_at) "
	       "VALUES ('AGZ0100001X', 'Oumarou', 'Zeinabou', 'f', '1980-04-02', 'NER', '+22790112233', '2001-05-05', "
	       "(SELECT id FROM centre WHERE code = 'AGZ'), 'rescue', 1, 1, '2001-05-05', '2001-05-05T00:00:00Z');"
	       "INSERT INTO stay (person_id, centre_id, admitted, departed, departure_reason) "
	       "SELECT id, centre_id, '2001-05-05', '2001-06-01', 'avr' FROM person WHERE case_key = 'AGZ0100001X';");
}

/* The file's content (at most size - 1 bytes) into out; its length. */
static size_t read_file(struct session *s, const char *name, char *out, size_t size)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", s->dir, name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	size_t n = fread(out, 1, size - 1, f);
	out[n] = '\0';
	fclose(f);
	return n;
}

/* The pseudonym of the only row of the export in file name. */
static void pseudonym_in(struct session *s, const char *name, char *out, size_t size)
{
	char text[4096];
	read_file(s, name, text, sizeof text);
	assert_null(strstr(text, "Oumarou"));
	assert_null(strstr(text, "Zeinabou"));
	assert_null(strstr(text, "22790112233"));
	assert_null(strstr(text, "AGZ0100001X"));
	assert_null(strstr(text, "1980"));
	char *row = strchr(text, '\n');
	assert_non_null(row);
	row++;
	assert_non_null(strchr(row, '\n'));
	assert_string_equal(strchr(row, '\n') + 1, "");   /* one person */
	size_t len = strcspn(row, ",");
	assert_int_equal(len, 16);
	snprintf(out, size, "%.*s", (int)len, row);
}

static void pseudonyms_per_recipient(void **state)
{
	struct session *s = *state;
	our_person(s);
	char out[2048];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "export", "people", "--recipient", "UNHCR",
	                         "--period", "2001", "--output", "a.csv", (char *)NULL),
	                 0);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "export", "people", "--recipient", "IOM",
	                         "--period", "2001", "--centre", "AGZ", "--output", "b.csv", (char *)NULL),
	                 0);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "export", "people", "--recipient", "UNHCR",
	                         "--period", "2001-05", "--format", "csv", "--output", "c.csv", (char *)NULL),
	                 0);
	char a[32], b[32], c[32];
	pseudonym_in(s, "a.csv", a, sizeof a);
	pseudonym_in(s, "b.csv", b, sizeof b);
	pseudonym_in(s, "c.csv", c, sizeof c);
	assert_string_equal(a, c);
	assert_string_not_equal(a, b);
	/* Never over an existing file; a usage error says so and exits 2. */
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "export", "people", "--recipient", "UNHCR",
	                         "--period", "2001", "--output", "a.csv", (char *)NULL),
	                 1);
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "export", "people", "--period", "2001",
	                         (char *)NULL),
	                 2);
	assert_non_null(strstr(out, "--recipient"));
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "export", "people", "--recipient", "X",
	                         "--period", "2001-13", (char *)NULL),
	                 2);
	/* Standard output: the same row. */
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "export", "people", "--recipient", "UNHCR",
	                         "--period", "2001", (char *)NULL),
	                 0);
	assert_non_null(strstr(out, a));
}

/* True when the session's folder holds a file whose name contains part. */
static bool file_like(struct session *s, const char *part)
{
	DIR *d = opendir(s->dir);
	assert_non_null(d);
	bool found = false;
	for (struct dirent *e; (e = readdir(d)) != NULL;)
		found = found || strstr(e->d_name, part) != NULL;
	closedir(d);
	return found;
}

static void windows_1252(void **state)
{
	struct session *s = *state;
	our_person(s);
	char out[2048];
	/* Every character fits: "Retour volontaire assisté" in one byte é. */
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "export", "people", "--recipient", "UNHCR",
	                         "--period", "2001", "--encoding", "windows-1252", "--output", "w.csv", (char *)NULL),
	                 0);
	char text[4096];
	size_t n = read_file(s, "w.csv", text, sizeof text);
	assert_non_null(memchr(text, 0xE9, n));
	assert_null(strstr(text, "\xC3\xA9"));
	/* A centre named in Hausa: ɓ has no Windows-1252 form. */
	sql(s, "UPDATE centre SET name_fr = 'Cibiyar Agadez ta ɓaƙi', name_en = 'Cibiyar Agadez ta ɓaƙi' "
	       "WHERE code = 'AGZ'");
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "export", "people", "--recipient", "UNHCR",
	                         "--period", "2001", "--encoding", "windows-1252", "--output", "h.csv", (char *)NULL),
	                 1);
	assert_non_null(strstr(out, "ɓ"));
	assert_non_null(strstr(out, "Cibiyar Agadez"));
	assert_false(file_like(s, "h.csv"));   /* neither the file nor its temporary */
	/* In UTF-8 it is written. */
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "export", "people", "--recipient", "UNHCR",
	                         "--period", "2001", "--encoding", "utf-8-bom", "--output", "h.csv", (char *)NULL),
	                 0);
	n = read_file(s, "h.csv", text, sizeof text);
	assert_memory_equal(text, "\xEF\xBB\xBF", 3);
	assert_non_null(strstr(text, "ta ɓaƙi"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(pseudonyms_per_recipient, setup, teardown),
		cmocka_unit_test_setup_teardown(windows_1252, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
