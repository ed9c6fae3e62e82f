#ifndef TAIMAKO_DEMO_DEMO_H
#define TAIMAKO_DEMO_DEMO_H
/* Demo databases: one account per role with a published password, for
 * training and trying the program. Never for real records. */
#include "core/role.h"
#include "core/status.h"

struct db;

/* What a demo generator is asked for (one entry function per generator,
 * enum status demo_<name>(struct db *, const struct demo_options *)). */
struct demo_options {
	long persons;          /* people to make (demo_persons; >= 0) */
	unsigned seed;         /* same seed, same data */
	/* Called now and then with how far the generator is, if not NULL. */
	void (*progress)(long done, long total, void *ctx);
	void *ctx;
};

struct demo_account {
	const char *name;      /* also the role name */
	const char *password;  /* "<name>-demo" */
	enum role role;
	const char *centre;    /* centre code */
	const char *display;
};

extern const struct demo_account demo_accounts[];
extern const int demo_account_count;

/* Fills a freshly created database: the demo mark (persons, >= 0, is
 * recorded; demo_persons adds them) and the demo accounts. */
enum status demo_fill(struct db *db, long persons);

#endif
