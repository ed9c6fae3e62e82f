#ifndef TAIMAKO_CORE_RELATION_H
#define TAIMAKO_CORE_RELATION_H
/* Family relations (VOCAB_RELATION codes) read both ways. */

/* What the person is to a relative who is `relation` to them: a parent's
 * child is the child's parent, a head's member, a guardian's ward. NULL
 * when relation is not a code of the list. */
const char *relation_inverse(const char *relation);

#endif
