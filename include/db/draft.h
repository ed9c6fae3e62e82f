#ifndef TAIMAKO_DB_DRAFT_H
#define TAIMAKO_DB_DRAFT_H
/* Drafts: a form being filled when the connection dropped, kept for the
 * user who was filling it, offered at their next sign-in. One per user,
 * kind of form and record; the values are a JSON object by field name
 * (see form_to_json). Every function sees only the signed-in user's (the
 * actor's) drafts. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct db;

#define DRAFT_KIND_MAX 32

/* One draft, as listed. */
struct draft_info {
	char kind[DRAFT_KIND_MAX];  /* the form: "intake", "consultation", ... */
	long long ref_id;           /* the record edited, or the person it is for; 0 for new */
	char saved_at[24];          /* UTC "YYYY-MM-DD HH:MM" */
};

/* Saves json as the actor's draft of kind for record ref_id (0 for a new
 * record), replacing an earlier one. */
enum status draft_save(struct db *db, const char *kind, long long ref_id, const char *json);

/* Calls fn for each of the actor's drafts, the newest first. */
enum status draft_list(struct db *db, void (*fn)(const struct draft_info *d, void *ctx), void *ctx);

/* True when the actor has a draft of kind; *ref_id and saved_at (UTC
 * "YYYY-MM-DD HH:MM") of the newest are filled when not NULL. */
bool draft_find(struct db *db, const char *kind, long long *ref_id, char *saved_at, size_t size);

/* Sets *json to the text of the actor's draft of kind for ref_id (the
 * caller frees it), or NULL with ST_NOT_FOUND. */
enum status draft_read(struct db *db, const char *kind, long long ref_id, char **json);

/* Removes the actor's draft of kind for ref_id, if any. */
enum status draft_discard(struct db *db, const char *kind, long long ref_id);

#endif
