/* The members of a collective or community project: adding a person with
 * a role, changing the role or the leave day, one leader at a time,
 * reading and listing them with whether they are returnees or community
 * members (person.community_since). Every write is one transaction with
 * its audit row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/reint_vocab.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/db_private.h"
#include "db/reint_project.h"
#include "db/reint_project_private.h"

#define about reint_about

#define MEMBER_SELECT \
	"SELECT m.id, m.project_id, m.person_id, m.role, m.joined_date, coalesce(m.left_date, ''), m.version, " \
	"p.case_key, p.family_name, p.given_names, p.sex, coalesce(p.birth_date, ''), " \
	"p.community_since IS NOT NULL " \
	"FROM reint_project_member m JOIN person p ON p.id = m.person_id "

static void read_member(sqlite3_stmt *st, struct reint_member *m)
{
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	m->project_id = sqlite3_column_int64(st, 1);
	m->person_id = sqlite3_column_int64(st, 2);
	db_column_copy(st, 3, m->role, sizeof m->role);
	db_column_copy(st, 4, m->joined_date, sizeof m->joined_date);
	db_column_copy(st, 5, m->left_date, sizeof m->left_date);
	m->version = sqlite3_column_int(st, 6);
	db_column_copy(st, 7, m->case_key, sizeof m->case_key);
	db_column_copy(st, 8, m->family_name, sizeof m->family_name);
	db_column_copy(st, 9, m->given_names, sizeof m->given_names);
	const char *sex = (const char *)sqlite3_column_text(st, 10);
	m->sex = sex ? sex[0] : 'x';
	db_column_copy(st, 11, m->birth_date, sizeof m->birth_date);
	m->community = sqlite3_column_int(st, 12) != 0;
}

static enum status member_read(struct db *db, long long id, struct reint_member *m)
{
	static const char sql[] = MEMBER_SELECT "WHERE m.id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_member(st, m);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* The rules that need no database. */
static const char *problem(const struct reint_member *m, const char **field)
{
	char today[11];
	clock_today_iso(today, sizeof today);
	if (!memchr(m->role, '\0', sizeof m->role) || !vocab_has(VOCAB_REINT_MEMBER_ROLE, m->role))
		return about(field, "role", N_("Choose the role."));
	if (!memchr(m->joined_date, '\0', sizeof m->joined_date) || !date_is_day(m->joined_date))
		return about(field, "joined_date", N_("The day they joined is not a valid day."));
	if (strcmp(m->joined_date, today) > 0)
		return about(field, "joined_date", N_("The day they joined cannot be in the future."));
	if (!memchr(m->left_date, '\0', sizeof m->left_date) || (m->left_date[0] && !date_is_day(m->left_date)))
		return about(field, "left_date", N_("The day they left is not a valid day."));
	if (m->left_date[0] && strcmp(m->left_date, m->joined_date) < 0)
		return about(field, "left_date", N_("They cannot leave before they joined."));
	if (m->left_date[0] && strcmp(m->left_date, today) > 0)
		return about(field, "left_date", N_("The day they left cannot be in the future."));
	return NULL;
}

/* One current leader: another member than m leading the project now. */
static enum status leader_taken(struct db *db, const struct reint_member *m, bool *taken)
{
	static const char sql[] =
		"SELECT 1 FROM reint_project_member WHERE project_id = ?1 AND role = 'leader' AND left_date IS NULL "
		"AND id <> ?2";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, m->project_id);
	sqlite3_bind_int64(st, 2, m->id);
	int rc = sqlite3_step(st);
	*taken = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

static enum status check(struct db *db, const struct reint_member *m, const char **msgid, const char **field)
{
	if ((*msgid = problem(m, field)) != NULL)
		return ST_INVALID;
	bool taken = false;
	enum status st = ST_OK;
	if (strcmp(m->role, "leader") == 0 && !m->left_date[0] && (st = leader_taken(db, m, &taken)) != ST_OK)
		return st;
	if (taken) {
		*msgid = about(field, "role",
		               N_("This project has a leader already: one at a time."));
		return ST_INVALID;
	}
	return ST_OK;
}

enum status reint_member_check(struct db *db, const struct reint_member *m, const char **msgid,
                               const char **field)
{
	const char *msg = NULL, *f = NULL;
	enum status st = db_require(db, PERM_REINTEGRATION_READ);
	if (st == ST_OK)
		st = check(db, m, &msg, &f);
	if (msgid)
		*msgid = msg;
	if (field)
		*field = f;
	return st;
}

static void member_json(struct jsonbuf *j, const struct reint_member *before, const struct reint_member *m)
{
	if (before) {
		jsonbuf_change_str(j, "role", before->role, m->role);
		jsonbuf_change_str(j, "joined_date", before->joined_date, m->joined_date);
		jsonbuf_change_str(j, "left_date", before->left_date, m->left_date);
		return;
	}
	jsonbuf_put_int(j, "project_id", m->project_id);
	jsonbuf_put_int(j, "person_id", m->person_id);
	jsonbuf_put_str(j, "role", m->role);
	jsonbuf_put_str(j, "joined_date", m->joined_date);
	jsonbuf_put_str(j, "left_date", m->left_date);
}

