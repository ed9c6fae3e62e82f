#ifndef TAIMAKO_DB_PSYCH_SESSION_H
#define TAIMAKO_DB_PSYCH_SESSION_H
/* Psychosocial sessions and activities, and their attendance roll.
 * Reading needs PERM_PSYCH_READ, writing PERM_PSYCH_WRITE; every write is
 * one transaction with its audit row (every field, before and after). The
 * functions with a callback read a page first and release the connection
 * before calling it, so the callback may use the data layer. */
#include <stdbool.h>
#include <stddef.h>
#include "core/page.h"
#include "core/person.h"
#include "core/status.h"
#include "db/roll.h"

struct db;

#define PSYCH_COUNT_MAX 9999    /* a head count is 0 to this */
#define PSYCH_COUNT_NONE (-1)   /* a head count not given */

struct psych_session {
	long long id;              /* 0 before saving */
	char centre_code[8];
	long long activity_id;     /* a ref_item of list "psych_activity" */
	char title[324];           /* up to 80 characters; may be "" */
	char date[11];             /* ISO day */
	char start_time[6];        /* "HH:MM", "" when not said */
	char end_time[6];          /* after start_time; "" when not said */
	long long facilitator_id;  /* a staff account, 0 when none */
	char facilitator_name[324];/* a partner's staff member; "" with an account */
	long long partner_id;      /* a ref_item of list "partner", 0 when none */
	char place[324];
	char status[12];           /* planned, held, cancelled (core/psych_vocab.h) */
	char cancel_reason[404];   /* exactly when cancelled, up to 200 characters */
	char roll[8];              /* names, count */
	int count_boys, count_girls, count_men, count_women; /* PSYCH_COUNT_NONE unless roll "count" */
	int version;
	/* Filled when read, ignored when saved. */
	char facilitator_account[64]; /* the account's name, "" when none */
	int present;               /* marks "present" (and "left early") */
	int marked;                /* every mark */
};

/* A new session as the form starts it: centre, date, planned, by name,
 * no head counts. */
void psych_session_init(struct psych_session *s, const char *centre_code, const char *date);

/* ST_OK, or ST_INVALID with the msgid of the first rule broken in *msgid
 * and the field it is about in *field ("activity_id", "title", "date",
 * "start_time", "end_time", "facilitator_name", "partner_id", "place",
 * "status", "cancel_reason", "roll", "count_boys"...; NULL when about no
 * one field); both may be NULL. The rules: texts in UTF-8 within their
 * sizes (title, place, facilitator 80 characters, reason 200); a valid
 * day; times "HH:MM", an end only after a start and later than it; a
 * known status and roll; a reason exactly when cancelled; a facilitator
 * account or a name, not both; head counts 0 to 9999 and only for a head
 * count; the centre known; the activity an active item of
 * "psych_activity", or the one the session has now; the partner an item
 * of "partner" (active, or the current one) or none; the account known.
 * The form calls it too. */
enum status psych_session_check(struct db *db, const struct psych_session *s, const char **msgid,
                                const char **field);

/* Creates (s->id 0) or saves session s if its version is unchanged
 * (ST_CONFLICT otherwise), as psych_session_check (ST_INVALID, msgid and
 * field as there); a session with marks by name stays by name
 * (ST_INVALID). PERM_PSYCH_WRITE. On success s->id and s->version are
 * set; on failure nothing is saved and s is as it was. Audited. */
enum status psych_session_save(struct db *db, struct psych_session *s, const char **msgid, const char **field);

/* Sets the status of session id (at version; ST_CONFLICT otherwise) to
 * status, with reason when cancelling (refused without one, and ignored
 * otherwise); *version gets the new version. As psych_session_save. */
enum status psych_session_set_status(struct db *db, long long id, int *version, const char *status,
                                     const char *reason, const char **msgid);

/* Reads session id into *s. PERM_PSYCH_READ; ST_NOT_FOUND when none. */
enum status psych_session_get(struct db *db, long long id, struct psych_session *s);

/* The sessions of centre, newest first (date, then start time, then entry),
 * only those of day when day is an ISO day ("" or NULL: every day), a page
 * by key (core/page.h): after or before the session key (NULL: from the
 * first, or the last ones), at most limit, in the list's order either way;
 * *more (may be NULL) tells whether more remain beyond the page.
 * PERM_PSYCH_READ; ST_NOT_FOUND for an unknown centre. */
enum status psych_session_list(struct db *db, const char *centre_code, const char *day, enum page_dir dir,
                               const struct psych_session *key, int limit,
                               void (*cb)(const struct psych_session *s, void *ctx), void *ctx, bool *more);

/* The sessions by name not cancelled, today, at the centre of the signed-in
 * account, earliest first (at most limit); *more as above. For taking the
 * roll. PERM_PSYCH_WRITE. */
enum status psych_sessions_today(struct db *db, int limit, void (*cb)(const struct psych_session *s, void *ctx),
                                 void *ctx, bool *more);

/* ---- the attendance roll (psych_roll.c) --------------------------------- */

/* The roll of a session is a roll of db/roll.h (kind ROLL_PSYCH_SESSION):
 * these are roll_page, roll_count, roll_mark and roll_row_get on
 * roll_of_session(session_id). Marking present makes a planned session
 * held; *session_changed (may be NULL) says so. */
enum status psych_roll_page(struct db *db, long long session_id, const char *filter, enum page_dir dir,
                            const struct roll_row *key, int limit,
                            void (*cb)(const struct roll_row *r, void *ctx), void *ctx, bool *more);

/* Counts the roll of session id into *out. PERM_PSYCH_READ. */
enum status psych_roll_count(struct db *db, long long session_id, struct roll_counts *out);

/* Marks person row->person_id in session id as roll_mark. PERM_PSYCH_WRITE. */
enum status psych_roll_mark(struct db *db, long long session_id, struct roll_row *row, const char *mark,
                            const char **msgid, bool *session_changed);

/* The row of person in the roll of session id as roll_row_get. */
enum status psych_roll_row_get(struct db *db, long long session_id, long long person, struct roll_row *row);

#endif
