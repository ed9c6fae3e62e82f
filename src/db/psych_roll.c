/* The attendance roll of a psychosocial session: the people staying at its
 * centre on its day plus anyone already marked, filtered as the facilitator
 * types, a page at a time; and marking, one person per call. Marks are one
 * row per person and session (UNIQUE (session_id, person_id)), so two
 * facilitators marking different people never touch each other's rows;
 * marking a row that changed since it was shown is refused and the row
 * read again (ST_CONFLICT).
 *
 * The filter is applied here while the rows stream by in name order: a
 * roll is at most a few thousand people, and a substring of a folded name
 * cannot use an index anyway. Only the page asked for is kept. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/psych_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/psych_session.h"

#define FILTER_WORDS 6

/* The session's facts the roll needs. */
struct roll_session {
	long long centre;
	char date[11];
	char status[12];
	char roll[8];
	int version;
};

static enum status roll_session(struct db *db, long long id, struct roll_session *out)
{
	static const char sql[] = "SELECT centre_id, date, status, roll, version FROM psych_session WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->centre = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, out->date, sizeof out->date);
		db_column_copy(st, 2, out->status, sizeof out->status);
		db_column_copy(st, 3, out->roll, sizeof out->roll);
		out->version = sqlite3_column_int(st, 4);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* The people of the roll: ?1 session, ?2 centre, ?3 day. Two branches for
 * the stays (not ended: the index stay_current; ended on or after the day)
 * and the people marked (the UNIQUE index of psych_attendance). */
#define ROLL_PEOPLE \
	"WITH r(pid) AS (SELECT person_id FROM stay WHERE centre_id = ?2 AND departed IS NULL AND admitted <= ?3 " \
	"UNION SELECT person_id FROM stay WHERE centre_id = ?2 AND departed >= ?3 AND admitted <= ?3 " \
	"UNION SELECT person_id FROM psych_attendance WHERE session_id = ?1) "

#define ROLL_COLUMNS \
	"SELECT p.id, p.case_key, p.family_name, p.given_names, p.sex, coalesce(p.birth_date, ''), " \
	"EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id AND s.centre_id = ?2 AND s.admitted <= ?3 " \
	"AND (s.departed IS NULL OR s.departed >= ?3)), coalesce(a.mark, ''), coalesce(a.version, 0), " \
	"coalesce(u.name, '') "

#define ROLL_JOINS \
	"LEFT JOIN psych_attendance a ON a.session_id = ?1 AND a.person_id = p.id " \
	"LEFT JOIN app_user u ON u.id = a.marked_by "

static void read_row(sqlite3_stmt *st, struct psych_roll_row *r)
{
	memset(r, 0, sizeof *r);
	r->person_id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, r->case_key, sizeof r->case_key);
	db_column_copy(st, 2, r->family_name, sizeof r->family_name);
	db_column_copy(st, 3, r->given_names, sizeof r->given_names);
	const unsigned char *sex = sqlite3_column_text(st, 4);
	r->sex = sex ? (char)sex[0] : '?';
	db_column_copy(st, 5, r->birth_date, sizeof r->birth_date);
	r->staying = sqlite3_column_int(st, 6) != 0;
	db_column_copy(st, 7, r->mark, sizeof r->mark);
	r->mark_version = sqlite3_column_int(st, 8);
	db_column_copy(st, 9, r->marked_by, sizeof r->marked_by);
}

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
static bool filter_match(const struct filter *f, const struct psych_roll_row *r)
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

