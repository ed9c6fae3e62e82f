/* The keys derived from a person: name keys and lookup keys, one
 * definition for registration and the bulk writers of demo databases; and
 * deriving the phone keys and search index again when their form changed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/names.h"
#include "core/text.h"
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
#define KEYS_FORM "5"

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

/* Writes the phone key of p, and its search-index rows and typo words
 * from the whole person as saved (person_reindex). */
static enum status rewrite(struct db *db, const struct person *p)
{
	sqlite3_stmt *key = db_stmt(db, "UPDATE person SET phone_key = ?2 WHERE id = ?1 AND phone_key != ?2");
	if (!key)
		return ST_INTERNAL;
	char phone_key[PHONE_KEY_SIZE];
	person_phone_key(p->phone, db_phone_country(db), phone_key, sizeof phone_key);
	sqlite3_bind_int64(key, 1, p->id);
	db_bind_text(key, 2, phone_key);
	enum status s = db_step_done(key);
	if (s == ST_OK)
		s = person_reindex(db, p->id);
	if (s == ST_OK)
		s = person_write_typos(db, p);
	if (s == ST_OK)
		s = person_write_words(db, p);
	return s;
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
	/* The residents' index too (its rows were rewritten alike). */
	sqlite3_stmt *merge_here = db_stmt(db, "INSERT INTO person_here (person_here) VALUES ('optimize')");
	if (s == ST_OK)
		s = merge_here ? db_step_done(merge_here) : ST_INTERNAL;
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

enum status person_index_store(struct db *db, long long id, const char *text)
{
	if (db_defer_search(db)) {
		sqlite3_stmt *keep = db_stmt(db, "INSERT OR REPLACE INTO temp.search_pending (id, text) VALUES (?1, ?2)");
		if (!keep)
			return ST_INTERNAL;
		sqlite3_bind_int64(keep, 1, id);
		db_bind_text(keep, 2, text);
		return db_step_done(keep);
	}
	sqlite3_stmt *del = db_stmt(db, "DELETE FROM person_search WHERE rowid = ?1");
	sqlite3_stmt *ins = db_stmt(db, "INSERT INTO person_search (rowid, text) VALUES (?1, ?2)");
	if (!del || !ins)
		return ST_INTERNAL;
	sqlite3_bind_int64(del, 1, id);
	enum status s = db_step_done(del);
	if (s == ST_OK) {
		sqlite3_bind_int64(ins, 1, id);
		db_bind_text(ins, 2, text);
		s = db_step_done(ins);
	}
	if (s == ST_OK)
		s = person_here_write(db, id, text);
	return s;
}

enum status person_reindex(struct db *db, long long id)
{
	struct person *p = malloc(sizeof *p);
	char *text = malloc(PERSON_INDEX_TEXT);
	enum status s = !p || !text ? ST_NOMEM : person_read(db, id, p);
	if (s == ST_OK) {
		person_index_text(p, db_phone_country(db), text, PERSON_INDEX_TEXT);
		s = person_index_store(db, id, text);
	}
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

void person_pair_token(const char *a, const char *b, char *out, size_t size)
{
	snprintf(out, size, "0p%.31s0%.31s", a, b);
}

/* The token "0<kind><k>0<k>" of two sound keys in alphabetical order. */
static void keys_token(char kind, const char *ka, const char *kb, char *out, size_t size)
{
	char a[NAMES_KEY_MAX + 2], b[NAMES_KEY_MAX + 2];
	/* Lower case, as the index folds it: the token of one key less "0k". */
	person_key_token(ka, a, sizeof a);
	person_key_token(kb, b, sizeof b);
	if (strcmp(a, b) > 0)
		snprintf(out, size, "0%c%s0%s", kind, b + 2, a + 2);
	else
		snprintf(out, size, "0%c%s0%s", kind, a + 2, b + 2);
}

void person_key_pair_token(const char *ka, const char *kb, char *out, size_t size)
{
	keys_token('q', ka, kb, out, size);
}

void person_keys_token(const char *ka, const char *kb, char *out, size_t size)
{
	keys_token('s', ka, kb, out, size);
}

void person_word_pair_token(const char *a, const char *b, char *out, size_t size)
{
	snprintf(out, size, "0t%.31s0%.31s", a, b);
}

void person_key_word_token(const char *key, const char *word, char *out, size_t size)
{
	char k[NAMES_KEY_MAX + 2];
	person_key_token(key, k, sizeof k);
	snprintf(out, size, "0r%s0%.31s", k + 2, word);
}

/* True when token is one of the tokens of out. */
static bool has_token(const char *out, const char *token)
{
	size_t t = strlen(token);
	for (const char *at = strstr(out, token); at; at = strstr(at + 1, token))
		if (at > out && at[-1] == ' ' && (at[t] == ' ' || at[t] == '\0'))
			return true;
	return false;
}

/* Appends " token" to out (length *len) unless it is there already;
 * false when it does not fit whole (then out is as it was). */
static bool put_token(char *out, size_t size, size_t *len, const char *token)
{
	size_t t = strlen(token);
	if (!t || has_token(out, token))
		return true;
	if (*len + 1 + t + 1 > size)
		return false;
	out[(*len)++] = ' ';
	memcpy(out + *len, token, t + 1);
	*len += t;
	return true;
}

/* True for a character the index's tokenizer keeps in a word (unicode61:
 * letters, numbers, private use). */
static bool index_char(utf8proc_int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO)
	       || (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO) || c == UTF8PROC_CATEGORY_CO;
}

/* Adds word (len bytes) to words[0..*n) unless there already; *more
 * when it does not fit (too long, or max words already). */
static void add_word(char words[][32], int *n, int max, const char *word, size_t len, bool *more)
{
	if (len == 0)
		return;
	if (len > 31) {
		*more = true;
		return;
	}
	for (int i = 0; i < *n; i++)
		if (strncmp(words[i], word, len) == 0 && words[i][len] == '\0')
			return;
	if (*n >= max) {
		*more = true;
		return;
	}
	memcpy(words[*n], word, len);
	words[*n][len] = '\0';
	(*n)++;
}

/* Adds the words the index's tokenizer makes of name (folded, split at
 * every character that is not a letter or a number). */
static void add_index_words(const char *name, char words[][32], int *n, int max, bool *more)
{
	char *folded = text_fold(name);
	if (!folded) {
		*more = true;
		return;
	}
	const utf8proc_uint8_t *c = (const utf8proc_uint8_t *)folded;
	utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(folded);
	const char *start = NULL;
	while (left > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(c, left, &cp);
		if (k <= 0) {
			k = 1;
			cp = ' ';
		}
		if (index_char(cp)) {
			if (!start)
				start = (const char *)c;
		} else if (start) {
			add_word(words, n, max, start, (size_t)((const char *)c - start), more);
			start = NULL;
		}
		c += k;
		left -= k;
	}
	if (start)
		add_word(words, n, max, start, strlen(start), more);
	free(folded);
}

int person_match_words(const struct person *p, char words[][32], int max, bool *more)
{
	const char *parts[] = { p->family_name, p->given_names, p->other_names };
	int n = 0;
	*more = false;
	/* The name words first, in the order of the pair tokens. */
	for (int i = 0; i < 3; i++) {
		char part[NAMES_MAX_WORDS][32];
		int np = names_words(parts[i], part);
		for (int w = 0; w < np; w++)
			add_word(words, &n, max, part[w], strlen(part[w]), more);
	}
	for (int i = 0; i < 3; i++)
		add_index_words(parts[i], words, &n, max, more);
	return n;
}

/* Appends the pair tokens of p's name words (family, given names, then
 * aliases; the first PERSON_PAIR_WORDS): "0p<a>0<b>" for every two words
 * in both orders and "0q<key>0<key>" for their sound keys, in order, so
 * that a lookup of two words reads one short list instead of crossing two
 * long ones (person_lookup.c). */
static void put_pairs(const struct person *p, char *out, size_t size, size_t *len)
{
	char words[PERSON_PAIR_WORDS][32], keys[PERSON_PAIR_WORDS][NAMES_KEY_MAX];
	const char *parts[] = { p->family_name, p->given_names, p->other_names };
	int n = 0;
	for (int i = 0; i < 3 && n < PERSON_PAIR_WORDS; i++) {
		char part[NAMES_MAX_WORDS][32];
		int np = names_words(parts[i], part);
		for (int w = 0; w < np && n < PERSON_PAIR_WORDS; w++) {
			memcpy(words[n], part[w], sizeof words[n]);
			names_key(words[n], keys[n], sizeof keys[n]);
			n++;
		}
	}
	char token[80];
	for (int a = 0; a < n; a++)
		for (int b = 0; b < n; b++) {
			if (a == b)
				continue;
			person_pair_token(words[a], words[b], token, sizeof token);
			put_token(out, size, len, token);
			if (a < b && keys[a][0] && keys[b][0]) {
				person_key_pair_token(keys[a], keys[b], token, sizeof token);
				put_token(out, size, len, token);
			}
		}
}

/* Appends the tokens that make a lookup of two words a few short lists
 * (person_lookup.c): "0t<a>0<b>" for every two words a typed word may
 * begin (person_match_words) that have no pair token "0p" (split words,
 * words past the first PERSON_PAIR_WORDS), "0r<key>0<word>" for every
 * sound key of the person (person_lookup_keys) with every such word, the
 * same word too, and "0s<key>0<key>" for every two different keys that
 * have no "0q" token (keys of words written together). When some did not
 * fit or words were left out, "0x": the lookup crosses the lists of the
 * words for those people, as before these tokens. */
static void put_more(const struct person *p, char *out, size_t size, size_t *len)
{
	char words[PERSON_MATCH_WORDS][32], keys[PERSON_LOOKUP_KEYS][NAMES_KEY_MAX];
	bool more;
	int n = person_match_words(p, words, PERSON_MATCH_WORDS, &more);
	int nk = person_lookup_keys(p, keys, PERSON_LOOKUP_KEYS);
	/* Room kept for "0x" and the centre token. */
	size_t room = size > PERSON_TOKEN_ROOM ? size - PERSON_TOKEN_ROOM : 0;
	char token[80], have[80];
	for (int a = 0; a < n; a++)
		for (int b = 0; b < n; b++) {
			if (a == b)
				continue;
			person_pair_token(words[a], words[b], have, sizeof have);
			if (has_token(out, have))
				continue;
			person_word_pair_token(words[a], words[b], token, sizeof token);
			more = !put_token(out, room, len, token) || more;
		}
	for (int k = 0; k < nk; k++)
		for (int w = 0; w < n; w++) {
			person_key_word_token(keys[k], words[w], token, sizeof token);
			more = !put_token(out, room, len, token) || more;
		}
	for (int k = 0; k < nk; k++)
		for (int l = k + 1; l < nk; l++) {
			person_key_pair_token(keys[k], keys[l], have, sizeof have);
			if (has_token(out, have))
				continue;
			person_keys_token(keys[k], keys[l], token, sizeof token);
			more = !put_token(out, room, len, token) || more;
		}
	if (more)
		put_token(out, size - PERSON_TOKEN_ROOM / 2, len, PERSON_MORE_TOKEN);
}

void person_key_tokens(const struct person *p, char *out, size_t size)
{
	char keys[PERSON_LOOKUP_KEYS][NAMES_KEY_MAX];
	int n = person_lookup_keys(p, keys, PERSON_LOOKUP_KEYS);
	size_t len = strlen(out);
	char token[PERSON_WHOLE_TOKEN_MAX + 1];
	if (person_whole_token(p->family_name, p->given_names, token, sizeof token))
		put_token(out, size, &len, token);
	for (int k = 0; k < n; k++) {
		person_key_token(keys[k], token, sizeof token);
		put_token(out, size, &len, token);
	}
	put_pairs(p, out, size, &len);
	put_more(p, out, size, &len);
	/* Last: the bulk writers add it when a stay opens. */
	if (p->staying_at[0]) {
		person_here_token(p->staying_at, token, sizeof token);
		put_token(out, size, &len, token);
	}
}

enum status person_write_words(struct db *db, const struct person *p)
{
	sqlite3_stmt *ins = db_stmt(db, "INSERT OR IGNORE INTO name_word (word) VALUES (?1)");
	if (!ins)
		return ST_INTERNAL;
	char words[PERSON_MATCH_WORDS][32];
	bool more;
	int n = person_match_words(p, words, PERSON_MATCH_WORDS, &more);
	enum status s = ST_OK;
	for (int w = 0; w < n && s == ST_OK; w++) {
		db_bind_text(ins, 1, words[w]);
		s = db_step_done(ins);
	}
	return s;
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
