#ifndef TAIMAKO_CLI_IMPORT_CMD_H
#define TAIMAKO_CLI_IMPORT_CMD_H
/* `taimako import FILE --mapping MAP ...`: people and their stays from a
 * legacy spreadsheet saved as CSV (db/import.h). The command line acts as
 * unix:LOGIN with the intake clerk's role: registering people is theirs,
 * and an administrator's role may not. */

/* Runs `import FILE --mapping MAP [--encoding auto|utf-8|windows-1252|
 * latin-1] [--separator ,|;|tab] [--centre CODE] [--dry-run] [--batch N]
 * [--resume] [--allow-duplicates]` on the database at db_path (argv[0] is
 * "import"). Prints each problem as FILE:LINE:COLUMN: reason, each likely
 * duplicate, then a summary. Returns 0 when every row was imported (or
 * would be), 1 when rows were rejected or the import refused, 2 on wrong
 * use. */
int cmd_import(const char *db_path, int argc, char **argv);

#endif