enum status psych_roll_page(struct db *db, long long session_id, const char *filter, enum page_dir dir,
                            const struct psych_roll_row *key, int limit,
                            void (*cb)(const struct psych_roll_row *r, void *ctx), void *ctx, bool *more)
{
	static const char after[] = ROLL_PEOPLE ROLL_COLUMNS "FROM r JOIN person p ON p.id = r.pid " ROLL_JOINS
		"WHERE (p.family_name, p.given_names, p.id) > (?4, ?5, ?6) "
		"ORDER BY p.family_name, p.given_names, p.id";
	static const char before[] = ROLL_PEOPLE ROLL_COLUMNS "FROM r JOIN person p ON p.id = r.pid " ROLL_JOINS
		"WHERE (p.family_name, p.given_names, p.id) < (?4, ?5, ?6) "
		"ORDER BY p.family_name DESC, p.given_names DESC, p.id DESC";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	struct roll_session rs;
	enum status s = db_require(db, PERM_PSYCH_READ);
	if (s != ST_OK || (s = roll_session(db, session_id, &rs)) != ST_OK || limit <= 0)
		return s;
	struct filter f;
	if (!filter_make(&f, filter))
		return ST_NOMEM;
	sqlite3_stmt *st = db_stmt(db, dir == PAGE_BEFORE ? before : after);
	if (!st) {
		filter_free(&f);
		return ST_INTERNAL;
	}
	sqlite3_bind_int64(st, 1, session_id);
	sqlite3_bind_int64(st, 2, rs.centre);
	db_bind_text(st, 3, rs.date);
	/* No key: before every name ("") or after every one (U+10FFFF). */
	db_bind_text(st, 4, key ? key->family_name : dir == PAGE_BEFORE ? "\xf4\x8f\xbf\xbf" : "");
	db_bind_text(st, 5, key ? key->given_names : "");
	sqlite3_bind_int64(st, 6, key ? key->person_id : 0);
	struct psych_roll_row *rows = NULL, row;
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
		struct psych_roll_row *r = db_grow((void **)&rows, &n, &cap, sizeof *rows);
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

enum status psych_roll_count(struct db *db, long long session_id, struct psych_roll_counts *out)
{
	static const char listed[] = ROLL_PEOPLE "SELECT count(*) FROM r";
	static const char marks[] = "SELECT mark, count(*) FROM psych_attendance WHERE session_id = ?1 GROUP BY mark";
	memset(out, 0, sizeof *out);
	struct roll_session rs;
	enum status s = db_require(db, PERM_PSYCH_READ);
	if (s != ST_OK || (s = roll_session(db, session_id, &rs)) != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, listed);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, session_id);
	sqlite3_bind_int64(st, 2, rs.centre);
	db_bind_text(st, 3, rs.date);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		out->listed = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_status_of(rc);
	if (!(st = db_stmt(db, marks)))
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, session_id);
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

/* Reads the row of person in the roll of session (rs) into *row. */
static enum status row_read(struct db *db, long long session_id, const struct roll_session *rs, long long person,
                            struct psych_roll_row *row)
{
	static const char sql[] = ROLL_COLUMNS "FROM person p " ROLL_JOINS "WHERE p.id = ?4";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, session_id);
	sqlite3_bind_int64(st, 2, rs->centre);
	db_bind_text(st, 3, rs->date);
	sqlite3_bind_int64(st, 4, person);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, row);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status psych_roll_row_get(struct db *db, long long session_id, long long person, struct psych_roll_row *row)
{
	struct roll_session rs;
	enum status s = db_require(db, PERM_PSYCH_READ);
	if (s != ST_OK || (s = roll_session(db, session_id, &rs)) != ST_OK)
		return s;
	return row_read(db, session_id, &rs, person, row);
}

/* The id of the mark row of person in session, 0 when none. */
static long long mark_id(struct db *db, long long session_id, long long person)
{
	static const char sql[] = "SELECT id FROM psych_attendance WHERE session_id = ?1 AND person_id = ?2";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, session_id);
	sqlite3_bind_int64(st, 2, person);
	long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return id;
}

