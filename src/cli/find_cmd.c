/* `taimako find`: the quick lookup from the shell. */
#include "cli/find_cmd.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/user_cmd.h"
#include "core/casenum.h"
#include "core/clock.h"
#include "core/csvout.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/person.h"
#include "core/jsonbuf.h"
#include "core/role.h"
#include "core/text.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/person.h"

/* The longest query, in characters: more than the lookup screen's box. */
#define QUERY_CHARS_MAX 100

/* What the command line asked for. */
struct find_options {
	char query[QUERY_CHARS_MAX * 4 + 1];
	int limit;
	bool csv;
};

/* "~23" for an estimated age, "23", or "?" into out; true for a child.
 * The lookup screen's reading of a birth date (screens/lookup.c). */
static bool age_text(const char *birth, bool estimated, char *out, size_t size)
{
	struct pdate today = clock_today();
	int years;
	bool approx, child;
	if (!person_age(birth, estimated, &today, &years, &approx, &child)) {
		snprintf(out, size, "?");
		return false;
	}
	snprintf(out, size, "%s%d", approx ? "~" : "", years);
	return child;
}

void find_line_of(const struct person_hit *h, struct find_line *line)
{
	char shown[CASENUM_MAX];
	if (!casenum_display(h->case_key, shown, sizeof shown))
		snprintf(shown, sizeof shown, "%s", h->case_key);
	text_sanitize(shown, line->case_number, sizeof line->case_number);
	text_sanitize(h->name, line->name, sizeof line->name);
	snprintf(line->sex, sizeof line->sex, "%s", h->sex == 'f' ? _("F") : h->sex == 'm' ? _("M") : "?");
	/* Children are marked from their age, whatever was screened. */
	bool child = age_text(h->birth_date, h->birth_estimated, line->age, sizeof line->age);
	text_sanitize(h->nationality, line->nationality, sizeof line->nationality);
	text_sanitize(h->centre_code, line->centre, sizeof line->centre);
	char marks[sizeof line->marks];
	snprintf(marks, sizeof marks, "%s%s%s%s%s", h->community ? _("COMM.") : "",
	         h->community && (child || h->flags[0]) ? " " : "", child ? _("CHILD") : "",
	         child && h->flags[0] ? " " : "", h->flags);
	text_sanitize(marks, line->marks, sizeof line->marks);
	line->withheld = h->no_data_consent;
}

enum { COLUMNS = 7 };

/* The cells of a line, in the order of the columns. */
static void cells_of(const struct find_line *l, const char *cells[COLUMNS])
{
	cells[0] = l->case_number;
	cells[1] = l->name;
	cells[2] = l->sex;
	cells[3] = l->age;
	cells[4] = l->nationality;
	cells[5] = l->centre;
	cells[6] = l->marks;
}

/* Prints one row of cells padded to widths, without trailing spaces. */
static void print_cells(FILE *out, const char *const cells[COLUMNS], const int widths[COLUMNS])
{
	int pad = 0;
	for (int i = 0; i < COLUMNS; i++) {
		if (!cells[i][0]) {
			pad += widths[i] + 2;
			continue;
		}
		fprintf(out, "%*s%s", pad, "", cells[i]);
		pad = widths[i] - text_width(cells[i]) + 2;
	}
	fputc('\n', out);
}

void find_print_text(FILE *out, const struct find_line *lines, int n, bool more, int limit)
{
	/* The screen's column titles; the marks have none there either. */
	const char *header[COLUMNS] = { _("Case number"), _("Name"), _("Sex"), _("Age"), _("Nat."), _("Ctr"), "" };
	int widths[COLUMNS];
	for (int i = 0; i < COLUMNS; i++)
		widths[i] = text_width(header[i]);
	for (int r = 0; r < n; r++) {
		const char *cells[COLUMNS];
		cells_of(&lines[r], cells);
		for (int i = 0; i < COLUMNS; i++) {
			int w = text_width(cells[i]);
			if (w > widths[i])
				widths[i] = w;
		}
	}
	if (n > 0)
		print_cells(out, header, widths);
	for (int r = 0; r < n; r++) {
		const char *cells[COLUMNS];
		cells_of(&lines[r], cells);
		print_cells(out, cells, widths);
	}
	if (more)
		fprintf(out, _("more than %d: refine the query\n"), limit);
	else
		fprintf(out, _("%d shown\n"), n);
}

