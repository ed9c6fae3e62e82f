/* The report writer without a database: a table built by hand written as
 * text, CSV and HXL; the encodings (UTF-8, with a byte-order mark,
 * Windows-1252 and a character it cannot hold); small numbers suppressed,
 * and a second count hidden where the first could be worked out; labels
 * with commas, quotes, line breaks, formula starts and bidi controls. */
#include <iconv.h>
#include "testutil.h"
#include "core/report.h"
#include "core/report_out.h"
#include "core/text.h"
#include "db/report.h"

static const struct report_line lines[] = {
	{ "arrivals", "Arrivals, all \"new\" people", "People who arrived, once each.", REPORT_PEOPLE, "#reached",
	  "SELECT 1", 0 },
	{ "children", "Children travelling alone or separated from the family that brought them on the way",
	  "Of the arrivals, those under 18.", REPORT_PEOPLE, "#reached+children", "SELECT 1", 1 },
	{ "formula", "=HYPERLINK(\"x\")\nsecond line \xE2\x80\xAEgnp.exe", "-1+1", REPORT_EVENTS, "#reached",
	  "SELECT 1", 0 },
	{ NULL, NULL, NULL, REPORT_PEOPLE, NULL, NULL, 0 },
};

static const struct report_def def = {
	.name = "test", .title = "Test table", .definition = "Everything the test counts.", .by = REPORT_BY_SEX, .lines = lines,
};

/* A table: arrivals 20 women (12 NER, 8 MLI), 3 men (unknown), 1 other
 * (MLI): 24; children 2 girls; events 7 women, 9 men, 2 other: 18. */
static struct report_result *table(void)
{
	struct report_result *r = calloc(1, sizeof *r);
	assert_non_null(r);
	r->def = &def;
	assert_true(report_period_parse("2018", &r->period));
	r->nlines = 3;
	for (int i = 0; i < 20; i++)
		report_counts_add(&r->lines[0], 'f', 30, false, i < 12 ? "NER" : "MLI");
	for (int i = 0; i < 3; i++)
		report_counts_add(&r->lines[0], 'm', 30, false, NULL);
	report_counts_add(&r->lines[0], 'x', 30, false, "MLI");
	for (int i = 0; i < 2; i++)
		report_counts_add(&r->lines[1], 'f', 10, false, "NER");
	for (int i = 0; i < 7; i++)
		report_counts_add(&r->lines[2], 'f', 30, false, "NER");
	for (int i = 0; i < 9; i++)
		report_counts_add(&r->lines[2], 'm', 30, false, "NER");
	for (int i = 0; i < 2; i++)
		report_counts_add(&r->lines[2], 'x', 30, false, "NER");
	return r;
}

/* What report_write writes for r and o; *st its status; the caller frees. */
static char *write_out(const struct report_result *r, const struct report_out_options *o, enum status *st,
                       char *err, size_t err_size, size_t *len_out)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	*st = report_write(f, r, o, err, err_size);
	assert_int_equal(fclose(f), 0);
	if (len_out)
		*len_out = len;
	return buf;
}

static char *written(const struct report_result *r, const struct report_out_options *o)
{
	enum status st;
	char err[256];
	char *s = write_out(r, o, &st, err, sizeof err, NULL);
	assert_int_equal(st, ST_OK);
	assert_string_equal(err, "");
	assert_true(text_valid_utf8(o->encoding == REPORT_UTF8_BOM ? s + 3 : s));
	return s;
}

/* The line of text s (from 1), copied into out. */
static const char *line_of(const char *s, int n, char *out, size_t size)
{
	for (int i = 1; i < n && s; i++) {
		s = strchr(s, '\n');
		if (s)
			s++;
	}
	assert_non_null(s);
	size_t len = strcspn(s, "\n");
	assert_true(len < size);
	memcpy(out, s, len);
	out[len] = '\0';
	return out;
}

