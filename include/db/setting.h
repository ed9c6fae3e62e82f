#ifndef TAIMAKO_DB_SETTING_H
#define TAIMAKO_DB_SETTING_H
/* The settings an administrator may change (the setting table holds others
 * that the program keeps for itself): each with what it means, its value
 * when unset and the values it takes. Changed from the command line
 * (`taimako setting`), checked and audited here. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct db;

struct setting_def {
	const char *key;          /* "report_suppress" */
	const char *label;        /* msgid: what it changes */
	const char *fallback;     /* the value when it is not set */
	const char *values;       /* msgid: the values it takes */
	bool (*valid)(const char *value);
};

/* The settings, in the order `setting list` shows them. */
extern const struct setting_def setting_defs[];
extern const int setting_def_count;

/* The setting named key, or NULL. */
const struct setting_def *setting_find(const char *key);

/* The value of key into out (its fallback when unset; *is_set says which).
 * PERM_REFDATA; ST_NOT_FOUND for a key that is not one of setting_defs. */
enum status setting_get(struct db *db, const char *key, char *out, size_t size, bool *is_set);

/* Sets key to value (NULL: back to its fallback), in one transaction with
 * its audit row (entity "setting": the value before and after).
 * PERM_REFDATA; ST_NOT_FOUND for an unknown key, ST_INVALID for a value
 * it does not take. */
enum status setting_set(struct db *db, const char *key, const char *value);

#endif
