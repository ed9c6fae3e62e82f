#ifndef TAIMAKO_DB_ROWS_PRIVATE_H
#define TAIMAKO_DB_ROWS_PRIVATE_H
/* Row identity, for db.c only. */

/* The name of the SQLite VFS the program opens its databases with: the
 * system's, except that its clock is the program's (core/clock.h), so that
 * 'now' in SQL, and so the triggers of migration 011, follow clock_set and
 * $TAIMAKO_NOW. Registered at the first call; NULL (the default VFS) if it
 * cannot be. */
const char *rows_vfs(void);

#endif
