/* `taimako audit`: the audit trail as CSV, newest first. */
#include "cli/audit_cmd.h"
#include "db/audit_chain.h"
#include "db/audit_text.h"
#include "core/jsonbuf.h"

#include <errno.h>
#include <getopt.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "core/csvout.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/role.h"
#include "db/audit.h"
#include "db/db.h"

/* Rows fetched per query. The page is copied out and printed after the
 * query has ended, so that a reader slow to drain the pipe (less, ssh)
 * never holds a read snapshot open and the WAL file does not grow. */
#define PAGE_ROWS 100

/* One page of rows, copied out of the query. */
struct page {
	struct audit_row rows[PAGE_ROWS];
	int n;
};

/* Keeps a row of the current page (audit_query gives at most PAGE_ROWS). */
static void keep_row(const struct audit_row *row, void *ctx)
{
	struct page *p = ctx;
	if (p->n < PAGE_ROWS)
		p->rows[p->n++] = *row;
}

/* Prints one row as CSV, in the order of the header. */
static void print_row(const struct audit_row *r)
{
	char id[24], entity_id[24] = "";
	snprintf(id, sizeof id, "%lld", r->id);
	if (r->entity_id != 0)
		snprintf(entity_id, sizeof entity_id, "%lld", r->entity_id);
	/* Acting as an administrator, who may not read medical records: a
	 * medical row says which fields changed, never their values. */
	static struct jsonbuf hidden;
	const char *changes = audit_changes_for_role(r->entity, r->changes, ROLE_ADMIN, &hidden)
	                      ? jsonbuf_text(&hidden) : r->changes;
	const char *fields[] = { id, r->at, r->user_name, r->origin, r->action, r->entity,
	                         entity_id, changes };
	csvout_row(stdout, fields, 8);
}

/* True when s is a whole date "YYYY-MM-DD". */
static bool is_day(const char *s)
{
	struct pdate d;
	return date_from_iso(s, &d) == DATE_OK && d.prec == DATE_DAY;
}

/* Reads a record id: a whole number above 0. */
static bool parse_id(const char *s, long long *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (end == s || *end || errno || v <= 0)
		return false;
	*out = v;
	return true;
}

/* Reads the options into f; returns 0, or 2 after a one-line message. */
static int parse_options(int argc, char **argv, struct audit_filter *f)
{
	static const struct option opts[] = {
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' },
		{ "user", required_argument, NULL, 'n' },
		{ "entity", required_argument, NULL, 'e' },
		{ "id", required_argument, NULL, 'i' },
		{ NULL, 0, NULL, 0 },
	};
	const char *id_text = NULL;
	char letter[3];
	int c;
	optind = 0;   /* 0: glibc starts afresh, permutation state included */
	opterr = 0;   /* our own one-line messages, in the user's language */
	while ((c = getopt_long(argc, argv, "+:", opts, NULL)) != -1) {
		switch (c) {
		case 's': f->since = optarg; break;
		case 'u': f->until = optarg; break;
		case 'n': f->user_name = optarg; break;
		case 'e': f->entity = optarg; break;
		case 'i': id_text = optarg; break;
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
	if (optind != argc) {
		fprintf(stderr, _("taimako: wrong use of '%s'; see taimako --help\n"), "audit");
		return 2;
	}
	if (!f->since) {
		fprintf(stderr, "%s\n", _("taimako: audit needs --since DATE; see taimako --help"));
		return 2;
	}
	const char *dates[] = { f->since, f->until };
	for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		if (dates[i] && !is_day(dates[i])) {
			fprintf(stderr, _("taimako: '%s' is not a date; write it as YYYY-MM-DD\n"), dates[i]);
			return 2;
		}
	}
	if (id_text && !f->entity) {
		fprintf(stderr, "%s\n", _("taimako: --id needs --entity"));
		return 2;
	}
	if (id_text && !parse_id(id_text, &f->entity_id)) {
		fprintf(stderr, _("taimako: --id takes a whole number above 0, not '%s'\n"), id_text);
		return 2;
	}
	return 0;
}

/* Sets the actor to the Unix account running the command, with admin
 * rights: whoever can read the file has the data anyway. */
static void act_as_login(struct db *db)
{
	char name[64];
	const struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_name && *pw->pw_name)
		snprintf(name, sizeof name, "unix:%s", pw->pw_name);
	else
		snprintf(name, sizeof name, "unix:%lu", (unsigned long)getuid());
	db_set_actor(db, 0, name, ROLE_ADMIN, "cli");
}

/* Prints every matching row, a page at a time, newest first. */
static enum status print_trail(struct db *db, const struct audit_filter *f)
{
	static const char *const header[] = { "id", "at", "user", "origin", "action", "entity",
	                                      "entity_id", "changes" };
	struct page *p = malloc(sizeof *p);
	if (!p)
		return ST_NOMEM;
	csvout_row(stdout, header, 8);
	long long before = 0;
	bool more = true;
	enum status st = ST_OK;
	while (more && st == ST_OK) {
		p->n = 0;
		st = audit_query(db, f, before, PAGE_ROWS, keep_row, p, &more);
		for (int i = 0; st == ST_OK && i < p->n; i++)
			print_row(&p->rows[i]);
		if (p->n > 0)
			before = p->rows[p->n - 1].id;
	}
	free(p);
	return st;
}

/* `audit --head`: the last row of the trail and its chain, to be written
 * down or sent elsewhere: a trail cut short or chained again from scratch
 * then no longer ends with it. */
static int print_head(const char *db_path)
{
	struct db *db;
	char detail[256], head[AUDIT_CHAIN_HEX];
	long long id;
	enum status st = db_open(db_path, DB_READONLY, &db, detail, sizeof detail);
	if (st != ST_OK) {
		cmd_report(db_path, st, detail);
		return 1;
	}
	/* Read-only, an older database is not upgraded: it has no chain yet. */
	if (db_version(db) < db_latest_version()) {
		db_close(&db);
		fprintf(stderr, "taimako: %s: %s\n", db_path,
		        _("the audit trail is chained once this program has opened the database"));
		return 1;
	}
	st = audit_chain_head(db, &id, head);
	db_close(&db);
	if (st != ST_OK) {
		fprintf(stderr, "taimako: %s\n", _(status_msgid(st)));
		return 1;
	}
	printf(_("Audit trail head: row %lld, chain %s\n"), id, head[0] ? head : "-");
	return 0;
}

/* Checks the options, then prints the trail from a read-only connection. */
int cmd_audit(const char *db_path, int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--head") == 0)
		return print_head(db_path);
	struct audit_filter f = { 0 };
	int rc = parse_options(argc, argv, &f);
	if (rc != 0)
		return rc;
	struct db *db;
	char detail[256];
	enum status st = db_open(db_path, DB_READONLY, &db, detail, sizeof detail);
	if (st != ST_OK) {
		cmd_report(db_path, st, detail);
		return 1;
	}
	act_as_login(db);
	st = print_trail(db, &f);
	db_close(&db);
	if (st != ST_OK) {
		fprintf(stderr, "taimako: %s\n", _(status_msgid(st)));
		return 1;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, _("taimako: cannot write the output (%s)\n"), strerror(errno));
		return 1;
	}
	return 0;
}
