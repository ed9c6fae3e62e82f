#ifndef TAIMAKO_CLI_EXPORT_CMD_H
#define TAIMAKO_CLI_EXPORT_CMD_H
/* `taimako export people`: the pseudonymised person-level export for a
 * partner (db/export_people.h), as CSV in UTF-8, UTF-8 with a byte-order
 * mark or Windows-1252, written whole or not at all. */

/* Runs the command (argv[0] is "export"); returns the exit code: 0, 1 on
 * a failure (nothing written), 2 on a usage error. */
int cmd_export(const char *db_path, int argc, char **argv);

#endif
