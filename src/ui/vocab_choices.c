/* Form choices built from the code lists, once per list, kept for the
 * program's life (a handful of small lists). */
#include <stdlib.h>
#include <string.h>

#include "ui/lang.h"

#include "ui/vocab_choices.h"

struct built {
	const struct vocab *v;
	struct choice *choices;   /* the empty choice, then the list's items */
};

const struct choice *vocab_choices(const struct vocab *v, bool with_none, int *n)
{
	static struct built *made;
	static int nmade;
	static const struct choice none = { "", "-", NULL };
	int items = vocab_count(v);
	struct choice *c = NULL;
	for (int i = 0; i < nmade && !c; i++)
		if (made[i].v == v)
			c = made[i].choices;
	if (!c && items > 0) {
		struct built *grown = realloc(made, (size_t)(nmade + 1) * sizeof *made);
		c = calloc((size_t)items + 1, sizeof *c);
		if (grown)
			made = grown;
		if (!grown || !c) {
			free(c);
			c = NULL;
		} else {
			c[0] = none;
			for (int i = 0; i < items; i++) {
				/* The French label, for names typed in French on an
				 * English screen (kept for the program's life). */
				char fr[200];
				lang_translate("fr", vocab_item(v, i)->label, fr, sizeof fr);
				c[i + 1] = (struct choice){ vocab_item(v, i)->code, vocab_item(v, i)->label, strdup(fr) };
			}
			made[nmade++] = (struct built){ v, c };
		}
	}
	if (!c) {
		if (n)
			*n = 0;
		return &none;
	}
	if (n)
		*n = items + (with_none ? 1 : 0);
	return with_none ? c : c + 1;
}
