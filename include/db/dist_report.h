#ifndef TAIMAKO_DB_DIST_REPORT_H
#define TAIMAKO_DB_DIST_REPORT_H
/* The distribution figures of a day, a month or a year, at one centre or
 * all: the items handed out (net of reversals) by item, the different
 * people reached by sex and age group (each person once in the period, by
 * their age on the first day they were served in it; for a household item,
 * who collected it), and the overrides (count, and their list with the
 * reasons for managers only). Managers (PERM_REPORTS). */
#include <stdbool.h>

#include "core/status.h"

struct db;

/* A period: from its first day to the first day after, ISO. */
struct dist_period {
	char from[16];
	char to[16];
};

/* Reads "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a year, a month, a day). */
bool dist_period_parse(const char *text, struct dist_period *out);

/* Age groups, on the day served. */
enum dist_age_group { DIST_AGE_0_4, DIST_AGE_5_11, DIST_AGE_12_14, DIST_AGE_15_17, DIST_AGE_18_24, DIST_AGE_25_59,
                      DIST_AGE_60, DIST_AGE_NOT_KNOWN, DIST_AGE_GROUPS_ };
enum dist_sex_group { DIST_FEMALE, DIST_MALE, DIST_OTHER_SEX, DIST_SEXES_ };

/* The label msgid of an age group ("0-4", "60+", "Age not known"). */
const char *dist_age_group_msgid(enum dist_age_group g);

struct dist_figures {
	long people[DIST_SEXES_][DIST_AGE_GROUPS_];   /* different people reached */
	long people_total;
	long servings;            /* live servings (not reversed) */
	long reversals;
	long overrides;           /* live servings with an override */
};

/* Fills *out for centre ("" all centres) and period: ST_INVALID for a bad
 * period, ST_NOT_FOUND for an unknown centre. */
enum status dist_figures_get(struct db *db, const char *centre_code, const struct dist_period *period,
                             struct dist_figures *out);

/* One item's total in the period. */
struct dist_item_total {
	long long item_id;
	long long net;            /* quantity handed out, reversals taken off */
	long servings, reversals;
};

/* Calls cb for each item handed out in the period, in the items' order. */
enum status dist_figures_items(struct db *db, const char *centre_code, const struct dist_period *period,
                               void (*cb)(const struct dist_item_total *t, void *ctx), void *ctx);

/* An override. */
struct dist_override_row {
	long long id, item_id;
	char day[11], centre[8], case_key[20];
	char reason[201 * 4];
	char served_by[81 * 4];
	bool reversed;
};

/* Calls cb for the overrides of the period after id after (0: from the
 * first), by id, at most limit; *more when more remain. Managers with
 * PERM_DISTRIBUTION_OVERRIDE only. */
enum status dist_figures_overrides(struct db *db, const char *centre_code, const struct dist_period *period,
                                   long long after, int limit, void (*cb)(const struct dist_override_row *r, void *ctx),
                                   void *ctx, bool *more);

#endif
