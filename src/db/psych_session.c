/* Psychosocial sessions and activities: the checks, saving, the status,
 * reading one and listing a centre's. The attendance roll is in
 * psych_roll.c. Reading needs PERM_PSYCH_READ, writing PERM_PSYCH_WRITE;
 * every write is one transaction with its audit row, every field before
 * and after. */
#include <stddef.h>
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
#include "db/psych_session.h"
#include "db/reflist.h"
#include "fields_json.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

void psych_session_init(struct psych_session *s, const char *centre_code, const char *date)
{
	memset(s, 0, sizeof *s);
	snprintf(s->centre_code, sizeof s->centre_code, "%s", centre_code ? centre_code : "");
	snprintf(s->date, sizeof s->date, "%s", date ? date : "");
	snprintf(s->status, sizeof s->status, "planned");
	snprintf(s->roll, sizeof s->roll, "names");
	s->count_boys = s->count_girls = s->count_men = s->count_women = PSYCH_COUNT_NONE;
}

/* The fields of a session for the audit trail: text, or an integer. */
#define TEXT(m) DB_FIELD_TEXT(struct psych_session, m)
#define INT(m) DB_FIELD_INT(struct psych_session, m)
#define ID(m) DB_FIELD_ID(struct psych_session, m)
static const struct db_field fields[] = {
	TEXT(centre_code), ID(activity_id), TEXT(title), TEXT(date), TEXT(start_time), TEXT(end_time),
	ID(facilitator_id), TEXT(facilitator_name), ID(partner_id), TEXT(place), TEXT(status),
	TEXT(cancel_reason), TEXT(roll), INT(count_boys), INT(count_girls), INT(count_men), INT(count_women),
};



/* True when s ends inside size bytes, is valid UTF-8, has at most chars
 * characters and no control characters. */
static bool text_fits(const char *s, size_t size, int chars)
{
	if (!memchr(s, '\0', size) || !text_valid_utf8(s))
		return false;
	int n = 0;
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (*c < 0x20 || *c == 0x7f)
			return false;
		if ((*c & 0xc0) != 0x80)
			n++;
	}
	return n <= chars;
}

/* True for "HH:MM" from 00:00 to 23:59. */
static bool time_ok(const char *t)
{
	return strlen(t) == 5 && t[0] >= '0' && t[0] <= '2' && t[1] >= '0' && t[1] <= '9' && t[2] == ':'
	       && t[3] >= '0' && t[3] <= '5' && t[4] >= '0' && t[4] <= '9' && (t[0] < '2' || t[1] <= '3');
}

static bool count_ok(int c, bool counted)
{
	return c == PSYCH_COUNT_NONE || (counted && c >= 0 && c <= PSYCH_COUNT_MAX);
}

/* True when s holds something other than spaces. */
static bool has_content(const char *s)
{
	for (; *s; s++)
		if (*s != ' ')
			return true;
	return false;
}

static const char *about(const char **field, const char *name, const char *msgid)
{
	if (field)
		*field = name;
	return msgid;
}

