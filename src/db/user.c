/* Staff accounts. */
#include <stdio.h>
#include <string.h>

#include "core/password.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/user.h"

#define USER_COLUMNS \
	"u.id, u.name, u.display_name, u.role, u.centre_id, c.code, u.lang, u.active, u.version, u.pw_hash"

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

/* Fills *u from a row of USER_COLUMNS. */
static void read_row(sqlite3_stmt *st, struct user *u)
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
}

enum status user_add(struct db *db, const char *name, const char *display_name,
                     enum role role, const char *centre_code, const char *lang,
                     const char *password, long long *id_out)
{
	static const char find_centre[] = "SELECT id FROM centre WHERE code = ?1";
	static const char insert[] =
		"INSERT INTO app_user (name, display_name, role, centre_id, lang, pw_hash, created_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";
	static const char changes[] =
		"SELECT json_object('name', ?1, 'display_name', ?2, 'role', ?3, 'centre', ?4, 'lang', ?5)";

	if (user_check_name(name) != ST_OK || !display_name || !*display_name
	    || !role_name(role) || !lang || (strcmp(lang, "fr") != 0 && strcmp(lang, "en") != 0))
		return ST_INVALID;
	enum status s = password_check_rules(password);
	if (s != ST_OK)
		return s;
	char hash[PASSWORD_HASH_MAX];
	if ((s = password_hash(password, hash, sizeof hash)) != ST_OK)
		return s;
	if ((s = db_begin(db)) != ST_OK)
		return s;

	sqlite3_stmt *st = db_stmt(db, find_centre);
	if (!st) {
		s = ST_INTERNAL;
		goto out;
	}
	db_bind_text(st, 1, centre_code);
	long long centre_id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (!centre_id) {
		s = ST_NOT_FOUND;
		goto out;
	}

	st = db_stmt(db, insert);
	if (!st) {
		s = ST_INTERNAL;
		goto out;
	}
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, display_name);
	db_bind_text(st, 3, role_name(role));
	sqlite3_bind_int64(st, 4, centre_id);
	db_bind_text(st, 5, lang);
	db_bind_text(st, 6, hash);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		s = db_status_of(rc);
		goto out;
	}
	long long id = sqlite3_last_insert_rowid(db_sqlite(db));

	st = db_stmt(db, changes);
	if (!st) {
		s = ST_INTERNAL;
		goto out;
	}
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, display_name);
	db_bind_text(st, 3, role_name(role));
	db_bind_text(st, 4, centre_code);
	db_bind_text(st, 5, lang);
	char json[1024];
	json[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_copy(st, 0, json, sizeof json);
	sqlite3_reset(st);
	s = audit_log(db, "create", "app_user", id, json);
	if (s == ST_OK && id_out)
		*id_out = id;
out:
	if (s == ST_OK)
		return db_commit(db);
	db_rollback(db);
	return s;
}

/* Reads one account by name into *u with its hash into hash; ST_NOT_FOUND
 * when there is none. */
static enum status find_by_name(struct db *db, const char *name, struct user *u,
                                char *hash, size_t hash_size)
{
	static const char sql[] =
		"SELECT " USER_COLUMNS " FROM app_user u JOIN centre c ON c.id = u.centre_id "
		"WHERE u.name = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, name);
	int rc = sqlite3_step(st);
	enum status s = ST_NOT_FOUND;
	if (rc == SQLITE_ROW) {
		read_row(st, u);
		db_column_copy(st, 9, hash, hash_size);
		s = ST_OK;
	} else if (rc != SQLITE_DONE) {
		s = db_status_of(rc);
	}
	sqlite3_reset(st);
	return s;
}

