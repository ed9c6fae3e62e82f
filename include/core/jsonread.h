#ifndef TAIMAKO_CORE_JSONREAD_H
#define TAIMAKO_CORE_JSONREAD_H
/* Reading back the flat JSON objects the program writes (drafts of forms):
 * {"key": "value", ...} with string values only. The text comes from the
 * database, so it is checked whole before anything is taken from it. */
#include <stdbool.h>

#define JSONREAD_MAX 4096   /* bytes of a decoded key or value, with its NUL */
#define JSONREAD_MEMBERS 256 /* members of one object at most */

/* Calls fn(key, value, ctx) for each member of the object json, in order,
 * but only when the whole text is such an object: string values only, no
 * nesting, valid UTF-8, no control character (NUL included) in a key or
 * value once decoded, nothing after the closing brace, each key and value
 * shorter than JSONREAD_MAX bytes. Otherwise returns false and calls nothing.
 * The strings given to fn live only during the call. */
bool jsonread_object(const char *json, void (*fn)(const char *key, const char *value, void *ctx),
                     void *ctx);

#endif
