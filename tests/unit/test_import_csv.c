/* The legacy CSV reader, the dates and ages of spreadsheets, and the
 * mapping file: encodings, lines and columns, every error with its line. */
#include "testutil.h"
#include "core/import_csv.h"
#include "core/import_date.h"
#include "core/import_map.h"

/* Reads every row of text (len bytes) into out as "line:col=text|..." per
 * row; returns what import_csv_next returned last. */
static int read_all(const char *text, size_t len, enum import_enc enc, char sep, char *out, size_t size,
                    enum import_enc *used, char *sep_used, const char **err, int *err_line)
{
	FILE *f = fmemopen((void *)text, len, "rb");
	assert_non_null(f);
	struct import_csv *r = import_csv_open(f, enc, sep);
	assert_non_null(r);
	struct import_row row;
	int rc;
	out[0] = '\0';
	while ((rc = import_csv_next(r, &row)) > 0) {
		size_t n = strlen(out);
		snprintf(out + n, size - n, "%d[", row.line);
		for (int i = 0; i < row.nfields; i++) {
			n = strlen(out);
			snprintf(out + n, size - n, "%s%d:%s", i ? "|" : "", row.fields[i].line, row.fields[i].text);
		}
		n = strlen(out);
		snprintf(out + n, size - n, "]");
	}
	if (used)
		*used = import_csv_encoding(r);
	if (sep_used)
		*sep_used = import_csv_separator(r);
	const char *e = import_csv_error(r, err_line);
	if (err)
		*err = e;
	import_csv_close(&r);
	assert_null(r);
	fclose(f);
	return rc;
}

#define UTF8_TEXT "Nom;Prénom\nN'Diaye;Aïssa\n\"Zélie\nBa\";Œuvre € É\n"

static void encodings(void **state)
{
	(void)state;
	char out[1024], first[1024];
	enum import_enc used;
	char sep;
	assert_int_equal(read_all(UTF8_TEXT, strlen(UTF8_TEXT), IMPORT_ENC_AUTO, 0, first, sizeof first, &used, &sep,
	                          NULL, NULL), 0);
	assert_int_equal(used, IMPORT_ENC_UTF8);
	assert_int_equal(sep, ';');
	assert_string_equal(first, "1[1:Nom|1:Prénom]2[2:N'Diaye|2:Aïssa]3[3:Zélie\nBa|4:Œuvre € É]");
	/* With a BOM and CRLF. */
	const char bom[] = "\xEF\xBB\xBFNom;Prénom\r\nN'Diaye;Aïssa\r\n\"Zélie\r\nBa\";Œuvre € É\r\n";
	assert_int_equal(read_all(bom, strlen(bom), IMPORT_ENC_AUTO, 0, out, sizeof out, &used, NULL, NULL, NULL), 0);
	assert_int_equal(used, IMPORT_ENC_UTF8);
	assert_string_equal(out, first);
	/* Windows-1252: Œ and € are in 0x80-0x9F. */
	const char w[] = "Nom;Pr\xE9nom\nN'Diaye;A\xEFssa\n\"Z\xE9lie\nBa\";\x8Cuvre \x80 \xC9\n";
	assert_int_equal(read_all(w, strlen(w), IMPORT_ENC_AUTO, 0, out, sizeof out, &used, NULL, NULL, NULL), 0);
	assert_int_equal(used, IMPORT_ENC_1252);
	assert_string_equal(out, first);
	assert_int_equal(read_all(w, strlen(w), IMPORT_ENC_1252, ';', out, sizeof out, &used, NULL, NULL, NULL), 0);
	assert_string_equal(out, first);
	/* Latin-1: the same letters; a byte 1252 does not define picks it. */
	const char l[] = "Nom;Pr\xE9nom\nN'Diaye;A\xEFssa\x81\n";
	assert_int_equal(read_all(l, strlen(l), IMPORT_ENC_AUTO, 0, out, sizeof out, &used, NULL, NULL, NULL), 0);
	assert_int_equal(used, IMPORT_ENC_LATIN1);
	assert_string_equal(out, "1[1:Nom|1:Prénom]2[2:N'Diaye|2:Aïssa\xC2\x81]");
	assert_int_equal(read_all(l, strlen(l) - 2, IMPORT_ENC_LATIN1, 0, out, sizeof out, NULL, NULL, NULL, NULL), 0);
	assert_string_equal(out, "1[1:Nom|1:Prénom]2[2:N'Diaye|2:Aïssa]");
	/* Given as UTF-8 but not: the line that is not. */
	const char *err;
	int line;
	assert_int_equal(read_all(w, strlen(w), IMPORT_ENC_UTF8, 0, out, sizeof out, NULL, NULL, &err, &line), -1);
	assert_non_null(err);
	assert_int_equal(line, 1);
	/* Given as 1252 with a byte it does not have. */
	assert_int_equal(read_all(l, strlen(l), IMPORT_ENC_1252, 0, out, sizeof out, NULL, NULL, &err, &line), -1);
	assert_int_equal(line, 2);
	assert_string_equal(out, "1[1:Nom|1:Prénom]");
	assert_string_equal(import_enc_name(IMPORT_ENC_1252), "windows-1252");
	assert_int_equal(import_enc_from_name("Latin-1"), IMPORT_ENC_LATIN1);
	assert_int_equal(import_enc_from_name("UTF-8"), IMPORT_ENC_UTF8);
	assert_int_equal(import_enc_from_name("ebcdic"), -1);
}

