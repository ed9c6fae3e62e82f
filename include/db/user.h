#ifndef TAIMAKO_DB_USER_H
#define TAIMAKO_DB_USER_H
/* Staff accounts: creation, reading, administration, preferences. Signing
 * in is in db/login.h. Every function checks the acting role. */
#include <stdbool.h>
#include <time.h>
#include "core/page.h"
#include "core/role.h"
#include "core/status.h"

struct db;

#define USER_NAME_MAX 32
#define USER_DISPLAY_MAX 80

struct user {
	long long id;
	char name[USER_NAME_MAX + 1];
	char display_name[USER_DISPLAY_MAX * 4 + 1];  /* UTF-8 */
	enum role role;
	long long centre_id;
	char centre_code[8];
	char lang[3];                                  /* "fr" or "en" */
	bool active;
	int failures;                                  /* failed sign-ins in a row */
	time_t locked_until;                           /* 0 when not locked */
	int version;                                   /* for conflict checks */
};

/* ST_OK when name is a valid account name: 2 to 32 of a-z 0-9 . _ - */
enum status user_check_name(const char *name);

/* Creates an account in its own transaction, audited; needs
 * PERM_ACCOUNTS. password is checked against the rules and hashed; the
 * clear text is not kept. *id_out (may be NULL) receives the new id.
 * ST_DUPLICATE when the name is taken, ST_NOT_FOUND when the centre code
 * is unknown. */
enum status user_add(struct db *db, const char *name, const char *display_name,
                     enum role role, const char *centre_code, const char *lang,
                     const char *password, long long *id_out);

/* Reads the account with this id into *out: the actor's own account, or
 * any with PERM_ACCOUNTS. */
enum status user_get(struct db *db, long long id, struct user *out);

/* Reads the account with this name (PERM_ACCOUNTS). */
enum status user_find(struct db *db, const char *name, struct user *out);

/* Calls cb for accounts in name order, a page by key (core/page.h): the
 * accounts after the one named key (PAGE_AFTER; key NULL or "": from the
 * first) or before it (PAGE_BEFORE; no key: the last ones), at most limit,
 * in name order either way; *more tells whether more remain beyond the
 * page (PERM_ACCOUNTS). */
enum status user_list(struct db *db, enum page_dir dir, const char *key, int limit,
                      void (*cb)(const struct user *u, void *ctx), void *ctx, bool *more);

/* What an administrator may change on an account. */
struct user_changes {
	const char *display_name;
	enum role role;
	const char *centre_code;
	const char *lang;
	bool active;
};

/* Saves the changes to *u (the account as read before editing);
 * PERM_ACCOUNTS. When someone saved the account since, the two are merged
 * field by field: a field only they changed keeps their value; a field both
 * changed differently is ST_CONFLICT and nothing is written. Refuses (ST_LAST_ADMIN) to disable or
 * demote the last active administrator. Enabling an account also lifts a
 * lockout. Audited field by field. On success *u is read again. */
enum status user_admin_save(struct db *db, struct user *u, const struct user_changes *c);

/* Sets a new password for the account name (PERM_ACCOUNTS), lifting any
 * lockout; audited without the password. */
enum status user_set_password(struct db *db, const char *name, const char *password);

/* Lifts the lockout of the account name (PERM_ACCOUNTS): the failed
 * sign-ins are forgotten, the password stays. Audited when there was
 * something to lift; *was_locked (may be NULL) tells whether the account
 * was locked at clock_now(). */
enum status user_unlock(struct db *db, const char *name, bool *was_locked);

/* Saves display name and language of *u, the actor's own account;
 * audited with the fields that changed. When the account was saved
 * elsewhere since u was read, the two are merged field by field; a field
 * changed differently on both sides is ST_CONFLICT and nothing is
 * written. On success *u is the account as saved. */
enum status user_save_prefs(struct db *db, struct user *u, const char *display_name,
                            const char *lang);

/* Number of accounts, -1 on error. */
long long user_count(struct db *db);

#endif
