/* Three-way merge of a person, field by field. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/person_merge.h"

/* Appends name to the comma-separated list (when not NULL). */
static void add_name(char *list, size_t size, const char *name)
{
	if (!list || !size)
		return;
	size_t len = strlen(list);
	snprintf(list + len, size - len, "%s%s", len ? "," : "", name);
}

/* The value of f as compared: the text form, with the estimated mark for
 * the date of birth. */
static void value_of(const struct person_field *f, const struct person *p, char *out, size_t size)
{
	person_field_get(f, p, out, size);
	if (strcmp(f->name, "birth_date") == 0) {
		size_t len = strlen(out);
		snprintf(out + len, size - len, "|%d", p->birth_estimated);
	}
}

/* Copies f (and the estimated mark with the date of birth) from theirs. */
static void take(const struct person_field *f, const struct person *theirs, struct person *mine)
{
	char v[1024];
	person_field_get(f, theirs, v, sizeof v);
	person_field_set(f, mine, v);
	if (strcmp(f->name, "birth_date") == 0)
		mine->birth_estimated = theirs->birth_estimated;
}

/* The flags one by one: each takes theirs where only theirs changed it.
 * True when any was taken. */
static bool merge_flags(const struct person *base, const struct person *theirs, struct person *mine)
{
	bool any = false;
	for (int i = 0; i < FLAG_COUNT_; i++)
		if (mine->flags[i] == base->flags[i] && theirs->flags[i] != base->flags[i]) {
			mine->flags[i] = theirs->flags[i];
			any = true;
		}
	return any;
}

int person_merge(const struct person *base, const struct person *theirs, struct person *mine, char *taken,
                 size_t taken_size, char *both, size_t both_size)
{
	if (taken && taken_size)
		taken[0] = '\0';
	if (both && both_size)
		both[0] = '\0';
	int conflicts = 0;
	for (int i = 0; i < person_field_count; i++) {
		const struct person_field *f = &person_fields[i];
		if (strcmp(f->name, "birth_estimated") == 0)
			continue;   /* with birth_date */
		if (strcmp(f->name, "flags") == 0) {
			if (merge_flags(base, theirs, mine))
				add_name(taken, taken_size, f->name);
			continue;
		}
		char b[1024], t[1024], m[1024];
		value_of(f, base, b, sizeof b);
		value_of(f, theirs, t, sizeof t);
		value_of(f, mine, m, sizeof m);
		if (strcmp(t, b) == 0 || strcmp(t, m) == 0)
			continue;
		if (strcmp(m, b) == 0) {
			take(f, theirs, mine);
			add_name(taken, taken_size, f->name);
		} else {
			conflicts++;
			add_name(both, both_size, f->name);
		}
	}
	return conflicts;
}
