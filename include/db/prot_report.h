#ifndef TAIMAKO_DB_PROT_REPORT_H
#define TAIMAKO_DB_PROT_REPORT_H
/* The protection figures of a year (or a month), for one centre or all:
 * children assisted, accompanied and unaccompanied or separated, by sex;
 * victims of trafficking by sex and child or adult, and how many had
 * reintegration support; referrals by destination and by status; returns
 * that left in the period by country, sex and age group. People are
 * counted once each. Aggregated in SQL, rows streamed, never a whole table
 * in memory. PERM_PROTECTION_READ or PERM_REPORTS. */
#include <stdbool.h>
#include "core/status.h"

struct db;

/* Sex of a person counted: f, m, other or unknown. */
enum { PROT_FEMALE, PROT_MALE, PROT_SEX_UNKNOWN, PROT_SEX_COUNT_ };

/* Boys, girls, men, women (person_age: under 18 a child), unknown. */
enum { PROT_BOYS, PROT_GIRLS, PROT_MEN, PROT_WOMEN, PROT_GROUP_UNKNOWN, PROT_GROUP_COUNT_ };

/* Age groups of the returns: age on the day of departure. */
enum { PROT_AGE_0_4, PROT_AGE_5_11, PROT_AGE_12_14, PROT_AGE_15_17, PROT_AGE_18_24, PROT_AGE_25_59, PROT_AGE_60_UP,
       PROT_AGE_UNKNOWN, PROT_AGE_COUNT_ };

/* Unaccompanied or separated children apart from the others. */
enum { PROT_ACCOMPANIED, PROT_UNACCOMPANIED, PROT_CHILD_KIND_COUNT_ };

#define PROT_DESTINATIONS 6   /* VOCAB of prot_referral.destination, in its order */
#define PROT_REF_STATUSES 6   /* VOCAB of prot_referral.status, in its order */

struct prot_period {
	char from[16];   /* first day, ISO */
	char to[16];     /* first day after the period, ISO */
};

/* Sets *out from "YYYY" (a year) or "YYYY-MM" (a month); false otherwise. */
bool prot_period_parse(const char *text, struct prot_period *out);

struct prot_figures {
	/* CHILDREN ASSISTED: different people under 18 (or flagged children)
	 * with a case of the centre open for part of the period, or flagged
	 * as children and staying at the centre for part of it. Unaccompanied
	 * or separated: flagged so. */
	long children[PROT_CHILD_KIND_COUNT_][PROT_SEX_COUNT_];
	long children_total;
	/* VICTIMS of trafficking whose case (of the centre) was open for part
	 * of the period, by their age on the day they were identified. */
	long victims[PROT_GROUP_COUNT_];
	long victims_total, victims_male, victims_female;
	long victims_reintegration;   /* with reintegration assistance or a reintegration case */
	/* REFERRALS sent (out) or received (in) in the period, cases of the
	 * centre; each referral once. */
	long referrals_out[PROT_DESTINATIONS], referrals_in[PROT_DESTINATIONS];
	long referrals_status[PROT_REF_STATUSES];
	long referrals_total;
	long referrals_people;        /* different people referred */
	/* RETURNS: different people who left from the centre in the period
	 * (departed or arrived), by sex and age on their first departure. */
	long returns[PROT_SEX_COUNT_][PROT_AGE_COUNT_];
	long returns_total;
};

/* Fills *out with the figures of the period at centre ("" all centres).
 * ST_INVALID for a bad period, ST_NOT_FOUND for an unknown centre. */
enum status prot_figures_get(struct db *db, const char *centre_code, const struct prot_period *period,
                             struct prot_figures *out);

/* One country of destination of the returns. */
struct prot_country_row {
	char country[4];
	char label[324];          /* its name in the language asked for */
	long people;              /* different people who left for it */
	long female, male;
};

/* Calls cb for each country with returns in the period at centre ("" all),
 * by name; lang "fr" or "en". As prot_figures_get. */
enum status prot_figures_countries(struct db *db, const char *centre_code, const struct prot_period *period,
                                   const char *lang, void (*cb)(const struct prot_country_row *row, void *ctx),
                                   void *ctx);

/* The group (PROT_AGE_...) of an age in years, PROT_AGE_UNKNOWN below 0. */
int prot_age_group(int years);

#endif
