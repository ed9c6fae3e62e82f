#ifndef TAIMAKO_CORE_ROLE_H
#define TAIMAKO_CORE_ROLE_H
/* The staff roles. The permission matrix that maps them to actions comes
 * with account management; here are the names and labels. */

enum role {
	ROLE_ADMIN,
	ROLE_MANAGER,
	ROLE_INTAKE,
	ROLE_MEDICAL,
	ROLE_PROTECTION,
	ROLE_PSYCHOSOCIAL,
	ROLE_TRAINING,
	ROLE_REINTEGRATION,
	ROLE_DISTRIBUTION,
	ROLE_COUNT_
};

/* The name stored in the database ("intake"); NULL when out of range. */
const char *role_name(enum role r);

/* The role whose name is name, or -1. */
int role_from_name(const char *name);

/* English message id of the role's label, for gettext ("Intake clerk"). */
const char *role_label_msgid(enum role r);

#endif
