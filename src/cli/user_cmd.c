/* Account management from the shell. */
#include <getopt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/prompt.h"
#include "cli/user_cmd.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/role.h"
#include "core/text.h"
#include "db/db.h"
#include "db/user.h"
#include "ui/account_text.h"

void cmd_unix_actor(char *out, size_t size)
{
	const struct passwd *pw = getpwuid(getuid());
	snprintf(out, size, "unix:%s", pw && pw->pw_name ? pw->pw_name : "?");
}

/* "cli", or "cli ssh ADDRESS" when run over SSH, for the audit trail. */
static void cli_origin(char *out, size_t size)
{
	const char *ssh = getenv("SSH_CLIENT");
	if (ssh && *ssh) {
		char addr[64];
		snprintf(addr, sizeof addr, "%s", ssh);
		addr[strcspn(addr, " ")] = '\0';
		snprintf(out, size, "cli ssh %s", addr);
	} else {
		snprintf(out, size, "cli");
	}
}

struct db *cmd_open_as(const char *db_path, int role)
{
	struct db *db;
	char detail[256];
	enum status st = db_open(db_path, DB_EXISTING, &db, detail, sizeof detail);
	if (st != ST_OK) {
		cmd_report(db_path, st, detail);
		return NULL;
	}
	char actor[64], origin[80];
	cmd_unix_actor(actor, sizeof actor);
	cli_origin(origin, sizeof origin);
	db_set_actor(db, 0, actor, role, origin);
	return db;
}

/* Prints the usage error of `user`. */
static int misuse(void)
{
	fprintf(stderr, "%s\n", _("taimako: use: taimako user add|list|disable|enable|passwd|role ...; "
	                          "see taimako --help"));
	return 2;
}

/* Prints why a change was refused, in one line. */
static int refused(const char *what, enum status st)
{
	fprintf(stderr, "taimako: %s: %s\n", what, _(status_msgid(st)));
	return 1;
}

/* Reads a role name, printing the valid ones when it is not one. */
static int parse_role(const char *name)
{
	int r = role_from_name(name);
	if (r < 0) {
		fprintf(stderr, _("taimako: unknown role '%s'; roles: "), name);
		for (int i = 0; i < ROLE_COUNT_; i++)
			fprintf(stderr, "%s%s", i ? ", " : "", role_name((enum role)i));
		fputc('\n', stderr);
	}
	return r;
}

/* user add NAME --role ROLE --centre CODE [--display "Full Name"] [--lang fr|en] */
static int user_add_cmd(struct db *db, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "centre", required_argument, NULL, 'c' },
		{ "display", required_argument, NULL, 'd' },
		{ "lang", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	const char *role = NULL, *centre = NULL, *display = NULL, *lang = "fr";
	int c;
	optind = 0;   /* 0: glibc starts afresh, permutation state included */
	/* No '+': options may follow the name, as in the documented form. */
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'r': role = optarg; break;
		case 'c': centre = optarg; break;
		case 'd': display = optarg; break;
		case 'l': lang = optarg; break;
		default: return misuse();
		}
	}
	if (optind != argc - 1 || !role || !centre)
		return misuse();
	const char *name = argv[optind];
	if (user_check_name(name) != ST_OK) {
		fprintf(stderr, "taimako: %s: %s\n", name, _("a user name has 2 to 32 of a-z, 0-9, '.', '_', '-'"));
		return 2;
	}
	int r = parse_role(role);
	if (r < 0)
		return 2;
	if (strcmp(lang, "fr") != 0 && strcmp(lang, "en") != 0) {
		fprintf(stderr, "%s\n", _("taimako: --lang is fr or en"));
		return 2;
	}
	char password[256];
	enum status st = prompt_new_password(password, sizeof password);
	if (st == ST_OK)
		st = user_add(db, name, display ? display : name, (enum role)r, centre, lang, password, NULL);
	explicit_bzero(password, sizeof password);
	if (st == ST_NOT_FOUND) {
		fprintf(stderr, "taimako: %s: %s\n", centre, _("no centre has this code"));
		return 1;
	}
	if (st != ST_OK)
		return refused(name, st);
	printf(_("Account '%s' created.\n"), name);
	return 0;
}

/* Prints a row of the account list, columns padded by display width (not
 * bytes: "RÔLE", "Aïssa"), every cell sanitised for the terminal. */
