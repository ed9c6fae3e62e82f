/* Ranking the choices of a choice field against what was typed. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "ui/choice_match.h"

enum place { PLACE_NONE = -1, PLACE_WHOLE, PLACE_START, PLACE_WORD };

/* True when position i of the folded string h starts a word (after a
 * space, '-', '\'', '(' or U+2019, as text_fold_match splits words). */
static bool word_start(const char *h, size_t i)
{
	if (i == 0)
		return true;
	if (strchr(" -'(", h[i - 1]))
		return true;
	return i >= 3 && memcmp(h + i - 3, "\xe2\x80\x99", 3) == 0;
}

/* Where the folded needle n is found in name, or PLACE_NONE. */
static enum place place_in(const char *name, const char *n)
{
	if (!name || !*name)
		return PLACE_NONE;
	char *h = text_fold(name);
	if (!h)
		return PLACE_NONE;
	enum place p = PLACE_NONE;
	size_t hlen = strlen(h), nlen = strlen(n);
	if (strcmp(h, n) == 0)
		p = PLACE_WHOLE;
	else if (strncmp(h, n, nlen) == 0)
		p = PLACE_START;
	for (size_t i = 1; p == PLACE_NONE && i + nlen <= hlen; i++)
		if (word_start(h, i) && memcmp(h + i, n, nlen) == 0)
			p = PLACE_WORD;
	free(h);
	return p;
}

int choice_rank(const char *shown, const char *other, const char *code, const char *typed)
{
	char *n = text_fold(typed ? typed : "");
	if (!n)
		return CHOICE_NO_MATCH;
	int rank = CHOICE_NO_MATCH;
	if (!*n) {
		rank = 0;
	} else {
		enum place p = place_in(shown, n);
		enum place c = place_in(code, n);
		enum place o = p == PLACE_NONE ? place_in(other, n) : PLACE_NONE;
		if (p != PLACE_NONE)
			rank = (int)p;
		else if (c == PLACE_WHOLE)
			rank = 3;
		else if (o != PLACE_NONE)
			rank = 4 + (int)o;
		else if (c == PLACE_START)
			rank = 7;
	}
	free(n);
	return rank;
}
