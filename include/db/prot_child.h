#ifndef TAIMAKO_DB_PROT_CHILD_H
#define TAIMAKO_DB_PROT_CHILD_H
/* An unaccompanied or separated child's protection records: best-interests
 * assessments and their determination by a manager, interim care, family
 * tracing (actions, family found, verification, reunification, closing),
 * follow-up visits; the determinations waiting for a manager and the
 * tracings without action for a while. Reading needs PERM_PROTECTION_READ,
 * writing PERM_PROTECTION_WRITE, deciding PERM_PROTECTION_APPROVE; every
 * write is one transaction with its audit row, every opening of a child's
 * record a "view" row. A writer gets the msgid of the broken rule and its
 * field. */
#include <stdbool.h>
#include <stddef.h>
#include "core/page.h"
#include "core/status.h"
#include "db/db.h"

/* The child of a case, as the child's page shows it on top. */
struct prot_child_head {
	long long case_id;
	long long person_id;
	char person[404 * 2];         /* "FAMILY Given" */
	char case_status[12];         /* VOCAB_PROT_CASE_STATUS */
};

/* Reads the child of case case_id and records the opening ("view" row,
 * entity "prot_child"). */
enum status prot_child_view(struct db *db, long long case_id, struct prot_child_head *h);

/* ---- best-interests assessments ------------------------------------------ */

struct prot_bi {
	long long id;
	long long case_id;
	char assessed_date[11];
	char assessor[81 * 4];        /* who wrote it (read only) */
	char findings[2001 * 4];
	char child_views[1001 * 4];
	char recommendation[20];      /* VOCAB_PROT_RECOMMENDATION */
	char recommendation_note[501 * 4];
	char status[12];              /* VOCAB_PROT_BI_STATUS (read only) */
	char submitted_at[32];        /* "" unless submitted */
	char decided_at[32];          /* "" unless decided */
	char decider[81 * 4];
	char decision_comment[501 * 4];
	int version;
};

/* The msgid of the first rule the fields of b break on day today, and its
 * field (assessed_date, findings, child_views, recommendation,
 * recommendation_note), NULL when none. */
const char *prot_bi_problem(const struct prot_bi *b, const char *today, const char **field);

/* Reads assessment id. */
enum status prot_bi_get(struct db *db, long long id, struct prot_bi *b);

/* Reads the latest assessment of case case_id; ST_NOT_FOUND when none. */
enum status prot_bi_latest(struct db *db, long long case_id, struct prot_bi *b);

/* Drafts a new assessment for b->case_id (refused while another one is a
 * draft or waits for a decision); b->id and b->version receive it. */
enum status prot_bi_add(struct db *db, struct prot_bi *b, const char **msgid, const char **field);

/* Changes the draft b->id at b->version; b->version advances. */
enum status prot_bi_edit(struct db *db, struct prot_bi *b, const char **msgid, const char **field);

/* Submits the draft id at version for a manager's decision. */
enum status prot_bi_submit(struct db *db, long long id, int version, const char **msgid);

/* A manager approves (the determination) or rejects the submitted
 * assessment id at version; a rejection needs comment. */
enum status prot_bi_decide(struct db *db, long long id, int version, bool approve, const char *comment,
                           const char **msgid, const char **field);

/* A determination waiting for a manager. */
struct prot_bi_waiting {
	long long bi_id;
	long long case_id;
	long long person_id;
	char person[404 * 2];
	char assessed_date[11];
	char recommendation[20];
	char submitted_at[32];
	int version;
};

/* The submitted assessments by submission time, paged by key
 * (submitted_at, bi_id). */
enum status prot_bi_waiting_list(struct db *db, enum page_dir dir, const struct prot_bi_waiting *key, int limit,
                                 void (*cb)(const struct prot_bi_waiting *w, void *ctx), void *ctx, bool *more);

/* ---- interim care --------------------------------------------------------- */

struct prot_care {
	long long id;
	long long case_id;
	char kind[24];                /* VOCAB_PROT_CARE_KIND */
	char place[121 * 4];
	char carer[121 * 4];
	char start_date[11];
	char end_date[11];            /* "" while it lasts */
	char notes[501 * 4];
	int version;
};

/* The msgid of the first rule c breaks, and its field, NULL when none. */
const char *prot_care_problem(const struct prot_care *c, const char *today, const char **field);

/* Reads the latest arrangement of case case_id; ST_NOT_FOUND when none. */
enum status prot_care_current(struct db *db, long long case_id, struct prot_care *c);

/* Adds an arrangement for c->case_id; the one before it that still lasts
 * ends on c->start_date (which may not be before its start). */
enum status prot_care_add(struct db *db, struct prot_care *c, const char **msgid, const char **field);

/* Changes arrangement c->id at c->version; c->version advances. */
enum status prot_care_edit(struct db *db, struct prot_care *c, const char **msgid, const char **field);

/* ---- family tracing ------------------------------------------------------- */

