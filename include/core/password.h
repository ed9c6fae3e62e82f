#ifndef TAIMAKO_CORE_PASSWORD_H
#define TAIMAKO_CORE_PASSWORD_H
/* Password hashing with yescrypt (libcrypt) and the password rules. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

#define PASSWORD_MIN_CHARS 10
#define PASSWORD_HASH_MAX 128

/* ST_WEAK_PASSWORD when pw has fewer than PASSWORD_MIN_CHARS characters
 * (UTF-8 characters, not bytes), else ST_OK. */
enum status password_check_rules(const char *pw);

/* Hashes pw with yescrypt and a fresh random salt into out (at least
 * PASSWORD_HASH_MAX bytes). */
enum status password_hash(const char *pw, char *out, size_t size);

/* True when pw matches hash. Takes the same time whether or not it does;
 * with hash NULL it hashes against a dummy so that an unknown user name
 * costs as much as a wrong password. */
bool password_verify(const char *pw, const char *hash);

#endif
