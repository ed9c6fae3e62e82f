/* taimako: command line, locale, database, then a subcommand or the screens. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/audit_cmd.h"
#include "cli/commands.h"
#include "cli/backup_cmd.h"
#include "cli/config_load.h"
#include "cli/export_cmd.h"
#include "cli/find_cmd.h"
#include "cli/import_cmd.h"
#include "cli/report_cmd.h"
#include "cli/setting_cmd.h"
#include "cli/sync_cmd.h"
#include "cli/user_cmd.h"
#include "core/i18n.h"
#include "db/db.h"
#include "screens/screens.h"
#include "ui/app.h"
#include "ui/lang.h"
#include "ui/module.h"

#ifndef TAIMAKO_VERSION
#define TAIMAKO_VERSION "0.0.0"
#endif
#ifndef TAIMAKO_LOCALEDIR
#define TAIMAKO_LOCALEDIR "/usr/local/share/locale"
#endif

/* Prints the usage on out. */
static void usage(FILE *out)
{
	fprintf(out, _("Usage: taimako [--db PATH] [COMMAND [OPTIONS]]\n"
	               "Case management for migrant transit centres and trafficking-victim reception.\n"
	               "\n"
	               "Without a command, opens the screens on the database.\n"
	               "\n"
	               "Commands:\n"
	               "  init [--admin NAME] [--name \"FULL NAME\"] [--centre CODE]\n"
	               "                       create an empty database and its first administrator\n"
	               "                       (password asked twice, or read from standard input)\n"
	               "  demo [--persons N] [--modules LIST]\n"
	               "                       create a demo database with one account per role\n"
	               "                       (LIST: these modules' data only, e.g. medical,training)\n"
	               "  check                check the database's integrity and schema version\n"
	               "  user add NAME --role ROLE --centre CODE [--display \"FULL NAME\"]\n"
	               "           [--lang fr|en]\n"
	               "  user list | disable NAME | enable NAME | passwd NAME | role NAME ROLE\n"
	               "                       manage staff accounts (as an administrator)\n"
	               "  audit --since DATE [--until DATE] [--user NAME] [--entity E [--id N]]\n"
	               "                       print the audit trail as CSV, newest first (days are\n"
	               "                       local dates YYYY-MM-DD; times are printed in UTC)\n"
	               "  audit --head         the last row of the audit trail and its chain, to keep\n"
	               "                       elsewhere (check verifies the chain)\n"
	               "  find QUERY [--limit N] [--format text|csv]\n"
	               "                       the quick lookup's results, best first (name, case\n"
	               "                       number or phone; 20 by default, at most 1000);\n"
	               "                       each search is recorded in the audit trail\n"
	               "  report NAME --year Y | --period P [--centre CODE] [--by BREAKDOWN]\n"
	               "         [--format text|csv|hxl] [--encoding utf-8|utf-8-bom|windows-1252]\n"
	               "         [--suppress N] [--output FILE]\n"
	               "                       compute a table of the reports (period: 2018,\n"
	               "                       2018-Q2, 2018-03 or FROM..TO; breakdown: total, sex,\n"
	               "                       group, child, age, origin or nationality)\n"
	               "  report --list        the tables, with what each counts\n"
	               "  export people --recipient NAME --period P [--centre C] [--format csv]\n"
	               "         [--encoding utf-8|utf-8-bom|windows-1252] [--output FILE]\n"
	               "                       one row per person of the period for a partner, under\n"
	               "                       a pseudonym of their own for this recipient (no names,\n"
	               "                       phones or numbers); recorded in the audit trail\n"
	               "  setting list | set KEY VALUE | unset KEY\n"
	               "                       the settings an administrator may change (small\n"
	               "                       counts hidden in partners' exports, ...)\n"
	               "  backup FILE          copy the database to FILE while people work in it,\n"
	               "                       then verify the copy (never over an existing file)\n"
	               "  import FILE --mapping MAP [--encoding auto|utf-8|windows-1252|latin-1]\n"
	               "         [--separator ,|;|tab] [--centre CODE] [--dry-run] [--batch N]\n"
	               "         [--resume] [--allow-duplicates]\n"
	               "                       register the people of a legacy spreadsheet (CSV);\n"
	               "                       every bad row listed as FILE:LINE:COLUMN: reason\n"
	               "  sync init --name NAME [--site ID]\n"
	               "                       start exchanging changes with other sites (--site:\n"
	               "                       a new database taking the place of a lost site)\n"
	               "  sync status | id     what was sent to and received from each site\n"
	               "  sync export --to SITE FILE [--all | --again]\n"
	               "                       write the changes SITE has not received (a bundle;\n"
	               "                       --again: also those of bundles it has not applied)\n"
	               "  sync import FILE...  apply bundles from other sites (- : standard input)\n"
	               "  sync request --from SITE FILE\n"
	               "                       a bundle asking SITE to send everything again\n"
	               "  sync push HOST [--to SITE] [--remote-db PATH] [--again]\n"
	               "                       send the bundle over ssh and apply it there\n"
	               "\n"
	               "Options:\n"
	               "  -d, --db PATH        the database (default: $TAIMAKO_DB, else\n"
	               "                       $XDG_DATA_HOME/taimako/taimako.db)\n"
	               "  -h, --help           show this help and exit\n"
	               "  -V, --version        show the version and exit\n"
	               "\n"
	               "Language: French unless LANG or LANGUAGE starts with \"en\"; each user's\n"
	               "choice is remembered once signed in.\n"));
}

