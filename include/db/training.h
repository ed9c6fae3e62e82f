#ifndef TAIMAKO_DB_TRAINING_H
#define TAIMAKO_DB_TRAINING_H
/* Vocational training: courses at a centre and the enrolment of people in
 * them, with the capacity and the waiting list kept by the data layer,
 * completion and the follow-up three months later. Reading needs
 * PERM_TRAINING_READ, writing PERM_TRAINING_WRITE; every write is one
 * transaction with its audit row (every field, before and after). The
 * functions with a callback read a page first and release the connection
 * before calling it, so the callback may use the data layer. */
#include <stdbool.h>
#include <stddef.h>
#include "core/page.h"
#include "core/person.h"
#include "core/status.h"

struct db;

#define TRAINING_CAPACITY_MAX 999
#define TRAINING_HOURS_MAX 9999

struct training_course {
	long long id;               /* 0 before saving */
	char centre_code[8];
	long long trade_id;         /* a ref_item of list "training_trade" */
	char title[324];            /* 1 to 80 characters */
	long long provider_id;      /* a ref_item of list "partner", 0 when none */
	char provider_name[324];    /* a provider by name; "" with a partner */
	char start_date[11];        /* ISO day */
	char end_date[11];          /* ISO day, not before start_date */
	int hours;                  /* 1 to 9999, 0 when not said */
	int capacity;               /* 1 to 999 places */
	int reserved_community;     /* places kept for community members, 0 to capacity */
	char certificate[12];       /* none, attendance, official (core/training_vocab.h) */
	char status[12];            /* planned, open, running, completed, cancelled */
	char cancel_reason[404];    /* exactly when cancelled, up to 200 characters */
	int version;
	/* Filled when read, ignored when saved. */
	int taken;                  /* places taken: selected, enrolled, completed, certified */
	int waiting;                /* on the waiting list */
};

/* A new course as the form starts it: centre, start and end on start,
 * planned, no certificate, capacity 20. */
void training_course_init(struct training_course *c, const char *centre_code, const char *start);

/* ST_OK, or ST_INVALID with the msgid of the first rule broken in *msgid
 * and its field in *field ("trade_id", "title", "provider_name",
 * "start_date", "end_date", "hours", "capacity", "reserved_community",
 * "certificate", "status", "cancel_reason"...); both may be NULL. Rules:
 * a title of 1 to 80 characters, provider 80, reason 200 (UTF-8, no
 * control characters); valid days, the end not before the start; hours 0
 * (not said) to 9999; capacity 1 to 999; reserved places 0 to capacity; a
 * known certificate and status; a reason exactly when cancelled; a partner
 * or a name, not both; the centre known; the trade an active item of
 * "training_trade" (or the course's current one), the partner likewise of
 * "partner". A saved course keeps a capacity of at least its places
 * taken. The form calls it too. */
enum status training_course_check(struct db *db, const struct training_course *c, const char **msgid,
                                  const char **field);

/* Creates (c->id 0) or saves course c if its version is unchanged
 * (ST_CONFLICT otherwise), as training_course_check. PERM_TRAINING_WRITE.
 * On success c->id and c->version are set; on failure nothing is saved
 * and c is as it was. Audited. */
enum status training_course_save(struct db *db, struct training_course *c, const char **msgid, const char **field);

/* Sets the status of course id (at *version; ST_CONFLICT otherwise), with
 * reason when cancelling (refused without one); *version gets the new one.
 * As training_course_save. */
enum status training_course_set_status(struct db *db, long long id, int *version, const char *status,
                                       const char *reason, const char **msgid);

/* Reads course id into *c. PERM_TRAINING_READ; ST_NOT_FOUND when none. */
enum status training_course_get(struct db *db, long long id, struct training_course *c);

/* The courses of centre, newest first (start date, then entry), a page by
 * key (core/page.h): after or before the course key (NULL: from the first,
 * or the last ones), at most limit, in the list's order either way; *more
 * (may be NULL): more remain. PERM_TRAINING_READ; ST_NOT_FOUND for an
 * unknown centre. */
enum status training_course_list(struct db *db, const char *centre_code, enum page_dir dir,
                                 const struct training_course *key, int limit,
                                 void (*cb)(const struct training_course *c, void *ctx), void *ctx, bool *more);

/* ---- enrolment (training_enrol.c) --------------------------------------- */

struct training_enrolment {
	long long id;               /* 0 before saving */
	long long course_id;
	long long person_id;
	char status[16];            /* applied, selected, waiting, not_selected, enrolled, completed,
	                             * certified, dropped_out */
	char waiting_since[32];     /* ISO time, set by the data layer when put on the waiting list */
	char dropout_reason[16];    /* exactly when dropped out: returned, moved_on, illness, work,
	                             * not_interested, other */
	char assessment[8];         /* passed, failed, "" not yet */
	char certificate_no[164];   /* up to 40 characters, "" when none */
	char toolkit_date[11];      /* ISO day, "" when none given */
	char followup[16];          /* employed, self_employed, unemployed, unreachable, "" not yet */
	char followup_date[11];     /* ISO day, exactly with followup */
	int version;
	/* Filled when read, ignored when saved. */
	char case_key[20];
	char family_name[PERSON_NAME_MAX + 1];
	char given_names[PERSON_NAME_MAX + 1];
	char sex;
	char birth_date[11];
};

