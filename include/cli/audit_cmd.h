#ifndef TAIMAKO_CLI_AUDIT_CMD_H
#define TAIMAKO_CLI_AUDIT_CMD_H
/* `taimako audit`: the audit trail as CSV on standard output. */

/* Runs `audit --since DATE [--until DATE] [--user NAME] [--entity E [--id N]]`
 * on the database at db_path, opened read-only (argv[0] is "audit"). Prints
 * a header line then the matching rows, newest first. Returns the exit
 * code: 0 done, 1 database or output error, 2 wrong use. */
int cmd_audit(const char *db_path, int argc, char **argv);

#endif
