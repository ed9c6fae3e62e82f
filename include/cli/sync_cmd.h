#ifndef TAIMAKO_CLI_SYNC_CMD_H
#define TAIMAKO_CLI_SYNC_CMD_H
/* `taimako sync init --name NAME [--site ID] | status | id | export --to SITE FILE
 * [--all | --again] | import FILE... | request --from SITE FILE | push HOST [--to
 * SITE] [--remote-db PATH] [--again]`: changes exchanged with the other sites
 * (db/sync.h), as the unix account with the administrator's rights. */

/* Runs the command (argv[0] is "sync"); the exit code: 0 done, 1 failed,
 * 2 wrong use or refused input, 3 a bundle held until earlier ones come. */
int cmd_sync(const char *db_path, int argc, char **argv);

#endif
