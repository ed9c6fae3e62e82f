/* The name keys of a person: one definition for registration and the bulk
 * writers of demo databases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
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

/* Adds key to keys[0..*n) unless empty, there already, or full. */
static void add_key(char keys[][NAMES_KEY_MAX], int *n, int max, const char *key)
{
	if (!key[0] || *n >= max)
		return;
	for (int k = 0; k < *n; k++)
		if (strcmp(keys[k], key) == 0)
			return;
	memcpy(keys[*n], key, NAMES_KEY_MAX);
	keys[*n][NAMES_KEY_MAX - 1] = '\0';
	(*n)++;
}

/* The keys of the words of one name (a family name, given names or one
 * alias) and of each two neighbouring words written together. */
static void name_lookup_keys(const char *name, char keys[][NAMES_KEY_MAX], int *n, int max)
{
	char words[NAMES_MAX_WORDS][32];
	int nw = names_words(name, words);
	for (int w = 0; w < nw; w++) {
		char key[NAMES_KEY_MAX];
		names_key(words[w], key, sizeof key);
		add_key(keys, n, max, key);
		if (w + 1 < nw) {
			char joined[64];
			size_t a = strnlen(words[w], 31), b = strnlen(words[w + 1], 31);
			memcpy(joined, words[w], a);
			memcpy(joined + a, words[w + 1], b);
			joined[a + b] = '\0';
			names_key(joined, key, sizeof key);
			add_key(keys, n, max, key);
		}
	}
}

int person_lookup_keys(const struct person *p, char keys[][NAMES_KEY_MAX], int max)
{
	int n = 0;
	name_lookup_keys(p->family_name, keys, &n, max);
	name_lookup_keys(p->given_names, keys, &n, max);
	/* Each alias on its own: two aliases are not one name. */
	for (const char *o = p->other_names; *o && n < max;) {
		const char *end = strchr(o, ';');
		size_t len = end ? (size_t)(end - o) : strlen(o);
		char alias[PERSON_NAME_MAX + 1];
		if (len >= sizeof alias)
			len = sizeof alias - 1;
		memcpy(alias, o, len);
		alias[len] = '\0';
		name_lookup_keys(alias, keys, &n, max);
		o = end ? end + 1 : o + len;
	}
	return n;
}

void person_here_token(const char *centre_code, char *out, size_t size)
{
	size_t n = 0;
	if (size < 3) {
		if (size)
			out[0] = '\0';
		return;
	}
	out[n++] = '0';
	out[n++] = 'h';
	for (; *centre_code && n + 1 < size; centre_code++) {
		char c = *centre_code;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[n++] = c;
	}
	out[n] = '\0';
}

