#ifndef TAIMAKO_DB_PROT_CASE_H
#define TAIMAKO_DB_PROT_CASE_H
/* A person's protection case (migration 023): the centre that follows it,
 * the day it opened, its risk, its case worker (an active account of the
 * protection role), a summary, its status (open; closed with a reason;
 * transferred to someone), its concerns (list "prot_concern") and its
 * actions with due days. One open case per person. Reading needs
 * PERM_PROTECTION_READ (the protection role and managers), writing
 * PERM_PROTECTION_WRITE (the protection role); every write is one
 * transaction with its audit row (every field, before and after); every
 * opening of a case (prot_case_get) adds a "view" row. The functions with
 * a callback read a page first and release the connection before calling
 * it, so the callback may use the data layer. */
#include <stdbool.h>
#include <stddef.h>
#include "core/page.h"
#include "core/person.h"
#include "core/status.h"

struct db;

#define PROT_SUMMARY_MAX 2000          /* characters */
#define PROT_TRANSFERRED_TO_MAX 120
#define PROT_CONCERN_NOTE_MAX 200
#define PROT_ACTION_TEXT_MAX 200
#define PROT_OUTCOME_MAX 500

struct prot_case {
	long long id;               /* 0 before saving */
	long long person_id;
	char centre_code[8];        /* the centre that follows the case */
	char opened[11];            /* ISO day */
	char risk[8];               /* high, medium, low */
	long long caseworker_id;    /* an account, 0 when none */
	char status[12];            /* open, closed, transferred */
	char close_reason[16];      /* exactly when closed */
	char closed_date[11];       /* when closed or transferred */
	char transferred_to[484];   /* exactly when transferred, up to 120 characters */
	char summary[8004];         /* up to 2000 characters, lines kept */
	int version;
};

/* A new case of person as the form starts it: open on day, of centre,
 * medium risk, followed by caseworker. */
void prot_case_init(struct prot_case *c, long long person, const char *centre_code, long long caseworker,
                    const char *day);

/* The first rule of c that needs no database, as a msgid (its field in
 * *field, may be NULL), or NULL: a centre, a valid opening day not in the
 * future, a known risk, a summary of 2000 characters (UTF-8, lines kept). */
const char *prot_case_problem(const struct prot_case *c, const char **field);

/* ST_OK, or ST_INVALID with the msgid of the first rule broken in *msgid
 * and its field in *field ("centre_code", "opened", "risk",
 * "caseworker_id", "summary", "person_id"): prot_case_problem, a known
 * centre and person, the case worker an active protection account (or the
 * case's current one). PERM_PROTECTION_READ. The form calls it too. */
enum status prot_case_check(struct db *db, const struct prot_case *c, const char **msgid, const char **field);

/* Opens (c->id 0) or saves case c if its version is unchanged
 * (ST_CONFLICT otherwise), as prot_case_check; the person and the status
 * are never changed here. ST_DUPLICATE with msgid (and the open case's id
 * in c->id untouched) when the person has an open case already. On
 * failure nothing is saved and c is as it was. PERM_PROTECTION_WRITE.
 * Audited. */
enum status prot_case_save(struct db *db, struct prot_case *c, const char **msgid, const char **field);

/* Closes open case id (at *version, ST_CONFLICT otherwise) for reason
 * (vocab prot_close_reason) on day (valid, not in the future, not before
 * it opened); *version gets the new version; ST_INVALID with msgid
 * otherwise. PERM_PROTECTION_WRITE. Audited. */
enum status prot_case_close(struct db *db, long long id, int *version, const char *reason, const char *day,
                            const char **msgid);

/* Transfers open case id to to (an organisation or site, 1 to 120
 * characters) on day; as prot_case_close. */
enum status prot_case_transfer(struct db *db, long long id, int *version, const char *to, const char *day,
                               const char **msgid);

/* Reads case id into *c and adds the "view" row of its opening.
 * PERM_PROTECTION_READ; ST_NOT_FOUND when none. */
enum status prot_case_get(struct db *db, long long id, struct prot_case *c);