/* The rules that need no database. */
static const char *problem(const struct psych_session *s, const char **field)
{
	if (!text_fits(s->centre_code, sizeof s->centre_code, 4))
		return about(field, "centre_code", N_("Choose the centre."));
	if (!text_fits(s->title, sizeof s->title, 80))
		return about(field, "title", N_("The title is too long (80 characters at most)."));
	if (!date_is_day(s->date))
		return about(field, "date", N_("The date is not a valid day."));
	if (!memchr(s->start_time, '\0', sizeof s->start_time) || (s->start_time[0] && !time_ok(s->start_time)))
		return about(field, "start_time", N_("Write the time as HH:MM, e.g. 09:30."));
	if (!memchr(s->end_time, '\0', sizeof s->end_time) || (s->end_time[0] && !time_ok(s->end_time)))
		return about(field, "end_time", N_("Write the time as HH:MM, e.g. 09:30."));
	if (s->end_time[0] && !s->start_time[0])
		return about(field, "start_time", N_("Give the start time with the end time."));
	if (s->end_time[0] && strcmp(s->end_time, s->start_time) <= 0)
		return about(field, "end_time", N_("The end must be after the start."));
	if (!text_fits(s->facilitator_name, sizeof s->facilitator_name, 80))
		return about(field, "facilitator_name", N_("The name is too long (80 characters at most)."));
	if (s->facilitator_id < 0 || (s->facilitator_id > 0 && s->facilitator_name[0]))
		return about(field, "facilitator_name", N_("A staff account or a partner's staff name, not both."));
	if (s->partner_id < 0)
		return about(field, "partner_id", N_("Choose the partner organisation."));
	if (!text_fits(s->place, sizeof s->place, 80))
		return about(field, "place", N_("The place is too long (80 characters at most)."));
	if (!memchr(s->status, '\0', sizeof s->status) || !vocab_has(VOCAB_PSYCH_STATUS, s->status))
		return about(field, "status", N_("Choose the status."));
	if (!text_fits(s->cancel_reason, sizeof s->cancel_reason, 200))
		return about(field, "cancel_reason", N_("The reason is too long (200 characters at most)."));
	bool cancelled = strcmp(s->status, "cancelled") == 0;
	if (cancelled && !has_content(s->cancel_reason))
		return about(field, "cancel_reason", N_("Say why the session is cancelled."));
	if (!cancelled && s->cancel_reason[0])
		return about(field, "cancel_reason", N_("A reason only for a cancelled session."));
	if (!memchr(s->roll, '\0', sizeof s->roll) || !vocab_has(VOCAB_PSYCH_ROLL, s->roll))
		return about(field, "roll", N_("Choose how attendance is taken."));
	bool counted = strcmp(s->roll, "count") == 0;
	if (!count_ok(s->count_boys, counted))
		return about(field, "count_boys", N_("A head count is a number from 0 to 9999."));
	if (!count_ok(s->count_girls, counted))
		return about(field, "count_girls", N_("A head count is a number from 0 to 9999."));
	if (!count_ok(s->count_men, counted))
		return about(field, "count_men", N_("A head count is a number from 0 to 9999."));
	if (!count_ok(s->count_women, counted))
		return about(field, "count_women", N_("A head count is a number from 0 to 9999."));
	return NULL;
}

