/* The permission matrix. */
#include "core/perm.h"
#include "core/person.h"

/* One row per permission, one letter per role in enum role order:
 * A admin, M manager, I intake, D medical (doctor), P protection,
 * S psychosocial, T training, R reintegration, X distribution.
 * 'x' allowed, '.' not. Keep README.md's table in step (a test checks). */
static const struct {
	const char *name;
	const char roles[ROLE_COUNT_ + 1];
} matrix[PERM_COUNT_] = {
	/*                                      AMIDPSTRX */
	[PERM_LOOKUP] =              { "lookup",              "xxxxxxxxx" },
	[PERM_PERSON_READ] =         { "person_read",         ".xxxxxxx." },
	[PERM_PERSON_WRITE] =        { "person_write",        "..x.x...." },
	[PERM_CASE_NOTES] =          { "case_notes",          ".xx.xx.x." },
	[PERM_MEDICAL_STATUS] =      { "medical_status",      ".xxxxxxxx" },
	[PERM_MEDICAL_READ] =        { "medical_read",        "...x....." },
	[PERM_MEDICAL_WRITE] =       { "medical_write",       "...x....." },
	[PERM_PROTECTION_READ] =     { "protection_read",     ".x..x...." },
	[PERM_PROTECTION_WRITE] =    { "protection_write",    "....x...." },
	[PERM_PROTECTION_APPROVE] =  { "protection_approve",  ".x......." },
	[PERM_PSYCH_READ] =          { "psych_read",          ".x..xx..." },
	[PERM_PSYCH_WRITE] =         { "psych_write",         ".....x..." },
	[PERM_PSYCH_NOTES] =         { "psych_notes",         ".....x..." },
	[PERM_PSYCH_ALERT] =         { "psych_alert",         "...xxx..." },
	[PERM_TRAINING_READ] =       { "training_read",       ".x....xx." },
	[PERM_TRAINING_WRITE] =      { "training_write",      "......x.." },
	[PERM_COMMUNITY_WRITE] =     { "community_write",     "..x...xx." },
	[PERM_REINTEGRATION_READ] =  { "reintegration_read",  ".x..x..x." },
	[PERM_REINTEGRATION_WRITE] = { "reintegration_write", ".......x." },
	[PERM_REINTEGRATION_APPROVE] = { "reintegration_approve", ".x......." },
	[PERM_DISTRIBUTION_WRITE] =  { "distribution_write",  "..x.....x" },
	[PERM_DISTRIBUTION_OVERRIDE] = { "distribution_override", ".x......." },
	[PERM_REPORTS] =             { "reports",             ".x......." },
	[PERM_ACCOUNTS] =            { "accounts",            "x........" },
	[PERM_REFDATA] =             { "refdata",             "x........" },
	[PERM_AUDIT_READ] =          { "audit_read",          "x........" },
	[PERM_SYNC] =                { "sync",                "xx......." },
	[PERM_SYNC_DECIDE] =         { "sync_decide",         ".x......." },
};

bool perm_allows(int r, enum perm p)
{
	if (r < 0 || r >= ROLE_COUNT_ || (int)p < 0 || p >= PERM_COUNT_)
		return false;
	return matrix[p].roles[r] == 'x';
}

bool perm_allows_any(int r, unsigned bits)
{
	if (r < 0 || r >= ROLE_COUNT_)
		return false;
	if (!bits)
		return true;
	for (int p = 0; p < PERM_COUNT_; p++)
		if ((bits & PERM_BIT(p)) && perm_allows(r, (enum perm)p))
			return true;
	return false;
}

const char *perm_name(enum perm p)
{
	return ((int)p >= 0 && p < PERM_COUNT_) ? matrix[p].name : "";
}

/* Which role sees which vulnerability flag, in enum person_flag order,
 * one letter per role as above. A flag is shown to the roles whose work
 * needs it: the registration and protection staff who set them see all;
 * the counter (distribution, training) only what changes the help given
 * there; administrators, who read no case files, none. Keep README.md's
 * table in step (a test checks). */
static const char flag_matrix[FLAG_COUNT_][ROLE_COUNT_ + 1] = {
	/*                               AMIDPSTRX */
	[FLAG_UNACCOMPANIED_CHILD] =    ".xxxxx.x.",
	[FLAG_SEPARATED_CHILD] =        ".xxxxx.x.",
	[FLAG_ACCOMPANIED_CHILD] =      ".xxxxx.x.",
	[FLAG_PREGNANT] =               ".xxxxx..x",
	[FLAG_TRAFFICKING_PRESUMED] =   ".xxxxx.x.",
	[FLAG_TRAFFICKING_IDENTIFIED] = ".xxxxx.x.",
	[FLAG_VIOLENCE_VICTIM] =        ".xxxxx...",
	[FLAG_OLDER_PERSON] =           ".xxxxxxxx",
	[FLAG_SERIOUS_MEDICAL] =        ".xxxxx...",
	[FLAG_DISABILITY] =             ".xxxxxxxx",
	[FLAG_ASYLUM_SEEKER] =          ".xx.x..x.",
	[FLAG_OTHER] =                  ".xx.x....",
};

bool perm_sees_flag(int r, int flag)
{
	if (r < 0 || r >= ROLE_COUNT_ || flag < 0 || flag >= FLAG_COUNT_)
		return false;
	return flag_matrix[flag][r] == 'x';
}
