#ifndef TAIMAKO_DB_USER_H
#define TAIMAKO_DB_USER_H
/* Staff accounts: creation, login, preferences. */
#include <stdbool.h>
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
	int version;                                   /* for conflict checks */
};

/* ST_OK when name is a valid account name: 2 to 32 of a-z 0-9 . _ - */
enum status user_check_name(const char *name);

/* Creates an account in its own transaction, audited. password is checked
 * against the rules and hashed; the clear text is not kept. *id_out (may be
 * NULL) receives the new id. ST_DUPLICATE when the name is taken,
 * ST_NOT_FOUND when the centre code is unknown. */
enum status user_add(struct db *db, const char *name, const char *display_name,
                     enum role role, const char *centre_code, const char *lang,
                     const char *password, long long *id_out);

/* Checks name and password. On success fills *out, makes this user the
 * actor of the connection with origin, and audits the login; a failure is
 * audited too (with the name as typed) and gives ST_BAD_LOGIN or
 * ST_DISABLED. */
enum status user_login(struct db *db, const char *name, const char *password,
                       const char *origin, struct user *out);

/* Reads the account with this id into *out. */
enum status user_get(struct db *db, long long id, struct user *out);

/* Saves display name and language of *u if nobody changed the account since
 * u was read (else ST_CONFLICT and nothing is written); audited with the
 * fields that changed. On success *u is updated (new version). */
enum status user_save_prefs(struct db *db, struct user *u, const char *display_name,
                            const char *lang);

/* Number of accounts, -1 on error. */
long long user_count(struct db *db);

#endif