int find_print_csv(FILE *out, const struct find_line *lines, int n)
{
	int left_out = 0;
	/* Fixed names, as `taimako audit` has, whatever the language. */
	static const char *const header[COLUMNS] = { "case_number", "name", "sex", "age", "nationality", "centre",
	                                              "flags" };
	csvout_row(out, header, COLUMNS);
	for (int r = 0; r < n; r++) {
		const char *cells[COLUMNS];
		if (lines[r].withheld) {
			left_out++;
			continue;
		}
		cells_of(&lines[r], cells);
		csvout_row(out, cells, COLUMNS);
	}
	return left_out;
}

/* Reads --limit: a whole number from 1 to FIND_LIMIT_MAX. */
static bool parse_limit(const char *s, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < 1 || v > FIND_LIMIT_MAX)
		return false;
	*out = (int)v;
	return true;
}

/* Joins the words of the query with spaces into o->query; false when it
 * is too long. Control characters and invalid UTF-8 become '?'. */
static bool join_query(int argc, char **argv, struct find_options *o)
{
	char joined[sizeof o->query];
	size_t len = 0;
	joined[0] = '\0';
	for (int i = 0; i < argc; i++) {
		size_t w = strlen(argv[i]);
		if (len + w + 2 > sizeof joined)
			return false;
		if (len)
			joined[len++] = ' ';
		memcpy(joined + len, argv[i], w + 1);
		len += w;
	}
	text_sanitize(joined, o->query, sizeof o->query);
	int chars = 0;
	for (const char *c = o->query; *c; c++)
		chars += ((unsigned char)*c & 0xC0) != 0x80;
	return chars <= QUERY_CHARS_MAX;
}

/* True when s holds something other than spaces. */
static bool has_text(const char *s)
{
	return s[strspn(s, " ")] != '\0';
}

/* Reads the options into o; returns 0, or 2 after a one-line message. */
static int parse_options(int argc, char **argv, struct find_options *o)
{
	static const struct option opts[] = {
		{ "limit", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	o->limit = FIND_LIMIT_DEFAULT;
	o->csv = false;
	char letter[3];
	int c;
	optind = 0;   /* 0: glibc starts afresh, permutation state included */
	opterr = 0;   /* our own one-line messages, in the user's language */
	/* No '+': the options may follow the query; "--" ends them. */
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'l':
			if (!parse_limit(optarg, &o->limit)) {
				fprintf(stderr, _("taimako: --limit takes a whole number from 1 to %d, not '%s'\n"),
				        FIND_LIMIT_MAX, optarg);
				return 2;
			}
			break;
		case 'f':
			if (strcmp(optarg, "text") != 0 && strcmp(optarg, "csv") != 0) {
				fprintf(stderr, "%s\n", _("taimako: --format is text or csv"));
				return 2;
			}
			o->csv = strcmp(optarg, "csv") == 0;
			break;
		case ':':
			fprintf(stderr, _("taimako: %s needs a value; see taimako --help\n"), argv[optind - 1]);
			return 2;
		default:
			/* In "-xy" getopt is still inside the argument: name the letter. */
			if (optopt > 0 && optopt < 128)
				snprintf(letter, sizeof letter, "-%c", optopt);
			fprintf(stderr, _("taimako: unknown option '%s'; see taimako --help\n"),
			        optopt > 0 && optopt < 128 ? letter : argv[optind - 1]);
			return 2;
		}
	}
	if (!join_query(argc - optind, argv + optind, o)) {
		fprintf(stderr, _("taimako: the query is too long (more than %d characters)\n"), QUERY_CHARS_MAX);
		return 2;
	}
	if (!has_text(o->query)) {
		fprintf(stderr, "%s\n", _("taimako: find needs a name, a case number or a phone number; "
		                          "see taimako --help"));
		return 2;
	}
	return 0;
}

