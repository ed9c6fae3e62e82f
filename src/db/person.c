/* People: saving with case numbers, reading, the search index. Lookups and
 * duplicates are in person_find.c. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/casenum.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/names.h"
#include "core/person_merge.h"
#include "core/phone.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/person.h"
#include "db/person_private.h"

int person_flag_from_name(const char *name)
{
	return vocab_index(VOCAB_FLAG, name);
}

/* True when s is "" or a valid ISO date (partial allowed). */
static bool iso_or_empty(const char *s, struct pdate *out)
{
	out->prec = DATE_NONE;
	return !*s || date_from_iso(s, out) == DATE_OK;
}

/* The msgid of the first text field of p that overflows its buffer or is
 * not UTF-8, NULL when none. */
static const char *texts_problem(const struct person *p)
{
	for (int f = 0; f < person_field_count; f++) {
		const struct person_field *pf = &person_fields[f];
		const char *text = (const char *)p + pf->offset;
		if (pf->size > 1 && (!memchr(text, '\0', pf->size) || !text_valid_utf8(text)))
			return N_("A text is too long or not valid.");
	}
	return NULL;
}

enum status person_check(const struct person *p, const char *today_iso, const char **msgid)
{
	const char *m = texts_problem(p);
	struct pdate today, d;
	date_from_iso(today_iso, &today);
	if (m) {
		/* The other checks read these texts. */
	} else if (!p->family_name[0] || !p->given_names[0])
		m = N_("The family name and given names are required.");
	else if (!vocab_has(VOCAB_SEX, (char[]){ p->sex, '\0' }))
		m = N_("Choose the sex.");
	else if (!iso_or_empty(p->birth_date, &d) || (d.prec && date_check_past(&d, &today) != DATE_OK))
		m = N_("The date of birth is not valid or is in the future.");
	else if (date_from_iso(p->arrival_date, &d) != DATE_OK || d.prec != DATE_DAY
	         || date_check_past(&d, &today) != DATE_OK)
		m = N_("The arrival date is required and cannot be in the future.");
	else if (!vocab_has(VOCAB_ARRIVAL_MODE, p->arrival_mode))
		m = N_("Choose how the person came.");
	else if (date_from_iso(p->consent_date, &d) != DATE_OK || d.prec != DATE_DAY)
		m = N_("The date of consent is required.");
	else if (!p->centre_code[0])
		m = N_("Choose the centre.");
	else
		m = person_birth_problem(p);
	if (!m)
		m = person_phone_problem(p->phone);
	if (!m)
		m = person_flags_problem(p);
	if (!m)
		m = person_consistency_problem(p, today_iso, NULL);
	for (int i = 0; !m && i < PERSON_MAX_DOCS && p->docs[i].type[0]; i++)
		if (!vocab_has(VOCAB_DOC_TYPE, p->docs[i].type) || !iso_or_empty(p->docs[i].expiry, &d))
			m = N_("A document is not valid.");
	if (msgid)
		*msgid = m;
	return m ? ST_INVALID : ST_OK;
}

void person_index_text(const struct person *p, const char *cc, char *out, size_t size)
{
	char aliases[sizeof p->other_names];
	snprintf(aliases, sizeof aliases, "%s", p->other_names);
	for (char *c = aliases; *c; c++)
		if (*c == ';')
			*c = ' ';
	char phone[PHONE_WORDS_SIZE];
	phone_index_words(p->phone, cc, phone, sizeof phone);
	snprintf(out, size, "%s %s %s %s %s", p->family_name, p->given_names, aliases, p->case_key, phone);
	person_key_tokens(p, out, size);
}

void person_phone_key(const char *phone, const char *cc, char *out, size_t size)
{
	phone_normalise(phone, cc, out, size);
}

/* Writes the search index row and the name keys of p. */
static enum status write_index(struct db *db, const struct person *p)
{
	sqlite3_stmt *delk = db_stmt(db, "DELETE FROM person_name_key WHERE person_id = ?1");
	sqlite3_stmt *insk = db_stmt(db, "INSERT OR IGNORE INTO person_name_key (key, person_id) VALUES (?1, ?2)");
	if (!delk || !insk)
		return ST_INTERNAL;
	char text[PERSON_INDEX_TEXT];
	person_index_text(p, db_phone_country(db), text, sizeof text);
	enum status s = person_index_store(db, p->id, text);
	if (s == ST_OK) {
		sqlite3_bind_int64(delk, 1, p->id);
		s = db_step_done(delk);
	}
	char keys[PERSON_MAX_KEYS][NAMES_KEY_MAX];
	int n = person_name_keys(p, keys, PERSON_MAX_KEYS);
	for (int k = 0; s == ST_OK && k < n; k++) {
		db_bind_text(insk, 1, keys[k]);
		sqlite3_bind_int64(insk, 2, p->id);
		s = db_step_done(insk);
	}
	if (s == ST_OK)
		s = person_write_typos(db, p);
	if (s == ST_OK)
		s = person_write_words(db, p);
	return s;
}

