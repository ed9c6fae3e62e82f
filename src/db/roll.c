/* The attendance roll (db/roll.h), one mechanism for its two kinds: a
 * psychosocial session (the people staying at its centre on its day, marks
 * in psych_attendance) and a course day (the trainees holding a place,
 * marks in training_attendance). What differs between the kinds is a
 * table of static statements and the rules of marking; the filter, the
 * paging, the stale-row rule and the audit are the same code.
 *
 * Marks are one row per person and gathering (a UNIQUE index), so two
 * users marking different people never touch each other's rows; marking
 * a row that changed since it was shown is refused and the row read again
 * (ST_CONFLICT). The filter is applied here while the rows stream by in
 * name order: a roll is at most a few thousand people, and a substring of
 * a folded name cannot use an index anyway. Only the page asked for is
 * kept.
 *
 * Parameters of every statement: ?1 the session or course, ?2 the centre
 * (the roll) or the person (a mark), ?3 the day; then the key or the
 * person (?4..?6), the mark and the account (?4, ?5 of a write). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/psych_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/roll.h"

#define FILTER_WORDS 6

/* ---- the statements of each kind ------------------------------------------ */

/* A session: the stays (not ended: the index stay_current; ended on or
 * after the day) and the people marked (the UNIQUE index). */
#define PSYCH_PEOPLE \
	"WITH r(pid) AS (SELECT person_id FROM stay WHERE centre_id = ?2 AND departed IS NULL AND admitted <= ?3 " \
	"UNION SELECT person_id FROM stay WHERE centre_id = ?2 AND departed >= ?3 AND admitted <= ?3 " \
	"UNION SELECT person_id FROM psych_attendance WHERE session_id = ?1) "
#define PSYCH_COLUMNS \
	"SELECT p.id, p.case_key, p.family_name, p.given_names, p.sex, coalesce(p.birth_date, ''), " \
	"EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id AND s.centre_id = ?2 AND s.admitted <= ?3 " \
	"AND (s.departed IS NULL OR s.departed >= ?3)), coalesce(a.mark, ''), coalesce(a.version, 0), " \
	"coalesce(u.name, '') "
#define PSYCH_JOINS \
	"LEFT JOIN psych_attendance a ON a.session_id = ?1 AND a.person_id = p.id " \
	"LEFT JOIN app_user u ON u.id = a.marked_by "

/* A course day: the enrolments holding a place (the index by course and
 * status) and the people marked that day (the UNIQUE index). */
#define PLACE "('selected', 'enrolled', 'completed', 'certified')"
#define COURSE_PEOPLE \
	"WITH r(pid) AS (SELECT person_id FROM training_enrolment WHERE course_id = ?1 AND status IN " PLACE " " \
	"UNION SELECT person_id FROM training_attendance WHERE course_id = ?1 AND day = ?3) "
#define COURSE_COLUMNS \
	"SELECT p.id, p.case_key, p.family_name, p.given_names, p.sex, coalesce(p.birth_date, ''), " \
	"EXISTS (SELECT 1 FROM training_enrolment e WHERE e.course_id = ?1 AND e.person_id = p.id " \
	"AND e.status IN " PLACE "), coalesce(a.mark, ''), coalesce(a.version, 0), coalesce(u.name, '') "
#define COURSE_JOINS \
	"LEFT JOIN training_attendance a ON a.course_id = ?1 AND a.day = ?3 AND a.person_id = p.id " \
	"LEFT JOIN app_user u ON u.id = a.marked_by "

struct kind {
	enum perm read, write;
	const char *entity;          /* the table of marks, for the audit */
	const char *of;              /* its column naming the gathering */
	const struct vocab *marks;
	const char *facts, *after, *before, *listed, *counts, *row, *id, *ins, *upd, *del;
};

