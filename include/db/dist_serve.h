#ifndef TAIMAKO_DB_DIST_SERVE_H
#define TAIMAKO_DB_DIST_SERVE_H
/* Serving at a distribution counter: what the counter shows of a person
 * and of each item being handed out (due, already served, next due, not
 * eligible), serving what is due in one transaction that checks again (so
 * two counters serving the same person at once give one serving), an
 * override with a reason, and a reversing entry to correct a mistake.
 *
 * A household is the person and the people directly linked to them by a
 * household relation (parent, child, spouse, sibling, head, member; not
 * guardian, ward or other relative): for an item given per household, a
 * serving collected by any of them counts for all of them. */
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/dist_rule.h"
#include "core/status.h"

struct db;

/* Items a counter hands out at once, at most. */
#define DIST_SERVE_MAX_ITEMS 12

/* Where and how the counter serves. */
struct dist_counter {
	char centre_code[8];    /* the counter's centre */
	char counter[21];       /* its name, as staff call it ("2"), may be "" */
	char meal[12];          /* "breakfast", "lunch", "dinner" (VOCAB_DIST_MEAL) for per-meal items */
};

/* What the counter shows of a person: nothing medical, nothing of
 * protection or psychosocial support. */
struct dist_person {
	long long id;
	char case_key[20];
	char family_name[201], given_names[201];
	char sex;               /* 'f', 'm', 'x' */
	int age;                /* whole years today, -1 unknown */
	bool age_approx, child; /* child: under 18 */
	int household;          /* people in the household, the person included */
	bool pregnant, disability, infant;   /* infant: under 2, or one in the household */
	bool staying;           /* staying at the counter's centre now */
	long long stay_id;
	char stay_admitted[11];
	struct dist_subject subject;          /* for the rules (every flag the rules read) */
};

enum dist_state {
	DIST_DUE,               /* may be served now */
	DIST_SERVED,            /* already served today (this meal for per-meal items) */
	DIST_NOT_YET,           /* served earlier in its window: next_due ("" once per stay) */
	DIST_NOT_ELIGIBLE,      /* the rules refuse it: why */
};

/* An item's state for a person at the counter. */
struct dist_item_state {
	long long item_id;
	enum dist_state state;
	enum dist_eligibility why;   /* DIST_NOT_ELIGIBLE */
	/* The last live serving within the window (DIST_SERVED, DIST_NOT_YET). */
	long long serving_id;
	char day[11];                /* its day */
	time_t served_at;            /* when */
	char served_by[81];          /* the staff's name */
	char counter[21];
	char meal[12];
	bool by_other;               /* collected by another member of the household */
	char collector_key[20];      /* then their case number */
	char next_due[11];           /* DIST_NOT_YET: "" for once per stay */
};

/* The meal of a time of day: breakfast before 10:30, lunch before 16:00,
 * dinner after (local time). */
const char *dist_meal_of(time_t t);

/* The person whose case number (casenum_key's form) is key into *id:
 * ST_OK, ST_NOT_FOUND. Needs distribution_write or distribution_override. */
enum status dist_person_by_key(struct db *db, const char *key, long long *id);

/* What the counter at centre_code shows of person id. Needs
 * distribution_write or distribution_override. */
enum status dist_person_read(struct db *db, const char *centre_code, long long id, struct dist_person *out);

/* The state of each of the n items for p at counter c, into out[n]. The
 * same checks as dist_serve, outside its transaction (for showing). */
enum status dist_states(struct db *db, const struct dist_counter *c, const struct dist_person *p,
                        const long long *items, int n, struct dist_item_state *out);

/* What dist_serve did. */
struct dist_served {
	int n;                                        /* items served */
	long long serving[DIST_SERVE_MAX_ITEMS];      /* each item's new serving, 0 when not served */
	struct dist_item_state state[DIST_SERVE_MAX_ITEMS];   /* each item as checked in the transaction */
};

/* Serves person id the n items that are due at counter c, in one BEGIN
 * IMMEDIATE transaction that reads their state again (so a serving made
 * meanwhile at another counter is seen), each serving with its audit row.
 * With override_reason (not empty, 200 characters at most; needs
 * distribution_override) every one of the items is served, the refused
 * ones too, and the reason is kept. ST_OK when at least one was served;
 * ST_INVALID with *msgid when none was (out says why for each); ST_DENIED
 * without the permission (distribution_write, or distribution_override). */
enum status dist_serve(struct db *db, const struct dist_counter *c, long long id, const long long *items, int n,
                       const char *override_reason, struct dist_served *out, const char **msgid);

/* Reverses serving id with a reason (a new entry of the opposite
 * quantity; the serving stays in the ledger), audited: the staff who
 * served it on the same day, or distribution_override any time (else
 * ST_DENIED). ST_INVALID with *msgid for a missing reason, a reversal or a
 * serving already reversed; ST_NOT_FOUND. */
enum status dist_reverse(struct db *db, long long id, const char *reason, long long *reversal_id, const char **msgid);

/* Whether the signed-in staff may reverse serving id now (as dist_reverse
 * decides; no refusal recorded). */
bool dist_may_reverse(struct db *db, long long id);

#endif
