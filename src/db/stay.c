/* Stays in a centre. Audited on the person (entity "person"), with the
 * stay's id: an admission with every field of the new stay, a departure
 * with departed and reason as [null, after], services as [before, after]
 * (codes space-separated in list order). */
#include <stdio.h>
#include <string.h>
#include "core/clock.h"
#include "core/date.h"
#include "core/jsonbuf.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/person_private.h"
#include "db/stay.h"

const char *stay_service_name(enum stay_service s)
{
	return vocab_code(VOCAB_SERVICE, (int)s);
}

/* True when iso is a full day not after today. */
static bool past_day(const char *iso)
{
	char today[11];
	struct pdate t = clock_today();
	date_to_iso(&t, today, sizeof today);
	return date_is_day(iso) && strcmp(iso, today) <= 0;
}

/* The codes of the services given, space-separated in list order. */
static void services_text(const bool given[SERVICE_COUNT_], char *out, size_t size)
{
	out[0] = '\0';
	for (int i = 0; i < SERVICE_COUNT_; i++) {
		size_t len = strlen(out);
		if (given[i])
			snprintf(out + len, size - len, "%s%s", len ? " " : "", stay_service_name((enum stay_service)i));
	}
}

enum status stay_admit(struct db *db, long long person, const char *centre_code, const char *date,
                       long long *id_out)
{
	/* A community member arrives through community_arrive (db/community.h),
	 * which makes them a migrant with the stay. */
	static const char open_or_later[] =
		"SELECT (SELECT count(*) FROM stay WHERE person_id = ?1 AND (departed IS NULL OR departed > ?2)) "
		"+ (SELECT count(*) FROM person WHERE id = ?1 AND kind = 'community')";
	static const char insert[] =
		"INSERT INTO stay (person_id, centre_id, admitted) "
		"SELECT ?1, id, ?3 FROM centre WHERE code = ?2";
	enum status s = db_require(db, PERM_PERSON_WRITE);
	if (s != ST_OK)
		return s;
	if (!past_day(date))
		return ST_INVALID;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, open_or_later);
	if (!st)
		return db_finish(db, ST_INTERNAL);
	sqlite3_bind_int64(st, 1, person);
	db_bind_text(st, 2, date);
	int busy = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 1;
	sqlite3_reset(st);
	if (busy)
		return db_finish(db, ST_INVALID);
	if (!(st = db_stmt(db, insert)))
		return db_finish(db, ST_INTERNAL);
	sqlite3_bind_int64(st, 1, person);
	db_bind_text(st, 2, centre_code);
	db_bind_text(st, 3, date);
	s = db_step_done(st);
	if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		s = ST_NOT_FOUND;
	long long id = sqlite3_last_insert_rowid(db_sqlite(db));
	if (s == ST_OK) {
		struct jsonbuf j;
		jsonbuf_init(&j);
		jsonbuf_put_int(&j, "stay_id", id);
		jsonbuf_put_str(&j, "centre", centre_code);
		jsonbuf_put_str(&j, "admitted", date);
		jsonbuf_put_str(&j, "departed", "");
		jsonbuf_put_str(&j, "reason", "");
		jsonbuf_put_str(&j, "services", "");
		s = audit_log(db, "admit", "person", person, jsonbuf_text(&j));
	}
	if (s == ST_OK)
		s = person_reindex(db, person);   /* the lookup lists residents first */
	if (s == ST_OK && id_out)
		*id_out = id;
	return db_finish(db, s);
}

/* Begins a transaction unless the caller's is open (*began tells which),
 * so that a save made of several writes is one transaction. */
static enum status begin_own(struct db *db, bool *began)
{
	*began = sqlite3_get_autocommit(db_sqlite(db)) != 0;
	return *began ? db_begin(db) : ST_OK;
}

/* Ends what begin_own began: commits or rolls back; inside the caller's
 * transaction, only passes s on (the caller rolls back). */
static enum status finish_own(struct db *db, bool began, enum status s)
{
	return began ? db_finish(db, s) : s;
}

enum status stay_depart(struct db *db, long long stay, const char *date, const char *reason)
{
	static const char update[] =
		"UPDATE stay SET departed = ?2, departure_reason = ?3, version = version + 1 "
		"WHERE id = ?1 AND departed IS NULL AND admitted <= ?2 RETURNING person_id";
	enum status s = db_require(db, PERM_PERSON_WRITE);
	if (s != ST_OK)
		return s;
	if (!vocab_has(VOCAB_DEPARTURE_REASON, reason) || !past_day(date))
		return ST_INVALID;
	bool began;
	if ((s = begin_own(db, &began)) != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, update);
	if (!st)
		return finish_own(db, began, ST_INTERNAL);
	sqlite3_bind_int64(st, 1, stay);
	db_bind_text(st, 2, date);
	db_bind_text(st, 3, reason);
	int rc = sqlite3_step(st);
	long long person = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return finish_own(db, began, db_status_of(rc));
	if (!person)
		return finish_own(db, began, ST_INVALID);   /* gone, already departed, or before admission */
	struct jsonbuf j;
	jsonbuf_init(&j);
	/* Only a stay without departure is updated: both were null. */
	jsonbuf_put_int(&j, "stay_id", stay);
	jsonbuf_change_str(&j, "departed", NULL, date);
	jsonbuf_change_str(&j, "reason", NULL, reason);
	s = audit_log(db, "depart", "person", person, jsonbuf_text(&j));
	if (s == ST_OK)
		s = person_reindex(db, person);   /* the lookup lists residents first */
	return finish_own(db, began, s);
}

