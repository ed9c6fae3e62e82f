/* `taimako report`: a table of the reports from the shell. */
#include "cli/report_cmd.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/user_cmd.h"
#include "core/i18n.h"
#include "core/role.h"
#include "db/db.h"
#include "db/refdata.h"
#include "db/report.h"
#include "ui/lang.h"
#include "ui/module.h"

/* Collects the names of the tables, comma-separated. */
struct names {
	char text[512];
};

static void add_name(const struct module *m, const struct report_def *def, void *ctx)
{
	(void)m;
	struct names *n = ctx;
	size_t len = strlen(n->text);
	snprintf(n->text + len, sizeof n->text - len, "%s%s", len ? ", " : "", def->name);
}

/* Prints the tables' names after an unknown one. */
static int unknown_table(const char *name, const struct module *const *modules)
{
	struct names n = { "" };
	module_reports_each(modules, add_name, &n);
	fprintf(stderr, _("taimako: no table is named '%s'; the tables are: %s\n"), name, n.text);
	return 2;
}

/* Reads a whole number from 0 to 1000 (--suppress). */
static bool parse_count(const char *s, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < 0 || v > 1000)
		return false;
	*out = (int)v;
	return true;
}

/* One option's value; 0, or 2 after a message. */
static int take(int c, const char *arg, struct report_cmd_options *o, const char **year, const char **period)
{
	switch (c) {
	case 'y':
		*year = arg;
		return 0;
	case 'p':
		*period = arg;
		return 0;
	case 'c':
		if (strlen(arg) >= sizeof o->centre || !*arg) {
			fprintf(stderr, _("taimako: no centre has the code '%s'\n"), arg);
			return 2;
		}
		snprintf(o->centre, sizeof o->centre, "%s", arg);
		return 0;
	case 'b':
		o->by = report_by_parse(arg);
		if (o->by < 0) {
			fprintf(stderr, "%s\n", _("taimako: --by is total, sex, group, child, age, origin or nationality"));
			return 2;
		}
		return 0;
	case 'f': {
		int f = report_format_parse(arg);
		if (f < 0) {
			fprintf(stderr, "%s\n", _("taimako: --format is text, csv or hxl"));
			return 2;
		}
		o->format = (enum report_format)f;
		return 0;
	}
	case 'e': {
		int e = report_encoding_parse(arg);
		if (e < 0) {
			fprintf(stderr, "%s\n", _("taimako: --encoding is utf-8, utf-8-bom or windows-1252"));
			return 2;
		}
		o->encoding = (enum report_encoding)e;
		return 0;
	}
	case 's':
		if (!parse_count(arg, &o->suppress)) {
			fprintf(stderr, _("taimako: --suppress takes a whole number from 0 to 1000, not '%s'\n"), arg);
			return 2;
		}
		return 0;
	case 'o':
		if (!*arg) {
			fprintf(stderr, "%s\n", _("taimako: --output needs a file name"));
			return 2;
		}
		o->output = arg;
		return 0;
	default:
		return 2;
	}
}

/* Reads the period from --year or --period; 0, or 2 after a message. */
static int read_period(const char *year, const char *period, struct report_cmd_options *o)
{
	if (year && period) {
		fprintf(stderr, "%s\n", _("taimako: give --year or --period, not both"));
		return 2;
	}
	if (!year && !period) {
		fprintf(stderr, "%s\n", _("taimako: report needs --year YYYY or --period PERIOD; see taimako --help"));
		return 2;
	}
	if (year && (strlen(year) != 4 || strspn(year, "0123456789") != 4 || !report_period_parse(year, &o->period))) {
		fprintf(stderr, _("taimako: --year takes a year such as 2018, not '%s'\n"), year);
		return 2;
	}
	if (period && !report_period_parse(period, &o->period)) {
		fprintf(stderr,
		        _("taimako: '%s' is not a period: give a year (2018), a quarter (2018-Q2), a month (2018-03) "
		          "or two days (2018-03-01..2018-03-31)\n"),
		        period);
		return 2;
	}
	return 0;
}

