/* Writing a person's languages, documents and flags on save: rows that
 * stay keep their identity (uuid, creation time, migration 011), rows that
 * change are updated in place, and only the ones the person no longer has
 * are deleted. Replacing them all at every save would give them new uuids,
 * and a site receiving the changes would see them deleted and made again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_private.h"
#include "db/person_private.h"

/* Deletes the rows of person whose code is not in keep (" a b "), with
 * sql's ?1 the person and ?2 the list. */
static enum status delete_others(struct db *db, const char *sql, long long person, const char *keep)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	db_bind_text(st, 2, keep);
	return db_step_done(st);
}

static enum status write_languages(struct db *db, const struct person *p)
{
	static const char del[] =
		"DELETE FROM person_language WHERE person_id = ?1 AND instr(?2, ' ' || language || ' ') = 0";
	static const char add[] =
		"INSERT OR IGNORE INTO person_language (person_id, language) VALUES (?1, ?2)";
	char keep[PERSON_MAX_LANGS * sizeof p->languages[0] + 2] = " ";
	for (int i = 0; i < PERSON_MAX_LANGS && p->languages[i][0]; i++) {
		strcat(keep, p->languages[i]);
		strcat(keep, " ");
	}
	enum status s = delete_others(db, del, p->id, keep);
	sqlite3_stmt *st = db_stmt(db, add);
	if (!st)
		return ST_INTERNAL;
	for (int i = 0; s == ST_OK && i < PERSON_MAX_LANGS && p->languages[i][0]; i++) {
		sqlite3_bind_int64(st, 1, p->id);
		db_bind_text(st, 2, p->languages[i]);
		s = db_step_done(st);
	}
	return s;
}

static enum status write_flags(struct db *db, const struct person *p)
{
	static const char del[] =
		"DELETE FROM person_flag WHERE person_id = ?1 AND instr(?2, ' ' || flag || ' ') = 0";
	static const char add[] =
		"INSERT INTO person_flag (person_id, flag, note) VALUES (?1, ?2, ?3) "
		"ON CONFLICT (person_id, flag) DO UPDATE SET note = excluded.note "
		"WHERE note IS NOT excluded.note";
	char keep[FLAG_COUNT_ * 32 + 2] = " ";
	for (int f = 0; f < FLAG_COUNT_; f++) {
		if (!p->flags[f])
			continue;
		strcat(keep, person_flag_name((enum person_flag)f));
		strcat(keep, " ");
	}
	enum status s = delete_others(db, del, p->id, keep);
	sqlite3_stmt *st = db_stmt(db, add);
	if (!st)
		return ST_INTERNAL;
	for (int f = 0; s == ST_OK && f < FLAG_COUNT_; f++) {
		if (!p->flags[f])
			continue;
		sqlite3_bind_int64(st, 1, p->id);
		db_bind_text(st, 2, person_flag_name((enum person_flag)f));
		db_bind_text(st, 3, f == FLAG_OTHER ? p->flag_other : "");
		s = db_step_done(st);
	}
	return s;
}

/* Documents have no key of their own: the i-th document of the form is the
 * i-th stored one (in id order, as person_read reads them). */
static enum status write_documents(struct db *db, const struct person *p)
{
	static const char ids[] = "SELECT id FROM person_document WHERE person_id = ?1 ORDER BY id";
	static const char update[] =
		"UPDATE person_document SET doc_type = ?2, number = ?3, issued_by = ?4, expiry = ?5 "
		"WHERE id = ?1 AND (doc_type IS NOT ?2 OR number IS NOT ?3 OR issued_by IS NOT ?4 "
		"OR expiry IS NOT ?5)";
	static const char insert[] =
		"INSERT INTO person_document (person_id, doc_type, number, issued_by, expiry) "
		"VALUES (?1, ?2, ?3, ?4, ?5)";
	static const char del[] = "DELETE FROM person_document WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, ids);
	if (!st)
		return ST_INTERNAL;
	long long *old = NULL;
	size_t nold = 0, cap = 0;
	enum status s = ST_OK;
	sqlite3_bind_int64(st, 1, p->id);
	while (s == ST_OK && sqlite3_step(st) == SQLITE_ROW) {
		long long *slot = db_grow((void **)&old, &nold, &cap, sizeof *old);
		if (slot)
			*slot = sqlite3_column_int64(st, 0);
		else
			s = ST_NOMEM;
	}
	sqlite3_reset(st);
	size_t i = 0;
	for (; s == ST_OK && i < PERSON_MAX_DOCS && p->docs[i].type[0]; i++) {
		const struct person_doc *d = &p->docs[i];
		st = db_stmt(db, i < nold ? update : insert);
		if (!st) {
			s = ST_INTERNAL;
			break;
		}
		sqlite3_bind_int64(st, 1, i < nold ? old[i] : p->id);
		db_bind_text(st, 2, d->type);
		db_bind_text(st, 3, d->number);
		db_bind_opt(st, 4, d->issued_by);
		db_bind_opt(st, 5, d->expiry);
		s = db_step_done(st);
	}
	for (; s == ST_OK && i < nold; i++) {
		if (!(st = db_stmt(db, del))) {
			s = ST_INTERNAL;
			break;
		}
		sqlite3_bind_int64(st, 1, old[i]);
		s = db_step_done(st);
	}
	free(old);
	return s;
}

enum status person_write_lists(struct db *db, const struct person *p)
{
	enum status s = write_languages(db, p);
	if (s == ST_OK)
		s = write_documents(db, p);
	if (s == ST_OK)
		s = write_flags(db, p);
	return s;
}
