#ifndef TAIMAKO_CLI_FIND_CMD_H
#define TAIMAKO_CLI_FIND_CMD_H
/* `taimako find QUERY`: the quick lookup from the shell, for scripts and a
 * quick check over SSH. The same ranked results as the lookup screen, from
 * the same data-layer call, and each search recorded in the audit trail. */
#include <stdbool.h>
#include <stdio.h>

#include "core/person.h"

struct person_hit;

#define FIND_LIMIT_DEFAULT 20
#define FIND_LIMIT_MAX 1000

/* One result as the lookup screen shows it, every cell sanitised for a
 * terminal (no control character, escape sequence or bidi override). */
struct find_line {
	char case_number[24];                    /* with dashes: AGZ-26-00123-K */
	char name[PERSON_NAME_MAX * 2 + 2];      /* "FAMILY Given" */
	char sex[8];                             /* F, M (translated) or ? */
	char age[16];                            /* "23", "~23" (estimated) or "?" */
	char nationality[8];
	char centre[16];
	char marks[64];                          /* "CHILD UAC VoT": child marker, then flags */
	bool withheld;                           /* refused data collection: never exported */
};

/* Fills *line from hit, the age as of clock_today(). */
void find_line_of(const struct person_hit *hit, struct find_line *line);

/* Prints n lines to out as columns aligned by display width under a
 * header, then "N shown", or "more than limit: refine the query" when
 * more is set. */
void find_print_text(FILE *out, const struct find_line *lines, int n, bool more, int limit);

/* Prints n lines to out as CSV (core/csvout.h) under a header row, but
 * not the withheld ones (people who refused data collection are not
 * exported); returns how many were left out. */
int find_print_csv(FILE *out, const struct find_line *lines, int n);

/* Runs `find QUERY... [--limit N] [--format text|csv]` on the database at
 * db_path (argv[0] is "find"; the words of the query may be several
 * arguments). Acts as unix:LOGIN with lookup rights only, and records the
 * search in the audit trail before printing anything. Returns the exit
 * code: 0 done (even when nobody matches), 1 refused or database error,
 * 2 wrong use. */
int cmd_find(const char *db_path, int argc, char **argv);

#endif
