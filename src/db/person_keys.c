/* The keys derived from a person: name keys, one definition for
 * registration and the bulk writers of demo databases; and deriving the
 * phone keys and search index again when their form changed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "core/phone.h"
#include "db/db_private.h"
#include "db/person_private.h"

int person_name_keys(const struct person *p, char keys[][NAMES_KEY_MAX], int max)
{
	const char *parts[] = { p->family_name, p->given_names, p->other_names };
	int n = 0;
	for (int i = 0; i < 3; i++) {
		char words[NAMES_MAX_WORDS][32];
		int nw = names_words(parts[i], words);
		for (int w = 0; w < nw && n < max; w++) {
			names_key(words[w], keys[n], NAMES_KEY_MAX);
			bool seen = keys[n][0] == '\0';
			for (int k = 0; k < n && !seen; k++)
				seen = strcmp(keys[k], keys[n]) == 0;
			if (!seen)
				n++;
		}
	}
	return n;
}

/* The form of the keys derived from a person's columns that this program
 * writes: the phone key and the search index text (person_phone_key,
 * person_index_text). A database whose setting 'person_keys' differs, made
 * by an older program or under another country code, has them derived
 * again when opened. Change it whenever either function changes. */
#define KEYS_FORM "2"

/* People read and rewritten at a time. */
#define REFRESH_BATCH 256

/* The setting as this connection would write it. */
static void keys_form(struct db *db, char *out, size_t size)
{
	snprintf(out, size, "%s cc=%s", KEYS_FORM, db_phone_country(db));
}

/* True when the setting says the keys are of form want. */
static bool keys_are(struct db *db, const char *want)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM setting WHERE key = 'person_keys'");
	if (!st)
		return false;
	bool same = sqlite3_step(st) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), want) == 0;
	sqlite3_reset(st);
	return same;
}

/* Reads up to max people after id after, with the columns their keys are
 * made of, into ps; how many (-1 on error). */
static int read_batch(struct db *db, long long after, struct person *ps, int max)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, family_name, given_names, other_names, case_key, phone "
	                               "FROM person WHERE id > ?1 ORDER BY id LIMIT ?2");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int(st, 2, max);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct person *p = &ps[n++];
		memset(p, 0, sizeof *p);
		p->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, p->family_name, sizeof p->family_name);
		db_column_copy(st, 2, p->given_names, sizeof p->given_names);
		db_column_copy(st, 3, p->other_names, sizeof p->other_names);
		db_column_copy(st, 4, p->case_key, sizeof p->case_key);
		db_column_copy(st, 5, p->phone, sizeof p->phone);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? n : -1;
}

/* Writes the phone key and search text of p. */
static enum status rewrite(struct db *db, const struct person *p)
{
	sqlite3_stmt *key = db_stmt(db, "UPDATE person SET phone_key = ?2 WHERE id = ?1 AND phone_key != ?2");
	sqlite3_stmt *text = db_stmt(db, "UPDATE person_search SET text = ?2 WHERE rowid = ?1");
	if (!key || !text)
		return ST_INTERNAL;
	char phone_key[PHONE_KEY_SIZE], words[1024];
	person_phone_key(p->phone, db_phone_country(db), phone_key, sizeof phone_key);
	person_index_text(p, db_phone_country(db), words, sizeof words);
	sqlite3_bind_int64(key, 1, p->id);
	db_bind_text(key, 2, phone_key);
	enum status s = db_step_done(key);
	if (s == ST_OK) {
		sqlite3_bind_int64(text, 1, p->id);
		db_bind_text(text, 2, words);
		s = db_step_done(text);
	}
	return s;
}

enum status person_keys_refresh(struct db *db, char *detail, size_t size)
{
	char want[32];
	keys_form(db, want, sizeof want);
	if (keys_are(db, want))
		return ST_OK;
	/* Under the write lock, looking again: two sessions opening at once
	 * do the work once. */
	enum status s = db_begin(db);
	if (s != ST_OK || keys_are(db, want)) {
		db_rollback(db);
		return s;
	}
	struct person *ps = malloc(REFRESH_BATCH * sizeof *ps);
	if (!ps)
		s = ST_NOMEM;
	long long after = 0;
	for (int n = REFRESH_BATCH; s == ST_OK && n == REFRESH_BATCH;) {
		n = read_batch(db, after, ps, REFRESH_BATCH);
		if (n < 0)
			s = ST_INTERNAL;
		for (int i = 0; s == ST_OK && i < n; i++)
			s = rewrite(db, &ps[i]);
		if (n > 0)
			after = ps[n - 1].id;
	}
	free(ps);
	/* Rewritten row by row, the index holds every word twice, once
	 * deleted, in many segments: merged into one it is as fast as new
	 * (a few seconds for 2,000,000 people, once). */
	sqlite3_stmt *merge = db_stmt(db, "INSERT INTO person_search (person_search) VALUES ('optimize')");
	if (s == ST_OK)
		s = merge ? db_step_done(merge) : ST_INTERNAL;
	sqlite3_stmt *set = db_stmt(db, "INSERT OR REPLACE INTO setting (key, value) VALUES ('person_keys', ?1)");
	if (s == ST_OK && !set)
		s = ST_INTERNAL;
	if (s == ST_OK) {
		db_bind_text(set, 1, want);
		s = db_step_done(set);
	}
	if (s != ST_OK && detail && size)
		snprintf(detail, size, "person_keys: %s", sqlite3_errmsg(db_sqlite(db)));
	return db_finish(db, s);
}
