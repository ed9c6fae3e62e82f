/* `taimako sync`: exchanging changes with other sites (db/sync.h). */
#include "cli/sync_cmd.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/user_cmd.h"
#include "core/i18n.h"
#include "core/role.h"
#include "core/text.h"
#include "db/db.h"
#include "db/sync.h"

#define BUNDLE_MAX ((size_t)1 << 30)

static int misuse(void)
{
	fprintf(stderr, _("taimako: wrong use of '%s'; see taimako --help\n"), "sync");
	return 2;
}

static int failed(enum status s, const char *detail)
{
	char shown[300];
	text_sanitize(detail && detail[0] ? detail : _(status_msgid(s)), shown, sizeof shown);
	fprintf(stderr, "taimako: %s\n", shown);
	return s == ST_INVALID || s == ST_NOT_FOUND ? 2 : 1;
}

/* The value of option name in argv (--name VALUE), or NULL. */
static const char *option(int argc, char **argv, const char *name)
{
	for (int i = 1; i + 1 < argc; i++)
		if (!strcmp(argv[i], name))
			return argv[i + 1];
	return NULL;
}

static bool flag(int argc, char **argv, const char *name)
{
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], name))
			return true;
	return false;
}

/* The arguments that are neither options nor their values. */
static int operands(int argc, char **argv, const char **out, int max)
{
	int n = 0;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--to") || !strcmp(argv[i], "--from") || !strcmp(argv[i], "--name")
		    || !strcmp(argv[i], "--remote-db") || !strcmp(argv[i], "--site")) {
			i++;
			continue;
		}
		if (!strncmp(argv[i], "--", 2) && strcmp(argv[i], "-"))
			continue;
		if (n < max)
			out[n] = argv[i];
		n++;
	}
	return n;
}

static int init(struct db *db, const char *name, const char *as)
{
	long long rows = 0;
	enum status s = sync_init_as(db, name, as, &rows);
	if (s == ST_INVALID) {
		fprintf(stderr, "%s\n", as ? _("taimako: a site id is the 32 digits and letters that `taimako sync status` "
		                                "shows there.")
		                             : _("taimako: a site's name is 1 to 32 characters, without control characters."));
		return 2;
	}
	if (s == ST_EXISTS) {
		fprintf(stderr, "%s\n", _("taimako: this database has exchanged changes already: rebuild a site on a new "
		                          "database."));
		return 2;
	}
	if (s != ST_OK)
		return failed(s, NULL);
	if (as)
		printf(_("This database now takes the place of \"%s\": import the central copy's bundle of everything "
		         "(`taimako sync export --to %s --all FILE` there).\n"), name, as);
	else
		printf(_("This site is now \"%s\"; %lld records it owns are ready to be sent.\n"), name, rows);
	return 0;
}

/* A time of the log ("2026-12-01T08:14:13.727Z") as "2026-12-01 08:14 UTC". */
static const char *when(const char *at, char *out, size_t size)
{
	if (!at[0])
		return _("never");
	snprintf(out, size, "%.10s %.5s UTC", at, strlen(at) > 11 ? at + 11 : "");
	return out;
}

static enum status print_site(const struct sync_site *s, void *ctx)
{
	(void)ctx;
	char name[80], t[32];
	text_sanitize(s->name[0] ? s->name : _("(no name yet)"), name, sizeof name);
	if (s->self) {
		printf(_("This site: %s (id %s)\n"), name, s->site);
		printf(_("  changes made here: %lld\n"), s->have);
		return ST_OK;
	}
	printf(_("%s (id %s)\n"), name, s->site);
	printf(_("  bundles sent: %lld, the last: %s\n"), s->sent_n, when(s->sent_at, t, sizeof t));
	printf(_("    changes waiting to be sent: %lld\n"), s->waiting);
	printf(_("  bundles received: %lld, the last: %s\n"), s->recv_n, when(s->recv_at, t, sizeof t));
	printf(_("    its changes applied here: %lld\n"), s->have);
	if (s->held)
		printf(_("  bundles kept until earlier ones come: %lld\n"), s->held);
	if (s->conflicts)
		printf(_("  conflicts with its changes to decide: %lld\n"), s->conflicts);
	return ST_OK;
}

static int status(struct db *db)
{
	enum status s = sync_sites_each(db, print_site, NULL);
	if (s != ST_OK)
		return failed(s, NULL);
	long long open = 0;
	if (sync_conflicts_open(db, &open) == ST_OK && open)
		printf(_("Conflicts between sites waiting for a manager: %lld (screen: Conflicts between sites).\n"),
		       open);
	return 0;
}

