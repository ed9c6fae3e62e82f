/* Vocational training courses: the checks, saving, the status, reading one
 * and listing a centre's. Enrolment is in training_enrol.c. Reading needs
 * PERM_TRAINING_READ, writing PERM_TRAINING_WRITE; every write is one
 * transaction with its audit row, every field before and after. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/text.h"
#include "core/training_vocab.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/reflist.h"
#include "db/training.h"
#include "db/training_private.h"
#include "fields_json.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

void training_course_init(struct training_course *c, const char *centre_code, const char *start)
{
	memset(c, 0, sizeof *c);
	snprintf(c->centre_code, sizeof c->centre_code, "%s", centre_code ? centre_code : "");
	snprintf(c->start_date, sizeof c->start_date, "%s", start ? start : "");
	snprintf(c->end_date, sizeof c->end_date, "%s", start ? start : "");
	snprintf(c->status, sizeof c->status, "planned");
	snprintf(c->certificate, sizeof c->certificate, "none");
	c->capacity = 20;
}

/* The fields of a course for the audit trail: text, or an integer. */
#define TEXT(m) DB_FIELD_TEXT(struct training_course, m)
#define INT(m) DB_FIELD_INT(struct training_course, m)
#define ID(m) DB_FIELD_ID(struct training_course, m)
static const struct db_field fields[] = {
	TEXT(centre_code), ID(trade_id), TEXT(title), ID(provider_id), TEXT(provider_name), TEXT(start_date),
	TEXT(end_date), INT(hours), INT(capacity), INT(reserved_community), TEXT(certificate), TEXT(status),
	TEXT(cancel_reason),
};



bool training_text_fits(const char *s, size_t size, int chars)
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

bool training_has_content(const char *s)
{
	for (; *s; s++)
		if (*s != ' ')
			return true;
	return false;
}

const char *training_about(const char **field, const char *name, const char *msgid)
{
	if (field)
		*field = name;
	return msgid;
}
#define about training_about

/* The rules that need no database. */
static const char *problem(const struct training_course *c, const char **field)
{
	if (!training_text_fits(c->centre_code, sizeof c->centre_code, 4))
		return about(field, "centre_code", N_("Choose the centre."));
	if (!training_text_fits(c->title, sizeof c->title, 80))
		return about(field, "title", N_("The title is too long (80 characters at most)."));
	if (!training_has_content(c->title))
		return about(field, "title", N_("Give the course a title."));
	if (c->provider_id < 0)
		return about(field, "provider_id", N_("Choose the partner organisation."));
	if (!training_text_fits(c->provider_name, sizeof c->provider_name, 80))
		return about(field, "provider_name", N_("The name is too long (80 characters at most)."));
	if (c->provider_id > 0 && c->provider_name[0])
		return about(field, "provider_name", N_("A partner organisation or a provider's name, not both."));
	if (!memchr(c->start_date, '\0', sizeof c->start_date) || !date_is_day(c->start_date))
		return about(field, "start_date", N_("The start is not a valid day."));
	if (!memchr(c->end_date, '\0', sizeof c->end_date) || !date_is_day(c->end_date))
		return about(field, "end_date", N_("The end is not a valid day."));
	if (strcmp(c->end_date, c->start_date) < 0)
		return about(field, "end_date", N_("The course cannot end before it starts."));
	if (c->hours < 0 || c->hours > TRAINING_HOURS_MAX)
		return about(field, "hours", N_("The hours are a number from 1 to 9999 (or none)."));
	if (c->capacity < 1 || c->capacity > TRAINING_CAPACITY_MAX)
		return about(field, "capacity", N_("The capacity is a number of places from 1 to 999."));
	if (c->reserved_community < 0 || c->reserved_community > c->capacity)
		return about(field, "reserved_community",
		             N_("The places kept for community members cannot be more than the capacity."));
	if (!memchr(c->certificate, '\0', sizeof c->certificate) || !vocab_has(VOCAB_TRAINING_CERTIFICATE, c->certificate))
		return about(field, "certificate", N_("Choose the certificate given."));
	if (!memchr(c->status, '\0', sizeof c->status) || !vocab_has(VOCAB_TRAINING_COURSE_STATUS, c->status))
		return about(field, "status", N_("Choose the status."));
	if (!training_text_fits(c->cancel_reason, sizeof c->cancel_reason, 200))
		return about(field, "cancel_reason", N_("The reason is too long (200 characters at most)."));
	bool cancelled = strcmp(c->status, "cancelled") == 0;
	if (cancelled && !training_has_content(c->cancel_reason))
		return about(field, "cancel_reason", N_("Say why the course is cancelled."));
	if (!cancelled && c->cancel_reason[0])
		return about(field, "cancel_reason", N_("A reason only for a cancelled course."));
	return NULL;
}

