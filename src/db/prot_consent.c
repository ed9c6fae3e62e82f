/* The consents of a protection case to each use of its data: listing them
 * (audited), reading one, recording or changing one with its audit row. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/prot_traffic.h"
#include "prot_traffic_private.h"

static void read_row(sqlite3_stmt *st, struct prot_consent *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	c->case_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, c->use, sizeof c->use);
	c->given = sqlite3_column_int(st, 3) != 0;
	db_column_copy(st, 4, c->date, sizeof c->date);
	c->recorded_by = sqlite3_column_int64(st, 5);
	c->version = sqlite3_column_int(st, 6);
}

static enum status consent_read(struct db *db, long long case_id, const char *use, struct prot_consent *c)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, case_id, use, given, date, coalesce(recorded_by, 0), version "
	                               "FROM prot_consent WHERE case_id = ?1 AND use = ?2");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, case_id);
	db_bind_text(st, 2, use);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, c);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status prot_consent_of(struct db *db, long long case_id, const char *use, struct prot_consent *c)
{
	enum status r = db_require(db, PERM_PROTECTION_READ);
	return r != ST_OK ? r : consent_read(db, case_id, use, c);
}

enum status prot_consent_list(struct db *db, long long case_id, struct prot_consent *out, int *n)
{
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK || (r = prot_case_exists(db, case_id)) != ST_OK)
		return r;
	int room = *n, k = 0;
	for (int i = 0; i < vocab_count(VOCAB_PROT_CONSENT_USE) && k < room; i++, k++) {
		const char *use = vocab_code(VOCAB_PROT_CONSENT_USE, i);
		r = consent_read(db, case_id, use, &out[k]);
		if (r == ST_NOT_FOUND) {
			memset(&out[k], 0, sizeof out[k]);
			out[k].case_id = case_id;
			snprintf(out[k].use, sizeof out[k].use, "%s", use);
		} else if (r != ST_OK) {
			return r;
		}
	}
	*n = k;
	return prot_audit_view(db, "prot_consent", case_id);
}

static enum status consent_write(struct db *db, struct prot_consent *c, const char **m)
{
	struct prot_consent before;
	enum status r = prot_case_exists(db, c->case_id);
	if (r == ST_NOT_FOUND) {
		*m = N_("This protection case is not known.");
		return ST_INVALID;
	}
	if (r != ST_OK)
		return r;
	r = consent_read(db, c->case_id, c->use, &before);
	if (r != ST_OK && r != ST_NOT_FOUND)
		return r;
	bool exists = r == ST_OK;
	if (!c->id && exists) {
		*m = N_("This consent is recorded already: change it instead.");
		return ST_DUPLICATE;
	}
	if (c->id && (!exists || before.id != c->id))
		return ST_NOT_FOUND;
	if (c->id && before.version != c->version)
		return ST_CONFLICT;
	const struct db_actor *a = db_actor(db);
	sqlite3_stmt *st = c->id
		? db_stmt(db, "UPDATE prot_consent SET given = ?3, date = ?4, recorded_by = ?5, version = version + 1 "
		              "WHERE id = ?1 AND version = ?6")
		: db_stmt(db, "INSERT INTO prot_consent (case_id, use, given, date, recorded_by) VALUES (?2, ?7, ?3, ?4, ?5)");
	if (!st)
		return ST_INTERNAL;
	if (c->id) {
		sqlite3_bind_int64(st, 1, c->id);
		sqlite3_bind_int(st, 6, c->version);
	} else {
		sqlite3_bind_int64(st, 2, c->case_id);
		db_bind_text(st, 7, c->use);
	}
	sqlite3_bind_int(st, 3, c->given ? 1 : 0);
	db_bind_text(st, 4, c->date);
	if (a->user_id > 0)
		sqlite3_bind_int64(st, 5, a->user_id);
	if ((r = db_step_done(st)) != ST_OK)
		return r;
	if (c->id && sqlite3_changes(db_sqlite(db)) != 1)
		return ST_CONFLICT;
	bool is_new = c->id == 0;
	if (is_new) {
		c->id = sqlite3_last_insert_rowid(db_sqlite(db));
		c->version = 1;
	} else {
		c->version++;
	}
	c->recorded_by = a->user_id > 0 ? a->user_id : 0;
	struct jsonbuf j;
	jsonbuf_init(&j);
	if (is_new) {
		jsonbuf_put_int(&j, "case_id", c->case_id);
		jsonbuf_put_str(&j, "use", c->use);
		jsonbuf_put_int(&j, "given", c->given);
		jsonbuf_put_str(&j, "date", c->date);
	} else {
		jsonbuf_put_str(&j, "use", c->use);
		jsonbuf_change_int(&j, "given", before.given, c->given);
		jsonbuf_change_str(&j, "date", before.date, c->date);
	}
	return audit_log(db, is_new ? "create" : "update", "prot_consent", c->id, jsonbuf_text(&j));
}

enum status prot_consent_save(struct db *db, struct prot_consent *c, const char **msgid)
{
	const char *m = NULL;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	if (r == ST_OK) {
		if (!memchr(c->use, '\0', sizeof c->use) || !vocab_has(VOCAB_PROT_CONSENT_USE, c->use)) {
			m = N_("Choose the use the consent is for.");
			r = ST_INVALID;
		} else if (!prot_past_day_ok(c->date, sizeof c->date)) {
			m = N_("The day of the consent must be a valid day, not in the future.");
			r = ST_INVALID;
		}
	}
	if (r == ST_OK) {
		struct prot_consent keep = *c;
		if ((r = db_begin(db)) == ST_OK)
			r = db_finish(db, consent_write(db, c, &m));
		if (r != ST_OK)
			*c = keep;
	}
	if (msgid)
		*msgid = m;
	return r;
}
