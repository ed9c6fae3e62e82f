#ifndef TAIMAKO_DB_FIELDS_JSON_H
#define TAIMAKO_DB_FIELDS_JSON_H
/* The fields of a record for the audit trail, as a table of its struct's
 * members: each text (a char array), int or long long member by name, so
 * that a save writes every field of a new record, or those that changed,
 * from one table instead of a line per field. Private to src/db/. */
#include <stddef.h>

struct jsonbuf;

struct db_field {
	const char *name;      /* the column's name in the audit JSON */
	size_t offset, size;   /* size 0: an int; 1: a long long; more: a char array */
};
#define DB_FIELD_TEXT(type, m) { #m, offsetof(type, m), sizeof((type *)0)->m }
#define DB_FIELD_INT(type, m) { #m, offsetof(type, m), 0 }
#define DB_FIELD_ID(type, m) { #m, offsetof(type, m), 1 }

/* Adds to j every field of after (before NULL), or those whose value
 * differs in before, as "name": value or "name": [before, after]. */
void db_fields_json(struct jsonbuf *j, const struct db_field *fields, size_t n, const void *before, const void *after);

#endif
