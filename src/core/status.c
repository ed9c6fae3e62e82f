/* Messages for the status codes of include/core/status.h. */
#include "core/status.h"
#include "core/i18n.h"

static const char *const messages[ST_COUNT_] = {
	[ST_OK] = N_("Done."),
	[ST_NOMEM] = N_("Out of memory."),
	[ST_NO_FILE] = N_("The database file does not exist."),
	[ST_EXISTS] = N_("The file already exists; it was not overwritten."),
	[ST_CANT_CREATE] = N_("The file cannot be created here."),
	[ST_CANT_OPEN] = N_("The database cannot be opened for reading and writing."),
	[ST_NOT_TAIMAKO] = N_("This file is not a Taimako database."),
	[ST_TOO_NEW] = N_("This database was made by a newer version of Taimako; update the program."),
	[ST_CORRUPT] = N_("The database is damaged."),
	[ST_BUSY] = N_("The database is busy in another session; try again."),
	[ST_NOT_FOUND] = N_("Not found."),
	[ST_CONFLICT] = N_("Someone else changed this record since you opened it."),
	[ST_DUPLICATE] = N_("That value is already in use."),
	[ST_INVALID] = N_("A value is not valid."),
	[ST_BAD_LOGIN] = N_("Unknown user or wrong password."),
	[ST_DISABLED] = N_("This account is disabled."),
	[ST_WEAK_PASSWORD] = N_("The password must have at least 10 characters."),
	[ST_DENIED] = N_("Your role does not allow this."),
	[ST_LOCKED] = N_("This account is locked after too many failed sign-ins."),
	[ST_LAST_ADMIN] = N_("This is the last active administrator: make another one first."),
	[ST_WRONG_PASSWORD] = N_("The current password is wrong."),
	[ST_PUBLIC_FILE] = N_("Every user of this machine can read this database."),
	[ST_IO] = N_("A disk or system error occurred."),
	[ST_INTERNAL] = N_("Internal error: please report it."),
};

/* Looks up the message of st, falling back to the internal-error one. */
const char *status_msgid(enum status st)
{
	if ((int)st < 0 || st >= ST_COUNT_ || !messages[st])
		return messages[ST_INTERNAL];
	return messages[st];
}
