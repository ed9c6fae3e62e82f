#ifndef TAIMAKO_DB_BULK_DIST_H
#define TAIMAKO_DB_BULK_DIST_H
/* Bulk writes of distribution records for demo databases (see db/bulk.h
 * for the batches): servings (with the id the caller gives, from
 * bulk_dist_first_id, so that a reversal names the serving it reverses)
 * and stock moves. The schema's triggers keep the stock balances. NULL or
 * "" for the optional texts, 0 for the optional ids. */
#include "core/status.h"

struct bulk;

/* A serving; quantity < 0 with reverses and reason: a reversal. */
struct bulk_dist_serving {
	long long id, person, item, centre, stay, served_by, reverses;
	int quantity;
	const char *day, *served_at, *meal, *counter, *override_reason, *reason;
};

enum status bulk_dist_serving(struct bulk *b, const struct bulk_dist_serving *s);

/* A stock move (kind "receipt", "issue" or "count"). */
enum status bulk_dist_stock_move(struct bulk *b, long long item, long long centre, const char *day,
                                 const char *kind, int quantity, const char *note, long long recorded_by);

/* The first free id of dist_serving (1 for an empty table), 0 on error. */
long long bulk_dist_first_id(struct bulk *b);

/* A stay with what the rules need of its person and household. */
struct bulk_dist_stay {
	long long stay, person, centre;
	char admitted[11], departed[11];   /* departed "" while there */
	char sex;                          /* 'f', 'm', 'x' */
	char birth_date[11];               /* "" unknown */
	long long household;               /* the smallest id of the person and their relatives */
	char youngest[11];                 /* the latest birth day of the household, "" unknown */
	char flags[160];                   /* flag codes, blank-separated */
};

/* Calls fn for each stay of the people with ids first..last, by person
 * and admission; stops at the first status other than ST_OK. */
enum status bulk_dist_stays(struct bulk *b, long long first, long long last,
                            enum status (*fn)(const struct bulk_dist_stay *s, void *ctx), void *ctx);

#endif