static const struct kind kinds[] = {
	[ROLL_PSYCH_SESSION] = {
		PERM_PSYCH_READ, PERM_PSYCH_WRITE, "psych_attendance", "session_id", VOCAB_PSYCH_MARK,
		"SELECT centre_id, date, date, status, roll FROM psych_session WHERE id = ?1",
		PSYCH_PEOPLE PSYCH_COLUMNS "FROM r JOIN person p ON p.id = r.pid " PSYCH_JOINS
		"WHERE (p.family_name, p.given_names, p.id) > (?4, ?5, ?6) ORDER BY p.family_name, p.given_names, p.id",
		PSYCH_PEOPLE PSYCH_COLUMNS "FROM r JOIN person p ON p.id = r.pid " PSYCH_JOINS
		"WHERE (p.family_name, p.given_names, p.id) < (?4, ?5, ?6) "
		"ORDER BY p.family_name DESC, p.given_names DESC, p.id DESC",
		PSYCH_PEOPLE "SELECT count(*) FROM r",
		"SELECT mark, count(*) FROM psych_attendance WHERE session_id = ?1 GROUP BY mark",
		PSYCH_COLUMNS "FROM person p " PSYCH_JOINS "WHERE p.id = ?4",
		"SELECT id FROM psych_attendance WHERE session_id = ?1 AND person_id = ?2",
		"INSERT INTO psych_attendance (session_id, person_id, mark, marked_by) VALUES (?1, ?2, ?4, ?5)",
		"UPDATE psych_attendance SET mark = ?4, marked_by = ?5, version = version + 1 "
		"WHERE session_id = ?1 AND person_id = ?2",
		"DELETE FROM psych_attendance WHERE session_id = ?1 AND person_id = ?2",
	},
	[ROLL_COURSE_DAY] = {
		PERM_TRAINING_READ, PERM_TRAINING_WRITE, "training_attendance", "course_id", VOCAB_COURSE_MARK,
		"SELECT centre_id, start_date, end_date, status, 'names' FROM training_course WHERE id = ?1",
		COURSE_PEOPLE COURSE_COLUMNS "FROM r JOIN person p ON p.id = r.pid " COURSE_JOINS
		"WHERE (p.family_name, p.given_names, p.id) > (?4, ?5, ?6) ORDER BY p.family_name, p.given_names, p.id",
		COURSE_PEOPLE COURSE_COLUMNS "FROM r JOIN person p ON p.id = r.pid " COURSE_JOINS
		"WHERE (p.family_name, p.given_names, p.id) < (?4, ?5, ?6) "
		"ORDER BY p.family_name DESC, p.given_names DESC, p.id DESC",
		COURSE_PEOPLE "SELECT count(*) FROM r",
		"SELECT mark, count(*) FROM training_attendance WHERE course_id = ?1 AND day = ?3 GROUP BY mark",
		COURSE_COLUMNS "FROM person p " COURSE_JOINS "WHERE p.id = ?4",
		"SELECT id FROM training_attendance WHERE course_id = ?1 AND day = ?3 AND person_id = ?2",
		"INSERT INTO training_attendance (course_id, day, person_id, mark, marked_by) VALUES (?1, ?3, ?2, ?4, ?5)",
		"UPDATE training_attendance SET mark = ?4, marked_by = ?5, version = version + 1 "
		"WHERE course_id = ?1 AND day = ?3 AND person_id = ?2",
		"DELETE FROM training_attendance WHERE course_id = ?1 AND day = ?3 AND person_id = ?2",
	},
};

struct roll_ref roll_of_session(long long id)
{
	struct roll_ref r = { ROLL_PSYCH_SESSION, id, "" };
	return r;
}

struct roll_ref roll_of_course_day(long long id, const char *day)
{
	struct roll_ref r = { ROLL_COURSE_DAY, id, "" };
	snprintf(r.day, sizeof r.day, "%s", day ? day : "");
	return r;
}

