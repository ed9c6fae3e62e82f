/* `taimako report`: its options read and refused (an unknown table lists
 * the names, a wrong period is refused), then a table computed on a fresh
 * database and written whole to --output, an unknown centre refused. */
#include "testutil.h"
#include "cli/report_cmd.h"
#include "db/db.h"
#include "db/report.h"
#include "ui/module.h"

/* Runs report_cmd_parse on the NULL-terminated arguments after "report". */
static int parse(struct report_cmd_options *o, ...)
{
	char *argv[32];
	int argc = 0;
	argv[argc++] = (char *)"report";
	va_list ap;
	va_start(ap, o);
	const char *a;
	while ((a = va_arg(ap, const char *)) != NULL && argc < 31)
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	return report_cmd_parse(argc, argv, module_table, o);
}

static void reads_every_option(void **state)
{
	(void)state;
	struct report_cmd_options o;
	assert_int_equal(parse(&o, "intake", "--year", "2018", (char *)NULL), 0);
	assert_false(o.list);
	assert_non_null(o.def);
	assert_string_equal(o.def->name, "intake");
	assert_string_equal(o.period.from, "2018-01-01");
	assert_string_equal(o.period.to, "2019-01-01");
	assert_string_equal(o.centre, "");
	assert_int_equal(o.by, -1);
	assert_int_equal(o.format, REPORT_TEXT);
	assert_int_equal(o.encoding, REPORT_UTF8);
	assert_int_equal(o.suppress, 0);
	assert_null(o.output);

	assert_int_equal(parse(&o, "--period", "2018-Q2", "--centre", "AGZ", "--by", "nationality", "--format", "hxl",
	                       "--encoding", "windows-1252", "--suppress", "4", "--output", "x.csv", "intake",
	                       (char *)NULL),
	                 0);
	assert_string_equal(o.period.from, "2018-04-01");
	assert_string_equal(o.period.to, "2018-07-01");
	assert_string_equal(o.centre, "AGZ");
	assert_int_equal(o.by, REPORT_BY_NATIONALITY);
	assert_int_equal(o.format, REPORT_HXL);
	assert_int_equal(o.encoding, REPORT_CP1252);
	assert_int_equal(o.suppress, 4);
	assert_string_equal(o.output, "x.csv");

	assert_int_equal(parse(&o, "--list", (char *)NULL), 0);
	assert_true(o.list);
}

static void refuses_wrong_use(void **state)
{
	(void)state;
	struct report_cmd_options o;
	assert_int_equal(parse(&o, "no-such-table", "--year", "2018", (char *)NULL), 2);
	assert_int_equal(parse(&o, "--year", "2018", (char *)NULL), 2);                  /* no table */
	assert_int_equal(parse(&o, "intake", "protection", "--year", "2018", (char *)NULL), 2);
	assert_int_equal(parse(&o, "intake", (char *)NULL), 2);                          /* no period */
	assert_int_equal(parse(&o, "intake", "--year", "2018", "--period", "2018", (char *)NULL), 2);
	assert_int_equal(parse(&o, "intake", "--year", "18", (char *)NULL), 2);
	assert_int_equal(parse(&o, "intake", "--year", "2018-03", (char *)NULL), 2);     /* a month is a --period */
	assert_int_equal(parse(&o, "intake", "--period", "2018-13", (char *)NULL), 2);
	assert_int_equal(parse(&o, "intake", "--period", "2018-03-31..2018-03-01", (char *)NULL), 2);
	assert_int_equal(parse(&o, "intake", "--period", "", (char *)NULL), 2);
	assert_int_equal(parse(&o, "intake", "--year", "2018", "--by", "colour", (char *)NULL), 2);
	assert_int_equal(parse(&o, "intake", "--year", "2018", "--format", "xlsx", (char *)NULL), 2);
	assert_int_equal(parse(&o, "intake", "--year", "2018", "--encoding", "latin1", (char *)NULL), 2);
	assert_int_equal(parse(&o, "intake", "--year", "2018", "--suppress", "-1", (char *)NULL), 2);
	assert_int_equal(parse(&o, "intake", "--year", "2018", "--suppress", "four", (char *)NULL), 2);
	assert_int_equal(parse(&o, "intake", "--year", "2018", "--output", "", (char *)NULL), 2);
	assert_int_equal(parse(&o, "intake", "--year", (char *)NULL), 2);                /* no value */
	assert_int_equal(parse(&o, "intake", "--year", "2018", "--colour", (char *)NULL), 2);
	assert_int_equal(parse(&o, "--list", "intake", (char *)NULL), 2);
	/* Accepted periods of every form. */
	assert_int_equal(parse(&o, "intake", "--period", "03/2018", (char *)NULL), 0);
	assert_string_equal(o.period.from, "2018-03-01");
	assert_int_equal(parse(&o, "intake", "--period", "2018-03-01..2018-03-02", (char *)NULL), 0);
	assert_string_equal(o.period.to, "2018-03-03");
}

/* Runs the command on db with the NULL-terminated arguments. */
static int run(const char *db, ...)
{
	char *argv[32];
	int argc = 0;
	argv[argc++] = (char *)"report";
	va_list ap;
	va_start(ap, db);
	const char *a;
	while ((a = va_arg(ap, const char *)) != NULL && argc < 31)
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	return cmd_report_table(db, argc, argv, module_table);
}

static void computes_and_writes_whole(void **state)
{
	(void)state;
	struct tmpdir t = { { 0 }, { 0 } };
	tmpdir_make(&t);
	struct db *db;
	assert_int_equal(db_open(t.db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_close(&db);
	char out[400];
	snprintf(out, sizeof out, "%s/intake.csv", t.dir);
	assert_int_equal(run(t.db, "intake", "--year", "2018", "--format", "csv", "--output", out, (char *)NULL), 0);
	FILE *f = fopen(out, "r");
	assert_non_null(f);
	char text[4096];
	size_t n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	assert_non_null(strstr(text, "People registered"));
	/* An unknown centre is a wrong use; nothing is written. */
	char other[400];
	snprintf(other, sizeof other, "%s/other.csv", t.dir);
	assert_int_equal(run(t.db, "intake", "--year", "2018", "--centre", "NOPE", "--output", other, (char *)NULL), 2);
	assert_int_equal(access(other, F_OK), -1);
	/* A missing database is an error, not a wrong use. */
	char missing[400];
	snprintf(missing, sizeof missing, "%s/none.db", t.dir);
	assert_int_equal(run(missing, "intake", "--year", "2018", (char *)NULL), 1);
	unlink(out);
	tmpdir_remove(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_every_option),
		cmocka_unit_test(refuses_wrong_use),
		cmocka_unit_test(computes_and_writes_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
