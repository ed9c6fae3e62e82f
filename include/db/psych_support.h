#ifndef TAIMAKO_DB_PSYCH_SUPPORT_H
#define TAIMAKO_DB_PSYCH_SUPPORT_H
/* Individual psychosocial support: sessions with one person (or a family,
 * or in a group), the follow-up list of appointments, and the status the
 * case file shows. Confidential as medical notes: reading and writing
 * support records needs PERM_PSYCH_NOTES (the psychosocial role only;
 * every other role is refused, the refusal in the trail). Every opening of
 * a person's support records is audited, every write is audited with its
 * fields (hidden from who may not read the notes). The functions with a
 * callback read everything first and release the connection before
 * calling it, so the callback may use the data layer. */
#include <stdbool.h>
#include <stddef.h>
#include "core/page.h"
#include "core/status.h"

struct db;

struct psych_support {
	long long id;                 /* 0 before saving */
	long long person_id;
	char date[11];                /* ISO day, not in the future */
	char centre_code[8];
	char modality[12];            /* VOCAB_PSYCH_MODALITY code */
	unsigned concerns;            /* bit i: item i of VOCAB_PSYCH_CONCERN */
	char concern_other[404];      /* what the other concern is: exactly when its bit is set */
	char actions[1028];           /* what was done */
	char risk[8];                 /* VOCAB_PSYCH_RISK code */
	unsigned referrals;           /* bit i: item i of VOCAB_PSYCH_REFERRAL */
	char next_appointment[11];    /* ISO day after date, "" when none */
	char worker[64];              /* account name of who recorded it, filled when read */
	int version;
};

/* ST_OK, or ST_INVALID with a short msgid in *msgid and the stable name of
 * the field it is about in *field ("date", "modality", "concern_other",
 * "risk", "next_appointment"...; NULL when about no one field); both may
 * be NULL and are set to NULL on success. The rules: texts end inside
 * their buffers in UTF-8; date a full day not after today ("YYYY-MM-DD");
 * a centre; known modality and risk; concerns and referrals only of their
 * lists; the other concern's text exactly when it is ticked; next
 * appointment "" or a full day after the date. Needs no database. */
enum status psych_support_check(const struct psych_support *s, const char *today, const char **msgid,
                                const char **field);

/* Records a new support session (s->id 0) with the actor as worker, or
 * saves changes to one if its version is unchanged (ST_CONFLICT); the
 * person and the worker of a saved one do not change. PERM_PSYCH_NOTES.
 * ST_INVALID as psych_support_check with today's date, ST_NOT_FOUND for an
 * unknown person, centre or record. On success s->id, s->version and
 * s->worker are set; on failure they are left as they were. One
 * transaction with its audit row (every field, before and after). */
enum status psych_support_save(struct db *db, struct psych_support *s);

/* Reads support record id into *s (PERM_PSYCH_NOTES), audited as a "view"
 * of that record. ST_NOT_FOUND for an unknown one. */
enum status psych_support_get(struct db *db, long long id, struct psych_support *s);

/* Calls cb for person's support records, newest first (by date, then by
 * entry), at most limit; *more (may be NULL) gets how many were left out.
 * PERM_PSYCH_NOTES; audited as an opening of the person's support records
 * ("view", "psych_support_record", person). ST_NOT_FOUND for an unknown
 * person. */
enum status psych_support_list(struct db *db, long long person, int limit,
                               void (*cb)(const struct psych_support *s, void *ctx), void *ctx, int *more);

/* What the case file may say, each part only to the roles allowed:
 * sessions attended (named attendance marked present or left early, at
 * sessions not cancelled) and the last one's date for PERM_PSYCH_READ or
 * PERM_PSYCH_NOTES; the next appointment (of the latest support record)
 * for PERM_PSYCH_NOTES; urgent (the latest support record, by date then
 * entry, found a risk) for PERM_PSYCH_ALERT. Nothing of the notes, the
 * concerns or the kind of risk. Refused (ST_DENIED) to roles with none of
 * the three; not audited: it holds no notes. ST_NOT_FOUND for an unknown
 * person. */
struct psych_status {
	bool attendance_known;        /* the role may know the sessions */
	int sessions;
	char last_session[11];        /* ISO day, "" when none */
	char next_appointment[11];    /* "" when none or not for this role */
	bool urgent;
};
enum status psych_status_get(struct db *db, long long person, struct psych_status *out);

/* One line of the support follow-up list. */
struct psych_due {
	long long person_id;
	long long support_id;         /* the record that set the appointment */
	char case_key[20];
	char name[402];               /* "FAMILY Given" */
	char due[11];
	bool overdue;                 /* due before today */
	char birth_date[11];          /* ISO, partial allowed, "" unknown: for the age */
	bool birth_estimated;
};

/* The people of centre whose latest support record (by date, then entry,
 * at any centre) is one of this centre with a next appointment, and who
 * still stay in a centre, soonest first (then by person), a page by key
 * (core/page.h): the rows after key (its due date and person; NULL: from
 * the first) or before it (NULL: the last ones), at most limit, in the
 * list's order either way; *more (may be NULL) tells whether more remain
 * beyond the page. Overdue when due before today ("YYYY-MM-DD").
 * PERM_PSYCH_NOTES; ST_NOT_FOUND for an unknown centre. */
enum status psych_followup_list(struct db *db, const char *centre_code, const char *today, enum page_dir dir,
                                const struct psych_due *key, int limit,
                                void (*cb)(const struct psych_due *d, void *ctx), void *ctx, bool *more);

#endif