static void suppression_rule(void **state)
{
	(void)state;
	enum report_cell how[5];
	/* Nothing hidden without a threshold. */
	long a[] = { 1, 2, 3 };
	report_suppress_row(a, 3, 0, how);
	for (int i = 0; i < 3; i++)
		assert_int_equal(how[i], REPORT_CELL_SHOWN);
	/* Two small parts: the total tells only their sum. */
	long b[] = { 20, 3, 1, 24 };
	report_suppress_row(b, 4, 4, how);
	assert_int_equal(how[0], REPORT_CELL_SHOWN);
	assert_int_equal(how[1], REPORT_CELL_SMALL);
	assert_int_equal(how[2], REPORT_CELL_SMALL);
	assert_int_equal(how[3], REPORT_CELL_SHOWN);
	/* One small part: the next smallest non-zero part goes too (not the zero). */
	long c[] = { 7, 0, 9, 2, 18 };
	report_suppress_row(c, 5, 4, how);
	assert_int_equal(how[0], REPORT_CELL_SECONDARY);
	assert_int_equal(how[1], REPORT_CELL_SHOWN);
	assert_int_equal(how[2], REPORT_CELL_SHOWN);
	assert_int_equal(how[3], REPORT_CELL_SMALL);
	assert_int_equal(how[4], REPORT_CELL_SHOWN);
	/* A small total hides its parts; 0 and 5 are shown. */
	long d[] = { 2, 0, 2 };
	report_suppress_row(d, 3, 4, how);
	assert_int_equal(how[0], REPORT_CELL_SMALL);
	assert_int_equal(how[1], REPORT_CELL_SHOWN);
	assert_int_equal(how[2], REPORT_CELL_SMALL);
	long e[] = { 5, 0, 5 };
	report_suppress_row(e, 3, 4, how);
	assert_int_equal(how[0], REPORT_CELL_SHOWN);
	assert_int_equal(how[2], REPORT_CELL_SHOWN);
	/* Another threshold: 1 to 9 hidden. */
	long g[] = { 9, 10, 19 };
	report_suppress_row(g, 3, 9, how);
	assert_int_equal(how[0], REPORT_CELL_SMALL);
	assert_int_equal(how[1], REPORT_CELL_SECONDARY);
}

static void text_layout(void **state)
{
	(void)state;
	struct report_result *r = table();
	struct report_out_options o = { .format = REPORT_TEXT, .by = REPORT_BY_SEX, .centre_label = "Zinder, \"ZIN\"" };
	char *s = written(r, &o);
	if (getenv("SHOW"))
		fputs(s, stderr);
	char line[512];
	assert_string_equal(line_of(s, 1, line, sizeof line), "Test table");
	assert_non_null(strstr(s, "2018"));
	assert_non_null(strstr(s, "Zinder, \"ZIN\""));
	assert_non_null(strstr(s, "Counting different people:\n  Arrivals"));
	assert_non_null(strstr(s, "Counting events:\n  =HYPERLINK"));
	/* The counts right-aligned: every row ends at the same column. */
	const char *head = strstr(s, "Line");
	assert_non_null(head);
	int width = -1;
	for (const char *p = head; p && *p && *p != '\n' + 0 && strncmp(p, "\n\n", 2) != 0;) {
		size_t len = strcspn(p, "\n");
		char row[512];
		memcpy(row, p, len);
		row[len] = '\0';
		if (row[len - 1] != ' ' && strpbrk(row + len - 1, "0123456789")) {
			if (width < 0)
				width = text_width(row);
			assert_int_equal(text_width(row), width);
		}
		p = p[len] ? p + len + 1 : NULL;
		if (p && *p == '\n')
			break;
	}
	assert_true(width > 0 && width <= 79);
	/* Arrivals: 20 3 1 24; the long label is wrapped, not cut. */
	assert_non_null(strstr(s, "20    3 "));
	assert_non_null(strstr(s, "  Children travelling"));
	assert_non_null(strstr(s, "them on the way"));
	/* No control or bidi override reaches the text. */
	assert_null(strstr(s, "\xE2\x80\xAE"));
	assert_non_null(strstr(s, "=HYPERLINK(\"x\") second line ?gnp.exe"));
	/* The definitions at the end. */
	const char *defs = strstr(s, "Definitions");
	assert_non_null(defs);
	assert_non_null(strstr(defs, "Everything the test counts."));
	assert_non_null(strstr(defs, "Of the arrivals, those under 18."));
	for (const char *p = s; *p; p += strcspn(p, "\n") + (p[strcspn(p, "\n")] ? 1 : 0)) {
		size_t len = strcspn(p, "\n");
		char row[512];
		memcpy(row, p, len);
		row[len] = '\0';
		assert_true(text_width(row) <= 79);
	}
	free(s);
	free(r);
}

