/* `taimako export people --recipient NAME --period P [--centre C]
 * [--format csv] [--encoding E] [--output FILE]`: one row per person with
 * a stay or a registration in the period, under a pseudonym of their own
 * for this recipient. Rows are written to a temporary file as they come
 * (each row encoded on its own) and given the file's name only once the
 * export and its audit row are done: a character the encoding cannot hold
 * or any failure leaves no file behind. */
#include "cli/export_cmd.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/user_cmd.h"
#include "core/csvout.h"
#include "core/i18n.h"
#include "core/report.h"
#include "core/report_out.h"
#include "core/role.h"
#include "core/vocab.h"
#include "db/db.h"
#include "db/export_people.h"
#include "db/refdata.h"
#include "ui/lang.h"

struct export_options {
	const char *recipient;
	const char *centre;
	const char *output;
	struct report_period period;
	bool have_period;
	enum report_encoding encoding;
};

/* Reads the options after "export people"; 0, or 2 after a message. */
static int parse_options(int argc, char **argv, struct export_options *o)
{
	static const struct option opts[] = {
		{ "recipient", required_argument, NULL, 'r' }, { "period", required_argument, NULL, 'p' },
		{ "centre", required_argument, NULL, 'c' },    { "format", required_argument, NULL, 'f' },
		{ "encoding", required_argument, NULL, 'e' },  { "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	memset(o, 0, sizeof *o);
	o->centre = "";
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			o->recipient = optarg;
			break;
		case 'p':
			if (!report_period_parse(optarg, &o->period)) {
				fprintf(stderr, _("taimako: '%s' is not a period: give a year (2018), a quarter (2018-Q2), "
				                  "a month (2018-03) or two days (2018-03-01..2018-03-31)\n"),
				        optarg);
				return 2;
			}
			o->have_period = true;
			break;
		case 'c':
			o->centre = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "csv") != 0) {
				fprintf(stderr, "%s\n", _("taimako: --format is csv for the people export"));
				return 2;
			}
			break;
		case 'e': {
			int e = report_encoding_parse(optarg);
			if (e < 0) {
				fprintf(stderr, "%s\n", _("taimako: --encoding is utf-8, utf-8-bom or windows-1252"));
				return 2;
			}
			o->encoding = (enum report_encoding)e;
			break;
		}
		case 'o':
			o->output = optarg;
			break;
		case ':':
			fprintf(stderr, _("taimako: %s needs a value; see taimako --help\n"), argv[optind - 1]);
			return 2;
		default:
			fprintf(stderr, _("taimako: unknown option '%s'; see taimako --help\n"), argv[optind - 1]);
			return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, _("taimako: unexpected '%s'; see taimako --help\n"), argv[optind]);
		return 2;
	}
	if (!o->recipient || !o->have_period) {
		fprintf(stderr, "%s\n", _("taimako: export people needs --recipient NAME and --period P; "
		                          "see taimako --help"));
		return 2;
	}
	return 0;
}

/* The centres' names, looked up once each (there are a handful). */
#define CENTRES_MAX 32
struct centre_names {
	int n;
	char code[CENTRES_MAX][8];
	char name[CENTRES_MAX][324];
};

/* The writing of the rows: one temporary file, the line reached, the
 * first failure. */
struct writer {
	struct db *db;
	FILE *out;
	enum report_encoding encoding;
	long line;
	enum status st;
	char err[512];
	struct centre_names centres;
};

/* The centre's name in the user's language (its code when it has none). */
static const char *centre_name(struct writer *w, const char *code)
{
	for (int i = 0; i < w->centres.n; i++)
		if (strcmp(w->centres.code[i], code) == 0)
			return w->centres.name[i];
	if (w->centres.n == CENTRES_MAX)
		return code;
	int i = w->centres.n++;
	snprintf(w->centres.code[i], sizeof w->centres.code[i], "%s", code);
	if (ref_centre_name(w->db, code, lang_get(), w->centres.name[i], sizeof w->centres.name[i]) != ST_OK ||
	    !w->centres.name[i][0])
		snprintf(w->centres.name[i], sizeof w->centres.name[i], "%s", code);
	return w->centres.name[i];
}

/* Writes one CSV row through the encoding. */
static void put_row(struct writer *w, const char *const *fields, int n)
{
	if (w->st != ST_OK)
		return;
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m) {
		w->st = ST_NOMEM;
		return;
	}
	csvout_row(m, fields, n);
	if (fclose(m) != 0 || !buf) {
		free(buf);
		w->st = ST_NOMEM;
		return;
	}
	w->st = report_encode(w->out, buf, len, w->encoding, w->line, w->err, sizeof w->err);
	w->line++;
	free(buf);
}

enum { COLUMNS = 10 };

static void header(struct writer *w)
{
	const char *f[COLUMNS] = {
		_("Pseudonym"), _("Sex"), _("Age group"), _("Nationality"), _("Centre"), _("Arrival month"),
		_("Migrant or community member"), _("Vulnerabilities"), _("Stays in the period"), _("Departure reason"),
	};
	put_row(w, f, COLUMNS);
}

