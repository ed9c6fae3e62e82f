#ifndef TAIMAKO_DB_MIGRATIONS_H
#define TAIMAKO_DB_MIGRATIONS_H
/* The numbered schema migrations, compiled in from src/db/migrations/. */

struct migration {
	int version;        /* 1, 2, 3, ... with no gaps */
	const char *name;   /* file name without .sql */
	const char *sql;    /* the statements, applied in one transaction */
};

extern const struct migration migrations[];
extern const int migrations_count;

#endif
