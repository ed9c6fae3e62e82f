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
#include "demo/demo_psych.h"
#include "screens/psych_figures.h"
#include "screens/psych_sessions.h"
#include "ui/app.h"
#include "ui/module.h"

static const struct module_entry entries[] = {
	/* Sessions, activities and the attendance roll. */
	{ 'g', N_("Sessions and activities"), PERM_BIT(PERM_PSYCH_READ), psych_sessions_open },
	{ 'a', N_("Attendance roll"), PERM_BIT(PERM_PSYCH_WRITE), psych_roll_today },
	/* Individual support and its follow-up. */
	/* Figures and attendance sheets. */
	{ '8', N_("Psychosocial figures"), PERM_BIT(PERM_PSYCH_READ) | PERM_BIT(PERM_REPORTS), psych_figures_open },
	{ 0, NULL, 0, NULL },
};

static const struct module_action actions[] = {
	/* Individual support of this person. */
	{ 0, 0, NULL, NULL, 0, NULL },
};

static const struct module_draft drafts[] = {
	/* Sessions and the roll. */
	{ "psych_session", N_("Psychosocial session"), psych_session_open_draft },
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
	.demo = demo_psych,
	.drafts = drafts,
	.vocabs = vocabs,
};
