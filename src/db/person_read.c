/* Reading one person with everything the case file shows. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "core/jsonbuf.h"
#include "core/relation.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/person_private.h"

#define PERSON_SELECT \
	"SELECT p.id, p.case_key, p.family_name, p.given_names, p.other_names, p.sex, " \
	"coalesce(p.birth_date, ''), p.birth_estimated, coalesce(p.nationality, ''), p.phone, " \
	"p.arrival_date, c.code, p.arrival_mode, p.consent_data, p.consent_share, p.consent_date, p.version, " \
	"p.kind, p.locality, coalesce(p.community_since, '') " \
	"FROM person p JOIN centre c ON c.id = p.centre_id WHERE p.id = ?1"

/* Fills the languages, documents and flags of p. */
static enum status read_lists(struct db *db, struct person *p)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT language FROM person_language WHERE person_id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, p->id);
	for (int i = 0; i < PERSON_MAX_LANGS && sqlite3_step(st) == SQLITE_ROW; i++)
		db_column_copy(st, 0, p->languages[i], sizeof p->languages[i]);
	sqlite3_reset(st);

	st = db_stmt(db, "SELECT doc_type, number, coalesce(issued_by, ''), coalesce(expiry, '') "
	                 "FROM person_document WHERE person_id = ?1 ORDER BY id");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, p->id);
	for (int i = 0; i < PERSON_MAX_DOCS && sqlite3_step(st) == SQLITE_ROW; i++) {
		db_column_copy(st, 0, p->docs[i].type, sizeof p->docs[i].type);
		db_column_copy(st, 1, p->docs[i].number, sizeof p->docs[i].number);
		db_column_copy(st, 2, p->docs[i].issued_by, sizeof p->docs[i].issued_by);
		db_column_copy(st, 3, p->docs[i].expiry, sizeof p->docs[i].expiry);
	}
	sqlite3_reset(st);

	st = db_stmt(db, "SELECT flag, note FROM person_flag WHERE person_id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, p->id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int f = person_flag_from_name((const char *)sqlite3_column_text(st, 0));
		if (f >= 0)
			p->flags[f] = true;
		if (f == FLAG_OTHER)
			db_column_copy(st, 1, p->flag_other, sizeof p->flag_other);
	}
	sqlite3_reset(st);
	return ST_OK;
}

enum status person_read(struct db *db, long long id, struct person *p)
{
	static const char sql[] = PERSON_SELECT;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	memset(p, 0, sizeof *p);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	}
	p->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, p->case_key, sizeof p->case_key);
	db_column_copy(st, 2, p->family_name, sizeof p->family_name);
	db_column_copy(st, 3, p->given_names, sizeof p->given_names);
	db_column_copy(st, 4, p->other_names, sizeof p->other_names);
	const unsigned char *sex = sqlite3_column_text(st, 5);
	p->sex = sex ? (char)sex[0] : 'x';
	db_column_copy(st, 6, p->birth_date, sizeof p->birth_date);
	p->birth_estimated = sqlite3_column_int(st, 7) != 0;
	db_column_copy(st, 8, p->nationality, sizeof p->nationality);
	db_column_copy(st, 9, p->phone, sizeof p->phone);
	db_column_copy(st, 10, p->arrival_date, sizeof p->arrival_date);
	db_column_copy(st, 11, p->centre_code, sizeof p->centre_code);
	db_column_copy(st, 12, p->arrival_mode, sizeof p->arrival_mode);
	p->consent_data = sqlite3_column_int(st, 13) != 0;
	p->consent_share = sqlite3_column_int(st, 14) != 0;
	db_column_copy(st, 15, p->consent_date, sizeof p->consent_date);
	p->version = sqlite3_column_int(st, 16);
	db_column_copy(st, 17, p->kind, sizeof p->kind);
	db_column_copy(st, 18, p->locality, sizeof p->locality);
	db_column_copy(st, 19, p->community_since, sizeof p->community_since);
	sqlite3_reset(st);
	enum status s = person_staying_at(db, p->id, p->staying_at, sizeof p->staying_at);
	return s == ST_OK ? read_lists(db, p) : s;
}

/* Fills a hit for person id (no flags). */
static bool read_brief(struct db *db, long long id, struct person_hit *h)
{
	static const char sql[] =
		"SELECT p.id, p.case_key, p.family_name || ' ' || p.given_names, p.sex, "
		"coalesce(p.birth_date, ''), p.birth_estimated, coalesce(p.nationality, ''), c.code, p.kind "
		"FROM person p JOIN centre c ON c.id = p.centre_id WHERE p.id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, id);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		memset(h, 0, sizeof *h);
		h->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, h->case_key, sizeof h->case_key);
		db_column_copy(st, 2, h->name, sizeof h->name);
		const unsigned char *sex = sqlite3_column_text(st, 3);
		h->sex = sex ? (char)sex[0] : 'x';
		db_column_copy(st, 4, h->birth_date, sizeof h->birth_date);
		h->birth_estimated = sqlite3_column_int(st, 5) != 0;
		db_column_copy(st, 6, h->nationality, sizeof h->nationality);
		db_column_copy(st, 7, h->centre_code, sizeof h->centre_code);
		const unsigned char *kind = sqlite3_column_text(st, 8);
		h->community = kind && strcmp((const char *)kind, "community") == 0;
	}
	sqlite3_reset(st);
	return found;
}

