#ifndef TAIMAKO_CLI_REPORT_CMD_H
#define TAIMAKO_CLI_REPORT_CMD_H
/* `taimako report NAME --year Y | --period P [--centre CODE] [--by B]
 * [--format text|csv|hxl] [--encoding E] [--suppress N] [--output FILE]`
 * and `taimako report --list`: the tables of the reports screen from the
 * shell, computed by the same engine (db/report.h), audited the same way. */
#include <stdbool.h>

#include "core/report.h"
#include "core/report_out.h"

struct module;
struct report_def;

/* What the command line asked for. */
struct report_cmd_options {
	bool list;                        /* --list: the tables, nothing computed */
	const struct report_def *def;     /* the table named */
	struct report_period period;
	char centre[16];                  /* "" all centres */
	int by;                           /* enum report_by, or -1: the table's own */
	enum report_format format;
	enum report_encoding encoding;
	int suppress;                     /* 0: every count shown */
	const char *output;               /* NULL: standard output */
};

/* Reads argv (argv[0] is "report") into *o, the tables looked up in
 * modules (NULL-terminated). Returns 0, or 2 after a one-line message on
 * stderr in the user's language (an unknown table lists the names). */
int report_cmd_parse(int argc, char **argv, const struct module *const *modules, struct report_cmd_options *o);

/* Runs `report` on the database at db_path. Acts as unix:LOGIN with the
 * manager's role (the one that computes reports). Progress on stderr when
 * it is a terminal; Ctrl-C stops cleanly (nothing half-written). Returns
 * the exit code: 0 done, 1 refused or database error, 2 wrong use, 130
 * interrupted. */
int cmd_report_table(const char *db_path, int argc, char **argv, const struct module *const *modules);

#endif