/* The id of person's open case, else of their latest one, into *id (0
 * when none: ST_NOT_FOUND); *open true when it is open. Nothing else is
 * read. PERM_PROTECTION_READ. */
enum status prot_case_of_person(struct db *db, long long person, long long *id, bool *open);

/* Why a new case of person cannot be opened (they have one open: msgid,
 * and its id in *open_id), or NULL. PERM_PROTECTION_READ. */
enum status prot_case_can_open(struct db *db, long long person, long long *open_id, const char **msgid);

/* ---- concerns ---- */

struct prot_concern {
	long long id;               /* the case's concern row */
	long long concern_id;       /* an item of list "prot_concern" */
	char name[324];             /* its name in the language asked */
	char note[804];             /* up to 200 characters */
	int version;
};

/* The msgid of what is wrong with note (200 characters, one line), or
 * NULL. */
const char *prot_concern_problem(const char *note);

/* Adds concern concern_id (an item of "prot_concern" in use) with note to
 * open case case_id; ST_DUPLICATE with msgid when the case has it already,
 * ST_INVALID with msgid otherwise. PERM_PROTECTION_WRITE. Audited. */
enum status prot_concern_add(struct db *db, long long case_id, long long concern_id, const char *note,
                             const char **msgid);

/* Removes the concern row id of an open case. PERM_PROTECTION_WRITE.
 * Audited. */
enum status prot_concern_remove(struct db *db, long long id, const char **msgid);

/* Calls cb with every concern of case case_id, in the list's order, names
 * in lang ("fr" or "en"). A case holds at most the list's items.
 * PERM_PROTECTION_READ. */
enum status prot_concern_each(struct db *db, long long case_id, const char *lang,
                              void (*cb)(const struct prot_concern *c, void *ctx), void *ctx);

/* ---- actions ---- */

struct prot_action {
	long long id;               /* 0 before saving */
	long long case_id;
	char description[804];      /* 1 to 200 characters */
	char due_date[11];          /* ISO day, "" when none */
	long long assigned_id;      /* an account, 0 when none */
	char status[12];            /* open, done, cancelled */
	char done_date[11];         /* exactly when not open */
	char outcome[2004];         /* up to 500 characters, lines kept */
	int version;
};

/* A new open action of case case_id assigned to user. */
void prot_action_init(struct prot_action *a, long long case_id, long long user);

/* The first rule of a that needs no database (msgid, field in *field):
 * a description of 1 to 200 characters, a valid due day or none, an
 * outcome of 500 characters; for an action done or cancelled a valid day
 * not in the future. */
const char *prot_action_problem(const struct prot_action *a, const char **field);

/* prot_action_problem and: the case is known and open, the account
 * assigned an active protection account (or the current one).
 * PERM_PROTECTION_READ. */
enum status prot_action_check(struct db *db, const struct prot_action *a, const char **msgid, const char **field);

/* Adds (a->id 0) or saves open action a at its version (ST_CONFLICT
 * otherwise); its status is not changed here. PERM_PROTECTION_WRITE.
 * Audited. */
enum status prot_action_save(struct db *db, struct prot_action *a, const char **msgid, const char **field);

/* Marks open action id (at *version) done on day with outcome, or
 * cancelled (day today) when done is false. PERM_PROTECTION_WRITE.
 * Audited. */
enum status prot_action_finish(struct db *db, long long id, int *version, bool done, const char *day,
                               const char *outcome, const char **msgid);

/* Reads action id. PERM_PROTECTION_READ; ST_NOT_FOUND when none. */
enum status prot_action_get(struct db *db, long long id, struct prot_action *a);

/* An action as lists show it. */
struct prot_action_row {
	struct prot_action a;
	char assigned_name[324];
	bool overdue;               /* open and due before today */
};

/* The actions of case case_id: open ones first by due day (none last),
 * then done and cancelled; a page by key (core/page.h) after or before the
 * action key_id (0: from the first, or the last ones), at most limit;
 * *more: more remain. PERM_PROTECTION_READ. */
enum status prot_action_list(struct db *db, long long case_id, enum page_dir dir, long long key_id, int limit,
                             void (*cb)(const struct prot_action_row *row, void *ctx), void *ctx, bool *more);

