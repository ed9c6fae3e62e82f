#ifndef TAIMAKO_DB_LOGIN_H
#define TAIMAKO_DB_LOGIN_H
/* Signing in, with the lockout after repeated failures, and changing one's
 * own password. */
#include <time.h>
#include "core/lockout.h"
#include "core/status.h"
#include "db/user.h"

struct db;

struct login_request {
	const char *name;
	const char *password;
	const char *origin;            /* "local", "ssh 10.1.2.3" */
	time_t now;                    /* injectable clock */
	struct lockout_policy policy;
};

/* Checks name and password at req->now. On success fills *out, makes this
 * user the actor of the connection, clears the failure count and audits
 * "login". A failure is audited ("login_failed", with the name as typed and
 * the origin) and counted; the failure that reaches the policy's maximum
 * locks the account. Returns ST_BAD_LOGIN (unknown name or wrong password,
 * never telling which), ST_DISABLED, or ST_LOCKED with *locked_until (may
 * be NULL) set to when it opens again. */
enum status login_attempt(struct db *db, const struct login_request *req, struct user *out,
                          time_t *locked_until);

/* Checks password against the actor's own account without changing the
 * actor (the idle lock). Counts and audits failures like a sign-in. */
enum status login_confirm(struct db *db, const struct login_request *req, time_t *locked_until);

/* Changes the actor's own password after checking the current one;
 * ST_WRONG_PASSWORD or ST_WEAK_PASSWORD otherwise. Audited. */
enum status login_change_password(struct db *db, const char *current, const char *new_password);

/* Forgets the actor (audited "logout"). */
void login_logout(struct db *db);

#endif
