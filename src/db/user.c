/* Staff accounts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/jsonbuf.h"
#include "core/password.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/user.h"
#include "db/user_private.h"

#define USER_SELECT \
	"SELECT u.id, u.name, u.display_name, u.role, u.centre_id, c.code, u.lang, u.active, " \
	"u.version, u.failed_logins, coalesce(u.locked_until, 0), u.pw_hash " \
	"FROM app_user u JOIN centre c ON c.id = u.centre_id "

enum status user_check_name(const char *name)
{
	size_t n = name ? strlen(name) : 0;
	if (n < 2 || n > USER_NAME_MAX)
		return ST_INVALID;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
			return ST_INVALID;
	}
	return ST_OK;
}

/* True for the two interface languages. */
static bool valid_lang(const char *lang)
{
	return lang && (strcmp(lang, "fr") == 0 || strcmp(lang, "en") == 0);
}

/* Fills *u from a row of USER_SELECT, and its hash when hash is not NULL. */
static void read_row(sqlite3_stmt *st, struct user *u, char *hash, size_t hash_size)
{
	memset(u, 0, sizeof *u);
	u->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, u->name, sizeof u->name);
	db_column_copy(st, 2, u->display_name, sizeof u->display_name);
	int r = role_from_name((const char *)sqlite3_column_text(st, 3));
	u->role = r < 0 ? ROLE_DISTRIBUTION : (enum role)r; /* least rights if unknown */
	u->centre_id = sqlite3_column_int64(st, 4);
	db_column_copy(st, 5, u->centre_code, sizeof u->centre_code);
	db_column_copy(st, 6, u->lang, sizeof u->lang);
	u->active = sqlite3_column_int(st, 7) != 0;
	u->version = sqlite3_column_int(st, 8);
	u->failures = sqlite3_column_int(st, 9);
	u->locked_until = (time_t)sqlite3_column_int64(st, 10);
	if (hash)
		db_column_copy(st, 11, hash, hash_size);
}

/* Reads one account by id or (when name is not NULL) by name, with no
 * permission check: for this module and login.c only. */
enum status user_read(struct db *db, long long id, const char *name, struct user *u,
                      char *hash, size_t hash_size)
{
	static const char by_id[] = USER_SELECT "WHERE u.id = ?1";
	static const char by_name[] = USER_SELECT "WHERE u.name = ?1";
	sqlite3_stmt *st = db_stmt(db, name ? by_name : by_id);
	if (!st)
		return ST_INTERNAL;
	if (name)
		db_bind_text(st, 1, name);
	else
		sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	enum status s = rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	if (rc == SQLITE_ROW)
		read_row(st, u, hash, hash_size);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return s;
}

enum status user_add(struct db *db, const char *name, const char *display_name,
                     enum role role, const char *centre_code, const char *lang,
                     const char *password, long long *id_out)
{
	static const char insert[] =
		"INSERT INTO app_user (name, display_name, role, centre_id, lang, pw_hash, created_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";
	enum status s = db_require(db, PERM_ACCOUNTS);
	if (s != ST_OK)
		return s;
	if (user_check_name(name) != ST_OK || !display_name || !*display_name
	    || strlen(display_name) > USER_DISPLAY_MAX * 4 || !role_name(role) || !valid_lang(lang))
		return ST_INVALID;
	if ((s = password_check_rules(password)) != ST_OK)
		return s;
	char hash[PASSWORD_HASH_MAX];
	if ((s = password_hash(password, hash, sizeof hash)) != ST_OK)
		return s;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	long long centre = db_centre_id(db, centre_code);
	sqlite3_stmt *st = centre ? db_stmt(db, insert) : NULL;
	if (!centre)
		s = ST_NOT_FOUND;
	else if (!st)
		s = ST_INTERNAL;
	if (s == ST_OK) {
		db_bind_text(st, 1, name);
		db_bind_text(st, 2, display_name);
		db_bind_text(st, 3, role_name(role));
		sqlite3_bind_int64(st, 4, centre);
		db_bind_text(st, 5, lang);
		db_bind_text(st, 6, hash);
		s = db_step_done(st);
	}
	if (s == ST_OK) {
		long long id = sqlite3_last_insert_rowid(db_sqlite(db));
		struct jsonbuf j;
		jsonbuf_init(&j);
		jsonbuf_put_str(&j, "name", name);
		jsonbuf_put_str(&j, "display_name", display_name);
		jsonbuf_put_str(&j, "role", role_name(role));
		jsonbuf_put_str(&j, "centre", centre_code);
		jsonbuf_put_str(&j, "lang", lang);
		s = audit_log(db, "create", "app_user", id, jsonbuf_text(&j));
		if (s == ST_OK && id_out)
			*id_out = id;
	}
	return db_finish(db, s);
}