/* The list and active flag of ref item id; ST_NOT_FOUND when none. */
static enum status ref_item_state(struct db *db, long long id, char *list, size_t size, bool *active)
{
	static const char sql[] = "SELECT list, active FROM ref_item WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 0, list, size);
		*active = sqlite3_column_int(st, 1) == 1;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* True when id is an item of list, active or equal to current. */
static enum status ref_ok(struct db *db, long long id, const char *list, long long current, bool *ok)
{
	char got[32];
	bool active = false;
	enum status s = ref_item_state(db, id, got, sizeof got, &active);
	*ok = s == ST_OK && strcmp(got, list) == 0 && (active || id == current);
	return s == ST_NOT_FOUND ? ST_OK : s;
}

static enum status user_exists(struct db *db, long long id, bool *ok)
{
	static const char sql[] = "SELECT 1 FROM app_user WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	*ok = rc == SQLITE_ROW;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

#define SESSION_SELECT \
	"SELECT s.id, ce.code, s.activity_id, s.title, s.date, coalesce(s.start_time, ''), " \
	"coalesce(s.end_time, ''), coalesce(s.facilitator_id, 0), s.facilitator_name, coalesce(s.partner_id, 0), " \
	"s.place, s.status, s.cancel_reason, s.roll, coalesce(s.count_boys, -1), coalesce(s.count_girls, -1), " \
	"coalesce(s.count_men, -1), coalesce(s.count_women, -1), s.version, coalesce(u.name, ''), " \
	"(SELECT count(*) FROM psych_attendance a WHERE a.session_id = s.id AND a.mark IN ('present', 'left_early')), " \
	"(SELECT count(*) FROM psych_attendance a WHERE a.session_id = s.id) " \
	"FROM psych_session s JOIN centre ce ON ce.id = s.centre_id LEFT JOIN app_user u ON u.id = s.facilitator_id "

static void read_session(sqlite3_stmt *st, struct psych_session *s)
{
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, s->centre_code, sizeof s->centre_code);
	s->activity_id = sqlite3_column_int64(st, 2);
	db_column_copy(st, 3, s->title, sizeof s->title);
	db_column_copy(st, 4, s->date, sizeof s->date);
	db_column_copy(st, 5, s->start_time, sizeof s->start_time);
	db_column_copy(st, 6, s->end_time, sizeof s->end_time);
	s->facilitator_id = sqlite3_column_int64(st, 7);
	db_column_copy(st, 8, s->facilitator_name, sizeof s->facilitator_name);
	s->partner_id = sqlite3_column_int64(st, 9);
	db_column_copy(st, 10, s->place, sizeof s->place);
	db_column_copy(st, 11, s->status, sizeof s->status);
	db_column_copy(st, 12, s->cancel_reason, sizeof s->cancel_reason);
	db_column_copy(st, 13, s->roll, sizeof s->roll);
	s->count_boys = sqlite3_column_int(st, 14);
	s->count_girls = sqlite3_column_int(st, 15);
	s->count_men = sqlite3_column_int(st, 16);
	s->count_women = sqlite3_column_int(st, 17);
	s->version = sqlite3_column_int(st, 18);
	db_column_copy(st, 19, s->facilitator_account, sizeof s->facilitator_account);
	s->present = sqlite3_column_int(st, 20);
	s->marked = sqlite3_column_int(st, 21);
}

static enum status session_read(struct db *db, long long id, struct psych_session *s)
{
	static const char sql[] = SESSION_SELECT "WHERE s.id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_session(st, s);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* The checks against the database; stored is the session as saved (NULL
 * for a new one). */
static enum status check_refs(struct db *db, const struct psych_session *s, const struct psych_session *stored,
                              const char **m, const char **field)
{
	bool ok = false;
	enum status st;
	if (!db_centre_id(db, s->centre_code)) {
		*m = about(field, "centre_code", N_("Choose the centre."));
		return ST_INVALID;
	}
	if ((st = ref_ok(db, s->activity_id, REFLIST_PSYCH_ACTIVITY, stored ? stored->activity_id : 0, &ok)) != ST_OK)
		return st;
	if (!ok) {
		*m = about(field, "activity_id", N_("Choose the activity."));
		return ST_INVALID;
	}
	if (s->partner_id) {
		if ((st = ref_ok(db, s->partner_id, REFLIST_PARTNER, stored ? stored->partner_id : 0, &ok)) != ST_OK)
			return st;
		if (!ok) {
			*m = about(field, "partner_id", N_("Choose the partner organisation."));
			return ST_INVALID;
		}
	}
	if (s->facilitator_id) {
		if ((st = user_exists(db, s->facilitator_id, &ok)) != ST_OK)
			return st;
		if (!ok) {
			*m = about(field, "facilitator_id", N_("Choose the facilitator."));
			return ST_INVALID;
		}
	}
	return ST_OK;
}

enum status psych_session_check(struct db *db, const struct psych_session *s, const char **msgid,
                                const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status st = ST_OK;
	struct psych_session stored;
	if ((m = problem(s, &f)) != NULL)
		st = ST_INVALID;
	else if (s->id && (st = session_read(db, s->id, &stored)) != ST_OK)
		;
	else
		st = check_refs(db, s, s->id ? &stored : NULL, &m, &f);
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return st;
}

/* Binds the columns of s to ?2..?18 (the centre's id to ?2). */
static void bind_session(sqlite3_stmt *st, const struct psych_session *s, long long centre)
{
	sqlite3_bind_int64(st, 2, centre);
	sqlite3_bind_int64(st, 3, s->activity_id);
	db_bind_text(st, 4, s->title);
	db_bind_text(st, 5, s->date);
	db_bind_opt(st, 6, s->start_time);
	db_bind_opt(st, 7, s->end_time);
	if (s->facilitator_id)
		sqlite3_bind_int64(st, 8, s->facilitator_id);
	db_bind_text(st, 9, s->facilitator_name);
	if (s->partner_id)
		sqlite3_bind_int64(st, 10, s->partner_id);
	db_bind_text(st, 11, s->place);
	db_bind_text(st, 12, s->status);
	db_bind_text(st, 13, s->cancel_reason);
	db_bind_text(st, 14, s->roll);
	const int counts[4] = { s->count_boys, s->count_girls, s->count_men, s->count_women };
	for (int i = 0; i < 4; i++)
		if (counts[i] != PSYCH_COUNT_NONE)
			sqlite3_bind_int(st, 15 + i, counts[i]);
}

static enum status session_insert(struct db *db, struct psych_session *s, long long centre)
{
	static const char sql[] =
		"INSERT INTO psych_session (centre_id, activity_id, title, date, start_time, end_time, facilitator_id, "
		"facilitator_name, partner_id, place, status, cancel_reason, roll, count_boys, count_girls, count_men, "
		"count_women, created_by) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
		"?18, ?1)";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	const struct db_actor *a = db_actor(db);
	if (a->user_id > 0)
		sqlite3_bind_int64(st, 1, a->user_id);
	bind_session(st, s, centre);
	enum status r = db_step_done(st);
	if (r != ST_OK)
		return r;
	s->id = sqlite3_last_insert_rowid(db_sqlite(db));
	s->version = 1;
	return ST_OK;
}

static enum status session_update(struct db *db, struct psych_session *s, long long centre)
{
	static const char sql[] =
		"UPDATE psych_session SET centre_id = ?2, activity_id = ?3, title = ?4, date = ?5, start_time = ?6, "
		"end_time = ?7, facilitator_id = ?8, facilitator_name = ?9, partner_id = ?10, place = ?11, status = ?12, "
		"cancel_reason = ?13, roll = ?14, count_boys = ?15, count_girls = ?16, count_men = ?17, "
		"count_women = ?18, version = version + 1 WHERE id = ?1 AND version = ?19";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, s->id);
	bind_session(st, s, centre);
	sqlite3_bind_int(st, 19, s->version);
	enum status r = db_step_done(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r == ST_OK)
		s->version++;
	return r;
}