enum status user_login(struct db *db, const char *name, const char *password,
                       const char *origin, struct user *out)
{
	struct user u;
	char hash[PASSWORD_HASH_MAX] = "";
	enum status found = find_by_name(db, name, &u, hash, sizeof hash);
	if (found != ST_OK && found != ST_NOT_FOUND)
		return found;
	/* Always hash, so an unknown name takes as long as a wrong password. */
	bool ok = password_verify(password ? password : "", found == ST_OK ? hash : NULL);
	explicit_bzero(hash, sizeof hash);
	enum status result = !ok ? ST_BAD_LOGIN : !u.active ? ST_DISABLED : ST_OK;

	char typed[USER_NAME_MAX + 1];
	snprintf(typed, sizeof typed, "%s", name ? name : "");
	if (result == ST_OK)
		db_set_actor(db, u.id, u.name, origin);
	else
		db_set_actor(db, 0, typed, origin);
	enum status s = db_begin(db);
	if (s == ST_OK) {
		s = audit_log(db, result == ST_OK ? "login" : "login_failed", "app_user",
		              found == ST_OK ? u.id : 0, NULL);
		s = s == ST_OK ? db_commit(db) : (db_rollback(db), s);
	}
	if (result != ST_OK)
		return result;
	if (s != ST_OK) {
		db_set_actor(db, 0, "", origin);
		return s;
	}
	*out = u;
	return ST_OK;
}

enum status user_get(struct db *db, long long id, struct user *out)
{
	static const char sql[] =
		"SELECT " USER_COLUMNS " FROM app_user u JOIN centre c ON c.id = u.centre_id "
		"WHERE u.id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	enum status s = rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	if (rc == SQLITE_ROW)
		read_row(st, out);
	sqlite3_reset(st);
	return s;
}

enum status user_save_prefs(struct db *db, struct user *u, const char *display_name,
                            const char *lang)
{
	static const char update[] =
		"UPDATE app_user SET display_name = ?1, lang = ?2, version = version + 1 "
		"WHERE id = ?3 AND version = ?4";
	static const char changes[] =
		"SELECT json_patch(CASE WHEN ?1 IS NOT ?2 THEN json_object('display_name', json_array(?1, ?2)) "
		"ELSE '{}' END, CASE WHEN ?3 IS NOT ?4 THEN json_object('lang', json_array(?3, ?4)) "
		"ELSE '{}' END)";

	if (!display_name || !*display_name || strlen(display_name) >= sizeof u->display_name
	    || !lang || (strcmp(lang, "fr") != 0 && strcmp(lang, "en") != 0))
		return ST_INVALID;
	/* Callers may pass u's own fields: work on copies. */
	char new_display[sizeof u->display_name], new_lang[sizeof u->lang];
	snprintf(new_display, sizeof new_display, "%s", display_name);
	snprintf(new_lang, sizeof new_lang, "%s", lang);
	display_name = new_display;
	lang = new_lang;
	enum status s = db_begin(db);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, update);
	if (!st) {
		s = ST_INTERNAL;
		goto out;
	}
	db_bind_text(st, 1, display_name);
	db_bind_text(st, 2, lang);
	sqlite3_bind_int64(st, 3, u->id);
	sqlite3_bind_int(st, 4, u->version);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		s = db_status_of(rc);
		goto out;
	}
	if (sqlite3_changes(db_sqlite(db)) != 1) {
		s = ST_CONFLICT;
		goto out;
	}
	st = db_stmt(db, changes);
	if (!st) {
		s = ST_INTERNAL;
		goto out;
	}
	db_bind_text(st, 1, u->display_name);
	db_bind_text(st, 2, display_name);
	db_bind_text(st, 3, u->lang);
	db_bind_text(st, 4, lang);
	char json[1200] = "";
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_copy(st, 0, json, sizeof json);
	sqlite3_reset(st);
	s = audit_log(db, "update", "app_user", u->id, json);
out:
	if (s == ST_OK && (s = db_commit(db)) == ST_OK) {
		snprintf(u->display_name, sizeof u->display_name, "%s", display_name);
		snprintf(u->lang, sizeof u->lang, "%s", lang);
		u->version++;
		return ST_OK;
	}
	db_rollback(db);
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
