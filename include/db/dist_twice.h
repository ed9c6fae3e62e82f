#ifndef TAIMAKO_DB_DIST_TWICE_H
#define TAIMAKO_DB_DIST_TWICE_H
/* Served twice across sites: once the sites' data have merged, the live
 * servings that the item's rule would have refused had the counter seen a
 * serving made at another site (the same person, the same item, within
 * the rule's window: the same day, the same meal, every_days, the stay;
 * core/dist_rule.h; for an item given per household, a serving to any
 * member of the person's household, as db/dist_serve.h) while the sites
 * were apart. The counter checks its own site's servings in its
 * transaction; this list finds what it could not see. One entry per
 * serving that was one too many, with the serving it repeats (the last
 * live one of another site in its window). Paged by key, by the day of
 * the second serving; reversed servings are left out. For the
 * distribution roles (their own centre), managers and reports (any
 * centre, or all). */
#include <stdbool.h>

#include "core/page.h"
#include "core/person.h"
#include "core/status.h"

struct db;

#define DIST_TWICE_NAME 81

/* One of the two servings. */
struct dist_twice_serving {
	long long id;
	char day[11];
	char meal[12];                       /* "" or VOCAB_DIST_MEAL */
	char centre_code[8];
	char centre_en[DIST_TWICE_NAME * 4], centre_fr[DIST_TWICE_NAME * 4];
	char town[DIST_TWICE_NAME * 4];      /* the centre's town */
	char site[33];                       /* the site that wrote it (an id, never shown) */
	char served_by[DIST_TWICE_NAME * 4]; /* the account's display name, "" unknown here */
	long long person_id;                 /* who received it (a household item: may be */
	char case_key[20];                   /* another member of the household) */
};

/* An entry: second repeats first within the rule's window. */
struct dist_twice {
	long long person_id, item_id;        /* second's person */
	char case_key[20];
	char family_name[PERSON_NAME_MAX + 1], given_names[PERSON_NAME_MAX + 1];
	char item_en[DIST_TWICE_NAME], item_fr[DIST_TWICE_NAME];
	char frequency[16];                  /* VOCAB_DIST_FREQUENCY of the item's rule */
	int every_days;                      /* every_n_days */
	char since[11];                      /* the first day of second's window */
	struct dist_twice_serving first, second;   /* second: the list's key (day, id) */
};

/* The filter: servings whose second falls from..to (ISO days, included),
 * at centre_code ("" every centre; else either serving at it). */
struct dist_twice_filter {
	char from[11], to[11];
	char centre_code[8];
};

/* The filter of the last 30 days (today included), every centre. */
void dist_twice_default(struct dist_twice_filter *f);

/* The entries after or before key (NULL: from the first or the last), at
 * most limit, to cb in the list's order (second's day, then id); *more
 * when entries remain beyond. ST_INVALID for a bad day or from after to,
 * ST_NOT_FOUND for an unknown centre, ST_DENIED (audited) for a centre
 * the actor may not read. Reads the period's servings a row at a time. */
enum status dist_twice_list(struct db *db, const struct dist_twice_filter *f, enum page_dir dir,
                            const struct dist_twice *key, int limit,
                            void (*cb)(const struct dist_twice *r, void *ctx), void *ctx, bool *more);

#endif
