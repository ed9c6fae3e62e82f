#ifndef TAIMAKO_CORE_REPORT_H
#define TAIMAKO_CORE_REPORT_H
/* Reports without the database: the period of a table, the age groups and
 * their roll-ups, the counts of one line of a table broken down every way
 * at once, and the columns each breakdown shows. The tables themselves and
 * their computation are in db/report.h. */
#include <stdbool.h>
#include <stddef.h>

/* Age groups, age at the event (person_age: approximate ages count too). */
enum {
	REPORT_AGE_0_4, REPORT_AGE_5_11, REPORT_AGE_12_14, REPORT_AGE_15_17,
	REPORT_AGE_18_24, REPORT_AGE_25_59, REPORT_AGE_60_UP, REPORT_AGE_UNKNOWN,
	REPORT_AGE_COUNT_
};

/* Sex as recorded: f, m, and x or unknown. */
enum { REPORT_FEMALE, REPORT_MALE, REPORT_SEX_OTHER, REPORT_SEX_COUNT_ };

/* Migrants apart from community members (person.kind 'community' or
 * community_since set). */
enum { REPORT_MIGRANT, REPORT_COMMUNITY, REPORT_ORIGIN_COUNT_ };

/* The group (REPORT_AGE_...) of an age in years; REPORT_AGE_UNKNOWN below 0. */
int report_age_group(int years);
/* True for the groups under 18. */
bool report_age_child(int group);
/* The msgid of a group's label ("0-4", "60+", "Unknown age"). */
const char *report_age_label(int group);

/* A period: [from, to) in ISO days. */
struct report_period {
	char from[11];    /* first day */
	char to[11];      /* the day after the last */
	char text[32];    /* as given, normalised: "2018", "2018-Q2", "2018-03", "2018-03-01..2018-03-31" */
};

/* Reads a period: "2018" (a year), "2018-Q2" or "Q2/2018" (a quarter),
 * "2018-03" or "03/2018" (a month), or two days "FROM..TO" (ISO or
 * DD/MM/YYYY, TO included). False for anything else (from after to, a
 * year before 1900 or after 2200). */
bool report_period_parse(const char *text, struct report_period *out);

/* How a table counts: different people (each once in a line, at their
 * first event of the period) or events (each event once); different
 * children (people counted once, only those under 18 on the day they count,
 * or flagged children); things that are not people (projects, courses, a
 * quantity handed out), each row adding its own number. See db/report.h
 * for what each line's SQL selects. */
enum report_count {
	REPORT_PEOPLE, REPORT_EVENTS, REPORT_CHILDREN, REPORT_ITEMS,
	REPORT_CHILDREN_UNACCOMPANIED,   /* the children flagged unaccompanied or separated */
	REPORT_CHILDREN_ACCOMPANIED,     /* the other children */
};

/* The msgid saying what a line of this kind counts ("different people",
 * "events", "things, not people"), and the heading of such lines in a
 * text ("Counting different people:"). */
const char *report_count_label(enum report_count count);
const char *report_count_heading(enum report_count count);

/* The nationalities kept apart in one line; beyond them "other". */
#define REPORT_NAT_MAX 260

struct report_nat {
	char iso3[4];
	long n;
};

/* The counts of one line, every breakdown at once: the cross of origin,
 * sex and age group rolls up to every other (boys/girls/men/women,
 * children/adults, sex, age, origin); nationalities apart. */
struct report_counts {
	long total;
	long cell[REPORT_ORIGIN_COUNT_][REPORT_SEX_COUNT_][REPORT_AGE_COUNT_];
	int nnat;                               /* nationalities in nat[] */
	struct report_nat nat[REPORT_NAT_MAX];  /* by first appearance */
	long nat_unknown;                       /* no nationality recorded */
	long nat_other;                         /* beyond REPORT_NAT_MAX */
};

/* Adds one person or event to c: sex 'f', 'm' or other, age in years at
 * the event (-1 unknown), a community member or not, nationality (ISO
 * alpha-3, NULL or "" unknown). */
void report_counts_add(struct report_counts *c, char sex, int years, bool community, const char *nationality);
/* As report_counts_add, n times at once (n may be 0 or negative: a
 * quantity taken back). */
void report_counts_add_n(struct report_counts *c, char sex, int years, bool community, const char *nationality,
                         long n);

/* The ways a table is broken down into columns. */
enum report_by {
	REPORT_BY_TOTAL,        /* Total */
	REPORT_BY_SEX,          /* Female, Male, Other or unknown, Total */
	REPORT_BY_GROUP,        /* Boys, Girls, Men, Women, Unknown, Total */
	REPORT_BY_CHILD_ADULT,  /* Children, Adults, Unknown, Total */
	REPORT_BY_AGE,          /* 0-4 ... 60+, Unknown, Total */
	REPORT_BY_ORIGIN,       /* Migrants, Community members, Total */
	REPORT_BY_NATIONALITY,  /* one column per nationality present, Unknown, Total */
	REPORT_BY_COUNT_
};

/* The msgid naming a breakdown ("By sex and age group: boys, girls, men, women"). */
const char *report_by_label(enum report_by by);
/* The command line's name of a breakdown ("group"), and back (-1 unknown). */
const char *report_by_name(enum report_by by);
int report_by_parse(const char *name);

#define REPORT_COLS_MAX 16

/* The fixed columns of a breakdown (not REPORT_BY_NATIONALITY): their
 * msgids, their HXL attributes ("+f+children"; "" for the total, NULL
 * where HXL has none) and the value of each for counts c. Returns the
 * number of columns (the last is the total). */
int report_columns(enum report_by by, const char *labels[REPORT_COLS_MAX], const char *hxl[REPORT_COLS_MAX]);
/* The value of column col of breakdown by for c (col as report_columns). */
long report_column_value(enum report_by by, int col, const struct report_counts *c);

#endif
