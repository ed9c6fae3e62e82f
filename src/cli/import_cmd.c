/* `taimako import`: a legacy spreadsheet into the database. */
#include "cli/import_cmd.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/user_cmd.h"
#include "core/casenum.h"
#include "core/i18n.h"
#include "core/role.h"
#include "core/text.h"
#include "db/db.h"
#include "db/import.h"
#include "db/person.h"

/* Most rows per batch. */
#define BATCH_MAX 1000000

struct import_args {
	const char *file, *mapping;
	struct import_options o;
};

/* What the report lines name: the files as given, sanitised. */
struct printer {
	char file[256], mapping[256];
};

/* Prints a problem: FILE:LINE:COLUMN: reason. */
static void on_problem(int line, int column, bool in_map, const char *message, void *ctx)
{
	const struct printer *pr = ctx;
	const char *name = in_map ? pr->mapping : pr->file;
	if (line > 0 && column > 0)
		printf("%s:%d:%d: %s\n", name, line, column, message);
	else if (line > 0)
		printf("%s:%d: %s\n", name, line, message);
	else
		printf("%s: %s\n", name, message);
}

/* Prints a likely duplicate of the row on line. */
static void on_duplicate(int line, const struct person_hit *hit, int score, void *ctx)
{
	const struct printer *pr = ctx;
	char shown[CASENUM_MAX], number[CASENUM_MAX * 2], name[sizeof hit->name];
	if (!casenum_display(hit->case_key, shown, sizeof shown))
		snprintf(shown, sizeof shown, "%s", hit->case_key);
	text_sanitize(shown, number, sizeof number);
	text_sanitize(hit->name, name, sizeof name);
	printf(_("%s:%d: likely duplicate: %s %s (%d%%)\n"), pr->file, line, number, name, score);
}

/* Says how far a long import is, on a terminal only. */
static void on_progress(long rows, void *ctx)
{
	(void)ctx;
	if (isatty(STDERR_FILENO)) {
		char line[80];
		snprintf(line, sizeof line, _("%ld rows read..."), rows);
		fprintf(stderr, "%s\r", line);
	}
}

/* Reads the mapping file into *m; false after printing why. */
static bool read_mapping(const char *path, const char *shown, struct import_map *m)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "taimako: %s: %s\n", shown, strerror(errno));
		import_map_parse(m, "", 0, &(int){ 0 }, NULL, 0);
		return false;
	}
	static char text[IMPORT_MAP_MAX + 1];
	size_t n = fread(text, 1, sizeof text, f);
	bool bad = ferror(f);
	fclose(f);
	int line;
	char err[512];
	if (bad || n > IMPORT_MAP_MAX) {
		fprintf(stderr, _("taimako: %s: cannot read it or larger than %d bytes\n"), shown, IMPORT_MAP_MAX);
		import_map_parse(m, "", 0, &line, err, sizeof err);
		return false;
	}
	if (!import_map_parse(m, text, n, &line, err, sizeof err)) {
		printf("%s:%d: %s\n", shown, line, err);
		return false;
	}
	return true;
}

/* Reads --separator. */
static bool parse_sep(const char *s, char *out)
{
	if (strcmp(s, ",") == 0 || strcmp(s, ";") == 0 || strcmp(s, "\t") == 0) {
		*out = s[0];
		return true;
	}
	if (strcmp(s, "tab") == 0 || strcmp(s, "TAB") == 0) {
		*out = '\t';
		return true;
	}
	return false;
}

/* Reads the options; 0, or 2 after a one-line message. */
static int parse_options(int argc, char **argv, struct import_args *a)
{
	static const struct option opts[] = {
		{ "mapping", required_argument, NULL, 'm' },   { "encoding", required_argument, NULL, 'e' },
		{ "separator", required_argument, NULL, 's' }, { "centre", required_argument, NULL, 'c' },
		{ "dry-run", no_argument, NULL, 'n' },         { "batch", required_argument, NULL, 'b' },
		{ "resume", no_argument, NULL, 'r' },          { "allow-duplicates", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	memset(a, 0, sizeof *a);
	int c, enc;
	char *end;
	long v;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'm':
			a->mapping = optarg;
			break;
		case 'e':
			if ((enc = import_enc_from_name(optarg)) < 0) {
				fprintf(stderr, "%s\n", _("taimako: --encoding is auto, utf-8, windows-1252 or latin-1"));
				return 2;
			}
			a->o.enc = (enum import_enc)enc;
			break;
		case 's':
			if (!parse_sep(optarg, &a->o.sep)) {
				fprintf(stderr, "%s\n", _("taimako: --separator is , ; or tab"));
				return 2;
			}
			break;
		case 'c':
			a->o.centre = optarg;
			break;
		case 'n':
			a->o.dry_run = true;
			break;
		case 'b':
			errno = 0;
			v = strtol(optarg, &end, 10);
			if (end == optarg || *end || errno || v < 1 || v > BATCH_MAX) {
				fprintf(stderr, _("taimako: --batch takes a whole number from 1 to %d, not '%s'\n"), BATCH_MAX,
				        optarg);
				return 2;
			}
			a->o.batch = (int)v;
			break;
		case 'r':
			a->o.resume = true;
			break;
		case 'a':
			a->o.allow_duplicates = true;
			break;
		case ':':
			fprintf(stderr, _("taimako: %s needs a value; see taimako --help\n"), argv[optind - 1]);
			return 2;
		default:
			fprintf(stderr, _("taimako: unknown option '%s'; see taimako --help\n"), argv[optind - 1]);
			return 2;
		}
	}
	if (argc - optind != 1 || !a->mapping) {
		fprintf(stderr, "%s\n", _("taimako: use: taimako import FILE --mapping MAP; see taimako --help"));
		return 2;
	}
	if (a->o.resume && !a->o.batch) {
		fprintf(stderr, "%s\n", _("taimako: --resume goes with --batch N"));
		return 2;
	}
	a->file = argv[optind];
	const char *slash = strrchr(a->file, '/');
	a->o.file_name = slash ? slash + 1 : a->file;
	return 0;
}

