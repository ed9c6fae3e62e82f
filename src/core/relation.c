/* Family relations read both ways. */
#include <stddef.h>
#include <string.h>

#include "core/relation.h"

const char *relation_inverse(const char *relation)
{
	static const char *const pairs[][2] = {
		{ "parent", "child" }, { "child", "parent" }, { "spouse", "spouse" }, { "sibling", "sibling" },
		{ "head", "member" },  { "member", "head" },  { "guardian", "ward" }, { "ward", "guardian" },
		{ "relative", "relative" },
	};
	if (!relation)
		return NULL;
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if (strcmp(pairs[i][0], relation) == 0)
			return pairs[i][1];
	return NULL;
}