/* Rows read per statement while paging: the page is collected, the
 * statement reset, then the callback called (it may use the connection);
 * a longer page is read in several such steps, each after the last key. */
#define CHUNK 16

/* How many rows the next step reads: at most CHUNK, at most what is left
 * of limit, plus one to learn whether more remain. */
static int chunk_of(int left)
{
	return (left < CHUNK ? left : CHUNK) + 1;
}

enum status person_current(struct db *db, long long id, struct person *p)
{
	enum status s = db_require(db, PERM_PERSON_READ);
	return s == ST_OK ? person_read(db, id, p) : s;
}

enum status person_family(struct db *db, long long id, long long after, int limit,
                          void (*cb)(const struct person_relative *r, void *ctx), void *ctx, bool *more)
{
	static const char sql[] =
		"SELECT relative_id, relation FROM family_link WHERE person_id = ?1 AND relative_id > ?2 "
		"ORDER BY relative_id LIMIT ?3";
	if (more)
		*more = false;
	enum status s = db_require(db, PERM_PERSON_READ);
	if (s != ST_OK)
		return s;
	if (limit < 0 || after < 0)
		return ST_INVALID;
	struct person_relative rel[CHUNK + 1];
	bool extra = false;
	for (int given = 0; given < limit;) {
		sqlite3_stmt *st = db_stmt(db, sql);
		if (!st)
			return ST_INTERNAL;
		int want = chunk_of(limit - given), n = 0, rc;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, after);
		sqlite3_bind_int(st, 3, want);
		while (n < want && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			rel[n].id = sqlite3_column_int64(st, 0);
			db_column_copy(st, 1, rel[n].relation, sizeof rel[n].relation);
			n++;
		}
		if (n == want)
			rc = SQLITE_DONE;
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_status_of(rc);
		extra = n == want;
		if (extra)
			n--;
		for (int i = 0; i < n && given < limit; i++, given++)
			if (read_brief(db, rel[i].id, &rel[i].hit))
				cb(&rel[i], ctx);
		if (!extra)
			break;
		after = rel[n - 1].id;
	}
	if (more)
		*more = extra;
	return ST_OK;
}

enum status person_link(struct db *db, long long person, long long relative, const char *relation)
{
	static const char sql[] =
		"INSERT INTO family_link (person_id, relative_id, relation) VALUES (?1, ?2, ?3) "
		"ON CONFLICT (person_id, relative_id) DO UPDATE SET relation = excluded.relation "
		"WHERE relation IS NOT excluded.relation";
	static const char was[] = "SELECT relation FROM family_link WHERE person_id = ?1 AND relative_id = ?2";
	enum status s = db_require(db, PERM_PERSON_WRITE);
	if (s != ST_OK)
		return s;
	const char *back = vocab_has(VOCAB_RELATION, relation) ? relation_inverse(relation) : NULL;
	if (!back || person == relative)
		return ST_INVALID;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, sql), *old = db_stmt(db, was);
	/* Each side of the link is audited on its person (the relative's side
	 * first): the relative, and the relation before (null when new) and
	 * after. */
	for (int i = 1; st && old && s == ST_OK && i >= 0; i--) {
		long long a = i ? relative : person, b = i ? person : relative;
		const char *rel = i ? back : relation;
		char before[16] = "";
		sqlite3_bind_int64(old, 1, a);
		sqlite3_bind_int64(old, 2, b);
		bool had = sqlite3_step(old) == SQLITE_ROW;
		if (had)
			db_column_copy(old, 0, before, sizeof before);
		sqlite3_reset(old);
		sqlite3_bind_int64(st, 1, a);
		sqlite3_bind_int64(st, 2, b);
		db_bind_text(st, 3, rel);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			s = db_status_of(rc);
			break;
		}
		struct jsonbuf j;
		jsonbuf_init(&j);
		jsonbuf_put_int(&j, "relative", b);
		if (!jsonbuf_change_str(&j, "relation", had ? before : NULL, rel))
			jsonbuf_put_str(&j, "relation", rel);
		s = audit_log(db, "link", "person", a, jsonbuf_text(&j));
	}
	if (!st || !old)
		s = ST_INTERNAL;
	if (s == ST_OK)
		return db_commit(db);
	db_rollback(db);
	return s;
}