static void on_person(const struct export_person *p, void *ctx)
{
	struct writer *w = ctx;
	char sex[2] = { p->sex, '\0' };
	char flags[1024] = "", stays[16];
	for (int i = 0; i < vocab_count(VOCAB_FLAG) && i < 32; i++) {
		if (!(p->flags & (1u << (unsigned)i)))
			continue;
		size_t len = strlen(flags);
		snprintf(flags + len, sizeof flags - len, "%s%s", len ? "; " : "",
		         _(vocab_item(VOCAB_FLAG, i)->label));
	}
	snprintf(stays, sizeof stays, "%d", p->stays);
	const char *sex_label = vocab_label(VOCAB_SEX, sex);
	const char *reason = p->departure[0] ? vocab_label(VOCAB_DEPARTURE_REASON, p->departure) : NULL;
	const char *f[COLUMNS] = {
		p->pseudonym,
		sex_label ? _(sex_label) : "",
		_(report_age_label(p->age_group)),
		p->nationality,
		centre_name(w, p->centre),
		p->arrival_month,
		p->community ? _("Community member") : _("Migrant"),
		flags,
		stays,
		reason ? _(reason) : "",
	};
	put_row(w, f, COLUMNS);
}

/* Opens the temporary file beside path (or an anonymous one for standard
 * output) into *f; the name into temp ("" anonymous). */
static bool open_temp(const char *path, char *temp, size_t size, FILE **f)
{
	temp[0] = '\0';
	if (!path) {
		*f = tmpfile();
		return *f != NULL;
	}
	snprintf(temp, size, "%s.partial-%ld", path, (long)getpid());
	int fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return false;
	*f = fdopen(fd, "w");
	if (!*f) {
		close(fd);
		unlink(temp);
		return false;
	}
	return true;
}

/* Copies the finished temporary file to standard output. */
static bool copy_out(FILE *f)
{
	if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0)
		return false;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (fwrite(buf, 1, n, stdout) != n)
			return false;
	return !ferror(f) && fflush(stdout) == 0;
}

/* Runs the export into the temporary file; 0 or 1 after a message. */
static int run(struct db *db, const struct export_options *o, FILE *f, long *rows)
{
	struct writer *w = calloc(1, sizeof *w);
	if (!w)
		return 1;
	w->db = db;
	w->out = f;
	w->encoding = o->encoding;
	w->line = 1;
	header(w);
	enum status st = w->st;
	if (st == ST_OK)
		st = export_people(db, o->recipient, &o->period, o->centre, on_person, w, rows);
	if (st == ST_OK)
		st = w->st;
	int rc = 0;
	if (st == ST_INVALID && w->err[0]) {
		fprintf(stderr, "taimako: %s\n", w->err);
		fprintf(stderr, "%s\n", _("taimako: nothing was written."));
		rc = 1;
	} else if (st == ST_INVALID) {
		fprintf(stderr, _("taimako: the recipient's name must be given (at most %d bytes)\n"),
		        EXPORT_RECIPIENT_MAX);
		rc = 1;
	} else if (st == ST_NOT_FOUND) {
		fprintf(stderr, _("taimako: no centre has the code '%s'\n"), o->centre);
		rc = 1;
	} else if (st != ST_OK) {
		fprintf(stderr, "taimako: %s\n", _(status_msgid(st)));
		rc = 1;
	}
	free(w);
	return rc;
}

int cmd_export(const char *db_path, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "people") != 0) {
		fprintf(stderr, "%s\n", _("taimako: export takes 'people'; see taimako --help"));
		return 2;
	}
	struct export_options o;
	int rc = parse_options(argc - 1, argv + 1, &o);
	if (rc != 0)
		return rc;
	if (o.output && access(o.output, F_OK) == 0) {
		fprintf(stderr, _("taimako: %s exists already; give another file\n"), o.output);
		return 1;
	}
	/* Whoever can write the file can do anything with it; the command
	 * acts with the role that may export figures and rows: the manager's. */
	struct db *db = cmd_open_as(db_path, ROLE_MANAGER);
	if (!db)
		return 1;
	char temp[4200];
	FILE *f;
	if (!open_temp(o.output, temp, sizeof temp, &f)) {
		fprintf(stderr, "taimako: %s: %s\n", o.output ? o.output : "tmpfile", strerror(errno));
		db_close(&db);
		return 1;
	}
	long rows = 0;
	rc = run(db, &o, f, &rows);
	db_close(&db);
	if (rc == 0 && !o.output && !copy_out(f)) {
		fprintf(stderr, "taimako: %s\n", strerror(errno));
		rc = 1;
	}
	if (fclose(f) != 0 && rc == 0) {
		fprintf(stderr, "taimako: %s: %s\n", o.output ? o.output : "tmpfile", strerror(errno));
		rc = 1;
	}
	if (temp[0]) {
		/* link() never replaces a file made meanwhile. */
		if (rc == 0 && link(temp, o.output) != 0) {
			fprintf(stderr, "taimako: %s: %s\n", o.output, strerror(errno));
			rc = 1;
		}
		unlink(temp);
	}
	if (rc == 0 && o.output)
		fprintf(stderr, _("taimako: %ld people exported to %s\n"), rows, o.output);
	return rc;
}