struct prot_tracing {
	long long id;
	long long case_id;
	char child_wishes[1001 * 4];
	char status[16];              /* VOCAB_PROT_TRACING_STATUS (read only) */
	char opened[11];
	char family_found[301 * 4];
	char found_date[11];
	char verified_date[11];
	char verifier[81 * 4];        /* read only */
	char verification_note[501 * 4];
	char reunified_date[11];
	char reunified_place[121 * 4];
	char reunified_with[201 * 4];
	char closed_note[301 * 4];
	char last_action[11];         /* day of the latest action, "" (read only) */
	int version;
};

/* The msgid that refuses moving a tracing from status from to status to,
 * NULL when the step is allowed (open -> in_progress by an action; open or
 * in_progress -> family_found -> verified -> reunified; any but closed ->
 * closed). */
const char *prot_tracing_step_problem(const char *from, const char *to);

/* Reads the tracing of case case_id; ST_NOT_FOUND when none. */
enum status prot_tracing_get(struct db *db, long long case_id, struct prot_tracing *t);

/* Opens the tracing of t->case_id (one per case) on t->opened with
 * t->child_wishes; t->id and t->version receive it. */
enum status prot_tracing_open(struct db *db, struct prot_tracing *t, const char **msgid, const char **field);

/* Changes the child's wishes of tracing t->id at t->version. */
enum status prot_tracing_wishes(struct db *db, struct prot_tracing *t, const char **msgid, const char **field);

/* Moves tracing t->id at t->version to status to, recording the fields of
 * that step: family_found (family_found, found_date), verified
 * (verified_date, verification_note; the verifier is the actor),
 * reunified (reunified_date, reunified_place, reunified_with), closed
 * (closed_note). t->version advances. */
enum status prot_tracing_step(struct db *db, struct prot_tracing *t, const char *to, const char **msgid,
                              const char **field);

struct prot_tracing_action {
	long long id;
	long long tracing_id;
	char date[11];
	char kind[20];                /* VOCAB_PROT_TRACING_KIND */
	char place[121 * 4];
	char outcome[501 * 4];
	char doer[81 * 4];            /* read only */
	int version;
};

/* Adds action a to tracing a->tracing_id (not reunified nor closed); an
 * open tracing moves to in_progress. a->id receives it. */
enum status prot_tracing_action_add(struct db *db, struct prot_tracing_action *a, const char **msgid,
                                    const char **field);

/* The actions of tracing tracing_id, latest first, paged by key (date, id). */
enum status prot_tracing_action_list(struct db *db, long long tracing_id, enum page_dir dir,
                                     const struct prot_tracing_action *key, int limit,
                                     void (*cb)(const struct prot_tracing_action *a, void *ctx), void *ctx,
                                     bool *more);

/* The days of the setting PROT_TRACING_STALE_KEY (PROT_TRACING_STALE_DEFAULT
 * when unset or not a number from 1 to 3650). */
enum status prot_tracing_stale_days(struct db *db, int *days);

/* A child whose tracing waits for an action. */
struct prot_stale {
	long long case_id;
	long long person_id;
	char person[404 * 2];
	char status[16];
	char last_day[11];            /* latest action, or the day tracing opened */
	int days;                     /* days since last_day */
};

/* The open cases whose tracing is open, in progress, family found or
 * verified with no action for prot_tracing_stale_days() days, the oldest
 * first, paged by key (last_day, case_id). */
enum status prot_tracing_stale(struct db *db, enum page_dir dir, const struct prot_stale *key, int limit,
                               void (*cb)(const struct prot_stale *s, void *ctx), void *ctx, bool *more);

/* ---- follow-up visits ----------------------------------------------------- */

struct prot_followup {
	long long id;
	long long case_id;
	char date[11];
	char mode[12];                /* VOCAB_PROT_FOLLOWUP_MODE */
	char wellbeing[12];           /* VOCAB_PROT_WELLBEING */
	char notes[501 * 4];
	char doer[81 * 4];            /* read only */
	int version;
};

/* The msgid of the first rule f breaks, and its field, NULL when none. */
const char *prot_followup_problem(const struct prot_followup *f, const char *today, const char **field);

/* Adds visit f to f->case_id, once the child's tracing is reunified (not
 * before that day); f->id and f->version receive it. */
enum status prot_followup_add(struct db *db, struct prot_followup *f, const char **msgid, const char **field);

/* Changes visit f->id at f->version; f->version advances. */
enum status prot_followup_edit(struct db *db, struct prot_followup *f, const char **msgid, const char **field);

/* Reads visit id. */
enum status prot_followup_get(struct db *db, long long id, struct prot_followup *f);

/* The visits of case case_id, latest first, paged by key (date, id). */
enum status prot_followup_list(struct db *db, long long case_id, enum page_dir dir, const struct prot_followup *key,
                               int limit, void (*cb)(const struct prot_followup *f, void *ctx), void *ctx,
                               bool *more);

#endif
