/* Form choices built from the code lists. */
#include "ui/vocab_choices.h"

/* Longer than the longest list, with room for the empty choice. */
#define MAX_ITEMS 32

const struct choice *vocab_choices(enum vocab v, bool with_none, int *n)
{
	static struct choice built[VOCAB_COUNT_][MAX_ITEMS + 1];
	static int count[VOCAB_COUNT_];
	int items = vocab_count(v);
	if (items == 0 || items > MAX_ITEMS) {
		if (n)
			*n = 0;
		return built[0];
	}
	if (!count[v]) {
		built[v][0] = (struct choice){ "", "-" };
		for (int i = 0; i < items; i++) {
			const struct vocab_item *it = vocab_item(v, i);
			built[v][i + 1] = (struct choice){ it->code, it->label };
		}
		count[v] = items;
	}
	if (n)
		*n = items + (with_none ? 1 : 0);
	return with_none ? built[v] : built[v] + 1;
}
