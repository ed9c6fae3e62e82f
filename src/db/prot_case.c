/* Protection cases: the checks, opening and saving, closing and
 * transferring, reading one (audited). Concerns and actions are in
 * prot_action.c, the lists in prot_case_list.c. Reading needs
 * PERM_PROTECTION_READ, writing PERM_PROTECTION_WRITE; every write is one
 * transaction with its audit row, every field before and after. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/prot_case.h"
#include "fields_json.h"
#include "prot_case_private.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define about prot_about

bool prot_text_fits(const char *s, size_t size, int chars, bool lines)
{
	if (!memchr(s, '\0', size) || !text_valid_utf8(s))
		return false;
	int n = 0;
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if ((*c < 0x20 && !(lines && *c == '\n')) || *c == 0x7f)
			return false;
		if ((*c & 0xc0) != 0x80)
			n++;
	}
	return n <= chars;
}

const char *prot_about(const char **field, const char *name, const char *msgid)
{
	if (field)
		*field = name;
	return msgid;
}

bool prot_day_ok(const char *day, size_t size)
{
	return day && memchr(day, '\0', size) && date_is_day(day);
}

void prot_case_init(struct prot_case *c, long long person, const char *centre_code, long long caseworker,
                    const char *day)
{
	memset(c, 0, sizeof *c);
	c->person_id = person;
	snprintf(c->centre_code, sizeof c->centre_code, "%s", centre_code ? centre_code : "");
	snprintf(c->opened, sizeof c->opened, "%s", day ? day : "");
	snprintf(c->risk, sizeof c->risk, "medium");
	c->caseworker_id = caseworker;
	snprintf(c->status, sizeof c->status, "open");
}

#define F_TEXT(m) DB_FIELD_TEXT(struct prot_case, m)
#define F_ID(m) DB_FIELD_ID(struct prot_case, m)
static const struct db_field fields[] = {
	F_ID(person_id), F_TEXT(centre_code), F_TEXT(opened), F_TEXT(risk), F_ID(caseworker_id), F_TEXT(status),
	F_TEXT(close_reason), F_TEXT(closed_date), F_TEXT(transferred_to), F_TEXT(summary),
};

const char *prot_case_problem(const struct prot_case *c, const char **field)
{
	if (!prot_text_fits(c->centre_code, sizeof c->centre_code, 4, false) || !c->centre_code[0])
		return about(field, "centre_code", N_("Choose the centre."));
	if (!prot_day_ok(c->opened, sizeof c->opened))
		return about(field, "opened", N_("The opening day is not a valid day."));
	char today[11];
	clock_today_iso(today, sizeof today);
	if (strcmp(c->opened, today) > 0)
		return about(field, "opened", N_("The opening day cannot be in the future."));
	if (!memchr(c->risk, '\0', sizeof c->risk) || !vocab_has(VOCAB_PROT_RISK, c->risk))
		return about(field, "risk", N_("Choose the risk level."));
	if (c->caseworker_id < 0)
		return about(field, "caseworker_id", N_("Choose the case worker."));
	if (!prot_text_fits(c->summary, sizeof c->summary, PROT_SUMMARY_MAX, true))
		return about(field, "summary", N_("The summary is too long (2000 characters at most)."));
	return NULL;
}

#define CASE_SELECT \
	"SELECT c.id, c.person_id, ce.code, c.opened, c.risk, coalesce(c.caseworker_id, 0), c.status, " \
	"coalesce(c.close_reason, ''), coalesce(c.closed_date, ''), c.transferred_to, c.summary, c.version " \
	"FROM prot_case c JOIN centre ce ON ce.id = c.centre_id "

enum status prot_case_read(struct db *db, long long id, struct prot_case *c)
{
	sqlite3_stmt *st = db_stmt(db, CASE_SELECT "WHERE c.id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(st, 0);
		c->person_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, c->centre_code, sizeof c->centre_code);
		db_column_copy(st, 3, c->opened, sizeof c->opened);
		db_column_copy(st, 4, c->risk, sizeof c->risk);
		c->caseworker_id = sqlite3_column_int64(st, 5);
		db_column_copy(st, 6, c->status, sizeof c->status);
		db_column_copy(st, 7, c->close_reason, sizeof c->close_reason);
		db_column_copy(st, 8, c->closed_date, sizeof c->closed_date);
		db_column_copy(st, 9, c->transferred_to, sizeof c->transferred_to);
		db_column_copy(st, 10, c->summary, sizeof c->summary);
		c->version = sqlite3_column_int(st, 11);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status prot_worker_ok(struct db *db, long long id, long long current, bool *ok)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT active = 1 AND role = 'protection' FROM app_user WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	*ok = rc == SQLITE_ROW && (sqlite3_column_int(st, 0) == 1 || id == current);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

static enum status person_known(struct db *db, long long person, bool *ok)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM person WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	int rc = sqlite3_step(st);
	*ok = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* The id of person's open case other than but, 0 when none. */