enum status person_staying_at(struct db *db, long long id, char *code, size_t size)
{
	static const char sql[] =
		"SELECT c.code FROM stay y JOIN centre c ON c.id = y.centre_id "
		"WHERE y.person_id = ?1 AND y.departed IS NULL ORDER BY y.admitted DESC LIMIT 1";
	sqlite3_stmt *st = db_stmt(db, sql);
	code[0] = '\0';
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_copy(st, 0, code, size);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

enum status person_here_write(struct db *db, long long id, const char *text)
{
	sqlite3_stmt *del = db_stmt(db, "DELETE FROM person_here WHERE rowid = ?1");
	sqlite3_stmt *ins = db_stmt(db, "INSERT INTO person_here (rowid, text) VALUES (?1, ?2)");
	if (!del || !ins)
		return ST_INTERNAL;
	sqlite3_bind_int64(del, 1, id);
	enum status s = db_step_done(del);
	/* Only a centre token begins with "0h" (names are letters, numbers
	 * digits): the person stays somewhere now. */
	if (s == ST_OK && strstr(text, " 0h")) {
		sqlite3_bind_int64(ins, 1, id);
		db_bind_text(ins, 2, text);
		s = db_step_done(ins);
	}
	return s;
}

enum status person_reindex(struct db *db, long long id)
{
	sqlite3_stmt *del = db_stmt(db, "DELETE FROM person_search WHERE rowid = ?1");
	sqlite3_stmt *ins = db_stmt(db, "INSERT INTO person_search (rowid, text) VALUES (?1, ?2)");
	struct person *p = malloc(sizeof *p);
	char *text = malloc(PERSON_INDEX_TEXT);
	enum status s = !p || !text ? ST_NOMEM : !del || !ins ? ST_INTERNAL : person_read(db, id, p);
	if (s == ST_OK) {
		person_index_text(p, text, PERSON_INDEX_TEXT);
		sqlite3_bind_int64(del, 1, id);
		s = db_step_done(del);
	}
	if (s == ST_OK) {
		sqlite3_bind_int64(ins, 1, id);
		db_bind_text(ins, 2, text);
		s = db_step_done(ins);
	}
	if (s == ST_OK)
		s = person_here_write(db, id, text);
	free(p);
	free(text);
	return s;
}

void person_key_token(const char *key, char *out, size_t size)
{
	size_t n = 0;
	if (size < 3) {
		if (size)
			out[0] = '\0';
		return;
	}
	out[n++] = '0';
	out[n++] = 'k';
	for (; *key && n + 1 < size; key++)
		out[n++] = (char)(*key >= 'A' && *key <= 'Z' ? *key - 'A' + 'a' : *key);
	out[n] = '\0';
}

/* Orders words alphabetically. */
static int by_word(const void *a, const void *b)
{
	return strcmp(a, b);
}

bool person_whole_token(const char *family, const char *given, char *out, size_t size)
{
	char words[2 * NAMES_MAX_WORDS][32];
	int n = names_words(family, words);
	n += names_words(given, words + n);
	out[0] = '\0';
	if (n == 0 || size < 3)
		return false;
	qsort(words, (size_t)n, sizeof words[0], by_word);
	size_t len = 2;
	memcpy(out, "0w", 3);
	for (int i = 0; i < n; i++) {
		size_t w = strlen(words[i]);
		if (len + (i > 0) + w + 1 > size || len + (i > 0) + w > PERSON_WHOLE_TOKEN_MAX) {
			out[0] = '\0';
			return false;
		}
		if (i > 0)
			out[len++] = '0';
		memcpy(out + len, words[i], w + 1);
		len += w;
	}
	return true;
}

void person_key_tokens(const struct person *p, char *out, size_t size)
{
	char keys[PERSON_LOOKUP_KEYS][NAMES_KEY_MAX];
	int n = person_lookup_keys(p, keys, PERSON_LOOKUP_KEYS);
	size_t len = strlen(out);
	char whole[PERSON_WHOLE_TOKEN_MAX + 1];
	bool has_whole = person_whole_token(p->family_name, p->given_names, whole, sizeof whole);
	for (int k = -1; k <= n; k++) {
		char token[PERSON_WHOLE_TOKEN_MAX + 1];
		if (k < 0 && !has_whole)
			continue;
		if (k == n && !p->staying_at[0])
			break;
		if (k < 0)
			memcpy(token, whole, sizeof token);
		else if (k == n)
			person_here_token(p->staying_at, token, sizeof token);
		else
			person_key_token(keys[k], token, sizeof token);
		size_t t = strlen(token);
		if (len + 1 + t + 1 > size)
			break;   /* whole tokens only */
		out[len++] = ' ';
		memcpy(out + len, token, t + 1);
		len += t;
	}
}

int person_typo_probes(const char *word, char probes[][32], int max)
{
	size_t len = strlen(word);
	int n = 0;
	if (len < NAMES_TYPO_MIN || len > 31 || max < 1)
		return 0;
	memcpy(probes[n++], word, len + 1);
	for (size_t i = 0; i < len && n < max; i++) {
		/* Deleting one of a run of equal letters gives the same probe. */
		if (i > 0 && word[i] == word[i - 1])
			continue;
		memcpy(probes[n], word, i);
		memcpy(probes[n] + i, word + i + 1, len - i);
		n++;
	}
	return n;
}

enum status person_write_typos(struct db *db, const struct person *p)
{
	sqlite3_stmt *have = db_stmt(db, "SELECT 1 FROM name_typo WHERE probe = ?1 AND word = ?1");
	sqlite3_stmt *ins = db_stmt(db, "INSERT OR IGNORE INTO name_typo (probe, word) VALUES (?1, ?2)");
	if (!have || !ins)
		return ST_INTERNAL;
	const char *parts[] = { p->family_name, p->given_names, p->other_names };
	enum status s = ST_OK;
	for (int i = 0; i < 3 && s == ST_OK; i++) {
		char words[NAMES_MAX_WORDS][32];
		int nw = names_words(parts[i], words);
		for (int w = 0; w < nw && s == ST_OK; w++) {
			char probes[PERSON_TYPO_PROBES][32];
			int np = person_typo_probes(words[w], probes, PERSON_TYPO_PROBES);
			if (!np)
				continue;
			/* The word itself is there when its probes are. */
			db_bind_text(have, 1, probes[0]);
			int rc = sqlite3_step(have);
			sqlite3_reset(have);
			if (rc == SQLITE_ROW)
				continue;
			if (rc != SQLITE_DONE)
				return db_status_of(rc);
			for (int k = np - 1; k >= 0 && s == ST_OK; k--) {
				db_bind_text(ins, 1, probes[k]);
				db_bind_text(ins, 2, words[w]);
				s = db_step_done(ins);
			}
		}
	}
	return s;
}

enum status person_keys_upgrade(struct db *db)
{
	sqlite3_stmt *pending = db_stmt(db, "SELECT 1 FROM setting WHERE key = 'lookup_keys_pending'");
	if (!pending)
		return ST_INTERNAL;
	int rc = sqlite3_step(pending);
	sqlite3_reset(pending);
	if (rc == SQLITE_DONE)
		return ST_OK;
	if (rc != SQLITE_ROW)
		return db_status_of(rc);
	sqlite3_stmt *ids = db_stmt(db, "SELECT id FROM person WHERE id > ?1 ORDER BY id LIMIT 1");
	sqlite3_stmt *done = db_stmt(db, "DELETE FROM setting WHERE key = 'lookup_keys_pending'");
	struct person *p = malloc(sizeof *p);
	enum status s = ST_INTERNAL;
	bool began = false;
	if (!p)
		s = ST_NOMEM;
	else if (ids && done)
		began = (s = db_begin(db)) == ST_OK;
	for (long long id = 0; s == ST_OK;) {
		sqlite3_bind_int64(ids, 1, id);
		rc = sqlite3_step(ids);
		id = rc == SQLITE_ROW ? sqlite3_column_int64(ids, 0) : 0;
		sqlite3_reset(ids);
		if (rc != SQLITE_ROW) {
			s = rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
			break;
		}
		s = person_reindex(db, id);
		if (s == ST_OK)
			s = person_read(db, id, p);
		if (s == ST_OK)
			s = person_write_typos(db, p);
	}
	if (s == ST_OK)
		s = db_step_done(done);
	if (began)
		s = db_finish(db, s);
	free(p);
	return s;
}
