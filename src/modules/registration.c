/* The registration module: intake, the case file's identity part, family
 * links and stays. */
#include "core/i18n.h"
#include "core/perm.h"
#include "core/role.h"
#include "core/vocab.h"
#include "db/report_registration.h"
#include "demo/demo_persons.h"
#include "screens/registration.h"
#include "screens/screens.h"
#include "ui/module.h"

static enum status new_registration(struct app *app)
{
	return intake_open(app, 0);
}

/* The family member picked in the lookup is linked to person. */
static enum status link_picked(struct app *app, long long person, long long relative, const char *name)
{
	return relation_open(app, person, relative, name);
}

static enum status link_family(struct app *app, long long person)
{
	const struct lookup_pick pick = { N_("Find the family member to link, then Enter."), person, person, false,
		                          link_picked };
	return lookup_pick(app, &pick);
}

static const struct module_entry entries[] = {
	{ 'n', N_("New registration"), PERM_BIT(PERM_PERSON_WRITE), new_registration },
	{ 0, NULL, 0, NULL },
};

static const struct module_action actions[] = {
	{ 'e', 2, N_("Edit"), N_("Change this person's identity, consent or vulnerabilities"),
	  PERM_BIT(PERM_PERSON_WRITE), intake_open },
	{ 'l', 3, N_("Family"), N_("Link a family member"), PERM_BIT(PERM_PERSON_WRITE), link_family },
	{ 's', 6, N_("Stay"), N_("Record services, the departure, or a new admission"), PERM_BIT(PERM_PERSON_WRITE),
	  stay_open },
	{ 0, 0, NULL, NULL, 0, NULL },
};

static const struct module_draft drafts[] = {
	{ "intake", N_("Registration"), intake_open_draft },
	{ "stay", N_("Stay"), stay_open_draft },
	{ NULL, NULL, NULL },
};

static const struct vocab *const vocabs[] = {
	VOCAB_SEX, VOCAB_ARRIVAL_MODE, VOCAB_DOC_TYPE, VOCAB_FLAG, VOCAB_RELATION, VOCAB_DEPARTURE_REASON, VOCAB_SERVICE,
	NULL,
};

static const struct report_def *const reports[] = { &report_intake, NULL };

const struct module module_registration = {
	.name = "registration",
	.title = N_("Registration"),
	.daily_roles = ROLE_BIT(ROLE_INTAKE),
	.entries = entries,
	.actions = actions,
	.demo = demo_persons,
	.drafts = drafts,
	.vocabs = vocabs,
	.reports = reports,
};
