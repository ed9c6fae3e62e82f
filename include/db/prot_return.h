#ifndef TAIMAKO_DB_PROT_RETURN_H
#define TAIMAKO_DB_PROT_RETURN_H
/* Assisted voluntary return (migration 023, prot_return and
 * prot_travel_doc): a person's request, counselling, a manager's approval
 * (an unaccompanied or separated child only after an approved
 * best-interests determination), travel documents from consulates,
 * fitness to travel (the medical module's), booking, departure (the
 * person's current stay ends with "avr" in the same transaction), arrival
 * and hand-over; or withdrawn, no-show, refused with a reason. One live
 * request (requested, counselled, approved, ready) per person.
 * Reading needs PERM_PROTECTION_READ (every opening of a return audited
 * "view"), writing PERM_PROTECTION_WRITE, approving
 * PERM_PROTECTION_APPROVE. Every write is one transaction with its audit
 * row (every field, before and after). Functions taking msgid set it to
 * the English msgid of the rule broken on ST_INVALID or ST_DUPLICATE. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "core/page.h"
#include "core/person.h"
#include "core/status.h"

struct db;

#define PROT_RETURN_DEST_MAX 120     /* characters */
#define PROT_RETURN_NOTE_MAX 1000
#define PROT_RETURN_REF_MAX 60
#define PROT_RETURN_ESCORT_MAX 120
#define PROT_RETURN_HANDOVER_MAX 200
#define PROT_RETURN_REASON_MAX 300

struct prot_return {
	long long id;                   /* 0 before saving */
	long long person_id;
	char centre_code[8];
	char requested_date[11];
	char country[4];                /* of destination, ISO 3166-1 alpha-3 */
	char destination[484];          /* town or region, up to 120 characters */
	char status[12];                /* core/prot_vocab.h VOCAB_PROT_RETURN_STATUS */
	char counselled_date[11];
	char counselling_note[4004];
	char approved_at[32];           /* "" until approved */
	long long approved_by;          /* 0 until approved */
	char travel_date[11];           /* booked, "" when not */
	char transport[8];              /* convoy, flight, bus, other; "" when not booked */
	char convoy_ref[244];
	char escort[484];
	char departure_date[11];
	char arrival_date[11];
	char handed_over_to[804];
	char end_reason[1204];
	int version;
};

/* A new request of person as the form starts it: at centre_code on day
 * (today when NULL), country the person's nationality. ST_DUPLICATE (its
 * id in r->id) when the person has a live request; ST_NOT_FOUND for an
 * unknown person. PERM_PROTECTION_READ. */
enum status prot_return_propose(struct db *db, long long person, const char *centre_code, const char *day,
                                struct prot_return *r, const char **msgid);

/* ST_OK, or ST_INVALID with the first rule broken (its field in *field:
 * "centre_code", "requested_date", "country", "destination", "person_id").
 * The request form calls it too. PERM_PROTECTION_READ. */
enum status prot_return_check(struct db *db, const struct prot_return *r, const char **msgid, const char **field);

/* Records a new request (r->id 0) or saves the request fields of live
 * request r (country, destination, day, centre) at r->version. ST_DUPLICATE
 * when the person has another live request. PERM_PROTECTION_WRITE.
 * Audited. */
enum status prot_return_save(struct db *db, struct prot_return *r, const char **msgid, const char **field);

/* Counselling of live request id on day (not in the future, not before the
 * request) with note: status "counselled" unless it is further on. */
enum status prot_return_counsel(struct db *db, long long id, int *version, const char *day, const char *note,
                                const char **msgid);

/* A manager approves counselled request id. A child without an approved
 * best-interests determination is refused (ST_INVALID, msgid).
 * PERM_PROTECTION_APPROVE. Audited with who and when. */
enum status prot_return_approve(struct db *db, long long id, int *version, const char **msgid);

/* The message a child's refused approval or departure shows. */
extern const char *const prot_return_child_msg;

/* Marks approved request id ready: an issued travel document not expired
 * and the person's latest fitness to travel "fit" or "fit_escort". */
enum status prot_return_ready(struct db *db, long long id, int *version, const char **msgid);

/* Books approved or ready request id: travel day (today or later, unless
 * already past), transport, convoy or flight reference, escort. */
enum status prot_return_book(struct db *db, long long id, int *version, const char *day, const char *transport,
                             const char *ref, const char *escort, const char **msgid);

/* Records the departure of booked request id on day (not in the future):
 * needs an issued travel document; in the same transaction the person's
 * current stay ends on day with reason "avr" (a person without a current
 * stay departs all the same). */
enum status prot_return_depart(struct db *db, long long id, int *version, const char *day, const char **msgid);

/* Records the arrival of departed request id on day, handed over to whom. */
enum status prot_return_arrive(struct db *db, long long id, int *version, const char *day, const char *to,
                               const char **msgid);