static void print_cells(const char *const cells[6])
{
	static const int widths[6] = { 16, 28, 13, 6, 6, 0 };
	for (int i = 0; i < 6; i++) {
		char fit[256];
		int w = text_fit(cells[i], widths[i] ? widths[i] : 40, fit, sizeof fit);
		fputs(fit, stdout);
		if (widths[i])
			printf("%*s", widths[i] - w + 1, "");
	}
	fputc('\n', stdout);
}

/* Prints one account as a row of the list; keeps its name in ctx, the
 * key of the next page. */
static void print_row(const struct user *u, void *ctx)
{
	snprintf(ctx, USER_NAME_MAX + 1, "%s", u->name);
	char display[128], state[64];
	text_fit(u->display_name, 28, display, sizeof display);
	account_state_text(u, clock_now(), state, sizeof state);
	const char *cells[] = { u->name, display, role_name(u->role), u->centre_code, u->lang, state };
	print_cells(cells);
}

/* user list: a page at a time, like every list. */
static int user_list_cmd(struct db *db)
{
	enum { PAGE = 100 };
	const char *header[] = { _("NAME"), _("FULL NAME"), _("ROLE"), _("CENTRE"), _("LANG"), _("STATE") };
	print_cells(header);
	char last[USER_NAME_MAX + 1] = "";
	for (bool more = true; more;) {
		enum status st = user_list(db, PAGE_AFTER, last, PAGE, print_row, last, &more);
		if (st != ST_OK)
			return refused("user list", st);
	}
	return 0;
}

/* user disable|enable|role NAME [ROLE] */
static int user_change_cmd(struct db *db, const char *verb, int argc, char **argv)
{
	bool is_role = strcmp(verb, "role") == 0;
	if (argc != (is_role ? 3 : 2))
		return misuse();
	const char *name = argv[1];
	struct user u;
	enum status st = user_find(db, name, &u);
	if (st != ST_OK)
		return refused(name, st);
	struct user_changes c = { u.display_name, u.role, u.centre_code, u.lang, u.active };
	if (is_role) {
		int r = parse_role(argv[2]);
		if (r < 0)
			return 2;
		c.role = (enum role)r;
	} else {
		c.active = strcmp(verb, "enable") == 0;
	}
	char display[sizeof u.display_name], centre[sizeof u.centre_code], lang[sizeof u.lang];
	memcpy(display, u.display_name, sizeof display);
	memcpy(centre, u.centre_code, sizeof centre);
	memcpy(lang, u.lang, sizeof lang);
	c.display_name = display;
	c.centre_code = centre;
	c.lang = lang;
	if ((st = user_admin_save(db, &u, &c)) != ST_OK)
		return refused(name, st);
	printf(_("Account '%s' saved.\n"), name);
	return 0;
}

/* user passwd NAME */
static int user_passwd_cmd(struct db *db, int argc, char **argv)
{
	if (argc != 2)
		return misuse();
	char password[256];
	enum status st = prompt_new_password(password, sizeof password);
	if (st == ST_OK)
		st = user_set_password(db, argv[1], password);
	explicit_bzero(password, sizeof password);
	if (st != ST_OK)
		return refused(argv[1], st);
	printf(_("Password of '%s' changed.\n"), argv[1]);
	return 0;
}

int cmd_user(const char *db_path, int argc, char **argv)
{
	if (argc < 2)
		return misuse();
	const char *verb = argv[1];
	bool known = strcmp(verb, "add") == 0 || strcmp(verb, "list") == 0 || strcmp(verb, "disable") == 0
	             || strcmp(verb, "enable") == 0 || strcmp(verb, "passwd") == 0 || strcmp(verb, "role") == 0;
	if (!known)
		return misuse();
	struct db *db = cmd_open_as(db_path, ROLE_ADMIN);
	if (!db)
		return 1;
	int rc;
	if (strcmp(verb, "add") == 0)
		rc = user_add_cmd(db, argc - 1, argv + 1);
	else if (strcmp(verb, "list") == 0)
		rc = argc == 2 ? user_list_cmd(db) : misuse();
	else if (strcmp(verb, "passwd") == 0)
		rc = user_passwd_cmd(db, argc - 1, argv + 1);
	else
		rc = user_change_cmd(db, verb, argc - 1, argv + 1);
	db_close(&db);
	return rc;
}