static enum status open_case_of(struct db *db, long long person, long long but, long long *id)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM prot_case WHERE person_id = ?1 AND status = 'open' AND id != ?2");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, but);
	int rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

static const char *const second_msg =
	N_("This person has an open protection case already: open it from the case file.");

enum status prot_case_check(struct db *db, const struct prot_case *c, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	struct prot_case stored;
	bool ok = false;
	enum status st = db_require(db, PERM_PROTECTION_READ);
	if (st != ST_OK)
		;
	else if ((m = prot_case_problem(c, &f)) != NULL)
		st = ST_INVALID;
	else if (c->id && (st = prot_case_read(db, c->id, &stored)) != ST_OK)
		;
	else if (!db_centre_id(db, c->centre_code)) {
		m = about(&f, "centre_code", N_("Choose the centre."));
		st = ST_INVALID;
	} else if ((st = person_known(db, c->person_id, &ok)) == ST_OK && !ok) {
		m = about(&f, "person_id", N_("This person is not known."));
		st = ST_INVALID;
	} else if (st == ST_OK && c->caseworker_id
	           && (st = prot_worker_ok(db, c->caseworker_id, c->id ? stored.caseworker_id : 0, &ok)) == ST_OK
	           && !ok) {
		m = about(&f, "caseworker_id", N_("The case worker must be an active account of the protection unit."));
		st = ST_INVALID;
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return st;
}

static void bind_case(sqlite3_stmt *st, const struct prot_case *c, long long centre)
{
	sqlite3_bind_int64(st, 2, c->person_id);
	sqlite3_bind_int64(st, 3, centre);
	db_bind_text(st, 4, c->opened);
	db_bind_text(st, 5, c->risk);
	if (c->caseworker_id)
		sqlite3_bind_int64(st, 6, c->caseworker_id);
	db_bind_text(st, 7, c->status);
	db_bind_opt(st, 8, c->close_reason);
	db_bind_opt(st, 9, c->closed_date);
	db_bind_text(st, 10, c->transferred_to);
	db_bind_text(st, 11, c->summary);
}

static enum status case_insert(struct db *db, struct prot_case *c, long long centre)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO prot_case (person_id, centre_id, opened, risk, caseworker_id, status, close_reason, "
		"closed_date, transferred_to, summary, created_by) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?1)");
	if (!st)
		return ST_INTERNAL;
	const struct db_actor *a = db_actor(db);
	if (a->user_id > 0)
		sqlite3_bind_int64(st, 1, a->user_id);
	bind_case(st, c, centre);
	enum status r = db_step_done(st);
	if (r != ST_OK)
		return r;
	c->id = sqlite3_last_insert_rowid(db_sqlite(db));
	c->version = 1;
	return ST_OK;
}

static enum status case_update(struct db *db, struct prot_case *c, long long centre)
{
	sqlite3_stmt *st = db_stmt(db,
		"UPDATE prot_case SET person_id = ?2, centre_id = ?3, opened = ?4, risk = ?5, caseworker_id = ?6, "
		"status = ?7, close_reason = ?8, closed_date = ?9, transferred_to = ?10, summary = ?11, "
		"version = version + 1 WHERE id = ?1 AND version = ?12");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, c->id);
	bind_case(st, c, centre);
	sqlite3_bind_int(st, 12, c->version);
	enum status r = db_step_done(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r == ST_OK)
		c->version++;
	return r;
}

