#ifndef TAIMAKO_CLI_COMMANDS_H
#define TAIMAKO_CLI_COMMANDS_H
#include <stdbool.h>

struct module;
/* The subcommands. Each takes its own argv (argv[0] is the subcommand
 * name) and the database path, prints one-line errors on stderr and
 * returns the process exit code. */

int cmd_init(const char *db_path, bool default_path, int argc, char **argv);
int cmd_demo(const char *db_path, bool default_path, int argc, char **argv, const struct module *const *modules);
int cmd_check(const char *db_path, int argc, char **argv);

/* Prints "taimako: PATH: message (detail)" for a failed database open. */
void cmd_report(const char *path, int status, const char *detail);

#endif
