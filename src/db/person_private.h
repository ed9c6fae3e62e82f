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

/* The text of p's search-index row: names, aliases, case key, and the
 * words of its phone (core/phone.h) under country code cc. Made of those
 * columns only (person_keys_refresh reads no others). */
void person_index_text(const struct person *p, const char *cc, char *out, size_t size);

/* Most name keys a person can have (person_name_keys). */
#define PERSON_MAX_KEYS (3 * NAMES_MAX_WORDS)

/* The sound keys of every word of p's names and aliases (core/names.c),
 * without repeats or empty ones, into keys (at most max): how many. */
int person_name_keys(const struct person *p, char keys[][NAMES_KEY_MAX], int max);

/* The stored key of a phone number: its digits with the country code in
 * front, cc for a number written without one (core/phone.h). */
void person_phone_key(const char *phone, const char *cc, char *out, size_t size);

/* The FTS5 query for what a user typed in the lookup box, into out; cc is
 * the country of phone numbers typed without a code. */
bool person_match_query(const char *typed, const char *cc, char *out, size_t size);

/* Derives the phone keys and search index text of every person again, in
 * one transaction, when the database's setting 'person_keys' says they
 * were made in another form or under another country code than this
 * connection's; then records the form. At opening, after the migrations.
 * On failure nothing is changed and detail (may be NULL) says why. */
enum status person_keys_refresh(struct db *db, char *detail, size_t size);

#endif
