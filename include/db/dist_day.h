#ifndef TAIMAKO_DB_DIST_DAY_H
#define TAIMAKO_DB_DIST_DAY_H
/* The day's distribution lists of a centre: who was served (reversals as
 * such), and who is due but not served — people staying at the centre on
 * the day, who may receive the item by its rules (core/dist_rule.h) and
 * have no live serving of it (for a household item: their household's) in
 * the rule's window. Both paged by key. For the distribution roles (their
 * own centre only), managers (any centre) and reports. */
#include <stdbool.h>
#include <stdio.h>

#include "core/page.h"
#include "core/person.h"
#include "core/status.h"

struct db;

#define DIST_DAY_TEXT 201
/* Items named at most in one row of the due list. */
#define DIST_DAY_ITEMS 16

/* A serving of the day, or a reversal (quantity < 0, reverses_id). */
struct dist_day_served {
	long long id;                 /* with served_at, the list's key */
	long long person_id, item_id, reverses_id;
	char case_key[20];
	char family_name[PERSON_NAME_MAX + 1], given_names[PERSON_NAME_MAX + 1];
	char served_at[24];           /* UTC */
	char meal[12];                /* "" or VOCAB_DIST_MEAL */
	char counter[24];
	int quantity;
	char served_by[81 * 4];       /* the account's display name */
	char reason[DIST_DAY_TEXT * 4], override_reason[DIST_DAY_TEXT * 4];
};

/* A person due and not served. */
struct dist_day_due {
	long long person_id;          /* the list's key (with the names) */
	char case_key[20];
	char family_name[PERSON_NAME_MAX + 1], given_names[PERSON_NAME_MAX + 1];
	char sex[2];
	int age;                      /* on the day, -1 unknown */
	bool age_approx;
	char admitted[11];            /* the stay's first day */
	int nitems;
	long long items[DIST_DAY_ITEMS];   /* the items due, in the items' order */
};

/* ST_OK when the actor may read the lists of centre_code: distribution
 * roles their own centre, managers and reports any; ST_DENIED (audited)
 * otherwise, ST_NOT_FOUND for an unknown centre. */
enum status dist_day_allowed(struct db *db, const char *centre_code);

/* The servings (and reversals) of day at centre, of item (0: every item),
 * by time: the rows after or before key (NULL: from the first or the
 * last), at most limit, to cb in the list's order; *more when rows remain
 * beyond. */
enum status dist_day_served(struct db *db, const char *centre_code, const char *day, long long item,
                            enum page_dir dir, const struct dist_day_served *key, int limit,
                            void (*cb)(const struct dist_day_served *r, void *ctx), void *ctx, bool *more);

/* The people staying at centre on day and due item (0: any active item;
 * a per-meal item at meal, a VOCAB_DIST_MEAL code) and not served it, by
 * name: as dist_day_served. */
enum status dist_day_due(struct db *db, const char *centre_code, const char *day, long long item,
                         const char *meal, enum page_dir dir, const struct dist_day_due *key, int limit,
                         void (*cb)(const struct dist_day_due *r, void *ctx), void *ctx, bool *more);

/* The local time "HH:MM" of a served_at (UTC "YYYY-MM-DDTHH:MM:SSZ"), ""
 * when it is not one. */
void dist_day_time(const char *served_at, char *out, size_t size);

/* Both lists as CSV to out (the served first, then the due), with a head
 * row, labels in lang; the export is audited. */
enum status dist_day_csv(struct db *db, const char *centre_code, const char *day, long long item,
                         const char *meal, const char *lang, FILE *out);

#endif