/* The whole page by sex and age group, small numbers hidden: compared
 * line by line, so a shifted column or a cut label shows. */
static void text_whole(void **state)
{
	(void)state;
	struct report_result *r = table();
	struct report_out_options o = { .format = REPORT_TEXT, .by = REPORT_BY_GROUP, .suppress = 4,
		                        .centre_label = "Agadez" };
	char *s = written(r, &o);
	static const char expected[] =
		"Test table\n"
		"Period: 2018\n"
		"Centre: Agadez\n"
		"\n"
		"Line                                         Boys Girls Men Women Unknown Total\n"
		"Counting different people:\n"
		"  Arrivals, all \"new\" people                    0     0  <5    20      <5    24\n"
		"    Children travelling alone or separated      0    <5   0     0       0    <5\n"
		"      from the family that brought them on\n"
		"      the way\n"
		"Counting events:\n"
		"  =HYPERLINK(\"x\") second line ?gnp.exe          0     0   9     x      <5    18\n"
		"\n"
		"Counts from 1 to 4 are shown as \"<5\"; \"x\" hides a further count so that a\n"
		"hidden one cannot be worked out from the total.\n"
		"\n"
		"Definitions\n"
		"Test table: Everything the test counts.\n"
		"- Arrivals, all \"new\" people (different people): People who arrived, once\n"
		"  each.\n"
		"- Children travelling alone or separated from the family that brought them on\n"
		"  the way (different people): Of the arrivals, those under 18.\n"
		"- =HYPERLINK(\"x\") second line ?gnp.exe (events): -1+1\n";
	if (strcmp(s, expected) != 0)
		print_error("got:\n%s\n", s);
	assert_string_equal(s, expected);
	free(s);
	free(r);
}

static void text_suppressed(void **state)
{
	(void)state;
	struct report_result *r = table();
	struct report_out_options o = { .format = REPORT_TEXT, .by = REPORT_BY_SEX, .suppress = 4 };
	char *s = written(r, &o);
	if (getenv("SHOW"))
		fputs(s, stderr);
	/* Arrivals 20 <5 <5 24; children <5 0 0 <5; events x 9 <5 18. */
	assert_non_null(strstr(s, "20   <5"));
	assert_non_null(strstr(s, " x    9"));
	assert_null(strstr(s, " 7 "));
	assert_null(strstr(s, " 3 "));
	assert_non_null(strstr(s, "All centres"));
	free(s);
	free(r);
}

/* A long centre name and a breakdown with many columns: every line fits
 * in 79 columns, every word is there, nothing cut. */
static void text_narrow(void **state)
{
	(void)state;
	struct report_result *r = table();
	const char *centre = "Centre d'accueil des victimes de traite de Zinder, quartier Birni, en face de "
	                     "l'hôpital régional (bâtiment B)";
	struct report_out_options o = { .format = REPORT_TEXT, .by = REPORT_BY_AGE, .centre_label = centre };
	char *s = written(r, &o);
	for (const char *p = s; *p; p += strcspn(p, "\n") + (p[strcspn(p, "\n")] ? 1 : 0)) {
		size_t len = strcspn(p, "\n");
		char row[512];
		memcpy(row, p, len);
		row[len] = '\0';
		assert_true(text_width(row) <= 79);
	}
	assert_non_null(strstr(s, "(bâtiment B)"));
	/* A wide heading on two lines rather than a wide column. */
	assert_non_null(strstr(s, "Unknown\n"));
	assert_non_null(strstr(s, "    age Total\n"));
	assert_non_null(strstr(s, "Counting different people:\n"));
	free(s);
	free(r);
}

