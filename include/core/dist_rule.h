#ifndef TAIMAKO_CORE_DIST_RULE_H
#define TAIMAKO_CORE_DIST_RULE_H
/* The rules of a distribution item, without the database: who may receive
 * it and when it is due again. Days are ISO "YYYY-MM-DD"; "today" is
 * always given by the caller (core/clock.h), so tests fix it. */
#include <stdbool.h>
#include <stddef.h>

/* An item's rule (the columns of dist_item). */
struct dist_rule {
	char unit[12];          /* "person" or "household" (VOCAB_DIST_UNIT) */
	char frequency[16];     /* VOCAB_DIST_FREQUENCY */
	int every_days;         /* every_n_days only, 2-366 */
	char sex[8];            /* "any", "female", "male" (VOCAB_DIST_SEX) */
	int age_min, age_max;   /* whole years, included; -1: no bound */
	char requires[24];      /* "" or a VOCAB_DIST_REQUIRES code */
	bool staying_only;      /* only to people staying at the counter's centre */
};

/* What the rules need to know of the person at the counter. */
struct dist_subject {
	char sex[2];            /* person.sex: "f", "m" or "x" */
	int age;                /* whole years today, -1 when not known */
	unsigned flags;         /* (1u << enum person_flag) of their flags */
	bool infant;            /* under 2, or a child under 2 in their household */
	bool staying;           /* staying at the counter's centre now */
	char stay_admitted[11]; /* the first day of that stay, "" when not staying */
};

enum dist_eligibility {
	DIST_ELIGIBLE,
	DIST_NOT_STAYING,       /* staying_only and not staying here */
	DIST_WRONG_SEX,
	DIST_TOO_YOUNG,
	DIST_TOO_OLD,
	DIST_AGE_UNKNOWN,       /* an age bound and no age: refused, an override serves */
	DIST_NOT_REQUIRED,      /* lacks the flag (or infant) the item requires */
};

/* Whether p may receive an item of rule r (before how often). */
enum dist_eligibility dist_eligible(const struct dist_rule *r, const struct dist_subject *p);

/* A sentence for e, a msgid ("Only for people staying at this centre."). */
const char *dist_eligibility_msgid(enum dist_eligibility e);

/* The first day of the window in which an earlier live serving makes the
 * item not due today: today for daily and per-meal items (per meal: and of
 * the same meal), today - (every_days - 1) for every_n_days, the stay's
 * first day for once_per_stay (or "0000-01-01", any time, when not
 * staying). Writes "YYYY-MM-DD" into since (11 bytes or more). */
void dist_window_start(const struct dist_rule *r, const char *today, const char *stay_admitted, char *since,
                       size_t size);

/* The day the item is due again after a serving on day last: the next day
 * for daily and per-meal items (per meal: the next meal may be today),
 * last + every_days for every_n_days, "" for once_per_stay (the next
 * stay). */
void dist_next_due(const struct dist_rule *r, const char *last, char *out, size_t size);

/* Day arithmetic on ISO days: day + n into out; false when day is not a day. */
bool dist_day_add(const char *day, int n, char *out, size_t size);

#endif