/* Writes c inside the open transaction, with its audit row. */
static enum status case_write(struct db *db, struct prot_case *c, const char *action, const char **m,
                              const char **f)
{
	struct prot_case before;
	bool is_new = c->id == 0;
	enum status r;
	if (!is_new) {
		if ((r = prot_case_read(db, c->id, &before)) != ST_OK)
			return r;
		if (before.version != c->version)
			return ST_CONFLICT;
	}
	if ((r = prot_case_check(db, c, m, f)) != ST_OK)
		return r;
	if (strcmp(c->status, "open") == 0) {
		long long other;
		if ((r = open_case_of(db, c->person_id, c->id, &other)) != ST_OK)
			return r;
		if (other) {
			*m = about(f, "person_id", second_msg);
			return ST_DUPLICATE;
		}
	}
	long long centre = db_centre_id(db, c->centre_code);
	r = is_new ? case_insert(db, c, centre) : case_update(db, c, centre);
	if (r != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	db_fields_json(&j, fields, COUNT(fields), is_new ? NULL : &before, c);
	return audit_log(db, action, "prot_case", c->id, jsonbuf_text(&j));
}

enum status prot_case_save(struct db *db, struct prot_case *c, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	struct prot_case keep = *c;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		if (c->id) {
			/* The person and the status are not the form's to change. */
			struct prot_case stored;
			if ((r = prot_case_read(db, c->id, &stored)) == ST_OK) {
				c->person_id = stored.person_id;
				memcpy(c->status, stored.status, sizeof c->status);
				memcpy(c->close_reason, stored.close_reason, sizeof c->close_reason);
				memcpy(c->closed_date, stored.closed_date, sizeof c->closed_date);
				memcpy(c->transferred_to, stored.transferred_to, sizeof c->transferred_to);
			}
		} else {
			snprintf(c->status, sizeof c->status, "open");
			c->close_reason[0] = c->closed_date[0] = c->transferred_to[0] = '\0';
		}
		if (r == ST_OK)
			r = case_write(db, c, c->id ? "update" : "create", &m, &f);
		r = db_finish(db, r);
		if (r != ST_OK)
			*c = keep;
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

/* Closes (reason) or transfers (to) open case id at *version on day. */
static enum status end_case(struct db *db, long long id, int *version, const char *reason, const char *to,
                            const char *day, const char **msgid)
{
	const char *m = NULL;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	struct prot_case c;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		char today[11];
		clock_today_iso(today, sizeof today);
		if ((r = prot_case_read(db, id, &c)) == ST_OK && c.version != *version)
			r = ST_CONFLICT;
		if (r == ST_OK) {
			if (strcmp(c.status, "open") != 0)
				m = N_("This case is not open.");
			else if (reason && !vocab_has(VOCAB_PROT_CLOSE_REASON, reason))
				m = N_("Choose why the case is closed.");
			else if (to && (!to[0] || strlen(to) >= sizeof c.transferred_to
			                || !prot_text_fits(to, strlen(to) + 1, PROT_TRANSFERRED_TO_MAX, false)))
				m = N_("Say to whom the case is transferred (120 characters at most).");
			else if (!day || strlen(day) >= sizeof c.closed_date || !date_is_day(day))
				m = N_("The closing day is not a valid day.");
			else if (strcmp(day, today) > 0)
				m = N_("The closing day cannot be in the future.");
			else if (strcmp(day, c.opened) < 0)
				m = N_("The case cannot end before it opened.");
			if (m)
				r = ST_INVALID;
		}
		if (r == ST_OK) {
			snprintf(c.status, sizeof c.status, "%s", reason ? "closed" : "transferred");
			snprintf(c.close_reason, sizeof c.close_reason, "%s", reason ? reason : "");
			snprintf(c.transferred_to, sizeof c.transferred_to, "%s", to ? to : "");
			snprintf(c.closed_date, sizeof c.closed_date, "%s", day);
			r = case_write(db, &c, reason ? "close" : "transfer", &m, NULL);
		}
		if ((r = db_finish(db, r)) == ST_OK)
			*version = c.version;
	}
	if (msgid)
		*msgid = m;
	return r;
}

enum status prot_case_close(struct db *db, long long id, int *version, const char *reason, const char *day,
                            const char **msgid)
{
	return end_case(db, id, version, reason ? reason : "", NULL, day, msgid);
}

enum status prot_case_transfer(struct db *db, long long id, int *version, const char *to, const char *day,
                               const char **msgid)
{
	return end_case(db, id, version, NULL, to ? to : "", day, msgid);
}

enum status prot_case_get(struct db *db, long long id, struct prot_case *c)
{
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK || (r = prot_case_read(db, id, c)) != ST_OK)
		return r;
	if ((r = db_begin(db)) != ST_OK)
		return r;
	return db_finish(db, audit_log(db, "view", "prot_case", id, NULL));
}

enum status prot_case_of_person(struct db *db, long long person, long long *id, bool *open)
{
	*id = 0;
	*open = false;
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, "SELECT id, status = 'open' FROM prot_case WHERE person_id = ?1 "
	                               "ORDER BY status = 'open' DESC, opened DESC, id DESC LIMIT 1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*open = sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status prot_case_can_open(struct db *db, long long person, long long *open_id, const char **msgid)
{
	*open_id = 0;
	*msgid = NULL;
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r == ST_OK && (r = open_case_of(db, person, 0, open_id)) == ST_OK && *open_id)
		*msgid = second_msg;
	return r;
}
