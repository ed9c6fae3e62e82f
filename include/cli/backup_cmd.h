#ifndef TAIMAKO_CLI_BACKUP_CMD_H
#define TAIMAKO_CLI_BACKUP_CMD_H
/* `taimako backup FILE`: a consistent, verified copy of the database while
 * people work in it (db/backup.h), never over an existing file. */

/* Runs `backup FILE` on the database at db_path (argv[0] is "backup").
 * Returns the exit code: 0 copied and verified, 1 refused or failed,
 * 2 wrong use. */
int cmd_backup(const char *db_path, int argc, char **argv);

#endif
