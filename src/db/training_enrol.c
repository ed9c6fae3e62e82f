/* Enrolment in vocational training courses: the capacity and the waiting
 * list (counted under the write lock, so that two officers enrolling at
 * the same moment never both take the last place), the status changes,
 * completion and follow-up. Reading needs PERM_TRAINING_READ, writing
 * PERM_TRAINING_WRITE; every write is one transaction with its audit row. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/training_vocab.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/training.h"
#include "db/training_private.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define about training_about

/* The fields of an enrolment for the audit trail (all text but the ids). */
struct field {
	const char *name;
	size_t offset, size;   /* size 0: a long long */
};
#define TEXT(m) { #m, offsetof(struct training_enrolment, m), sizeof((struct training_enrolment *)0)->m }
#define ID(m) { #m, offsetof(struct training_enrolment, m), 0 }
static const struct field fields[] = {
	ID(course_id), ID(person_id), TEXT(status), TEXT(waiting_since), TEXT(dropout_reason), TEXT(assessment),
	TEXT(certificate_no), TEXT(toolkit_date), TEXT(followup), TEXT(followup_date),
};

static void fields_json(struct jsonbuf *j, const struct training_enrolment *before, const struct training_enrolment *e)
{
	for (size_t i = 0; i < COUNT(fields); i++) {
		const struct field *f = &fields[i];
		const char *after = (const char *)e + f->offset;
		if (f->size == 0) {
			long long a, b = 0;
			memcpy(&a, after, sizeof a);
			if (before) {
				memcpy(&b, (const char *)before + f->offset, sizeof b);
				jsonbuf_change_int(j, f->name, b, a);
			} else {
				jsonbuf_put_int(j, f->name, a);
			}
		} else if (before) {
			jsonbuf_change_str(j, f->name, (const char *)before + f->offset, after);
		} else {
			jsonbuf_put_str(j, f->name, after);
		}
	}
}

/* True for the statuses that hold a place in the course. */
static bool holds_place(const char *status)
{
	return !strcmp(status, "selected") || !strcmp(status, "enrolled") || !strcmp(status, "completed")
	       || !strcmp(status, "certified");
}

static bool is_one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (!strcmp(s, *set))
			return true;
	return false;
}

/* True when a community member (person.kind): they may use the places a
 * course keeps for them. */
static bool is_community(struct db *db, long long person)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT kind = 'community' FROM person WHERE id = ?1");
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, person);
	bool yes = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) != 0;
	sqlite3_reset(st);
	return yes;
}

/* The places of course c that community members hold now (the statuses
 * that hold a place, as the course's count of places taken). */
static int community_taken(struct db *db, const struct training_course *c)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM training_enrolment e JOIN person p ON p.id = e.person_id "
	                               "WHERE e.course_id = ?1 AND p.kind = 'community' "
	                               "AND e.status IN ('selected', 'enrolled', 'completed', 'certified')");
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, c->id);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	return n;
}

/* The places of course c free for person now (c read in this transaction). */
static int places_for(struct db *db, const struct training_course *c, long long person)
{
	int free = c->capacity - c->taken;
	if (!is_community(db, person)) {
		int kept = c->reserved_community - community_taken(db, c);
		if (kept > 0)
			free -= kept;
	}
	return free > 0 ? free : 0;
}

#define ENROL_SELECT \
	"SELECT e.id, e.course_id, e.person_id, e.status, coalesce(e.waiting_since, ''), " \
	"coalesce(e.dropout_reason, ''), coalesce(e.assessment, ''), e.certificate_no, coalesce(e.toolkit_date, ''), " \
	"coalesce(e.followup, ''), coalesce(e.followup_date, ''), e.version, p.case_key, p.family_name, " \
	"p.given_names, p.sex, coalesce(p.birth_date, '') " \
	"FROM training_enrolment e JOIN person p ON p.id = e.person_id "

