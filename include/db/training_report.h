#ifndef TAIMAKO_DB_TRAINING_REPORT_H
#define TAIMAKO_DB_TRAINING_REPORT_H
/* The vocational training figures of a year or a month, for one centre or
 * all, one trade or all: the different people who took part, of whom
 * community members, by sex and age group and by trade; enrolments
 * completed and dropped out (with the reasons), certificates, toolkits and
 * follow-ups; courses held. Courses count when they ran in the period (not
 * cancelled, started before its end and by today, ended on or after its
 * first day).
 * Aggregated in SQL, rows streamed, never a whole table in memory. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct db;

/* Groups of people: age at the start of their first course in the period
 * (person_age, under 18 a child), sex f or m; others count apart. */
enum { TRAINING_BOYS, TRAINING_GIRLS, TRAINING_MEN, TRAINING_WOMEN, TRAINING_UNKNOWN, TRAINING_GROUP_COUNT_ };

/* Migrants apart from community members (person.community_since set: they
 * were registered as community members, even if they migrated since). */
enum { TRAINING_MIGRANTS, TRAINING_COMMUNITY, TRAINING_KIND_COUNT_ };

#define TRAINING_DROPOUT_REASONS 6   /* VOCAB_TRAINING_DROPOUT, in its order */
#define TRAINING_FOLLOWUPS 4         /* VOCAB_TRAINING_FOLLOWUP, in its order */

struct training_period {
	char from[16];   /* first day, ISO */
	char to[16];     /* first day after the period, ISO */
};

/* Sets *out from "YYYY" (a year) or "YYYY-MM" (a month); false otherwise. */
bool training_period_parse(const char *text, struct training_period *out);

struct training_figures {
	long courses;                          /* courses that ran in the period */
	/* PEOPLE: each person holding a place (selected, enrolled, completed,
	 * certified, dropped out) in a course of the period counts once, in the
	 * group of their age at the start of their first such course. */
	long people[TRAINING_KIND_COUNT_][TRAINING_GROUP_COUNT_];
	long participants;                     /* all of them */
	long community;                        /* of whom community members */
	/* ENROLMENTS: one per person and course, holding a place. */
	long enrolments;
	long enrolments_community;
	long completed;                        /* completed or certified */
	long dropped;                          /* dropped out */
	long dropout[TRAINING_DROPOUT_REASONS];   /* by reason */
	long cert_attendance, cert_official;   /* certified, by the course's certificate */
	long toolkits;                         /* with a toolkit given */
	long followup[TRAINING_FOLLOWUPS];     /* follow-up results */
};

/* Fills *out with the figures of the period at centre ("" all centres)
 * for trade (a ref_item id of "training_trade", 0 all trades).
 * PERM_TRAINING_READ or PERM_REPORTS; ST_INVALID for a bad period,
 * ST_NOT_FOUND for an unknown centre or trade. */
enum status training_figures_get(struct db *db, const char *centre_code, const struct training_period *period,
                                 long long trade, struct training_figures *out);

/* One trade's line of the figures. */
struct training_trade_row {
	long long id;             /* the trade's ref_item id */
	char label[324];          /* its name in the language asked for */
	long courses;             /* courses that ran */
	long people;              /* different people (a person in two trades counts in each) */
	long community;           /* of whom community members */
	long enrolments;          /* enrolments holding a place */
	long completed;           /* of which completed or certified */
	long dropped;             /* of which dropped out */
};

/* Calls cb for each trade with courses in the period at centre ("" all)
 * and trade (0 all), in the list's order; lang "fr" or "en". As
 * training_figures_get. */
enum status training_figures_trades(struct db *db, const char *centre_code, const struct training_period *period,
                                    long long trade, const char *lang,
                                    void (*cb)(const struct training_trade_row *row, void *ctx), void *ctx);

/* Whole percent of part in whole (rounded half up), -1 when whole is 0. */
int training_percent(long part, long whole);

#endif
