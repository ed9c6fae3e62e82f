/* The psychosocial module: sessions and activities with their attendance
 * (by name or as head counts), individual support whose notes only the
 * psychosocial role reads, its follow-up list and its figures. The case
 * file shows others no more than their role may read. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/psych_vocab.h"
#include "core/role.h"
#include "db/reflist.h"
#include "ui/app.h"
#include "ui/module.h"

/* Its reference lists, edited by administrators (Administration >
 * Reference lists): activity types, each a group or an individual
 * activity, and partner organisations. */
static const struct reflist_def activity_types = {
	REFLIST_PSYCH_ACTIVITY, N_("Psychosocial activity types"), VOCAB_PSYCH_ACTIVITY_KIND, N_("Group or individual"),
};
static const struct reflist_def partners = { REFLIST_PARTNER, N_("Partner organisations"), NULL, NULL };
static const struct reflist_def *const reflists[] = { &activity_types, &partners, NULL };

static const struct module_entry entries[] = {
	/* Sessions, activities and the attendance roll. */
	/* Individual support and its follow-up. */
	/* Figures and attendance sheets. */
	{ 0, NULL, 0, NULL },
};

static const struct module_action actions[] = {
	/* Individual support of this person. */
	{ 0, 0, NULL, NULL, 0, NULL },
};

static const struct module_draft drafts[] = {
	/* Sessions and the roll. */
	/* Individual support. */
	{ NULL, NULL, NULL },
};

static const struct vocab *const vocabs[] = {
	VOCAB_PSYCH_STATUS, VOCAB_PSYCH_ROLL, VOCAB_PSYCH_MARK, VOCAB_PSYCH_MODALITY, VOCAB_PSYCH_RISK, NULL,
};

const struct module module_psych = {
	.name = "psych",
	.title = N_("Psychosocial"),
	.daily_roles = ROLE_BIT(ROLE_PSYCHOSOCIAL),
	.entries = entries,
	.actions = actions,
	.drafts = drafts,
	.vocabs = vocabs,
	.reflists = reflists,
};