/* Writes to path through a file beside it, renamed when whole. */
static int write_file(struct db *db, const char *to, const char *path, bool all, bool again, bool request)
{
	struct sync_result r;
	bool out = !strcmp(path, "-");
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.part", path);
	FILE *f = out ? stdout : fopen(tmp, "wbx");
	if (!f) {
		fprintf(stderr, _("taimako: cannot write %s: %s\n"), tmp, strerror(errno));
		return 1;
	}
	enum status s = request ? sync_request_all(db, to, f, &r)
	                : again ? sync_export_again(db, to, f, &r) : sync_export(db, to, all, f, &r);
	if (!out) {
		bool ok = s == ST_OK && fflush(f) == 0 && fsync(fileno(f)) == 0;
		if (fclose(f) != 0)
			ok = false;
		if (ok && rename(tmp, path) != 0)
			ok = false;
		if (!ok) {
			unlink(tmp);
			if (s == ST_OK) {
				fprintf(stderr, _("taimako: cannot write %s: %s\n"), path, strerror(errno));
				return 1;
			}
		}
	}
	if (s != ST_OK)
		return failed(s, r.detail);
	fprintf(out ? stderr : stdout, _("Bundle %lld written: %lld changes, %lld bytes.\n"), r.bundle, r.entries,
	        r.bytes);
	if (r.more)
		fprintf(out ? stderr : stdout, "%s\n", _("More changes wait: write the next bundle the same way (without "
		                                           "--all)."));
	return 0;
}

static unsigned char *read_all(FILE *f, size_t *size)
{
	size_t cap = 1 << 16, n = 0;
	unsigned char *p = malloc(cap);
	if (!p)
		return NULL;
	for (;;) {
		if (n == cap) {
			unsigned char *q = cap < BUNDLE_MAX ? realloc(p, cap * 2) : NULL;
			if (!q) {
				free(p);
				return NULL;
			}
			p = q;
			cap *= 2;
		}
		size_t got = fread(p + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	*size = n;
	return p;
}

static int import_file(struct db *db, const char *path)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f) {
		fprintf(stderr, _("taimako: cannot read %s: %s\n"), path, strerror(errno));
		return 1;
	}
	size_t size = 0;
	unsigned char *data = read_all(f, &size);
	bool bad = ferror(f);
	if (f != stdin)
		fclose(f);
	if (!data || bad) {
		free(data);
		fprintf(stderr, _("taimako: cannot read %s: %s\n"), path, _("too big or unreadable"));
		return 1;
	}
	struct sync_result r;
	enum status s = sync_import(db, data, size, &r);
	free(data);
	char from[80];
	text_sanitize(r.from, from, sizeof from);
	if (s == ST_CONFLICT) {
		char shown[300];
		text_sanitize(r.detail, shown, sizeof shown);
		printf("%s\n", shown);
		return 3;
	}
	if (s != ST_OK)
		return failed(s, r.detail);
	if (r.applied == 0 && r.detail[0]) {
		char shown[300];
		text_sanitize(r.detail, shown, sizeof shown);
		printf("%s\n", shown);
		return 0;
	}
	printf(_("Bundle %lld from %s applied: %lld changes (%lld already here), %lld new conflicts, "
	         "%lld people who may be registered here too.\n"),
	       r.bundle, from, r.applied, r.skipped, r.conflicts, r.duplicates);
	return 0;
}

/* `sync push HOST`: the bundle for the site at HOST, carried over ssh
 * (TAIMAKO_SSH, default "ssh"; TAIMAKO_REMOTE, default "taimako"). */