static void read_enrolment(sqlite3_stmt *st, struct training_enrolment *e)
{
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(st, 0);
	e->course_id = sqlite3_column_int64(st, 1);
	e->person_id = sqlite3_column_int64(st, 2);
	db_column_copy(st, 3, e->status, sizeof e->status);
	db_column_copy(st, 4, e->waiting_since, sizeof e->waiting_since);
	db_column_copy(st, 5, e->dropout_reason, sizeof e->dropout_reason);
	db_column_copy(st, 6, e->assessment, sizeof e->assessment);
	db_column_copy(st, 7, e->certificate_no, sizeof e->certificate_no);
	db_column_copy(st, 8, e->toolkit_date, sizeof e->toolkit_date);
	db_column_copy(st, 9, e->followup, sizeof e->followup);
	db_column_copy(st, 10, e->followup_date, sizeof e->followup_date);
	e->version = sqlite3_column_int(st, 11);
	db_column_copy(st, 12, e->case_key, sizeof e->case_key);
	db_column_copy(st, 13, e->family_name, sizeof e->family_name);
	db_column_copy(st, 14, e->given_names, sizeof e->given_names);
	const unsigned char *sex = sqlite3_column_text(st, 15);
	e->sex = sex ? (char)sex[0] : '\0';
	db_column_copy(st, 16, e->birth_date, sizeof e->birth_date);
}

