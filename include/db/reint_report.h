#ifndef TAIMAKO_DB_REINT_REPORT_H
#define TAIMAKO_DB_REINT_REPORT_H
/* The reintegration figures of a year (or a month), for one country of
 * return or all: the beneficiaries of individual reintegration, of
 * collective and of community projects, each as different people, and
 * all of them with a person in two kinds counted once; returnees apart
 * from community members; by sex and age group; projects by country and
 * kind; payments planned and paid by currency. Aggregated in SQL, rows
 * streamed, never a whole table in memory. PERM_REINTEGRATION_READ or
 * PERM_REPORTS. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct db;

/* Groups of people: age on the day of reference (the return date for an
 * individual case, the day they joined for a project; the earliest of
 * them in the total), under 18 a child (person_age); sex f or m. */
enum { REINT_BOYS, REINT_GIRLS, REINT_MEN, REINT_WOMEN, REINT_UNKNOWN, REINT_GROUP_COUNT_ };

/* Returnees apart from community members (person.community_since set). */
enum { REINT_RETURNEES, REINT_COMMUNITY_MEMBERS, REINT_ORIGIN_COUNT_ };

/* The kinds of beneficiaries, and all of them. */
enum { REINT_INDIVIDUAL, REINT_COLLECTIVE, REINT_COMMUNITY, REINT_ALL, REINT_KIND_COUNT_ };

struct reint_period {
	char from[16];   /* first day, ISO */
	char to[16];     /* first day after the period, ISO */
};

/* Sets *out from "YYYY" (a year) or "YYYY-MM" (a month); false otherwise. */
bool reint_period_parse(const char *text, struct reint_period *out);

struct reint_figures {
	/* Different people of each kind (REINT_ALL: each person once even in
	 * two kinds), by origin and group. INDIVIDUAL: people with a case
	 * whose plan was approved in the period (not cancelled since) or who
	 * received a payment in it (not reversed). COLLECTIVE, COMMUNITY:
	 * members of such projects (not cancelled) for part of the period. */
	long people[REINT_KIND_COUNT_][REINT_ORIGIN_COUNT_][REINT_GROUP_COUNT_];
	long total[REINT_KIND_COUNT_];          /* all of each kind */
	long community[REINT_KIND_COUNT_];      /* of whom community members */
	long projects[2];                       /* collective, community projects of the period */
};

/* Fills *out for the period in country (ISO alpha-3, "" all). ST_INVALID
 * for a bad period, ST_NOT_FOUND for an unknown country. */
enum status reint_figures_get(struct db *db, const char *country, const struct reint_period *period,
                              struct reint_figures *out);

/* One country's line of the projects: a project counts in the period when
 * not cancelled and it started in it, had a member in it or was paid in
 * it. */
struct reint_country_row {
	char country[4];
	char label[324];          /* its name in the language asked for */
	long collective, community;   /* projects */
	long members;             /* different people members in the period */
};

/* Calls cb for each country with projects in the period (country "" all),
 * by name; lang "fr" or "en". As reint_figures_get. */
enum status reint_figures_countries(struct db *db, const char *country, const struct reint_period *period,
                                    const char *lang, void (*cb)(const struct reint_country_row *row, void *ctx),
                                    void *ctx);

/* One currency's money of the period: tranches planned (not cancelled)
 * for a day in it, payments made in it (reversals take off). */
struct reint_money_row {
	char currency[4];
	long long planned;
	long long paid;
	long payments;            /* payments less reversals */
};

/* Calls cb for each currency with money in the period (plans and
 * projects of country, "" all). As reint_figures_get. */
enum status reint_figures_money(struct db *db, const char *country, const struct reint_period *period,
                                void (*cb)(const struct reint_money_row *row, void *ctx), void *ctx);

#endif
