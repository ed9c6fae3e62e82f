#ifndef TAIMAKO_DB_MEDICAL_H
#define TAIMAKO_DB_MEDICAL_H
/* Medical follow-up: consultations, medical cases, fitness to travel, the
 * follow-up list, the day's register and monthly counts. Confidential:
 * details need PERM_MEDICAL_READ (writing PERM_MEDICAL_WRITE); every other
 * role gets only medical_status. Every opening of a medical record is
 * audited. Every write is audited with its fields (the trail is for
 * administrators only). The functions with a callback read everything
 * first and release the connection before calling it, so the callback may
 * use the data layer. */
#include <stdbool.h>
#include <stddef.h>
#include "core/page.h"
#include "core/status.h"

struct db;

enum med_reason {
	REASON_RESPIRATORY, REASON_DIARRHOEA, REASON_MALARIA, REASON_SKIN, REASON_INJURY,
	REASON_PREGNANCY, REASON_MENTAL, REASON_CHRONIC, REASON_OTHER, REASON_COUNT_
};
enum med_condition {
	COND_CHRONIC, COND_PREGNANCY, COND_INJURY, COND_DISABILITY, COND_TUBERCULOSIS, COND_HIV,
	COND_MALNUTRITION, COND_MENTAL, COND_OTHER, COND_COUNT_
};

/* Stored names ("malaria") and label msgids of reasons and conditions. */
const char *med_reason_name(enum med_reason r);
const char *med_reason_label(enum med_reason r);
const char *med_condition_name(enum med_condition c);
const char *med_condition_label(enum med_condition c);

struct consultation {
	long long id;              /* 0 before saving */
	long long person_id;
	char date[11];             /* ISO day */
	char centre_code[8];
	char clinician[64];        /* user name, filled when read */
	char reason[16];           /* a med_reason name */
	char diagnosis[400];
	char treatment[400];
	char referral_to[120];     /* "" when no referral */
	char referral_why[200];
	char referral_status[16];  /* sent, attended, not_attended; "" when no referral */
	char next_followup[11];    /* ISO day, "" when none */
	char referral_outcome_date[11]; /* ISO day the referral was attended (or not), "" when not known */
	int version;
};

/* ST_OK, or ST_INVALID with a short msgid in *msgid (may be NULL; set to
 * NULL on success): date a full day not in the future (today is
 * "YYYY-MM-DD"), known reason, follow-up "" or a full day not before the
 * consultation, a referral with its place and a status (and no status or
 * reason without a place), an outcome date only for a referral attended or
 * not attended, a full day between the consultation and today, texts
 * ending inside their buffers, in UTF-8. */
enum status consultation_check(const struct consultation *c, const char *today, const char **msgid);

/* Records a new consultation (c->id 0) by the actor as clinician, or saves
 * changes to one if its version is unchanged (ST_CONFLICT); the person and
 * the clinician of a saved one do not change. ST_INVALID as
 * consultation_check with today's date, ST_NOT_FOUND for an unknown person,
 * centre or consultation. On success c->id, c->version and c->clinician
 * are set; on failure they are left as they were. Audited. */
enum status consultation_save(struct db *db, struct consultation *c);

/* Reads consultation id into *c (PERM_MEDICAL_READ), audited as a "view"
 * of that consultation. ST_NOT_FOUND for an unknown one. */
enum status consultation_get(struct db *db, long long id, struct consultation *c);

/* Calls cb for person's consultations, newest first (by date, then by
 * entry), at most limit; audited as an opening of the medical record
 * ("view", "medical_record", person). ST_NOT_FOUND for an unknown person. */
enum status consultation_list(struct db *db, long long person, int limit,
                              void (*cb)(const struct consultation *c, void *ctx), void *ctx);

struct medical_case {
	long long id;
	long long person_id;
	char condition[16];        /* a med_condition name */
	char opened[11];
	char closed[11];           /* "" while open */
	char outcome[200];
	char expected_delivery[11];/* pregnancy only, "" otherwise */
	char notes[400];
	char centre_code[8];
	int antenatal_visits;      /* counted when read */
	int version;
};

