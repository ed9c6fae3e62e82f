#ifndef TAIMAKO_DB_ROLL_H
#define TAIMAKO_DB_ROLL_H
/* The attendance roll: one mechanism for two kinds of gathering, a
 * psychosocial session and a day of a vocational training course. A roll
 * is its people (those who belong there by right, plus anyone marked),
 * filtered as the user types, a page at a time by key, and one mark per
 * person (present, absent, excused, left early) that two users marking
 * different people never share; a mark given meanwhile is shown, never
 * overwritten (ST_CONFLICT). Reading needs the kind's read permission
 * (PERM_PSYCH_READ, PERM_TRAINING_READ), marking its write permission
 * (PERM_PSYCH_WRITE, PERM_TRAINING_WRITE); every mark is one transaction
 * with its audit row. The functions with a callback read a page first and
 * release the connection before calling it, so the callback may use the
 * data layer. */
#include <stdbool.h>
#include "core/page.h"
#include "core/person.h"
#include "core/status.h"

struct db;

enum roll_kind {
	ROLL_PSYCH_SESSION,        /* id: the session; its day is the session's */
	ROLL_COURSE_DAY,           /* id: the course; day: the day of the course */
};

/* Which roll. */
struct roll_ref {
	enum roll_kind kind;
	long long id;
	char day[11];              /* ISO day of a course day; ignored for a session */
};

/* The roll of psychosocial session id. */
struct roll_ref roll_of_session(long long id);

/* The roll of course id on day (ISO). */
struct roll_ref roll_of_course_day(long long id, const char *day);

/* One person of a roll. */
struct roll_row {
	long long person_id;
	char case_key[20];
	char family_name[PERSON_NAME_MAX + 1];
	char given_names[PERSON_NAME_MAX + 1];
	char sex;
	char birth_date[11];
	bool listed;               /* on the roll by right (staying at the centre that day,
	                            * holding a place in the course); else added */
	char mark[12];             /* present, absent, excused, left_early; "" none */
	int mark_version;          /* of the mark, 0 when none */
	char marked_by[64];        /* the account that marked, "" when none */
};

/* The people of roll ref, each with their mark or none: for a session the
 * people staying at its centre on its day (admitted on or before, not
 * departed before), for a course day the trainees holding a place
 * (selected, enrolled, completed, certified); and anyone marked. Sorted
 * by name (family, given, then person), those whose folded "FAMILY Given"
 * (accents and case, as the quick lookup) or case number holds every
 * folded word of filter (NULL or "": all), a page by key (core/page.h:
 * after or before the row key, NULL: from the first or the last ones), at
 * most limit, in the roll's order either way; *more (may be NULL) tells
 * whether more remain. Streamed: never the whole roll in memory. The
 * kind's read permission; ST_NOT_FOUND for an unknown session or course,
 * ST_INVALID for a course day that is not a valid day. */
enum status roll_page(struct db *db, const struct roll_ref *ref, const char *filter, enum page_dir dir,
                      const struct roll_row *key, int limit, void (*cb)(const struct roll_row *r, void *ctx),
                      void *ctx, bool *more);

/* The figures at the top of a roll. */
struct roll_counts {
	int listed;                /* people on the roll (by right plus added) */
	int present, absent, excused, left_early;
};

/* Counts roll ref into *out. As roll_page. */
enum status roll_count(struct db *db, const struct roll_ref *ref, struct roll_counts *out);

/* The row of person in roll ref as stored now (on the roll by right or
 * not, mark or none) into *row: for a person picked in the lookup. As
 * roll_page; ST_NOT_FOUND for an unknown person too. */
enum status roll_row_get(struct db *db, const struct roll_ref *ref, long long person, struct roll_row *row);

/* ST_OK when roll ref takes marks, else ST_INVALID with the msgid of why
 * in *msgid (may be NULL): a session cancelled, a head count or to come;
 * a course not running nor completed, a day outside its dates or still
 * to come. The roll screen asks before opening. As roll_page. */
enum status roll_check(struct db *db, const struct roll_ref *ref, const char **msgid);

/* Sets the mark of person row->person_id in roll ref to mark (present,
 * absent, excused, left_early; "" or NULL clears it), row being the
 * roll's row as the screen showed it. When someone else marked that person
 * (or cleared the mark) since the row was read, nothing is written, *row
 * is refreshed and ST_CONFLICT is returned (row->marked_by says who); the
 * same mark asked again on a row that is up to date writes nothing.
 * ST_INVALID (msgid) as roll_check or for an unknown mark; ST_NOT_FOUND
 * for an unknown session, course or person. Marking present makes a
 * planned session held (audited on the session); *changed (may be NULL)
 * tells whether the session's status changed. On success *row holds the
 * new mark. The kind's write permission. Audited. */
enum status roll_mark(struct db *db, const struct roll_ref *ref, struct roll_row *row, const char *mark,
                      const char **msgid, bool *changed);

/* A trainee's attendance in a course so far. */
struct roll_rate {
	int days;                  /* course days taken: days with at least one mark */
	int attended;              /* of those, days marked present or left early */
};

/* The attendance of person in course id into *out (one query on the
 * indexes of training_attendance). PERM_TRAINING_READ. */
enum status roll_course_rate(struct db *db, long long course, long long person, struct roll_rate *out);

/* The rate as a whole percentage (rounded), -1 when no day was taken. */
int roll_rate_percent(const struct roll_rate *r);

#endif
