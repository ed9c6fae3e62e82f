/* Stays in a centre. */
#include <stdio.h>
#include <string.h>
#include "core/date.h"
#include "core/jsonbuf.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/stay.h"

static const char *const services[SERVICE_COUNT_] = { "accommodation", "food", "water", "nfi" };

const char *stay_service_name(enum stay_service s)
{
	return (int)s >= 0 && s < SERVICE_COUNT_ ? services[s] : "";
}

enum status stay_admit(struct db *db, long long person, const char *centre_code, const char *date,
                       long long *id_out)
{
	static const char open_or_later[] =
		"SELECT count(*) FROM stay WHERE person_id = ?1 AND (departed IS NULL OR departed > ?2)";
	static const char insert[] =
		"INSERT INTO stay (person_id, centre_id, admitted) "
		"SELECT ?1, id, ?3 FROM centre WHERE code = ?2";
	enum status s = db_require(db, PERM_PERSON_WRITE);
	if (s != ST_OK)
		return s;
	if (!date_is_day(date))
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
		jsonbuf_put_str(&j, "centre", centre_code);
		jsonbuf_put_str(&j, "admitted", date);
		s = audit_log(db, "admit", "person", person, jsonbuf_text(&j));
	}
	if (s == ST_OK && id_out)
		*id_out = id;
	return db_finish(db, s);
}

enum status stay_depart(struct db *db, long long stay, const char *date, const char *reason)
{
	static const char update[] =
		"UPDATE stay SET departed = ?2, departure_reason = ?3, version = version + 1 "
		"WHERE id = ?1 AND departed IS NULL AND admitted <= ?2 RETURNING person_id";
	static const char *const reasons[] = { "avr", "continued", "referred", "left", "transferred" };
	enum status s = db_require(db, PERM_PERSON_WRITE);
	if (s != ST_OK)
		return s;
	bool known = false;
	for (size_t i = 0; reason && i < sizeof reasons / sizeof reasons[0]; i++)
		known = known || strcmp(reasons[i], reason) == 0;
	if (!known || !date_is_day(date))
		return ST_INVALID;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, update);
	if (!st)
		return db_finish(db, ST_INTERNAL);
	sqlite3_bind_int64(st, 1, stay);
	db_bind_text(st, 2, date);
	db_bind_text(st, 3, reason);
	int rc = sqlite3_step(st);
	long long person = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_finish(db, db_status_of(rc));
	if (!person)
		return db_finish(db, ST_INVALID);   /* gone, already departed, or before admission */
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_str(&j, "departed", date);
	jsonbuf_put_str(&j, "reason", reason);
	return db_finish(db, audit_log(db, "depart", "person", person, jsonbuf_text(&j)));
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
	if ((s = db_begin(db)) != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, person_of);
	if (!st)
		return db_finish(db, ST_INTERNAL);
	sqlite3_bind_int64(st, 1, stay);
	long long person = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (!person)
		return db_finish(db, ST_NOT_FOUND);
	if (!(st = db_stmt(db, clear)))
		return db_finish(db, ST_INTERNAL);
	char keep[SERVICE_COUNT_ * 16 + 2] = " ";
	for (int i = 0; i < SERVICE_COUNT_; i++) {
		if (!given[i])
			continue;
		strcat(keep, services[i]);
		strcat(keep, " ");
	}
	sqlite3_bind_int64(st, 1, stay);
	db_bind_text(st, 2, keep);
	s = db_step_done(st);
	struct jsonbuf j;
	jsonbuf_init(&j);
	char list[80] = "";
	for (int i = 0; s == ST_OK && i < SERVICE_COUNT_; i++) {
		if (!given[i])
			continue;
		if (!(st = db_stmt(db, add)))
			return db_finish(db, ST_INTERNAL);
		sqlite3_bind_int64(st, 1, stay);
		db_bind_text(st, 2, services[i]);
		s = db_step_done(st);
		size_t len = strlen(list);
		snprintf(list + len, sizeof list - len, "%s%s", len ? " " : "", services[i]);
	}
	jsonbuf_put_str(&j, "services", list);
	if (s == ST_OK)
		s = audit_log(db, "services", "person", person, jsonbuf_text(&j));
	return db_finish(db, s);
}