/* The facts of a roll: the gathering's centre, its day (a session's date,
 * the day asked of a course), its first and last days, status and roll. */
struct facts {
	const struct kind *k;
	long long id;
	long long centre;
	char day[11], first[11], last[11];
	char status[12];
	char roll[8];
};

/* Checks the permission of ref's kind (to mark when write, else to read). */
static enum status kind_require(struct db *db, const struct roll_ref *ref, bool write)
{
	if (!ref || (ref->kind != ROLL_PSYCH_SESSION && ref->kind != ROLL_COURSE_DAY))
		return ST_INVALID;
	return db_require(db, write ? kinds[ref->kind].write : kinds[ref->kind].read);
}

/* Reads the facts of ref (its kind checked by kind_require); ST_INVALID
 * for a course day that is not a valid day. */
static enum status facts_read(struct db *db, const struct roll_ref *ref, struct facts *out)
{
	memset(out, 0, sizeof *out);
	out->k = &kinds[ref->kind];
	out->id = ref->id;
	struct pdate d;
	if (ref->kind == ROLL_COURSE_DAY && date_from_iso(ref->day, &d) != DATE_OK)
		return ST_INVALID;
	sqlite3_stmt *st = db_stmt(db, out->k->facts);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, ref->id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->centre = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, out->first, sizeof out->first);
		db_column_copy(st, 2, out->last, sizeof out->last);
		db_column_copy(st, 3, out->status, sizeof out->status);
		db_column_copy(st, 4, out->roll, sizeof out->roll);
	}
	sqlite3_reset(st);
	snprintf(out->day, sizeof out->day, "%s", ref->kind == ROLL_COURSE_DAY ? ref->day : out->first);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* The read permission of ref's kind, then its facts. */
static enum status facts_get(struct db *db, const struct roll_ref *ref, struct facts *out)
{
	enum status s = kind_require(db, ref, false);
	return s != ST_OK ? s : facts_read(db, ref, out);
}

/* Binds the gathering, the centre and the day. */
static void bind_roll(sqlite3_stmt *st, const struct facts *f)
{
	sqlite3_bind_int64(st, 1, f->id);
	sqlite3_bind_int64(st, 2, f->centre);
	db_bind_text(st, 3, f->day);
}

static void read_row(sqlite3_stmt *st, struct roll_row *r)
{
	memset(r, 0, sizeof *r);
	r->person_id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, r->case_key, sizeof r->case_key);
	db_column_copy(st, 2, r->family_name, sizeof r->family_name);
	db_column_copy(st, 3, r->given_names, sizeof r->given_names);
	const unsigned char *sex = sqlite3_column_text(st, 4);
	r->sex = sex ? (char)sex[0] : '?';
	db_column_copy(st, 5, r->birth_date, sizeof r->birth_date);
	r->listed = sqlite3_column_int(st, 6) != 0;
	db_column_copy(st, 7, r->mark, sizeof r->mark);
	r->mark_version = sqlite3_column_int(st, 8);
	db_column_copy(st, 9, r->marked_by, sizeof r->marked_by);
}

/* ---- the filter ------------------------------------------------------------ */

/* The typed filter as folded words; a word of the case number keeps only
 * letters and digits (typed with or without its dashes). */
struct filter {
	int n;
	char *word[FILTER_WORDS];
	char plain[FILTER_WORDS][32];
};

static void filter_free(struct filter *f)
{
	for (int i = 0; i < f->n; i++)
		free(f->word[i]);
	f->n = 0;
}

static bool filter_make(struct filter *f, const char *typed)
{
	memset(f, 0, sizeof *f);
	char *folded = text_fold(typed ? typed : "");
	if (!folded)
		return false;
	for (char *c = strtok(folded, " \t"); c && f->n < FILTER_WORDS; c = strtok(NULL, " \t")) {
		f->word[f->n] = strdup(c);
		if (!f->word[f->n])
			break;
		size_t k = 0;
		for (const char *d = c; *d && k + 1 < sizeof f->plain[0]; d++)
			if ((*d >= 'a' && *d <= 'z') || (*d >= '0' && *d <= '9'))
				f->plain[f->n][k++] = *d;
		f->plain[f->n][k] = '\0';
		f->n++;
	}
	free(folded);
	return true;
}