static const char *country(const char *iso3, void *ctx)
{
	(void)ctx;
	return strcmp(iso3, "NER") == 0 ? "Niger" : NULL;
}

static void text_nationalities(void **state)
{
	(void)state;
	struct report_result *r = table();
	struct report_out_options o = { .format = REPORT_TEXT, .by = REPORT_BY_NATIONALITY, .country_name = country };
	char *s = written(r, &o);
	if (getenv("SHOW"))
		fputs(s, stderr);
	const char *a = strstr(s, "Arrivals");
	assert_non_null(a);
	const char *ner = strstr(a, "    Niger");
	const char *mli = strstr(a, "    MLI");
	const char *unk = strstr(a, "    Unknown nationality");
	assert_true(ner && mli && unk && ner < mli && mli < unk);   /* most numerous first */
	assert_non_null(strstr(ner, "12\n"));
	assert_non_null(strstr(mli, " 9\n"));
	free(s);
	free(r);
}

/* The fields of a CSV row as csvout writes them (no line breaks). */
static void csv_checks(void **state)
{
	(void)state;
	struct report_result *r = table();
	struct report_out_options o = { .format = REPORT_CSV, .by = REPORT_BY_SEX, .adm1 = "NE007", .country = "NER",
		                        .centre_label = "Zinder" };
	char *s = written(r, &o);
	char line[1024];
	assert_string_equal(line_of(s, 1, line, sizeof line),
	                    "Period,From,To,Country,Region,Centre,Line,Label,Counting,Female,Male,Other or unknown,Total,"
	                    "Definition");
	assert_string_equal(line_of(s, 2, line, sizeof line),
	                    "2018,2018-01-01,2018-12-31,NER,NE007,Zinder,arrivals,\"Arrivals, all \"\"new\"\" people\","
	                    "different people,20,3,1,24,\"People who arrived, once each.\"");
	/* The formula defused, the line break and the bidi override replaced. */
	assert_string_equal(line_of(s, 4, line, sizeof line),
	                    "2018,2018-01-01,2018-12-31,NER,NE007,Zinder,formula,"
	                    "\"'=HYPERLINK(\"\"x\"\") second line ?gnp.exe\",events,7,9,2,18,'-1+1");
	assert_string_equal(line_of(s, 5, line, sizeof line),
	                    "2018,2018-01-01,2018-12-31,NER,NE007,Zinder,,Test table,,,,,,Everything the test counts.");
	assert_null(strchr(line_of(s, 5, line, sizeof line) + strlen(line) + 1, '\n'));
	free(s);
	o.suppress = 4;
	s = written(r, &o);
	assert_non_null(strstr(line_of(s, 2, line, sizeof line), ",20,<5,<5,24,"));
	assert_non_null(strstr(line_of(s, 3, line, sizeof line), ",<5,0,0,<5,"));
	assert_non_null(strstr(line_of(s, 4, line, sizeof line), ",x,9,<5,18,"));
	free(s);
	free(r);
}

static void hxl_rows(void **state)
{
	(void)state;
	struct report_result *r = table();
	struct report_out_options o = { .format = REPORT_HXL, .by = REPORT_BY_SEX, .adm1 = "NE008", .country = "NER" };
	char *s = written(r, &o);
	char line[1024];
	assert_string_equal(line_of(s, 2, line, sizeof line),
	                    "#date,#date+start,#date+end,#country+code,#adm1+code,#loc+name,#indicator+code,"
	                    "#indicator+name,#meta+counting,#reached+f,#reached+m,,#reached,#meta+definition");
	assert_non_null(strstr(line_of(s, 3, line, sizeof line), "NER,NE008,All centres,arrivals,"));
	free(s);
	o.by = REPORT_BY_GROUP;
	s = written(r, &o);
	assert_non_null(strstr(line_of(s, 2, line, sizeof line),
	                       "#reached+m+children,#reached+f+children,#reached+m+adults,#reached+f+adults,,#reached,"));
	free(s);
	o.by = REPORT_BY_NATIONALITY;
	o.country_name = country;
	s = written(r, &o);
	assert_non_null(
		strstr(line_of(s, 1, line, sizeof line), ",MLI,Niger,Unknown nationality,Other nationalities,Total,"));
	assert_non_null(strstr(line_of(s, 2, line, sizeof line), ",#reached+nat_mli,#reached+nat_ner,,,#reached,"));
	assert_non_null(strstr(line_of(s, 3, line, sizeof line), ",9,12,3,0,24,"));
	free(s);
	free(r);
}