/* Ends live request id as status ("withdrawn", "no_show", "refused") with
 * reason. PERM_PROTECTION_WRITE ("refused" also PERM_PROTECTION_APPROVE). */
enum status prot_return_end(struct db *db, long long id, int *version, const char *status, const char *reason,
                            const char **msgid);

/* Reads return id into *r; audited "view". ST_NOT_FOUND when none. */
enum status prot_return_get(struct db *db, long long id, struct prot_return *r);

/* The live request of person, else their latest return, into *r; audited
 * "view". ST_NOT_FOUND when the person has none. */
enum status prot_return_of_person(struct db *db, long long person, struct prot_return *r);

/* The latest fitness to travel of person ("" when never assessed) and its
 * day, from the medical module. PERM_PROTECTION_READ. */
enum status prot_return_fitness(struct db *db, long long person, char fitness[12], char day[11]);

/* ---- travel documents ---------------------------------------------------- */

struct prot_travel_doc {
	long long id;                   /* 0 before saving */
	long long return_id;
	char kind[16];                  /* passport, laissez_passer, consular_card */
	char consulate_country[4];
	char consulate_place[324];      /* up to 80 characters */
	char requested_date[11];
	char interview_date[11];        /* "" when none */
	char status[12];                /* requested, interview, issued, refused */
	char number[164];               /* up to 40 characters; needed when issued */
	char issued_date[11];
	char expiry_date[11];
	char refusal_reason[1204];      /* exactly when refused */
	int version;
};

/* ST_OK or ST_INVALID with the first rule broken and its field ("kind",
 * "consulate_country", "consulate_place", "requested_date",
 * "interview_date", "status", "number", "issued_date", "expiry_date",
 * "refusal_reason"). */
enum status prot_doc_check(struct db *db, const struct prot_travel_doc *d, const char **msgid, const char **field);

/* Adds (d->id 0) or saves document d of a return not ended, at d->version.
 * PERM_PROTECTION_WRITE. Audited. */
enum status prot_doc_save(struct db *db, struct prot_travel_doc *d, const char **msgid, const char **field);

/* Reads travel document id into *d. ST_NOT_FOUND when none. */
enum status prot_doc_get(struct db *db, long long id, struct prot_travel_doc *d);

/* Calls cb with each document of return return_id, in request order. */
enum status prot_doc_each(struct db *db, long long return_id,
                          void (*cb)(const struct prot_travel_doc *d, void *ctx), void *ctx);

/* ---- lists ---------------------------------------------------------------- */

/* A return with its person, as lists show it. */
struct prot_return_row {
	struct prot_return r;
	char case_key[20];
	char family_name[PERSON_NAME_MAX + 1];
	char given_names[PERSON_NAME_MAX + 1];
	char sex[2];
	char birth_date[11];
	bool birth_estimated;
	char nationality[4];
	char documents[256];            /* issued documents: "kind number; ..." codes */
};

/* Returns of status (NULL or "": every live one, requested to ready), by
 * request day then id, a page by key (core/page.h): after or before the
 * return key_id whose request day is key_day (key_id 0: from the first,
 * or the last ones), at most limit, in the list's order either way;
 * *more: more remain. Not audited per row. */
enum status prot_return_list(struct db *db, const char *status, enum page_dir dir, const char *key_day,
                             long long key_id, int limit,
                             void (*cb)(const struct prot_return_row *row, void *ctx), void *ctx, bool *more);

/* The departure list of day and convoy or flight ref ("" every one): the
 * returns booked for day (or departed on it), by name, the page after
 * key_id (0 from the first), at most limit. Audited "view". */
enum status prot_departure_list(struct db *db, const char *day, const char *ref, long long key_id, int limit,
                                void (*cb)(const struct prot_return_row *row, void *ctx), void *ctx, bool *more);

/* Writes the whole departure list of day and ref as CSV (core/csvout.h)
 * to out, a heading row first, labels in the current language and
 * country names in lang ("fr" or "en"). ST_IO when writing failed.
 * Audited "view" as prot_departure_list. */
enum status prot_departure_csv(struct db *db, const char *day, const char *ref, const char *lang, FILE *out);

/* A pending travel document with its person. */
struct prot_doc_row {
	struct prot_travel_doc d;
	long long person_id;
	char case_key[20];
	char family_name[PERSON_NAME_MAX + 1];
	char given_names[PERSON_NAME_MAX + 1];
};

/* Documents requested or at interview of live returns, of consulate
 * country (NULL or "" every one), by consulate country, request day and
 * id, a page by key as prot_return_list (key_country, key_day, key_id). */
enum status prot_docs_pending(struct db *db, const char *country, enum page_dir dir, const char *key_country,
                              const char *key_day,
                              long long key_id, int limit, void (*cb)(const struct prot_doc_row *row, void *ctx),
                              void *ctx, bool *more);

#endif