/* Writes the mark (now is the row as stored) and its audit row. */
static enum status write_mark(struct db *db, long long session_id, const struct psych_roll_row *now, const char *mark)
{
	static const char ins[] =
		"INSERT INTO psych_attendance (session_id, person_id, mark, marked_by) VALUES (?1, ?2, ?3, ?4)";
	static const char upd[] =
		"UPDATE psych_attendance SET mark = ?3, marked_by = ?4, version = version + 1 "
		"WHERE session_id = ?1 AND person_id = ?2";
	static const char del[] = "DELETE FROM psych_attendance WHERE session_id = ?1 AND person_id = ?2";
	long long id = mark_id(db, session_id, now->person_id);
	const char *action = !now->mark[0] ? "create" : !mark[0] ? "delete" : "update";
	sqlite3_stmt *st = db_stmt(db, !now->mark[0] ? ins : !mark[0] ? del : upd);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, session_id);
	sqlite3_bind_int64(st, 2, now->person_id);
	if (mark[0]) {
		db_bind_text(st, 3, mark);
		if (db_actor(db)->user_id > 0)
			sqlite3_bind_int64(st, 4, db_actor(db)->user_id);
	}
	enum status s = db_step_done(st);
	if (s != ST_OK)
		return s;
	if (!now->mark[0])
		id = sqlite3_last_insert_rowid(db_sqlite(db));
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_int(&j, "session_id", session_id);
	jsonbuf_put_int(&j, "person_id", now->person_id);
	jsonbuf_change_str(&j, "mark", now->mark[0] ? now->mark : NULL, mark[0] ? mark : NULL);
	return audit_log(db, action, "psych_attendance", id, jsonbuf_text(&j));
}

/* A planned session where someone is marked present has taken place. */
static enum status mark_held(struct db *db, long long session_id, const struct roll_session *rs)
{
	static const char sql[] =
		"UPDATE psych_session SET status = 'held', version = version + 1 WHERE id = ?1 AND status = 'planned'";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, session_id);
	enum status s = db_step_done(st);
	if (s != ST_OK)
		return s;
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_change_str(&j, "status", rs->status, "held");
	jsonbuf_put_str(&j, "because", "marked_present");
	return audit_log(db, "update", "psych_session", session_id, jsonbuf_text(&j));
}

/* The rules of marking session rs on today; NULL when allowed. */
static const char *mark_problem(const struct roll_session *rs, const char *mark, const char *today)
{
	if (mark[0] && !vocab_has(VOCAB_PSYCH_MARK, mark))
		return N_("Choose present, absent, excused or left early.");
	if (strcmp(rs->status, "cancelled") == 0)
		return N_("This session is cancelled: no attendance is taken.");
	if (strcmp(rs->roll, "names") != 0)
		return N_("This session is a head count: nobody is marked by name.");
	if (strcmp(rs->date, today) > 0)
		return N_("This session has not taken place yet.");
	return NULL;
}

enum status psych_roll_mark(struct db *db, long long session_id, struct psych_roll_row *row, const char *mark,
                            const char **msgid, bool *session_changed)
{
	const char *m = NULL;
	bool changed = false;
	char today[11];
	struct roll_session rs;
	struct psych_roll_row now = { 0 };
	if (!mark)
		mark = "";
	clock_today_iso(today, sizeof today);
	enum status s = db_require(db, PERM_PSYCH_WRITE);
	if (s == ST_OK && (s = db_begin(db)) == ST_OK) {
		if ((s = roll_session(db, session_id, &rs)) == ST_OK && (m = mark_problem(&rs, mark, today)) != NULL)
			s = ST_INVALID;
		if (s == ST_OK)
			s = row_read(db, session_id, &rs, row->person_id, &now);
		bool stale = s == ST_OK
		             && (strcmp(now.mark, row->mark) != 0 || now.mark_version != row->mark_version);
		if (s == ST_OK && stale)
			s = ST_CONFLICT;   /* someone else marked this person meanwhile: show it first */
		if (s == ST_OK && strcmp(now.mark, mark) != 0) {
			s = write_mark(db, session_id, &now, mark);
			if (s == ST_OK && strcmp(mark, "present") == 0 && strcmp(rs.status, "planned") == 0) {
				s = mark_held(db, session_id, &rs);
				changed = s == ST_OK;
			}
		}
		s = db_finish(db, s);
		/* Show what is stored now, whoever wrote it. */
		if ((s == ST_OK || s == ST_CONFLICT) && row_read(db, session_id, &rs, row->person_id, &now) == ST_OK)
			*row = now;
	}
	if (msgid)
		*msgid = m;
	if (session_changed)
		*session_changed = s == ST_OK && changed;
	return s;
}