/* The results kept for printing. */
struct found {
	struct find_line *lines;
	int n, max;
};

/* Keeps a hit as a line (person_search_page gives at most max). */
static void keep_hit(const struct person_hit *hit, void *ctx)
{
	struct found *f = ctx;
	if (f->n < f->max)
		find_line_of(hit, &f->lines[f->n++]);
}

/* Records the search in the audit trail: the lookup screen leaves no row,
 * but a search from a shell would leave no other trace. */
static enum status audit_search(struct db *db, const struct find_options *o, int shown, bool more)
{
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_str(&j, "query", o->query);
	jsonbuf_put_int(&j, "shown", shown);
	jsonbuf_put_int(&j, "more", more);
	enum status st = db_begin(db);
	if (st != ST_OK)
		return st;
	st = audit_log(db, "search", "person", 0, jsonbuf_text(&j));
	if (st == ST_OK)
		st = db_commit(db);
	if (st != ST_OK)
		db_rollback(db);
	return st;
}

/* Searches, records the search, and only then keeps the lines in *f. */
static enum status search(struct db *db, const struct find_options *o, struct found *f, bool *more)
{
	f->max = o->limit;
	f->lines = calloc((size_t)o->limit, sizeof *f->lines);
	if (!f->lines)
		return ST_NOMEM;
	/* The screen's call: its first page, ranked the same way. */
	enum status st = person_search_page(db, o->query, PAGE_AFTER, 0, o->limit, keep_hit, f, more);
	if (st == ST_OK)
		st = audit_search(db, o, f->n, *more);
	return st;
}

int cmd_find(const char *db_path, int argc, char **argv)
{
	struct find_options o;
	int rc = parse_options(argc, argv, &o);
	if (rc != 0)
		return rc;
	/* As every command, whoever can write the file acts as an
	 * administrator: a role that may look people up but not open their
	 * case files, which is all this command does. */
	struct db *db = cmd_open_as(db_path, ROLE_ADMIN);
	if (!db)
		return 1;
	struct found f = { 0 };
	bool more = false;
	struct person_number_check number = { 0 };
	enum status st = search(db, &o, &f, &more);
	/* Nobody found: a mistyped case number says so, as on the screen. */
	if (st == ST_OK && f.n == 0 && person_number_check(db, o.query, &number) != ST_OK)
		number.wrong = false;
	db_close(&db);
	if (st != ST_OK) {
		free(f.lines);
		fprintf(stderr, "taimako: %s\n", _(status_msgid(st)));
		return 1;
	}
	if (o.csv) {
		int left_out = find_print_csv(stdout, f.lines, f.n);
		if (left_out)
			fprintf(stderr, _("%d left out: no consent to data collection\n"), left_out);
		if (more)
			fprintf(stderr, _("more than %d: refine the query\n"), o.limit);
	} else {
		find_print_text(stdout, f.lines, f.n, more, o.limit);
	}
	free(f.lines);
	if (number.wrong) {
		char shown[CASENUM_MAX];
		text_sanitize(number.shown, shown, sizeof shown);
		fprintf(stderr, _("Check the number: %s is not valid."), shown);
		fputc('\n', stderr);
		if (number.n)
			fprintf(stderr, "%s\n", _("Existing numbers close to it:"));
		for (int i = 0; i < number.n; i++)
			fprintf(stderr, "  %s\n", number.close[i]);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, _("taimako: cannot write the output (%s)\n"), strerror(errno));
		return 1;
	}
	return 0;
}
