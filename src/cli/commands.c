/* init, demo, check. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/prompt.h"
#include "core/i18n.h"
#include "db/db.h"
#include "demo/demo.h"
#include "ui/module.h"
#include "db/user.h"

#define MAX_PERSONS 10000000L

void cmd_report(const char *path, int status, const char *detail)
{
	if (status == ST_PUBLIC_FILE) {
		/* The detail names the file at fault: the database, its -wal or -shm. */
		const char *file = detail && *detail ? detail : path;
		fprintf(stderr, _("taimako: %s: %s Fix it with: chmod 660 %s\n"), file,
		        _(status_msgid(ST_PUBLIC_FILE)), file);
		return;
	}
	if (detail && *detail)
		fprintf(stderr, "taimako: %s: %s (%s)\n", path, _(status_msgid((enum status)status)), detail);
	else
		fprintf(stderr, "taimako: %s: %s\n", path, _(status_msgid((enum status)status)));
}

/* Creates the folder of the default database and its parents, as
 * `mkdir -p` would (a fresh account may have no ~/.local/share yet). A
 * path given with --db must name an existing folder instead. */
static bool make_default_dir(const char *path)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return true;
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			fprintf(stderr, "taimako: %s: %s\n", dir, strerror(errno));
			return false;
		}
		*p = '/';
	}
	if (mkdir(dir, 0770) != 0 && errno != EEXIST) {
		fprintf(stderr, "taimako: %s: %s\n", dir, strerror(errno));
		return false;
	}
	return true;
}

/* A new database made complete or not at all: built under a temporary
 * name beside its own (NAME.partial-PID), then given its name in one step
 * by link(), which never replaces an existing file. A program killed
 * part-way leaves at most the temporary file, never a database without
 * its accounts under the name asked for. */
struct new_db {
	const char *path;
	char temp[4200];
};

/* Creates the temporary database of n for path; reports a failure. */
static enum status new_db_open(struct new_db *n, const char *path, struct db **db)
{
	char detail[256];
	n->path = path;
	snprintf(n->temp, sizeof n->temp, "%s.partial-%ld", path, (long)getpid());
	struct stat sb;
	if (stat(path, &sb) == 0) {
		cmd_report(path, ST_EXISTS, NULL);
		return ST_EXISTS;
	}
	enum status st = db_open(n->temp, DB_CREATE, db, detail, sizeof detail);
	if (st != ST_OK)
		cmd_report(st == ST_EXISTS ? n->temp : path, st, detail);
	return st;
}

/* Flushes a file or folder to the disk. */
static bool sync_path(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return false;
	bool ok = fsync(fd) == 0;
	close(fd);
	return ok;
}

/* Gives the closed temporary database of n its name, or removes it:
 * ok says whether it was made in full. Reports a failure. */
static enum status new_db_place(struct new_db *n, bool ok)
{
	char wal[4300], dir[4096];
	snprintf(wal, sizeof wal, "%s-wal", n->temp);
	/* Closed, the database is one file (SQLite folds its log in). */
	enum status st = !ok ? ST_INTERNAL : access(wal, F_OK) == 0 || !sync_path(n->temp) ? ST_CANT_CREATE : ST_OK;
	if (st == ST_OK && link(n->temp, n->path) != 0) {
		st = errno == EEXIST ? ST_EXISTS : ST_CANT_CREATE;
		cmd_report(n->path, st, st == ST_EXISTS ? NULL : strerror(errno));
	}
	db_remove_files(n->temp);
	snprintf(dir, sizeof dir, "%s", n->path);
	if (st == ST_OK)
		sync_path(dirname(dir));
	return st;
}

/* Prints the subcommand's usage error. */
static int usage_error(const char *cmd)
{
	fprintf(stderr, _("taimako: wrong use of '%s'; see taimako --help\n"), cmd);
	return 2;
}

int cmd_init(const char *db_path, bool default_path, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "admin", required_argument, NULL, 'a' },
		{ "name", required_argument, NULL, 'n' },
		{ "centre", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	const char *admin = "admin", *display = NULL, *centre = "NY1";
	int c;
	optind = 0;   /* 0: glibc starts afresh, permutation state included */
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (c) {
		case 'a': admin = optarg; break;
		case 'n': display = optarg; break;
		case 'c': centre = optarg; break;
		default: return usage_error("init");
		}
	}
	if (optind != argc)
		return usage_error("init");
	if (user_check_name(admin) != ST_OK) {
		fprintf(stderr, "taimako: %s: %s\n", admin,
		        _("a user name has 2 to 32 of a-z, 0-9, '.', '_', '-'"));
		return 2;
	}
	struct stat sb;
	if (stat(db_path, &sb) == 0) {
		cmd_report(db_path, ST_EXISTS, NULL);
		return 1;
	}
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", db_path);
	if (!default_path && access(dirname(dir), W_OK) != 0) {
		fprintf(stderr, "taimako: %s: %s\n", db_path, strerror(errno));
		return 1;
	}
	char password[256];
	enum status st = prompt_new_password(password, sizeof password);
	if (st != ST_OK) {
		explicit_bzero(password, sizeof password);
		if (st != ST_INVALID)
			fprintf(stderr, "taimako: %s\n", _(status_msgid(st)));
		else if (!isatty(0))
			fprintf(stderr, "taimako: %s\n", _("no password on standard input"));
		return 1;
	}
	if (default_path && !make_default_dir(db_path)) {
		explicit_bzero(password, sizeof password);
		return 1;
	}
	struct db *db;
	struct new_db made;
	st = new_db_open(&made, db_path, &db);
	if (st != ST_OK) {
		explicit_bzero(password, sizeof password);
		return 1;
	}
	db_set_actor(db, 0, "init", ROLE_ADMIN, "cli");
	st = user_add(db, admin, display ? display : _("Administrator"), ROLE_ADMIN, centre, "fr",
	              password, NULL);
	explicit_bzero(password, sizeof password);
	db_close(&db);
	if (st != ST_OK) {
		/* Nothing half-made stays behind. */
		new_db_place(&made, false);
		if (st == ST_NOT_FOUND)
			fprintf(stderr, "taimako: %s: %s\n", centre, _("no centre has this code"));
		else
			fprintf(stderr, "taimako: %s\n", _(status_msgid(st)));
		return 1;
	}
	if (new_db_place(&made, true) != ST_OK)
		return 1;
	printf(_("Created %s with the administrator account '%s'.\n"), db_path, admin);
	return 0;
}