/* Converts Windows-1252 back to UTF-8. */
static char *from_cp1252(const char *in, size_t len)
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	assert_true(cd != (iconv_t)-1);
	size_t size = len * 3 + 1, left = size;
	char *out = calloc(1, size), *op = out;
	char *ip = (char *)in;
	size_t in_left = len;
	assert_true(iconv(cd, &ip, &in_left, &op, &left) != (size_t)-1);
	iconv_close(cd);
	return out;
}

static void encodings(void **state)
{
	(void)state;
	struct report_result *r = table();
	const char *centre = "Tillabéri, Maïné-Soroa, Garçon € l’école";
	struct report_out_options o = { .format = REPORT_CSV, .by = REPORT_BY_SEX, .centre_label = centre };
	char *utf8 = written(r, &o);
	o.encoding = REPORT_UTF8_BOM;
	char *bom = written(r, &o);
	assert_memory_equal(bom, "\xEF\xBB\xBF", 3);
	assert_string_equal(bom + 3, utf8);
	o.encoding = REPORT_CP1252;
	enum status st;
	char err[512];
	size_t len;
	char *cp = write_out(r, &o, &st, err, sizeof err, &len);
	assert_int_equal(st, ST_OK);
	assert_non_null(memchr(cp, 0xE9, len));   /* é */
	assert_non_null(memchr(cp, 0x80, len));   /* € */
	assert_non_null(memchr(cp, 0x92, len));   /* ’ */
	char *back = from_cp1252(cp, len);
	assert_string_equal(back, utf8);             /* round trip */
	free(back);
	free(cp);
	/* A Hausa name: ɓ has no Windows-1252 form. Reported, nothing written. */
	o.centre_label = "Cibiyar ƙaura ta Ɗan ɓangare";
	cp = write_out(r, &o, &st, err, sizeof err, &len);
	assert_int_equal(st, ST_INVALID);
	assert_int_equal(len, 0);
	assert_non_null(strstr(err, "Line 2"));
	assert_non_null(strstr(err, "ƙ"));
	assert_non_null(strstr(err, "Cibiyar"));
	free(cp);
	/* The same in the text format: the centre's line. */
	o.format = REPORT_TEXT;
	cp = write_out(r, &o, &st, err, sizeof err, &len);
	assert_int_equal(st, ST_INVALID);
	assert_int_equal(len, 0);
	assert_non_null(strstr(err, "Line 3"));
	free(cp);
	free(utf8);
	free(bom);
	free(r);
}

static void names(void **state)
{
	(void)state;
	assert_int_equal(report_format_parse("hxl"), REPORT_HXL);
	assert_int_equal(report_format_parse("xls"), -1);
	assert_int_equal(report_encoding_parse("windows-1252"), REPORT_CP1252);
	assert_int_equal(report_encoding_parse("latin1"), -1);
	assert_int_equal(report_encoding_parse(NULL), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(suppression_rule),   cmocka_unit_test(text_layout),
		cmocka_unit_test(text_whole),         cmocka_unit_test(text_suppressed),
		cmocka_unit_test(text_narrow),        cmocka_unit_test(text_nationalities),
		cmocka_unit_test(csv_checks),         cmocka_unit_test(hxl_rows),
		cmocka_unit_test(encodings),          cmocka_unit_test(names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
