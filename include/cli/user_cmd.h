#ifndef TAIMAKO_CLI_USER_CMD_H
#define TAIMAKO_CLI_USER_CMD_H
#include <stddef.h>
/* `taimako user ...`: account management from the shell. Whoever can
 * write the database file acts as an administrator here (recorded in the
 * audit trail as unix:LOGIN from the command line). */

/* argv[0] is "user". Returns the exit code: 0 done, 1 refused, 2 misuse. */
int cmd_user(const char *db_path, int argc, char **argv);

/* "unix:LOGIN" for the audit trail, into out. */
void cmd_unix_actor(char *out, size_t size);

struct db;
/* Opens the database at db_path acting as the unix account with role
 * (enum role), from "cli" or "cli ssh ADDRESS" when run over SSH (the
 * audit trail's origin); NULL, said on standard error, when it cannot be
 * opened. */
struct db *cmd_open_as(const char *db_path, int role);

#endif