/* Saves s inside the open transaction, with its audit row. */
static enum status session_write(struct db *db, struct psych_session *s, const char **m, const char **f)
{
	struct psych_session before;
	bool is_new = s->id == 0;
	enum status r;
	if ((r = psych_session_check(db, s, m, f)) != ST_OK)
		return r;
	if (!is_new) {
		if ((r = session_read(db, s->id, &before)) != ST_OK)
			return r;
		if (before.version != s->version)
			return ST_CONFLICT;
		if (strcmp(s->roll, "names") != 0 && before.marked > 0) {
			*m = about(f, "roll", N_("People are marked by name: the roll stays by name."));
			return ST_INVALID;
		}
	}
	long long centre = db_centre_id(db, s->centre_code);
	r = is_new ? session_insert(db, s, centre) : session_update(db, s, centre);
	if (r != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	db_fields_json(&j, fields, COUNT(fields), is_new ? NULL : &before, s);
	return audit_log(db, is_new ? "create" : "update", "psych_session", s->id, jsonbuf_text(&j));
}

enum status psych_session_save(struct db *db, struct psych_session *s, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_PSYCH_WRITE);
	long long id = s->id;
	int version = s->version;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		r = db_finish(db, session_write(db, s, &m, &f));
		if (r != ST_OK) {
			s->id = id;
			s->version = version;
		}
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

enum status psych_session_set_status(struct db *db, long long id, int *version, const char *status,
                                     const char *reason, const char **msgid)
{
	const char *m = NULL;
	enum status r = db_require(db, PERM_PSYCH_WRITE);
	struct psych_session s;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		if ((r = session_read(db, id, &s)) == ST_OK && s.version != *version)
			r = ST_CONFLICT;
		if (r == ST_OK) {
			snprintf(s.status, sizeof s.status, "%s", status ? status : "");
			bool cancelled = strcmp(s.status, "cancelled") == 0;
			snprintf(s.cancel_reason, sizeof s.cancel_reason, "%s", cancelled && reason ? reason : "");
			if (cancelled && reason && strlen(reason) >= sizeof s.cancel_reason) {
				m = N_("The reason is too long (200 characters at most).");
				r = ST_INVALID;
			} else {
				r = session_write(db, &s, &m, NULL);
			}
		}
		if ((r = db_finish(db, r)) == ST_OK)
			*version = s.version;
	}
	if (msgid)
		*msgid = m;
	return r;
}

enum status psych_session_get(struct db *db, long long id, struct psych_session *s)
{
	enum status r = db_require(db, PERM_PSYCH_READ);
	return r != ST_OK ? r : session_read(db, id, s);
}

/* Collects rows of st into a page: at most limit, then *more. */
static enum status collect(sqlite3_stmt *st, int limit, struct psych_session **rows, size_t *n, bool *more)
{
	size_t cap = 0;
	int rc;
	*more = false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)*n == limit) {
			*more = true;
			break;
		}
		struct psych_session *s = db_grow((void **)rows, n, &cap, sizeof **rows);
		if (!s) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_session(st, s);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* Calls cb for rows (reversed when reverse), then frees them. */