enum status user_get(struct db *db, long long id, struct user *out)
{
	if (id != db_actor(db)->user_id && db_require(db, PERM_ACCOUNTS) != ST_OK)
		return ST_DENIED;
	return user_read(db, id, NULL, out, NULL, 0);
}

enum status user_find(struct db *db, const char *name, struct user *out)
{
	enum status s = db_require(db, PERM_ACCOUNTS);
	return s == ST_OK ? user_read(db, 0, name ? name : "", out, NULL, 0) : s;
}

enum status user_list(struct db *db, enum page_dir dir, const char *key, int limit,
                      void (*cb)(const struct user *u, void *ctx), void *ctx, bool *more)
{
	static const char after[] = USER_SELECT "WHERE u.name > ?1 ORDER BY u.name LIMIT ?2";
	static const char before[] =
		USER_SELECT "WHERE ?1 IS NULL OR u.name < ?1 ORDER BY u.name DESC LIMIT ?2";
	*more = false;
	enum status s = db_require(db, PERM_ACCOUNTS);
	if (s != ST_OK)
		return s;
	if (limit <= 0 || (dir != PAGE_AFTER && dir != PAGE_BEFORE))
		return ST_INVALID;
	bool back = dir == PAGE_BEFORE;
	sqlite3_stmt *st = db_stmt(db, back ? before : after);
	if (!st)
		return ST_INTERNAL;
	/* Collect the page, release the statement, then call back (in name
	 * order): the callback may use the connection. */
	struct user *rows = calloc((size_t)limit, sizeof *rows);
	if (!rows) {
		sqlite3_reset(st);
		return ST_NOMEM;
	}
	db_bind_text(st, 1, key && *key ? key : back ? NULL : "");
	sqlite3_bind_int(st, 2, limit + 1);   /* one more tells *more */
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == limit) {
			*more = true;
			break;
		}
		read_row(st, &rows[n++], NULL, 0);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	s = rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
	for (int i = 0; s == ST_OK && i < n; i++)
		cb(&rows[back ? n - 1 - i : i], ctx);
	free(rows);
	return s;
}

/* Number of active administrators other than the account id. */
static int other_active_admins(struct db *db, long long id)
{
	static const char sql[] =
		"SELECT count(*) FROM app_user WHERE role = 'admin' AND active = 1 AND id != ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	return n;
}

/* One text of an account merged: mine stays unless only theirs changed it
 * (then *mine points to theirs); false when both changed it differently. */
static bool merge_text(const char *base, const char *theirs, const char **mine)
{
	if (strcmp(theirs, base) == 0 || strcmp(theirs, *mine) == 0)
		return true;
	if (strcmp(*mine, base) != 0)
		return false;
	*mine = theirs;
	return true;
}

/* The same for a number. */
static bool merge_int(int base, int theirs, int *mine)
{
	if (theirs == base || theirs == *mine)
		return true;
	if (*mine != base)
		return false;
	*mine = theirs;
	return true;
}

/* Merges c (changes to the account as base was read) with the account as
 * saved now, field by field, into *m; false when a field was changed
 * differently on both sides. */
static bool merge_changes(const struct user *base, const struct user *now, const struct user_changes *c,
                          struct user_changes *m)
{
	*m = *c;
	int role = (int)m->role, active = m->active;
	bool ok = merge_text(base->display_name, now->display_name, &m->display_name);
	ok &= merge_int((int)base->role, (int)now->role, &role);
	ok &= merge_text(base->centre_code, now->centre_code, &m->centre_code);
	ok &= merge_text(base->lang, now->lang, &m->lang);
	ok &= merge_int(base->active, now->active, &active);
	m->role = (enum role)role;
	m->active = active != 0;
	return ok;
}

