#ifndef TAIMAKO_DB_BULK_H
#define TAIMAKO_DB_BULK_H
/* Writing many rows at once, for the tools that fill whole databases (the
 * demo generators, later imports). Rows wait in batches for multi-row
 * inserts (SQLite spends more time starting a statement than storing a
 * small row) and get their identity (uuid, site, times) bound here rather
 * than by the triggers. Every derived value (case numbers, phone key,
 * search-index text, name keys) comes from the same functions as a
 * registration's. Demo databases only, by an administrator. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"
#include "db/person.h"
#include "db/stay.h"

struct db;
struct bulk;

/* Marks a freshly created database as a demo one ("persons" recorded in
 * the audit trail). */
enum status bulk_mark_demo(struct db *db, long persons);

/* Starts a bulk write: ST_DENIED unless the actor is an administrator,
 * ST_INVALID unless the database is a demo one (db_is_demo). Begins a
 * transaction. Until bulk_end, the connection runs without sync and without
 * foreign-key checks (the caller's rows are right by construction: codes
 * checked with bulk_codes_known, ids given here), with a larger cache. */
enum status bulk_begin(struct db *db, struct bulk **out);

/* Stores the rows waiting and commits, then begins a new transaction: on a
 * later failure, what was committed stays (the caller removes the file). */
enum status bulk_commit(struct bulk *b);

/* Ends: when s is ST_OK, stores the rows waiting, sets the case-number
 * sequences after the numbers used, commits and returns how that went;
 * otherwise rolls back and returns s. Puts the connection back as db.c
 * sets it and frees b. The caller may audit (audit_log) before. */
enum status bulk_end(struct bulk *b, enum status s);

/* ---- looking up --------------------------------------------------------- */

/* The id of the centre with this code, 0 when none. */
long long bulk_centre_id(struct bulk *b, const char *code);

/* The code of centre id, "" when none. */
const char *bulk_centre_code(struct bulk *b, long long id);

/* The id of the active account with this name, 0 when none. */
long long bulk_user_id(struct bulk *b, const char *name);

enum bulk_codes { BULK_COUNTRY, BULK_LANGUAGE };

/* True when every code of a blank-separated list ("hau fra") is a country
 * (alpha-3) or a language (ISO 639-3) of the reference tables. */
bool bulk_codes_known(struct bulk *b, enum bulk_codes kind, const char *list);

/* ---- people ------------------------------------------------------------- */

/* Adds p with its languages, documents and flags, search-index row and
 * name keys. Gives p->id and p->case_key (the next case number of its
 * centre and arrival year, as registration gives it). consent_by: the
 * account that took consent (0: none); created_at: when it was registered
 * ("YYYY-MM-DDTHH:MM:SSZ"). Not checked (person_check is the caller's,
 * community_check for a community member). A community member (p->kind
 * "community") keeps p->locality and p->community_since, with the arrival
 * columns as community_register fills them; the others are migrants, with
 * p->community_since "" unless they were registered as community members
 * before. */
enum status bulk_person(struct bulk *b, struct person *p, long long consent_by,
                        const char *created_at);

/* Adds a stay of person at the centre with this code (its id into *id):
 * departed and reason NULL while there; the services it gave. */
enum status bulk_stay(struct bulk *b, long long person, const char *centre_code,
                      const char *admitted, const char *departed, const char *reason,
                      const bool services[SERVICE_COUNT_], long long *id);

/* Records that relative is `relation` (head, spouse, child...) to person. */
enum status bulk_family_link(struct bulk *b, long long person, long long relative,
                             const char *relation);

/* ---- medical records ---------------------------------------------------- */

/* A consultation; NULL or "" for the optional texts and dates. */
struct bulk_consultation {
	long long person, centre, clinician;     /* clinician 0: none */
	const char *date, *reason, *diagnosis, *treatment;
	const char *referral_to, *referral_why; /* "" when none */
	const char *referral_status;            /* NULL when no referral */
	const char *next_followup;              /* "" or NULL when none */
	const char *created_at;
};

struct bulk_medical_case {
	long long person, centre;
	const char *condition, *opened, *closed, *outcome, *expected_delivery, *notes;
};

enum status bulk_consultation(struct bulk *b, const struct bulk_consultation *c);

/* Adds a medical case; its id into *id. */
enum status bulk_medical_case(struct bulk *b, const struct bulk_medical_case *c, long long *id);