static void separators_and_lines(void **state)
{
	(void)state;
	char out[1024];
	char sep;
	const char *tab = "a\tb c\tc\n1\t2 3\t\n";
	assert_int_equal(read_all(tab, strlen(tab), IMPORT_ENC_AUTO, 0, out, sizeof out, NULL, &sep, NULL, NULL), 0);
	assert_int_equal(sep, '\t');
	assert_string_equal(out, "1[1:a|1:b c|1:c]2[2:1|2:2 3|2:]");
	/* Commas in quotes do not count; blank lines and rows of empty cells
	 * give no row, yet lines are counted. */
	const char *comma = "\"x;y\",b\n\n ;\n,,\n\"1\n\n2\",\"3\"\"\",4\n5,6";
	assert_int_equal(read_all(comma, strlen(comma), IMPORT_ENC_AUTO, 0, out, sizeof out, NULL, &sep, NULL, NULL),
	                 0);
	assert_int_equal(sep, ',');
	assert_string_equal(out, "1[1:x;y|1:b]3[3:;]5[5:1\n\n2|7:3\"|7:4]8[8:5|8:6]");
	/* Given: the header's own guess does not count. */
	assert_int_equal(read_all(tab, strlen(tab), IMPORT_ENC_UTF8, ';', out, sizeof out, NULL, &sep, NULL, NULL), 0);
	assert_int_equal(sep, ';');
	assert_string_equal(out, "1[1:a\tb c\tc]2[2:1\t2 3]");
}

static void reader_errors(void **state)
{
	(void)state;
	char out[1024];
	const char *err;
	int line;
	const char *open = "a,b\n1,2\n\"3,4\n5,6\n";
	assert_int_equal(read_all(open, strlen(open), IMPORT_ENC_AUTO, 0, out, sizeof out, NULL, NULL, &err, &line), -1);
	assert_non_null(err);
	assert_int_equal(line, 3);
	assert_string_equal(out, "1[1:a|1:b]2[2:1|2:2]");
	const char *stray = "a,b\n1,x\"y\"z\n";
	assert_int_equal(read_all(stray, strlen(stray), IMPORT_ENC_AUTO, 0, out, sizeof out, NULL, NULL, &err, &line),
	                 -1);
	assert_int_equal(line, 2);
	const char nul[] = "a,b\n1,2\n3\0,4\n";
	assert_int_equal(read_all(nul, sizeof nul - 1, IMPORT_ENC_UTF8, 0, out, sizeof out, NULL, NULL, &err, &line),
	                 -1);
	assert_int_equal(line, 3);
	assert_int_equal(read_all("", 0, IMPORT_ENC_AUTO, 0, out, sizeof out, NULL, NULL, &err, &line), 0);
	assert_null(err);
	assert_string_equal(out, "");
}

static void dates(void **state)
{
	(void)state;
	static const struct {
		const char *cell, *iso;
	} good[] = {
		{ "2017-03-04", "2017-03-04" }, { "04/03/2017", "2017-03-04" }, { "4/3/2017", "2017-03-04" },
		{ " 4.3.2017 ", "2017-03-04" }, { "04-03-2017", "2017-03-04" }, { "2017", "2017" },
		{ "03/2017", "2017-03" },       { "2017-03", "2017-03" },       { "2017-03-04 00:00:00", "2017-03-04" },
		{ "2017-03-04T10:20:30Z", "2017-03-04" }, { "04/03/2017 14:05", "2017-03-04" },
		{ "42798", "2017-03-04" },      { "29/02/2024", "2024-02-29" },
	};
	char iso[11];
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		const char *m = import_date(good[i].cell, iso, sizeof iso);
		if (m)
			fail_msg("%s: %s", good[i].cell, m);
		assert_string_equal(iso, good[i].iso);
	}
	static const char *const bad[] = { "", "  ", "31/02/2017", "29/02/2023", "04/13/2017", "04/03/17", "yesterday",
	                                   "2017-03-04x", "1850", "99999", "04/03-2017", "12:30" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (!import_date(bad[i], iso, sizeof iso))
			fail_msg("accepted '%s' as %s", bad[i], iso);
		assert_string_equal(iso, "");
	}
}