/* Enrols person in course id, asking for status "applied" or "enrolled"
 * ("selected" too): a place is taken for selected and enrolled. The write
 * lock is taken before the places are counted, so two officers enrolling
 * the last place at the same moment never both get it: when the course
 * has no place left for this person (places kept for community members
 * count as taken for the others), the person goes on the waiting list
 * instead, *waitlisted (may be NULL) says so and out->status is "waiting".
 * ST_DUPLICATE (msgid) when the person is in the course already;
 * ST_INVALID for a course cancelled or completed, or an unknown status;
 * ST_NOT_FOUND for an unknown course or person. On success *out (may be
 * NULL) is the enrolment as stored. PERM_TRAINING_WRITE. Audited. */
enum status training_enrol(struct db *db, long long course_id, long long person, const char *status,
                           struct training_enrolment *out, bool *waitlisted, const char **msgid);

/* ST_OK, or ST_INVALID with the msgid and field of the first rule e breaks
 * as a change of the enrolment stored now: status changes that make sense
 * (see docs: completed only after enrolled, certified after enrolled or
 * completed and only when the course gives a certificate, with its number
 * when the certificate is official; waiting only through training_enrol or
 * a place freed), a drop-out reason exactly when dropped out; the
 * assessment, certificate number and toolkit only for those enrolled or
 * beyond; the follow-up only after completion, with a day not before the
 * course's end and not in the future; days valid. The form calls it. */
enum status training_enrolment_check(struct db *db, const struct training_enrolment *e, const char **msgid,
                                     const char **field);

/* Saves status, drop-out reason and outcome of enrolment e->id if its
 * version is unchanged (ST_CONFLICT otherwise), as training_enrolment_check;
 * moving to selected or enrolled takes a place and is refused when the
 * course is full (ST_INVALID). When the change frees a place and someone
 * waits, *next (may be NULL) gets the enrolment id of the first on the
 * waiting list (0 otherwise): offer to move them up with
 * training_enrolment_promote, nothing is done silently. On success e is the
 * row as stored. PERM_TRAINING_WRITE. Audited. */
enum status training_enrolment_save(struct db *db, struct training_enrolment *e, long long *next,
                                    const char **msgid, const char **field);

/* Moves enrolment id (waiting, at *version) up to enrolled when a place is
 * free for them (ST_INVALID with msgid otherwise); *version gets the new
 * version. PERM_TRAINING_WRITE. Audited. */
enum status training_enrolment_promote(struct db *db, long long id, int *version, const char **msgid);

/* Reads enrolment id into *e. PERM_TRAINING_READ; ST_NOT_FOUND when none. */
enum status training_enrolment_get(struct db *db, long long id, struct training_enrolment *e);

/* Which people of a course a page holds. */
enum training_part {
	TRAINING_CLASS,            /* everyone but the waiting list, by name */
	TRAINING_WAITING,          /* the waiting list, first come first */
};

/* The enrolments of course id, part as above, a page by key (after or
 * before enrolment key, NULL: from the first or the last ones), at most
 * limit; *more as above. PERM_TRAINING_READ. */
enum status training_enrolment_list(struct db *db, long long course_id, enum training_part part,
                                    enum page_dir dir, const struct training_enrolment *key, int limit,
                                    void (*cb)(const struct training_enrolment *e, void *ctx), void *ctx,
                                    bool *more);

/* The enrolments of person, newest course first (start date, then
 * entry), at most limit; *more (may be NULL): more remain. A person takes
 * few courses: the case file shows them all. PERM_TRAINING_READ. */
enum status training_person_list(struct db *db, long long person, int limit,
                                 void (*cb)(const struct training_enrolment *e, void *ctx), void *ctx, bool *more);

/* What the case file says of a person's training. */
struct training_status {
	int courses;                /* enrolments in courses, waiting list and applications too */
	int completed;              /* completed or certified */
	char trade[324];            /* the current (else latest) course's trade, in the language */
	char title[324];            /* its title */
	char start_date[11];
	char status[16];            /* the person's enrolment status in it, "" when no course */
};

/* The training of person into *st: courses taken, the current one (the
 * latest not finished, else the latest) with its status; names in lang
 * ("fr" or "en"). PERM_TRAINING_READ. */
enum status training_status_get(struct db *db, long long person, const char *lang, struct training_status *st);

/* The places a course has for person now (community members may use the
 * places kept for them): into *free. PERM_TRAINING_READ. */
enum status training_places_free(struct db *db, long long course_id, long long person, int *free);

#endif
