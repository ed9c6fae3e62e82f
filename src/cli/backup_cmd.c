/* `taimako backup FILE` (include/cli/backup_cmd.h). */
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

#include "cli/backup_cmd.h"
#include "cli/commands.h"
#include "core/i18n.h"
#include "core/role.h"
#include "db/backup.h"
#include "db/db.h"

int cmd_backup(const char *db_path, int argc, char **argv)
{
	if (argc != 2 || !argv[1][0]) {
		fprintf(stderr, _("taimako: wrong use of '%s'; see taimako --help\n"), "backup");
		return 2;
	}
	const char *to = argv[1];
	struct db *db;
	char detail[512];
	enum status st = db_open(db_path, DB_EXISTING, &db, detail, sizeof detail);
	if (st != ST_OK) {
		cmd_report(db_path, st, detail);
		return 1;
	}
	/* Whoever can read the file can copy it: the trail says who did. */
	char name[64];
	const struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_name)
		snprintf(name, sizeof name, "unix:%s", pw->pw_name);
	else
		snprintf(name, sizeof name, "unix:%lu", (unsigned long)getuid());
	db_set_actor(db, 0, name, ROLE_ADMIN, "cli");
	long long bytes;
	st = db_backup(db, to, &bytes, detail, sizeof detail);
	db_close(&db);
	if (st != ST_OK) {
		cmd_report(to, st, detail);
		return 1;
	}
	printf(_("Copied %s to %s (%lld bytes) and verified the copy.\n"), db_path, to, bytes);
	return 0;
}