/* True when every word of f is in the folded name or the case number. */
static bool filter_match(const struct filter *f, const struct roll_row *r)
{
	if (f->n == 0)
		return true;
	char whole[sizeof r->family_name + sizeof r->given_names + 1];
	snprintf(whole, sizeof whole, "%s %s", r->family_name, r->given_names);
	char *name = text_fold(whole);
	char key[sizeof r->case_key];
	size_t k = 0;
	for (const char *c = r->case_key; *c && k + 1 < sizeof key; c++)
		key[k++] = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
	key[k] = '\0';
	bool ok = name != NULL;
	for (int i = 0; ok && i < f->n; i++)
		ok = strstr(name, f->word[i]) || (f->plain[i][0] && strstr(key, f->plain[i]));
	free(name);
	return ok;
}

/* ---- reading ---------------------------------------------------------------- */

enum status roll_page(struct db *db, const struct roll_ref *ref, const char *filter, enum page_dir dir,
                      const struct roll_row *key, int limit, void (*cb)(const struct roll_row *r, void *ctx),
                      void *ctx, bool *more)
{
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	struct facts fa;
	enum status s = facts_get(db, ref, &fa);
	if (s != ST_OK || limit <= 0)
		return s;
	struct filter f;
	if (!filter_make(&f, filter))
		return ST_NOMEM;
	sqlite3_stmt *st = db_stmt(db, dir == PAGE_BEFORE ? fa.k->before : fa.k->after);
	if (!st) {
		filter_free(&f);
		return ST_INTERNAL;
	}
	bind_roll(st, &fa);
	/* No key: before every name ("") or after every one (U+10FFFF). */
	db_bind_text(st, 4, key ? key->family_name : dir == PAGE_BEFORE ? "\xf4\x8f\xbf\xbf" : "");
	db_bind_text(st, 5, key ? key->given_names : "");
	sqlite3_bind_int64(st, 6, key ? key->person_id : 0);
	struct roll_row *rows = NULL, row;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_row(st, &row);
		if (!filter_match(&f, &row))
			continue;
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct roll_row *r = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!r) {
			rc = SQLITE_NOMEM;
			break;
		}
		*r = row;
	}
	sqlite3_reset(st);
	filter_free(&f);
	s = rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
	for (size_t i = 0; s == ST_OK && cb && i < n; i++)
		cb(&rows[dir == PAGE_BEFORE ? n - 1 - i : i], ctx);
	free(rows);
	return s;
}

enum status roll_count(struct db *db, const struct roll_ref *ref, struct roll_counts *out)
{
	memset(out, 0, sizeof *out);
	struct facts fa;
	enum status s = facts_get(db, ref, &fa);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, fa.k->listed);
	if (!st)
		return ST_INTERNAL;
	bind_roll(st, &fa);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		out->listed = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_status_of(rc);
	if (!(st = db_stmt(db, fa.k->counts)))
		return ST_INTERNAL;
	bind_roll(st, &fa);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *m = (const char *)sqlite3_column_text(st, 0);
		int c = sqlite3_column_int(st, 1);
		if (!m)
			continue;
		if (strcmp(m, "present") == 0)
			out->present = c;
		else if (strcmp(m, "absent") == 0)
			out->absent = c;
		else if (strcmp(m, "excused") == 0)
			out->excused = c;
		else if (strcmp(m, "left_early") == 0)
			out->left_early = c;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* Reads the row of person in the roll fa into *row. */
