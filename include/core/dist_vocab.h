#ifndef TAIMAKO_CORE_DIST_VOCAB_H
#define TAIMAKO_CORE_DIST_VOCAB_H
/* The distribution module's code lists (see core/vocab.h). The items
 * themselves are rows of dist_item, edited by an administrator. */
#include "core/vocab.h"

extern const struct vocab vocab_dist_kind;
#define VOCAB_DIST_KIND (&vocab_dist_kind) /* dist_item.kind */
extern const struct vocab vocab_dist_unit;
#define VOCAB_DIST_UNIT (&vocab_dist_unit) /* dist_item.unit */
extern const struct vocab vocab_dist_frequency;
#define VOCAB_DIST_FREQUENCY (&vocab_dist_frequency) /* dist_item.frequency */
extern const struct vocab vocab_dist_sex;
#define VOCAB_DIST_SEX (&vocab_dist_sex) /* dist_item.sex */
extern const struct vocab vocab_dist_requires;
#define VOCAB_DIST_REQUIRES (&vocab_dist_requires) /* dist_item.requires */
extern const struct vocab vocab_dist_meal;
#define VOCAB_DIST_MEAL (&vocab_dist_meal) /* dist_serving.meal */
extern const struct vocab vocab_dist_move_kind;
#define VOCAB_DIST_MOVE_KIND (&vocab_dist_move_kind) /* dist_stock_move.kind */

#endif
