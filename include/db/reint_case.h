#ifndef TAIMAKO_DB_REINT_CASE_H
#define TAIMAKO_DB_REINT_CASE_H
/* A returnee's reintegration case (migration 021): where they went back to
 * (country, region of return, locality), when and how, who follows them
 * (case worker, implementing partner, centre), its status and why it was
 * closed. One open case per person at a time. Reading needs
 * PERM_REINTEGRATION_READ, writing PERM_REINTEGRATION_WRITE; every write is
 * one transaction with its audit row (every field, before and after). The
 * functions with a callback read a page first and release the connection
 * before calling it, so the callback may use the data layer. */
#include <stdbool.h>
#include <stddef.h>
#include "core/page.h"
#include "core/person.h"
#include "core/status.h"

struct db;

#define REINT_LOCALITY_MAX 80     /* characters */
#define REINT_NOTES_MAX 2000

struct reint_case {
	long long id;               /* 0 before saving */
	long long person_id;
	char centre_code[8];        /* the centre that follows the case */
	char country[4];            /* ISO 3166-1 alpha-3 */
	long long region_id;        /* an item of list "reint_region" of that country, 0 when none */
	char locality[324];         /* up to 80 characters */
	char return_date[11];       /* ISO day */
	char return_kind[8];        /* avr, other (core/reint_vocab.h) */
	long long caseworker_id;    /* an account, 0 when none */
	long long partner_id;       /* an item of list "partner", 0 when none */
	char status[12];            /* open, monitoring, closed */
	char close_reason[16];      /* exactly when closed */
	char closed_date[11];       /* exactly when closed */
	char notes[8004];           /* up to 2000 characters, lines kept */
	int version;
};

/* A new case of person as the form starts it: open, of centre, followed
 * by caseworker, returned on day, of kind "other". */
void reint_case_init(struct reint_case *c, long long person, const char *centre_code, long long caseworker,
                     const char *day);

/* The defaults proposed for a new case of person into *c (reint_case_init
 * with the user's centre and account first): when the person's last stay
 * ended with an assisted voluntary return, kind avr and the return date
 * the day they left; the country their nationality. ST_INVALID with msgid
 * for a community member who never migrated, ST_DUPLICATE with msgid when
 * the person has an open case already (its id in c->id then), ST_NOT_FOUND
 * for an unknown person. PERM_REINTEGRATION_READ. */
enum status reint_case_propose(struct db *db, long long person, long long user, const char *centre_code,
                               struct reint_case *c, const char **msgid);

/* ST_OK, or ST_INVALID with the msgid of the first rule broken in *msgid
 * and its field in *field ("country", "region_id", "locality",
 * "return_date", "return_kind", "caseworker_id", "partner_id",
 * "centre_code", "notes", "person_id"); both may be NULL. Rules: a known
 * country; a region of list "reint_region" whose kind is that country,
 * in use (or the case's current one); locality 80 characters, notes 2000
 * (UTF-8, no control characters but line ends in the notes); a valid
 * return day, not in the future, not before the person's birth; a known
 * kind; the case worker an active account; the partner an item of
 * "partner" in use (or the current one); the centre known; a person who
 * is not a community member who never migrated. The form calls it too. */
enum status reint_case_check(struct db *db, const struct reint_case *c, const char **msgid, const char **field);

/* Opens (c->id 0) or saves case c if its version is unchanged
 * (ST_CONFLICT otherwise), as reint_case_check; the person and status are
 * never changed here. ST_DUPLICATE with msgid when opening a second open
 * case of a person. On success c->id and c->version are set; on failure
 * nothing is saved and c is as it was. PERM_REINTEGRATION_WRITE. Audited. */
enum status reint_case_save(struct db *db, struct reint_case *c, const char **msgid, const char **field);

/* Closes case id (at *version, ST_CONFLICT otherwise) for reason
 * (completed, dropped_out, unreachable, remigrated, moved, deceased) on
 * day (not in the future, not before the return); *version gets the new
 * version. ST_INVALID with msgid otherwise. PERM_REINTEGRATION_WRITE.
 * Audited. */
enum status reint_case_close(struct db *db, long long id, int *version, const char *reason, const char *day,
                             const char **msgid);

/* Sets the status of case id (not closed, at *version) to "open" or
 * "monitoring"; *version gets the new version. As reint_case_close. */
enum status reint_case_set_status(struct db *db, long long id, int *version, const char *status,
                                  const char **msgid);

/* Reads case id into *c. PERM_REINTEGRATION_READ; ST_NOT_FOUND when none. */
enum status reint_case_get(struct db *db, long long id, struct reint_case *c);

/* The case of person that is not closed, else the latest one, into *c.
 * PERM_REINTEGRATION_READ; ST_NOT_FOUND when the person has none. */
enum status reint_case_of_person(struct db *db, long long person, struct reint_case *c);

/* Which cases a list holds. */
struct reint_case_filter {
	const char *centre_code;    /* the centre's cases */
	long long caseworker_id;    /* 0: every case worker's */
	const char *status;         /* "open", "monitoring", "closed"; NULL or "": every status */
};

/* A case with its person, as a list shows it. */
struct reint_case_row {
	struct reint_case c;
	char case_key[20];
	char family_name[PERSON_NAME_MAX + 1];
	char given_names[PERSON_NAME_MAX + 1];
	char plan_status[12];       /* the live (else latest) plan's status, "" when none */
};

/* The cases of filter, latest return first (then the latest opened), a
 * page by key (core/page.h): after or before the case key_id whose return
 * day is key_day (key_id 0: from the first, or the last ones), at most
 * limit, in the list's order either way; *more (may be NULL): more remain.
 * PERM_REINTEGRATION_READ; ST_NOT_FOUND for an unknown centre. */
enum status reint_case_list(struct db *db, const struct reint_case_filter *filter, enum page_dir dir,
                            const char *key_day, long long key_id, int limit,
                            void (*cb)(const struct reint_case_row *row, void *ctx), void *ctx, bool *more);

/* What the case file says of a person's reintegration. */
struct reint_case_status {
	char country[324];          /* the country's name in the language */
	char region[324];           /* the region's name, "" when none */
	char status[12];            /* the case's status */
	char plan_status[12];       /* its live (else latest) plan's, "" when none */
};

/* The case of person (reint_case_of_person) as the case file says it, with
 * names in lang ("fr" or "en"). PERM_REINTEGRATION_READ; ST_NOT_FOUND when
 * the person has no case. */
enum status reint_case_status_get(struct db *db, long long person, const char *lang, struct reint_case_status *st);

/* Calls cb with the id and display name of every active account of the
 * reintegration role, and of account keep_id (a case's worker now; 0:
 * none), in name order: the case workers a case may name. Streamed.
 * PERM_REINTEGRATION_READ. */
enum status reint_caseworker_each(struct db *db, long long keep_id,
                                  void (*cb)(long long id, const char *name, void *ctx), void *ctx);

/* The display name of account id into out ("" when none).
 * PERM_REINTEGRATION_READ. */
enum status reint_caseworker_name(struct db *db, long long id, char *out, size_t size);

#endif
