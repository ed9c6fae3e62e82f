/* The name keys of a person: one definition for registration and the bulk
 * writers of demo databases. */
#include <string.h>

#include "core/names.h"
#include "db/person_private.h"

int person_name_keys(const struct person *p, char keys[][NAMES_KEY_MAX], int max)
{
	const char *parts[] = { p->family_name, p->given_names, p->other_names };
	int n = 0;
	for (int i = 0; i < 3; i++) {
		char words[NAMES_MAX_WORDS][32];
		int nw = names_words(parts[i], words);
		for (int w = 0; w < nw && n < max; w++) {
			names_key(words[w], keys[n], NAMES_KEY_MAX);
			bool seen = keys[n][0] == '\0';
			for (int k = 0; k < n && !seen; k++)
				seen = strcmp(keys[k], keys[n]) == 0;
			if (!seen)
				n++;
		}
	}
	return n;
}
