#ifndef TAIMAKO_DB_REINT_PROJECT_H
#define TAIMAKO_DB_REINT_PROJECT_H
/* Collective projects (of returnees) and community projects (returnees and
 * community members of the place, through a local NGO): the project, the
 * approval of its budget by a manager, its status and its members with
 * their role (one leader at a time). Reading needs PERM_REINTEGRATION_READ,
 * writing PERM_REINTEGRATION_WRITE, approving the budget
 * PERM_REINTEGRATION_APPROVE; every write is one transaction with its audit
 * row (every field, before and after). Payments and visits of a project
 * are the money part's (db/reint.h, REINT_PROJECT). */
#include <stdbool.h>
#include <stddef.h>
#include "core/page.h"
#include "core/person.h"
#include "core/status.h"

struct db;

#define REINT_BUDGET_MAX 1000000000000LL   /* whole units */

struct reint_project {
	long long id;               /* 0 before saving */
	char kind[12];              /* collective, community (core/reint_vocab.h) */
	char name[484];             /* 1 to 120 characters */
	char centre_code[8];        /* the office that follows it, "" none */
	char country[4];            /* ISO 3166-1 alpha-3, a row of country */
	long long region_id;        /* an item of "reint_region" of that country, 0 none */
	char locality[324];         /* up to 80 characters */
	char activity[12];          /* agriculture, livestock, fishing, transport, trade, crafts, other */
	long long partner_id;       /* implementing NGO, an item of "partner", 0 none */
	char currency[4];           /* three capitals, XOF by default */
	long long budget;           /* whole units, 0 to REINT_BUDGET_MAX */
	char start_date[11];        /* ISO day, "" not said */
	char status[12];            /* planned, running, completed, suspended, cancelled */
	long long caseworker_id;    /* app_user id, 0 none */
	int version;
	/* Set by the data layer only (approval), ignored when saved. */
	bool approved;
	long long approved_amount;
	char approved_at[32];
	long long approved_by;
	/* Filled when read. */
	long long paid;             /* the sum of its payments (reversals count negative) */
	int members;                /* current members (not left) */
};

/* A new project as the form starts it: community, XOF, planned, centre. */
void reint_project_init(struct reint_project *p, const char *centre_code);

/* ST_OK, or ST_INVALID with the msgid of the first rule broken in *msgid
 * and its field name in *field (both may be NULL). Rules: a known kind,
 * activity and status; a name of 1 to 120 characters, locality 80; a known
 * country; the region an active item of "reint_region" whose kind is that
 * country (or the project's current one); the partner likewise of
 * "partner"; a currency of three capitals; a budget 0 to
 * REINT_BUDGET_MAX that no longer changes once approved; a valid start
 * day; a known centre and an active account as case worker when given.
 * The form calls it too. */
enum status reint_project_check(struct db *db, const struct reint_project *p, const char **msgid,
                                const char **field);

/* Creates (p->id 0) or saves project p if its version is unchanged
 * (ST_CONFLICT otherwise), as reint_project_check. PERM_REINTEGRATION_WRITE.
 * On success p->id and p->version are set. Audited. */
enum status reint_project_save(struct db *db, struct reint_project *p, const char **msgid, const char **field);

/* Approves the budget of project id (at *version): approved amount = the
 * budget, by the actor, now. PERM_REINTEGRATION_APPROVE; ST_INVALID (msgid)
 * when approved already, the budget is 0 or the project is completed or
 * cancelled. *version gets the new version. Audited. */
enum status reint_project_approve(struct db *db, long long id, int *version, const char **msgid);

/* Sets the status of project id (at *version). PERM_REINTEGRATION_WRITE;
 * ST_INVALID for an unknown status. Audited. */
enum status reint_project_set_status(struct db *db, long long id, int *version, const char *status,
                                     const char **msgid);

/* Reads project id into *p. PERM_REINTEGRATION_READ; ST_NOT_FOUND. */
enum status reint_project_get(struct db *db, long long id, struct reint_project *p);

/* Which projects a list holds: "" for any. */
struct reint_project_filter {
	char kind[12];
	char country[4];
	char status[12];
};

/* The projects matching f (NULL: all), by name then entry, a page by key
 * (core/page.h): after or before the project key (NULL: from the first or
 * the last ones), at most limit; *more (may be NULL): more remain.
 * PERM_REINTEGRATION_READ. */
enum status reint_project_list(struct db *db, const struct reint_project_filter *f, enum page_dir dir,
                               const struct reint_project *key, int limit,
                               void (*cb)(const struct reint_project *p, void *ctx), void *ctx, bool *more);

/* ---- members ------------------------------------------------------------ */

struct reint_member {
	long long id;               /* 0 before saving */
	long long project_id;
	long long person_id;
	char role[12];              /* leader, treasurer, member */
	char joined_date[11];       /* ISO day */
	char left_date[11];         /* ISO day, "" still a member */
	int version;
	/* Filled when read. */
	char case_key[20];
	char family_name[PERSON_NAME_MAX + 1];
	char given_names[PERSON_NAME_MAX + 1];
	char sex;
	char birth_date[11];
	bool community;             /* registered as a community member, else a returnee */
};

/* ST_OK, or ST_INVALID with msgid and field ("role", "joined_date",
 * "left_date") of the first rule m breaks: a known role; valid days, the
 * join not in the future, the leave not before the join nor in the
 * future; one current leader per project (the message says so). The form
 * calls it too. PERM_REINTEGRATION_READ. */
enum status reint_member_check(struct db *db, const struct reint_member *m, const char **msgid,
                               const char **field);

/* Adds person to project with role from joined (ISO day): ST_DUPLICATE
 * (msgid) when they are in it already, ST_NOT_FOUND for an unknown project
 * or person, otherwise as reint_member_check. On success *out (may be
 * NULL) is the member as stored. PERM_REINTEGRATION_WRITE. Audited. */
enum status reint_member_add(struct db *db, long long project, long long person, const char *role,
                             const char *joined, struct reint_member *out, const char **msgid);

/* Saves the role, join and leave days of member m->id if its version is
 * unchanged (ST_CONFLICT otherwise), as reint_member_check.
 * PERM_REINTEGRATION_WRITE. Audited. */
enum status reint_member_save(struct db *db, struct reint_member *m, const char **msgid, const char **field);

/* Reads member id into *m. PERM_REINTEGRATION_READ; ST_NOT_FOUND. */
enum status reint_member_get(struct db *db, long long id, struct reint_member *m);

/* The members of project, current ones first, each in the order they were
 * added, a page by key (after or before member key, NULL: from the first
 * or the last ones), at most limit; *more as above. PERM_REINTEGRATION_READ. */
enum status reint_member_list(struct db *db, long long project, enum page_dir dir, const struct reint_member *key,
                              int limit, void (*cb)(const struct reint_member *m, void *ctx), void *ctx,
                              bool *more);

#endif
