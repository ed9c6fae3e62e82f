/* CSV rows for exports: quoting, one line per row, controls replaced,
 * spreadsheet formulas defused, UTF-8 kept. */
#include <csv.h>
#include "testutil.h"
#include "core/csvout.h"

/* The text csvout_row writes for fields; the caller frees it. */
static char *row_text(const char *const *fields, int n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	csvout_row(f, fields, n);
	assert_false(ferror(f));
	assert_int_equal(fclose(f), 0);
	return buf;
}

/* Asserts that fields are written exactly as expected. */
static void check_row(const char *const *fields, int n, const char *expected)
{
	char *got = row_text(fields, n);
	assert_string_equal(got, expected);
	free(got);
}

static void plain_fields_are_bare(void **state)
{
	(void)state;
	const char *f[] = { "12", "2026-11-22T23:05:09.123Z", "amina", "ssh 10.0.0.5" };
	check_row(f, 4, "12,2026-11-22T23:05:09.123Z,amina,ssh 10.0.0.5\n");
}

static void quotes_are_doubled_inside_quotes(void **state)
{
	(void)state;
	const char *f[] = { "say \"hi\"", "{\"name\":[\"A\",\"B\"]}" };
	check_row(f, 2, "\"say \"\"hi\"\"\",\"{\"\"name\"\":[\"\"A\"\",\"\"B\"\"]}\"\n");
}

static void commas_are_quoted(void **state)
{
	(void)state;
	const char *f[] = { "Niamey, Niger", "x" };
	check_row(f, 2, "\"Niamey, Niger\",x\n");
}

static void newlines_inside_fields_keep_one_line(void **state)
{
	(void)state;
	const char *f[] = { "line one\nline two", "a\r\nb", "tab\there" };
	char *got = row_text(f, 3);
	assert_string_equal(got, "line one line two,a  b,tab here\n");
	assert_int_equal(strchr(got, '\n') - got, (long)strlen(got) - 1);
	assert_null(strchr(got, '\r'));
	free(got);
}

static void formulas_are_defused(void **state)
{
	(void)state;
	const char *f[] = { "=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\t=1", "\rcmd" };
	check_row(f, 6, "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),' =1,' cmd\n");
	/* Only the first character counts. */
	const char *g[] = { "a=b", "1-2", "x@y.org", " =1" };
	check_row(g, 4, "a=b,1-2,x@y.org, =1\n");
	/* A formula that needs quoting too. */
	const char *h[] = { "=1,2" };
	check_row(h, 1, "\"'=1,2\"\n");
}

static void control_characters_are_replaced(void **state)
{
	(void)state;
	const char *f[] = {
		"a\x1b[31mred",          /* ESC: a terminal escape */
		"del\x7f",               /* DEL */
		"c1\xc2\x9b" "2J",       /* U+009B, the one-byte CSI */
		"\xe2\x80\xae" "cod.exe",/* U+202E right-to-left override */
		"iso\xe2\x81\xa6x",      /* U+2066 left-to-right isolate */
		"bad\xff\xfe",           /* not UTF-8 */
		"nul\x01",
	};
	check_row(f, 7, "a?[31mred,del?,c1?2J,?cod.exe,iso?x,bad??,nul?\n");
}

static void utf8_accents_are_kept(void **state)
{
	(void)state;
	const char *f[] = { "Aïssa", "Côte d’Ivoire", "Zinder — Mirriah", "ⵜⴰⵎⴰⵣⵉⵖⵜ", "عربي" };
	check_row(f, 5, "Aïssa,Côte d’Ivoire,Zinder — Mirriah,ⵜⴰⵎⴰⵣⵉⵖⵜ,عربي\n");
}

static void empty_and_null_fields(void **state)
{
	(void)state;
	const char *f[] = { "a", "", NULL, "b" };
	check_row(f, 4, "a,,,b\n");
	/* A row of one empty field is not a blank line. */
	const char *g[] = { "" };
	check_row(g, 1, "\"\"\n");
	check_row(NULL, 0, "\n");
}

static void long_fields_are_whole(void **state)
{
	(void)state;
	size_t n = 10000;
	char *big = malloc(n + 1);
	assert_non_null(big);
	for (size_t i = 0; i < n; i += 2)
		memcpy(big + i, "é", 2);   /* 2 bytes each */
	big[n] = '\0';
	big[0] = '=';                    /* an invalid byte pair: '=' then a lone 0xA9 */
	const char *f[] = { big };
	char *got = row_text(f, 1);
	assert_int_equal(strlen(got), n + 2);   /* "'" in front, "\n" at the end */
	assert_memory_equal(got, "'=?é", 5);
	assert_memory_equal(got + n - 1, "é\n", 3);
	free(got);
	free(big);
}

struct parsed {
	char fields[8][64];
	int n;
	int rows;
};

/* libcsv callback: one field read back. */
static void on_field(void *s, size_t len, void *data)
{
	struct parsed *p = data;
	if (p->n < 8 && len < 64) {
		memcpy(p->fields[p->n], s, len);
		p->fields[p->n][len] = '\0';
	}
	p->n++;
}

/* libcsv callback: end of a row. */
static void on_row(int c, void *data)
{
	(void)c;
	struct parsed *p = data;
	p->rows++;
}

static void a_strict_parser_reads_the_fields_back(void **state)
{
	(void)state;
	const char *f[] = { "plain", "a,b", "say \"hi\"", "two\nlines", "=cmd", "", "Aïssa" };
	const char *expected[] = { "plain", "a,b", "say \"hi\"", "two lines", "'=cmd", "", "Aïssa" };
	char *text = row_text(f, 7);
	struct csv_parser parser;
	struct parsed p = { .n = 0, .rows = 0 };
	assert_int_equal(csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI), 0);
	size_t len = strlen(text);
	assert_int_equal(csv_parse(&parser, text, len, on_field, on_row, &p), len);
	assert_int_equal(csv_fini(&parser, on_field, on_row, &p), 0);
	csv_free(&parser);
	assert_int_equal(p.rows, 1);
	assert_int_equal(p.n, 7);
	for (int i = 0; i < 7; i++)
		assert_string_equal(p.fields[i], expected[i]);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_fields_are_bare),
		cmocka_unit_test(quotes_are_doubled_inside_quotes),
		cmocka_unit_test(commas_are_quoted),
		cmocka_unit_test(newlines_inside_fields_keep_one_line),
		cmocka_unit_test(formulas_are_defused),
		cmocka_unit_test(control_characters_are_replaced),
		cmocka_unit_test(utf8_accents_are_kept),
		cmocka_unit_test(empty_and_null_fields),
		cmocka_unit_test(long_fields_are_whole),
		cmocka_unit_test(a_strict_parser_reads_the_fields_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
