#ifndef TAIMAKO_DB_REFLIST_H
#define TAIMAKO_DB_REFLIST_H
/* Reference lists that an administrator edits, in French and English
 * (psychosocial activity types, partner organisations; later trades,
 * protection concerns...): table ref_item, one row per item, records point
 * to its id. An item no longer used is retired, never deleted. */
#include <stdbool.h>
#include <stddef.h>
#include "core/page.h"
#include "core/status.h"

struct db;
struct vocab;

/* The list names stored in ref_item.list. */
#define REFLIST_PSYCH_ACTIVITY "psych_activity"   /* kind: "group" or "individual" */
#define REFLIST_PARTNER "partner"                 /* partner organisations */
#define REFLIST_TRAINING_TRADE "training_trade"   /* vocational training trades */
#define REFLIST_REINT_REGION "reint_region"       /* regions of return; kind: the country (ISO alpha-3), code ISO 3166-2 */
#define REFLIST_PROT_CONCERN "prot_concern"       /* protection concerns */

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

/* ---- editing (administrators, PERM_REFDATA) ------------------------------
 * Each module names its lists in its struct module (.reflists); the program's
 * definition of a list is handed to every write, which refuses an item of
 * another list and checks the kind against the definition's code list. */

#define REFLIST_NAME_MAX 80       /* characters of a name, in each language */

/* One editable list as the program defines it. */
struct reflist_def {
	const char *list;             /* ref_item.list: REFLIST_PARTNER */
	const char *title;            /* msgid: "Partner organisations" */
	const struct vocab *kinds;    /* the items' one attribute (core/vocab.h); NULL: none */
	const char *kind_label;       /* msgid naming that attribute; NULL when none */
};

/* The kinds of a list whose kind is a country (regions of return): not a
 * code list but the country table; the kind is its ISO 3166-1 alpha-3
 * code, which must exist, and forms offer the countries. */
extern const struct vocab reflist_country_kinds;
#define REFLIST_KIND_COUNTRY (&reflist_country_kinds)

/* The msgid of the first rule item breaks as an item of def's list, NULL
 * when none; *field (may be NULL) gets "name_en", "name_fr" or "kind", or
 * NULL when about no one field. Rules: both names given, at most
 * REFLIST_NAME_MAX characters once blanks at both ends are dropped, valid
 * UTF-8 without control characters; kind one of def->kinds ("" when def
 * has none), or three capital letters for REFLIST_KIND_COUNTRY. Needs no
 * database (the unique names, and that the country exists, are checked on
 * saving). */
const char *reflist_item_problem(const struct reflist_def *def, const struct ref_item *item,
                                 const char **field);

/* Adds item (its names and kind) at the end of def's list with a code made
 * from its English name. PERM_REFDATA. ST_INVALID with *msgid and *field
 * (each may be NULL) as reflist_item_problem, or for a name another item
 * of the list has in the same language (accents and case ignored, retired
 * items too). On success item is the row as stored; on failure nothing is
 * written and item->id stays 0. Audited ("create", "ref_item"). */
enum status reflist_add(struct db *db, const struct reflist_def *def, struct ref_item *item,
                        const char **msgid, const char **field);

/* Saves the names and kind of item->id, an item of def's list, if its
 * version is still item->version (ST_CONFLICT otherwise); the same rules as
 * reflist_add. ST_NOT_FOUND for an unknown item, ST_INVALID for an item of
 * another list. On success item is the row as stored. Audited. */
enum status reflist_edit(struct db *db, const struct reflist_def *def, struct ref_item *item,
                         const char **msgid, const char **field);

/* Retires (active false) or restores the item id of def's list if its
 * version is still version (ST_CONFLICT). Nothing is deleted: records keep
 * their label. Audited; nothing written when already so. */
enum status reflist_set_active(struct db *db, const struct reflist_def *def, long long id, int version,
                               bool active);

/* Moves the item id of def's list one place earlier (delta -1) or later
 * (+1) among all its items, retired ones too, if its version is still
 * version (ST_CONFLICT); the list is numbered 1..n again on the way, each
 * row whose position changes audited. ST_OK and nothing written at the
 * list's end. */
enum status reflist_move(struct db *db, const struct reflist_def *def, long long id, int version,
                         int delta);

/* The items of list (retired ones too) in reflist_each's order, paged by
 * key (core/page.h): the rows after (or before) the item key_id (0: from
 * the first, or the last rows), at most limit. Read first, then called
 * back (cb may use the connection). *more: rows remain beyond the page. */
enum status reflist_page(struct db *db, const char *list, enum page_dir dir, long long key_id, int limit,
                         void (*cb)(const struct ref_item *item, void *ctx), void *ctx, bool *more);

#endif
