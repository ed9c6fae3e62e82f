/* The vocational training module: community members (a short
 * registration for people of the local community, who have no stay in a
 * centre), courses, enrolment with its capacity and waiting list,
 * attendance, completion and follow-up, and their figures. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/role.h"
#include "core/training_vocab.h"
#include "db/reflist.h"
#include "ui/app.h"
#include "ui/module.h"

static const struct module_entry entries[] = {
	/* Courses and enrolment. */
	/* Community members. */
	{ 0, NULL, 0, NULL },
};

static const struct module_action actions[] = {
	/* Courses and enrolment. */
	/* Community members. */
	{ 0, 0, NULL, NULL, 0, NULL },
};

static const struct module_draft drafts[] = {
	/* Courses and enrolment. */
	/* Community members. */
	{ NULL, NULL, NULL },
};

static const struct vocab *const vocabs[] = {
	/* Courses and enrolment. */
	VOCAB_TRAINING_CERTIFICATE, VOCAB_TRAINING_COURSE_STATUS, VOCAB_TRAINING_ENROLMENT_STATUS,
	VOCAB_TRAINING_DROPOUT, VOCAB_TRAINING_ASSESSMENT, VOCAB_TRAINING_FOLLOWUP,
	NULL,
};

/* Its reference list, edited by administrators (Administration >
 * Reference lists): the trades taught. Courses name a provider from the
 * partner organisations, a list of the psychosocial module. */
static const struct reflist_def trades = { REFLIST_TRAINING_TRADE, N_("Vocational training trades"), NULL, NULL };
static const struct reflist_def *const reflists[] = { &trades, NULL };

const struct module module_training = {
	.name = "training",
	.title = N_("Vocational training"),
	.daily_roles = ROLE_BIT(ROLE_TRAINING),
	.entries = entries,
	.actions = actions,
	.drafts = drafts,
	.vocabs = vocabs,
	.reflists = reflists,
};