/* ST_OK, or ST_INVALID with a msgid in *msgid (may be NULL): condition
 * known; opened a day not after today ("YYYY-MM-DD"); closed not before it
 * and with an outcome; expected delivery for a pregnancy only. */
enum status medical_case_check(const struct medical_case *mc, const char *today, const char **msgid);

/* Copies into mc (the case as read) the text fields of edited (the form as
 * saved) that differ from shown (the same form read back before any
 * typing): a field not touched keeps its stored value even where the form
 * could not show it whole (long notes, control characters). */
void medical_case_apply_edit(struct medical_case *mc, const struct medical_case *shown,
                             const struct medical_case *edited);

/* The msgid of the first rule that case mc, with an antenatal visit on
 * visit ("" or NULL: none), breaks on today ("YYYY-MM-DD"), NULL when none;
 * *field (field may be NULL) gets the stable name of the field it is about
 * ("condition", "opened", "expected_delivery", "antenatal_visit", "closed",
 * "outcome"), NULL when about no one field. The rules: condition known;
 * opened a day not after today; an expected delivery for a pregnancy
 * only, not before the opening nor more than ten months after it; a visit
 * for a pregnancy only, a day between the opening (or closing) and today;
 * closed not before opened, and closed exactly when there is an outcome in
 * a few words. Needs no database. */
const char *medical_case_problem(const struct medical_case *mc, const char *visit, const char *today,
                                 const char **field);

/* Saves case mc as medical_case_save does and, when visit is a day,
 * records an antenatal visit on it (notes may be NULL), in one
 * transaction: when anything is refused nothing is saved and mc is as it
 * was. On ST_INVALID, *msgid (may be NULL) is the rule broken and *field
 * (may be NULL) its field as for medical_case_problem; besides those rules,
 * a man has no pregnancy case and the visits already recorded stay on a
 * pregnancy, within its dates. */
enum status medical_case_save_visit(struct db *db, struct medical_case *mc, const char *visit, const char *notes,
                                    const char **msgid, const char **field);

/* Opens (id 0) or saves a medical case (closing it sets closed and
 * outcome); same rules as consultations. ST_INVALID unless: condition
 * known, opened a full day not in the future, closed "" or a day between
 * opened and today with an outcome, expected_delivery only for a
 * pregnancy. */
enum status medical_case_save(struct db *db, struct medical_case *mc);

/* Reads medical case id into *mc (PERM_MEDICAL_READ; audited as an opening
 * of the person's medical record). */
enum status medical_case_get(struct db *db, long long id, struct medical_case *mc);

/* Records an antenatal visit on a pregnancy case: date a full day not in
 * the future, within the case's dates (ST_INVALID otherwise; ST_NOT_FOUND
 * for an unknown case). notes may be NULL. Audited on the case. */
enum status medical_case_antenatal(struct db *db, long long case_id, const char *date, const char *notes);

/* Calls cb for person's medical cases, open ones first, then newest;
 * audited as an opening of the medical record, like consultation_list. */
enum status medical_case_list(struct db *db, long long person,
                              void (*cb)(const struct medical_case *mc, void *ctx), void *ctx);

/* The medical record of person as its screen shows it: consultations (as
 * consultation_list, at most limit) to consult_cb, then cases (as
 * medical_case_list) to case_cb; one opening, so one "view" row in the
 * trail, not one per list. */
enum status medical_record_read(struct db *db, long long person, int limit,
                                void (*consult_cb)(const struct consultation *c, void *ctx),
                                void (*case_cb)(const struct medical_case *mc, void *ctx), void *ctx);

/* Records fitness to travel: "fit", "fit_escort" or "not_fit" on date (a
 * full day not in the future), assessed by the actor. Audited. */
enum status fitness_record(struct db *db, long long person, const char *date, const char *status);