enum status user_admin_save(struct db *db, struct user *u, const struct user_changes *c)
{
	static const char update[] =
		"UPDATE app_user SET display_name = ?1, role = ?2, centre_id = ?3, lang = ?4, active = ?5, "
		"failed_logins = CASE WHEN ?5 AND NOT active THEN 0 ELSE failed_logins END, "
		"locked_until = CASE WHEN ?5 AND NOT active THEN NULL ELSE locked_until END, "
		"version = version + 1 WHERE id = ?6 AND version = ?7";
	enum status s = db_require(db, PERM_ACCOUNTS);
	if (s != ST_OK)
		return s;
	if (!c->display_name || !*c->display_name || strlen(c->display_name) > USER_DISPLAY_MAX * 4
	    || !role_name(c->role) || !valid_lang(c->lang))
		return ST_INVALID;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	/* Saved meanwhile by someone else: merged field by field. */
	struct user now;
	struct user_changes m = *c;
	const struct user *before = u;
	if ((s = user_read(db, u->id, NULL, &now, NULL, 0)) == ST_OK && now.version != u->version) {
		if (!merge_changes(u, &now, c, &m))
			s = ST_CONFLICT;
		before = &now;
	}
	long long centre = s == ST_OK ? db_centre_id(db, m.centre_code) : 0;
	bool loses_admin = before->role == ROLE_ADMIN && before->active && (m.role != ROLE_ADMIN || !m.active);
	if (s == ST_OK && !centre)
		s = ST_NOT_FOUND;
	else if (s == ST_OK && loses_admin && other_active_admins(db, u->id) == 0)
		s = ST_LAST_ADMIN;
	sqlite3_stmt *st = s == ST_OK ? db_stmt(db, update) : NULL;
	if (s == ST_OK && !st)
		s = ST_INTERNAL;
	if (s == ST_OK) {
		db_bind_text(st, 1, m.display_name);
		db_bind_text(st, 2, role_name(m.role));
		sqlite3_bind_int64(st, 3, centre);
		db_bind_text(st, 4, m.lang);
		sqlite3_bind_int(st, 5, m.active);
		sqlite3_bind_int64(st, 6, u->id);
		sqlite3_bind_int(st, 7, before->version);
		s = db_step_done(st);
		if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
			s = ST_CONFLICT;
	}
	if (s == ST_OK) {
		struct jsonbuf j;
		jsonbuf_init(&j);
		jsonbuf_change_str(&j, "display_name", before->display_name, m.display_name);
		jsonbuf_change_str(&j, "role", role_name(before->role), role_name(m.role));
		jsonbuf_change_str(&j, "centre", before->centre_code, m.centre_code);
		jsonbuf_change_str(&j, "lang", before->lang, m.lang);
		jsonbuf_change_int(&j, "active", before->active, m.active);
		s = audit_log(db, "update", "app_user", u->id, jsonbuf_text(&j));
	}
	s = db_finish(db, s);
	if (s == ST_OK)
		s = user_read(db, u->id, NULL, u, NULL, 0);
	return s;
}

enum status user_set_password(struct db *db, const char *name, const char *password)
{
	static const char update[] =
		"UPDATE app_user SET pw_hash = ?1, failed_logins = 0, locked_until = NULL, "
		"version = version + 1 WHERE name = ?2";
	enum status s = db_require(db, PERM_ACCOUNTS);
	if (s != ST_OK)
		return s;
	if ((s = password_check_rules(password)) != ST_OK)
		return s;
	struct user u;
	if ((s = user_read(db, 0, name ? name : "", &u, NULL, 0)) != ST_OK)
		return s;
	char hash[PASSWORD_HASH_MAX];
	if ((s = password_hash(password, hash, sizeof hash)) != ST_OK)
		return s;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, update);
	if (!st) {
		s = ST_INTERNAL;
	} else {
		db_bind_text(st, 1, hash);
		db_bind_text(st, 2, name);
		s = db_step_done(st);
	}
	if (s == ST_OK)
		s = audit_log(db, "set_password", "app_user", u.id, NULL);
	explicit_bzero(hash, sizeof hash);
	return db_finish(db, s);
}

