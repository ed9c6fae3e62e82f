/* Role names and labels. */
#include <string.h>
#include "core/role.h"
#include "core/i18n.h"

static const struct {
	const char *name;
	const char *label;
} roles[ROLE_COUNT_] = {
	[ROLE_ADMIN] = { "admin", N_("Administrator") },
	[ROLE_MANAGER] = { "manager", N_("Manager") },
	[ROLE_INTAKE] = { "intake", N_("Intake clerk") },
	[ROLE_MEDICAL] = { "medical", N_("Medical staff") },
	[ROLE_PROTECTION] = { "protection", N_("Protection officer") },
	[ROLE_PSYCHOSOCIAL] = { "psychosocial", N_("Psychosocial worker") },
	[ROLE_TRAINING] = { "training", N_("Vocational trainer") },
	[ROLE_REINTEGRATION] = { "reintegration", N_("Reintegration officer") },
	[ROLE_DISTRIBUTION] = { "distribution", N_("Distribution staff") },
};

const char *role_name(enum role r)
{
	return ((int)r >= 0 && r < ROLE_COUNT_) ? roles[r].name : NULL;
}

int role_from_name(const char *name)
{
	for (int i = 0; name && i < ROLE_COUNT_; i++)
		if (strcmp(roles[i].name, name) == 0)
			return i;
	return -1;
}

const char *role_label_msgid(enum role r)
{
	return ((int)r >= 0 && r < ROLE_COUNT_) ? roles[r].label : "";
}
