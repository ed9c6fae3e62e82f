#ifndef TAIMAKO_DB_REINT_VISIT_H
#define TAIMAKO_DB_REINT_VISIT_H
/* Counselling and monitoring visits of a reintegration case or a project
 * (struct reint_ref of kind REINT_CASE or REINT_PROJECT): the baseline,
 * visits added by hand, those scheduled after the first payment, their
 * outcome, and the visits due or overdue. Reading needs
 * PERM_REINTEGRATION_READ, writing PERM_REINTEGRATION_WRITE; every write is
 * one transaction with its audit row. */
#include <stdbool.h>
#include <stddef.h>
#include "core/page.h"
#include "core/status.h"
#include "db/db.h"
#include "db/reint.h"

#define REINT_DUE_AHEAD_DAYS 14       /* the due list looks this far ahead */
#define REINT_INCOME_MAX 1000000000LL

struct reint_visit {
	long long id;
	struct reint_ref owner;       /* REINT_CASE or REINT_PROJECT */
	char kind[12];                /* VOCAB_REINT_VISIT_KIND */
	int months;                   /* after the first payment, 0 when added by hand */
	char due_date[11];
	char status[12];              /* VOCAB_REINT_VISIT_STATUS */
	char done_date[11];           /* "" unless done */
	char mode[12];                /* VOCAB_REINT_VISIT_MODE, "" */
	int business_running;         /* 1, 0, -1 when not said */
	long long monthly_income;     /* -1 when not said */
	char satisfaction[20];        /* VOCAB_REINT_SATISFACTION, "" */
	char remigration[12];         /* VOCAB_REINT_REMIGRATION, "" */
	char notes[2001 * 4];
	char visitor[81 * 4];         /* who recorded the outcome */
	bool answered;                /* has survey answers */
	int version;
};

/* The msgid of the first rule the outcome of v breaks on day today, and
 * its field (done_date, mode, monthly_income, ...), NULL when none. */
const char *reint_visit_problem(const struct reint_visit *v, const char *today, const char **field);

/* The name of owner (a case's person "FAMILY Given", or a project's name)
 * and the currency of its money (the case's latest plan's, else XOF). */
enum status reint_visit_owner(struct db *db, struct reint_ref owner, char *name, size_t size, char currency[4]);

/* Reads visit id. */
enum status reint_visit_get(struct db *db, long long id, struct reint_visit *v);

/* The visits of owner by due day then id, paged by key. */
enum status reint_visit_list(struct db *db, struct reint_ref owner, enum page_dir dir, const struct reint_visit *key,
                             int limit, void (*cb)(const struct reint_visit *v, void *ctx), void *ctx, bool *more);

/* Adds a scheduled visit of kind (counselling, monitoring or baseline: one
 * baseline per case or project) due on day due; *id receives it. */
enum status reint_visit_add(struct db *db, struct reint_ref owner, const char *kind, const char *due, long long *id,
                            const char **msgid, const char **field);

/* Records the outcome of v (v->id at v->version): status done, missed,
 * unreachable or cancelled, and for a visit done its day, mode, business
 * running, monthly income, satisfaction, intention to migrate again and
 * notes; v->version advances. */
enum status reint_visit_record(struct db *db, struct reint_visit *v, const char **msgid, const char **field);

/* A visit scheduled that is due soon or overdue. */
struct reint_due_visit {
	long long visit_id;
	struct reint_ref owner;       /* REINT_CASE or REINT_PROJECT */
	long long person_id;          /* a case's person, 0 for a project */
	char person[404 * 2];         /* "FAMILY Given", or the project's name */
	char kind[12];
	char due_date[11];
	bool overdue;                 /* due before today */
	char caseworker[81 * 4];
};

/* The scheduled visits due up to REINT_DUE_AHEAD_DAYS days ahead or
 * overdue, of the cases and projects of case worker worker (0: every one
 * of the centre's cases, and projects of the centre or of none), by due day,
 * paged by key (due_date, visit_id). */
enum status reint_visits_due(struct db *db, const char *centre_code, long long worker, enum page_dir dir,
                             const struct reint_due_visit *key, int limit,
                             void (*cb)(const struct reint_due_visit *v, void *ctx), void *ctx, bool *more);

#endif
