#ifndef TAIMAKO_CORE_PERM_H
#define TAIMAKO_CORE_PERM_H
/* The permission matrix: which role may do what. The one place where this
 * is decided; the data layer checks it on every call (so a screen bug
 * cannot leak data) and the screens use it to show only what is allowed.
 * README.md shows the same table (a unit test keeps them equal). */
#include <stdbool.h>
#include "core/role.h"

enum perm {
	PERM_LOOKUP,              /* find a person by name, number, phone */
	PERM_PERSON_READ,         /* open a case file: identity, family, stays */
	PERM_PERSON_WRITE,        /* register and edit people, stays, families */
	PERM_CASE_NOTES,          /* read and write case notes */
	PERM_MEDICAL_STATUS,      /* "under medical follow-up", next date, fit to travel */
	PERM_MEDICAL_READ,        /* diagnoses, treatments, referral reasons, medical notes */
	PERM_MEDICAL_WRITE,       /* record consultations and medical cases */
	PERM_PROTECTION_READ,     /* protection cases, children, trafficking, referrals, returns */
	PERM_PROTECTION_WRITE,    /* write protection records */
	PERM_PROTECTION_APPROVE,  /* approve best-interests determinations and returns */
	PERM_PSYCH_READ,          /* sessions, activities, attendance, their figures */
	PERM_PSYCH_WRITE,         /* plan sessions and take the attendance roll */
	PERM_PSYCH_NOTES,         /* individual support: concerns, what was done, notes */
	PERM_PSYCH_ALERT,         /* "urgent psychosocial attention" on the case file */
	PERM_TRAINING_READ,
	PERM_TRAINING_WRITE,
	PERM_COMMUNITY_WRITE,     /* register community members (short registration) */
	PERM_REINTEGRATION_READ,
	PERM_REINTEGRATION_WRITE,
	PERM_REINTEGRATION_APPROVE, /* approve reintegration plans and project budgets */
	PERM_DISTRIBUTION_WRITE,  /* record a distribution */
	PERM_DISTRIBUTION_OVERRIDE, /* serve what the rules refuse, with a reason; reverse a serving */
	PERM_REPORTS,             /* aggregate reports */
	PERM_ACCOUNTS,            /* manage staff accounts */
	PERM_REFDATA,             /* edit reference lists */
	PERM_AUDIT_READ,          /* read the audit trail */
	PERM_SYNC,                /* exchange bundles with other sites, see their state */
	PERM_SYNC_DECIDE,         /* see and decide the conflicts between sites */
	PERM_COUNT_
};

/* True when role r may do p. Out-of-range values are never allowed. */
bool perm_allows(int r, enum perm p);

/* A set of permissions, as a bit mask: PERM_BIT(PERM_MEDICAL_READ) | ... */
#define PERM_BIT(p) (1u << (unsigned)(p))

/* True when role r may do any of the permissions in bits; 0 allows every
 * role (a screen or entry open to anyone signed in). */
bool perm_allows_any(int r, unsigned bits);

/* True when role r sees the vulnerability flag flag (an enum person_flag of
 * core/person.h) on lists and case files; the data layer leaves the others
 * out of what it gives that role. Every role that edits people sees all. */
bool perm_sees_flag(int r, int flag);

/* Short English name of p ("medical_read"), for the README table and logs. */
const char *perm_name(enum perm p);

#endif
