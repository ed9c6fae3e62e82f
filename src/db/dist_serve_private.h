#ifndef TAIMAKO_DB_DIST_SERVE_PRIVATE_H
#define TAIMAKO_DB_DIST_SERVE_PRIVATE_H
/* What the counter's reads and writes share (src/db/dist_serve*.c). */
#include "db/dist_item.h"
#include "db/dist_serve.h"

/* ST_OK when the actor may serve (distribution_write or _override). */
enum status dist_serve_allowed(struct db *db);

/* Reads person id as the counter sees it, without the permission check. */
enum status dist_person_load(struct db *db, const char *centre_code, long long id, struct dist_person *out);

/* The state of item it for p at c today, without the permission check. */
enum status dist_state_of(struct db *db, const struct dist_counter *c, const struct dist_person *p,
                          const struct dist_item *it, const char *today, struct dist_item_state *out);

#endif
