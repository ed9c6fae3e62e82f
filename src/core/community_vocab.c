/* The code list of what a person is (core/community_vocab.h). */
#include "core/community_vocab.h"
#include "core/i18n.h"

static const struct vocab_item kinds[] = {
	{ "migrant", N_("Migrant"), NULL },
	{ "community", N_("Community member"), N_("COMM.") },
};

const struct vocab vocab_person_kind = VOCAB_LIST("person_kind", "person", "kind", kinds);
