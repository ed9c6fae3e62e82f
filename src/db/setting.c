/* The settings an administrator may change, checked and audited. */
#include "db/setting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/export_people.h"
#include "db/prot.h"
#include "db/reint_money.h"

/* A whole number from lo to hi, nothing else. */
static bool whole_in(const char *v, long lo, long hi)
{
	char *end;
	if (!v || !*v || *v == ' ' || *v == '+')
		return false;
	long n = strtol(v, &end, 10);
	return *end == '\0' && n >= lo && n <= hi;
}

static bool suppress_ok(const char *v)
{
	return whole_in(v, 0, 99);
}

static bool stale_ok(const char *v)
{
	return whole_in(v, 1, 3650);
}

/* Months after the return, ascending, comma-separated: "3,6,12". */
static bool months_ok(const char *v)
{
	int months[24], parts = 1;
	if (!v || !*v || strlen(v) > 100)
		return false;
	for (const char *c = v; *c; c++) {
		if (*c == ',')
			parts++;
		else if (*c < '0' || *c > '9')
			return false;
	}
	/* Every part read (the parser leaves out what it cannot take). */
	return parts <= 24 && reint_visit_months_parse(v, months, 24) == parts;
}

const struct setting_def setting_defs[] = {
	{ REPORT_SUPPRESS_KEY, N_("Exports for partners hide counts from 1 to this number (0: none hidden)"), "4",
	  N_("a whole number from 0 to 99"), suppress_ok },
	{ PROT_TRACING_STALE_KEY, N_("A family tracing without an action for this many days is listed as stale"),
	  "30", N_("a whole number of days from 1 to 3650"), stale_ok },
	{ "reint_visit_months", N_("Monitoring visits are planned this many months after a return"), "3,6,12",
	  N_("months separated by commas, for example 3,6,12"), months_ok },
};
const int setting_def_count = (int)(sizeof setting_defs / sizeof setting_defs[0]);

const struct setting_def *setting_find(const char *key)
{
	for (int i = 0; key && i < setting_def_count; i++)
		if (strcmp(setting_defs[i].key, key) == 0)
			return &setting_defs[i];
	return NULL;
}

/* The stored value of key into out; false when unset. */
static bool stored(struct db *db, const char *key, char *out, size_t size, enum status *s)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM setting WHERE key = ?1");
	*s = st ? ST_OK : ST_INTERNAL;
	if (!st)
		return false;
	db_bind_text(st, 1, key);
	int rc = sqlite3_step(st);
	bool there = rc == SQLITE_ROW;
	if (there)
		db_column_copy(st, 0, out, size);
	else if (rc != SQLITE_DONE)
		*s = db_status_of(rc);
	sqlite3_reset(st);
	return there;
}

enum status db_setting_whole(struct db *db, const char *key, long lo, long hi, long *value)
{
	char text[32];
	enum status s;
	if (stored(db, key, text, sizeof text, &s) && whole_in(text, lo, hi))
		*value = strtol(text, NULL, 10);
	return s;
}

enum status setting_get(struct db *db, const char *key, char *out, size_t size, bool *is_set)
{
	if (size)
		out[0] = '\0';
	*is_set = false;
	enum status s = db_require(db, PERM_REFDATA);
	if (s != ST_OK)
		return s;
	const struct setting_def *d = setting_find(key);
	if (!d)
		return ST_NOT_FOUND;
	*is_set = stored(db, key, out, size, &s);
	if (!*is_set && s == ST_OK)
		snprintf(out, size, "%s", d->fallback);
	return s;
}

enum status setting_set(struct db *db, const char *key, const char *value)
{
	enum status s = db_require(db, PERM_REFDATA);
	if (s != ST_OK)
		return s;
	const struct setting_def *d = setting_find(key);
	if (!d)
		return ST_NOT_FOUND;
	if (value && !d->valid(value))
		return ST_INVALID;
	s = db_begin(db);
	if (s != ST_OK)
		return s;
	char before[128] = "";
	bool was = stored(db, key, before, sizeof before, &s);
	sqlite3_stmt *st = NULL;
	if (s == ST_OK) {
		st = value ? db_stmt(db, "INSERT OR REPLACE INTO setting (key, value) VALUES (?1, ?2)")
		           : db_stmt(db, "DELETE FROM setting WHERE key = ?1");
		s = st ? ST_OK : ST_INTERNAL;
	}
	if (s == ST_OK) {
		db_bind_text(st, 1, key);
		if (value)
			db_bind_text(st, 2, value);
		s = db_step_done(st);
	}
	if (s == ST_OK) {
		struct jsonbuf j;
		jsonbuf_init(&j);
		jsonbuf_put_str(&j, "key", key);
		jsonbuf_change_str(&j, "value", was ? before : NULL, value);
		s = audit_log(db, "update", "setting", 0, jsonbuf_text(&j));
	}
	return db_finish(db, s);
}
