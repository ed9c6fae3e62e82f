/* Reintegration cases: the checks, opening and saving, closing, the
 * status, reading one and the defaults proposed for a person. The lists
 * and the case file's line are in reint_case_list.c. Reading needs
 * PERM_REINTEGRATION_READ, writing PERM_REINTEGRATION_WRITE; every write
 * is one transaction with its audit row, every field before and after. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/reint_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/reflist.h"
#include "db/reint_case.h"
#include "db/reint_cases_private.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

void reint_case_init(struct reint_case *c, long long person, const char *centre_code, long long caseworker,
                     const char *day)
{
	memset(c, 0, sizeof *c);
	c->person_id = person;
	snprintf(c->centre_code, sizeof c->centre_code, "%s", centre_code ? centre_code : "");
	c->caseworker_id = caseworker;
	snprintf(c->return_date, sizeof c->return_date, "%s", day ? day : "");
	snprintf(c->return_kind, sizeof c->return_kind, "other");
	snprintf(c->status, sizeof c->status, "open");
}

/* The fields of a case for the audit trail: text, or a number. */
struct field {
	const char *name;
	size_t offset, size;   /* size 0: a long long */
};
#define TEXT(m) { #m, offsetof(struct reint_case, m), sizeof((struct reint_case *)0)->m }
#define ID(m) { #m, offsetof(struct reint_case, m), 0 }
static const struct field fields[] = {
	ID(person_id), TEXT(centre_code), TEXT(country), ID(region_id), TEXT(locality), TEXT(return_date),
	TEXT(return_kind), ID(caseworker_id), ID(partner_id), TEXT(status), TEXT(close_reason), TEXT(closed_date),
	TEXT(notes),
};

static void fields_json(struct jsonbuf *j, const struct reint_case *before, const struct reint_case *c)
{
	for (size_t i = 0; i < COUNT(fields); i++) {
		const struct field *f = &fields[i];
		const char *a = (const char *)c + f->offset;
		if (f->size) {
			if (before)
				jsonbuf_change_str(j, f->name, (const char *)before + f->offset, a);
			else
				jsonbuf_put_str(j, f->name, a);
			continue;
		}
		long long va, vb = 0;
		memcpy(&va, a, sizeof va);
		if (before) {
			memcpy(&vb, (const char *)before + f->offset, sizeof vb);
			jsonbuf_change_int(j, f->name, vb, va);
		} else {
			jsonbuf_put_int(j, f->name, va);
		}
	}
}

#define about reint_about

enum status reint_ref_ok(struct db *db, long long id, const char *list, const char *kind, long long current,
                         bool *ok)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT list, active, kind FROM ref_item WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	*ok = false;
	if (rc == SQLITE_ROW) {
		const char *got = (const char *)sqlite3_column_text(st, 0);
		const char *k = (const char *)sqlite3_column_text(st, 2);
		*ok = got && strcmp(got, list) == 0 && (sqlite3_column_int(st, 1) == 1 || id == current)
		      && (!kind || (k && strcmp(k, kind) == 0));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* The rules that need no database. */
static const char *problem(const struct reint_case *c, const char **field)
{
	if (!reint_text_fits(c->centre_code, sizeof c->centre_code, 4, false))
		return about(field, "centre_code", N_("Choose the centre."));
	if (!reint_text_fits(c->country, sizeof c->country, 3, false) || strlen(c->country) != 3)
		return about(field, "country", N_("Choose the country of return."));
	if (c->region_id < 0)
		return about(field, "region_id", N_("Choose a region of the country of return."));
	if (!reint_text_fits(c->locality, sizeof c->locality, REINT_LOCALITY_MAX, false))
		return about(field, "locality", N_("The locality is too long (80 characters at most)."));
	if (!memchr(c->return_date, '\0', sizeof c->return_date) || !date_is_day(c->return_date))
		return about(field, "return_date", N_("The return date is not a valid day."));
	char today[11];
	clock_today_iso(today, sizeof today);
	if (strcmp(c->return_date, today) > 0)
		return about(field, "return_date", N_("The return date cannot be in the future."));
	if (!memchr(c->return_kind, '\0', sizeof c->return_kind) || !vocab_has(VOCAB_REINT_RETURN_KIND, c->return_kind))
		return about(field, "return_kind", N_("Choose the kind of return."));
	if (c->caseworker_id < 0)
		return about(field, "caseworker_id", N_("Choose the case worker."));
	if (c->partner_id < 0)
		return about(field, "partner_id", N_("Choose the partner organisation."));
	if (!reint_text_fits(c->notes, sizeof c->notes, REINT_NOTES_MAX, true))
		return about(field, "notes", N_("The notes are too long (2000 characters at most)."));
	return NULL;
}

#define CASE_SELECT \
	"SELECT c.id, c.person_id, ce.code, c.country, coalesce(c.region_id, 0), c.locality, c.return_date, " \
	"c.return_kind, coalesce(c.caseworker_id, 0), coalesce(c.partner_id, 0), c.status, " \
	"coalesce(c.close_reason, ''), coalesce(c.closed_date, ''), c.notes, c.version " \
	"FROM reint_case c JOIN centre ce ON ce.id = c.centre_id "

static void read_case(sqlite3_stmt *st, int col, struct reint_case *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, col);
	c->person_id = sqlite3_column_int64(st, col + 1);
	db_column_copy(st, col + 2, c->centre_code, sizeof c->centre_code);
	db_column_copy(st, col + 3, c->country, sizeof c->country);
	c->region_id = sqlite3_column_int64(st, col + 4);
	db_column_copy(st, col + 5, c->locality, sizeof c->locality);
	db_column_copy(st, col + 6, c->return_date, sizeof c->return_date);
	db_column_copy(st, col + 7, c->return_kind, sizeof c->return_kind);
	c->caseworker_id = sqlite3_column_int64(st, col + 8);
	c->partner_id = sqlite3_column_int64(st, col + 9);
	db_column_copy(st, col + 10, c->status, sizeof c->status);
	db_column_copy(st, col + 11, c->close_reason, sizeof c->close_reason);
	db_column_copy(st, col + 12, c->closed_date, sizeof c->closed_date);
	db_column_copy(st, col + 13, c->notes, sizeof c->notes);
	c->version = sqlite3_column_int(st, col + 14);
}