/* The services stay gives now, space-separated in list order, into out. */
static enum status services_now(struct db *db, long long stay, char *out, size_t size)
{
	static const char sql[] = "SELECT service FROM stay_service WHERE stay_id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	bool given[SERVICE_COUNT_] = { false };
	sqlite3_bind_int64(st, 1, stay);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int i = vocab_index(VOCAB_SERVICE, (const char *)sqlite3_column_text(st, 0));
		if (i >= 0 && i < SERVICE_COUNT_)
			given[i] = true;
	}
	sqlite3_reset(st);
	services_text(given, out, size);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

enum status stay_set_services(struct db *db, long long stay, const bool given[SERVICE_COUNT_])
{
	static const char person_of[] = "SELECT person_id FROM stay WHERE id = ?1";
	/* Services kept stay as they are (their uuids with them). */
	static const char clear[] =
		"DELETE FROM stay_service WHERE stay_id = ?1 AND instr(?2, ' ' || service || ' ') = 0";
	static const char add[] = "INSERT OR IGNORE INTO stay_service (stay_id, service) VALUES (?1, ?2)";
	enum status s = db_require(db, PERM_PERSON_WRITE);
	if (s != ST_OK)
		return s;
	bool began;
	if ((s = begin_own(db, &began)) != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, person_of);
	if (!st)
		return finish_own(db, began, ST_INTERNAL);
	sqlite3_bind_int64(st, 1, stay);
	long long person = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (!person)
		return finish_own(db, began, ST_NOT_FOUND);
	char before[80], after[80];
	if ((s = services_now(db, stay, before, sizeof before)) != ST_OK)
		return finish_own(db, began, s);
	if (!(st = db_stmt(db, clear)))
		return finish_own(db, began, ST_INTERNAL);
	char keep[SERVICE_COUNT_ * 16 + 2] = " ";
	for (int i = 0; i < SERVICE_COUNT_; i++) {
		if (!given[i])
			continue;
		strcat(keep, stay_service_name((enum stay_service)i));
		strcat(keep, " ");
	}
	sqlite3_bind_int64(st, 1, stay);
	db_bind_text(st, 2, keep);
	s = db_step_done(st);
	for (int i = 0; s == ST_OK && i < SERVICE_COUNT_; i++) {
		if (!given[i])
			continue;
		if (!(st = db_stmt(db, add)))
			return finish_own(db, began, ST_INTERNAL);
		sqlite3_bind_int64(st, 1, stay);
		db_bind_text(st, 2, stay_service_name((enum stay_service)i));
		s = db_step_done(st);
	}
	services_text(given, after, sizeof after);
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_int(&j, "stay_id", stay);
	if (!jsonbuf_change_str(&j, "services", before, after))
		jsonbuf_put_str(&j, "services", after);
	if (s == ST_OK)
		s = audit_log(db, "services", "person", person, jsonbuf_text(&j));
	return finish_own(db, began, s);
}

enum status stay_save(struct db *db, long long stay, const bool given[SERVICE_COUNT_], const char *date,
                      const char *reason)
{
	enum status s = db_require(db, PERM_PERSON_WRITE);
	if (s != ST_OK || (s = db_begin(db)) != ST_OK)
		return s;
	s = stay_set_services(db, stay, given);
	if (s == ST_OK && date && date[0])
		s = stay_depart(db, stay, date, reason);
	return db_finish(db, s);
}

enum status stay_end_for_return(struct db *db, long long person, const char *date, bool *ended)
{
	static const char current[] = "SELECT id, admitted FROM stay WHERE person_id = ?1 AND departed IS NULL";
	static const char update[] =
		"UPDATE stay SET departed = ?2, departure_reason = 'avr', version = version + 1 WHERE id = ?1";
	*ended = false;
	enum status s = db_require(db, PERM_PROTECTION_WRITE);
	if (s != ST_OK)
		return s;
	if (sqlite3_get_autocommit(db_sqlite(db)))
		return ST_INTERNAL;
	if (!past_day(date))
		return ST_INVALID;
	sqlite3_stmt *st = db_stmt(db, current);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	int rc = sqlite3_step(st);
	long long stay = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	char admitted[16] = "";
	if (rc == SQLITE_ROW)
		db_column_copy(st, 1, admitted, sizeof admitted);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_status_of(rc);
	if (!stay)
		return ST_OK;
	if (strncmp(admitted, date, 10) > 0)
		return ST_INVALID;
	if (!(st = db_stmt(db, update)))
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, stay);
	db_bind_text(st, 2, date);
	if ((s = db_step_done(st)) != ST_OK)
		return s;
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_int(&j, "stay_id", stay);
	jsonbuf_change_str(&j, "departed", NULL, date);
	jsonbuf_change_str(&j, "reason", NULL, "avr");
	s = audit_log(db, "depart", "person", person, jsonbuf_text(&j));
	if (s == ST_OK)
		s = person_reindex(db, person);
	*ended = s == ST_OK;
	return s;
}
