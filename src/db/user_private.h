#ifndef TAIMAKO_DB_USER_PRIVATE_H
#define TAIMAKO_DB_USER_PRIVATE_H
/* Shared by user.c and login.c only. */
#include <stddef.h>
#include "db/user.h"

/* Reads one account by id, or by name when name is not NULL, with its
 * password hash when hash is not NULL. No permission check: signing in
 * must read the account before anyone is the actor. */
enum status user_read(struct db *db, long long id, const char *name, struct user *u,
                      char *hash, size_t hash_size);

#endif