enum status user_unlock(struct db *db, const char *name, bool *was_locked)
{
	static const char update[] =
		"UPDATE app_user SET failed_logins = 0, locked_until = NULL, version = version + 1 "
		"WHERE id = ?1 AND version = ?2";
	if (was_locked)
		*was_locked = false;
	enum status s = db_require(db, PERM_ACCOUNTS);
	if (s != ST_OK)
		return s;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	struct user u;
	s = user_read(db, 0, name ? name : "", &u, NULL, 0);
	bool locked = s == ST_OK && u.locked_until > clock_now();
	if (s == ST_OK && (u.failures || u.locked_until)) {
		sqlite3_stmt *st = db_stmt(db, update);
		if (!st) {
			s = ST_INTERNAL;
		} else {
			sqlite3_bind_int64(st, 1, u.id);
			sqlite3_bind_int(st, 2, u.version);
			s = db_step_done(st);
			if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
				s = ST_CONFLICT;
		}
		if (s == ST_OK) {
			struct jsonbuf j;
			jsonbuf_init(&j);
			jsonbuf_change_int(&j, "failed_logins", u.failures, 0);
			if (u.locked_until)
				jsonbuf_change_int(&j, "locked_until", (long long)u.locked_until, 0);
			s = audit_log(db, "unlock_account", "app_user", u.id, jsonbuf_text(&j));
		}
	}
	if ((s = db_finish(db, s)) == ST_OK && was_locked)
		*was_locked = locked;
	return s;
}

enum status user_save_prefs(struct db *db, struct user *u, const char *display_name,
                            const char *lang)
{
	static const char update[] =
		"UPDATE app_user SET display_name = ?1, lang = ?2, version = version + 1 "
		"WHERE id = ?3 AND version = ?4";
	if (u->id != db_actor(db)->user_id)
		return ST_DENIED;
	if (!display_name || !*display_name || strlen(display_name) >= sizeof u->display_name
	    || !valid_lang(lang))
		return ST_INVALID;
	/* Callers may pass u's own fields: work on copies. */
	char new_display[sizeof u->display_name], new_lang[sizeof u->lang];
	snprintf(new_display, sizeof new_display, "%s", display_name);
	snprintf(new_lang, sizeof new_lang, "%s", lang);
	enum status s = db_begin(db);
	if (s != ST_OK)
		return s;
	/* Saved meanwhile elsewhere: merged field by field. */
	struct user now;
	const struct user *before = u;
	if ((s = user_read(db, u->id, NULL, &now, NULL, 0)) == ST_OK && now.version != u->version) {
		const char *d = new_display, *l = new_lang;
		if (merge_text(u->display_name, now.display_name, &d) && merge_text(u->lang, now.lang, &l)) {
			memmove(new_display, d, strlen(d) + 1);
			memmove(new_lang, l, strlen(l) + 1);
		} else {
			s = ST_CONFLICT;
		}
		before = &now;
	}
	sqlite3_stmt *st = s == ST_OK ? db_stmt(db, update) : NULL;
	if (s == ST_OK && !st) {
		s = ST_INTERNAL;
	} else if (s == ST_OK) {
		db_bind_text(st, 1, new_display);
		db_bind_text(st, 2, new_lang);
		sqlite3_bind_int64(st, 3, u->id);
		sqlite3_bind_int(st, 4, before->version);
		s = db_step_done(st);
		if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
			s = ST_CONFLICT;
	}
	if (s == ST_OK) {
		struct jsonbuf j;
		jsonbuf_init(&j);
		jsonbuf_change_str(&j, "display_name", before->display_name, new_display);
		jsonbuf_change_str(&j, "lang", before->lang, new_lang);
		s = audit_log(db, "update", "app_user", u->id, jsonbuf_text(&j));
	}
	if ((s = db_finish(db, s)) == ST_OK) {
		int version = before->version + 1;
		if (before == &now)
			*u = now;   /* the other changes made meanwhile too */
		memcpy(u->display_name, new_display, sizeof new_display);
		memcpy(u->lang, new_lang, sizeof new_lang);
		u->version = version;
	}
	return s;
}

long long user_count(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM app_user");
	if (!st)
		return -1;
	long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return n;
}