/* Takes the next case number of centre and year, under the write lock. */
static enum status next_case_key(struct db *db, long long centre, const char *code, int year,
                                 char *key, size_t size)
{
	static const char take[] =
		"INSERT INTO case_sequence (centre_id, year, next) VALUES (?1, ?2, 2) "
		"ON CONFLICT (centre_id, year) DO UPDATE SET next = next + 1 RETURNING next - 1";
	sqlite3_stmt *st = db_stmt(db, take);
	if (!st)
		return ST_INTERNAL;
	/* About one sequence number in 37 has no check character (see
	 * core/casenum.h) and is skipped. */
	for (int tries = 0; tries < 8; tries++) {
		sqlite3_bind_int64(st, 1, centre);
		sqlite3_bind_int(st, 2, year);
		int rc = sqlite3_step(st);
		long seq = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
		sqlite3_reset(st);
		if (rc != SQLITE_ROW)
			return db_status_of(rc);
		char shown[CASENUM_MAX];
		if (casenum_format(code, year, seq, shown, sizeof shown))
			return casenum_key(shown, key, size) ? ST_OK : ST_INTERNAL;
	}
	return ST_INTERNAL;
}

/* Binds the person's own columns to ?1..?17 of the insert or update. */
static void bind_person(sqlite3_stmt *st, const struct person *p, const char *cc, long long centre,
                        long long user)
{
	char phone_key[PHONE_KEY_SIZE];
	person_phone_key(p->phone, cc, phone_key, sizeof phone_key);
	db_bind_text(st, 1, p->family_name);
	db_bind_text(st, 2, p->given_names);
	db_bind_text(st, 3, p->other_names);
	char sex[2] = { p->sex, '\0' };
	db_bind_text(st, 4, sex);
	db_bind_opt(st, 5, p->birth_date);
	sqlite3_bind_int(st, 6, p->birth_estimated);
	db_bind_opt(st, 7, p->nationality);
	db_bind_text(st, 8, p->phone);
	db_bind_text(st, 9, phone_key);
	db_bind_text(st, 10, p->arrival_date);
	sqlite3_bind_int64(st, 11, centre);
	db_bind_text(st, 12, p->arrival_mode);
	sqlite3_bind_int(st, 13, p->consent_data);
	sqlite3_bind_int(st, 14, p->consent_share);
	db_bind_text(st, 15, p->consent_date);
	if (user > 0)
		sqlite3_bind_int64(st, 16, user);
}

/* Adds to j (when not NULL) every field of b, as "name": value when a is
 * NULL (a creation), else the fields that differ from a, as "name":
 * [before, after]; values in the text form of core/person.h, booleans as
 * 0 and 1. The names of the fields that differ go to list (comma-separated)
 * when not NULL. */
static void diff(struct jsonbuf *j, const struct person *a, const struct person *b, char *list, size_t size)
{
	if (list && size)
		list[0] = '\0';
	for (int i = 0; i < person_field_count; i++) {
		const struct person_field *f = &person_fields[i];
		char x[1024], y[1024];
		person_field_get(f, b, y, sizeof y);
		if (!a) {
			if (!j)
				continue;
			if (f->kind == PF_BOOL)
				jsonbuf_put_int(j, f->name, y[0] == '1');
			else
				jsonbuf_put_str(j, f->name, y);
			continue;
		}
		person_field_get(f, a, x, sizeof x);
		if (strcmp(x, y) == 0)
			continue;
		if (j && f->kind == PF_BOOL)
			jsonbuf_change_int(j, f->name, x[0] == '1', y[0] == '1');
		else if (j)
			jsonbuf_change_str(j, f->name, x, y);
		if (list) {
			size_t len = strlen(list);
			snprintf(list + len, size - len, "%s%s", len ? "," : "", f->name);
		}
	}
}

void person_diff_json(struct jsonbuf *j, const struct person *before, const struct person *after)
{
	diff(j, before, after, NULL, 0);
}

/* True when the temporary table of the rows kept exists (it goes with
 * the rollback of the transaction that made it). */
static bool pending_table(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM temp.sqlite_master WHERE name = 'search_pending'");
	bool there = st && sqlite3_step(st) == SQLITE_ROW;
	if (st)
		sqlite3_reset(st);
	return there;
}