static enum status enrolment_read(struct db *db, long long id, struct training_enrolment *e)
{
	static const char sql[] = ENROL_SELECT "WHERE e.id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_enrolment(st, e);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

static enum status person_exists(struct db *db, long long person, bool *ok)
{
	static const char sql[] = "SELECT 1 FROM person WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	*ok = rc == SQLITE_ROW;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* The enrolment of person in course, 0 when none. */
static enum status enrolment_of(struct db *db, long long course, long long person, long long *id)
{
	static const char sql[] = "SELECT id FROM training_enrolment WHERE course_id = ?1 AND person_id = ?2";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, course);
	sqlite3_bind_int64(st, 2, person);
	int rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* The first on the waiting list of course, 0 when nobody waits. */
static enum status first_waiting(struct db *db, long long course, long long *id)
{
	static const char sql[] = "SELECT id FROM training_enrolment WHERE course_id = ?1 AND status = 'waiting' "
	                          "ORDER BY waiting_since, id LIMIT 1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, course);
	int rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

static enum status enrolment_insert(struct db *db, struct training_enrolment *e)
{
	static const char sql[] =
		"INSERT INTO training_enrolment (course_id, person_id, status, waiting_since, enrolled_by) "
		"VALUES (?1, ?2, ?3, CASE WHEN ?3 = 'waiting' THEN strftime('%Y-%m-%dT%H:%M:%SZ', ?4, 'unixepoch') END, ?5)";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, e->course_id);
	sqlite3_bind_int64(st, 2, e->person_id);
	db_bind_text(st, 3, e->status);
	sqlite3_bind_int64(st, 4, (long long)clock_now());
	const struct db_actor *a = db_actor(db);
	if (a->user_id > 0)
		sqlite3_bind_int64(st, 5, a->user_id);
	enum status r = db_step_done(st);
	if (r != ST_OK)
		return r;
	return enrolment_read(db, sqlite3_last_insert_rowid(db_sqlite(db)), e);
}

/* Inside the open transaction (the write lock held): counts, then inserts. */
static enum status enrol_write(struct db *db, long long course_id, long long person, const char *status,
                               struct training_enrolment *e, bool *waitlisted, const char **m)
{
	static const char *const asked[] = { "applied", "selected", "enrolled", NULL };
	static const char *const open_statuses[] = { "planned", "open", "running", NULL };
	struct training_course c;
	enum status r;
	bool ok;
	long long existing;
	if ((r = training_course_read(db, course_id, &c)) != ST_OK)
		return r;
	if ((r = person_exists(db, person, &ok)) != ST_OK)
		return r;
	if (!ok)
		return ST_NOT_FOUND;
	if (!status || !is_one_of(status, asked)) {
		*m = N_("Choose the status.");
		return ST_INVALID;
	}
	if (!is_one_of(c.status, open_statuses)) {
		*m = N_("This course is completed or cancelled: nobody can enrol.");
		return ST_INVALID;
	}
	if ((r = enrolment_of(db, course_id, person, &existing)) != ST_OK)
		return r;
	if (existing) {
		*m = N_("This person is already in this course.");
		return ST_DUPLICATE;
	}
	memset(e, 0, sizeof *e);
	e->course_id = course_id;
	e->person_id = person;
	snprintf(e->status, sizeof e->status, "%s", status);
	if (holds_place(status) && places_for(db, &c, person) == 0) {
		snprintf(e->status, sizeof e->status, "waiting");
		*waitlisted = true;
	}
	if ((r = enrolment_insert(db, e)) != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	fields_json(&j, NULL, e);
	return audit_log(db, "create", "training_enrolment", e->id, jsonbuf_text(&j));
}

enum status training_enrol(struct db *db, long long course_id, long long person, const char *status,
                           struct training_enrolment *out, bool *waitlisted, const char **msgid)
{
	const char *m = NULL;
	bool wl = false;
	struct training_enrolment e;
	memset(&e, 0, sizeof e);
	enum status r = db_require(db, PERM_TRAINING_WRITE);
	/* db_begin takes the write lock (BEGIN IMMEDIATE) before anything is
	 * counted: a second officer waits here until the first has committed. */
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, enrol_write(db, course_id, person, status, &e, &wl, &m));
	if (r != ST_OK)
		wl = false;
	if (r == ST_OK && out)
		*out = e;
	if (waitlisted)
		*waitlisted = wl;
	if (msgid)
		*msgid = m;
	return r;
}

static enum status enrolment_write(struct db *db, struct training_enrolment *e, long long *next, const char **m,
                                   const char **f);

enum status training_enrol_in(struct db *db, long long course_id, long long person, const char *status,
                              struct training_enrolment *out, const char **msgid)
{
	const char *m = NULL;
	bool wl = false;
	bool done = status && strcmp(status, "completed") == 0;
	struct training_enrolment e;
	memset(&e, 0, sizeof e);
	enum status r = db_require(db, PERM_TRAINING_WRITE);
	if (r == ST_OK)
		r = enrol_write(db, course_id, person, done ? "enrolled" : status, &e, &wl, &m);
	if (r == ST_OK && done && wl) {
		m = N_("The course is full: no place is left.");
		r = ST_INVALID;
	}
	if (r == ST_OK && done) {
		long long next;
		snprintf(e.status, sizeof e.status, "completed");
		r = enrolment_write(db, &e, &next, &m, NULL);
	}
	if (r == ST_OK && out)
		*out = e;
	if (msgid)
		*msgid = m;
	return r;
}

/* True when an enrolment may go from one status to the other. The waiting
 * list is entered only by training_enrol when the course is full. */
static bool transition_ok(const char *from, const char *to)
{
	static const struct {
		const char *from, *to;
	} moves[] = {
		{ "applied", "selected" },     { "applied", "not_selected" }, { "applied", "enrolled" },
		{ "applied", "dropped_out" },  { "selected", "enrolled" },    { "selected", "not_selected" },
		{ "selected", "dropped_out" }, { "waiting", "selected" },     { "waiting", "enrolled" },
		{ "waiting", "not_selected" }, { "waiting", "dropped_out" },  { "not_selected", "applied" },
		{ "enrolled", "completed" },   { "enrolled", "certified" },   { "enrolled", "dropped_out" },
		{ "completed", "certified" },  { "completed", "enrolled" },   { "certified", "completed" },
		{ "dropped_out", "applied" },
	};
	if (!strcmp(from, to))
		return true;
	for (size_t i = 0; i < COUNT(moves); i++)
		if (!strcmp(moves[i].from, from) && !strcmp(moves[i].to, to))
			return true;
	return false;
}

static bool in_set(const char *status)
{
	return !strcmp(status, "enrolled") || !strcmp(status, "completed") || !strcmp(status, "certified");
}

/* The rules of e against the stored enrolment and its course. */
static const char *problem(const struct training_enrolment *e, const struct training_enrolment *stored,
                           const struct training_course *c, const char **field)
{
	char today[11];
	clock_today_iso(today, sizeof today);
	if (!memchr(e->status, '\0', sizeof e->status) || !vocab_has(VOCAB_TRAINING_ENROLMENT_STATUS, e->status))
		return about(field, "status", N_("Choose the status."));
	if (!transition_ok(stored->status, e->status)) {
		if (!strcmp(e->status, "completed") || !strcmp(e->status, "certified"))
			return about(field, "status", N_("Only someone enrolled can complete the course."));
		if (!strcmp(e->status, "waiting"))
			return about(field, "status", N_("The waiting list is for when the course is full."));
		return about(field, "status", N_("This change of status is not possible."));
	}
	bool dropped = !strcmp(e->status, "dropped_out");
	if (!memchr(e->dropout_reason, '\0', sizeof e->dropout_reason)
	    || (e->dropout_reason[0] && !vocab_has(VOCAB_TRAINING_DROPOUT, e->dropout_reason)))
		return about(field, "dropout_reason", N_("Choose why they dropped out."));
	if (dropped && !e->dropout_reason[0])
		return about(field, "dropout_reason", N_("Choose why they dropped out."));
	if (!dropped && e->dropout_reason[0])
		return about(field, "dropout_reason", N_("A reason only for someone who dropped out."));
	bool in = in_set(e->status);
	if (!memchr(e->assessment, '\0', sizeof e->assessment)
	    || (e->assessment[0] && !vocab_has(VOCAB_TRAINING_ASSESSMENT, e->assessment)))
		return about(field, "assessment", N_("Choose the result of the assessment."));
	if (e->assessment[0] && !in)
		return about(field, "assessment", N_("An assessment only for someone enrolled."));
	if (!training_text_fits(e->certificate_no, sizeof e->certificate_no, 40))
		return about(field, "certificate_no", N_("The certificate number is too long (40 characters at most)."));
	bool certified = !strcmp(e->status, "certified");
	if (certified && !strcmp(c->certificate, "none"))
		return about(field, "status", N_("This course gives no certificate."));
	if (certified && !strcmp(e->assessment, "failed"))
		return about(field, "assessment", N_("Someone who failed the assessment is not certified."));
	if (certified && !strcmp(c->certificate, "official") && !training_has_content(e->certificate_no))
		return about(field, "certificate_no", N_("Give the number of the official certificate."));
	if (!certified && e->certificate_no[0])
		return about(field, "certificate_no", N_("A certificate number only for someone certified."));
	if (!memchr(e->toolkit_date, '\0', sizeof e->toolkit_date)
	    || (e->toolkit_date[0] && !date_is_day(e->toolkit_date)))
		return about(field, "toolkit_date", N_("The date is not a valid day."));
	if (e->toolkit_date[0] && !in)
		return about(field, "toolkit_date", N_("A toolkit only for someone enrolled."));
	if (e->toolkit_date[0] && (strcmp(e->toolkit_date, c->start_date) < 0 || strcmp(e->toolkit_date, today) > 0))
		return about(field, "toolkit_date", N_("The toolkit is given between the course's start and today."));
	if (!memchr(e->followup, '\0', sizeof e->followup)
	    || (e->followup[0] && !vocab_has(VOCAB_TRAINING_FOLLOWUP, e->followup)))
		return about(field, "followup", N_("Choose the result of the follow-up."));
	if (e->followup[0] && strcmp(e->status, "completed") && !certified)
		return about(field, "followup", N_("A follow-up only after the course is completed."));
	if (!memchr(e->followup_date, '\0', sizeof e->followup_date)
	    || (e->followup_date[0] && !date_is_day(e->followup_date)))
		return about(field, "followup_date", N_("The date is not a valid day."));
	if (e->followup[0] && !e->followup_date[0])
		return about(field, "followup_date", N_("Give the day of the follow-up."));
	if (!e->followup[0] && e->followup_date[0])
		return about(field, "followup", N_("Choose the result of the follow-up."));
	if (e->followup_date[0] && (strcmp(e->followup_date, c->end_date) < 0 || strcmp(e->followup_date, today) > 0))
		return about(field, "followup_date", N_("The follow-up is between the course's end and today."));
	return NULL;
}

/* The checks inside a transaction or not; *c and *stored get what was read. */
static enum status check_with(struct db *db, const struct training_enrolment *e, struct training_enrolment *stored,
                              struct training_course *c, const char **m, const char **f)
{
	enum status r;
	if ((r = enrolment_read(db, e->id, stored)) != ST_OK)
		return r;
	if ((r = training_course_read(db, stored->course_id, c)) != ST_OK)
		return r;
	if ((*m = problem(e, stored, c, f)) != NULL)
		return ST_INVALID;
	if (holds_place(e->status) && !holds_place(stored->status) && places_for(db, c, stored->person_id) == 0) {
		*m = about(f, "status", N_("The course is full: no place is left."));
		return ST_INVALID;
	}
	return ST_OK;
}

enum status training_enrolment_check(struct db *db, const struct training_enrolment *e, const char **msgid,
                                     const char **field)
{
	const char *m = NULL, *f = NULL;
	struct training_enrolment stored;
	struct training_course c;
	enum status r = db_require(db, PERM_TRAINING_READ);
	if (r == ST_OK)
		r = check_with(db, e, &stored, &c, &m, &f);
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

static enum status enrolment_update(struct db *db, struct training_enrolment *e)
{
	static const char sql[] =
		"UPDATE training_enrolment SET status = ?2, waiting_since = ?3, dropout_reason = ?4, assessment = ?5, "
		"certificate_no = ?6, toolkit_date = ?7, followup = ?8, followup_date = ?9, version = version + 1 "
		"WHERE id = ?1 AND version = ?10";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, e->id);
	db_bind_text(st, 2, e->status);
	db_bind_opt(st, 3, e->waiting_since);
	db_bind_opt(st, 4, e->dropout_reason);
	db_bind_opt(st, 5, e->assessment);
	db_bind_text(st, 6, e->certificate_no);
	db_bind_opt(st, 7, e->toolkit_date);
	db_bind_opt(st, 8, e->followup);
	db_bind_opt(st, 9, e->followup_date);
	sqlite3_bind_int(st, 10, e->version);
	enum status r = db_step_done(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	return r;
}

/* Saves e inside the open transaction (its version checked), audited;
 * *next gets the first waiting when a place was freed. */
static enum status enrolment_write(struct db *db, struct training_enrolment *e, long long *next, const char **m,
                                   const char **f)
{
	struct training_enrolment before;
	struct training_course c;
	enum status r;
	if ((r = enrolment_read(db, e->id, &before)) != ST_OK)
		return r;
	if (before.version != e->version)
		return ST_CONFLICT;
	if ((r = check_with(db, e, &before, &c, m, f)) != ST_OK)
		return r;
	e->course_id = before.course_id;
	e->person_id = before.person_id;
	if (strcmp(e->status, "waiting") != 0)
		e->waiting_since[0] = '\0';
	else
		snprintf(e->waiting_since, sizeof e->waiting_since, "%s", before.waiting_since);
	if ((r = enrolment_update(db, e)) != ST_OK)
		return r;
	if ((r = enrolment_read(db, e->id, e)) != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	fields_json(&j, &before, e);
	if ((r = audit_log(db, "update", "training_enrolment", e->id, jsonbuf_text(&j))) != ST_OK)
		return r;
	*next = 0;
	if (holds_place(before.status) && !holds_place(e->status))
		r = first_waiting(db, e->course_id, next);
	return r;
}

enum status training_enrolment_save(struct db *db, struct training_enrolment *e, long long *next,
                                    const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	long long nx = 0;
	struct training_enrolment copy = *e;
	enum status r = db_require(db, PERM_TRAINING_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, enrolment_write(db, &copy, &nx, &m, &f));
	if (r == ST_OK)
		*e = copy;
	else
		nx = 0;
	if (next)
		*next = nx;
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

enum status training_enrolment_promote(struct db *db, long long id, int *version, const char **msgid)
{
	const char *m = NULL;
	long long nx;
	struct training_enrolment e;
	enum status r = db_require(db, PERM_TRAINING_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		if ((r = enrolment_read(db, id, &e)) == ST_OK && e.version != *version)
			r = ST_CONFLICT;
		if (r == ST_OK && strcmp(e.status, "waiting") != 0) {
			m = N_("This person is not on the waiting list any more.");
			r = ST_INVALID;
		}
		if (r == ST_OK) {
			snprintf(e.status, sizeof e.status, "enrolled");
			r = enrolment_write(db, &e, &nx, &m, NULL);
		}
		if ((r = db_finish(db, r)) == ST_OK)
			*version = e.version;
	}
	if (msgid)
		*msgid = m;
	return r;
}

enum status training_enrolment_get(struct db *db, long long id, struct training_enrolment *e)
{
	enum status r = db_require(db, PERM_TRAINING_READ);
	return r != ST_OK ? r : enrolment_read(db, id, e);
}

enum status training_places_free(struct db *db, long long course_id, long long person, int *free)
{
	struct training_course c;
	enum status r = db_require(db, PERM_TRAINING_READ);
	if (r == ST_OK && (r = training_course_read(db, course_id, &c)) == ST_OK)
		*free = places_for(db, &c, person);
	return r;
}