/* The summary after the rows. */
static void summary(const struct import_args *a, const struct import_report *rep, enum status st)
{
	const char *sep = rep->sep == '\t' ? "tab" : rep->sep == ';' ? ";" : ",";
	if (rep->enc != IMPORT_ENC_AUTO)   /* known once a line was read */
		printf(_("Read as %s, separator %s.\n"), import_enc_name(rep->enc), sep);
	if (rep->resumed_after)
		printf(ngettext("Resumed after line %d (%ld row skipped).\n", "Resumed after line %d (%ld rows skipped).\n",
		                (unsigned long)rep->skipped),
		       rep->resumed_after, rep->skipped);
	if (rep->duplicates)
		printf(ngettext("%ld row has a likely duplicate.\n", "%ld rows have likely duplicates.\n",
		                (unsigned long)rep->duplicates),
		       rep->duplicates);
	if (a->o.dry_run) {
		printf(ngettext("Dry run: %ld row read, %ld can be imported, %ld rejected; nothing written.\n",
		                "Dry run: %ld rows read, %ld can be imported, %ld rejected; nothing written.\n",
		                (unsigned long)rep->rows),
		       rep->rows, rep->imported, rep->rejected);
		return;
	}
	printf(ngettext("%ld row read, %ld imported, %ld rejected.\n", "%ld rows read, %ld imported, %ld rejected.\n",
	                (unsigned long)rep->rows),
	       rep->rows, rep->imported, rep->rejected);
	if (st != ST_OK && !a->o.batch && rep->rows)
		printf("%s\n", _("Nothing was written: correct the rows above and import the file again."));
	if (st != ST_OK && a->o.batch) {
		if (rep->last_line)
			printf(_("Committed up to line %d: correct the rows above, then import again with --resume.\n"),
			       rep->last_line);
		else
			printf("%s\n", _("Nothing was written: correct the rows above and import the file again."));
	}
}

int cmd_import(const char *db_path, int argc, char **argv)
{
	struct import_args a;
	int rc = parse_options(argc, argv, &a);
	if (rc != 0)
		return rc;
	struct printer pr;
	text_sanitize(a.file, pr.file, sizeof pr.file);
	text_sanitize(a.mapping, pr.mapping, sizeof pr.mapping);
	struct import_map map;
	if (!read_mapping(a.mapping, pr.mapping, &map)) {
		import_map_free(&map);
		return 1;
	}
	FILE *csv = fopen(a.file, "rb");
	if (!csv) {
		fprintf(stderr, "taimako: %s: %s\n", pr.file, strerror(errno));
		import_map_free(&map);
		return 1;
	}
	/* Registering people is the intake clerk's: the command line acts
	 * with that role, recorded as unix:LOGIN. */
	struct db *db = cmd_open_as(db_path, ROLE_INTAKE);
	if (!db) {
		fclose(csv);
		import_map_free(&map);
		return 1;
	}
	/* A consultation is the medical staff's, an enrolment the training
	 * officer's: those roles for their writes only. */
	a.o.module_roles = true;
	struct import_callbacks cb = { on_problem, on_duplicate, &pr, on_progress };
	struct import_report rep;
	enum status st = import_run(db, csv, &map, &a.o, &cb, &rep);
	if (rep.rows >= IMPORT_PROGRESS_ROWS && isatty(STDERR_FILENO))
		fprintf(stderr, "%*s\r", 40, "");
	db_close(&db);
	fclose(csv);
	import_map_free(&map);
	if (st != ST_OK && st != ST_INVALID) {
		fprintf(stderr, "taimako: %s\n", _(status_msgid(st)));
		return 1;
	}
	summary(&a, &rep, st);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, _("taimako: cannot write the output (%s)\n"), strerror(errno));
		return 1;
	}
	return st == ST_OK ? 0 : 1;
}