/* What every role may know (PERM_MEDICAL_STATUS): under follow-up (an open
 * case or a follow-up date not yet followed by a consultation), the next
 * appointment (the follow-up date of the latest consultation, by date then
 * entry), the latest fitness to travel. Not audited: it holds no detail.
 * ST_NOT_FOUND for an unknown person. */
struct medical_status {
	bool under_followup;
	char next_appointment[11];  /* "" when none */
	char fitness[12];           /* fit, fit_escort, not_fit, "" when never assessed */
	char fitness_date[11];
};
enum status medical_status_get(struct db *db, long long person, struct medical_status *out);

/* One line of the follow-up list. */
struct followup {
	long long person_id;
	long long consultation_id;
	char case_key[20];
	char name[402];
	char due[11];
	bool overdue;
	char birth_date[11];      /* ISO, partial allowed, "" unknown: for the age */
	bool birth_estimated;
};

/* The people of centre due for a follow-up (their latest consultation,
 * by date then entry, at any centre, is one of this centre with a
 * follow-up date) and still staying in a centre (those who left are
 * followed elsewhere), soonest first (then by person), a page by key
 * (core/page.h): the rows after key (a row given before: its due date and
 * person; NULL: from the first) or before it (NULL: the last ones), at
 * most limit, in the list's order either way; *more (may be NULL) tells
 * whether more remain beyond the page. Overdue when due before today
 * ("YYYY-MM-DD"). Names are "FAMILY Given". PERM_MEDICAL_READ; ST_NOT_FOUND
 * for an unknown centre. */
enum status followup_list(struct db *db, const char *centre_code, const char *today, enum page_dir dir,
                          const struct followup *key, int limit,
                          void (*cb)(const struct followup *f, void *ctx), void *ctx, bool *more);

/* One line of the day's register. */
struct register_line {
	long long id;            /* the consultation's: the key to page by */
	char time_of_entry[6];   /* HH:MM when entered */
	char case_key[20];
	char name[402];
	char sex;
	char age[8];
	char reason[16];
	char clinician[64];
};

/* The consultations of centre on date (ISO day), in order of entry, with
 * the local time of entry, "FAMILY Given", the age on that day ("23",
 * "~23" for an estimated or partial birth date, "?" unknown) and the
 * clinician's account name. PERM_MEDICAL_READ. */
enum status register_day(struct db *db, const char *centre_code, const char *date,
                         void (*cb)(const struct register_line *r, void *ctx), void *ctx);

/* The same register a page by key (core/page.h): the lines after the
 * consultation with id key (PAGE_AFTER; 0: from the first) or before it
 * (PAGE_BEFORE; 0: the last ones), at most limit, in order of entry either
 * way; *more (may be NULL) tells whether more remain beyond the page. */
enum status register_page(struct db *db, const char *centre_code, const char *date, enum page_dir dir,
                          long long key, int limit, void (*cb)(const struct register_line *r, void *ctx),
                          void *ctx, bool *more);

/* Counts of one month: consultations by reason and group (boys, girls,
 * men, women, unknown — age at the consultation, under 18 a child; a birth
 * date of a year only counts as 1 July, of a month only as its 15th; sex
 * other than f/m or an unknown birth date is "unknown"), and medical cases
 * opened by condition. centre "" for all centres. */
enum { GROUP_BOYS, GROUP_GIRLS, GROUP_MEN, GROUP_WOMEN, GROUP_UNKNOWN, GROUP_COUNT_ };
struct monthly_counts {
	long consultations[REASON_COUNT_][GROUP_COUNT_];
	long consultations_total;
	long cases_opened[COND_COUNT_];
	long cases_total;
	/* Of the above, those of people registered as community members
	 * (person.community_since, even if they migrated since). */
	long consultations_community;
	long cases_community;
};
/* PERM_REPORTS or PERM_MEDICAL_READ. month is "YYYY-MM" (else
 * ST_INVALID); ST_NOT_FOUND for an unknown centre. */
enum status monthly_counts(struct db *db, const char *centre_code, const char *month, struct monthly_counts *out);

#endif
