#ifndef TAIMAKO_CORE_PERSON_MERGE_H
#define TAIMAKO_CORE_PERSON_MERGE_H
/* Three-way merge of a person edited in two sessions at once: what both
 * read (base), what the other session saved (theirs), what this one typed
 * (mine), compared field by field over the one field table of
 * core/person.h. */
#include <stddef.h>
#include "core/person.h"

/* Merges into *mine: a field only theirs changed takes their value; one
 * only mine changed, or both changed alike, stays; one both changed
 * differently stays mine and is a conflict. The vulnerability flags merge
 * one by one (never a conflict); the date of birth and its estimated mark
 * go together (as "birth_date"). The names of the fields taken from theirs
 * go to taken, of the conflicts to both (comma-separated, each may be
 * NULL). Returns the number of conflicts. The version is not touched. */
int person_merge(const struct person *base, const struct person *theirs, struct person *mine, char *taken,
                 size_t taken_size, char *both, size_t both_size);

#endif