/* ---- lists ---- */

/* Which cases a list holds. */
struct prot_case_filter {
	const char *centre_code;    /* the centre's cases */
	long long caseworker_id;    /* 0: every case worker's */
	const char *status;         /* NULL or "": every status */
	const char *risk;           /* NULL or "": every risk */
};

/* A case with its person, as lists show it. */
struct prot_case_row {
	long long id, person_id;
	char opened[11];
	char risk[8];
	char status[12];
	long long caseworker_id;
	char worker_name[324];
	char case_key[20];
	char family_name[PERSON_NAME_MAX + 1];
	char given_names[PERSON_NAME_MAX + 1];
	int overdue;                /* its open actions due before today */
	char next_due[11];          /* its earliest open action's due day, "" */
};

/* The cases of filter, latest opened first, a page by key: after or
 * before the case key_id opened on key_day (key_id 0: from the first, or
 * the last ones), at most limit; *more: more remain.
 * PERM_PROTECTION_READ; ST_NOT_FOUND for an unknown centre. */
enum status prot_case_list(struct db *db, const struct prot_case_filter *filter, enum page_dir dir,
                           const char *key_day, long long key_id, int limit,
                           void (*cb)(const struct prot_case_row *row, void *ctx), void *ctx, bool *more);

/* The open cases of case worker user, the earliest next due action first
 * (so the overdue ones first; cases without an open action due last), a
 * page by key: after or before the case key_id whose next due day is
 * key_due ("" for none). PERM_PROTECTION_READ. */
enum status prot_my_cases(struct db *db, long long user, enum page_dir dir, const char *key_due, long long key_id,
                          int limit, void (*cb)(const struct prot_case_row *row, void *ctx), void *ctx, bool *more);

/* An overdue action with its case's person. */
struct prot_overdue_row {
	struct prot_action a;
	char case_key[20];
	char family_name[PERSON_NAME_MAX + 1];
	char given_names[PERSON_NAME_MAX + 1];
};

/* The open actions due before today of open cases of centre_code
 * assigned to user (0: anyone's), the oldest due first, a page by key
 * (key_due, key_id). PERM_PROTECTION_READ; ST_NOT_FOUND for an unknown
 * centre. */
enum status prot_overdue_actions(struct db *db, const char *centre_code, long long user, enum page_dir dir,
                                 const char *key_due, long long key_id, int limit,
                                 void (*cb)(const struct prot_overdue_row *row, void *ctx), void *ctx, bool *more);

/* What the case file's line says of person's open case: its risk and its
 * overdue actions. PERM_PROTECTION_READ; ST_NOT_FOUND when no open case. */
enum status prot_case_line_get(struct db *db, long long person, char *risk, size_t risk_size, int *overdue);

/* What the case file's line may say of person to the signed-in role. */
struct prot_case_status {
	bool open;                  /* the person has an open case */
	bool detailed;              /* the role reads protection cases: the rest is set */
	char risk[8];
	int overdue;                /* its open actions due before today */
};

/* The case file's line of person: for roles with PERM_PROTECTION_READ the
 * open case's risk and overdue actions (prot_case_line_get), for the
 * other roles that may open case files only whether a case is open
 * (prot_under_followup). No refusal is written for asking. */
enum status prot_case_status_get(struct db *db, long long person, struct prot_case_status *st);

/* Calls cb with the id and display name of every active account of the
 * protection role, and of account keep_id (0: none), in name order.
 * PERM_PROTECTION_READ. */
enum status prot_worker_each(struct db *db, long long keep_id,
                             void (*cb)(long long id, const char *name, void *ctx), void *ctx);

/* The display name of account id into out ("" when none).
 * PERM_PROTECTION_READ. */
enum status prot_worker_name(struct db *db, long long id, char *out, size_t size);

/* The name of person id into name ("Family Given") and their case key
 * into key. PERM_PROTECTION_READ. */
enum status prot_person_label(struct db *db, long long person, char *name, size_t size, char *key, size_t ksize);

#endif
