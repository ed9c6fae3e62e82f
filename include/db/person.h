#ifndef TAIMAKO_DB_PERSON_H
#define TAIMAKO_DB_PERSON_H
/* People: registration, the case file, quick lookup, duplicates. Reading
 * needs PERM_PERSON_READ (lookup: PERM_LOOKUP), writing PERM_PERSON_WRITE;
 * every change and every opening of a case file is audited. */
#include <stdbool.h>
#include <stddef.h>
#include "core/casenum.h"
#include "core/page.h"
#include "core/person.h"
#include "core/status.h"

struct db;

/* Checks p before saving: ST_OK, or ST_INVALID with the msgid of the first
 * problem in *msgid (may be NULL). today is "YYYY-MM-DD". */
enum status person_check(const struct person *p, const char *today, const char **msgid);

/* Saves p. A new person (id 0) gets a case number of its centre and
 * arrival year, unique even when sessions save at once, and a first stay at
 * that centre from the arrival date. An existing one changed by another
 * session since orig (the copy read before editing) was read is merged
 * field by field (core/person_merge.h): p takes the other session's value
 * of every field only it changed, and changed (when not NULL) receives
 * their names, comma-separated ("" when nobody else saved). When a field
 * was changed differently on both sides: ST_CONFLICT, nothing is written,
 * changed names those fields, and p holds the merge with its own values in
 * them. All in one transaction with the search index and the audit trail:
 * a creation with every field, an edit with every field that differs from
 * the record as it was saved, as [before, after], in the text form of
 * core/person.h. The text of the other vulnerability is cleared when its
 * flag is not set. On success p->id, p->case_key and p->version are
 * updated. */
enum status person_save(struct db *db, struct person *p, const struct person *orig,
                        char *changed, size_t changed_size);

/* Reads person id into *p, audited as an opening of the case file. */
enum status person_get(struct db *db, long long id, struct person *p);

/* Reads person id as saved now into *p, without recording an opening: for
 * a screen that has the record open already (after a conflict).
 * PERM_PERSON_READ. */
enum status person_current(struct db *db, long long id, struct person *p);

/* One line of a lookup result. */
struct person_hit {
	long long id;
	char case_key[20];
	char name[PERSON_NAME_MAX * 2 + 2];      /* "FAMILY Given" */
	char sex;
	char birth_date[11];
	bool birth_estimated;
	char nationality[4];
	char centre_code[8];
	char flags[48];                          /* short codes, space-separated */
	bool no_data_consent;                    /* refused data collection: left out of exports */
	bool community;                          /* a community member (db/community.h), not a migrant */
	long long rank;                          /* the key to page on from this hit */
};

/* Quick lookup: query is any part of names in any order (prefixes,
 * accents and case ignored, spelling variants and one mistyped letter
 * found too), a case number with or without dashes, or a phone number.
 * Names come best match first: the whole name exactly, then every word
 * exactly, then prefixes, then variants and typos; newest first within
 * each. Results after the hit whose rank is after (0: from the start), at
 * most limit, to cb. *more tells whether more remain. Needs PERM_LOOKUP. */
enum status person_search(struct db *db, const char *query, long long after, int limit,
                          void (*cb)(const struct person_hit *hit, void *ctx), void *ctx, bool *more);

/* The same results paged by key both ways (core/page.h): PAGE_AFTER as
 * person_search; PAGE_BEFORE the hits before the hit with rank key in the
 * result order (key 0: the last page), at most limit, in the result order. */
enum status person_search_page(struct db *db, const char *query, enum page_dir dir, long long key, int limit,
                               void (*cb)(const struct person_hit *hit, void *ctx), void *ctx, bool *more);

/* Close numbers person_number_check gives at most. */
#define PERSON_CLOSE_NUMBERS 5

/* What the lookup can say about a case number that finds nobody. */
struct person_number_check {
	bool wrong;                 /* meant as a case number, and not a valid one */
	char shown[CASENUM_MAX];    /* the number typed: display form when shaped like one */
	int n;                      /* existing close numbers in close */
	char close[PERSON_CLOSE_NUMBERS][CASENUM_MAX];   /* display forms, most likely first */
};

/* Reads query as a case number typed wrong: when it has the shape of one
 * but its check character is wrong, or is one typing error away from
 * numbers that exist, c->wrong is set, with the number as typed and the
 * existing valid numbers one typing error away (core/casenum.h:
 * casenum_neighbours), at most PERSON_CLOSE_NUMBERS, each looked up by the
 * unique index. Otherwise *c is emptied (c->wrong false). Needs
 * PERM_LOOKUP. */
enum status person_number_check(struct db *db, const char *query, struct person_number_check *c);

/* How many people person_search finds for query, counted up to cap:
 * *count, and *over when there are more than cap. Needs PERM_LOOKUP. */
enum status person_search_count(struct db *db, const char *query, int cap, int *count, bool *over);

/* The people probably the same as p (not p itself), best first, at most
 * limit, with their score (0-100) to cb. */
enum status person_duplicates(struct db *db, const struct person *p, int limit,
                              void (*cb)(const struct person_hit *hit, int score, void *ctx), void *ctx);

/* A relative as the case file lists them. */
struct person_relative {
	long long id;
	char relation[12];        /* what they are to the person: parent, child, spouse, ... (VOCAB_RELATION) */
	struct person_hit hit;
};

/* Calls cb for the relatives of person id by relative id, from the one
 * after the relative with id after (0: from the first), at most limit;
 * *more (may be NULL) tells whether more remain (PERM_PERSON_READ). */
enum status person_family(struct db *db, long long id, long long after, int limit,
                          void (*cb)(const struct person_relative *r, void *ctx), void *ctx, bool *more);

/* Links relative to person as relation (a VOCAB_RELATION code: what
 * relative is to person), and the inverse link; audited on both people
 * with the relation before and after. PERM_PERSON_WRITE. */
enum status person_link(struct db *db, long long person, long long relative, const char *relation);

/* Removes the link between person and relative, both ways; audited on both
 * people with the relation before (ST_NOT_FOUND when not linked).
 * PERM_PERSON_WRITE. */
enum status person_unlink(struct db *db, long long person, long long relative);

struct person_stay {
	long long id;
	char centre_code[8];
	char admitted[11];
	char departed[11];        /* "" while staying */
	char reason[12];          /* avr, continued, referred, left, transferred */
	char services[48];        /* space-separated */
};

/* Calls cb for the stays of person id, latest first (by admission, then
 * entry), from the one after the stay with id after (0: from the latest),
 * at most limit; *more (may be NULL) tells whether more remain
 * (PERM_PERSON_READ). */
enum status person_stays(struct db *db, long long id, long long after, int limit,
                         void (*cb)(const struct person_stay *s, void *ctx), void *ctx, bool *more);

/* One change in a person's history. */
struct person_change {
	long long id;             /* of the audit row: the key to page after */
	char at[32];
	char user_name[64];
	char action[16];          /* create, update, link, unlink, admit, depart, services */
	char changes[2048];       /* JSON (db/audit_text.h reads it to people) */
};

/* Calls cb for the changes made to person id (from its own file or from
 * another: family links, stays and services), newest first, from the one
 * after the change with id after (0: from the newest), at most limit;
 * *more (may be NULL) tells whether more remain (PERM_PERSON_READ: the case
 * file's history, not the whole audit trail). */
enum status person_history(struct db *db, long long id, long long after, int limit,
                           void (*cb)(const struct person_change *c, void *ctx), void *ctx, bool *more);

#endif