/* The default database path: $TAIMAKO_DB, the configuration's, or one
 * under the user's data folder (a static buffer or the environment). */
static const char *default_db(const struct config *cfg)
{
	static char buf[4096];
	const size_t size = sizeof buf;
	const char *env = getenv("TAIMAKO_DB");
	if (env && *env)
		return env;
	if (cfg->db_path[0])
		return cfg->db_path;
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg) {
		snprintf(buf, size, "%s/taimako/taimako.db", xdg);
	} else {
		const char *home = getenv("HOME");
		snprintf(buf, size, "%s/.local/share/taimako/taimako.db", home && *home ? home : ".");
	}
	return buf;
}

/* The language to start in: English when the environment asks for it. */
static const char *start_language(void)
{
	const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strncmp(v, "en", 2) == 0 ? "en" : "fr";
	}
	return "fr";
}

/* The idle lock in seconds: the configuration's minutes, or
 * $TAIMAKO_IDLE_LOCK_SECONDS (for demonstrations and tests) when it locks
 * sooner: an account cannot lengthen or turn off the system's lock. */
static int idle_seconds(const struct config *cfg)
{
	int set = cfg->idle_lock_minutes * 60;
	const char *env = getenv("TAIMAKO_IDLE_LOCK_SECONDS");
	if (env && *env) {
		char *end;
		long v = strtol(env, &end, 10);
		if (!*end && v > 0 && v <= 86400 && (set == 0 || v < set))
			return (int)v;
	}
	return set;
}

/* Opens the database and runs the screens. */
static int run_screens(const char *path, const struct config *cfg)
{
	struct db *db;
	char detail[256];
	enum status st = db_open(path, DB_EXISTING, &db, detail, sizeof detail);
	if (st != ST_OK) {
		cmd_report(path, st, detail);
		if (st == ST_NO_FILE)
			fprintf(stderr, "%s\n", _("Create one with: taimako init (or taimako demo to try it)."));
		return 1;
	}
	struct app_config config = {
		idle_seconds(cfg),
		{ .max_failures = cfg->lockout_failures, .lock_minutes = cfg->lockout_minutes },
	};
	struct app *app = app_new(db, &config);
	if (!app) {
		db_close(&db);
		return 1;
	}
	app_set_help(app, &screen_help);
	app_set_lookup(app, &screen_lookup);
	app_set_modules(app, module_table);
	int rc = app_run(app, &screen_login, NULL);
	app_free(&app);
	db_close(&db);
	return rc;
}

int main(int argc, char **argv)
{
	lang_init(TAIMAKO_LOCALEDIR, start_language());
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db_path = NULL;
	int c;
	opterr = 0;   /* our own one-line messages, in the user's language */
	while ((c = getopt_long(argc, argv, "+:d:hV", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db_path = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("taimako %s\n", TAIMAKO_VERSION);
			return 0;
		case ':':
			fprintf(stderr, _("taimako: %s needs a value; see taimako --help\n"), argv[optind - 1]);
			return 2;
		default:
			fprintf(stderr, _("taimako: unknown option '%s'; see taimako --help\n"), argv[optind - 1]);
			return 2;
		}
	}
	struct config cfg;
	char err[4200];
	if (config_load(&cfg, NULL, err, sizeof err) != ST_OK) {
		fprintf(stderr, "taimako: %s\n", err);
		return 1;
	}
	db_set_phone_country(cfg.phone_country_code);
	bool default_path = !db_path;
	if (!db_path)
		db_path = default_db(&cfg);
	if (!*db_path) {
		fprintf(stderr, "taimako: %s\n", _("the database path is empty"));
		return 2;
	}
	if (optind == argc)
		return run_screens(db_path, &cfg);

	const char *cmd = argv[optind];
	int sub_argc = argc - optind;
	char **sub_argv = argv + optind;
	if (strcmp(cmd, "init") == 0)
		return cmd_init(db_path, default_path, sub_argc, sub_argv);
	if (strcmp(cmd, "demo") == 0)
		return cmd_demo(db_path, default_path, sub_argc, sub_argv, module_table);
	if (strcmp(cmd, "check") == 0)
		return cmd_check(db_path, sub_argc, sub_argv);
	if (strcmp(cmd, "user") == 0)
		return cmd_user(db_path, sub_argc, sub_argv);
	if (strcmp(cmd, "audit") == 0)
		return cmd_audit(db_path, sub_argc, sub_argv);
	if (strcmp(cmd, "find") == 0)
		return cmd_find(db_path, sub_argc, sub_argv);
	if (strcmp(cmd, "report") == 0)
		return cmd_report_table(db_path, sub_argc, sub_argv, module_table);
	if (strcmp(cmd, "export") == 0)
		return cmd_export(db_path, sub_argc, sub_argv);
	if (strcmp(cmd, "backup") == 0)
		return cmd_backup(db_path, sub_argc, sub_argv);
	if (strcmp(cmd, "import") == 0)
		return cmd_import(db_path, sub_argc, sub_argv);
	if (strcmp(cmd, "setting") == 0)
		return cmd_setting(db_path, sub_argc, sub_argv);
	if (strcmp(cmd, "sync") == 0)
		return cmd_sync(db_path, sub_argc, sub_argv);
	fprintf(stderr, _("taimako: unknown command '%s'; see taimako --help\n"), cmd);
	return 2;
}