int report_cmd_parse(int argc, char **argv, const struct module *const *modules, struct report_cmd_options *o)
{
	static const struct option opts[] = {
		{ "list", no_argument, NULL, 'l' },        { "year", required_argument, NULL, 'y' },
		{ "period", required_argument, NULL, 'p' }, { "centre", required_argument, NULL, 'c' },
		{ "by", required_argument, NULL, 'b' },     { "format", required_argument, NULL, 'f' },
		{ "encoding", required_argument, NULL, 'e' }, { "suppress", required_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' }, { NULL, 0, NULL, 0 },
	};
	memset(o, 0, sizeof *o);
	o->by = -1;
	o->format = REPORT_TEXT;
	o->encoding = REPORT_UTF8;
	const char *year = NULL, *period = NULL;
	char letter[3];
	int c;
	optind = 0;   /* 0: glibc starts afresh, permutation state included */
	opterr = 0;   /* our own one-line messages, in the user's language */
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'l':
			o->list = true;
			break;
		case ':':
			fprintf(stderr, _("taimako: %s needs a value; see taimako --help\n"), argv[optind - 1]);
			return 2;
		case '?':
			if (optopt > 0 && optopt < 128)
				snprintf(letter, sizeof letter, "-%c", optopt);
			fprintf(stderr, _("taimako: unknown option '%s'; see taimako --help\n"),
			        optopt > 0 && optopt < 128 ? letter : argv[optind - 1]);
			return 2;
		default:
			if (take(c, optarg, o, &year, &period) != 0)
				return 2;
		}
	}
	int rest = argc - optind;
	if (o->list) {
		if (rest > 0 || year || period) {
			fprintf(stderr, "%s\n", _("taimako: report --list takes nothing else"));
			return 2;
		}
		return 0;
	}
	if (rest != 1) {
		fprintf(stderr, "%s\n", _("taimako: report needs the name of one table; taimako report --list shows them"));
		return 2;
	}
	o->def = module_report(modules, argv[optind]);
	if (!o->def)
		return unknown_table(argv[optind], modules);
	return read_period(year, period, o);
}

/* ---- --list ---------------------------------------------------------- */

static void print_def(const struct module *m, const struct report_def *def, void *ctx)
{
	(void)m;
	FILE *out = ctx;
	fprintf(out, "%s\t%s\n\t%s\n", def->name, _(def->title), _(def->definition));
}

/* ---- computing -------------------------------------------------------- */

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* What the progress line last said. */
struct progress_state {
	bool shown;
	int line;
};

/* Progress on stderr when it is a terminal, once per line; false once
 * Ctrl-C was pressed. */
static bool on_progress(int done, int total, void *ctx)
{
	struct progress_state *p = ctx;
	if (done < total && (!p->shown || done + 1 != p->line) && isatty(STDERR_FILENO)) {
		fprintf(stderr, "\r");
		fprintf(stderr, _("Computing line %d of %d... Ctrl-C to stop"), done + 1, total);
		fflush(stderr);
		p->shown = true;
		p->line = done + 1;
	}
	return !interrupted;
}

/* The centre's region P-code, kept when its row comes by. */
struct centre_find {
	const char *code;
	char alt[8];
};

static void keep_alt(const struct ref_row *row, void *ctx)
{
	struct centre_find *f = ctx;
	if (strcmp(row->code, f->code) == 0)
		snprintf(f->alt, sizeof f->alt, "%s", row->alt);
}

/* Writes the table to path through a temporary file renamed into place:
 * nothing half-written. Returns the exit code. */
static int write_file(const char *path, const struct report_result *r, const struct report_out_options *ro)
{
	char tmp[PATH_MAX], err[256];
	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp) {
		fprintf(stderr, _("taimako: %s: the name is too long\n"), path);
		return 1;
	}
	int fd = mkstemp(tmp);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		fprintf(stderr, _("taimako: cannot write %s (%s)\n"), path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		return 1;
	}
	enum status st = report_write(f, r, ro, err, sizeof err);
	int saved = errno;
	if (fclose(f) != 0 && st == ST_OK) {
		st = ST_IO;
		saved = errno;
	}
	if (st == ST_OK && interrupted) {
		unlink(tmp);
		return 130;
	}
	if (st == ST_OK && rename(tmp, path) != 0) {
		st = ST_IO;
		saved = errno;
	}
	if (st != ST_OK) {
		unlink(tmp);
		if (err[0])
			fprintf(stderr, "taimako: %s\n", err);
		else
			fprintf(stderr, _("taimako: cannot write %s (%s)\n"), path, strerror(saved));
		return 1;
	}
	return 0;
}

