#ifndef TAIMAKO_CLI_SETTING_CMD_H
#define TAIMAKO_CLI_SETTING_CMD_H
/* `taimako setting list | set KEY VALUE | unset KEY`: the settings an
 * administrator may change (db/setting.h), as the unix account with the
 * administrator's rights, like `taimako user`. */

/* Runs the command (argv[0] is "setting"); the exit code: 0 done, 1
 * refused or database error, 2 wrong use (an unknown key or a value it
 * does not take, with what it takes). */
int cmd_setting(const char *db_path, int argc, char **argv);

#endif
