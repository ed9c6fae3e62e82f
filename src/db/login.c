/* Signing in, the lockout, own password changes. */
#include <stdio.h>
#include <string.h>

#include "core/password.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/login.h"
#include "db/user_private.h"

/* Stores the failure counters of account id. */
static enum status store_lockout(struct db *db, long long id, const struct lockout *l)
{
	static const char sql[] =
		"UPDATE app_user SET failed_logins = ?1, locked_until = nullif(?2, 0) WHERE id = ?3";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int(st, 1, l->failures);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)l->locked_until);
	sqlite3_bind_int64(st, 3, id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* Reads the failure counters of account id as they are now. */
static enum status read_lockout(struct db *db, long long id, struct lockout *l)
{
	static const char sql[] =
		"SELECT failed_logins, coalesce(locked_until, 0) FROM app_user WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		l->failures = sqlite3_column_int(st, 0);
		l->locked_until = (time_t)sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* Before the password is tried: under the write lock, refuses a locked
 * account (recorded), else counts the attempt as failed in advance and
 * locks the account when that reaches the limit. Sign-ins in parallel
 * are thus counted one after the other: no more than the limit of them
 * get their password tried, however many run at once, and an attempt cut
 * short still counts. *locked_now: this attempt reached the limit. */
static enum status reserve_attempt(struct db *db, const struct login_request *req, const struct user *u,
                                   bool *locked_now, time_t *locked_until)
{
	struct lockout l = { 0, 0 };
	enum status s = db_begin(db);
	if (s == ST_OK)
		s = read_lockout(db, u->id, &l);
	if (s == ST_OK && lockout_is_locked(&l, req->now)) {
		if (locked_until)
			*locked_until = l.locked_until;
		s = audit_log(db, "login_refused_locked", "app_user", u->id, NULL);
		s = s == ST_OK ? db_commit(db) : (db_rollback(db), s);
		return s == ST_OK ? ST_LOCKED : s;
	}
	if (s == ST_OK) {
		*locked_now = lockout_fail(&l, &req->policy, req->now);
		s = store_lockout(db, u->id, &l);
	}
	return s == ST_OK ? db_commit(db) : (db_rollback(db), s);
}

/* Checks req's password against the account named in req, updating the
 * counters and the trail (success_action on success). *u receives the
 * account. */
static enum status check(struct db *db, const struct login_request *req, const char *success_action,
                         struct user *u, time_t *locked_until)
{
	char hash[128] = "";
	enum status found = user_read(db, 0, req->name ? req->name : "", u, hash, sizeof hash);
	if (found != ST_OK && found != ST_NOT_FOUND)
		return found;
	bool locked_now = false;
	if (found == ST_OK) {
		enum status s = reserve_attempt(db, req, u, &locked_now, locked_until);
		if (s != ST_OK) {
			explicit_bzero(hash, sizeof hash);
			return s;
		}
	}
	/* Always hash, so an unknown name takes as long as a wrong password. */
	bool ok = password_verify(req->password ? req->password : "", found == ST_OK ? hash : NULL);
	explicit_bzero(hash, sizeof hash);
	enum status result = !ok ? ST_BAD_LOGIN : !u->active ? ST_DISABLED : ST_OK;
	if (result == ST_OK)
		db_set_actor(db, u->id, u->name, (int)u->role, req->origin);
	struct lockout l = { 0, 0 };
	enum status s = db_begin(db);
	if (s == ST_OK && found == ST_OK)
		s = read_lockout(db, u->id, &l);
	/* The right password undoes the failure counted in advance (and any
	 * lock it or a parallel attempt set); a wrong one is counted already. */
	if (s == ST_OK && found == ST_OK && result != ST_BAD_LOGIN) {
		lockout_success(&l);
		locked_now = false;
		s = store_lockout(db, u->id, &l);
	}
	if (s == ST_OK)
		s = audit_log(db, result == ST_OK ? success_action : locked_now ? "login_failed_locked" : "login_failed",
		              "app_user", found == ST_OK ? u->id : 0, NULL);
	s = s == ST_OK ? db_commit(db) : (db_rollback(db), s);
	if (s != ST_OK)
		return s;
	u->failures = l.failures;
	u->locked_until = l.locked_until;
	if (locked_now) {
		if (locked_until)
			*locked_until = l.locked_until;
		return ST_LOCKED;
	}
	return result;
}

enum status login_attempt(struct db *db, const struct login_request *req, struct user *out,
                          time_t *locked_until)
{
	char typed[USER_NAME_MAX + 1];
	snprintf(typed, sizeof typed, "%s", req->name ? req->name : "");
	/* Failures are recorded under the name as typed, by nobody. */
	db_set_actor(db, 0, typed, -1, req->origin);
	struct user u;
	enum status s = check(db, req, "login", &u, locked_until);
	if (s != ST_OK) {
		db_set_actor(db, 0, "", -1, req->origin);
		return s;
	}
	*out = u;
	return ST_OK;
}

enum status login_confirm(struct db *db, const struct login_request *req, time_t *locked_until)
{
	const struct db_actor *a = db_actor(db);
	if (a->user_id <= 0)
		return ST_DENIED;
	struct login_request r = *req;
	r.name = a->user_name;
	struct user u;
	return check(db, &r, "unlock", &u, locked_until);
}

enum status login_change_password(struct db *db, const char *current, const char *new_password)
{
	static const char update[] =
		"UPDATE app_user SET pw_hash = ?1, version = version + 1 WHERE id = ?2";
	const struct db_actor *a = db_actor(db);
	if (a->user_id <= 0)
		return ST_DENIED;
	struct user u;
	char hash[128];
	enum status s = user_read(db, a->user_id, NULL, &u, hash, sizeof hash);
	if (s != ST_OK)
		return s;
	bool ok = password_verify(current ? current : "", hash);
	explicit_bzero(hash, sizeof hash);
	if (!ok)
		return ST_WRONG_PASSWORD;
	if ((s = password_check_rules(new_password)) != ST_OK)
		return s;
	if ((s = password_hash(new_password, hash, sizeof hash)) != ST_OK)
		return s;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, update);
	int rc = SQLITE_ERROR;
	if (st) {
		db_bind_text(st, 1, hash);
		sqlite3_bind_int64(st, 2, u.id);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
	}
	explicit_bzero(hash, sizeof hash);
	s = rc == SQLITE_DONE ? audit_log(db, "change_password", "app_user", u.id, NULL) : db_status_of(rc);
	if (s == ST_OK)
		return db_commit(db);
	db_rollback(db);
	return s;
}

void login_logout(struct db *db)
{
	const struct db_actor *a = db_actor(db);
	if (a->user_id > 0 && db_begin(db) == ST_OK) {
		if (audit_log(db, "logout", "app_user", a->user_id, NULL) == ST_OK)
			db_commit(db);
		else
			db_rollback(db);
	}
	char origin[sizeof a->origin];
	memcpy(origin, a->origin, sizeof origin);
	db_set_actor(db, 0, "", -1, origin);
}