static void ages(void **state)
{
	(void)state;
	static const struct {
		const char *cell;
		int years;
	} good[] = {
		{ "25", 25 }, { "25 ans", 25 }, { "environ 25 ans", 25 }, { "about 25 years old", 25 }, { "~25", 25 },
		{ "25ans", 25 }, { "Vers 30 ans", 30 }, { "0", 0 }, { "120", 120 }, { " 25 yrs ", 25 }, { "age 40", 40 },
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		int y = -1;
		const char *m = import_age(good[i].cell, &y);
		if (m)
			fail_msg("%s: %s", good[i].cell, m);
		assert_int_equal(y, good[i].years);
	}
	static const char *const bad[] = { "", "ans", "25-30", "121", "25 ou 26", "2017-03-04", "twenty", "1000" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int y;
		if (!import_age(bad[i], &y))
			fail_msg("accepted '%s'", bad[i]);
	}
}

/* Parses text as a mapping: true, or *line and err. */
static bool parse(const char *text, struct import_map *m, int *line, char *err, size_t size)
{
	return import_map_parse(m, text, strlen(text), line, err, size);
}

static void mapping(void **state)
{
	(void)state;
	struct import_map m;
	int line;
	char err[256];
	const char *good = "# a comment\n\nfamily_name = NOM\ngiven_names=Prénoms \nsex = Sexe\nsex.F = f\n"
	                   "sex.H = m\nnationality = Nationalité\nnationality.Rép. Centrafricaine = CAF\n"
	                   "arrival_date = Date d'arrivée\nstay.departure_reason.Retour volontaire = avr\n"
	                   "flags.MNA = unaccompanied_child\n";
	assert_true(parse(good, &m, &line, err, sizeof err));
	assert_string_equal(m.header[IMP_GIVEN_NAMES], "Prénoms");
	assert_string_equal(import_map_value(&m, IMP_SEX, " f "), "f");
	assert_string_equal(import_map_value(&m, IMP_SEX, "h"), "m");
	assert_null(import_map_value(&m, IMP_SEX, "X"));
	assert_string_equal(import_map_value(&m, IMP_NATIONALITY, "REP. CENTRAFRICAINE"), "CAF");
	assert_string_equal(import_map_value(&m, IMP_STAY_REASON, "retour volontaire"), "avr");
	assert_null(import_map_value(&m, IMP_CENTRE, "AGZ"));
	/* Headers matched with case and accents ignored; extra columns
	 * ignored. */
	struct import_field hf[] = { { "N°", 2, 1 }, { "nom", 3, 1 }, { "PRENOMS", 7, 1 }, { " Sexe ", 6, 1 },
	                             { "Nationalite", 11, 1 }, { "Date d'arrivée", 15, 1 } };
	struct import_row header = { 1, 6, hf };
	assert_true(import_map_columns(&m, &header, &line, err, sizeof err));
	assert_int_equal(m.col[IMP_FAMILY_NAME], 1);
	assert_int_equal(m.col[IMP_NATIONALITY], 4);
	assert_int_equal(m.col[IMP_PHONE], -1);
	/* A header of the mapping missing from the file: its line. */
	header.nfields = 5;
	assert_false(import_map_columns(&m, &header, &line, err, sizeof err));
	assert_int_equal(line, 10);
	assert_non_null(strstr(err, "Date d'arrivée"));
	/* Found twice. */
	struct import_field twice[] = { { "NOM", 3, 1 }, { "Prénoms", 8, 1 }, { "Sexe", 4, 1 }, { "Nom", 3, 1 } };
	struct import_row h2 = { 1, 4, twice };
	assert_false(import_map_columns(&m, &h2, &line, err, sizeof err));
	assert_int_equal(line, 3);
	import_map_free(&m);

	static const struct {
		const char *text;
		int line;
	} bad[] = {
		{ "family_name = NOM\nsurname = X\n", 2 },            /* unknown field */
		{ "family_name = NOM\n\nfamily_name = Y\n", 3 },      /* twice */
		{ "# x\nsex.F = female\n", 2 },                       /* not a code */
		{ "sex.F = f\nsex.f = m\n", 2 },                      /* a value twice */
		{ "family_name\n", 1 },                               /* no '=' */
		{ "family_name =   \n", 1 },                          /* no header */
		{ "given_names = A\nflags.X = unknown_flag\n", 2 },
		{ "stay.departed.X = 2017\n", 1 },                    /* dates have no values */
		{ "nationality.Niger = ner\n", 1 },                   /* codes in capitals */
		{ "family_name = \xff\n", 1 },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err[0] = '\0';
		if (parse(bad[i].text, &m, &line, err, sizeof err))
			fail_msg("accepted: %s", bad[i].text);
		assert_int_equal(line, bad[i].line);
		assert_true(err[0] != '\0');
		import_map_free(&m);
	}
	/* Required fields. */
	assert_true(parse("family_name = A\nsex = C\n", &m, &line, err, sizeof err));
	struct import_field f3[] = { { "A", 1, 1 }, { "C", 1, 1 } };
	struct import_row h3 = { 1, 2, f3 };
	assert_false(import_map_columns(&m, &h3, &line, err, sizeof err));
	assert_non_null(strstr(err, "given_names"));
	import_map_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(encodings), cmocka_unit_test(separators_and_lines), cmocka_unit_test(reader_errors),
		cmocka_unit_test(dates),     cmocka_unit_test(ages),                 cmocka_unit_test(mapping),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