/* True when id is an item of list, active or equal to current. */
static enum status ref_ok(struct db *db, long long id, const char *list, long long current, bool *ok)
{
	static const char sql[] = "SELECT list, active FROM ref_item WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	*ok = false;
	if (rc == SQLITE_ROW) {
		const char *got = (const char *)sqlite3_column_text(st, 0);
		*ok = got && strcmp(got, list) == 0 && (sqlite3_column_int(st, 1) == 1 || id == current);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

#define COURSE_SELECT \
	"SELECT c.id, ce.code, c.trade_id, c.title, coalesce(c.provider_id, 0), c.provider_name, c.start_date, " \
	"c.end_date, coalesce(c.hours, 0), c.capacity, c.reserved_community, c.certificate, c.status, " \
	"c.cancel_reason, c.version, " \
	"(SELECT count(*) FROM training_enrolment e WHERE e.course_id = c.id " \
	"AND e.status IN ('selected', 'enrolled', 'completed', 'certified')), " \
	"(SELECT count(*) FROM training_enrolment e WHERE e.course_id = c.id AND e.status = 'waiting') " \
	"FROM training_course c JOIN centre ce ON ce.id = c.centre_id "

static void read_course(sqlite3_stmt *st, struct training_course *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, c->centre_code, sizeof c->centre_code);
	c->trade_id = sqlite3_column_int64(st, 2);
	db_column_copy(st, 3, c->title, sizeof c->title);
	c->provider_id = sqlite3_column_int64(st, 4);
	db_column_copy(st, 5, c->provider_name, sizeof c->provider_name);
	db_column_copy(st, 6, c->start_date, sizeof c->start_date);
	db_column_copy(st, 7, c->end_date, sizeof c->end_date);
	c->hours = sqlite3_column_int(st, 8);
	c->capacity = sqlite3_column_int(st, 9);
	c->reserved_community = sqlite3_column_int(st, 10);
	db_column_copy(st, 11, c->certificate, sizeof c->certificate);
	db_column_copy(st, 12, c->status, sizeof c->status);
	db_column_copy(st, 13, c->cancel_reason, sizeof c->cancel_reason);
	c->version = sqlite3_column_int(st, 14);
	c->taken = sqlite3_column_int(st, 15);
	c->waiting = sqlite3_column_int(st, 16);
}

enum status training_course_read(struct db *db, long long id, struct training_course *c)
{
	static const char sql[] = COURSE_SELECT "WHERE c.id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_course(st, c);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* The checks against the database; stored is the course as saved (NULL
 * for a new one). */
static enum status check_refs(struct db *db, const struct training_course *c, const struct training_course *stored,
                              const char **m, const char **field)
{
	bool ok = false;
	enum status st;
	if (!db_centre_id(db, c->centre_code)) {
		*m = about(field, "centre_code", N_("Choose the centre."));
		return ST_INVALID;
	}
	if ((st = ref_ok(db, c->trade_id, REFLIST_TRAINING_TRADE, stored ? stored->trade_id : 0, &ok)) != ST_OK)
		return st;
	if (!ok) {
		*m = about(field, "trade_id", N_("Choose the trade."));
		return ST_INVALID;
	}
	if (c->provider_id) {
		if ((st = ref_ok(db, c->provider_id, REFLIST_PARTNER, stored ? stored->provider_id : 0, &ok)) != ST_OK)
			return st;
		if (!ok) {
			*m = about(field, "provider_id", N_("Choose the partner organisation."));
			return ST_INVALID;
		}
	}
	if (stored && c->capacity < stored->taken) {
		*m = about(field, "capacity", N_("More people hold a place than this capacity."));
		return ST_INVALID;
	}
	return ST_OK;
}

enum status training_course_check(struct db *db, const struct training_course *c, const char **msgid,
                                  const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status st = db_require(db, PERM_TRAINING_READ);
	struct training_course stored;
	if (st != ST_OK)
		;
	else if ((m = problem(c, &f)) != NULL)
		st = ST_INVALID;
	else if (c->id && (st = training_course_read(db, c->id, &stored)) != ST_OK)
		;
	else
		st = check_refs(db, c, c->id ? &stored : NULL, &m, &f);
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return st;
}

/* Binds the columns of c to ?2..?13 (the centre's id to ?2). */
static void bind_course(sqlite3_stmt *st, const struct training_course *c, long long centre)
{
	sqlite3_bind_int64(st, 2, centre);
	sqlite3_bind_int64(st, 3, c->trade_id);
	db_bind_text(st, 4, c->title);
	if (c->provider_id)
		sqlite3_bind_int64(st, 5, c->provider_id);
	db_bind_text(st, 6, c->provider_name);
	db_bind_text(st, 7, c->start_date);
	db_bind_text(st, 8, c->end_date);
	if (c->hours)
		sqlite3_bind_int(st, 9, c->hours);
	sqlite3_bind_int(st, 10, c->capacity);
	sqlite3_bind_int(st, 11, c->reserved_community);
	db_bind_text(st, 12, c->certificate);
	db_bind_text(st, 13, c->status);
	db_bind_text(st, 14, c->cancel_reason);
}

static enum status course_insert(struct db *db, struct training_course *c, long long centre)
{
	static const char sql[] =
		"INSERT INTO training_course (centre_id, trade_id, title, provider_id, provider_name, start_date, "
		"end_date, hours, capacity, reserved_community, certificate, status, cancel_reason, created_by) "
		"VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?1)";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	const struct db_actor *a = db_actor(db);
	if (a->user_id > 0)
		sqlite3_bind_int64(st, 1, a->user_id);
	bind_course(st, c, centre);
	enum status r = db_step_done(st);
	if (r != ST_OK)
		return r;
	c->id = sqlite3_last_insert_rowid(db_sqlite(db));
	c->version = 1;
	return ST_OK;
}

static enum status course_update(struct db *db, struct training_course *c, long long centre)
{
	static const char sql[] =
		"UPDATE training_course SET centre_id = ?2, trade_id = ?3, title = ?4, provider_id = ?5, "
		"provider_name = ?6, start_date = ?7, end_date = ?8, hours = ?9, capacity = ?10, "
		"reserved_community = ?11, certificate = ?12, status = ?13, cancel_reason = ?14, "
		"version = version + 1 WHERE id = ?1 AND version = ?15";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, c->id);
	bind_course(st, c, centre);
	sqlite3_bind_int(st, 15, c->version);
	enum status r = db_step_done(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r == ST_OK)
		c->version++;
	return r;
}

