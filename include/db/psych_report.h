#ifndef TAIMAKO_DB_PSYCH_REPORT_H
#define TAIMAKO_DB_PSYCH_REPORT_H
/* The psychosocial figures of a month or a year, for one centre or all:
 * sessions held by activity type and by partner, the different people who
 * took part (by sex and age group, by nationality), attendances, people
 * with at least N sessions, and head counts, kept apart from the named
 * figures and never added to them. Aggregated in SQL, rows streamed. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct db;

/* Groups of people: age at the date of the session (person_age, under 18 a
 * child), sex f or m; unknown sex or birth date counts apart. */
enum { PSYCH_BOYS, PSYCH_GIRLS, PSYCH_MEN, PSYCH_WOMEN, PSYCH_UNKNOWN, PSYCH_GROUP_COUNT_ };

/* The most nationalities a figure lists by name (the rest are "others"). */
#define PSYCH_NAT_MAX 20

struct psych_period {
	char from[16];   /* first day, ISO */
	char to[16];     /* first day after the period, ISO */
};

/* Sets *out from "YYYY" (a year) or "YYYY-MM" (a month); false otherwise. */
bool psych_period_parse(const char *text, struct psych_period *out);

/* Sessions of the period grouped by activity type or by partner. */
enum psych_by { PSYCH_BY_ACTIVITY, PSYCH_BY_PARTNER };

struct psych_session_row {
	long long id;         /* the ref_item's id, 0 for sessions without partner */
	char label[324];      /* its name in the language asked for ("" when id is 0) */
	long held;            /* sessions held (by name or head count) */
	long cancelled;       /* cancelled, counted apart */
};

/* Calls cb for each activity type (or partner) with sessions in the period
 * at centre ("" all centres), in the list's order; lang "fr" or "en".
 * PERM_PSYCH_READ or PERM_REPORTS; ST_INVALID for a bad period,
 * ST_NOT_FOUND for an unknown centre. */
enum status psych_figures_sessions(struct db *db, const char *centre_code, const struct psych_period *period,
                                   enum psych_by by, const char *lang,
                                   void (*cb)(const struct psych_session_row *row, void *ctx), void *ctx);

struct psych_nat {
	char code[4];        /* ISO 3166-1 alpha-3, "" unknown */
	char name[324];      /* in the language asked for, "" unknown */
	long people;
};

struct psych_figures {
	long held, cancelled;                 /* sessions held (all kinds) and cancelled */
	long held_names, held_count;          /* held with a roll by name, by head count */
	/* Different people marked present or left early in a session held
	 * with a roll by name: each counts once in the period, in the group of
	 * their age at their first attendance in it. */
	long people[PSYCH_GROUP_COUNT_];
	long people_total;
	/* Of them, people registered as community members (person.community_
	 * since: even if they migrated since); the others are migrants. */
	long community[PSYCH_GROUP_COUNT_];
	long community_total;
	long attendances;                     /* events: one per person and session */
	int min_sessions;                     /* N asked for */
	long people_min_sessions;             /* people with at least N sessions */
	struct psych_nat nat[PSYCH_NAT_MAX];  /* most frequent first */
	int nat_n;
	long nat_others;                      /* people of the nationalities not listed */
	/* Head counts of the sessions held as counts: never added to the above. */
	long heads[4];                        /* boys, girls, men, women */
	long heads_total;
};

/* Fills *out with the figures of the period at centre ("" all centres):
 * min_sessions >= 1, top_n nationalities at most (<= PSYCH_NAT_MAX), names
 * in lang. PERM_PSYCH_READ or PERM_REPORTS. */
enum status psych_figures_get(struct db *db, const char *centre_code, const struct psych_period *period,
                              int min_sessions, int top_n, const char *lang, struct psych_figures *out);

#endif
