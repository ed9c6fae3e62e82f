#ifndef TAIMAKO_SCREENS_DIST_ITEM_TEXT_H
#define TAIMAKO_SCREENS_DIST_ITEM_TEXT_H
/* An item's rule in words, in the user's language, for the screens of
 * the distribution module ("Per household, every 7 days, everyone staying
 * here"). */
#include <stddef.h>

#include "db/dist_item.h"

/* The rule of it in words into out: unit, how often, who (sex, ages, the
 * flag required, staying here). */
void dist_rule_words(const struct dist_item *it, char *out, size_t size);

#endif