static enum status add_write(struct db *db, struct reint_member *m, const char **msgid)
{
	static const char dup_sql[] = "SELECT 1 FROM reint_project_member WHERE project_id = ?1 AND person_id = ?2";
	static const char person_sql[] = "SELECT 1 FROM person WHERE id = ?1";
	static const char sql[] =
		"INSERT INTO reint_project_member (project_id, person_id, role, joined_date) VALUES (?1, ?2, ?3, ?4)";
	struct reint_project p;
	enum status r = reint_project_read(db, m->project_id, &p);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, person_sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, m->person_id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	if (!(st = db_stmt(db, dup_sql)))
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, m->project_id);
	sqlite3_bind_int64(st, 2, m->person_id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW) {
		*msgid = N_("This person is a member of the project already.");
		return ST_DUPLICATE;
	}
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	if ((r = check(db, m, msgid, NULL)) != ST_OK)
		return r;
	if (!(st = db_stmt(db, sql)))
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, m->project_id);
	sqlite3_bind_int64(st, 2, m->person_id);
	db_bind_text(st, 3, m->role);
	db_bind_text(st, 4, m->joined_date);
	if ((r = db_step_done(st)) != ST_OK)
		return r;
	m->id = sqlite3_last_insert_rowid(db_sqlite(db));
	struct jsonbuf j;
	jsonbuf_init(&j);
	member_json(&j, NULL, m);
	if ((r = audit_log(db, "create", "reint_project_member", m->id, jsonbuf_text(&j))) != ST_OK)
		return r;
	return member_read(db, m->id, m);
}

enum status reint_member_add(struct db *db, long long project, long long person, const char *role,
                             const char *joined, struct reint_member *out, const char **msgid)
{
	const char *msg = NULL;
	struct reint_member m;
	memset(&m, 0, sizeof m);
	m.project_id = project;
	m.person_id = person;
	snprintf(m.role, sizeof m.role, "%s", role ? role : "");
	snprintf(m.joined_date, sizeof m.joined_date, "%s", joined ? joined : "");
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, add_write(db, &m, &msg));
	if (r == ST_OK && out)
		*out = m;
	if (msgid)
		*msgid = msg;
	return r;
}

static enum status save_write(struct db *db, struct reint_member *m, const char **msgid, const char **field)
{
	static const char sql[] =
		"UPDATE reint_project_member SET role = ?2, joined_date = ?3, left_date = ?4, version = version + 1 "
		"WHERE id = ?1 AND version = ?5";
	struct reint_member before;
	enum status r = member_read(db, m->id, &before);
	if (r != ST_OK)
		return r;
	if (before.version != m->version)
		return ST_CONFLICT;
	m->project_id = before.project_id;
	m->person_id = before.person_id;
	if ((r = check(db, m, msgid, field)) != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, m->id);
	db_bind_text(st, 2, m->role);
	db_bind_text(st, 3, m->joined_date);
	db_bind_opt(st, 4, m->left_date);
	sqlite3_bind_int(st, 5, m->version);
	r = db_step_done(st);
	sqlite3_clear_bindings(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	member_json(&j, &before, m);
	if ((r = audit_log(db, "update", "reint_project_member", m->id, jsonbuf_text(&j))) != ST_OK)
		return r;
	return member_read(db, m->id, m);
}

enum status reint_member_save(struct db *db, struct reint_member *m, const char **msgid, const char **field)
{
	const char *msg = NULL, *f = NULL;
	struct reint_member work = *m;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, save_write(db, &work, &msg, &f));
	if (r == ST_OK)
		*m = work;
	if (msgid)
		*msgid = msg;
	if (field)
		*field = f;
	return r;
}

enum status reint_member_get(struct db *db, long long id, struct reint_member *m)
{
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	return r != ST_OK ? r : member_read(db, id, m);
}

enum status reint_member_list(struct db *db, long long project, enum page_dir dir, const struct reint_member *key,
                              int limit, void (*cb)(const struct reint_member *m, void *ctx), void *ctx,
                              bool *more)
{
	/* Current members first ((left_date IS NOT NULL) 0), then by entry. */
	static const char after[] = MEMBER_SELECT
		"WHERE m.project_id = ?1 AND (m.left_date IS NOT NULL, m.id) > (?2, ?3) "
		"ORDER BY m.left_date IS NOT NULL, m.id LIMIT ?4";
	static const char before[] = MEMBER_SELECT
		"WHERE m.project_id = ?1 AND (m.left_date IS NOT NULL, m.id) < (?2, ?3) "
		"ORDER BY m.left_date IS NOT NULL DESC, m.id DESC LIMIT ?4";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r != ST_OK || limit <= 0)
		return r;
	sqlite3_stmt *st = db_stmt(db, dir == PAGE_BEFORE ? before : after);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, project);
	sqlite3_bind_int(st, 2, key ? key->left_date[0] != '\0' : dir == PAGE_BEFORE ? 2 : -1);
	sqlite3_bind_int64(st, 3, key ? key->id : 0);
	sqlite3_bind_int(st, 4, limit + 1);
	struct reint_member *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct reint_member *m = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!m) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_member(st, m);
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