/* Saves c inside the open transaction, with its audit row. */
static enum status course_write(struct db *db, struct training_course *c, const char **m, const char **f)
{
	struct training_course before;
	bool is_new = c->id == 0;
	enum status r;
	if (!is_new) {
		if ((r = training_course_read(db, c->id, &before)) != ST_OK)
			return r;
		if (before.version != c->version)
			return ST_CONFLICT;
	}
	if ((r = training_course_check(db, c, m, f)) != ST_OK)
		return r;
	long long centre = db_centre_id(db, c->centre_code);
	r = is_new ? course_insert(db, c, centre) : course_update(db, c, centre);
	if (r != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	db_fields_json(&j, fields, COUNT(fields), is_new ? NULL : &before, c);
	return audit_log(db, is_new ? "create" : "update", "training_course", c->id, jsonbuf_text(&j));
}

enum status training_course_save(struct db *db, struct training_course *c, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_TRAINING_WRITE);
	long long id = c->id;
	int version = c->version;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		r = db_finish(db, course_write(db, c, &m, &f));
		if (r != ST_OK) {
			c->id = id;
			c->version = version;
		}
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

enum status training_course_set_status(struct db *db, long long id, int *version, const char *status,
                                       const char *reason, const char **msgid)
{
	const char *m = NULL;
	enum status r = db_require(db, PERM_TRAINING_WRITE);
	struct training_course c;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		if ((r = training_course_read(db, id, &c)) == ST_OK && c.version != *version)
			r = ST_CONFLICT;
		if (r == ST_OK) {
			snprintf(c.status, sizeof c.status, "%s", status ? status : "");
			bool cancelled = strcmp(c.status, "cancelled") == 0;
			if (cancelled && reason && strlen(reason) >= sizeof c.cancel_reason) {
				m = N_("The reason is too long (200 characters at most).");
				r = ST_INVALID;
			} else {
				snprintf(c.cancel_reason, sizeof c.cancel_reason, "%s", cancelled && reason ? reason : "");
				r = course_write(db, &c, &m, NULL);
			}
		}
		if ((r = db_finish(db, r)) == ST_OK)
			*version = c.version;
	}
	if (msgid)
		*msgid = m;
	return r;
}

enum status training_course_get(struct db *db, long long id, struct training_course *c)
{
	enum status r = db_require(db, PERM_TRAINING_READ);
	return r != ST_OK ? r : training_course_read(db, id, c);
}

enum status training_course_list(struct db *db, const char *centre_code, enum page_dir dir,
                                 const struct training_course *key, int limit,
                                 void (*cb)(const struct training_course *c, void *ctx), void *ctx, bool *more)
{
	/* Newest first: (start date, id) descending, on the index (centre, start). */
	static const char after[] = COURSE_SELECT
		"WHERE c.centre_id = ?1 AND (c.start_date, c.id) < (?2, ?3) "
		"ORDER BY c.start_date DESC, c.id DESC LIMIT ?4";
	static const char before[] = COURSE_SELECT
		"WHERE c.centre_id = ?1 AND (c.start_date, c.id) > (?2, ?3) "
		"ORDER BY c.start_date, c.id LIMIT ?4";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_TRAINING_READ);
	if (r != ST_OK)
		return r;
	long long centre = db_centre_id(db, centre_code ? centre_code : "");
	if (!centre)
		return ST_NOT_FOUND;
	if (limit <= 0)
		return ST_OK;
	sqlite3_stmt *st = db_stmt(db, dir == PAGE_BEFORE ? before : after);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, centre);
	db_bind_text(st, 2, key ? key->start_date : dir == PAGE_BEFORE ? "" : "~");
	sqlite3_bind_int64(st, 3, key ? key->id : 0);
	sqlite3_bind_int(st, 4, limit + 1);
	struct training_course *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct training_course *c = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!c) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_course(st, c);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(rows);
		return db_status_of(rc);
	}
	for (size_t i = 0; cb && i < n; i++)
		cb(&rows[dir == PAGE_BEFORE ? n - 1 - i : i], ctx);
	free(rows);
	return ST_OK;
}
