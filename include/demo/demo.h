#ifndef TAIMAKO_DEMO_DEMO_H
#define TAIMAKO_DEMO_DEMO_H
/* Demo databases: one account per role with a published password, for
 * training and trying the program. Never for real records. */
#include "core/role.h"
#include "core/status.h"

struct db;

struct demo_account {
	const char *name;      /* also the role name */
	const char *password;  /* "<name>-demo" */
	enum role role;
	const char *centre;    /* centre code */
	const char *display;
};

extern const struct demo_account demo_accounts[];
extern const int demo_account_count;

/* Fills a freshly created database: the demo accounts and the demo mark
 * (persons, >= 0, is recorded; demo_persons adds them). */
enum status demo_fill(struct db *db, long persons);

#endif