enum status bulk_antenatal_visit(struct bulk *b, long long case_id, const char *date,
                                 const char *notes);

enum status bulk_fitness(struct bulk *b, long long person, const char *date, const char *status,
                         long long clinician);

enum bulk_table { BULK_CONSULTATION, BULK_MEDICAL_CASE, BULK_ANTENATAL_VISIT, BULK_FITNESS,
                  BULK_TABLES_ };

/* Rows given to a medical table so far. */
long long bulk_written(const struct bulk *b, enum bulk_table t);

/* ---- psychosocial records (bulk_psych.c) -------------------------------- */

/* A session with the id the caller gives (from bulk_psych_first_id);
 * facilitator 0 with facilitator_name, or an account and ""; partner 0:
 * none; counts only for roll "count" once held; NULL or "" for the optional texts. */
struct bulk_psych_session {
	long long id, centre, activity, facilitator, partner, created_by;
	const char *title, *date, *start_time, *end_time, *facilitator_name, *place;
	const char *status, *cancel_reason, *roll;
	int counts[4];                           /* boys, girls, men, women */
};

/* Individual support; next_appointment "" or NULL when none. */
struct bulk_psych_support {
	long long person, centre, worker;
	const char *date, *modality, *concern_other, *actions, *risk, *next_appointment;
	int concerns, referrals;                 /* bit sets (core/psych_vocab.h) */
};

enum status bulk_psych_session(struct bulk *b, const struct bulk_psych_session *s);

/* A mark of person in session (the session's row may still be waiting). */
enum status bulk_psych_attendance(struct bulk *b, long long session, long long person, const char *mark,
                                  long long marked_by);

enum status bulk_psych_support(struct bulk *b, const struct bulk_psych_support *s);

/* The first free id of psych_session (1 for an empty table), 0 on error. */
long long bulk_psych_first_id(struct bulk *b);

/* The id of the item code of the editable list `list`, 0 when none. */
long long bulk_ref_item_id(struct bulk *b, const char *list, const char *code);

/* The largest centre id, 0 when none. */
long long bulk_max_centre_id(struct bulk *b);

/* Calls fn for each vulnerability flag (its code) of the people with ids
 * first..last, by person. */
enum status bulk_flags(struct bulk *b, long long first, long long last,
                       enum status (*fn)(long long person, const char *flag, void *ctx), void *ctx);

/* ---- vocational training records (bulk_training.c) --------------------- */

/* A course with the id the caller gives (from bulk_training_first_id);
 * provider 0 with provider_name, or a partner and ""; hours 0: not said;
 * NULL or "" for the optional texts. */
struct bulk_training_course {
	long long id, centre, trade, provider, created_by;
	const char *title, *provider_name, *start_date, *end_date, *certificate, *status, *cancel_reason;
	int hours, capacity, reserved_community;
};

/* One person in one course; NULL or "" for what does not apply. */
struct bulk_training_enrolment {
	long long course, person, enrolled_by;
	const char *status, *waiting_since, *dropout_reason, *assessment, *certificate_no, *toolkit_date;
	const char *followup, *followup_date;
};

enum status bulk_training_course(struct bulk *b, const struct bulk_training_course *c);

/* An enrolment (the course's row may still be waiting). */
enum status bulk_training_enrolment(struct bulk *b, const struct bulk_training_enrolment *e);

/* The first free id of training_course (1 for an empty table), 0 on error. */
long long bulk_training_first_id(struct bulk *b);

/* ---- reading people back ------------------------------------------------ */

struct bulk_person_row {
	long long id;
	char sex;
	char birth_date[11];         /* "" unknown */
};

struct bulk_stay_row {
	long long person, centre;
	char admitted[11], departed[11];   /* departed "" while there */
	char reason[16];
};

/* How many people the database has. */
long bulk_person_count(struct bulk *b);

/* The latest day of the stays (departures and admissions), "" when none. */
void bulk_last_stay_day(struct bulk *b, char out[11]);

/* Up to max people with ids after `after`, in id order: *n read. */
enum status bulk_people(struct bulk *b, long long after, struct bulk_person_row *out, int max,
                        int *n);

/* Calls fn for each stay of the people with ids first..last, by person and
 * admission; stops at the first status fn returns other than ST_OK. */
enum status bulk_stays(struct bulk *b, long long first, long long last,
                       enum status (*fn)(const struct bulk_stay_row *s, void *ctx), void *ctx);

#endif
