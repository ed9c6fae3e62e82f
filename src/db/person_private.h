#ifndef TAIMAKO_DB_PERSON_PRIVATE_H
#define TAIMAKO_DB_PERSON_PRIVATE_H
/* Shared by the person modules of the data layer only. */
#include <stdbool.h>
#include <stddef.h>
#include "core/names.h"
#include "db/person.h"

/* Reads person id with its lists, no permission check, no audit. */
enum status person_read(struct db *db, long long id, struct person *p);

/* Writes p's languages, documents and flags (p->id set), keeping the rows
 * that stay as they are (person_lists.c). */
enum status person_write_lists(struct db *db, const struct person *p);

/* The flag stored as name, or -1. */
int person_flag_from_name(const char *name);

/* The text of p's search-index row: names, aliases, case key, phone digits. */
void person_index_text(const struct person *p, char *out, size_t size);

/* Most name keys a person can have (person_name_keys). */
#define PERSON_MAX_KEYS (3 * NAMES_MAX_WORDS)

/* The sound keys of every word of p's names and aliases (core/names.c),
 * without repeats or empty ones, into keys (at most max): how many. */
int person_name_keys(const struct person *p, char keys[][NAMES_KEY_MAX], int max);

/* The last 8 digits of a phone number (all of them when fewer). */
void person_phone_key(const char *phone, char *out, size_t size);

/* The FTS5 query for what a user typed in the lookup box, into out. */
bool person_match_query(const char *typed, char *out, size_t size);

#endif
