#ifndef TAIMAKO_DB_REFLIST_H
#define TAIMAKO_DB_REFLIST_H
/* Reference lists that an administrator edits, in French and English
 * (psychosocial activity types, partner organisations; later trades,
 * protection concerns...): table ref_item, one row per item, records point
 * to its id. An item no longer used is retired, never deleted. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct db;

/* The list names stored in ref_item.list. */
#define REFLIST_PSYCH_ACTIVITY "psych_activity"   /* kind: "group" or "individual" */
#define REFLIST_PARTNER "partner"                 /* partner organisations */

struct ref_item {
	long long id;
	char list[32];
	char code[48];       /* stable, never shown */
	char name_en[324];   /* up to 80 characters, UTF-8 */
	char name_fr[324];
	char kind[24];       /* the list's attribute ("group"), "" when none */
	int position;
	bool active;
	int version;
};

/* The item with id into *out; ST_NOT_FOUND when there is none. Readable by
 * every signed-in role (labels of what they may see). */
enum status reflist_get(struct db *db, long long id, struct ref_item *out);

/* The item's name in lang ("fr" or "en") into out; "" and ST_NOT_FOUND when
 * there is none. */
enum status reflist_name(struct db *db, long long id, const char *lang, char *out, size_t size);

/* Calls cb for every item of list in position order (then name), the
 * retired ones too when with_retired; rows are streamed, never all loaded. */
enum status reflist_each(struct db *db, const char *list, bool with_retired,
                         void (*cb)(const struct ref_item *item, void *ctx), void *ctx);

#endif