static enum status row_read(struct db *db, const struct facts *fa, long long person, struct roll_row *row)
{
	sqlite3_stmt *st = db_stmt(db, fa->k->row);
	if (!st)
		return ST_INTERNAL;
	bind_roll(st, fa);
	sqlite3_bind_int64(st, 4, person);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, row);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status roll_row_get(struct db *db, const struct roll_ref *ref, long long person, struct roll_row *row)
{
	struct facts fa;
	enum status s = facts_get(db, ref, &fa);
	return s != ST_OK ? s : row_read(db, &fa, person, row);
}

/* ---- marking ---------------------------------------------------------------- */

/* The rules of marking roll fa on today; NULL when allowed. */
static const char *mark_problem(const struct facts *fa, const char *today)
{
	if (fa->k == &kinds[ROLL_PSYCH_SESSION]) {
		if (strcmp(fa->status, "cancelled") == 0)
			return N_("This session is cancelled: no attendance is taken.");
		if (strcmp(fa->roll, "names") != 0)
			return N_("This session is a head count: nobody is marked by name.");
		if (strcmp(fa->day, today) > 0)
			return N_("This session has not taken place yet.");
		return NULL;
	}
	if (strcmp(fa->status, "running") != 0 && strcmp(fa->status, "completed") != 0)
		return N_("Attendance is taken only for a course running or completed: change its status first.");
	if (strcmp(fa->day, fa->first) < 0 || strcmp(fa->day, fa->last) > 0)
		return N_("This day is outside the course's dates.");
	if (strcmp(fa->day, today) > 0)
		return N_("This day has not come yet: attendance is taken on the day or after.");
	return NULL;
}

enum status roll_check(struct db *db, const struct roll_ref *ref, const char **msgid)
{
	char today[11];
	struct facts fa;
	const char *m = NULL;
	clock_today_iso(today, sizeof today);
	enum status s = facts_get(db, ref, &fa);
	if (s == ST_INVALID)
		m = N_("Give a valid day.");
	else if (s == ST_OK && (m = mark_problem(&fa, today)) != NULL)
		s = ST_INVALID;
	if (msgid)
		*msgid = m;
	return s;
}

/* The id of the mark row of person in roll fa, 0 when none. */
static long long mark_id(struct db *db, const struct facts *fa, long long person)
{
	sqlite3_stmt *st = db_stmt(db, fa->k->id);
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, fa->id);
	sqlite3_bind_int64(st, 2, person);
	if (fa->k == &kinds[ROLL_COURSE_DAY])
		db_bind_text(st, 3, fa->day);
	long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return id;
}

/* Writes the mark (now is the row as stored) and its audit row. */
static enum status write_mark(struct db *db, const struct facts *fa, const struct roll_row *now, const char *mark)
{
	bool course = fa->k == &kinds[ROLL_COURSE_DAY];
	long long id = mark_id(db, fa, now->person_id);
	const char *action = !now->mark[0] ? "create" : !mark[0] ? "delete" : "update";
	sqlite3_stmt *st = db_stmt(db, !now->mark[0] ? fa->k->ins : !mark[0] ? fa->k->del : fa->k->upd);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, fa->id);
	sqlite3_bind_int64(st, 2, now->person_id);
	if (course)
		db_bind_text(st, 3, fa->day);
	if (mark[0]) {
		db_bind_text(st, 4, mark);
		if (db_actor(db)->user_id > 0)
			sqlite3_bind_int64(st, 5, db_actor(db)->user_id);
	}
	enum status s = db_step_done(st);
	if (s != ST_OK)
		return s;
	if (!now->mark[0])
		id = sqlite3_last_insert_rowid(db_sqlite(db));
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_int(&j, fa->k->of, fa->id);
	if (course)
		jsonbuf_put_str(&j, "day", fa->day);
	jsonbuf_put_int(&j, "person_id", now->person_id);
	jsonbuf_change_str(&j, "mark", now->mark[0] ? now->mark : NULL, mark[0] ? mark : NULL);
	return audit_log(db, action, fa->k->entity, id, jsonbuf_text(&j));
}