/* Writes the table to standard output; the exit code. */
static int write_stdout(const struct report_result *r, const struct report_out_options *ro)
{
	char err[256];
	enum status st = report_write(stdout, r, ro, err, sizeof err);
	if (st == ST_OK && (fflush(stdout) != 0 || ferror(stdout)))
		st = ST_IO;
	if (st != ST_OK) {
		if (err[0])
			fprintf(stderr, "taimako: %s\n", err);
		else
			fprintf(stderr, _("taimako: cannot write the output (%s)\n"), strerror(errno));
		return 1;
	}
	return 0;
}

/* Computes and writes; the exit code. */
static int run(struct db *db, const struct report_cmd_options *o, struct report_result *r)
{
	struct sigaction sa, old;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old);
	interrupted = 0;
	struct progress_state progress = { false, 0 };
	enum status st = report_compute(db, o->def, &o->period, o->centre, on_progress, &progress, r);
	if (progress.shown) {
		fprintf(stderr, "\r\033[K");
		fflush(stderr);
	}
	int rc = 0;
	if (st == ST_NOT_FOUND) {
		fprintf(stderr, _("taimako: no centre has the code '%s'\n"), o->centre);
		rc = 2;
	} else if (st != ST_OK) {
		fprintf(stderr, "taimako: %s: %s\n", _(o->def->title), _(status_msgid(st)));
		rc = 1;
	} else if (r->cancelled || interrupted) {
		fprintf(stderr, "%s\n", _("taimako: interrupted; nothing written"));
		rc = 130;
	}
	if (rc == 0) {
		char centre_label[324] = "";
		struct centre_find cf = { o->centre, "" };
		if (o->centre[0]) {
			bool more;
			ref_centre_name(db, o->centre, lang_get(), centre_label, sizeof centre_label);
			ref_page(db, REF_CENTRE, lang_get(), o->centre, PAGE_AFTER, NULL, 50, keep_alt, &cf, &more);
		}
		struct ref_namer namer = { db, lang_get(), "" };
		struct report_out_options ro = {
			.country_name = ref_namer_country,
			.country_ctx = &namer,
			.format = o->format,
			.encoding = o->encoding,
			.by = o->by >= 0 ? (enum report_by)o->by : o->def->by,
			.suppress = o->suppress,
			.adm1 = cf.alt,
			.country = "NER",
			.centre_label = centre_label,
		};
		rc = o->output ? write_file(o->output, r, &ro) : write_stdout(r, &ro);
		if (rc == 130)
			fprintf(stderr, "%s\n", _("taimako: interrupted; nothing written"));
	}
	sigaction(SIGINT, &old, NULL);
	return rc;
}

int cmd_report_table(const char *db_path, int argc, char **argv, const struct module *const *modules)
{
	struct report_cmd_options o;
	int rc = report_cmd_parse(argc, argv, modules, &o);
	if (rc != 0)
		return rc;
	if (o.list) {
		module_reports_each(modules, print_def, stdout);
		return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
	}
	/* As every command, whoever can write the file acts; here in the
	 * role that computes reports (a manager's), which the engine checks
	 * against the table's permissions and records in the audit trail. */
	struct db *db = cmd_open_as(db_path, ROLE_MANAGER);
	if (!db)
		return 1;
	struct report_result *r = calloc(1, sizeof *r);
	if (!r) {
		db_close(&db);
		fprintf(stderr, "taimako: %s\n", _(status_msgid(ST_NOMEM)));
		return 1;
	}
	rc = run(db, &o, r);
	free(r);
	db_close(&db);
	return rc;
}