static int push(struct db *db, const char *host, const char *to, const char *remote_db, bool again)
{
	const char *ssh = getenv("TAIMAKO_SSH") ? getenv("TAIMAKO_SSH") : "ssh";
	const char *prog = getenv("TAIMAKO_REMOTE") ? getenv("TAIMAKO_REMOTE") : "taimako";
	for (const char *p = host; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_@:", *p))
			return misuse();
	if (remote_db && strpbrk(remote_db, "'\\\n"))
		return misuse();
	char dbopt[4200] = "";
	if (remote_db)
		snprintf(dbopt, sizeof dbopt, " --db '%s'", remote_db);
	char cmd[8600], site[80] = "";
	if (!to) {
		snprintf(cmd, sizeof cmd, "%s %s \"%s%s sync id\"", ssh, host, prog, dbopt);
		FILE *p = popen(cmd, "r");
		if (!p || !fgets(site, sizeof site, p)) {
			if (p)
				pclose(p);
			fprintf(stderr, _("taimako: could not ask %s which site it is (is Taimako there, and the link up?)\n"),
			        host);
			return 1;
		}
		pclose(p);
		site[strcspn(site, " \n")] = '\0';
		to = site;
	}
	char tmp[] = "/tmp/taimako-push-XXXXXX";
	int fd = mkstemp(tmp);
	FILE *f = fd >= 0 ? fdopen(fd, "w+b") : NULL;
	if (!f) {
		fprintf(stderr, _("taimako: cannot write %s: %s\n"), tmp, strerror(errno));
		return 1;
	}
	fclose(f);
	struct sync_result r;
	do {   /* bundle after bundle while more wait (each has a size limit) */
		f = fopen(tmp, "wb");
		if (!f) {
			unlink(tmp);
			return 1;
		}
		enum status s = again ? sync_export_again(db, to, f, &r) : sync_export(db, to, false, f, &r);
		again = false;
		fclose(f);
		if (s != ST_OK) {
			unlink(tmp);
			return failed(s, r.detail);
		}
		snprintf(cmd, sizeof cmd, "%s %s \"%s%s sync import -\" < %s", ssh, host, prog, dbopt, tmp);
		int rc = system(cmd);
		if (rc != 0) {
			unlink(tmp);
			fprintf(stderr, _("taimako: %s did not apply bundle %lld: push again with --again to send what it "
			                  "has not said it has.\n"), host, r.bundle);
			return 1;
		}
		printf(_("Bundle %lld sent to %s: %lld changes, %lld bytes.\n"), r.bundle, host, r.entries, r.bytes);
	} while (r.more);
	unlink(tmp);
	return 0;
}

static enum status print_id(const struct sync_site *s, void *ctx)
{
	if (s->self) {
		char name[80];
		text_sanitize(s->name, name, sizeof name);
		printf("%s %s\n", s->site, name);
		*(bool *)ctx = true;
	}
	return ST_OK;
}

/* This site's id and name on one line (what `sync push` asks the other
 * end). */
static int id(struct db *db)
{
	bool found = false;
	enum status s = sync_sites_each(db, print_id, &found);
	if (s != ST_OK)
		return failed(s, NULL);
	if (!found) {
		fprintf(stderr, "taimako: %s\n", _("This site does not exchange with others yet: "
		                                    "run `taimako sync init --name NAME` first."));
		return 2;
	}
	return 0;
}

int cmd_sync(const char *db_path, int argc, char **argv)
{
	if (argc < 2)
		return misuse();
	const char *sub = argv[1];
	const char *ops[4];
	int nops = operands(argc, argv, ops, 4);
	struct db *db = NULL;
	int rc = 0;
	if (!strcmp(sub, "init")) {
		const char *name = option(argc, argv, "--name");
		if (!name || nops)
			return misuse();
		if (!(db = cmd_open_as(db_path, ROLE_ADMIN)))
			return 1;
		rc = init(db, name, option(argc, argv, "--site"));
	} else if (!strcmp(sub, "status") || !strcmp(sub, "id")) {
		if (nops)
			return misuse();
		if (!(db = cmd_open_as(db_path, ROLE_ADMIN)))
			return 1;
		rc = !strcmp(sub, "status") ? status(db) : id(db);
	} else if (!strcmp(sub, "export")) {
		const char *to = option(argc, argv, "--to");
		if (!to || nops != 1)
			return misuse();
		if (!(db = cmd_open_as(db_path, ROLE_ADMIN)))
			return 1;
		rc = write_file(db, to, ops[0], flag(argc, argv, "--all"), flag(argc, argv, "--again"), false);
	} else if (!strcmp(sub, "request")) {
		const char *from = option(argc, argv, "--from");
		if (!from || nops != 1)
			return misuse();
		if (!(db = cmd_open_as(db_path, ROLE_ADMIN)))
			return 1;
		rc = write_file(db, from, ops[0], false, false, true);
	} else if (!strcmp(sub, "import")) {
		if (nops < 1 || nops > 4)
			return misuse();
		if (!(db = cmd_open_as(db_path, ROLE_ADMIN)))
			return 1;
		for (int i = 0; i < nops && (rc == 0 || rc == 3); i++) {
			int one = import_file(db, ops[i]);
			if (rc == 0)
				rc = one;
		}
	} else if (!strcmp(sub, "push")) {
		if (nops != 1)
			return misuse();
		if (!(db = cmd_open_as(db_path, ROLE_ADMIN)))
			return 1;
		rc = push(db, ops[0], option(argc, argv, "--to"), option(argc, argv, "--remote-db"),
		          flag(argc, argv, "--again"));
	} else
		return misuse();
	db_close(&db);
	return rc;
}