enum status person_search_flush(struct db *db)
{
	if (!db_defer_search(db) || !pending_table(db))
		return ST_OK;
	/* Only a centre token begins with " 0h": the people staying now are in
	 * the residents' index too (person_here_write). */
	static const char *const steps[] = {
		"DELETE FROM person_search WHERE rowid IN (SELECT id FROM temp.search_pending)",
		"INSERT INTO person_search (rowid, text) SELECT id, text FROM temp.search_pending",
		"DELETE FROM person_here WHERE rowid IN (SELECT id FROM temp.search_pending)",
		"INSERT INTO person_here (rowid, text) SELECT id, text FROM temp.search_pending "
		"WHERE instr(text, ' 0h') > 0",
		"DELETE FROM temp.search_pending",
	};
	enum status s = ST_OK;
	for (size_t i = 0; s == ST_OK && i < sizeof steps / sizeof steps[0]; i++)
		s = db_status_of(sqlite3_exec(db_sqlite(db), steps[i], NULL, NULL, NULL));
	return s;
}

enum status person_search_defer(struct db *db, bool on)
{
	enum status s = ST_OK;
	if (on)
		s = db_status_of(sqlite3_exec(db_sqlite(db),
		                              "CREATE TEMP TABLE IF NOT EXISTS search_pending "
		                              "(id INTEGER PRIMARY KEY, text TEXT NOT NULL)",
		                              NULL, NULL, NULL));
	else
		s = person_search_flush(db);
	if (s == ST_OK)
		db_set_defer_search(db, on);
	return s;
}

enum status person_write_index(struct db *db, const struct person *p)
{
	return write_index(db, p);
}

/* Inserts a new person with its first stay (a community member: none). */
static enum status insert_person(struct db *db, struct person *p, long long centre)
{
	static const char insert[] =
		"INSERT INTO person (family_name, given_names, other_names, sex, birth_date, birth_estimated, "
		"nationality, phone, phone_key, arrival_date, centre_id, arrival_mode, consent_data, consent_share, "
		"consent_date, consent_by, case_key, kind, locality, community_since, created_at) VALUES (?1, ?2, ?3, "
		"?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
		"strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";
	static const char stay[] =
		"INSERT INTO stay (person_id, centre_id, admitted) VALUES (?1, ?2, ?3)";
	int year = 0;
	sscanf(p->arrival_date, "%4d", &year);
	char key[sizeof p->case_key];
	enum status s = next_case_key(db, centre, p->centre_code, year, key, sizeof key);
	sqlite3_stmt *st = s == ST_OK ? db_stmt(db, insert) : NULL;
	if (s != ST_OK || !st)
		return s != ST_OK ? s : ST_INTERNAL;
	bind_person(st, p, db_phone_country(db), centre, db_actor(db)->user_id);
	db_bind_text(st, 17, key);
	bool community = person_is_community(p);
	db_bind_text(st, 18, community ? "community" : "migrant");
	db_bind_text(st, 19, community ? p->locality : "");
	db_bind_opt(st, 20, community ? p->community_since : "");
	if ((s = db_step_done(st)) != ST_OK)
		return s;
	p->id = sqlite3_last_insert_rowid(db_sqlite(db));
	memcpy(p->case_key, key, sizeof key);
	p->version = 1;
	if (community)   /* no stay: they live in the community */
		return ST_OK;
	if (!(st = db_stmt(db, stay)))
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, p->id);
	sqlite3_bind_int64(st, 2, centre);
	db_bind_text(st, 3, p->arrival_date);
	return db_step_done(st);
}

/* Updates an existing person if its version is still orig's. */
static enum status update_person(struct db *db, struct person *p, long long centre)
{
	static const char update[] =
		"UPDATE person SET family_name = ?1, given_names = ?2, other_names = ?3, sex = ?4, "
		"birth_date = ?5, birth_estimated = ?6, nationality = ?7, phone = ?8, phone_key = ?9, "
		"arrival_date = ?10, centre_id = ?11, arrival_mode = ?12, consent_data = ?13, "
		"consent_share = ?14, consent_date = ?15, version = version + 1 "
		"WHERE id = ?17 AND version = ?18";
	sqlite3_stmt *st = db_stmt(db, update);
	if (!st)
		return ST_INTERNAL;
	bind_person(st, p, db_phone_country(db), centre, 0);
	sqlite3_bind_int64(st, 17, p->id);
	sqlite3_bind_int(st, 18, p->version);
	enum status s = db_step_done(st);
	if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		s = ST_CONFLICT;
	if (s == ST_OK)
		p->version++;
	return s;
}