static void deliver(struct psych_session *rows, size_t n, bool reverse,
                    void (*cb)(const struct psych_session *s, void *ctx), void *ctx)
{
	for (size_t i = 0; cb && i < n; i++)
		cb(&rows[reverse ? n - 1 - i : i], ctx);
	free(rows);
}

enum status psych_session_list(struct db *db, const char *centre_code, const char *day, enum page_dir dir,
                               const struct psych_session *key, int limit,
                               void (*cb)(const struct psych_session *s, void *ctx), void *ctx, bool *more)
{
	/* Newest first: (date, start time, id) descending. The dates are
	 * bounded (?2..?3) so that the index on (centre, date) seeks. */
	static const char after[] = SESSION_SELECT
		"WHERE s.centre_id = ?1 AND s.date >= ?2 AND s.date <= ?3 "
		"AND (s.date, coalesce(s.start_time, ''), s.id) < (?4, ?5, ?6) "
		"ORDER BY s.date DESC, coalesce(s.start_time, '') DESC, s.id DESC LIMIT ?7";
	static const char before[] = SESSION_SELECT
		"WHERE s.centre_id = ?1 AND s.date >= ?2 AND s.date <= ?3 "
		"AND (s.date, coalesce(s.start_time, ''), s.id) > (?4, ?5, ?6) "
		"ORDER BY s.date, coalesce(s.start_time, ''), s.id LIMIT ?7";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_PSYCH_READ);
	if (r != ST_OK)
		return r;
	long long centre = db_centre_id(db, centre_code ? centre_code : "");
	if (!centre)
		return ST_NOT_FOUND;
	if (limit <= 0)
		return ST_OK;
	bool one_day = day && date_is_day(day);
	char lo[11], hi[11];
	snprintf(lo, sizeof lo, "%s", one_day ? day : "0000-00-00");
	snprintf(hi, sizeof hi, "%s", one_day ? day : "9999-99-99");
	if (key && dir == PAGE_AFTER && strcmp(key->date, hi) < 0)
		snprintf(hi, sizeof hi, "%s", key->date);
	if (key && dir == PAGE_BEFORE && strcmp(key->date, lo) > 0)
		snprintf(lo, sizeof lo, "%s", key->date);
	sqlite3_stmt *st = db_stmt(db, dir == PAGE_BEFORE ? before : after);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, centre);
	db_bind_text(st, 2, lo);
	db_bind_text(st, 3, hi);
	/* No key: beyond every row in the direction of reading. */
	db_bind_text(st, 4, key ? key->date : dir == PAGE_BEFORE ? "" : "~");
	db_bind_text(st, 5, key ? key->start_time : "");
	sqlite3_bind_int64(st, 6, key ? key->id : 0);
	sqlite3_bind_int(st, 7, limit + 1);
	struct psych_session *rows = NULL;
	size_t n = 0;
	r = collect(st, limit, &rows, &n, more);
	if (r != ST_OK) {
		free(rows);
		return r;
	}
	deliver(rows, n, dir == PAGE_BEFORE, cb, ctx);
	return ST_OK;
}

enum status psych_sessions_today(struct db *db, int limit, void (*cb)(const struct psych_session *s, void *ctx),
                                 void *ctx, bool *more)
{
	static const char sql[] = SESSION_SELECT
		"WHERE s.centre_id = (SELECT centre_id FROM app_user WHERE id = ?1) AND s.date = ?2 "
		"AND s.status <> 'cancelled' AND s.roll = 'names' "
		"ORDER BY s.date, coalesce(s.start_time, ''), s.id LIMIT ?3";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_PSYCH_WRITE);
	if (r != ST_OK || limit <= 0)
		return r;
	char today[11];
	clock_today_iso(today, sizeof today);
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, db_actor(db)->user_id);
	db_bind_text(st, 2, today);
	sqlite3_bind_int(st, 3, limit + 1);
	struct psych_session *rows = NULL;
	size_t n = 0;
	if ((r = collect(st, limit, &rows, &n, more)) != ST_OK) {
		free(rows);
		return r;
	}
	deliver(rows, n, false, cb, ctx);
	return ST_OK;
}
