/* The vocational training module: community members (a short
 * registration for people of the local community, who have no stay in a
 * centre), courses, enrolment with its capacity and waiting list,
 * attendance, completion and follow-up, and their figures. */
#include <stdio.h>
#include <string.h>

#include "core/community_vocab.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/role.h"
#include "screens/community.h"
#include "ui/app.h"
#include "ui/module.h"

static const struct module_entry entries[] = {
	/* Courses and enrolment. */
	/* Community members. */
	{ 'k', N_("Community members"), PERM_BIT(PERM_COMMUNITY_WRITE), community_form_open },
	{ 0, NULL, 0, NULL },
};

static const struct module_action actions[] = {
	/* Courses and enrolment. */
	/* Community members. */
	{ 'k', 0, N_("Edit"), N_("Change a community member's short registration"), PERM_BIT(PERM_COMMUNITY_WRITE),
	  community_edit_open },
	{ 'v', 0, N_("Arrival"), N_("A community member arrives at a centre: register them as a migrant"),
	  PERM_BIT(PERM_PERSON_WRITE), community_arrival_open },
	{ 0, 0, NULL, NULL, 0, NULL },
};

static const struct module_draft drafts[] = {
	/* Courses and enrolment. */
	/* Community members. */
	{ "community_member", N_("Community member"), community_form_open_draft },
	{ NULL, NULL, NULL },
};

static const struct vocab *const vocabs[] = {
	/* Courses and enrolment. */
	/* Community members. */
	VOCAB_PERSON_KIND,
	NULL,
};

const struct module module_training = {
	.name = "training",
	.title = N_("Vocational training"),
	.daily_roles = ROLE_BIT(ROLE_TRAINING),
	.entries = entries,
	.actions = actions,
	.drafts = drafts,
	.vocabs = vocabs,
};