/* A planned session where someone is marked present has taken place. */
static enum status mark_held(struct db *db, const struct facts *fa)
{
	static const char sql[] =
		"UPDATE psych_session SET status = 'held', version = version + 1 WHERE id = ?1 AND status = 'planned'";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, fa->id);
	enum status s = db_step_done(st);
	if (s != ST_OK)
		return s;
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_change_str(&j, "status", fa->status, "held");
	jsonbuf_put_str(&j, "because", "marked_present");
	return audit_log(db, "update", "psych_session", fa->id, jsonbuf_text(&j));
}

enum status roll_mark(struct db *db, const struct roll_ref *ref, struct roll_row *row, const char *mark,
                      const char **msgid, bool *changed)
{
	const char *m = NULL;
	bool held = false;
	char today[11];
	struct facts fa;
	struct roll_row now = { 0 };
	if (!mark)
		mark = "";
	clock_today_iso(today, sizeof today);
	enum status s = kind_require(db, ref, true);
	if (s == ST_OK && (s = db_begin(db)) == ST_OK) {
		if ((s = facts_read(db, ref, &fa)) == ST_INVALID)
			m = N_("Give a valid day.");
		if (s == ST_OK) {
			if (mark[0] && !vocab_has(fa.k->marks, mark))
				m = N_("Choose present, absent, excused or left early.");
			else
				m = mark_problem(&fa, today);
			if (m)
				s = ST_INVALID;
		}
		if (s == ST_OK)
			s = row_read(db, &fa, row->person_id, &now);
		bool stale = s == ST_OK
		             && (strcmp(now.mark, row->mark) != 0 || now.mark_version != row->mark_version);
		if (s == ST_OK && stale)
			s = ST_CONFLICT;   /* someone else marked this person meanwhile: show it first */
		if (s == ST_OK && strcmp(now.mark, mark) != 0) {
			s = write_mark(db, &fa, &now, mark);
			if (s == ST_OK && fa.k == &kinds[ROLL_PSYCH_SESSION] && strcmp(mark, "present") == 0
			    && strcmp(fa.status, "planned") == 0) {
				s = mark_held(db, &fa);
				held = s == ST_OK;
			}
		}
		/* Show what is stored now, whoever wrote it, read before the end of
		 * the transaction: a success shows this very mark, never one
		 * another session gave right after. */
		struct roll_row after = { 0 };
		bool reread = (s == ST_OK || s == ST_CONFLICT) && row_read(db, &fa, row->person_id, &after) == ST_OK;
		s = db_finish(db, s);
		if (reread && (s == ST_OK || s == ST_CONFLICT))
			*row = after;
	}
	if (msgid)
		*msgid = m;
	if (changed)
		*changed = s == ST_OK && held;
	return s;
}

/* ---- a trainee's rate ----------------------------------------------------------- */

enum status roll_course_rate(struct db *db, long long course, long long person, struct roll_rate *out)
{
	/* The days of the course on its UNIQUE index (course, day, person);
	 * the person's days on training_attendance_by_person. */
	static const char sql[] =
		"SELECT (SELECT count(DISTINCT day) FROM training_attendance WHERE course_id = ?1), "
		"(SELECT count(*) FROM training_attendance WHERE person_id = ?2 AND course_id = ?1 "
		"AND mark IN ('present', 'left_early'))";
	memset(out, 0, sizeof *out);
	enum status s = db_require(db, PERM_TRAINING_READ);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, course);
	sqlite3_bind_int64(st, 2, person);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->days = sqlite3_column_int(st, 0);
		out->attended = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : db_status_of(rc);
}

int roll_rate_percent(const struct roll_rate *r)
{
	if (!r || r->days <= 0)
		return -1;
	return (r->attended * 100 + r->days / 2) / r->days;
}