enum status person_unlink(struct db *db, long long person, long long relative)
{
	static const char del[] =
		"DELETE FROM family_link WHERE person_id = ?1 AND relative_id = ?2 RETURNING relation";
	enum status s = db_require(db, PERM_PERSON_WRITE);
	if (s != ST_OK)
		return s;
	if (person == relative)
		return ST_INVALID;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, del);
	int removed = 0;
	/* Each side is removed and audited on its person, as person_link
	 * records them: the relative, and the relation before and after. */
	for (int i = 1; st && s == ST_OK && i >= 0; i--) {
		long long a = i ? relative : person, b = i ? person : relative;
		char before[16] = "";
		sqlite3_bind_int64(st, 1, a);
		sqlite3_bind_int64(st, 2, b);
		int rc = sqlite3_step(st);
		bool had = rc == SQLITE_ROW;
		if (had) {
			db_column_copy(st, 0, before, sizeof before);
			rc = sqlite3_step(st);
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			s = db_status_of(rc);
			break;
		}
		if (!had)
			continue;
		removed++;
		struct jsonbuf j;
		jsonbuf_init(&j);
		jsonbuf_put_int(&j, "relative", b);
		jsonbuf_change_str(&j, "relation", before, NULL);
		s = audit_log(db, "unlink", "person", a, jsonbuf_text(&j));
	}
	if (!st)
		s = ST_INTERNAL;
	else if (s == ST_OK && removed == 0)
		s = ST_NOT_FOUND;
	if (s == ST_OK)
		return db_commit(db);
	db_rollback(db);
	return s;
}

enum status person_stays(struct db *db, long long id, long long after, int limit,
                         void (*cb)(const struct person_stay *s, void *ctx), void *ctx, bool *more)
{
	/* Latest first: by admission, then by entry; after a stay means below
	 * it in that order. */
	static const char sql[] =
		"SELECT s.id, c.code, s.admitted, coalesce(s.departed, ''), coalesce(s.departure_reason, ''), "
		"coalesce((SELECT group_concat(service, ' ') FROM stay_service WHERE stay_id = s.id), '') "
		"FROM stay s JOIN centre c ON c.id = s.centre_id WHERE s.person_id = ?1 "
		"AND (?2 = 0 OR (s.admitted, s.id) < (SELECT admitted, id FROM stay WHERE id = ?2)) "
		"ORDER BY s.admitted DESC, s.id DESC LIMIT ?3";
	if (more)
		*more = false;
	enum status s = db_require(db, PERM_PERSON_READ);
	if (s != ST_OK)
		return s;
	if (limit < 0 || after < 0)
		return ST_INVALID;
	struct person_stay stays[CHUNK + 1];
	bool extra = false;
	for (int given = 0; given < limit;) {
		sqlite3_stmt *st = db_stmt(db, sql);
		if (!st)
			return ST_INTERNAL;
		int want = chunk_of(limit - given), n = 0, rc;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, after);
		sqlite3_bind_int(st, 3, want);
		while (n < want && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			struct person_stay *y = &stays[n++];
			y->id = sqlite3_column_int64(st, 0);
			db_column_copy(st, 1, y->centre_code, sizeof y->centre_code);
			db_column_copy(st, 2, y->admitted, sizeof y->admitted);
			db_column_copy(st, 3, y->departed, sizeof y->departed);
			db_column_copy(st, 4, y->reason, sizeof y->reason);
			db_column_copy(st, 5, y->services, sizeof y->services);
		}
		if (n == want)
			rc = SQLITE_DONE;
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_status_of(rc);
		extra = n == want;
		if (extra)
			n--;
		for (int i = 0; i < n; i++, given++)
			cb(&stays[i], ctx);
		if (!extra)
			break;
		after = stays[n - 1].id;
	}
	if (more)
		*more = extra;
	return ST_OK;
}

enum status person_history(struct db *db, long long id, long long after, int limit,
                           void (*cb)(const struct person_change *c, void *ctx), void *ctx, bool *more)
{
	static const char sql[] =
		"SELECT id, at, user_name, action, coalesce(changes, '') FROM audit "
		"WHERE entity = 'person' AND entity_id = ?1 "
		"AND action IN ('create', 'update', 'link', 'unlink', 'admit', 'depart', 'services') "
		"AND id < ?2 ORDER BY id DESC LIMIT ?3";
	if (more)
		*more = false;
	enum status s = db_require(db, PERM_PERSON_READ);
	if (s != ST_OK)
		return s;
	if (limit < 0 || after < 0)
		return ST_INVALID;
	struct person_change ch[CHUNK + 1];
	bool extra = false;
	for (int given = 0; given < limit;) {
		sqlite3_stmt *st = db_stmt(db, sql);
		if (!st)
			return ST_INTERNAL;
		int want = chunk_of(limit - given), n = 0, rc;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, after > 0 ? after : INT64_MAX);
		sqlite3_bind_int(st, 3, want);
		while (n < want && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			ch[n].id = sqlite3_column_int64(st, 0);
			db_column_copy(st, 1, ch[n].at, sizeof ch[n].at);
			db_column_copy(st, 2, ch[n].user_name, sizeof ch[n].user_name);
			db_column_copy(st, 3, ch[n].action, sizeof ch[n].action);
			db_column_copy(st, 4, ch[n].changes, sizeof ch[n].changes);
			n++;
		}
		if (n == want)
			rc = SQLITE_DONE;
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_status_of(rc);
		extra = n == want;
		if (extra)
			n--;
		for (int i = 0; i < n; i++, given++)
			cb(&ch[i], ctx);
		if (!extra)
			break;
		after = ch[n - 1].id;
	}
	if (more)
		*more = extra;
	return ST_OK;
}
