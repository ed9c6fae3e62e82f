#ifndef TAIMAKO_CORE_STATUS_H
#define TAIMAKO_CORE_STATUS_H
/* The one list of status codes returned across the program, with the
 * message each one shows the user. 0 is success. */

enum status {
	ST_OK = 0,
	ST_NOMEM,           /* out of memory */
	ST_NO_FILE,         /* the database file does not exist */
	ST_EXISTS,          /* would overwrite something that exists */
	ST_CANT_CREATE,     /* the file or its folder cannot be created */
	ST_CANT_OPEN,       /* exists but cannot be opened for reading and writing */
	ST_NOT_TAIMAKO,     /* a file that is not a Taimako database */
	ST_TOO_NEW,         /* made by a newer Taimako */
	ST_CORRUPT,         /* damaged database */
	ST_BUSY,            /* another session holds the database too long */
	ST_NOT_FOUND,       /* no such record */
	ST_CONFLICT,        /* another session changed the record first */
	ST_DUPLICATE,       /* a unique value is already taken */
	ST_INVALID,         /* a value breaks a rule */
	ST_BAD_LOGIN,       /* unknown user or wrong password */
	ST_DISABLED,        /* the account is disabled */
	ST_WEAK_PASSWORD,   /* password too short */
	ST_DENIED,          /* the role may not do this */
	ST_LOCKED,          /* too many failed sign-ins: locked for a while */
	ST_LAST_ADMIN,      /* would leave no active administrator */
	ST_WRONG_PASSWORD,  /* the current password given is wrong */
	ST_PUBLIC_FILE,     /* the database file is readable by other users */
	ST_IO,              /* disk or system error */
	ST_INTERNAL,        /* a bug: should never happen */
	ST_COUNT_
};

/* English message id for st (pass it to gettext); never NULL. */
const char *status_msgid(enum status st);

#endif