/* Parses a count of persons: a whole number from 0 to MAX_PERSONS. */
static bool parse_persons(const char *s, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < 0 || v > MAX_PERSONS)
		return false;
	*out = v;
	return true;
}

/* Shows how far the generation is, on one terminal line. */
static void show_progress(long done, long total, void *ctx)
{
	fputc('\r', stderr);
	/* TRANSLATORS: %s is a module's name: "Registration", "Medical follow-up"... */
	fprintf(stderr, _("Demo data, %s: %ld of %ld people"), _((const char *)ctx), done, total);
	fflush(stderr);
}

/* True when name is in the comma-separated list. */
static bool listed(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncmp(p, name, n) == 0)
			return true;
		p += len + (end ? 1 : 0);
	}
	return false;
}

/* Checks that every name in the comma-separated list is a module with
 * demo data; prints the names there are otherwise. */
static bool modules_known(const char *list, const struct module *const *modules)
{
	for (const char *p = list; *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		bool found = false;
		for (const struct module *const *m = modules; *m && !found; m++)
			found = (*m)->demo && strlen((*m)->name) == len && strncmp((*m)->name, p, len) == 0;
		if (!found) {
			fprintf(stderr, _("taimako: unknown module '%.*s'; modules with demo data:"), (int)len, p);
			for (const struct module *const *m = modules; *m; m++)
				if ((*m)->demo)
					fprintf(stderr, " %s", (*m)->name);
			fputc('\n', stderr);
			return false;
		}
		p += len + (end ? 1 : 0);
	}
	return true;
}

int cmd_demo(const char *db_path, bool default_path, int argc, char **argv, const struct module *const *modules)
{
	static const struct option opts[] = {
		{ "persons", required_argument, NULL, 'p' },
		{ "modules", required_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 },
	};
	long persons = 0;
	const char *only = NULL;   /* the modules asked for, NULL: all */
	int c;
	optind = 0;   /* 0: glibc starts afresh, permutation state included */
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (c == 'm') {
			only = optarg;
			continue;
		}
		if (c != 'p')
			return usage_error("demo");
		if (!parse_persons(optarg, &persons)) {
			fprintf(stderr, _("taimako: --persons takes a whole number from 0 to %ld\n"), MAX_PERSONS);
			return 2;
		}
	}
	if (optind != argc)
		return usage_error("demo");
	if (only && !modules_known(only, modules))
		return 2;
	if (default_path && !make_default_dir(db_path))
		return 1;
	struct db *db;
	struct new_db made;
	enum status st = new_db_open(&made, db_path, &db);
	if (st != ST_OK)
		return 1;
	db_set_actor(db, 0, "demo", ROLE_ADMIN, "cli");
	st = demo_fill(db, persons);
	/* Each module writes its part, in the order of the table (the people
	 * first: the others build on them, so the first is always written). */
	for (const struct module *const *m = modules; st == ST_OK && persons > 0 && *m; m++) {
		if (!(*m)->demo || (only && m != modules && !listed(only, (*m)->name)))
			continue;
		struct demo_options o = { .persons = persons, .seed = 1,
		                          .progress = isatty(STDERR_FILENO) ? show_progress : NULL,
		                          .ctx = (void *)(*m)->title };
		st = (*m)->demo(db, &o);
		if (isatty(STDERR_FILENO))
			fputc('\n', stderr);
	}
	db_close(&db);
	if (st != ST_OK) {
		new_db_place(&made, false);
		fprintf(stderr, "taimako: %s\n", _(status_msgid(st)));
		return 1;
	}
	if (new_db_place(&made, true) != ST_OK)
		return 1;
	printf(_("Created the demo database %s: one account per role, password name-demo "
	         "(for example intake / intake-demo).\n"), db_path);
	if (persons > 0)
		printf(_("It holds %ld synthetic people.\n"), persons);
	return 0;
}

int cmd_check(const char *db_path, int argc, char **argv)
{
	if (argc != 1)
		return usage_error(argv[0]);
	struct db *db;
	char detail[256];
	enum status st = db_open(db_path, DB_READONLY, &db, detail, sizeof detail);
	if (st != ST_OK) {
		cmd_report(db_path, st, detail);
		return 1;
	}
	int version = db_version(db);
	st = db_integrity(db, detail, sizeof detail);
	db_close(&db);
	if (st != ST_OK) {
		cmd_report(db_path, st, detail);
		return 1;
	}
	printf(_("%s: sound; schema version %d (this program: %d).\n"), db_path, version,
	       db_latest_version());
	if (version < db_latest_version())
		printf("%s\n", _("The schema will be upgraded the next time Taimako opens it."));
	return 0;
}
