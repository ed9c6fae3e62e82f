#ifndef TAIMAKO_CORE_COMMUNITY_VOCAB_H
#define TAIMAKO_CORE_COMMUNITY_VOCAB_H
/* What a person is: a migrant, or a member of the local community
 * registered by the short registration (see core/vocab.h). */
#include "core/vocab.h"

extern const struct vocab vocab_person_kind;
#define VOCAB_PERSON_KIND (&vocab_person_kind)   /* person.kind */

#endif