enum status reint_case_read(struct db *db, long long id, struct reint_case *c)
{
	sqlite3_stmt *st = db_stmt(db, CASE_SELECT "WHERE c.id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_case(st, 0, c);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* What a case needs to know of its person. */
struct person_facts {
	char kind[12];              /* migrant, community */
	char birth[11];             /* YYYY, YYYY-MM, YYYY-MM-DD or "" */
	char nationality[4];
	char last_reason[16];       /* the last stay's departure reason, "" */
	char last_departed[11];     /* its day, "" */
};

static enum status person_facts(struct db *db, long long person, struct person_facts *p)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT p.kind, coalesce(p.birth_date, ''), coalesce(p.nationality, ''), "
		"coalesce((SELECT coalesce(s.departure_reason, '') || ' ' || coalesce(substr(s.departed, 1, 10), '') "
		"FROM stay s WHERE s.person_id = p.id ORDER BY s.admitted DESC, s.id DESC LIMIT 1), '') "
		"FROM person p WHERE p.id = ?1");
	if (!st)
		return ST_INTERNAL;
	memset(p, 0, sizeof *p);
	sqlite3_bind_int64(st, 1, person);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		char last[64];
		db_column_copy(st, 0, p->kind, sizeof p->kind);
		db_column_copy(st, 1, p->birth, sizeof p->birth);
		db_column_copy(st, 2, p->nationality, sizeof p->nationality);
		db_column_copy(st, 3, last, sizeof last);
		char *sp = strchr(last, ' ');
		if (sp) {
			*sp = '\0';
			snprintf(p->last_reason, sizeof p->last_reason, "%.15s", last);
			snprintf(p->last_departed, sizeof p->last_departed, "%.10s", sp + 1);
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* The id of person's case that is not closed (other than but), 0 if none. */
static enum status open_case_of(struct db *db, long long person, long long but, long long *id)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM reint_case WHERE person_id = ?1 AND status != 'closed' AND id != ?2");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, but);
	int rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

static const char *const community_msg =
	N_("This person is a community member who never migrated: a reintegration case is for a returnee.");
static const char *const second_msg =
	N_("This person has an open reintegration case already: open it from the case file.");

/* True when the country with code iso3 exists. */
static enum status country_ok(struct db *db, const char *iso3, bool *ok)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM country WHERE iso3 = ?1");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, iso3);
	int rc = sqlite3_step(st);
	*ok = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* True when account id is active (or is current, the case's worker now). */
static enum status worker_ok(struct db *db, long long id, long long current, bool *ok)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT active FROM app_user WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	*ok = rc == SQLITE_ROW && (sqlite3_column_int(st, 0) == 1 || id == current);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* The checks against the database; stored is the case as saved (NULL for
 * a new one). */
static enum status check_refs(struct db *db, const struct reint_case *c, const struct reint_case *stored,
                              const char **m, const char **field)
{
	bool ok = false;
	enum status st;
	struct person_facts p;
	if (!db_centre_id(db, c->centre_code)) {
		*m = about(field, "centre_code", N_("Choose the centre."));
		return ST_INVALID;
	}
	if ((st = country_ok(db, c->country, &ok)) != ST_OK)
		return st;
	if (!ok) {
		*m = about(field, "country", N_("Choose the country of return."));
		return ST_INVALID;
	}
	if (c->region_id) {
		if ((st = reint_ref_ok(db, c->region_id, REFLIST_REINT_REGION, c->country, stored ? stored->region_id : 0,
		                       &ok)) != ST_OK)
			return st;
		if (!ok) {
			*m = about(field, "region_id", N_("Choose a region of the country of return."));
			return ST_INVALID;
		}
	}
	if (c->caseworker_id) {
		if ((st = worker_ok(db, c->caseworker_id, stored ? stored->caseworker_id : 0, &ok)) != ST_OK)
			return st;
		if (!ok) {
			*m = about(field, "caseworker_id", N_("The case worker must be an active account."));
			return ST_INVALID;
		}
	}
	if (c->partner_id) {
		if ((st = reint_ref_ok(db, c->partner_id, REFLIST_PARTNER, NULL, stored ? stored->partner_id : 0, &ok)) != ST_OK)
			return st;
		if (!ok) {
			*m = about(field, "partner_id", N_("Choose the partner organisation."));
			return ST_INVALID;
		}
	}
	if ((st = person_facts(db, c->person_id, &p)) == ST_NOT_FOUND) {
		*m = about(field, "person_id", N_("This person is not known."));
		return ST_INVALID;
	}
	if (st != ST_OK)
		return st;
	if (!stored && strcmp(p.kind, "community") == 0) {
		*m = about(field, "person_id", community_msg);
		return ST_INVALID;
	}
	if (p.birth[0] && strncmp(c->return_date, p.birth, strlen(p.birth)) < 0) {
		*m = about(field, "return_date", N_("The return date cannot be before the person's birth."));
		return ST_INVALID;
	}
	return ST_OK;
}

enum status reint_case_check(struct db *db, const struct reint_case *c, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status st = db_require(db, PERM_REINTEGRATION_READ);
	struct reint_case stored;
	if (st != ST_OK)
		;
	else if ((m = problem(c, &f)) != NULL)
		st = ST_INVALID;
	else if (c->id && (st = reint_case_read(db, c->id, &stored)) != ST_OK)
		;
	else
		st = check_refs(db, c, c->id ? &stored : NULL, &m, &f);
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return st;
}

/* Binds the columns of c to ?2..?14 (the centre's id to ?3). */
static void bind_case(sqlite3_stmt *st, const struct reint_case *c, long long centre)
{
	sqlite3_bind_int64(st, 2, c->person_id);
	sqlite3_bind_int64(st, 3, centre);
	db_bind_text(st, 4, c->country);
	if (c->region_id)
		sqlite3_bind_int64(st, 5, c->region_id);
	db_bind_text(st, 6, c->locality);
	db_bind_text(st, 7, c->return_date);
	db_bind_text(st, 8, c->return_kind);
	if (c->caseworker_id)
		sqlite3_bind_int64(st, 9, c->caseworker_id);
	if (c->partner_id)
		sqlite3_bind_int64(st, 10, c->partner_id);
	db_bind_text(st, 11, c->status);
	db_bind_opt(st, 12, c->close_reason);
	db_bind_opt(st, 13, c->closed_date);
	db_bind_text(st, 14, c->notes);
}

static enum status case_insert(struct db *db, struct reint_case *c, long long centre)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO reint_case (person_id, centre_id, country, region_id, locality, return_date, return_kind, "
		"caseworker_id, partner_id, status, close_reason, closed_date, notes, created_by) "
		"VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?1)");
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

static enum status case_update(struct db *db, struct reint_case *c, long long centre)
{
	sqlite3_stmt *st = db_stmt(db,
		"UPDATE reint_case SET person_id = ?2, centre_id = ?3, country = ?4, region_id = ?5, locality = ?6, "
		"return_date = ?7, return_kind = ?8, caseworker_id = ?9, partner_id = ?10, status = ?11, "
		"close_reason = ?12, closed_date = ?13, notes = ?14, version = version + 1 "
		"WHERE id = ?1 AND version = ?15");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, c->id);
	bind_case(st, c, centre);
	sqlite3_bind_int(st, 15, c->version);
	enum status r = db_step_done(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r == ST_OK)
		c->version++;
	return r;
}

/* Writes c inside the open transaction, with its audit row. */
static enum status case_write(struct db *db, struct reint_case *c, const char *action, const char **m,
                              const char **f)
{
	struct reint_case before;
	bool is_new = c->id == 0;
	enum status r;
	if (!is_new) {
		if ((r = reint_case_read(db, c->id, &before)) != ST_OK)
			return r;
		if (before.version != c->version)
			return ST_CONFLICT;
	}
	if ((r = reint_case_check(db, c, m, f)) != ST_OK)
		return r;
	if (strcmp(c->status, "closed") != 0) {
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
	fields_json(&j, is_new ? NULL : &before, c);
	return audit_log(db, action, "reint_case", c->id, jsonbuf_text(&j));
}

enum status reint_case_save(struct db *db, struct reint_case *c, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	struct reint_case keep = *c;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		if (c->id) {
			/* The person and the status are not the form's to change. */
			struct reint_case stored;
			if ((r = reint_case_read(db, c->id, &stored)) == ST_OK) {
				c->person_id = stored.person_id;
				memcpy(c->status, stored.status, sizeof c->status);
				memcpy(c->close_reason, stored.close_reason, sizeof c->close_reason);
				memcpy(c->closed_date, stored.closed_date, sizeof c->closed_date);
			}
		} else {
			snprintf(c->status, sizeof c->status, "open");
			c->close_reason[0] = c->closed_date[0] = '\0';
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

/* Reads case id at *version for a change of status, calls change, writes
 * it. */
static enum status change_status(struct db *db, long long id, int *version, const char *status, const char *reason,
                                 const char *day, const char **msgid)
{
	const char *m = NULL;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	struct reint_case c;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		if ((r = reint_case_read(db, id, &c)) == ST_OK && c.version != *version)
			r = ST_CONFLICT;
		if (r == ST_OK && strcmp(c.status, "closed") == 0) {
			m = N_("This case is closed.");
			r = ST_INVALID;
		}
		if (r == ST_OK && reason) {
			char today[11];
			clock_today_iso(today, sizeof today);
			if (!vocab_has(VOCAB_REINT_CLOSE_REASON, reason))
				m = N_("Choose why the case is closed.");
			else if (!day || strlen(day) >= sizeof c.closed_date || !date_is_day(day))
				m = N_("The closing day is not a valid day.");
			else if (strcmp(day, today) > 0)
				m = N_("The closing day cannot be in the future.");
			else if (strcmp(day, c.return_date) < 0)
				m = N_("The case cannot be closed before the return.");
			if (m) {
				r = ST_INVALID;
			} else {
				snprintf(c.close_reason, sizeof c.close_reason, "%s", reason);
				snprintf(c.closed_date, sizeof c.closed_date, "%s", day);
			}
		}
		if (r == ST_OK) {
			snprintf(c.status, sizeof c.status, "%s", status);
			r = case_write(db, &c, reason ? "close" : "update", &m, NULL);
		}
		if ((r = db_finish(db, r)) == ST_OK)
			*version = c.version;
	}
	if (msgid)
		*msgid = m;
	return r;
}

enum status reint_case_close(struct db *db, long long id, int *version, const char *reason, const char *day,
                             const char **msgid)
{
	return change_status(db, id, version, "closed", reason ? reason : "", day, msgid);
}

enum status reint_case_set_status(struct db *db, long long id, int *version, const char *status,
                                  const char **msgid)
{
	if (!status || (strcmp(status, "open") != 0 && strcmp(status, "monitoring") != 0)) {
		if (msgid)
			*msgid = N_("Choose the status.");
		return ST_INVALID;
	}
	return change_status(db, id, version, status, NULL, NULL, msgid);
}

enum status reint_case_get(struct db *db, long long id, struct reint_case *c)
{
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	return r != ST_OK ? r : reint_case_read(db, id, c);
}

enum status reint_case_of_person(struct db *db, long long person, struct reint_case *c)
{
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, CASE_SELECT "WHERE c.person_id = ?1 "
	                               "ORDER BY c.status = 'closed', c.return_date DESC, c.id DESC LIMIT 1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_case(st, 0, c);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status reint_case_propose(struct db *db, long long person, long long user, const char *centre_code,
                               struct reint_case *c, const char **msgid)
{
	const char *m = NULL;
	char today[11];
	clock_today_iso(today, sizeof today);
	reint_case_init(c, person, centre_code, user, today);
	struct person_facts p;
	long long open = 0;
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r == ST_OK)
		r = person_facts(db, person, &p);
	if (r == ST_OK && strcmp(p.kind, "community") == 0) {
		m = community_msg;
		r = ST_INVALID;
	}
	if (r == ST_OK && (r = open_case_of(db, person, 0, &open)) == ST_OK && open) {
		m = second_msg;
		c->id = open;
		r = ST_DUPLICATE;
	}
	if (r == ST_OK) {
		snprintf(c->country, sizeof c->country, "%s", p.nationality);
		if (p.last_departed[0] && date_is_day(p.last_departed))
			snprintf(c->return_date, sizeof c->return_date, "%s", p.last_departed);
		if (strcmp(p.last_reason, "avr") == 0)
			snprintf(c->return_kind, sizeof c->return_kind, "avr");
	}
	if (msgid)
		*msgid = m;
	return r;
}