enum status person_create(struct db *db, struct person *p, long long centre)
{
	enum status s = insert_person(db, p, centre);
	if (s == ST_OK)
		s = person_write_lists(db, p);
	if (s == ST_OK)
		s = person_staying_at(db, p->id, p->staying_at, sizeof p->staying_at);
	if (s == ST_OK)
		s = write_index(db, p);
	if (s == ST_OK) {
		struct jsonbuf j;
		jsonbuf_init(&j);
		jsonbuf_put_str(&j, "case_key", p->case_key);
		diff(&j, NULL, p, NULL, 0);
		if (person_is_community(p)) {
			jsonbuf_put_str(&j, "kind", "community");
			jsonbuf_put_str(&j, "locality", p->locality);
		}
		s = audit_log(db, "create", "person", p->id, jsonbuf_text(&j));
	}
	return s;
}

enum status person_save(struct db *db, struct person *p, const struct person *orig,

                        char *changed, size_t changed_size)
{
	enum status s = db_require(db, PERM_PERSON_WRITE);
	if (s != ST_OK)
		return s;
	char today[11];
	struct pdate t = clock_today();
	date_to_iso(&t, today, sizeof today);
	/* The text of the other vulnerability is kept with its flag only. */
	if (!p->flags[FLAG_OTHER])
		p->flag_other[0] = '\0';
	if ((s = person_check(p, today, NULL)) != ST_OK)
		return s;
	if (p->id && !orig)
		return ST_INVALID;
	/* A new person here is a migrant: community members have their own
	 * registration (db/community.h). */
	if (!p->id)
		snprintf(p->kind, sizeof p->kind, "%s", "migrant");
	if (changed && changed_size)
		changed[0] = '\0';
	if ((s = db_begin(db)) != ST_OK)
		return s;
	long long centre = db_centre_id(db, p->centre_code);
	struct person now;
	if (!centre)
		s = ST_NOT_FOUND;
	else if (!p->id)
		s = insert_person(db, p, centre);
	else if ((s = person_read(db, p->id, &now)) == ST_OK && now.version != p->version) {
		/* Saved meanwhile by another session: merged field by field. */
		char taken[256], both[256];
		int n = person_merge(orig, &now, p, taken, sizeof taken, both, sizeof both);
		if (changed && changed_size)
			snprintf(changed, changed_size, "%s", n ? both : taken);
		if (n > 0) {
			s = ST_CONFLICT;
		} else if ((s = person_check(p, today, NULL)) == ST_OK) {
			p->version = now.version;
			orig = &now;   /* the trail records this save against what was saved */
			s = update_person(db, p, centre);
		}
	} else if (s == ST_OK) {
		s = update_person(db, p, centre);
	}
	if (s == ST_OK)
		s = person_write_lists(db, p);
	if (s == ST_OK)   /* where the person stays now, for the index */
		s = person_staying_at(db, p->id, p->staying_at, sizeof p->staying_at);
	if (s == ST_OK)
		s = write_index(db, p);
	if (s == ST_OK) {
		struct jsonbuf j;
		jsonbuf_init(&j);
		if (!orig || !orig->id)
			jsonbuf_put_str(&j, "case_key", p->case_key);
		diff(&j, orig && orig->id ? orig : NULL, p, NULL, 0);
		s = audit_log(db, orig && orig->id ? "update" : "create", "person", p->id, jsonbuf_text(&j));
	}
	if (s == ST_OK && (s = db_commit(db)) == ST_OK)
		return ST_OK;
	db_rollback(db);
	if (!orig || !orig->id) {
		p->id = 0;
		p->case_key[0] = '\0';
	}
	return s;
}

enum status person_get(struct db *db, long long id, struct person *p)
{
	enum status s = db_require(db, PERM_PERSON_READ);
	if (s != ST_OK)
		return s;
	if ((s = person_read(db, id, p)) != ST_OK)
		return s;
	/* Only the flags this role sees leave the data layer. */
	int role = db_actor(db)->role;
	for (int f = 0; f < FLAG_COUNT_; f++)
		if (!perm_sees_flag(role, f))
			p->flags[f] = false;
	if (!p->flags[FLAG_OTHER])
		p->flag_other[0] = '\0';
	/* Every opening of a case file is in the trail. */
	if ((s = db_begin(db)) != ST_OK)
		return s;
	s = audit_log(db, "view", "person", id, NULL);
	if (s == ST_OK)
		return db_commit(db);
	db_rollback(db);
	return s;
}
